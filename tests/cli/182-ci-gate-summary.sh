# examples/ci/slo-gate.sh: with SLO_SUMMARY (or GitHub's GITHUB_STEP_SUMMARY) the report is appended to that file too, from the one reading of the logs, and the verdict is unchanged
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export SLO
for v in SLO_SUMMARY GITHUB_STEP_SUMMARY; do
	rm -f "$tmp/summary"
	env "$v=$tmp/summary" sh examples/ci/slo-gate.sh --target 99.9 --window 1d examples/api-requests.csv >"$tmp/log" 2>&1
	echo "$v: exit $?"
	grep -v slo-gate "$tmp/log" >"$tmp/report"
	n=$(wc -l <"$tmp/summary")
	# a Markdown table where slo has --format markdown, else the text
	# report in a code block; either way what the log shows
	grep -q '^| objective |' "$tmp/summary" && echo "the summary is a Markdown table"
	grep -Fxvf "$tmp/summary" "$tmp/report" && echo "^ lines of the report not in the summary"
	env "$v=$tmp/summary" sh examples/ci/slo-gate.sh --target 99 examples/api-requests.csv >/dev/null 2>&1
	echo "again, at 99 %: exit $?"
	[ "$(wc -l <"$tmp/summary")" -gt "$n" ] && echo "the second report is appended"
done
# an empty SLO_SUMMARY turns the summary off even on GitHub
SLO_SUMMARY= GITHUB_STEP_SUMMARY=$tmp/none sh examples/ci/slo-gate.sh --target 99 examples/api-requests.csv >/dev/null 2>&1
echo "SLO_SUMMARY empty: exit $?"
[ -e "$tmp/none" ] || echo "no summary written"
