# eval: JSON lines from Caddy (docker compose prefix, a start-up line), Traefik (Duration in ns) and Envoy (duration in ms)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat >caddy.log <<'EOF'
caddy  | {"level":"info","ts":1791640536.0,"logger":"http.log","msg":"server running","name":"srv0","protocols":["h1","h2","h3"]}
caddy  | {"level":"info","ts":1791640537.5,"logger":"http.log.access","msg":"handled request","request":{"remote_ip":"172.18.0.1","method":"GET","host":"example.com","uri":"/a?x=1","proto":"HTTP/1.1"},"duration":0.000312,"size":12,"status":200}
caddy  | {"level":"error","ts":1791640538.25,"logger":"http.log.access","msg":"handled request","request":{"remote_ip":"172.18.0.1","method":"GET","host":"example.com","uri":"/b","proto":"HTTP/2.0"},"duration":0.5,"size":0,"status":502}
caddy  | {"level":"info","ts":1791640539,"logger":"http.log.access","msg":"handled request","request":{"remote_ip":"172.18.0.2","method":"POST","host":"api.example.com","uri":"/a","proto":"HTTP/1.1"},"duration":0.25,"size":3,"status":201}
EOF
cat >traefik.log <<'EOF'
{"ClientHost":"10.0.0.1","DownstreamStatus":200,"Duration":120000000,"OriginStatus":200,"RequestHost":"app.example.com","RequestMethod":"GET","RequestPath":"/a?x=1","StartUTC":"2026-10-10T13:55:36.5Z","time":"2026-10-10T15:55:36+02:00","level":"info","msg":""}
{"ClientHost":"10.0.0.2","DownstreamStatus":502,"Duration":300000001,"OriginStatus":0,"RequestHost":"app.example.com","RequestMethod":"GET","RequestPath":"/b","time":"2026-10-10T15:55:37+02:00","level":"info","msg":""}
{"ClientHost":"10.0.0.1","DownstreamStatus":429,"Duration":300000000,"OriginStatus":429,"RequestHost":"app.example.com","RequestMethod":"GET","RequestPath":"/a","time":"2026-10-10T15:55:38+02:00","level":"info","msg":""}
EOF
cat >envoy.log <<'EOF'
{"start_time":"2026-10-10T13:55:36.000Z","method":"GET","path":"/a","protocol":"HTTP/1.1","response_code":200,"response_flags":"-","bytes_sent":12,"duration":12,"upstream_host":"10.0.0.5:8080","authority":"svc.local"}
{"start_time":"2026-10-10T13:55:37.000Z","method":"GET","path":"/b","protocol":"HTTP/1.1","response_code":503,"response_flags":"UF","bytes_sent":91,"duration":1000,"upstream_host":"-","authority":"svc.local"}
{"start_time":"2026-10-10T13:55:38.000Z","method":"GET","path":"/a","protocol":"HTTP/1.1","response_code":200,"response_flags":"-","bytes_sent":12,"duration":250,"upstream_host":"10.0.0.5:8080","authority":"svc.local"}
EOF
# Caddy: duration in s (0.000312, 0.5, 0.25); the start-up line has no status
$SLO eval -t 50 -l 250ms:50 caddy.log; echo "exit=$?"
$SLO eval -t 50 --strict caddy.log >out 2>&1; echo "exit=$?"
sed -n '1,2p' out
# Traefik: time in RFC 3339 with an offset; 120000000 and 300000000 ns are within 300ms
$SLO eval -t 60 -l 300ms:60 traefik.log; echo "exit=$?"
$SLO eval -t 60 --bad-status 5xx,429 traefik.log | sed -n 6p
# Envoy: response_code with duration in ms (12, 1000, 250)
$SLO eval -t 60 -l 250ms:60 envoy.log; echo "exit=$?"
# all three together, each told apart on its own
$SLO eval -t 60 caddy.log traefik.log envoy.log 2>/dev/null; echo "exit=$?"
