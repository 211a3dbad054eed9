# eval --format csv: a header and a row per objective, the numbers of the JSON report; --format=csv and --format csv alike
. tests/cli/formats.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
$SLO eval --format csv -t 99.9 -l 300ms:99 examples/api-requests.csv; echo "exit=$?"
$SLO eval --format=csv -t 99.9 -l 300ms:99 examples/api-requests.csv >"$tmp/csv"; echo "exit=$?"
csv_check <"$tmp/csv"
$SLO eval --json -t 99.9 -l 300ms:99 examples/api-requests.csv >"$tmp/json"
for c in target threshold_seconds total good bad sli allowed_bad budget_consumed \
	budget_remaining burn_rate met below_fail_under; do
	same_as_json $c ".$c" "$tmp/csv" "$tmp/json"
done
# the skipped rows are counted in every row; exit 1 as with text
$SLO eval --format csv -t 99 examples/broken.csv; echo "exit=$?"
# pre-aggregated counts
$SLO eval --format csv -t 99.9 --total-col requests --bad-col errors examples/hourly-counts.csv; echo "exit=$?"
