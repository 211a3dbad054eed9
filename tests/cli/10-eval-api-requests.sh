# eval: request log, availability and latency objectives (text)
$SLO eval -t 99.9 examples/api-requests.csv; echo "exit=$?"
$SLO eval --target 99 --latency 300ms:99 examples/api-requests.csv; echo "exit=$?"
