# eval --calendar week|month|quarter|year (the period holding the last record, or --to) and --month/--quarter/--week named periods, in UTC and in Europe/Berlin across the October clock change; conflicting window options exit 2
# Needs the system's zone database (tzdata; .ci/deps check installs it).
. tests/cli/json.sh
. tests/cli/nochart.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# the last record is 2026-10-31T23:30Z, a Saturday in UTC, and already
# 2026-11-01 00:30 CET, a Sunday, in Berlin
cat >cal.csv <<'EOF'
time,status
2026-06-30T23:59:00Z,200
2026-09-15T12:00:00Z,500
2026-09-30T22:30:00Z,200
2026-10-01T00:00:00Z,500
2026-10-05T10:00:00Z,200
2026-10-25T00:30:00Z,200
2026-10-31T22:30:00Z,500
2026-10-31T23:30:00Z,200
EOF
# October: the last five records; the three before are of earlier periods
$SLO eval -t 50 --calendar month cal.csv | sed -n 2,3p
# the week from Monday 2026-10-26: the last two
$SLO eval -t 50 --calendar week cal.csv | sed -n 2,3p
# Q4 (92 days): the last five; 2026: all eight (365 days)
$SLO eval -t 50 --calendar quarter cal.csv | sed -n 2,3p
$SLO eval -t 50 --calendar year cal.csv | sed -n 2,3p
# with --to, the period holding the moment before it: September, two records
$SLO eval -t 50 --calendar month --to 2026-10-01 cal.csv | sed -n 2,3p
# named periods: ISO week 40 is Monday 2026-09-28 to 2026-10-05 (10-05T10:00 is
# out); Q3 2026 holds 09-15 and 09-30, not 06-30T23:59
$SLO eval -t 50 --month 2026-10 cal.csv | sed -n 2,3p
$SLO eval -t 50 --week 2026-W40 cal.csv | sed -n 2,3p
$SLO eval -t 50 --quarter 2026-Q3 cal.csv | sed -n 2,3p
# in Berlin the last record is in November: 30 days from 10-31T23:00Z, one record
$SLO eval -t 50 --calendar month --tz Europe/Berlin cal.csv | sed -n 2,3p
# October in Berlin: 2026-10-01 00:00 CEST (09-30T22:00Z) to 2026-11-01 00:00
# CET (10-31T23:00Z), 31 days and the hour the clocks went back; it holds
# 09-30T22:30Z and the four October records up to 10-31T22:30Z.
# 2 bad of 5 at 50%: 80% spent, 0.8 x 24 / 745 = 2.58% a day; the alerts
# are judged at the end of the data (10-31T22:31Z), where every span ending
# then holds only 22:30's bad record: burn 2; thresholds scaled to 745h:
# 0.02 x 745 = 14.9, 0.05 x 745 / 6 = 6.21, 0.1 x 745 / 24 = 3.1,
# 0.1 x 745 / 72 = 1.03 (firing).  (Its projected exhaustion is case 73's.)
$SLO eval -t 50 --month 2026-10 --tz Europe/Berlin cal.csv | nochart | grep -v '^  exhaustion'
# the week holding Sunday 2026-11-01 in Berlin, named or not
$SLO eval -t 50 --calendar week --tz Europe/Berlin cal.csv | sed -n 2,3p
$SLO eval -t 50 --week 2026-W44 --tz Europe/Berlin cal.csv | sed -n 3p
# Q3 in Berlin holds 06-30T23:59Z (July 1st there) but not 09-30T22:30Z
$SLO eval -t 50 --quarter 2026-Q3 --tz Europe/Berlin cal.csv | sed -n 2,3p
# October in UTC, in JSON: the alerts at the end of the data (10-31T23:31Z):
# 5m, 30m, 1h hold 23:30 (good), 2h to 3d also 22:30 (bad): 1 of 2, burn 1;
# thresholds over 744h: 14.88, 6.2, 3.1, 1.0333
$SLO eval -t 50 --calendar month --json cal.csv | json_check '.window.kind == "calendar"
	and .window.start == "2026-10-01T00:00:00Z" and .window.end == "2026-11-01T00:00:00Z"
	and .window.seconds == 2678400
	and .records.used == 5 and .records.outside_window == 3
	and (.objectives[0] | .bad == 2 and .total == 5
		and ([.burn_rates[] | [.window, .rate]] == [[300, 0], [1800, 0], [3600, 0],
			[7200, 1], [21600, 1], [86400, 1], [259200, 1]])
		and ([.alerts[] | .threshold * 10000 | round] == [148800, 62000, 31000, 10333])
		and ([.alerts[] | .firing] == [false, false, false, false])
		and .exhaustion == null and .current_burn_rate == 0
		and (.budget_per_day - 0.8 / 31 | fabs) < 1e-12)'
# conflicting or malformed periods
$SLO eval -t 50 --month 2026-10 --from 2026-10-01 cal.csv; echo "exit=$?"
$SLO eval -t 50 --month 2026-10 --calendar month cal.csv; echo "exit=$?"
$SLO eval -t 50 --month 2026-10 --week 2026-W40 cal.csv; echo "exit=$?"
$SLO eval -t 50 --calendar month -w 30d cal.csv; echo "exit=$?"
$SLO eval -t 50 --calendar month --from 2026-10-01 cal.csv; echo "exit=$?"
$SLO eval -t 50 --calendar day cal.csv; echo "exit=$?"
$SLO eval -t 50 --month 2026-13 cal.csv; echo "exit=$?"
$SLO eval -t 50 --month 2026-Q3 cal.csv; echo "exit=$?"
$SLO eval -t 50 --quarter 2026-Q5 cal.csv; echo "exit=$?"
$SLO eval -t 50 --week 2027-W53 cal.csv; echo "exit=$?"
