# a write error (stdout on /dev/full) is reported and exits non-zero
$SLO calc 99.9 >/dev/full; echo "exit=$?"
$SLO calc --json 99.9 >/dev/full; echo "exit=$?"
$SLO eval -t 99 examples/probes.csv >/dev/full; echo "exit=$?"
$SLO eval -j -t 99 examples/probes.csv >/dev/full; echo "exit=$?"
$SLO calc --help >/dev/full; echo "exit=$?"
