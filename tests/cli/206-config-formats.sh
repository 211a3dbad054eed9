# eval -c with --format csv, tsv, prom and markdown: one table (header once, a group column), one exposition (each family once, promtool passes), a markdown section an SLO; the numbers those of --json
. tests/cli/formats.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
$SLO eval -c examples/slos.yaml --json >"$tmp/json"; echo "exit=$?"
$SLO eval -c examples/slos.yaml --format csv >"$tmp/csv"; echo "exit=$?"
cat "$tmp/csv"
csv_check <"$tmp/csv"
same_as_json sli .sli "$tmp/csv" "$tmp/json"
same_as_json budget_remaining .budget_remaining "$tmp/csv" "$tmp/json"
same_as_json window_seconds .window.seconds "$tmp/csv" "$tmp/json"
same_as_json records_read .records.read "$tmp/csv" "$tmp/json"
$SLO eval -c examples/slos.yaml --format tsv | tsv_check
# a grouped SLO among ungrouped ones: its rows have the group, the others an empty cell
cat >"$tmp/g.yaml" <<EOF
slos:
  - name: by-status
    target: 99
    input: {files: [$PWD/examples/api-requests.csv], group-by: status}
  - name: all
    target: 99
    input: {files: [$PWD/examples/api-requests.csv]}
EOF
$SLO eval -c "$tmp/g.yaml" --format csv --top 2 >"$tmp/g.csv"; echo "exit=$?"
cut -d, -f1-3,6-8 "$tmp/g.csv"
$SLO eval -c examples/slos.yaml --format prom --label env=test >"$tmp/prom"; echo "exit=$?"
prom_check <"$tmp/prom"
grep '^# TYPE' "$tmp/prom" | awk '{print $3}' | sort | uniq -d | sed 's/^/twice: /'
awk '!/^#/ {sub(/[{ ].*/, ""); if ($0 != last) n[$0]++; last = $0} END {for (f in n) if (n[f] > 1) print "split: " f}' "$tmp/prom"
grep -e '^slo_sli_ratio' -e '^slo_window_seconds' -e '^slo_records_read' "$tmp/prom"
grep -v '^#' "$tmp/prom" | grep -vc 'env="test"' | sed 's/^/samples without the label: /'
jq -r '.objectives[] | "slo_sli_ratio{slo=\"\(.name)\",env=\"test\"} \(.sli)"' "$tmp/json" |
	awk '{printf "%s %.17g\n", $1, $2}' >"$tmp/want"
grep '^slo_sli_ratio' "$tmp/prom" | awk '{printf "%s %.17g\n", $1, $2}' | diff "$tmp/want" - &&
	echo "sli as in JSON"
$SLO eval -c examples/slos.yaml --format markdown >"$tmp/md"; echo "exit=$?"
cat "$tmp/md"
md_cells 1 <"$tmp/md" | tr '\n' ' '; echo
# --quiet: nothing, the status alone
$SLO eval -c examples/slos.yaml --format prom --quiet; echo "exit=$?"
