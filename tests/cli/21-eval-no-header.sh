# eval --no-header: the first line is data, columns by number
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$PWD
cd "$tmp" || exit 1
sed -n '2,201p' "$root/examples/api-requests.csv" >nohdr.csv
sed -n '1531,1590p' "$root/examples/api-requests.csv" >>nohdr.csv
$SLO eval -t 99 --no-header --status-col 2 nohdr.csv; echo "exit=$?"
$SLO eval -t 99 --no-header --status-col 2 --time-col 1 -w 1h nohdr.csv; echo "exit=$?"
$SLO eval -t 99 --no-header --status-col 2 --latency-col 3 --latency-unit ms -l 100ms nohdr.csv; echo "exit=$?"
$SLO eval -t 99 --no-header nohdr.csv; echo "exit=$?"
$SLO eval -l 100ms:99 --no-header --latency-unit ms nohdr.csv; echo "exit=$?"
$SLO eval -t 99 -w 1h --no-header --status-col 2 nohdr.csv; echo "exit=$?"
