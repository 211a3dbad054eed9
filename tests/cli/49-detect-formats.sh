# detect: how each format is read (access logs, W3C, HAProxy, JSON lines, Rails, NGINX Plus, Prometheus, CSV); a given layout that does not fit
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$PWD
cd "$tmp" || exit 1
cat >combined.log <<'EOF'
10.0.0.1 - - [10/Oct/2026:13:55:36 +0200] "GET /a HTTP/1.1" 200 512 "-" "curl/8.5.0"
10.0.0.2 - - [10/Oct/2026:13:55:37 +0200] "GET /b HTTP/1.1" 502 0 "-" "curl/8.5.0"
this line is not from the log
EOF
cat >timed.log <<'EOF'
10.0.0.1 - - [10/Oct/2026:13:55:36 +0000] "GET /a HTTP/1.1" 200 512 "-" "curl/8.5.0" 0.120
10.0.0.2 - - [10/Oct/2026:13:55:37 +0000] "GET /b HTTP/1.1" 500 0 "-" "curl/8.5.0" 0.300
EOF
cat >ingress.log <<'EOF'
192.168.1.5 - - [10/Oct/2026:13:55:36 +0000] "GET /api/v1/users HTTP/1.1" 200 1234 "-" "kube-probe/1.29" 245 0.005 [default-api-80] [] 10.244.0.12:8080 1234 0.004 200 5d4f5e6a7b8c9d0e1f2a3b4c5d6e7f80
EOF
o=79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be
cat >s3.log <<EOF
$o awsexamplebucket1 [06/Feb/2019:00:00:38 +0000] 192.0.2.3 $o 3E57427F3EXAMPLE REST.GET.VERSIONING - "GET /awsexamplebucket1?versioning HTTP/1.1" 200 - 113 - 7 - "-" "S3Console/0.4" -
EOF
cat >u_ex.log <<'EOF'
#Software: Microsoft Internet Information Services 10.0
#Fields: date time cs-method cs-uri-stem sc-status time-taken
2026-10-10 00:00:03 GET /api/orders 200 250
EOF
cat >haproxy.log <<'EOF'
Oct 10 13:55:30 lb1 haproxy[1234]: Proxy http-in started.
Oct 10 13:55:36 lb1 haproxy[1234]: 10.0.0.1:51234 [10/Oct/2026:13:55:36.120] http-in app/srv1 0/0/1/45/46 200 512 - - ---- 1/1/0/0/0 0/0 "GET /a HTTP/1.1"
EOF
cat >caddy.log <<'EOF'
caddy  | {"level":"info","ts":1791640536.0,"logger":"http.log","msg":"server running","name":"srv0"}
caddy  | {"level":"info","ts":1791640537.5,"logger":"http.log.access","msg":"handled request","request":{"method":"GET","host":"example.com","uri":"/a"},"duration":0.000312,"size":12,"status":200}
EOF
cat >traefik.log <<'EOF'
{"ClientHost":"10.0.0.1","DownstreamStatus":200,"Duration":120000000,"RequestPath":"/a","time":"2026-10-10T15:55:36+02:00","level":"info","msg":""}
EOF
cat >app.log <<'EOF'
{"at":{"utc":"2026-10-10T13:55:36Z"},"http":{"status":200,"took_ms":120},"route":"/a"}
EOF
cat >production.log <<'EOF'
Started GET "/x?y=1" for 1.2.3.4 at 2012-03-10 14:28:14 +0100
Completed 200 OK in 79ms (Views: 70.0ms | ActiveRecord: 2.1ms)
EOF
cat >status.jsonl <<'EOF'
{"version":8,"timestamp":1791640500000,"server_zones":{"api":{"responses":{"5xx":10,"total":1000}}}}
EOF
cat >prom.json <<'EOF'
{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up","instance":"a:9100"},"values":[[1791640500,"1"]]}]}}
EOF
$SLO detect combined.log timed.log ingress.log s3.log; echo "exit=$?"
gzip -c timed.log | $SLO detect -; echo "exit=$?"
$SLO detect u_ex.log haproxy.log; echo "exit=$?"
$SLO detect caddy.log traefik.log; echo "exit=$?"
$SLO detect --status-field http.status --latency-field http.took_ms --time-field at.utc app.log; echo "exit=$?"
$SLO detect production.log status.jsonl prom.json; echo "exit=$?"
$SLO detect --bad-status 5xx,429 timed.log; echo "exit=$?"
# a layout given is scored: it says how many of the first lines it matched
$SLO detect --input combined timed.log; echo "exit=$?"
$SLO detect --input nginx-timed combined.log; echo "exit=$?"
# every file is described; the status is the worst
printf 'just some words\n' >words.txt
$SLO detect words.txt combined.log app.log; echo "exit=$?"
cd "$root" || exit 1
$SLO detect examples/*.csv; echo "exit=$?"
$SLO detect; echo "exit=$?"
