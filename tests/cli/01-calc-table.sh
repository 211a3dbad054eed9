# calc: the standard table of allowed downtime for 99.9 and 99.95%
$SLO calc 99.9; echo "exit=$?"
$SLO calc 99.95%; echo "exit=$?"
