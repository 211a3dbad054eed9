# eval --by day --tz Europe/Berlin: days are the zone's, 25 hours on the October clock change, and each row is labelled with its own local date
# Needs the system's zone database (tzdata; .ci/deps check installs it).
. tests/cli/json.sh
. tests/cli/nochart.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# hourly counts from 2026-10-24T00:00Z to 10-26T23:00Z, 60 requests each, 3
# errors at 12:00Z each day: 9 bad of 4320, 43.2 allowed at 99%
awk 'BEGIN {
	print "hour,requests,errors"
	for (h = 0; h < 72; h++)
		printf "2026-10-%02dT%02d:00:00Z,60,%d\n", 24 + h / 24, h % 24, h % 24 == 12 ? 3 : 0
}' >hourly.csv
# Berlin days: the 24th from the window's start to 22:00Z (22 hours), the
# 25th 22:00Z to 23:00Z next day (25 hours: 03:00 CEST became 02:00 CET),
# the 26th (24 hours), the 27th from 23:00Z to the end of the data (one
# hour); 3 bad is 6.94% of 43.2
$SLO eval -t 99 --by day --tz Europe/Berlin --total-col requests --bad-col errors hourly.csv |
	nochart | sed -n '/^  day/,/^  verdict/p'
$SLO eval -t 99 --by day --tz Europe/Berlin --total-col requests --bad-col errors --json hourly.csv |
	json_check '[.objectives[0].periods[] | [.start, .end, .total, .bad]] == [
		["2026-10-24T00:00:00Z", "2026-10-24T22:00:00Z", 1320, 3],
		["2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z", 1500, 3],
		["2026-10-25T23:00:00Z", "2026-10-26T23:00:00Z", 1440, 3],
		["2026-10-26T23:00:00Z", "2026-10-26T23:01:00Z", 60, 0]]'
