# hostile input: records before 1970 get the same periods, projection and window as the same records 57 years later (no minute, hour or day rounded toward 1970)
. tests/cli/nochart.sh
. tests/cli/json.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
for y in 1969 2026; do
	printf 'time,status\n%s-12-31T22:10:00Z,200\n%s-12-31T23:59:10Z,503\n%s-12-31T23:59:50Z,200\n' \
		$y $y $y >$y.csv
done
run eval -t 50 --by hour 1969.csv
run eval -t 50 --by hour 2026.csv
$SLO eval -t 50 --json 1969.csv | json_check '.objectives[0].exhaustion == "1970-01-01T00:36:40Z"'
$SLO eval -t 50 --json 2026.csv | json_check '.objectives[0].exhaustion == "2027-01-01T00:36:40Z"'
# a rolling hour that starts before 1970 and ends after
printf 'time,status\n1969-12-31T23:30:00Z,503\n1969-12-31T23:59:59Z,200\n1970-01-01T00:00:30Z,200\n' >edge.csv
run eval -t 50 -w 1h --by hour edge.csv
