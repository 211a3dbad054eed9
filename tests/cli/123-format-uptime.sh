# time-based objectives (--probes) in csv, prom and markdown: up, down and unknown seconds, the downtime the budget allows
. tests/cli/formats.sh
$SLO eval --format csv -t 99.9 --probes examples/probes.csv; echo "exit=$?"
$SLO eval --format prom -t 99.9 --probes examples/probes.csv | grep -v '^#' | grep -v '^slo_burn_rate\|^slo_alert_firing'
$SLO eval --format prom -t 99.9 --probes examples/probes.csv | prom_check
$SLO eval --format markdown -t 99.9 --probes examples/probes.csv; echo "exit=$?"
# a rolling window of 6 hours, all up; grouped by the up column's value
$SLO eval --format csv -t 99.9 --probes --window 6h examples/probes.csv | cut -d, -f1-3,8,11,13-18
$SLO eval --format csv -t 99.9 --probes --group-by up examples/probes.csv | cut -d, -f1-3,9,12,14-19
$SLO eval --format prom -t 99.9 --probes --group-by up examples/probes.csv | prom_check
