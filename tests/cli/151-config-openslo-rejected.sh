# eval -c: OpenSLO examples slo cannot evaluate are rejected naming the file, line and field; so are the others without their slo.input/ annotations
d=tests/config/openslo
# duration 1m with a calendar: one minute (M is months)
$SLO eval -c $d/timeslices-slo.yaml; echo "exit=$?"
# weeks from a Saturday noon in New York: slo's weeks start on Mondays
$SLO eval -c $d/low-traffic-timeslices.yaml; echo "exit=$?"
# as published, without the "# slo:" lines: their metric sources are queries slo cannot run
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
for f in occurrences-slo ratio-timeslices readme-inline-slo; do
	grep -v '# slo:' $d/$f.yaml >"$tmp/$f.yaml"
	(cd "$tmp" && $SLO eval -c $f.yaml); echo "exit=$?"
done
# the first error stops: nothing is evaluated
$SLO eval -c $d/occurrences-slo.yaml -c $d/timeslices-slo.yaml; echo "exit=$?"
