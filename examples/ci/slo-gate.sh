#!/bin/sh
# slo-gate.sh: an error-budget gate for CI jobs and deploy scripts.
#
#   slo-gate.sh [SLO-EVAL-OPTIONS...] FILE...
#   slo-gate.sh --target 99.9 --window 30d --fail-under 10 access.log.gz
#
# Runs `slo eval` with the arguments given, prints its report to the job's
# log, and says in one last line what the job should do.  Its exit status
# is slo's:
#   0  every objective met (and, with --fail-under PCT, at least PCT % of
#      each budget left): the deploy may go on
#   1  a budget exhausted, or under PCT %: stop the deploy
#   2  usage error, 3 input error: slo could not judge; the pipeline is
#      broken, which should stop the deploy too, but for another reason
#
# Environment:
#   SLO          the slo binary (default: slo in PATH, else ./slo)
#   SLO_SUMMARY  a file to append the report to as Markdown (GitHub
#                Actions' job summary, a GitLab artifact); default
#                $GITHUB_STEP_SUMMARY, which GitHub Actions sets.  A slo
#                without --format markdown gives its text report in a
#                code block instead.
# On GitHub Actions (GITHUB_ACTIONS=true) the last line is an annotation.
set -u

if [ -z "${SLO:-}" ]; then
	if command -v slo >/dev/null 2>&1; then
		SLO=slo
	elif [ -x ./slo ]; then
		SLO=./slo
	else
		echo "slo-gate: no slo in PATH or ./slo; set SLO" >&2
		exit 2
	fi
fi
if ! command -v "$SLO" >/dev/null 2>&1; then
	echo "slo-gate: SLO=$SLO: no such program" >&2
	exit 2
fi
summary=${SLO_SUMMARY-${GITHUB_STEP_SUMMARY:-}}
if [ $# -eq 0 ]; then
	echo "usage: slo-gate.sh [SLO-EVAL-OPTIONS...] FILE..." >&2
	exit 2
fi

say() {
	if [ "${GITHUB_ACTIONS:-}" = true ]; then
		echo "::$1::slo-gate: $2"
	else
		echo "slo-gate: $2"
	fi
}

status=0
if [ -n "$summary" ]; then
	tmp=$(mktemp) || exit 2
	trap 'rm -f "$tmp"' EXIT
	trap 'exit 130' INT TERM
	# one reading of the logs: the report goes to the log and the summary
	if "$SLO" eval --format markdown --help >/dev/null 2>&1; then
		"$SLO" eval --format markdown "$@" >"$tmp" || status=$?
		cat "$tmp"
		cat "$tmp" >>"$summary"
	else
		"$SLO" eval "$@" >"$tmp" || status=$?
		cat "$tmp"
		{
			echo '```'
			cat "$tmp"
			echo '```'
		} >>"$summary"
	fi
else
	"$SLO" eval "$@" || status=$?
fi

case $status in
0) say notice "every objective met: the deploy may go on" ;;
1) say error "error budget exhausted or under the --fail-under share: deploy stopped" ;;
*) say error "slo could not evaluate the data (exit status $status): see above" ;;
esac
exit "$status"
