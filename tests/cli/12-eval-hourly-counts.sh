# eval: semicolon-separated hourly counts, --total-col with --bad-col
$SLO eval -t 99.9 examples/hourly-counts.csv; echo "exit=$?"
$SLO eval -t 99.9 --total-col requests --bad-col errors examples/hourly-counts.csv; echo "exit=$?"
$SLO eval -t 99.95 --total-col=2 --bad-col=3 --time-col=1 examples/hourly-counts.csv; echo "exit=$?"
