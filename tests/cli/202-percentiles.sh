# latency percentiles: --exact equals the nearest-rank values computed here with sort and awk; the sketch is within 0.1 % of them; rolling windows, --where and merged shards
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
in=$PWD/examples/api-requests.csv
cd "$tmp" || exit 1
# nearest rank: the ceil(p x n)-th smallest (p99.9 of 11695 is the 11684th)
tail -n +2 "$in" | cut -d, -f3 | sort -n >lat
n=$(wc -l <lat)
for p in 0.5 0.9 0.95 0.99 0.999; do
	awk -v p=$p -v n=$n 'BEGIN { r = p * n; k = int(r); if (k < r) k++; print k }'
done >ranks
awk 'NR == FNR { want[$1] = 1; next } FNR in want { printf "%.3f\n", $1 / 1000 }' ranks lat >want
cat want
"$SLO" eval -t 99 -l 300ms:99 --exact --json "$in" |
	jq -r '.objectives[1].percentiles | .p50, .p90, .p95, .p99, ."p99.9" | tostring' |
	awk '{ printf "%.3f\n", $1 }' >exact
cmp want exact && echo "exact: the nearest-rank values"
"$SLO" eval -t 99 -l 300ms:99 --json "$in" | jq -r '.objectives[1] |
	(.percentiles | .p50, .p90, .p95, .p99, ."p99.9"), .percentiles_exact, .percentiles_count' >sketch
head -n 5 sketch | paste want - | awk '{ e = ($2 - $1) / $1; if (e < 0) e = -e;
	print (e <= 0.001 ? "within 0.1 %" : "OFF BY " e) }'
tail -n 2 sketch
# the text report, sketch and exact
"$SLO" eval -t 99 -l 300ms:99 "$in" | grep '^latency '
"$SLO" eval -t 99 -l 300ms:99 --exact "$in" | grep '^latency '
# a rolling window of 6h: the values of its last 6 hours only (--exact),
# the sketch from the start of its oldest block
"$SLO" eval -t 99 -l 300ms:99 -w 6h --exact --json "$in" | jq -c '.objectives[1] | [.percentiles_count, .percentiles_from]'
awk -F, 'NR > 1 && $1 >= "2026-10-02T18:00" { n++ } END { print n }' "$in"
"$SLO" eval -t 99 -l 300ms:99 -w 6h "$in" | grep -A 1 '^latency '
# 99 minutes: blocks of 2 minutes (99 / 64, rounded up); the window
# starts at 22:21, in the middle of the block from 22:20
"$SLO" eval -t 99 -l 300ms:99 -w 99m "$in" | grep -A 1 '^latency '
# --where leaves records out of the percentiles as of everything else
"$SLO" eval -t 99 -l 300ms:99 --exact --where 'status!=200' --json "$in" | jq -c '.objectives[1] | [.percentiles_count, .percentiles.p50]'
awk -F, 'NR > 1 && $2 != 200 { print $3 }' "$in" | sort -n | awk '{ v[NR] = $1 } END { k = int(NR / 2); if (k < NR / 2) k++; print NR, v[k] / 1000 }'
# merged shards keep the sketches: the same percentiles as one run
tail -n +2 "$in" >rows
split -n l/3 rows part.
for p in part.a?; do
	{ head -n 1 "$in"; cat "$p"; } >"$p.csv"
	"$SLO" eval -t 99 -l 300ms:99 -w 1d --save-state "$p.state" "$p.csv" >/dev/null
done
"$SLO" merge --json part.a?.state | jq -c '.objectives[1] | [.percentiles, .percentiles_count]' >merged
"$SLO" eval -t 99 -l 300ms:99 -w 1d --json "$in" | jq -c '.objectives[1] | [.percentiles, .percentiles_count]' >one
cmp one merged && echo "merged: the same percentiles"
# usage errors
"$SLO" eval -t 99 --exact "$in"
echo "exit $?"
"$SLO" eval -t 99 -l 300ms --exact --save-state x.state "$in"
echo "exit $?"
