# eval --where: =, !=, ~ and !~ on access-log and CSV fields; records left out are counted; bad regexes and unknown fields are usage errors
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
time,service,region,code
2026-10-01T00:00:00Z,checkout,eu,200
2026-10-01T00:00:01Z,checkout,us,503
2026-10-01T00:00:02Z,search,eu,200
2026-10-01T00:00:03Z,search,eu,200
2026-10-01T00:00:04Z,checkout,eu,200
EOF
# without the health checks: 4 of 6, 1 bad
$SLO eval -t 80 --where 'path!~^/health' access.log; echo "exit=$?"
$SLO eval -t 80 --where 'path~^/health' --where status=503 access.log | sed -n 2p
$SLO eval -t 80 --where 'method!=GET' access.log | sed -n 2p
$SLO eval -t 80 --where '$http_user_agent~^curl/' --where 'query!=id=1' access.log | sed -n '2,6p'
$SLO eval -t 80 --where path=/api/users --json access.log | json_check '.records == {"read": 6, "used": 2,
	"skipped": 0, "outside_window": 0, "filtered": 4, "excluded": 0,
	"format": "nginx-timed"}
	and .objectives[0].total == 2 and .objectives[0].bad == 1'
# CSV: a column by name (any case) or by number
$SLO eval -t 80 --where Region=eu svc.csv | sed -n '2,6p'
$SLO eval -t 80 --where '3!=eu' svc.csv | sed -n '2,6p'
# nothing left: no data
$SLO eval -t 80 --where region=asia svc.csv; echo "exit=$?"
# usage errors, exit 2
$SLO eval -t 80 --where 'path~(' access.log >out 2>&1; echo "exit=$?"
sed 's/^\(slo: --where "("\): .*/\1: (the C library'"'"'s message)/' out
$SLO eval -t 80 --where 'path' access.log; echo "exit=$?"
$SLO eval -t 80 --where '=x' access.log; echo "exit=$?"
$SLO eval -t 80 --where 'zone=eu' access.log; echo "exit=$?"
$SLO eval -t 80 --where 'zone=eu' svc.csv; echo "exit=$?"
$SLO eval -t 80 --where 'path~(' missing.log >/dev/null 2>&1; echo "exit=$?"
