# a truncated gzip file is an input error (exit 3) naming the file
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$PWD
cd "$tmp" || exit 1
gzip -c "$root/examples/probes.csv" | head -c 3000 >cut.csv.gz
gzip -c "$root/examples/api-requests.csv" | head -c 60000 >cut-later.csv.gz
$SLO eval -t 99 cut.csv.gz; echo "exit=$?"
$SLO eval -t 99 <cut.csv.gz; echo "exit=$?"
$SLO eval -t 99 cut-later.csv.gz; echo "exit=$?"
