# eval: W3C extended log with two #Fields: blocks, time-taken in ms, times in UTC; a line with too few fields
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat >u_ex261010.log <<'EOF'
#Software: Microsoft Internet Information Services 10.0
#Version: 1.0
#Date: 2026-10-10 00:00:00
#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken
2026-10-10 00:00:01 10.0.0.1 GET /default.htm - 80 - 10.0.0.9 Mozilla/5.0 200 0 0 15
2026-10-10 00:00:02 10.0.0.1 GET /api/orders id=7 80 - 10.0.0.9 Mozilla/5.0 500 0 0 1200

#Date: 2026-10-10 00:00:03
#Fields: date time cs-method cs-uri-stem sc-status time-taken
2026-10-10 00:00:03 GET /api/orders 200 250
2026-10-10 00:00:04 GET /api/orders 503 251
2026-10-10 00:00:05 GET /api/orders 200
EOF
# time-taken 15, 1200, 250, 251 ms: two within 250ms; line 12 has 5 fields of 6
$SLO eval -t 50 -l 250ms:50 u_ex261010.log; echo "exit=$?"
# W3C times are UTC whatever --tz says
$SLO eval -t 50 --tz Europe/Berlin u_ex261010.log 2>/dev/null | sed -n 3p
$SLO eval -t 50 -l 250ms:50 --group-by path u_ex261010.log 2>/dev/null; echo "exit=$?"
$SLO eval -t 50 --where 'path=/api/orders' --where 'cs-method=GET' u_ex261010.log 2>/dev/null | sed -n 2p
$SLO eval -t 50 --strict u_ex261010.log; echo "exit=$?"
printf '#Fields: date time cs-uri-stem time-taken\n2026-10-10 00:00:01 / 5\n' >nostatus.log
$SLO eval -t 50 nostatus.log; echo "exit=$?"
