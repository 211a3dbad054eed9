#!/bin/sh
# Builds the seed corpora of the fuzz harnesses: `sh fuzz/seed.sh DIR`
# fills DIR/<harness>/ from examples/, the here-documents of tests/cli/,
# and, when present, the first lines of the third-party samples in
# ../shared/data/real ($SLO_FUZZ_REAL), which are read there and never
# copied into the tree.  A document found twice is one seed: duplicates
# are removed at the end, by checksum, in one pass (a process a seed made
# this script take a minute).
set -eu
[ $# -eq 1 ] || { echo "usage: sh fuzz/seed.sh DIR" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
out=$1
real=${SLO_FUZZ_REAL:-$root/../shared/data/real}
docs=$out/.docs
mkdir -p "$docs"
for h in csv csv_diff log_format w3c haproxy json_lines rails nginx_plus prom timestamp num status; do
	mkdir -p "$out/$h"
done

# seed HARNESS: the name of a new seed of HARNESS, to write to.
k=0
seed() {
	k=$((k + 1))
	next=$out/$1/s$k
}
# put HARNESS FILE: FILE becomes a seed of HARNESS.
put() {
	seed "$1"
	cp "$2" "$next"
}

# --- documents: whole files of any format ---
n=0
doc() { n=$((n + 1)); cat >"$docs/$n"; }
for f in "$root"/examples/*.csv; do
	doc <"$f"
	cp "$f" "$docs/$n.csv"
done
# the here-documents of the command-line tests, each a file
for f in "$root"/tests/cli/*.sh; do
	awk -v dir="$docs" -v base="$(basename "$f" .sh)" '
		inh { if ($0 == delim) { inh = 0; close(file); next } print >file; next }
		match($0, /<<-?[ \t]*["'"'"']?[A-Za-z_][A-Za-z_0-9]*/) {
			delim = substr($0, RSTART + 2, RLENGTH - 2)
			gsub(/^-|[ \t"'"'"']/, "", delim)
			file = dir "/" base "-" (++k)
			printf "" >file
			inh = 1
		}' "$f"
done
if [ -d "$real" ]; then
	find "$real" -type f ! -name 'PROVENANCE*' ! -name '*.md' | sort | while read -r f; do
		n=$((n + 1))
		head -n 40 "$f" | head -c 16384 >"$docs/real-$n"
		case $f in *.csv | *.jtl | *.tsv) cp "$docs/real-$n" "$docs/real-$n.csv" ;; esac
	done
fi
# the compressed path of the readers that open files
gzip -c "$root/examples/api-requests.csv" >"$docs/gz.csv"

# --- the log formats of the tests, and a few more ---
fmts=$out/.formats
sed -n "s/.*--log-format[ =]'\([^']*\)'.*/\1/p; s/^[a-z_]*='\([^']*[\$%][^']*\)'\$/\1/p" \
	"$root"/tests/cli/*.sh >"$fmts"
cat >>"$fmts" <<'EOF'
%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-agent}i\" %D
%v %h %{ms}T %>s "%m %U%q %H" %{Host}i %%
$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_time $upstream_response_time
${msec} ${host} "$request_method $request_uri" $status $upstream_response_time
EOF

i=0
for d in "$docs"/*; do
	for h in w3c haproxy json_lines rails nginx_plus prom; do
		put "$h" "$d"
	done
	# CSV: the first byte says what is asked for (see fuzz_csv.c)
	case $d in *.csv) flags='001 003 007 043 023 111 201 303' ;; *) flags='001 007 043' ;; esac
	for b in $flags; do
		seed csv
		{ printf "\\$b"; cat "$d"; } >"$next"
	done
	# csv_diff: the first byte is the delimiter, a stop, small caps: see fuzz_csv_diff.c
	case $d in *.csv) flags='000 001 002 003 010 011 044' ;; *) flags='000 010' ;; esac
	for b in $flags; do
		seed csv_diff
		{ printf "\\$b"; cat "$d"; } >"$next"
	done
	# log_format: a layout line, then the document
	while IFS= read -r fmt; do
		i=$((i + 1))
		# not every layout with every document: one in three
		[ $((i % 3)) -eq 0 ] || continue
		seed log_format
		{ printf '%s\n' "$fmt"; cat "$d"; } >"$next"
	done <"$fmts"
done
while IFS= read -r fmt; do
	seed log_format
	printf '%s\n' "$fmt" >"$next"
done <"$fmts"

# --- tokens: timestamps and numbers as they stand in the documents ---
cat "$docs"/* 2>/dev/null | LC_ALL=C tr ',;\t"|=' '\n\n\n\n\n\n' |
	LC_ALL=C grep -a '[0-9]' | LC_ALL=C awk 'length($0) <= 48 && !seen[$0]++' |
	head -n 400 >"$out/.tokens" || true
cat >>"$out/.tokens" <<'EOF'
2026-10-01T12:00:00Z
2026-10-01 12:00:00.250+02:00
2026-10-01T12:00
2026-10-01
2024-02-29T23:59:60.999999999-23:59
1716723772.601
1716723772601
1716723772601123
1716723772601123456
[10/Oct/2000:13:55:36 -0700]
25/Feb/2019:16:19:48.143
10/Oct/2000:13:55:36
99.9
99.95%
0.000001
1h30m
1.5h
250ms
30d
1h 30m
month
2 quarters
1.5µs
9223372036854775807ns
18446744073709551615
EOF
while IFS= read -r t; do
	seed timestamp
	printf '%s' "$t" >"$next"
	seed num
	printf '%s' "$t" >"$next"
done <"$out/.tokens"

# --- status lists and --where conditions ---
for s in '5xx' '5xx,429' '500-504,429' '1xx,2XX,3xx,4xx,5xx' '599-100' \
	'path!~^/health' 'method=GET' 'status~^5' 'host!=example.com' \
	'path~^/(a|b)+$
method!=POST
query!~x'; do
	seed status
	printf '%s' "$s" >"$next"
done
rm -rf "$docs" "$fmts" "$out/.tokens"

# one seed of each content: cksum prints "sum size name", and every name
# after the first of a sum and size goes
for d in "$out"/*/; do
	(cd "$d" && find . -type f -name 's*' | LC_ALL=C sort | xargs cksum |
		awk 'seen[$1 " " $2]++ { print $3 }' | xargs rm -f)
done
