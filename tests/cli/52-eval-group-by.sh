# eval --group-by: paths without the query string, hosts, CSV columns, JSON dotted paths; --top N; exit 1 when any group fails
. tests/cli/json.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat >access.log <<'EOF'
10.0.0.1 - - [10/Oct/2026:13:55:36 +0000] "GET /health HTTP/1.1" 503 0 "-" "kube-probe/1.29" 0.001
10.0.0.1 - - [10/Oct/2026:13:55:37 +0000] "GET /api/users?id=1 HTTP/1.1" 200 512 "-" "curl/8.5.0" 0.120
10.0.0.2 - - [10/Oct/2026:13:55:38 +0000] "GET /api/users?id=2 HTTP/1.1" 500 0 "-" "curl/8.5.0" 0.900
10.0.0.2 - - [10/Oct/2026:13:55:39 +0000] "POST /api/orders HTTP/1.1" 201 40 "-" "Go-http-client/1.1" 0.250
10.0.0.3 - - [10/Oct/2026:13:55:40 +0000] "GET /health HTTP/1.1" 200 2 "-" "kube-probe/1.29" 0.001
10.0.0.3 - - [10/Oct/2026:13:55:41 +0000] "GET /api/orders HTTP/1.1" 200 99 "-" "curl/8.5.0" 0.310
EOF
cat >svc.csv <<'EOF'
time,service,region,code,latency_ms
2026-10-01T00:00:00Z,checkout,eu,200,120
2026-10-01T00:00:01Z,checkout,us,503,30
2026-10-01T00:00:02Z,search,eu,200,80
2026-10-01T00:00:03Z,search,eu,200,400
2026-10-01T00:00:04Z,checkout,eu,200,90
2026-10-01T00:00:05Z,search,us,500,10
2026-10-01T00:00:06Z,login,us,200,10
EOF
cat >caddy.log <<'EOF'
{"level":"info","ts":1791640537.5,"msg":"handled request","request":{"method":"GET","host":"example.com","uri":"/a?x=1"},"duration":0.000312,"status":200}
{"level":"error","ts":1791640538.25,"msg":"handled request","request":{"method":"GET","host":"example.com","uri":"/b"},"duration":0.5,"status":502}
{"level":"info","ts":1791640539,"msg":"handled request","request":{"method":"POST","host":"api.example.com","uri":"/a"},"duration":0.25,"status":201}
EOF
# /api/users: 1 bad of 2 is 250% of 0.4 allowed; ties are in name order
$SLO eval -t 80 -l 300ms:50 --group-by path access.log; echo "exit=$?"
$SLO eval -t 80 -l 300ms:50 --group-by path --top 1 access.log; echo "exit=$?"
$SLO eval -t 50 --group-by '$remote_addr' --where 'path!~^/health' access.log; echo "exit=$?"
# CSV: a column by name or number; checkout 1 of 3 bad is 83.3% of 1.2 allowed
$SLO eval -t 60 --group-by service svc.csv; echo "exit=$?"
$SLO eval -t 70 --group-by 3 svc.csv >out; echo "exit=$?"
sed -n '5,$p' out
$SLO eval -t 60 -l 100ms:60 --group-by Service --top 2 --json svc.csv; echo "exit=$?"
$SLO eval -t 60 -l 100ms:60 --group-by service --json svc.csv | json_check '.ok and .group_by == "service"
	and .groups == 3 and .groups_capped == false and (.objectives | length) == 6
	and ([.objectives[].group] == ["checkout", "checkout", "search", "search", "login", "login"])'
# JSON lines: Caddy's request.host by its alias and by its dotted path; the path alias drops ?x=1
$SLO eval -t 50 --group-by host caddy.log; echo "exit=$?"
$SLO eval -t 50 --group-by request.method caddy.log | sed -n '5,$p'
$SLO eval -t 50 --group-by path caddy.log | sed -n '5,$p'
$SLO eval -t 50 --group-by region caddy.log | sed -n '5,$p'
# usage errors
$SLO eval -t 50 --group-by zone access.log; echo "exit=$?"
$SLO eval -t 50 --group-by path --top 0 access.log; echo "exit=$?"
