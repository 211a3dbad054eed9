# eval --input csv: both spellings read the CSV examples as without it
$SLO eval -t 99.9 --input csv examples/probes.csv; echo "exit=$?"
$SLO eval -t 99.9 --input=csv --total-col requests --bad-col errors examples/hourly-counts.csv; echo "exit=$?"
