# hostile input: times before 1970 are used; past 2261 or 9999, with bad zones or days (February 30) they are counted skips with file:line; order and duplicates change no count
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# five bad values a file, so that each is quoted
rows() {
	echo 'time,status'
	echo '2026-10-01T00:00:00Z,200'
	for v in "$@"; do
		echo "$v,503"
	done
}
rows 1969-12-31T23:59:59.5Z 1900-01-01T00:00:00Z 2024-02-29T00:00:00Z 2026-10-01T23:59:60Z 2026-10-01 >ok.csv
rows 0001-01-01T00:00:00Z 2262-04-12T00:00:00Z 9999-12-31T23:59:59Z 10000-01-01T00:00:00Z -86400 >years.csv
rows 2026-10-01T00:00:00+25:00 2026-10-01T00:00:00+0a00 2026-10-01T00:00:00+24:00 2026-10-01T00:00:00+23:60 2026-10-01T00:00:00+2 >zones.csv
rows 2026-02-30T00:00:00Z 2026-02-29T00:00:00Z 2026-04-31T00:00:00Z 2026-10-01T24:00:00Z 2026-00-01T00:00:00Z >days.csv
report -t 50 ok.csv
counts "6 6 0 0 0 0" -t 50 ok.csv
report -t 50 years.csv
report -t 50 zones.csv
report -t 50 days.csv
counts "18 3 15 0 0 0" -t 50 years.csv zones.csv days.csv
l='127.0.0.1 - - [%s] "GET / HTTP/1.1" 503 5\n'
{
	printf "$l" '01/Oct/2026:00:00:00 +0000'
	printf "$l" '31/Dec/1969:23:59:59 +0000'
	for t in '01/Oct/2026:00:00:01 +2500' '01/Oct/2026:00:00:02 +0a00' '30/Feb/2026:00:00:03 +0000' \
		'01/Jan/9999:00:00:00 +0000' '01/Jan/10000:00:00:00 +0000'; do
		printf "$l" "$t"
	done
} >times.log
report -t 50 --input common times.log
counts "7 2 5 0 0 0" -t 50 --input common times.log
# out of order, and the same second three times: the same counts and window
# in either order, also over a rolling window
{
	echo 'time,status'
	for s in 05 01 03 03 03 00 04 02; do
		echo "2026-10-01T00:00:${s}Z,$([ $s = 03 ] && echo 503 || echo 200)"
	done
} >shuffled.csv
{ echo 'time,status'; sed 1d shuffled.csv | sort; } >sorted.csv
report -t 50 shuffled.csv
report -t 50 sorted.csv
report -t 50 -w 3s shuffled.csv
report -t 50 -w 3s sorted.csv
counts "8 5 0 3 0 0" -t 50 -w 3s shuffled.csv
