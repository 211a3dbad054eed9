# eval --format tsv: the csv columns separated by tabs; a tab, LF, CR or backslash in a value is written \t \n \r \\
. tests/cli/formats.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
$SLO eval --format tsv -t 99.9 -l 300ms:99 examples/api-requests.csv; echo "exit=$?"
$SLO eval --format tsv -t 99.9 -l 300ms:99 examples/api-requests.csv | tsv_check
# the same cells as csv, where no value holds a comma or a quote
$SLO eval --format csv -t 99.9 -l 300ms:99 examples/api-requests.csv | tr , '\t' >"$tmp/csv"
$SLO eval --format tsv -t 99.9 -l 300ms:99 examples/api-requests.csv | cmp - "$tmp/csv" && echo "tsv = csv"
# group keys with a tab and a backslash: one line per group still
printf 'time,status,path\n2026-10-01T00:00:00Z,200,"/a\tb"\n2026-10-01T00:01:00Z,500,"/c\\d"\n2026-10-01T00:02:00Z,200,/e\n' >"$tmp/keys.csv"
$SLO eval --format tsv -t 99 --group-by path "$tmp/keys.csv" | cut -f1-5,8
$SLO eval --format tsv -t 99 --group-by path "$tmp/keys.csv" | tsv_check
