# hostile input: bytes after the end of a gzip stream (a plain CSV glued on) are not dropped silently: exit 3 with one line; two gzip members are both read
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
printf 'time,status\n2026-10-01T00:00:00Z,200\n' | gzip -n >one.csv.gz
printf '2026-10-01T00:00:01Z,503\n' | gzip -n >two.gz
cat one.csv.gz two.gz >members.csv.gz
report -t 50 members.csv.gz
counts "2 2 0 0 0 0" -t 50 members.csv.gz
# gzip -d says "decompression OK, trailing garbage ignored" and exits 2
{ cat one.csv.gz; printf '2026-10-01T00:00:01Z,503\n2026-10-01T00:00:02Z,503\n'; } >glued.csv.gz
report -t 50 glued.csv.gz
report -t 50 - <glued.csv.gz
