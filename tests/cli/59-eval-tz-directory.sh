# eval --tz: a directory of the zone database (Europe) or an empty name is no zone, a usage error, not UTC without a word
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
printf 'time,status\n2026-03-29 01:00:00,200\n' >t.csv
$SLO eval -t 50 --tz Europe t.csv; echo "exit=$?"
$SLO eval -t 50 --tz '' t.csv; echo "exit=$?"
