# eval --json: every example file, valid JSON with the documented fields
. tests/cli/json.sh
fields='all(.objectives[]; has("name") and has("kind") and has("target")
		and has("total") and has("good") and has("bad") and has("sli")
		and has("allowed_bad") and has("budget_consumed")
		and has("budget_remaining") and has("burn_rate") and has("met"))
	and (.window | has("start") and has("end") and has("seconds"))
	and (.records | has("read") and has("skipped") and has("outside_window"))'
$SLO eval -j -t 99.9 -l 300ms:99 examples/api-requests.csv; echo "exit=$?"
$SLO eval --json -t 99.9 --window 6h examples/probes.csv; echo "exit=$?"
$SLO eval --json -t 99.9 --total-col requests --bad-col errors examples/hourly-counts.csv; echo "exit=$?"
$SLO eval --json -t 99 examples/broken.csv 2>/dev/null; echo "exit=$?"
$SLO eval -j -t 99.9 -l 300ms:99 examples/api-requests.csv | json_check "$fields"
$SLO eval -j -t 99.9 -w 6h examples/probes.csv | json_check "$fields"
$SLO eval -j -t 99.9 --total-col requests --bad-col errors examples/hourly-counts.csv | json_check "$fields"
$SLO eval -j -t 99 examples/broken.csv 2>/dev/null | json_check "$fields
	and .records.read == 8 and .records.skipped == 3 and .inputs[0].skipped == 3"
