# hostile input: bytes that are not UTF-8 in a status are a counted skip, quoted as ?; in a path or a note they do not stop a record (CSV, access log, JSON lines)
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# Latin-1 e-acute, a lone 0xff, a cut two-byte sequence
printf 'time,status,path\n2026-10-01T00:00:00Z,200,/caf\351\n2026-10-01T00:00:01Z,5\3773,/\n2026-10-01T00:00:02Z,503,/\303(\n2026-10-01T00:00:03Z,2\303\251,/\n' >latin1.csv
report -t 50 latin1.csv
counts "4 2 2 0 0 0" -t 50 latin1.csv
counts "4 1 2 0 1 0" -t 50 --where "path~^/caf" latin1.csv
l='127.0.0.1 - - [01/Oct/2026:00:00:0%d +0000] "GET %b HTTP/1.1" %b 5 "-" "%b"\n'
{
	printf "$l" 0 '/caf\0351' 200 'curl'
	printf "$l" 1 '/\0377\0376' 503 'agent \0377'
	printf "$l" 2 / '5\037703' 'curl'
	printf "$l" 3 / 200 '\0303('
} >latin1.log
report -t 50 latin1.log
counts "4 3 1 0 0 0" -t 50 latin1.log
printf '{"time":"2026-10-01T00:00:00Z","status":200,"path":"/caf\351"}\n{"time":"2026-10-01T00:00:01Z","status":503,"path":"/\377"}\n{"time":"2026-10-01T00:00:02Z","status":200,"note":"\303("}\n' >latin1.jsonl
report -t 50 latin1.jsonl
counts "3 3 0 0 0 0" -t 50 latin1.jsonl
