# calc --downtime just over the budget never shows the target, 100% or 0%
$SLO calc -d 43m13s 99.9 30d; echo "exit=$?"
$SLO calc -d 43m12.1s 99.9 30d; echo "exit=$?"
