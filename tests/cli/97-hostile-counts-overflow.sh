# hostile input: a pre-aggregated row whose count would take the sum past 2^64 - 1 is a counted skip with file:line, never a total wrapped around
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# 10^19 twice is more than 2^64 - 1 (18446744073709551615); wrapped, the
# total would be 1553255926290448384
{
	echo 'time,requests,errors'
	echo '2026-10-01T00:00:00Z,10000000000000000000,0'
	echo '2026-10-01T00:00:30Z,10000000000000000000,1'
} >over.csv
report -t 50 over.csv
report -t 50 -w 2h over.csv
counts "2 1 1 0 0 0" -t 50 over.csv
$SLO eval -t 50 --json over.csv 2>/dev/null | grep -E '^      "(total|good|bad)": '
