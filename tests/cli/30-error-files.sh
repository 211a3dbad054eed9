# input errors exit 3: missing file, directory, empty, header only, no usable column or row
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$PWD
cd "$tmp" || exit 1
mkdir dir
: >empty.csv
sed -n 1p "$root/examples/api-requests.csv" >header-only.csv
printf 'a,b,c\n1,2,3\n' >no-column.csv
printf 'time,status\nyesterday,200\n2026-10-01T00:00:00Z,2000\n2026-10-01,200,x\n' >all-bad.csv
$SLO eval -t 99 nosuch.csv; echo "exit=$?"
$SLO eval -t 99 "$root/examples/probes.csv" nosuch.csv; echo "exit=$?"
$SLO eval -t 99 dir; echo "exit=$?"
$SLO eval -t 99 empty.csv; echo "exit=$?"
$SLO eval -t 99 - <empty.csv; echo "exit=$?"
$SLO eval -t 99 header-only.csv; echo "exit=$?"
$SLO eval -t 99 no-column.csv; echo "exit=$?"
$SLO eval -l 1s:99 no-column.csv; echo "exit=$?"
$SLO eval -t 99 all-bad.csv; echo "exit=$?"
