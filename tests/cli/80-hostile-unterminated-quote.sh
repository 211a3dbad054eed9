# hostile input: a quote left open at the end of a file is a counted skip naming the lines it spans (none past the end) and the open quote
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# the quote opened on line 4 swallows line 5, the file's last
printf 'time,status\n2026-10-01T00:00:00Z,200\n2026-10-01T00:00:01Z,503\n2026-10-01T00:00:02Z,"200\n2026-10-01T00:00:03Z,200\n' >swallow.csv
report -t 50 swallow.csv
counts "3 2 1 0 0 0" -t 50 swallow.csv
report -t 50 --strict swallow.csv
# the file's last line, 4, opens a quote; its LF is inside it
printf 'time,status\n2026-10-01T00:00:00Z,200\n2026-10-01T00:00:01Z,503\n2026-10-01T00:00:02Z,"200\n' >last-line.csv
report -t 50 last-line.csv
# no LF at the end, a quote opened in the first field
printf 'time,status\n2026-10-01T00:00:00Z,200\n2026-10-01T00:00:01Z,503\n"2026-10-01T00:00:02Z,200' >no-newline.csv
report -t 50 no-newline.csv
# the same cut short in JSON lines and an access log: the last line is skipped
printf '{"time":"2026-10-01T00:00:00Z","status":200}\n{"time":"2026-10-01T00:00:01Z","status":"503' >cut.jsonl
report -t 50 cut.jsonl
counts "2 1 1 0 0 0" -t 50 cut.jsonl
l='127.0.0.1 - - [01/Oct/2026:00:00:0%d +0000] "GET / HTTP/1.1" %d 5\n'
{ printf "$l" 0 200; printf "$l" 1 503; printf '127.0.0.1 - - [01/Oct/2026:00:00:02 +0000] "GET / HTTP/1.1 200 5'; } >cut.log
report -t 50 cut.log
counts "3 2 1 0 0 0" -t 50 cut.log
