# eval with a window known in advance (--month, --week, --to with --window) but no record in it: the report names the window, not "all records (no timestamps)"; no data, exit 1
. tests/cli/json.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat >req.csv <<'EOF2'
time,status
2026-10-01T00:00:00Z,200
2026-10-01T00:10:00Z,500
EOF2
# every record is before November: the window is still November
$SLO eval -t 50 --month 2026-11 req.csv; echo "exit=$?"
$SLO eval -t 50 -w 1h --to 2026-10-20 req.csv | sed -n 3p
# 2026 starts on a Thursday: it has a week 53, 2026-12-28 to 2027-01-04
$SLO eval -t 50 --week 2026-W53 --json req.csv | json_check '.window ==
	{"kind": "calendar", "start": "2026-12-28T00:00:00Z", "end": "2027-01-04T00:00:00Z",
	 "seconds": 604800, "excluded_seconds": 0} and .objectives[0].no_data and .ok == false'
# as uptime samples the window is named already
printf 'time,up\n2026-10-01T00:00:00Z,up\n2026-10-01T00:01:00Z,up\n' >probes.csv
$SLO eval -t 50 --probes --month 2026-11 probes.csv | sed -n 3p
