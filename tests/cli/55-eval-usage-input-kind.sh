# eval usage errors (exit 2) about input: options for another kind of input, --log-format strings checked before any file is opened
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$PWD
cd "$tmp" || exit 1
cat >common.log <<'EOF'
10.0.0.1 - - [10/Oct/2026:13:55:36 +0000] "GET /a HTTP/1.1" 200 512
EOF
cat >caddy.log <<'EOF'
{"level":"info","ts":1791640537.5,"msg":"handled request","request":{"uri":"/a"},"duration":0.000312,"status":200}
EOF
cat >u_ex.log <<'EOF'
#Fields: date time cs-uri-stem sc-status time-taken
2026-10-10 00:00:03 /a 200 250
EOF
cat >haproxy.log <<'EOF'
Oct 10 13:55:36 lb1 haproxy[1234]: 10.0.0.1:51234 [10/Oct/2026:13:55:36.120] http-in app/srv1 0/0/1/45/46 200 512 - - ---- 1/1/0/0/0 0/0 "GET /a HTTP/1.1"
EOF
cat >prom.json <<'EOF'
{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"instance":"a"},"values":[[1791640500,"1"]]}]}}
EOF
cat >production.log <<'EOF'
Started GET "/x" for 1.2.3.4 at 2012-03-10 14:28:14 +0100
Completed 200 OK in 79ms (Views: 70.0ms | ActiveRecord: 2.1ms)
EOF
cat >status.jsonl <<'EOF'
{"version":8,"timestamp":1791640500000,"server_zones":{"api":{"responses":{"5xx":10,"total":1000}}}}
EOF
cp "$root/examples/probes.csv" probes.csv
# CSV options on other formats
$SLO eval -t 99 --time-col t common.log; echo "exit=$?"
$SLO eval -t 99 --status-col 2 u_ex.log; echo "exit=$?"
$SLO eval -t 99 --delimiter , caddy.log; echo "exit=$?"
$SLO eval -t 99 --latency-col rt haproxy.log; echo "exit=$?"
$SLO eval -t 99 --time-col 1 production.log; echo "exit=$?"
$SLO eval -t 99 --no-header --status-col 2 status.jsonl; echo "exit=$?"
# JSON-lines options on other formats
$SLO eval -t 99 --status-field status probes.csv; echo "exit=$?"
$SLO eval -t 99 --latency-field took common.log; echo "exit=$?"
$SLO eval -t 99 --probes --time-field ts prom.json; echo "exit=$?"
$SLO eval -t 99 --status-field status production.log; echo "exit=$?"
# the same through --input
$SLO eval -t 99 --input csv --status-field status probes.csv; echo "exit=$?"
$SLO eval -t 99 --input json --status-col up caddy.log; echo "exit=$?"
# --log-format is checked at once: a missing file is not even looked for
$SLO eval -t 99 --log-format '%h %Z' missing.log; echo "exit=$?"
$SLO eval -t 99 --log-format '$remote_addr$status' missing.log; echo "exit=$?"
$SLO eval -t 99 --log-format '%h %{xx}T' missing.log; echo "exit=$?"
$SLO detect --log-format '%h %Z' missing.log; echo "exit=$?"
# a good one: then the file is looked for
$SLO eval -t 99 --log-format '$remote_addr $status' missing.log; echo "exit=$?"
