# examples/ci/slo-gate.sh: the CI gate passes slo eval's verdict on as its exit status, 0 when every budget holds, 1 when one is exhausted or under --fail-under, and says so in its last line
gate() {
	out=$(sh examples/ci/slo-gate.sh "$@" 2>&1)
	echo "exit $?: $*"
	printf '%s\n' "$out" | grep -E '^  verdict|slo-gate'
}
export SLO
# 36.73 % of the 99 % budget left over the two days
gate --target 99 examples/api-requests.csv
gate --target 99 --fail-under 30 examples/api-requests.csv
# under --fail-under 50: the deploy stops though the budget is not spent
gate --target 99 --fail-under 50 examples/api-requests.csv
# the last day at 99.9 %: spent
gate --target 99.9 --window 1d examples/api-requests.csv
# GitHub Actions: the verdict as an annotation
GITHUB_ACTIONS=true gate --target 99.9 --window 1d examples/api-requests.csv
GITHUB_ACTIONS=true gate --target 99 examples/api-requests.csv
