# CSV lines of plain cells are read in one pass and counted in runs (the direct path), the other lines the usual way, in the file's order: a quoted cell, an RFC 3339 time, a CRLF, a decimal latency and a time in seconds give the counts of reading every row alike, 5 requests, 2 bad (60 %), 1 over 300 ms (80 %), from 00:00:00 to 00:00:04; the malformed rows are named in line order
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
{
	printf 'timestamp,status,latency_ms\n'
	printf '1790812800000,200,100\n'
	printf '1790812801000,500,0.5\n'
	printf '2026-10-01T00:00:02Z,200,"250"\n'
	printf '1790812803000,2OO,5\n'
	printf '1790812803000,503,301\r\n'
	printf '1790812804,200,299\n'
	printf '1790812804000,200,-1\n'
	printf '1790812804000,200\n'
} >mixed.csv
"$SLO" eval -t 99 -l 300ms:99 --format csv mixed.csv
echo "exit=$?"
