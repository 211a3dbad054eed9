# unknown options: one message naming the option, then the hint (exit 2)
$SLO calc --bogus 99.9; echo "exit=$?"
$SLO calc -x 99.9; echo "exit=$?"
$SLO calc --json=yes 99.9; echo "exit=$?"
$SLO eval --bogus -t 99 examples/probes.csv; echo "exit=$?"
