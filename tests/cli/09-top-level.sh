# top level: --version, --help, missing and unknown commands
v=$($SLO --version); echo "exit=$?"
echo "$v" | sed 's/^slo [0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*$/slo X.Y.Z/'
$SLO --help >/dev/null; echo "exit=$?"
$SLO calc --help >/dev/null; echo "exit=$?"
$SLO eval -h >/dev/null; echo "exit=$?"
$SLO; echo "exit=$?"
$SLO frobnicate; echo "exit=$?"
