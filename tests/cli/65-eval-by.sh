# eval --by day|hour|week: a row per period (clipped to the window) with its events or up and down time, SLI, budget spent and left at its end; the rows add up to the objective's totals, in text and JSON (periods)
. tests/cli/json.sh
. tests/cli/nochart.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# four days of per-minute counts, 100 requests a minute: 1 error a minute on
# 10-02 10:00-10:47 (48), and 20 a minute in the last 12 minutes of 10-04
# (240): 288 bad of 576 000, 576 allowed at 99.9%
awk 'BEGIN {
	print "minute,requests,errors"
	for (m = 0; m < 4 * 1440; m++) {
		bad = m >= 1440 + 600 && m < 1440 + 648 ? 1 : m >= 4 * 1440 - 12 ? 20 : 0
		printf "2026-10-%02dT%02d:%02d:00Z,100,%d\n", m / 1440 + 1, m % 1440 / 60, m % 60, bad
	}
}' >counts.csv
c="--total-col requests --bad-col errors counts.csv"
# days of 144 000: 48 is 8.33% of 576 (SLI 1 - 48/144000 = 99.967%), 240 is
# 41.67%; 50% left at the end, as the objective says
$SLO eval -t 99.9 --by day $c | nochart | sed -n '6,7p;/^  day/,$p'
# one week row: the week of Monday 09-28, from the window's start
$SLO eval -t 99.9 --by week $c | nochart | sed -n '/^  week/,$p'
# hours from 20:00 on the 4th: 0.1% of 24 000 is 24, and 240 is 1000% of it
$SLO eval -t 99.9 --by hour --from 2026-10-04T20:00Z $c | nochart | sed -n '6,7p;/^  hour/,$p'
# JSON: the rows cover the window and add up to its totals
for by in day hour week; do
	$SLO eval -t 99.9 --by $by --json $c | json_check '.objectives[0] as $o | $o.periods as $p
		| ($p[0].start == "2026-10-01T00:00:00Z") and ($p[-1].end == "2026-10-05T00:00:00Z")
		and ([range(1; $p | length) | $p[.].start == $p[. - 1].end] | all)
		and ([$p[].total] | add) == $o.total and ([$p[].bad] | add) == $o.bad
		and (([$p[].budget_spent] | add) - $o.budget_consumed | fabs) < 1e-9
		and ($p[-1].budget_remaining - $o.budget_remaining | fabs) < 1e-9'
done
$SLO eval -t 99.9 --by day --json $c | json_check '[.objectives[0].periods[] |
	[.total, .bad, (.budget_spent * 1e6 | round), (.budget_remaining * 1e6 | round)]] ==
	[[144000, 0, 0, 1000000], [144000, 48, 83333, 916667], [144000, 0, 0, 916667],
	 [144000, 240, 416667, 500000]]
	and .objectives[0].periods[1].sli == 1 - 48 / 144000'
$SLO eval -t 99.9 --by hour --json $c | json_check '.objectives[0].periods | length == 96'
# uptime probes, one a minute over two hours, down 00:10-00:15 and 01:30:
# 0.5% of 2h is 36s; the first hour spent 5m of it (833.33%), the second 1m
awk 'BEGIN {
	print "time,up"
	for (m = 0; m < 120; m++)
		printf "2026-10-01T%02d:%02d:00Z,%s\n", m / 60, m % 60,
			(m >= 10 && m < 15) || m == 90 ? "down" : "up"
}' >probes.csv
$SLO eval -t 99.5 --probes --by hour probes.csv | nochart | sed -n '/^  hour/,$p'
# with 00:10-00:15 excluded: 34.5s allowed (0.5% of 1h 55m), the first hour
# up 55m and down 0s, the second down 1m: 173.91%
$SLO eval -t 99.5 --probes --by hour --exclude 2026-10-01T00:10Z/5m --json probes.csv |
	json_check '.objectives[0].periods == [
		{"start": "2026-10-01T00:00:00Z", "end": "2026-10-01T01:00:00Z", "up_seconds": 3300,
		 "down_seconds": 0, "sli": 1, "budget_spent": 0, "budget_remaining": 1},
		{"start": "2026-10-01T01:00:00Z", "end": "2026-10-01T02:00:00Z", "up_seconds": 3540,
		 "down_seconds": 60, "sli": (3540 / 3600), "budget_spent": (60 / 34.5),
		 "budget_remaining": (1 - 60 / 34.5)}]'
$SLO eval -t 99 --by month counts.csv; echo "exit=$?"
