# --jobs: a file read by several processes gives the report and messages of one reader: CSV, access log, JSON lines, skips with their lines, groups, windows, quoted fields across a cut
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
in=$PWD/examples/api-requests.csv
cd "$tmp" || exit 1
same() { # FILE OPTIONS...: --jobs 1 and --jobs 3 agree, stdout and stderr,
	# but for how many processes read the file (JSON "shares")
	f=$1
	shift
	"$SLO" eval "$@" --jobs 1 "$f" >one 2>&1
	a=$?
	"$SLO" eval "$@" --jobs 3 "$f" >three 2>&1
	b=$?
	shares=$("$SLO" eval "$@" --json --jobs 3 "$f" 2>/dev/null | jq -c '[.inputs[].shares]')
	sed '/"shares": /d' three >three.cmp
	sed '/"shares": /d' one >one.cmp
	if [ $a = $b ] && cmp -s one.cmp three.cmp; then
		echo "same (exit $a, shares $shares): $(basename "$f") $*"
	else
		echo "DIFFERENT: $f $*"
		diff one three | head -n 10
	fi
}
same "$in" -t 99.9 -l 300ms:99
same "$in" -t 99.9 -l 300ms:99 --json
same "$in" -t 99.5 -w 1d --by hour
same "$in" -t 99 --group-by status --json
same "$in" -t 99 --calendar week --exclude 2026-10-01T10:00:00Z/2h
same "$in" -t 99 -l 250ms:95 --where 'status!=200' --json
# malformed rows in every share: the first five are quoted, with their
# lines in the whole file, and the rest counted
awk 'NR > 1 && NR % 1000 == 0 { print "2026-10-01T00:00:00Z,2OO,5"; next } { print }' "$in" >broken.csv
same broken.csv -t 99 -l 300ms:99
"$SLO" eval -t 99 --jobs 3 broken.csv 2>&1 >/dev/null
# an access log and JSON lines, told by their first lines
awk -F, 'NR > 1 { split($1, d, /[-T:.Z]/); printf "10.0.0.1 - - [%s/Oct/%s:%s:%s:%s +0000] \"GET /p%d HTTP/1.1\" %s 10 \"-\" \"t\" %.3f\n", d[3], d[1], d[4], d[5], d[6], NR % 7, $2, $3 / 1000 }' "$in" >access.log
same access.log -t 99 -l 300ms:99 --group-by path
awk -F, 'NR > 1 { printf "{\"ts\":\"%s\",\"status\":%s,\"duration\":%.3f}\n", $1, $2, $3 / 1000 }' "$in" >lines.json
same lines.json -t 99 -l 300ms:99 --latency-field duration --time-field ts
# a quoted field with newlines across every cut: read alone instead
awk 'NR == 1 { print "timestamp,status,latency_ms,note"; next } { printf "%s,\"a\nb\n", $0; print "c\"" }' "$in" >quoted.csv
same quoted.csv -t 99 -l 300ms:99
# --strict stops at the first malformed row, as one reader does
same broken.csv -t 99 --strict
# a usage error a share would meet: said once
same "$in" -t 99 --where 'nope=1'
"$SLO" eval -t 99 --jobs 0 "$in"
echo "exit $?"
