# hostile input: 10 MB lines: a request with a 10 MB path is used, a 10 MB line of junk or of commas is a counted skip with file:line, quoted short
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
mb10() { head -c 10485760 /dev/zero | tr '\0' "$1"; }
l='127.0.0.1 - - [01/Oct/2026:00:00:0%d +0000] "GET /%s HTTP/1.1" %d 5\n'
{
	printf "$l" 0 '' 200
	printf '127.0.0.1 - - [01/Oct/2026:00:00:01 +0000] "GET /'
	mb10 a
	printf ' HTTP/1.1" 503 5\n'
	mb10 a
	printf '\n'
	printf "$l" 2 '' 200
} >long.log
report -t 50 long.log
counts "4 3 1 0 0 0" -t 50 long.log
{
	printf '{"time":"2026-10-01T00:00:00Z","status":200}\n'
	printf '{"time":"2026-10-01T00:00:01Z","status":503,"path":"/'
	mb10 a
	printf '"}\n{"time":"2026-10-01T00:00:02Z","status":"'
	mb10 a
	printf '"}\n'
} >long.jsonl
report -t 50 long.jsonl
counts "3 2 1 0 0 0" -t 50 long.jsonl
{
	printf 'time,status,path\n2026-10-01T00:00:00Z,200,/\n2026-10-01T00:00:01Z,200,'
	mb10 ,
	printf '\n2026-10-01T00:00:02Z,503,/\n'
} >commas.csv
report -t 50 commas.csv
counts "3 2 1 0 0 0" -t 50 commas.csv
