# eval uptime with an excluded period: exhaustion (when it ran out, or when it will at the last hour's rate) is of the budget of the shrunk window, not of the whole one
. tests/cli/nochart.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# two hours of state changes: down 00:10-00:15 (maintenance), 00:30:00-00:31:10
cat >changes.csv <<'EOF2'
time,up
2026-10-01T00:00:00Z,up
2026-10-01T00:10:00Z,down
2026-10-01T00:15:00Z,up
2026-10-01T00:30:00Z,down
2026-10-01T00:31:10Z,up
2026-10-01T02:00:00Z,up
EOF2
# 1% of 1h 55m is 69s: 70s down spent it during 00:31 (60s by 00:31, 70s by
# 00:32); 1% of the whole 2h (72s) would not have run out
run eval -t 99 --changes --exclude 2026-10-01T00:10Z/5m changes.csv
# probes a minute over two hours, down 00:10-00:15 (maintenance) and 01:30:
# 10% of 1h 55m is 11m 30s, 1m spent, 10m 30s left; the last hour burns
# (1/60)/0.1 = 0.17, down a minute in 60: 10m 30s more lasts 630m, so the
# budget runs out at 02:00 + 10h 30m = 12:30 (not 0.913 x 2h / 0.1667 = 657m)
awk 'BEGIN {
	print "time,up"
	for (m = 0; m < 120; m++)
		printf "2026-10-01T%02d:%02d:00Z,%s\n", m / 60, m % 60,
			(m >= 10 && m < 15) || m == 90 ? "down" : "up"
}' >probes.csv
$SLO eval -t 90 --probes --exclude 2026-10-01T00:10Z/5m probes.csv | sed -n '8p;/^  exhaust/p'
