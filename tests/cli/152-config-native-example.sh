# eval -c examples/slos.yaml: slo's own format, five SLOs in one report, a section each and a closing line; exit 1 as two are not met
. tests/cli/nochart.sh
run eval -c examples/slos.yaml
