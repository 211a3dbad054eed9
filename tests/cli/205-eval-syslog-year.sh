# eval on syslog stamps without a year: --year, --year YEAR-MM over New Year, the file's modification time, a pipe; bad --year values
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# a log that runs over New Year, as RFC 3164 writes days below 10
cat >newyear.csv <<'EOF'
time,status,latency_ms
Dec 31 23:58:00,200,120
Dec 31 23:59:30.5,500,80
Jan  1 00:00:10,200,95
Jan  1 00:01:00,200,110
EOF
# --year 2020-01: the file ends in January 2020, so December is 2019; 3 minutes
$SLO eval -t 50 --year 2020-01 newyear.csv; echo "exit=$?"
# --year 2020 alone puts every line in 2020: the span is most of the year, and says so
$SLO eval -t 50 --year 2020 --json newyear.csv | jq -c '.window | [.start, .end]'
# without --year: the file's last change, here 3 January 2024 (a leap year before it)
touch -d 2024-01-03T08:00:00Z newyear.csv
$SLO eval -t 50 --json newyear.csv | jq -c '.window | [.start, .end, .seconds]'
# changed in March 2024: January is of 2024, December (a month after March) of 2023
touch -d 2024-03-10T08:00:00Z newyear.csv
$SLO eval -t 50 --json newyear.csv | jq -c '.window | [.start, .end]'
# --tz: the stamps are local times, 23:58 in Berlin is 22:58Z
$SLO eval -t 50 --year 2020-01 --tz Europe/Berlin --json newyear.csv | jq -c '.window | [.start, .end]'
# the explanation says which year
$SLO detect --year 2020-01 newyear.csv
$SLO detect newyear.csv | sed -n 2p
# a year written after the time is kept; 29 February only in a leap year
printf 'time,status\nFeb 29 12:00:00 2024,200\nFeb 29 12:00:00,200\nMar  1 00:00:00,200\n' >leap.csv
$SLO eval -t 50 --year 2023 --json leap.csv | jq -c '[.window.start, .window.end, .records]'; echo "exit=$?"
# from a pipe: no modification time, so --year (or the current year)
grep -v '^Jan' newyear.csv | $SLO eval -t 50 --year 2019 --json - | jq -c '.window | [.start, .end]'
# JSON lines with a syslog time field
printf '{"ts":"Oct 11 22:14:15","status":200}\n{"ts":"Oct 11 22:14:45.25","status":503}\n' |
	$SLO eval -t 50 --time-field ts --year 2026 --json - | jq -c '[.window.start, .window.end, .objectives[0].bad]'
# bad values
for y in 19 1969 2201 2020-13 2020-1 2020-01-05 2020/01 ''; do
	$SLO eval -t 50 --year "$y" newyear.csv; echo "exit=$?"
done
