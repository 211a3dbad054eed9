# eval: timestamps with offsets and Unix epochs are UTC whatever TZ says
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
printf 'time,status\n2026-10-01T05:45:00+05:45,200\n2026-10-01T01:00:00Z,500\n1790816400.5,200\n' >tz.csv
$SLO eval -t 50 tz.csv; echo "exit=$?"
TZ=NPT-5:45 $SLO eval -t 50 tz.csv; echo "exit=$?"
TZ=EST5EDT $SLO eval -t 50 -w 1h tz.csv; echo "exit=$?"
