# hostile input: a 10 MB CSV field (bare, then quoted) is a counted skip with file:line, in well under 5 s even under ASan (timeout 5 stops a slow parser: exit=124)
# valgrind: skip: it times slo (timeout 5), and memcheck runs it 20 to 50 times slower
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
mb10() { head -c 10485760 /dev/zero | tr '\0' "$1"; }
{
	printf 'time,status\n2026-10-01T00:00:00Z,200\n2026-10-01T00:00:01Z,'
	mb10 7
	printf '\n2026-10-01T00:00:02Z,"'
	mb10 7
	printf '"\n2026-10-01T00:00:03Z,503\n'
} >long.csv
timeout 5 "$SLO" eval -t 50 long.csv >out 2>&1
echo "exit=$?"
cat out
