# hostile input: --json output stays valid UTF-8 when a group key, a file name or a column name holds bytes that are not (each such byte becomes U+FFFD)
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
utf8_check() {
	if command -v iconv >/dev/null 2>&1; then
		iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1
	else
		python3 -c 'import sys; sys.stdin.buffer.read().decode("utf-8")' 2>/dev/null
	fi && echo "valid UTF-8" || echo "NOT valid UTF-8"
}
printf 'time,status,path\n2026-10-01T00:00:00Z,200,/caf\351\n2026-10-01T00:00:01Z,503,/\303(\n' >latin1.csv
$SLO eval -t 50 --group-by path --json latin1.csv | utf8_check
$SLO eval -t 50 --group-by path --json latin1.csv |
	json_check '[.objectives[].group] == ["/\ufffd(", "/caf\ufffd"]'
l='127.0.0.1 - - [01/Oct/2026:00:00:0%d +0000] "GET %b HTTP/1.1" %d 5\n'
{ printf "$l" 0 '/caf\0351' 200; printf "$l" 1 '/\0377\0376' 503; } >latin1.log
$SLO eval -t 50 --group-by path --json latin1.log | utf8_check
$SLO eval -t 50 --group-by path --json latin1.log |
	json_check '[.objectives[].group] == ["/\ufffd\ufffd", "/caf\ufffd"]'
# a file name, and a header cell named with --status-col
name=$(printf 'caf\351.csv')
printf 'time,r\351sultat\n2026-10-01T00:00:00Z,200\n' >"$name"
$SLO eval -t 50 --status-col 2 --json "$name" | utf8_check
$SLO eval -t 50 --status-col 2 --json "$name" |
	json_check '.inputs[0].file == "caf\ufffd.csv" and .inputs[0].columns == "time=time status=r\ufffdsultat"'
