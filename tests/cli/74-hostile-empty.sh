# hostile input: empty, blank, header-only and all-malformed files exit 3 with one line, and print no report
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
: >empty.csv
gzip -n <empty.csv >empty.csv.gz
printf '\n\n\n' >blank.csv
printf '\r\n\r\n' >crlf-blank.csv
printf '\357\273\277' >bom-only.csv
printf 'time,status' >header-no-newline.csv
printf 'time,status\r\n\r\n\r\n' >header-crlf-blank.csv
printf '\357\273\277time,status\n' >header-bom.csv
printf 'time,status\n' | gzip -n >header.csv.gz
printf 'time,status\nyesterday,200\n2026-10-01T00:00:00Z,abc\n2026-10-01T00:00:01Z,200,x\n,\n' >all-bad.csv
printf 'not a log line\n\nnor this\n' >all-bad.log
printf '{"status":"x"}\n{"time":"2026-10-01T00:00:00Z"\n[1]\n' >all-bad.jsonl
for f in empty.csv empty.csv.gz /dev/null blank.csv crlf-blank.csv bom-only.csv \
	header-no-newline.csv header-crlf-blank.csv header-bom.csv header.csv.gz; do
	report -t 99 "$f"
done
report -t 99 - <empty.csv
report -t 99 --input common blank.csv
report -t 99 --input json empty.csv
# every row malformed: each quoted with file:line, then exit 3
report -t 99 all-bad.csv
report -t 99 --input common all-bad.log
report -t 99 all-bad.jsonl
# --allow-no-data and --json change none of it: no report on standard output
report -t 99 --allow-no-data header-bom.csv
report -t 99 --allow-no-data all-bad.csv
$SLO eval -t 99 --json all-bad.csv 2>/dev/null | wc -c
$SLO eval -t 99 --json empty.csv 2>/dev/null | wc -c
