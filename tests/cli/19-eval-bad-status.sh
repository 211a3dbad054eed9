# eval --bad-status: which HTTP statuses count as bad
$SLO eval -t 99 --bad-status 5xx,404 examples/api-requests.csv; echo "exit=$?"
$SLO eval -t 99 --bad-status=500-502 examples/api-requests.csv; echo "exit=$?"
$SLO eval -t 99 --bad-status 404 examples/api-requests.csv; echo "exit=$?"
$SLO eval -t 99 --bad-status 5xx,429,3xx examples/api-requests.csv; echo "exit=$?"
$SLO eval -t 99 --bad-status 600 examples/api-requests.csv; echo "exit=$?"
$SLO eval -t 99 --bad-status 5xx,abc examples/api-requests.csv; echo "exit=$?"
