# alerts --replay: a synthetic history with a sharp and a slow outage, each caught by the page rule with the delay worked out by hand; a quiet history fires nothing; --bad-minute, --gap, the span's scaled policy, and JSON firings and incidents
. tests/cli/json.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# four days from 2026-10-01T00:00Z, 1000 requests a minute and an error every
# ten minutes (minutes 00, 10, ...); a blip of 50 more at 10-02 12:00; a
# sharp outage on 10-04 at 02:00 (500 more a minute for 5 minutes) and a
# slow one at 12:00 (20 more a minute for 2 hours)
awk 'BEGIN {
	print "minute,requests,errors"
	for (m = 0; m < 4 * 1440; m++) {
		bad = m % 10 == 0 ? 1 : 0
		if (m == 1440 + 720) bad += 50
		if (m >= 3 * 1440 + 120 && m < 3 * 1440 + 125) bad += 500
		if (m >= 3 * 1440 + 720 && m < 3 * 1440 + 840) bad += 20
		printf "2026-10-%02dT%02d:%02d:00Z,1000,%d\n", m / 1440 + 1, m % 1440 / 60, m % 60, bad
	}
}' >history.csv
c="-t 99.9 -w 30d --total-col requests --bad-col errors history.csv"
# Over 30 days at 99.9% the rules are 14.4, 6, 3 and 1; page-1h fires once
# the last hour burns over 14.4, i.e. holds more than 864 bad of 60 000
# (and the last 5m more than 72 of 5000).
# Sharp: 1 + 500 at 02:00, then 500 a minute: 1001 by the end of 02:01 (6
# baseline errors in the hour before): page-1h at 02:02, 2 minutes in.
# Slow: 21 at 12:00, 20 a minute, 1 more each ten minutes; the hour ending
# 12:43 holds 43 x 20 + 6 = 866, ending 12:42 only 42 x 20 + 6 = 846:
# page-1h at 12:43, 43 minutes in.  No ticket rule beats it: the 3d window
# holds under 4320 bad until 13:07, the 1d window under 4320 until 13:24.
# page-6h (over 2160 of 360 000 in 6h) fires 5 minutes into the sharp one.
# A minute is bad when its last 5m burned at 14.4 or more (over 72 bad):
# the sharp one's 02:00-02:08, the slow one's 12:03-14:00 (12:00's 5m holds
# 21, 12:03's 81); each begins with the first minute that burned so fast on
# its own (02:00, 12:00).  The blip's 5m holds 51: no incident.
# Budget: 0.1% of 5 760 000 = 5760; by 02:02 on the 4th 432 + 13 baseline,
# 50 and 1000 were spent (25.95%), by 12:43 432 + 77 + 50 + 2500 + 860 (68.04%)
$SLO alerts --replay $c; echo "exit=$?"
$SLO alerts --replay --json $c | json_check '[.incidents[] | [.start, .end, .first_alert,
	.alert, .detection_seconds, (.budget_spent * 10000 | round)]] == [
	["2026-10-04T02:00:00Z", "2026-10-04T02:09:00Z", "2026-10-04T02:02:00Z", "page-1h", 120, 2595],
	["2026-10-04T12:00:00Z", "2026-10-04T14:01:00Z", "2026-10-04T12:43:00Z", "page-1h", 2580, 6804]]
	and ([.firings[] | [.alert, .severity, .start, .end, (.peak_burn_rate * 100 | round)]] == [
	["page-1h", "page", "2026-10-04T02:02:00Z", "2026-10-04T02:09:00Z", 4177],
	["page-6h", "page", "2026-10-04T02:05:00Z", "2026-10-04T02:34:00Z", 704],
	["page-1h", "page", "2026-10-04T12:43:00Z", "2026-10-04T14:01:00Z", 2010],
	["ticket-3d", "ticket", "2026-10-04T13:07:00Z", "2026-10-04T19:43:00Z", 125],
	["ticket-1d", "ticket", "2026-10-04T13:24:00Z", "2026-10-04T15:42:00Z", 350],
	["page-6h", "page", "2026-10-04T13:47:00Z", "2026-10-04T14:21:00Z", 677]])
	and .truncated == false and .window.seconds == 2592000
	and ([.firings[], .incidents[] | .objective] | unique) == ["availability"]'
# the quiet three days before: no firing, no incident
$SLO alerts --replay --to 2026-10-04 $c; echo "exit=$?"
$SLO alerts --replay --to 2026-10-04 --json $c | json_check '.firings == [] and .incidents == []
	and .window == {"start": "2026-09-04T00:00:00Z", "end": "2026-10-04T00:00:00Z",
		"seconds": 2592000}'
# --bad-minute 5: the blip's minutes (its 5m burns 51/5000/0.001 = 10.2)
# make an incident no rule caught, 12:00-12:05; by its end 144 + 73 + 50 =
# 267 bad of the quiet window's 4320 (6.18%)
$SLO alerts --replay --to 2026-10-04 --bad-minute 5 $c; echo "exit=$?"
$SLO alerts --replay --to 2026-10-04 --bad-minute 5 --json $c | json_check '.incidents == [
	{"objective": "availability", "start": "2026-10-02T12:00:00Z", "end": "2026-10-02T12:05:00Z",
	 "first_alert": null, "alert": null, "detection_seconds": null, "budget_spent": (267 / 4320)}]'
# --bad-minute 10 over the four days: the blip too (267 / 5760 = 4.64%), and
# the slow one ends a minute later (14:01's 5m holds 61: 12.2)
$SLO alerts --replay --bad-minute 10 $c | sed -n '/^  incidents/,$p'
# bad minutes 595 minutes apart (02:08 and 12:03): one incident with a
# 10h gap, two with 9h
$SLO alerts --replay --gap 10h $c | sed -n '/^  incidents/,$p'
$SLO alerts --replay --gap 9h $c | sed -n '/^  incidents/,$p'
# the span (4d): the rules scaled to 96h (1.92, 0.8, 0.4, 0.13), each judged
# only once the history covers its long window (ticket-3d from 10-04 00:00)
$SLO alerts --replay -t 99.9 --total-col requests --bad-col errors history.csv | sed -n '4,$p'
