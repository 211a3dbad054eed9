# hostile input: a UTF-8 BOM before the first line is ignored (CSV, JSON lines, access log); one before a later line is a counted skip with file:line
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
bom='\357\273\277'
printf "${bom}time,status\n2026-10-01T00:00:00Z,200\n2026-10-01T00:00:01Z,503\n" >comma.csv
printf "${bom}time;status\n2026-10-01T00:00:00Z;200\n2026-10-01T00:00:01Z;503\n" >semicolon.csv
printf "${bom}\"time\",\"status\"\r\n2026-10-01T00:00:00Z,200\r\n2026-10-01T00:00:01Z,503\r\n" >quoted.csv
gzip -n <comma.csv >comma.csv.gz
printf "${bom}"'{"time":"2026-10-01T00:00:00Z","status":200}\n{"time":"2026-10-01T00:00:01Z","status":503}\n' >bom.jsonl
l='127.0.0.1 - - [01/Oct/2026:00:00:0%d +0000] "GET / HTTP/1.1" %d 5\n'
{ printf "$bom"; printf "$l" 0 200; printf "$l" 1 503; } >bom.log
# two files glued with cat: the second one's BOM lands on line 4
{ cat comma.csv; printf "${bom}2026-10-01T00:00:02Z,200\n"; } >glued.csv
report -t 50 comma.csv
report -t 50 semicolon.csv
report -t 50 quoted.csv
report -t 50 - <comma.csv
report -t 50 comma.csv.gz
report -t 50 bom.jsonl
report -t 50 bom.log
report -t 50 glued.csv
counts "2 2 0 0 0 0" -t 50 comma.csv
counts "2 2 0 0 0 0" -t 50 bom.jsonl
counts "2 2 0 0 0 0" -t 50 bom.log
counts "3 2 1 0 0 0" -t 50 glued.csv
