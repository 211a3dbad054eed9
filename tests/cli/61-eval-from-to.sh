# eval --from/--to/--now: fixed windows (RFC 3339, offsets, dates, --tz), --window ending at --to, a window open at one end closed by the data; bounds not whole minutes or not in order exit 2
# Needs the system's zone database (tzdata; .ci/deps check installs it).
. tests/cli/nochart.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# a request every 10 minutes from 00:00 to 01:50:30, bad at 00:20 and 01:30
cat >req.csv <<'EOF'
time,status
2026-10-01T00:00:00Z,200
2026-10-01T00:10:00Z,200
2026-10-01T00:20:00Z,500
2026-10-01T00:30:00Z,200
2026-10-01T00:40:00Z,200
2026-10-01T00:50:00Z,200
2026-10-01T01:00:00Z,200
2026-10-01T01:10:00Z,200
2026-10-01T01:20:00Z,200
2026-10-01T01:30:00Z,503
2026-10-01T01:40:00Z,200
2026-10-01T01:50:30Z,200
EOF
# [00:30, 01:30): 00:30 to 01:20 in (6, all good), 01:30 is the end and out;
# the alerts are judged at the end of the data in the window (01:21):
# 5m [01:16, 01:21) holds 01:20; page threshold 2% x 1h / 1h = 0.02
run eval -t 90 --from 2026-10-01T00:30:00Z --to 2026-10-01T01:30:00Z req.csv
# the same window with offsets and in another zone's wall clock
$SLO eval -t 90 --from 2026-10-01T02:30+02:00 --to 2026-10-01T01:30Z req.csv | sed -n 2,3p
$SLO eval -t 90 --tz Europe/Berlin --from 2026-10-01T02:30 --to 2026-10-01T03:30:00 req.csv | sed -n 2,3p
# dates: the whole day, so the SRE policy scaled to 1d (0.48, 0.2, 0.1; 3d
# left out); at the end of the data (01:51) 30m holds 01:30 bad of 3:
# (1/3)/0.1 = 3.33; 1h, 2h, 6h, 1d hold 1/6 or 2/12: 1.67; 5m only 01:50:30.
# 1.2 bad allowed: the second bad (01:30) exhausts it at 01:31
run eval -t 90 --from 2026-10-01 --to 2026-10-02 req.csv
# --now is --to; alone, the window starts with the first record: 00:00 to
# 00:50 in (1 bad of 6), 0.6 allowed, gone with 00:20's bad at 00:21;
# 166.67% over 1h is 4000% a day
run eval -t 90 --now 2026-10-01T01:00Z req.csv
# --from alone ends with the last record's minute (01:51): 01:00 to 01:50:30
# in, 51m; 166.67% x 1440/51 = 4705.88% a day; no rule fits in 51m
run eval -t 90 --from 2026-10-01T01:00Z req.csv
# --window ends at --to: [00:30, 01:00), 00:30 00:40 00:50
$SLO eval -t 90 -w 30m --to 2026-10-01T01:00Z req.csv | sed -n 2,3p
# probe samples in a fixed window: 00:02 to 00:10 covered (up 6m, down 2m),
# 00:10 to 00:12 unknown; 10% of 10m is 1m, exceeded during 00:04
printf 'time,up\n' >probes.csv
for m in 0 1 2 3 4 5 6 7 8 9; do
	s=up
	[ $m = 3 ] || [ $m = 4 ] && s=down
	printf '2026-10-01T00:%02d:00Z,%s\n' $m $s >>probes.csv
done
run eval -t 90 --probes --from 2026-10-01T00:02Z --to 2026-10-01T00:12Z probes.csv
# usage errors
$SLO eval -t 90 --from 2026-10-01T00:30:30Z req.csv; echo "exit=$?"
$SLO eval -t 90 --to 2026-10-01T01:00:00.5Z req.csv; echo "exit=$?"
$SLO eval -t 90 --from yesterday req.csv; echo "exit=$?"
$SLO eval -t 90 --from 2026-10-01T01:00Z --to 2026-10-01T00:30Z req.csv; echo "exit=$?"
$SLO eval -t 90 --from 2026-10-01T01:00Z --to 2026-10-01T01:00Z req.csv; echo "exit=$?"
# 01:30+01:00 is 00:30Z: not after 00:30Z
$SLO eval -t 90 --from 2026-10-01T00:30Z --to 2026-10-01T01:30+01:00 req.csv; echo "exit=$?"
$SLO eval -t 90 --from 2026-10-01T00:30Z -w 1h req.csv; echo "exit=$?"
$SLO eval -t 90 --from 2026-10-01T00:30Z --to 2026-10-01T01:00Z -w 30m req.csv; echo "exit=$?"
