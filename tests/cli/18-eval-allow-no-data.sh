# eval: no events is "no data", a failure unless --allow-no-data
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
printf 'requests,errors\n0,0\n0,0\n' >zero.csv
$SLO eval -t 99 --total-col requests --bad-col errors zero.csv; echo "exit=$?"
$SLO eval -t 99 --total-col requests --bad-col errors --allow-no-data zero.csv; echo "exit=$?"
$SLO eval -j -t 99 --total-col requests --bad-col errors --allow-no-data zero.csv; echo "exit=$?"
