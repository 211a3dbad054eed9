# eval --format prom: Prometheus text exposition for the textfile collector, each family once with HELP and TYPE; promtool check metrics passes; values as in JSON
. tests/cli/formats.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
$SLO eval --format prom -t 99.9 -l 300ms:99 examples/api-requests.csv >"$tmp/prom"; echo "exit=$?"
cat "$tmp/prom"
prom_check <"$tmp/prom"
# every family once, its samples together
grep '^# TYPE' "$tmp/prom" | awk '{print $3}' | sort | uniq -d | sed 's/^/twice: /'
awk '!/^#/ {sub(/[{ ].*/, ""); if ($0 != last) n[$0]++; last = $0} END {for (f in n) if (n[f] > 1) print "split: " f}' "$tmp/prom"
# the same numbers as JSON
$SLO eval --json -t 99.9 -l 300ms:99 examples/api-requests.csv >"$tmp/json"
jq -r '.objectives[] | "slo_sli_ratio{slo=\"\(.name)\"} \(.sli)", "slo_error_budget_remaining_ratio{slo=\"\(.name)\"} \(.budget_remaining)"' "$tmp/json" >"$tmp/want"
grep -e '^slo_sli_ratio' -e '^slo_error_budget_remaining_ratio' "$tmp/prom" |
	awk '{printf "%s %.17g\n", $1, $2}' | sort >"$tmp/got"
awk '{printf "%s %.17g\n", $1, $2}' "$tmp/want" | sort | diff - "$tmp/got" &&
	echo "sli and budget remaining as in JSON"
jq -r '.objectives[] | .name as $n | .alerts[] | "\($n) \(.name) \(.firing)"' "$tmp/json"
# no data in the window: no SLI sample, the objective not met
$SLO eval --format prom -t 99.9 --from 2026-09-01 --to 2026-09-02 examples/api-requests.csv >"$tmp/none"; echo "exit=$?"
grep -e '^slo_sli' -e '^slo_objective_met' -e '^slo_events' -e '^slo_error_budget' -e '^slo_records' "$tmp/none"
$SLO eval --format prom -t 99.9 --from 2026-09-01 --to 2026-09-02 examples/api-requests.csv | prom_check
# --label: the same labels on every sample, so that several runs' files can sit in one textfile directory
$SLO eval --format prom --label service=api --label 'team=sre "core"' -t 99.9 --window 6h examples/api-requests.csv >"$tmp/l"; echo "exit=$?"
grep -e '^slo_sli_ratio' -e '^slo_window_seconds' -e '^slo_alert_firing' "$tmp/l"
prom_check <"$tmp/l"
grep -v '^#' "$tmp/l" | grep -vc 'service="api",team="sre \\"core\\""' | sed 's/^/samples without the labels: /'
