#!/bin/sh
# Builds the seed corpora of the fuzz harnesses: `sh fuzz/seed.sh DIR`
# fills DIR/<harness>/ from examples/, the here-documents of tests/cli/,
# tests/config/, saved states that slo itself writes ($SLO_FUZZ_SLO, or
# ./slo; none when it is not built), and, when present, the first lines
# of the third-party samples in ../shared/data/real ($SLO_FUZZ_REAL),
# which are read there and never copied into the tree.  A document found
# twice is one seed: duplicates are removed at the end, by checksum, in
# one pass (a process a seed made this script take a minute).
set -eu
[ $# -eq 1 ] || { echo "usage: sh fuzz/seed.sh DIR" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
out=$1
real=${SLO_FUZZ_REAL:-$root/../shared/data/real}
docs=$out/.docs
tmp=$out/.tmp
mkdir -p "$docs"
for h in csv csv_diff log_format w3c haproxy json_lines rails nginx_plus prom timestamp num status \
	state config; do
	mkdir -p "$out/$h"
done

# seed HARNESS: the name of a new seed of HARNESS, to write to.
nseed=0
seed() {
	nseed=$((nseed + 1))
	next=$out/$1/s$nseed
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
# --- config files: slo's own, OpenSLO, sloth (see fuzz_config.c) ---
for d in "$root"/examples/*.yaml "$root"/tests/config/openslo/*.yaml "$docs"/*; do
	grep -q -E '^(slos:|apiVersion:|version:|defaults:)' "$d" 2>/dev/null && put config "$d"
done
# several files in one input, separated by NUL bytes: an SLI found by
# indicatorRef in another file, inputs relative to each file's directory
cat >"$tmp.1" <<'EOF2'
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout
  annotations:
    slo.input/files: a.csv, /var/log/b.csv
    slo.input/status-col: code
spec:
  indicatorRef: checkout-sli
  timeWindow:
    - duration: 1M
      isRolling: false
      calendar: {startTime: 2026-01-01 00:00:00, timeZone: UTC}
  budgetingMethod: Timeslices
  objectives:
    - displayName: fast
      target: 0.99
      timeSliceWindow: 5m
      timeSliceTarget: 0.95
    - name: slow
      targetPercent: 99.5
      timeSliceWindow: 1
      timeSliceTarget: 0.9
EOF2
cat >"$tmp.2" <<'EOF2'
apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-sli
  annotations:
    slo.input/where: "path~^/checkout\nmethod!=HEAD"
    slo.input/bad-status: 5xx,429
spec:
  ratioMetric:
    counter: true
    good: {metricSource: {type: Prometheus, spec: {query: x}}}
    total: {metricSource: {type: Prometheus, spec: {query: y}}}
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: latency
  annotations: {slo.input/latency-col: ms, slo.input/value-unit: ms, slo.input/tz: Europe/Berlin}
spec:
  indicator:
    metadata: {name: lat}
    spec: {thresholdMetric: {metricSource: {type: Prometheus}}}
  timeWindow: [{duration: 28d, isRolling: true}]
  objectives: [{op: lte, value: 300, target: 0.99}]
EOF2
cat >"$tmp.3" <<'EOF2'
version: 1
defaults:
  window: {rolling: 1h, to: 2026-10-02}
  input: {files: [x.log, "-"], format: combined, latency-unit: ms, delimiter: tab}
slos:
  - {name: a, target: 99.9, exclude: [2026-10-01T02:00Z/2h, 2026-10-01T05:00Z/2026-10-01T06:00Z]}
  - {name: b, kind: latency, threshold: 250ms, target: 99, window: {month: 2026-10}, tz: UTC}
  - name: c
    kind: uptime
    target: '99.5'
    window: week
    budgeting: ratio-timeslices
    slice: 5m
    input: {samples: incidents, end-col: until, no-header: true}
  - {name: d, target: 99, window: {from: 2026-10-01, to: 2026-10-08}, input: {group-by: host, log-format: '$remote_addr [$time_local] "$request" $status'}}
EOF2
cat >"$tmp.4" <<'EOF2'
version: prometheus/v1
service: svc
annotations: {slo.input/total-col: requests, slo.input/bad-col: errors, slo.input/files: counts.csv}
slos:
  - name: errors
    objective: 99.95
    sli: {raw: {error_ratio_query: x}}
EOF2
{ cat "$tmp.1"; printf '\000'; cat "$tmp.2"; printf '\000'; cat "$tmp.3"; printf '\000'; cat "$tmp.4"; } >"$tmp"
put config "$tmp"
for k in 2 3 4; do
	{ cat "$tmp.1"; printf '\000'; cat "$tmp.$k"; } >"$tmp"
	put config "$tmp"
	put config "$tmp.$k"
done
rm -f "$tmp".[1-4]

# --- saved states, written by slo (see fuzz_state.c for the layout) ---
slo=${SLO_FUZZ_SLO:-$root/slo}
# opts BYTE: the options of the settings that byte chooses in fuzz_state.c
opts() {
	o="-t 99"
	[ $(($1 & 1)) -eq 0 ] || o="$o -l 300ms"
	case $(($1 >> 1 & 3)) in
	1) o="$o -w 1h" ;;
	2) o="$o -w 90s" ;;
	3) o="$o -w 1d" ;;
	0) case $(($1 >> 3 & 3)) in
		1) o="$o --from 2026-10-01 --to 2026-10-02" ;;
		2) o="$o --calendar month" ;;
		3) o="$o --from 2026-10-01" ;;
		esac ;;
	esac
	[ $(($1 & 32)) -eq 0 ] || o="$o --exclude 2026-10-01T02:00Z/2h"
	[ $(($1 & 64)) -eq 0 ] || o="$o --group-by status"
	echo "$o"
}
# tail_at FILE: the offset in FILE of eval_encode's bytes, past the options,
# the counts and the inputs (cli/state.c)
tail_at() {
	od -An -v -tu1 "$1" | awk '
	function u(   v, m, c) { v = 0; m = 1; do { c = b[p++]; v += (c % 128) * m; m *= 128 } while (c >= 128); return v }
	function s() { p += u() }
	{ for (i = 1; i <= NF; i++) b[n++] = $i }
	END {
		p = 11; k = u(); for (i = 0; i < k; i++) s()
		u(); u(); u(); u(); k = u()
		for (i = 0; i < k; i++) { s(); s(); u(); s(); u(); u() }
		print p
	}'
}
# byte N: N as one byte
byte() { printf "\\$(printf %03o "$1")"; }
if [ -x "$slo" ]; then
	csv=$root/examples/api-requests.csv
	# a sample of both days, and a stretch of the second
	awk 'NR == 1 || NR % 200 == 0' "$csv" >"$tmp.a.csv"
	awk 'NR == 1 || (NR > 6000 && NR % 97 == 0)' "$csv" >"$tmp.b.csv"
	for b in 0 1 3 4 7 9 16 17 25 33 35 64 67 80 104 193 233; do
		for d in a b; do
			# slo eval exits 1 for a missed objective: the state is saved all the same
			"$slo" eval $(opts $b) --save-state "$tmp.$d.state" "$tmp.$d.csv" >/dev/null 2>&1 || true
		done
		[ -f "$tmp.a.state" ] && [ -f "$tmp.b.state" ] || continue
		for d in a b; do
			f=$tmp.$d.state
			len=$(wc -c <"$f")
			{ byte "$b"; byte 0; tail -c +12 "$f" | head -c $((len - 15)); } >"$tmp"
			put state "$tmp"
			{ byte "$b"; byte 1; cat "$f"; } >"$tmp"
			put state "$tmp"
			{ byte "$b"; byte 3; tail -c +12 "$f" | head -c $((len - 15)); } >"$tmp"
			put state "$tmp"
			at=$(tail_at "$f")
			tail -c +$((at + 1)) "$f" | head -c $((len - at - 4)) >"$tmp.$d.tail"
		done
		# mode 2: one state's tail, and two merged
		{ byte "$b"; byte 2; cat "$tmp.a.tail"; } >"$tmp"
		put state "$tmp"
		{ byte "$b"; byte 2; cat "$tmp.a.tail" "$tmp.b.tail"; } >"$tmp"
		put state "$tmp"
		rm -f "$tmp".[ab].state "$tmp".[ab].tail
	done
	rm -f "$tmp".[ab].csv
else
	echo "fuzz: no $slo (make slo): the state harness starts without saved states" >&2
fi

rm -rf "$docs" "$fmts" "$tmp" "$tmp".* "$out/.tokens"

# one seed of each content: cksum prints "sum size name", and every name
# after the first of a sum and size goes
for d in "$out"/*/; do
	(cd "$d" && find . -type f -name 's*' | LC_ALL=C sort | xargs cksum |
		awk 'seen[$1 " " $2]++ { print $3 }' | xargs rm -f)
done
