# hostile input: pre-aggregated counts past 2^32 sum exactly; a count past 2^64 - 1, negative, in exponent form or bad > total is a counted skip with file:line
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# total 5000000000 + 5000000001 + 4294967296 = 14294967297,
# bad 1 + 4999999999 + 4294967296 = 9294967296, good 5000000001
{
	echo 'time,total,bad'
	echo '2026-10-01T00:00:00Z,5000000000,1'
	echo '2026-10-01T01:00:00Z,5000000001,4999999999'
	echo '2026-10-01T02:00:00Z,4294967296,4294967296'
	echo '2026-10-01T03:00:00Z,18446744073709551616,0'
	echo '2026-10-01T04:00:00Z,99999999999999999999999,1'
	echo '2026-10-01T05:00:00Z,5,6'
	echo '2026-10-01T06:00:00Z,-5,0'
	echo '2026-10-01T07:00:00Z,5e9,0'
} >big.csv
report -t 50 --total-col total --bad-col bad big.csv
counts "8 3 5 0 0 0" -t 50 --total-col total --bad-col bad big.csv
$SLO eval -t 50 --total-col total --bad-col bad --json big.csv 2>/dev/null | json_check '
	.objectives[0] | .total == 14294967297 and .bad == 9294967296 and .good == 5000000001'
# the same found by the column names (requests, errors), and 2^64 - 1 alone
{
	echo 'time,requests,errors'
	echo '2026-10-01T00:00:00Z,18446744073709551615,18446744073709551614'
} >max.csv
report -t 50 max.csv
# as written (jq would compare them as doubles, where they are equal)
$SLO eval -t 50 --json max.csv 2>/dev/null | grep -E '^      "(total|good|bad)": '
