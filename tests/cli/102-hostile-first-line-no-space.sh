# hostile input: a first line with neither delimiter nor space, before 64 KiB of more such bytes, is a CSV header without a status column, exit 3 (detection once looked for a space past the line, and past the bytes it had read)
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
{
	printf 'abc\n'
	head -c 70000 /dev/zero | tr '\0' x
	printf '\n'
} >nospace.csv
report -t 50 nospace.csv
printf 'abc\nx y\n' >space-after.csv
report -t 50 space-after.csv
printf 'a b\nx y\n' >space-in.log
report -t 50 space-in.log
