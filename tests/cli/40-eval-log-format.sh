# eval --log-format: an nginx log_format and an Apache LogFormat string; lines that do not match are skipped with file:line and the item
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat >api.log <<'EOF'
2026-10-10T13:55:36+00:00 api.example.com "GET /v1/a HTTP/1.1" 200 rt=0.050
2026-10-10T13:55:37+00:00 api.example.com "GET /v1/b HTTP/1.1" 504 rt=60.000
2026-10-10T13:55:38+00:00 api.example.com "GET /v1/a HTTP/1.1" 200 rt=0.250
2026-10-10T13:55:39+00:00 api.example.com "GET /v1/a HTTP/1.1" 200 0.250
2026-10-10T15:55:40+02:00 www.example.com "GET / HTTP/1.1" 200 rt=0.251 extra
EOF
cat >apache.log <<'EOF'
127.0.0.1 - - [10/Oct/2026:13:55:36 -0700] "GET /index.html HTTP/1.1" 200 2326 150000
127.0.0.1 - - [10/Oct/2026:13:55:37 -0700] "GET /slow HTTP/1.1" 200 2326 300001
127.0.0.1 - - [10/Oct/2026:13:55:38 -0700] "GET /err HTTP/1.1" 500 - 300000
127.0.0.1 - - [10/Oct/2026:13:55:39 -0700] "GET /x HTTP/1.1" 200 10
EOF
nginx='$time_iso8601 $host "$request" $status rt=$request_time'
apache='%h %l %u %t \"%r\" %>s %b %D'
# the file alone is no known layout
$SLO eval -t 50 api.log; echo "exit=$?"
# 0.050 and 0.250 s are within 250ms, 60 s is not; line 4 lacks "rt=", line 5 goes on
$SLO eval -t 50 -l 250ms:50 --log-format "$nginx" api.log; echo "exit=$?"
$SLO detect --log-format "$nginx" api.log; echo "exit=$?"
# %D is microseconds: 150000 and 300000 us are within 300ms, 300001 us is not
$SLO eval -t 50 -l 300ms:50 --log-format "$apache" apache.log; echo "exit=$?"
$SLO detect --log-format "$apache" apache.log; echo "exit=$?"
$SLO eval -t 50 --strict --log-format "$apache" apache.log; echo "exit=$?"
# $upstream_response_time alone: lists are summed (0.004 + 0.100 is over 100ms), "-" has no latency
cat >upstream.log <<'EOF'
10.0.0.1 [10/Oct/2026:13:55:36 +0000] "GET /a HTTP/1.1" 200 0.004, 0.100
10.0.0.1 [10/Oct/2026:13:55:37 +0000] "GET /a HTTP/1.1" 400 -
10.0.0.1 [10/Oct/2026:13:55:38 +0000] "GET /a HTTP/1.1" 502 0.050
EOF
$SLO eval -t 50 -l 100ms:50 --log-format '$remote_addr [$time_local] "$request" $status $upstream_response_time' upstream.log; echo "exit=$?"
