# eval: column options that cannot work are usage errors (exit 2), found before reading
$SLO eval -t 99 --total-col requests examples/hourly-counts.csv; echo "exit=$?"
$SLO eval -t 99 --bad-col errors examples/hourly-counts.csv; echo "exit=$?"
$SLO eval -t 99 --no-header --status-col status examples/probes.csv; echo "exit=$?"
