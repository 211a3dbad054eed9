# eval --exclude START/END and START/DURATION (repeatable, overlaps merged) and --exclude-file: excluded records counted apart, excluded time reported, a time budget's window shrunk by it; malformed periods exit 2 naming file:line
# Needs the system's zone database (tzdata; .ci/deps check installs it).
. tests/cli/json.sh
. tests/cli/nochart.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# a request a minute from 00:00 to 00:59, bad at 00:12, 00:13 and 00:40
awk 'BEGIN {
	print "time,status"
	for (m = 0; m < 60; m++)
		printf "2026-10-01T00:%02d:00Z,%d\n", m, m == 12 || m == 13 || m == 40 ? 500 : 200
}' >req.csv
# 00:10-00:20 and 00:15+10m overlap: one period 00:10-00:25, 15 records
# (both early bad ones) out; 45 left with 1 bad: 2.25 allowed at 95%,
# 44.44% spent; 1h of burn (00:00-01:00) at 1/45/0.05 = 0.44 projects the
# 55.56% left to 0.5556 x 1h / 0.4444 = 75m after 01:00
run eval -t 95 --exclude 2026-10-01T00:10Z/2026-10-01T00:20Z --exclude 2026-10-01T00:15Z/10m req.csv
$SLO eval -t 95 --exclude 2026-10-01T00:10Z/2026-10-01T00:20Z --exclude 2026-10-01T00:15Z/10m --json req.csv |
	json_check '.records.excluded == 15 and .records.used == 45 and .window.seconds == 3540
	and .window.excluded_seconds == 900 and .objectives[0].total == 45 and .objectives[0].bad == 1'
# the same from a file: comments, blank lines, START,END and START/END,
# plus 00:40 for a minute: 16 out, no bad left
cat >maintenance.txt <<'EOF'
# planned maintenance, UTC

2026-10-01T00:10:00Z,2026-10-01T00:20:00Z
   2026-10-01T00:15Z/10m   # overlaps the first
2026-10-01T00:40Z/1m
EOF
$SLO eval -t 95 --exclude-file maintenance.txt req.csv | sed -n 2,7p
# --exclude adds to the file: 00:50 on is excluded too, and so the span of
# the data ends at 00:49 (excluded time counted inside it only: 16m)
$SLO eval -t 95 --exclude-file maintenance.txt --exclude 2026-10-01T00:50Z/1h req.csv | sed -n 2,4p
# zone-less times are read in --tz: 02:10 in Berlin is 00:10Z
$SLO eval -t 95 --tz Europe/Berlin --exclude 2026-10-01T02:10/10m req.csv | sed -n 2,4p
# uptime probes, one a minute over two hours, down 00:10-00:15 and 00:30
awk 'BEGIN {
	print "time,up"
	for (m = 0; m < 120; m++)
		printf "2026-10-01T%02d:%02d:00Z,%s\n", m / 60, m % 60,
			(m >= 10 && m < 15) || m == 30 ? "down" : "up"
}' >probes.csv
# without exclusion: 6m down of 36s allowed (0.5% of 2h)
$SLO eval -t 99.5 --probes probes.csv | sed -n 7p
# the outage was maintenance: 1m down, and 0.5% of 1h 55m = 34.5s allowed:
# 173.91% spent, 1.7391 x 1440 / 115 = 2177.69% a day; the budget ran out
# in the down minute 00:30 (60s > 34.5s); nothing down in the last hour
run eval -t 99.5 --probes --exclude 2026-10-01T00:10Z/5m probes.csv
$SLO eval -t 99.5 --probes --exclude 2026-10-01T00:10Z/5m --json probes.csv | json_check '
	.window.excluded_seconds == 300 and (.objectives[0] | .up_seconds == 6840
	and .down_seconds == 60 and .allowed_downtime_seconds == 34.5
	and .exhausted and .exhaustion == "2026-10-01T00:31:00Z")'
# an incident list: 2h 30m and 6m down in a day; the first is maintenance
cat >incidents.csv <<'EOF'
start,end
2026-10-01T00:00:00Z,2026-10-01T00:00:00Z
2026-10-01T02:00:00Z,2026-10-01T02:30:00Z
2026-10-01T05:00:00Z,2026-10-01T05:06:00Z
2026-10-02T00:00:00Z,2026-10-02T00:00:00Z
EOF
# 36m of 14m 24s (1% of 1d); 6m of 13m 48s (1% of 23h): 43.48%, and
# 0.4348 x 24 / 23 = 45.37% a day (its burn over spans is case 70's)
$SLO eval -t 99 --incidents incidents.csv | sed -n '6,7p'
$SLO eval -t 99 --incidents --exclude 2026-10-01T02:00Z/2026-10-01T03:00Z incidents.csv | sed -n '4p;7,9p;11p'
# malformed periods
printf '2026-10-01T00:10Z/2026-10-01T00:20Z\n2026-10-01T00:30Z to 00:40Z\n' >bad.txt
$SLO eval -t 95 --exclude-file bad.txt req.csv; echo "exit=$?"
printf '# backwards\n2026-10-01T00:10Z,2026-10-01T00:05Z\n' >backwards.txt
$SLO eval -t 95 --exclude-file backwards.txt req.csv; echo "exit=$?"
$SLO eval -t 95 --exclude-file nosuch.txt req.csv; echo "exit=$?"
$SLO eval -t 95 --exclude 2026-10-01T00:10Z req.csv; echo "exit=$?"
$SLO eval -t 95 --exclude 2026-10-01T00:10Z/soon req.csv; echo "exit=$?"
$SLO eval -t 95 --exclude 2026-10-01T00:10Z/2026-10-01T00:10Z req.csv; echo "exit=$?"
