# eval -c: the OpenSLO specification's examples (tests/config/openslo, with slo.input/ annotations) evaluated on examples/api-requests.csv
. tests/cli/json.sh
d=tests/config/openslo
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# search-slo: op lt, value 500 (ms), target 0.99, 2w rolling, Occurrences.
# awk -F, 'NR>1{n++; if($3>=500)b++} END{print n,b}' examples/api-requests.csv -> 11695 123
# allowed 1% of 11695 = 116.95; 123 > 116.95: not met, exit 1
$SLO eval -c $d/occurrences-slo.yaml --json >"$tmp/out.json"; echo "exit=$?"
jq -c '.objectives[] | [.name, .slo, .source.format, .kind, .target, .threshold_seconds, .total, .bad, .allowed_bad, .met, .window.kind, .window.seconds]' "$tmp/out.json"
json_check '.version == 1 and .ok == false' <"$tmp/out.json"
# main-page: RatioTimeslices, 1m slices, target 0.99; 2xx good (bad-status 1xx,3xx,4xx,5xx)
# awk -F, 'NR>1{m=substr($1,1,16); t[m]++; if($2>=200&&$2<=299)g[m]++} END{for(k in t){s+=g[k]/t[k]; c++}; print c, s/c}' -> 2829 0.96609
$SLO eval -c $d/ratio-timeslices.yaml --json >"$tmp/out.json"; echo "exit=$?"
jq -c '.objectives[] | [.name, .budgeting, .slice_seconds, .slices, (.sli * 100000 | round), .met]' "$tmp/out.json"
# foo-slo (the README's inline SLI): target 0.98, 2xx good: 11298 of 11695, 397 bad
$SLO eval -c $d/readme-inline-slo.yaml --json >"$tmp/out.json"; echo "exit=$?"
jq -c '.objectives[] | [.name, .target, .total, .good, .bad, .allowed_bad, .met, .window.kind]' "$tmp/out.json"
# the three in one run, one JSON object: the exit status is the worst
$SLO eval -c $d/occurrences-slo.yaml -c $d/ratio-timeslices.yaml -c $d/readme-inline-slo.yaml --json >"$tmp/out.json"; echo "exit=$?"
jq -c '[.ok, .config, [.objectives[] | [.name, .source.line, .met]]]' "$tmp/out.json"
