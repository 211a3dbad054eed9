# eval --explain: how each file is read goes to stderr, before the report; with --json stdout is still only JSON
. tests/cli/json.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$PWD
cd "$tmp" || exit 1
cat >timed.log <<'EOF'
10.0.0.1 - - [10/Oct/2026:13:55:36 +0000] "GET /a HTTP/1.1" 200 512 "-" "curl/8.5.0" 0.120
10.0.0.2 - - [10/Oct/2026:13:55:37 +0000] "GET /b HTTP/1.1" 500 0 "-" "curl/8.5.0" 0.300
EOF
cp "$root/examples/hourly-counts.csv" .
$SLO eval -t 50 --explain timed.log hourly-counts.csv; echo "exit=$?"
$SLO eval -t 50 --explain --json timed.log hourly-counts.csv >out.json 2>err; echo "exit=$?"
cat err
json_check '.records.read == 170 and .records.format == "mixed"
	and ([.inputs[].format] == ["nginx-timed", "csv"])
	and (.objectives | length) == 1 and .objectives[0].allowed_bad == 4176791' <out.json
$SLO eval -t 50 -l 200ms:50 --explain --json timed.log 2>/dev/null; echo "exit=$?"
