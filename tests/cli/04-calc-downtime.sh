# calc: --downtime within the budget exits 0, over it exits 1
$SLO calc --downtime 30m 99.9 30d; echo "exit=$?"
$SLO calc --downtime=43m12s 99.9 30d; echo "exit=$?"
$SLO calc -d 50m 99.9 30d; echo "exit=$?"
$SLO calc -d 1h 99.9 month; echo "exit=$?"
$SLO calc -d 30m 99.9; echo "exit=$?"
$SLO calc -d 5x 99.9 30d; echo "exit=$?"
