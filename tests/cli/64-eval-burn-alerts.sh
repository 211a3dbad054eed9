# eval burn rates and alerts: the "over" spans, budget per day, the SRE policy scaled to the window (14.4/6/3/1 for 30d, rules longer than the window left out), exhaustion (already, projected, or not at this rate), --alert rules replacing it, bad --alert specs exit 2; JSON burn_rates, alerts, exhaustion
. tests/cli/json.sh
. tests/cli/nochart.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# four days of per-minute counts, 100 requests a minute: 1 error a minute on
# 10-02 10:00-10:47 (48), and 20 a minute in the last 12 minutes of 10-04
# (240): 288 bad of 576 000
awk 'BEGIN {
	print "minute,requests,errors"
	for (m = 0; m < 4 * 1440; m++) {
		bad = m >= 1440 + 600 && m < 1440 + 648 ? 1 : m >= 4 * 1440 - 12 ? 20 : 0
		printf "2026-10-%02dT%02d:%02d:00Z,100,%d\n", m / 1440 + 1, m % 1440 / 60, m % 60, bad
	}
}' >counts.csv
c="--total-col requests --bad-col errors counts.csv"
# 30 days ending 10-05T00:00: 576 allowed at 99.9%, 288 spent, burn 0.5,
# 0.5 / 30 = 1.67% a day.  Burn rates ending 10-05T00:00 ((bad/total)/0.001):
# 5m 100/500 = 200, 30m 240/3000 = 80, 1h 240/6000 = 40, 2h 20, 6h 6.67,
# 1d 240/144000 = 1.67, 3d 288/432000 = 0.67; page 1h/5m and 6h/30m fire.
# At the last hour's 40, the 50% left lasts 0.5 x 30d / 40 = 9h
run eval -t 99.9 -w 30d $c
# 28 days: the sloth factors 13.44, 5.6, 2.8, 0.93
$SLO eval -t 99.9 -w 28d $c | nochart | sed -n '/^  alerts/,/^  exhaustion/p'
# the span (4d to the end of the last minute) at 99.96%: 230.4 allowed, 288
# spent; cumulatively 48, then 20 a minute from 23:48: over 230.4 with the
# 10th, in 23:57.  Rates / 0.0004: 500, 200, 100, 50, 16.67, 4.17, 1.67;
# thresholds over 96h: 1.92, 0.8, 0.4, 0.13, all firing.  125% spent over
# the 3d 23h 59m shown is 31.26% a day
run eval -t 99.96 $c
# the 30 days ending 10-04T00:00: 48 bad of 432 000, none in the last 3 days
# but 3d; 88.89% left and no burn in the last hour: no exhaustion
run eval -t 99.9 -w 30d --to 2026-10-04 $c
# a policy of one's own replaces the workbook's; 45d does not fit in 30d;
# 10m: 200 bad of 1000 = 200; 2h: 20, not over 25; severity "alert" by default
run eval -t 99.9 -w 30d --alert 1h/5m:30:page --alert 2h/10m:25 --alert 45d/1d:1:ticket $c
# JSON: the same burn rates, each rule with its windows in seconds
$SLO eval -t 99.9 -w 30d --json $c | json_check '.objectives[0] |
	([.burn_rates[] | .window] == [300, 1800, 3600, 7200, 21600, 86400, 259200])
	and ([.burn_rates[] | .rate * 1000 | round] == [200000, 80000, 40000, 20000, 6667, 1667, 667])
	and .alerts == [
		{"name": "page-1h", "severity": "page", "long": 3600, "short": 300,
		 "threshold": 14.4, "firing": true},
		{"name": "page-6h", "severity": "page", "long": 21600, "short": 1800,
		 "threshold": 6, "firing": true},
		{"name": "ticket-1d", "severity": "ticket", "long": 86400, "short": 7200,
		 "threshold": 3, "firing": false},
		{"name": "ticket-3d", "severity": "ticket", "long": 259200, "short": 21600,
		 "threshold": 1, "firing": false}]
	and .exhaustion == "2026-10-05T09:00:00Z" and .exhausted == false
	and .current_burn_rate == 40 and (.budget_per_day - 0.5 / 30 | fabs) < 1e-12'
$SLO eval -t 99.96 --json $c | json_check '.objectives[0] | .exhausted
	and .exhaustion == "2026-10-04T23:58:00Z" and .current_burn_rate == 100
	and ([.alerts[] | .firing] | all)'
$SLO eval -t 99.9 -w 30d --to 2026-10-04 --json $c | json_check '.objectives[0] |
	.exhaustion == null and .exhausted == false and .current_burn_rate == 0'
$SLO eval -t 99.9 -w 30d --alert 1h/5m:30:page --alert 2h/10m:25 --json $c | json_check '
	.objectives[0].alerts == [
		{"name": "page-1h-5m", "severity": "page", "long": 3600, "short": 300,
		 "threshold": 30, "firing": true},
		{"name": "alert-2h-10m", "severity": "alert", "long": 7200, "short": 600,
		 "threshold": 25, "firing": false}]'
# bad rules
for a in 1h:14.4 1h/5m 5m/1h:2 1h/30s:2 1h/5m:0 1h/5m:-1 1h/5m:fast 1x/5m:2; do
	$SLO eval -t 99.9 --alert "$a" $c; echo "exit=$?"
done
