# eval reads standard input for - and for no file argument
$SLO eval -t 99 - <examples/probes.csv; echo "exit=$?"
$SLO eval -t 99 <examples/probes.csv; echo "exit=$?"
$SLO eval -t 99 </dev/null; echo "exit=$?"
