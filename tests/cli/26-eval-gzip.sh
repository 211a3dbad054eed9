# eval reads gzip input from files (whatever their name) and standard input
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$PWD
cd "$tmp" || exit 1
gzip -c "$root/examples/probes.csv" >probes.csv.gz
cp probes.csv.gz probes-compressed
$SLO eval -t 99 probes.csv.gz; echo "exit=$?"
out=$($SLO eval -t 99 probes-compressed 2>&1); echo "exit=$?"
echo "$out" | sed -n '1p;6p'
gzip -c "$root/examples/api-requests.csv" | $SLO eval -t 99.9 -l 300ms:99; echo "exit=$?"
