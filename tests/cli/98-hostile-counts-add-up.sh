# counts add up: read = used + skipped + outside_window + filtered + excluded, over CSV, an access log and JSON lines at once, each input's rows and skips adding to the totals
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# ten records an hour apart in each file (at :00, :10 and :20), paths /p0
# and /p1 in turn, and one malformed line at the end of each
{
	echo 'time,status,path'
	for i in 0 1 2 3 4 5 6 7 8 9; do
		echo "2026-10-01T0$i:00:00Z,$([ $((i % 3)) = 0 ] && echo 503 || echo 200),/p$((i % 2))"
	done
	echo '2026-10-01T09:30:00Z,2x0,/p0'
} >mix.csv
{
	for i in 0 1 2 3 4 5 6 7 8 9; do
		printf '127.0.0.1 - - [01/Oct/2026:0%d:10:00 +0000] "GET /p%d?x=1 HTTP/1.1" %d 5\n' \
			$i $((i % 2)) "$([ $((i % 4)) = 0 ] && echo 503 || echo 200)"
	done
	echo 'junk'
} >mix.log
{
	for i in 0 1 2 3 4 5 6 7 8 9; do
		printf '{"time":"2026-10-01T0%d:20:00Z","status":%d,"path":"/p%d"}\n' \
			$i "$([ $((i % 5)) = 0 ] && echo 503 || echo 200)" $((i % 2))
	done
	echo '{"time":"x","status":200}'
} >mix.jsonl
# 33 read: 3 malformed; of the 30 others 15 on /p1 (filtered); of the 15
# on /p0, 00:xx and 08:xx are outside 02:00-08:00 (6), 04:xx in the
# maintenance (3), 02:xx and 06:xx used (6; only the CSV's 06:00 is bad)
set -- -t 50 --where path=/p0 --from 2026-10-01T02:00Z --to 2026-10-01T08:00Z \
	--exclude 2026-10-01T03:00Z/2h mix.csv mix.log mix.jsonl
report "$@"
counts "33 6 3 6 15 3" "$@"
# each file alone adds up too
for f in mix.csv mix.log mix.jsonl; do
	counts "11 2 1 2 5 1" -t 50 --where path=/p0 --from 2026-10-01T02:00Z --to 2026-10-01T08:00Z \
		--exclude 2026-10-01T03:00Z/2h $f
done
