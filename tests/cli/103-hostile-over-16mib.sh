# hostile input: a line or CSV row over 16 MiB, in each format, is one counted skip naming file:line (read past, not held), and a file that is one such line is exit 3 with a one-line reason
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# 17 MiB without a newline
head -c 17825792 /dev/zero | tr '\0' a >a17
for input in csv common json w3c; do
	report -t 50 --input "$input" a17
done
{
	printf 'time,status\n2026-10-01T00:00:00Z,200\n2026-10-01T00:00:01Z,"'
	cat a17
	printf '\n",200\n2026-10-01T00:00:02Z,503\n2026-10-01T00:00:03Z,'
	cat a17
} >big.csv
report -t 50 big.csv
counts "4 2 2 0 0 0" -t 50 big.csv
l='127.0.0.1 - - [01/Oct/2026:00:00:0%d +0000] "GET / HTTP/1.1" %d 5\n'
{
	printf "$l" 0 200
	cat a17
	printf "\n$l" 1 503
} >big.log
report -t 50 big.log
counts "3 2 1 0 0 0" -t 50 big.log
{
	printf '{"time":"2026-10-01T00:00:00Z","status":200}\n{"time":"2026-10-01T00:00:01Z","status":200,"path":"/'
	cat a17
	printf '"}\n{"time":"2026-10-01T00:00:02Z","status":503}\n'
} >big.jsonl
report -t 50 big.jsonl
counts "3 2 1 0 0 0" -t 50 big.jsonl
# detection reads the first 64 KiB: a first line longer than that needs --input
tail -n 2 big.jsonl >first.jsonl
report -t 50 first.jsonl
report -t 50 --input json first.jsonl
{
	printf '#Fields: date time cs-uri-stem sc-status\n2026-10-01 00:00:00 / 200\n2026-10-01 00:00:01 /'
	cat a17
	printf ' 200\n2026-10-01 00:00:02 / 503\n'
} >big.w3c
report -t 50 big.w3c
counts "3 2 1 0 0 0" -t 50 big.w3c
