# eval: malformed rows are skipped, quoted with file:line and counted
$SLO eval -t 99 examples/broken.csv; echo "exit=$?"
$SLO eval -t 50 -l 1s examples/broken.csv; echo "exit=$?"
