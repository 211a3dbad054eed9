# calc --format csv|tsv|markdown: a row per window with every column (--events and --downtime ones empty without them); the JSON report's numbers
. tests/cli/formats.sh
$SLO calc --format csv 99.9; echo "exit=$?"
$SLO calc --format csv 99.9 | csv_check
$SLO calc --format tsv 99.95 | tsv_check
$SLO calc --format=csv --events 1000 --downtime 1h 99.9 30d; echo "exit=$?"
$SLO calc --format tsv --events 1000000 99.99 28d; echo "exit=$?"
$SLO calc --format markdown 99.9; echo "exit=$?"
$SLO calc --format markdown 99.9 | md_check
$SLO calc --format markdown --events 100 --downtime 30m 99.9 30d; echo "exit=$?"
# the numbers of --json
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
$SLO calc --json 99.9 | jq -r '.windows[] | "\(.name),\(.seconds),\(.allowed_downtime_seconds),\(.allowed_downtime)"' >"$tmp/want"
$SLO calc --format csv 99.9 | awk -F, 'NR > 1 {print $3 "," $4 "," $5 "," $6}' | diff "$tmp/want" - && echo "windows as in JSON"
