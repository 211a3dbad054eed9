# eval --exclude across a window's edge: records before the window are outside it, whether or not a maintenance period held them; only those inside count as excluded
. tests/cli/json.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
awk 'BEGIN {
	print "time,status"
	for (m = 0; m < 60; m++)
		printf "2026-10-01T00:%02d:00Z,200\n", m
}' >req.csv
# window 00:30-00:45, maintenance 00:20-00:35: 00:00-00:29 and 00:45-00:59
# outside (45), 00:30-00:34 excluded (5), 00:35-00:44 used (10); 5m of the
# window excluded
$SLO eval -t 95 --from 2026-10-01T00:30Z --to 2026-10-01T00:45Z \
	--exclude 2026-10-01T00:20Z/2026-10-01T00:35Z req.csv | sed -n 2,4p
$SLO eval -t 95 --from 2026-10-01T00:30Z --to 2026-10-01T00:45Z \
	--exclude 2026-10-01T00:20Z/2026-10-01T00:35Z --json req.csv | json_check '
	.records.used == 10 and .records.outside_window == 45 and .records.excluded == 5
	and .window.excluded_seconds == 300'
# a maintenance period wholly before the window excludes nothing of it
$SLO eval -t 95 --from 2026-10-01T00:30Z --exclude 2026-10-01T00:00Z/10m req.csv | sed -n 2,3p
