# hostile input: statuses out of 100-599 (99, 600, 1000, -1, 099, 200.0) are counted skips with file:line; 0 and 1 are the words down and up (SPEC), 100 and 599 codes
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# five bad values a file, so that each is quoted
st() {
	echo 'time,status'
	i=0
	for v in "$@"; do
		echo "2026-10-01T00:00:0${i}Z,$v"
		i=$((i + 1))
	done
}
# 0 is bad, 1 good, 100 good, 599 bad, " 200" good
st 0 1 100 599 ' 200' >codes.csv
st 200 99 600 1000 -1 099 >range.csv
st 200 0200 200.0 +200 2e2 '' >forms.csv
report -t 50 codes.csv
report -t 50 range.csv
report -t 50 forms.csv
counts "17 7 10 0 0 0" -t 50 codes.csv range.csv forms.csv
l='127.0.0.1 - - [01/Oct/2026:00:00:0%d +0000] "GET / HTTP/1.1" %s 5\n'
{
	i=0
	for v in 200 503 000 99 600 1000 -1; do
		printf "$l" $i "$v"
		i=$((i + 1))
	done
} >codes.log
report -t 50 --input common codes.log
counts "7 2 5 0 0 0" -t 50 --input common codes.log
{
	i=0
	for v in 200 '"503"' 99 600 1000 -1 200.0; do
		printf '{"time":"2026-10-01T00:00:0%dZ","status":%s}\n' $i "$v"
		i=$((i + 1))
	done
} >codes.jsonl
report -t 50 codes.jsonl
counts "7 2 5 0 0 0" -t 50 codes.jsonl
