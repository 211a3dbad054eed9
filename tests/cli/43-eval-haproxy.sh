# eval: HAProxy log through syslog; server messages, SSL handshake failures and TCP lines are skipped but pass --strict
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat >haproxy.log <<'EOF'
Oct 10 13:55:30 lb1 haproxy[1234]: Proxy http-in started.
Oct 10 13:55:36 lb1 haproxy[1234]: 10.0.0.1:51234 [10/Oct/2026:13:55:36.120] http-in app/srv1 0/0/1/45/46 200 512 - - ---- 1/1/0/0/0 0/0 "GET /a?x=1 HTTP/1.1"
Oct 10 13:55:37 lb1 haproxy[1234]: 10.0.0.2:51235 [10/Oct/2026:13:55:37.000] http-in app/srv2 0/0/1/-1/5001 503 212 - - sC-- 1/1/0/0/0 0/0 "GET /b HTTP/1.1"
Oct 10 13:55:38 lb1 haproxy[1234]: 10.0.0.3:51236 [10/Oct/2026:13:55:38.500] https-in/1: SSL handshake failure
Oct 10 13:55:39 lb1 haproxy[1234]: 10.0.0.4:51237 [10/Oct/2026:13:55:39.250] db-in db/pg1 1/0/2003 2340 -- 1/1/0/0/0 0/0
Oct 10 13:55:40 lb1 haproxy[1234]: 10.0.0.1:51238 [10/Oct/2026:13:55:40.000] http-in app/srv1 0/0/0/100/+100 200 512 - - ---- 1/1/0/0/0 0/0 "GET /a HTTP/1.1"
EOF
# Ta, the last timer: 46, 5001 and +100 (logasap) ms; two within 100ms
$SLO eval -t 50 -l 100ms:50 haproxy.log; echo "exit=$?"
$SLO eval -t 50 --strict haproxy.log >/dev/null; echo "exit=$?"
# accept dates have no zone: --tz places them (13:55:36.12 CEST is 11:55:36.12Z)
$SLO eval -t 50 --tz Europe/Berlin haproxy.log 2>/dev/null | sed -n 3p
$SLO eval -t 50 --group-by server haproxy.log 2>/dev/null; echo "exit=$?"
$SLO eval -t 50 --where path=/a --where 'backend!=db' haproxy.log 2>/dev/null | sed -n 2p
# a malformed request line does fail --strict
sed 's|0/0/0/100/+100|0/0/100/+100|' haproxy.log >bad-timers.log
$SLO eval -t 50 --strict bad-timers.log; echo "exit=$?"
