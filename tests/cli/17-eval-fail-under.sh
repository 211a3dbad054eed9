# eval --fail-under: exit 1 when an objective is met but too little budget is left
$SLO eval -t 99 --fail-under 50 examples/api-requests.csv; echo "exit=$?"
$SLO eval -t 99 --fail-under=30% examples/api-requests.csv; echo "exit=$?"
$SLO eval -t 99 --fail-under 101 examples/api-requests.csv; echo "exit=$?"
