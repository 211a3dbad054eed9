# eval projected exhaustion is a whole instant, not one nanosecond short of it from floating-point rounding
# Needs the system's zone database (tzdata; .ci/deps check installs it).
. tests/cli/json.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat >cal.csv <<'EOF2'
time,status
2026-09-30T22:30:00Z,200
2026-10-01T00:00:00Z,500
2026-10-05T10:00:00Z,200
2026-10-25T00:30:00Z,200
2026-10-31T22:30:00Z,500
EOF2
# October in Berlin (745h): 2 bad of 5 at 50%, 20% left; the last hour
# (to 22:31Z) burns 2: 0.2 x 745h / 2 = 74h 30m after 10-31T22:31Z
$SLO eval -t 50 --month 2026-10 --tz Europe/Berlin cal.csv | grep '^  exhaustion'
$SLO eval -t 50 --month 2026-10 --tz Europe/Berlin --json cal.csv |
	json_check '.objectives[0].exhaustion == "2026-11-04T01:01:00Z"'
