# Sourced by tests/real/run: every --format on real files.  The counts
# are the ones computed by hand above (the awk one-liners); the rest is
# checked against slo's own --json report of the same run, and the
# formats by the checks of tests/cli/formats.sh (promtool for prom).
. tests/cli/formats.sh

# check_is WHAT CMD...: the check's line (from tests/cli/formats.sh)
# starts with "WHAT ok"
check_is() {
	_what=$1
	shift
	_line=$("$@" <"$OUT")
	case $_line in
	"$_what ok"*) ok "$_line" ;;
	*) ko "$_line" ;;
	esac
}

# out_has TEXT: stdout holds the fixed string
out_has() {
	if grep -qF -- "$1" "$OUT"; then ok "stdout has \"$1\""
	else ko "stdout: expected \"$1\", actual: $(head -c 300 "$OUT")"; fi
}

F=jmeter-jtl-blazedemo/results.jtl
if have $F; then
	# awk -F, 'NR>1{n++; if($8=="false")b++} END{print n,b}' $F  -> 26998 9075
	# awk -F, 'NR>1{if($2>1000)a++} END{print a}' $F             -> 1559
	run "blazedemo --format csv" -t 99 -l 1s --format csv "$DATA/$F"
	exit_is 1
	check_is csv csv_check
	out_has "availability,events,0.99,,26998,17923,9075,"
	out_has "latency 1s,latency,0.99,1,26998,25439,1559,"
	cp "$OUT" "$tmp/csv"
	"$SLO" eval -t 99 -l 1s --json "$DATA/$F" >"$tmp/json" 2>/dev/null
	for c in sli allowed_bad budget_consumed budget_remaining burn_rate met; do
		_l=$(same_as_json $c ".$c" "$tmp/csv" "$tmp/json")
		case $_l in *"NOT as in JSON"*) ko "$_l" ;; *) ok "$_l" ;; esac
	done
	run "blazedemo --format tsv" -t 99 -l 1s --format tsv "$DATA/$F"
	exit_is 1
	check_is tsv tsv_check
	out_has "$(printf 'availability\tevents\t0.99\t\t26998\t17923\t9075\t')"
	run "blazedemo --format prom" -t 99 -l 1s --format prom "$DATA/$F"
	exit_is 1
	check_is prom prom_check
	out_has 'slo_events{slo="availability"} 26998'
	out_has 'slo_bad_events{slo="availability"} 9075'
	out_has 'slo_bad_events{slo="latency 1s"} 1559'
	out_has 'slo_objective_met{slo="availability"} 0'
	run "blazedemo --format markdown" -t 99 -l 1s --format markdown "$DATA/$F"
	exit_is 1
	check_is markdown md_check
	out_has "| availability | 99% | 66.39% | 9075 / 26998 |"
	out_has "**NOT MET**: 2 of 2 objectives are not met"
	run "blazedemo --quiet" -t 99 -l 1s --quiet "$DATA/$F"
	exit_is 1
	out_empty
fi
F=elastic-apache-combined/apache_logs
if have $F; then
	# a group a path: real paths in CSV quoting, markdown escaping and
	# Prometheus label values; as many rows as the JSON report's groups
	"$SLO" eval -t 99 --group-by path --json "$DATA/$F" >"$tmp/json" 2>/dev/null
	groups=$(jq .groups "$tmp/json")
	run "apache_logs --group-by path --format csv" -t 99 --group-by path --format csv "$DATA/$F"
	exit_is 1
	check_is csv csv_check
	n=$(csv_check <"$OUT" | sed -n 's/^csv ok: \([0-9]*\) rows.*/\1/p')
	if [ "$n" = "$groups" ]; then ok "$n rows, one a group"
	else ko "$n rows; the JSON report has $groups groups"; fi
	run "apache_logs --group-by path --format tsv" -t 99 --group-by path --format tsv "$DATA/$F"
	check_is tsv tsv_check
	run "apache_logs --group-by path --format prom" -t 99 --group-by path --format prom "$DATA/$F"
	exit_is 1
	check_is prom prom_check
	out_has 'slo_bad_events{slo="availability",group="/misc/Title.php.txt"} 2'
	run "apache_logs --group-by path --format markdown" -t 99 --group-by path --top 50 --format markdown "$DATA/$F"
	exit_is 1
	check_is markdown md_check
	out_has "showing the 50 of $groups groups"
	# rendered as GitHub renders it, each path reads as in the JSON report
	md_cells 2 <"$OUT" >"$tmp/md-paths"
	"$SLO" eval -t 99 --group-by path --top 50 --json "$DATA/$F" 2>/dev/null |
		jq -r '.objectives[].group' >"$tmp/json-paths"
	if [ -s "$tmp/md-paths" ] && cmp -s "$tmp/md-paths" "$tmp/json-paths"; then
		ok "the 50 paths, rendered, as in JSON"
	else
		ko "rendered paths differ from JSON's: $(diff "$tmp/json-paths" "$tmp/md-paths" | head -5)"
	fi
	stderr_has "line skipped"
	run "apache_logs --quiet" -t 99 --group-by path --quiet "$DATA/$F"
	exit_is 1
	out_empty
	stderr_lacks "line skipped"
fi
F=upptime-cloudesire/upptime_history_events.csv
if have $F; then
	run "upptime --changes --format csv" -t 99 --changes --format csv "$DATA/$F"
	check_is csv csv_check
	out_has "uptime,time,0.99,"
	run "upptime --changes --format prom" -t 99 --changes --format prom "$DATA/$F"
	check_is prom prom_check
	out_has 'slo_down_seconds{slo="uptime"}'
	run "upptime --changes --format markdown" -t 99 --changes --format markdown "$DATA/$F"
	check_is markdown md_check
fi
