# examples/ci/slo-gate.sh: a pipeline that cannot be judged (usage error 2, input error 3, no slo, no arguments) fails with slo's status and another message than a spent budget
gate() {
	out=$(sh examples/ci/slo-gate.sh "$@" 2>&1)
	echo "exit $?: $*"
	printf '%s\n' "$out" | grep -E 'slo-gate|^slo:|^usage'
}
export SLO
gate --target 99 --no-such-option examples/api-requests.csv
gate --target 99 examples/no-such-file.csv
gate
SLO=/nonexistent/slo gate --target 99 examples/api-requests.csv
