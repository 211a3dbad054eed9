# eval: a large burn rate is written as a plain number, not 3.47e+03
$SLO eval -t 99.9999 examples/probes.csv; echo "exit=$?"
