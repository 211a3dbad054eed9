# eval --probes / --interval / --changes: time-based budgets with up, down and unknown time; --window and --fail-under; JSON fields
. tests/cli/json.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$PWD
cd "$tmp" || exit 1
# gaps 1m except 1m30s after 00:04 and 4m30s after 00:05:30: the median is 1m
cat >probes.csv <<'EOF'
time,up
2026-10-01T00:00:00Z,up
2026-10-01T00:01:00Z,up
2026-10-01T00:02:00Z,down
2026-10-01T00:03:00Z,down
2026-10-01T00:04:00Z,up
2026-10-01T00:05:30Z,up
2026-10-01T00:10:00Z,up
2026-10-01T00:11:00Z,down
2026-10-01T00:12:00Z,up
EOF
# up 6m, down 3m over 13m (to the last sample + 1m): 4m unknown
$SLO eval -t 90 --probes probes.csv; echo "exit=$?"
# each sample up to 2m: up 8m 30s, window 14m
$SLO eval -t 90 --interval 2m probes.csv; echo "exit=$?"
# each state holds until the next: up 9m, down 3m over 12m
$SLO eval -t 90 --changes probes.csv; echo "exit=$?"
# the 10 minutes ending 00:13: 00:03 to 00:13, three samples before it
$SLO eval -t 90 --probes -w 10m probes.csv; echo "exit=$?"
# 75%: 3m of 3m 15s allowed is 92.31%, 7.69% left
$SLO eval -t 75 --probes --fail-under 10 probes.csv | sed -n '6,$p'
$SLO eval -t 75 --probes --fail-under 5 probes.csv >/dev/null; echo "exit=$?"
$SLO eval -t 75 --probes --fail-under 10 probes.csv >/dev/null; echo "exit=$?"
$SLO eval -t 90 --probes --json probes.csv; echo "exit=$?"
$SLO eval -t 90 --changes --json probes.csv | json_check '.objectives[0] | .kind == "time"
	and .up_seconds == 540 and .down_seconds == 180 and .unknown_seconds == 0
	and .allowed_downtime_seconds == 72 and .interval_seconds == null and .met == false'
# a sample from before a rolling window counts for its part inside it
cat >edge.csv <<'EOF'
time,up
2026-10-01T00:00:00Z,down
2026-10-01T00:02:30Z,down
2026-10-01T00:03:30Z,up
2026-10-01T00:04:30Z,up
2026-10-01T00:05:30Z,up
EOF
$SLO eval -t 90 --changes -w 3m edge.csv; echo "exit=$?"
# a whole day of one-minute probes with 5 down: 5m of 1m 26.4s allowed
$SLO eval -t 99.9 --probes "$root/examples/probes.csv" | sed -n '6,$p'
# groups keep their own timelines
cat >two.csv <<'EOF'
time,site,up
2026-10-01T00:00:00Z,a,up
2026-10-01T00:00:00Z,b,up
2026-10-01T00:01:00Z,a,down
2026-10-01T00:01:00Z,b,up
2026-10-01T00:02:00Z,a,up
2026-10-01T00:02:00Z,b,up
2026-10-01T00:03:00Z,a,up
EOF
$SLO eval -t 80 --probes --group-by site two.csv; echo "exit=$?"
# usage and input errors
$SLO eval -t 90 --probes -l 1s probes.csv; echo "exit=$?"
$SLO eval -l 1s:90 --changes probes.csv; echo "exit=$?"
$SLO eval -t 90 --changes --interval 1m probes.csv; echo "exit=$?"
$SLO eval -t 90 --probes --total-col requests --bad-col errors probes.csv; echo "exit=$?"
head -n 2 probes.csv >one.csv
$SLO eval -t 90 --probes one.csv; echo "exit=$?"
$SLO eval -t 90 --interval 1m one.csv | sed -n 7p
