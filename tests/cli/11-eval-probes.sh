# eval: uptime probes with true/false words (text)
$SLO eval -t 99.9 examples/probes.csv; echo "exit=$?"
$SLO eval --target=99 examples/probes.csv; echo "exit=$?"
