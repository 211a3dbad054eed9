# --quiet (-q): nothing on standard output and no skipped-row messages, the exit status only; errors (usage, input, --strict) still say why on stderr
$SLO eval -q -t 99 --total-col requests --bad-col errors examples/hourly-counts.csv; echo "exit=$?"
$SLO eval --quiet -t 99.9 examples/api-requests.csv; echo "exit=$?"
$SLO eval -q --format prom -t 99.9 examples/api-requests.csv; echo "exit=$?"
$SLO eval -q --json -t 99 examples/broken.csv; echo "exit=$?"
$SLO eval -q --strict -t 99 examples/broken.csv; echo "exit=$?"
$SLO eval -q -t 99 no-such-file.csv; echo "exit=$?"
$SLO eval -q -t 101 examples/api-requests.csv; echo "exit=$?"
$SLO eval -q -t 99.9 --group-by status examples/api-requests.csv; echo "exit=$?"
$SLO alerts --replay -q -t 99.9 examples/api-requests.csv; echo "exit=$?"
$SLO calc -q --downtime 1h 99.9 30d; echo "exit=$?"
$SLO calc -q 99.9; echo "exit=$?"
# standard output is empty, not only quiet on a terminal
$SLO eval -q -t 99.9 examples/api-requests.csv | wc -c
