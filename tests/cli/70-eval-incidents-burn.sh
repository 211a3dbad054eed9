# eval --incidents: burn rates and alerts count the time between incidents as up (SPEC: the window is up otherwise), not as no data; so do alerts --replay
. tests/cli/json.sh
. tests/cli/nochart.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# a day with 30m and 6m down (02:00-02:30, 05:00-05:06)
cat >incidents.csv <<'EOF2'
start,end
2026-10-01T00:00:00Z,2026-10-01T00:00:00Z
2026-10-01T02:00:00Z,2026-10-01T02:30:00Z
2026-10-01T05:00:00Z,2026-10-01T05:06:00Z
2026-10-02T00:00:00Z,2026-10-02T00:00:00Z
EOF2
# at 99%, 14m 24s allowed, 36m down: 250%; the spans ending 10-02T00:00 up to
# 6h (from 18:00) were all up: 0; the day: (36/1440)/0.01 = 2.5.  ticket
# 1d/2h (> 0.1) does not fire: its 2h burned 0.  Cumulatively 14m 24s was
# down by 02:14:24, so the budget ran out in 02:14
run eval -t 99 --incidents incidents.csv
$SLO eval -t 99 --incidents --json incidents.csv | json_check '.objectives[0] |
	[.burn_rates[] | [.window, .rate]] == [[300, 0], [1800, 0], [3600, 0], [7200, 0],
		[21600, 0], [86400, 2.5]]
	and ([.alerts[] | .firing] == [false, false, false]) and .current_burn_rate == 0'
# replayed over the span (1d, policy 0.48, 0.2, 0.1; page-6h and ticket-1d
# are judged from 06:00 and 24:00 only): page-1h fires from 02:01, when the
# hour holds 1 down minute of 60 (1.67 > 0.48) and the 5m 1 of 5, until
# 02:34, when the 5m is up again; its peak is the hour holding all 30 down
# minutes: (30/60)/0.01 = 50.  Then 05:01 to 05:10, peak (6/60)/0.01 = 10.
$SLO alerts --replay -t 99 --incidents --json incidents.csv | json_check '
	[.firings[] | [.alert, .start, .end, .peak_burn_rate]] == [
		["page-1h", "2026-10-01T02:01:00Z", "2026-10-01T02:34:00Z", 50],
		["page-1h", "2026-10-01T05:01:00Z", "2026-10-01T05:10:00Z", 10]]
	and [.incidents[] | [.start, .end, .first_alert, .alert]] == [
		["2026-10-01T02:00:00Z", "2026-10-01T02:34:00Z", "2026-10-01T02:01:00Z", "page-1h"],
		["2026-10-01T05:00:00Z", "2026-10-01T05:10:00Z", "2026-10-01T05:01:00Z", "page-1h"]]'
