# slo merge: four shards' saved states give the report of one run over the whole file, text and JSON, rolling window, groups, --by
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
in=$PWD/examples/api-requests.csv
cd "$tmp" || exit 1
# four shards, each with the header
tail -n +2 "$in" >rows
split -n l/4 rows part.
for p in part.a?; do
	{ head -n 1 "$in"; cat "$p"; } >"$p.csv"
done
drop_inputs() {
	if [ "$json" = 1 ]; then jq -S 'del(.inputs)'; else grep -v '^input '; fi
}
same() { # OPTIONS...: one run and the merge of four agree but for the inputs
	rm -f part.*.state
	for p in part.a?.csv; do
		"$SLO" eval "$@" --save-state "$p.state" "$p" >/dev/null 2>&1
		st=$?
		[ $st -le 1 ] || echo "eval exit $st"
	done
	# the inputs differ: one file, or four
	"$SLO" eval "$@" "$in" >one.raw 2>&1
	echo "exit $? $*" >one.out
	"$SLO" merge part.a?.csv.state >merged.raw 2>&1
	echo "exit $? $*" >merged.out
	drop_inputs <one.raw >>one.out
	drop_inputs <merged.raw >>merged.out
	if cmp -s one.out merged.out; then head -n 1 one.out; else echo "DIFFERENT: $*"; diff one.out merged.out | head -n 20; fi
}
json=0
same --target 99.9 --latency 300ms:99
json=1
same --target 99.9 --latency 300ms:99 --json
same --target 99.5 --window 1d --by hour --json
same --target 99 --group-by status --json
json=0
same --target 99.9 --budgeting timeslices --slice 5m --window 1d
same --target 99.9 --calendar week --exclude 2026-10-01T10:00:00Z/2026-10-01T12:00:00Z
# the merged report itself, with the four inputs
"$SLO" merge --ascii part.a?.csv.state | sed -n '1,8p'
