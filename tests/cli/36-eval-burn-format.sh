# eval: tiny and huge numbers are written out (0.00144 not 0.001, 3472 not 3.47e+03)
$SLO eval -t 99.9999 examples/probes.csv; echo "exit=$?"
