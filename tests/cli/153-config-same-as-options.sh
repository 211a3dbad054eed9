# eval -c: each SLO of examples/slos.yaml gives the numbers of the command line that says the same; its JSON objective carries its window, records and inputs
. tests/cli/json.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
$SLO eval -c examples/slos.yaml --json >"$tmp/all.json"; echo "exit=$?"
json_check '.version == 1 and .ok == false and (.objectives | length) == 5 and .config == ["examples/slos.yaml"]' <"$tmp/all.json"
# same I ARGS...: objective I of the config's JSON, less what --config adds, against slo eval ARGS --json
same() {
	i=$1
	shift
	jq -S ".objectives[$i] | del(.slo, .source, .window, .records, .inputs, .inputs_not_listed) | .name = \"x\"" "$tmp/all.json" >"$tmp/a"
	$SLO eval "$@" --json | jq -S '.objectives[0] | .name = "x"' >"$tmp/b"
	if cmp -s "$tmp/a" "$tmp/b"; then echo "same: $*"; else echo "DIFFERENT: $*"; diff "$tmp/a" "$tmp/b" | head; fi
	jq -S ".objectives[$i] | [.window, .records]" "$tmp/all.json" >"$tmp/a"
	$SLO eval "$@" --json | jq -S '[.window, .records]' >"$tmp/b"
	cmp -s "$tmp/a" "$tmp/b" && echo "same window and records" || echo "DIFFERENT window or records"
}
same 0 -t 99.5 --time-col timestamp --status-col status --bad-status 5xx examples/api-requests.csv
same 1 -l 300ms:99 -w 1d --time-col timestamp --latency-col latency_ms --latency-unit ms examples/api-requests.csv
same 2 -t 99 --budgeting timeslices --slice 1m --slice-target 99 --time-col timestamp --status-col status examples/api-requests.csv
same 3 -t 99.9 --calendar month --probes --time-col time --status-col up examples/probes.csv
same 4 -t 99.9 --time-col hour --total-col requests --bad-col errors examples/hourly-counts.csv
jq -c '.objectives[] | [.name, .source.line, .source.format, .kind, .met, .window.kind, .inputs[0].file]' "$tmp/all.json"
