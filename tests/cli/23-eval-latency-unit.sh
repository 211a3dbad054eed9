# eval --latency-unit: bare numbers in a column whose name has no unit
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$PWD
cd "$tmp" || exit 1
sed -n '1,11p' "$root/examples/api-requests.csv" | sed '1s/latency_ms/latency/' >lat.csv
printf 'status,latency\n200,73ms\n200,0.04s\n200,45\n500,1s\n' >mixed.csv
$SLO eval -l 50ms:90 lat.csv; echo "exit=$?"
$SLO eval -l 50ms:90 --latency-unit ms lat.csv; echo "exit=$?"
$SLO eval -l 50ms:90 --latency-unit=s lat.csv; echo "exit=$?"
$SLO eval -l 50ms:50 mixed.csv; echo "exit=$?"
$SLO eval -l 50ms:50 --latency-unit ms mixed.csv; echo "exit=$?"
$SLO eval -l 50ms:50 --latency-unit us mixed.csv; echo "exit=$?"
$SLO eval -l 50ms:50 --latency-unit minutes mixed.csv; echo "exit=$?"
