# eval --status-col/--time-col/--latency-col by name and by number
$SLO eval -t 99.9 --status-col=2 --time-col 1 examples/probes.csv; echo "exit=$?"
$SLO eval -t 99 --status-col status --time-col=timestamp --latency-col latency_ms -l 300ms examples/api-requests.csv; echo "exit=$?"
$SLO eval -t 99 --latency-col=3 -l 300ms examples/api-requests.csv; echo "exit=$?"
$SLO eval -t 99 --status-col nosuch examples/probes.csv; echo "exit=$?"
$SLO eval -t 99 --status-col 9 examples/probes.csv; echo "exit=$?"
