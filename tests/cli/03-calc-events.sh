# calc: --events N gives the allowed bad events (whole, fractional, less than one)
$SLO calc --events 1000000 99.9; echo "exit=$?"
$SLO calc --events=1000 99.9 30d; echo "exit=$?"
$SLO calc -e 1500 99.9 30d; echo "exit=$?"
$SLO calc -e 100 99.9 30d; echo "exit=$?"
$SLO calc -e 7 99.95 1d; echo "exit=$?"
$SLO calc --events 0 99.9; echo "exit=$?"
$SLO calc --events 1.5 99.9; echo "exit=$?"
$SLO calc -e -5 99.9; echo "exit=$?"
