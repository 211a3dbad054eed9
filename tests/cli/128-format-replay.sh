# alerts --replay --format csv|tsv|markdown: a row per firing, the JSON report's numbers; markdown adds the incidents
. tests/cli/formats.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
$SLO alerts --replay -t 99.9 --window 6h --format csv examples/api-requests.csv >"$tmp/csv"; echo "exit=$?"
cat "$tmp/csv"
csv_check <"$tmp/csv"
$SLO alerts --replay -t 99.9 --window 6h --format tsv examples/api-requests.csv | tsv_check
$SLO alerts --replay -t 99.9 --window 6h --json examples/api-requests.csv |
	jq -r '.firings[] | [.objective, .alert, .severity, .start, .end] | join(",")' >"$tmp/want"
cut -d, -f1-5 "$tmp/csv" | tail -n +2 | diff "$tmp/want" - && echo "firings as in JSON"
$SLO alerts --replay -t 99.9 --window 6h --format markdown examples/api-requests.csv; echo "exit=$?"
$SLO alerts --replay -t 99.9 --window 6h --format markdown examples/api-requests.csv | md_check
