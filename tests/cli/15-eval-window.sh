# eval --window: rolling, ending with the last record's minute; outside records counted
$SLO eval -t 99.9 -w 1d examples/api-requests.csv; echo "exit=$?"
$SLO eval -t 99.9 --window 6h examples/probes.csv; echo "exit=$?"
$SLO eval -t 99.9 --window=90s examples/probes.csv; echo "exit=$?"
$SLO eval -t 99.9 -w 1d --total-col requests --bad-col errors examples/hourly-counts.csv; echo "exit=$?"
$SLO eval -t 99.9 -w 1.5s examples/probes.csv; echo "exit=$?"
$SLO eval -t 99.9 -w 30 examples/probes.csv; echo "exit=$?"
