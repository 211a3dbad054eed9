# alerts usage errors: no --replay, --replay with --group-by, --replay or --bad-minute on eval, bad --bad-minute, --gap and --alert values exit 2; a missing file exits 3
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
printf 'minute,requests,errors\n2026-10-01T00:00:00Z,100,0\n2026-10-01T00:01:00Z,100,1\n' >c.csv
c="-t 99.9 --total-col requests --bad-col errors c.csv"
$SLO alerts $c; echo "exit=$?"
$SLO alerts --replay --group-by requests $c; echo "exit=$?"
$SLO eval --replay $c; echo "exit=$?"
$SLO eval --bad-minute 5 $c; echo "exit=$?"
$SLO alerts --replay --bad-minute 0 $c; echo "exit=$?"
$SLO alerts --replay --bad-minute -2 $c; echo "exit=$?"
$SLO alerts --replay --gap soon $c; echo "exit=$?"
$SLO alerts --replay --alert 1h/5m:fast $c; echo "exit=$?"
$SLO alerts --replay c.csv; echo "exit=$?"
$SLO alerts --replay -t 99.9 nosuch.csv; echo "exit=$?"
