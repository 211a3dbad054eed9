# eval --tz Europe/Berlin: zone-less times across the spring and autumn clock changes; an unknown zone is a usage error
# Needs the system's zone database (tzdata; .ci/deps check installs it).
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# 2026-03-29: 02:00 CET becomes 03:00 CEST (01:00Z)
cat >spring.csv <<'EOF'
time,status
2026-03-29 01:00:00,200
2026-03-29 01:59:59,200
2026-03-29 03:00:00,500
2026-03-29 04:00:00,200
EOF
# 01:00 CET is 00:00Z and 04:00 CEST is 02:00Z: two hours, not three
$SLO eval -t 50 --tz Europe/Berlin spring.csv; echo "exit=$?"
$SLO eval -t 50 spring.csv | sed -n 3p
# 02:30 does not exist that day: read with the offset from before (+01:00), so 01:30Z
printf 'time,status\n2026-03-29 01:30:00,200\n2026-03-29 02:30:00,200\n' >skipped.csv
$SLO eval -t 50 --tz Europe/Berlin skipped.csv | sed -n 3p
# probes every 15 minutes by the wall clock, across the jump: no gap in Berlin time
cat >probes.csv <<'EOF'
time,up
2026-03-29T01:15:00,up
2026-03-29T01:30:00,up
2026-03-29T01:45:00,up
2026-03-29T03:00:00,down
2026-03-29T03:15:00,up
EOF
$SLO eval -t 80 --probes --tz Europe/Berlin probes.csv; echo "exit=$?"
$SLO eval -t 80 --probes probes.csv | sed -n '3p;6,7p'
# 2026-10-25: 03:00 CEST becomes 02:00 CET (01:00Z); 02:30 happens twice, read as the second (+01:00)
cat >fall.csv <<'EOF'
time,up
2026-10-25 01:00:00,up
2026-10-25 02:30:00,down
2026-10-25 04:00:00,up
EOF
# 23:00Z up, 01:30Z down, 03:00Z: up 2h 30m, down 1h 30m
$SLO eval -t 50 --changes --tz Europe/Berlin fall.csv; echo "exit=$?"
$SLO eval -t 50 --changes fall.csv | sed -n '3p;6p'
# times with an offset keep it whatever --tz says
printf 'time,status\n2026-10-25T02:30:00+02:00,200\n2026-10-25T02:30:00+01:00,200\n' >offsets.csv
$SLO eval -t 50 --tz Europe/Berlin offsets.csv | sed -n 3p
$SLO eval -t 50 --tz UTC spring.csv | sed -n 3p
$SLO eval -t 50 --tz Mars/Olympus spring.csv; echo "exit=$?"
