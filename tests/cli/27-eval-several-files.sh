# eval: several files at once add up; the window spans them all
$SLO eval -t 99 examples/probes.csv examples/api-requests.csv; echo "exit=$?"
$SLO eval -t 99 examples/api-requests.csv examples/broken.csv; echo "exit=$?"
$SLO eval -t 99 examples/api-requests.csv - <examples/broken.csv; echo "exit=$?"
