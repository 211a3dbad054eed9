# hostile input: negative, NaN, infinite and absurdly large latencies are counted skips with file:line (CSV and JSON lines); the largest that fits is used
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# five bad values a file, so that each is quoted
lat() {
	echo 'time,status,latency_ms'
	echo '2026-10-01T00:00:00Z,200,10'
	i=1
	for v in "$@"; do
		echo "2026-10-01T00:00:0${i}Z,200,$v"
		i=$((i + 1))
	done
}
lat -5 -0 NaN nan -inf >a.csv
lat inf Infinity 1e308 1e3 +5 >b.csv
lat 99999999999999999999 9223372036854775807 '' 0x10 1.0000000001 >c.csv
report -t 50 -l 100ms:50 a.csv
report -t 50 -l 100ms:50 b.csv
report -t 50 -l 100ms:50 c.csv
counts "18 3 15 0 0 0" -t 50 -l 100ms:50 a.csv b.csv c.csv
# the largest that fits in 64-bit nanoseconds (about 292 years) is a
# latency like any other: bad against 100ms
lat 9223372036854 9223372036854.775807 ' 20 ' 20ms 0 >d.csv
report -t 50 -l 100ms:50 d.csv
counts "6 6 0 0 0 0" -t 50 -l 100ms:50 d.csv
{
	printf '%s\n' '{"time":"2026-10-01T00:00:00Z","status":200,"duration":0.01}'
	i=1
	for v in -5 NaN Infinity -Infinity 1e308; do
		printf '{"time":"2026-10-01T00:00:0%dZ","status":200,"duration":%s}\n' $i "$v"
		i=$((i + 1))
	done
} >e.jsonl
report -t 50 -l 100ms:50 e.jsonl
counts "6 1 5 0 0 0" -t 50 -l 100ms:50 e.jsonl
