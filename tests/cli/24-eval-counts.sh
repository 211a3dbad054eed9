# eval --total-col with --bad-col and with --good-col give the same answer
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$PWD
cd "$tmp" || exit 1
awk -F';' 'NR == 1 { print "hour;requests;ok"; next } { print $1 ";" $2 ";" $2 - $3 }' \
	"$root/examples/hourly-counts.csv" >good.csv
$SLO eval -t 99.9 --total-col requests --good-col ok good.csv; echo "exit=$?"
$SLO eval -t 99.9 --total-col=requests --good-col=3 -w 1d good.csv; echo "exit=$?"
