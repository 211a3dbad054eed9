# eval --delimiter: ; , and tab, and a wrong one
$SLO eval -t 99.9 --delimiter ';' --total-col requests --bad-col errors examples/hourly-counts.csv; echo "exit=$?"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$PWD
cd "$tmp" || exit 1
tr ',' '\t' <"$root/examples/probes.csv" >probes.tsv
$SLO eval -t 99.9 --delimiter=tab probes.tsv; echo "exit=$?"
$SLO eval -t 99.9 probes.tsv; echo "exit=$?"
$SLO eval -t 99.9 --delimiter , probes.tsv; echo "exit=$?"
$SLO eval -t 99.9 --delimiter x probes.tsv; echo "exit=$?"
