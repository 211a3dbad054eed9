# malformed rows: at most 5 quoted, the rest counted in one line; --strict stops at the first
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$PWD
cd "$tmp" || exit 1
{
	echo 'time,status'
	echo '2026-10-01T00:00:00Z,200'
	for i in 1 2 3 4 5 6 7 8; do echo "2026-10-01T00:00:0${i}Z,9$i"; done
	echo '2026-10-01T00:00:09Z,503'
} >many.csv
$SLO eval -t 99 many.csv; echo "exit=$?"
$SLO eval -t 99 --strict many.csv; echo "exit=$?"
cp "$root/examples/broken.csv" broken.csv
$SLO eval -t 99 --strict broken.csv; echo "exit=$?"
$SLO eval -t 99 --strict broken.csv broken.csv; echo "exit=$?"
$SLO eval -t 99 broken.csv broken.csv; echo "exit=$?"
