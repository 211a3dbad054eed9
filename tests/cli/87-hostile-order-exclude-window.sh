# hostile input: with a rolling window and a maintenance period, the order of the records changes no count: a record the window leaves behind is outside it, not excluded
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
awk 'BEGIN {
	print "time,status"
	for (m = 0; m < 60; m++)
		printf "2026-10-01T00:%02d:00Z,%d\n", m, m % 7 ? 200 : 503
}' >ordered.csv
{ echo 'time,status'; sed 1d ordered.csv | sort -r; } >reversed.csv
# window 00:45-01:00; maintenance 00:20-00:35, wholly before it: 45
# outside, 15 used (00:49 and 00:56 bad), none excluded
for f in ordered.csv reversed.csv; do
	report -t 90 -w 15m --exclude 2026-10-01T00:20Z/2026-10-01T00:35Z $f
	counts "60 15 0 45 0 0" -t 90 -w 15m --exclude 2026-10-01T00:20Z/2026-10-01T00:35Z $f
done
# maintenance 00:40-00:50, across the window's start: 00:00-00:44 outside
# (45), 00:45-00:49 excluded (5), 00:50-00:59 used (10, 00:56 bad)
for f in ordered.csv reversed.csv; do
	report -t 90 -w 15m --exclude 2026-10-01T00:40Z/2026-10-01T00:50Z $f
	counts "60 10 0 45 0 5" -t 90 -w 15m --exclude 2026-10-01T00:40Z/2026-10-01T00:50Z $f
done
