# eval --latency: DUR:PCT, DUR with --target, repeated, <= threshold is good
$SLO eval -l 300ms:99 examples/api-requests.csv; echo "exit=$?"
$SLO eval -t 99 -l 250ms -l 1s:99.9 --latency=500ms:99.5 examples/api-requests.csv; echo "exit=$?"
$SLO eval --latency 249ms:97 --latency 250ms:97 examples/api-requests.csv; echo "exit=$?"
