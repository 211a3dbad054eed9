# eval --group-by in every format: a row per group and objective, worst group first; keys with , " | * \ LF and a byte that is not UTF-8 escaped as each format wants
. tests/cli/formats.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
{
	echo 'time,status,latency_ms,path'
	echo '2026-10-01T00:00:00Z,500,10,"/a,b"'
	echo '2026-10-01T00:01:00Z,200,20,"/a,b"'
	echo '2026-10-01T00:02:00Z,200,900,"/say ""hi"""'
	echo '2026-10-01T00:03:00Z,200,30,/x|y*z_'
	echo '2026-10-01T00:04:00Z,503,40,/back\slash'
	printf '2026-10-01T00:05:00Z,200,50,/bad\377byte\n'
	printf '2026-10-01T00:06:00Z,200,60,"/two\nlines"\n'
} >"$tmp/paths.csv"
$SLO eval --format csv -t 90 -l 500ms:90 --group-by path "$tmp/paths.csv" >"$tmp/out"; echo "exit=$?"
# csv is bytes: the byte that is not UTF-8 is kept (shown as ? here)
grep -c "$(printf '\377')" "$tmp/out" | sed 's/^/lines with the byte: /'
tr '\377' '?' <"$tmp/out"
$SLO eval --format csv -t 90 -l 500ms:90 --group-by path "$tmp/paths.csv" | csv_check
$SLO eval --format markdown -t 90 -l 500ms:90 --group-by path "$tmp/paths.csv" | tr '\377' '?'
$SLO eval --format markdown -t 90 -l 500ms:90 --group-by path "$tmp/paths.csv" | md_check
# rendered, the cells read as the keys were written (a line break as a space)
$SLO eval --format markdown -t 90 --group-by path "$tmp/paths.csv" | md_cells 2 | tr '\377' '?'
$SLO eval --format prom -t 90 -l 500ms:90 --group-by path "$tmp/paths.csv" | grep -F 'slo_bad_events{'
$SLO eval --format prom -t 90 -l 500ms:90 --group-by path "$tmp/paths.csv" | prom_check
# --top: the groups that spent most; the verdict counts those left out
$SLO eval --format markdown -t 90 --group-by path --top 2 "$tmp/paths.csv"; echo "exit=$?"
$SLO eval --format csv -t 90 --group-by path --top 2 "$tmp/paths.csv" | csv_check
$SLO eval --format prom -t 90 --group-by path --top 2 "$tmp/paths.csv" | grep -c '^slo_objective_met{'
