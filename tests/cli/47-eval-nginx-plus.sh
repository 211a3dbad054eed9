# eval: NGINX Plus status snapshots, the counters' differences per server zone, a restart (counters going down) starting them again
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# 13:55Z, 13:56Z, 13:57Z; api restarts before the third (1500 -> 100)
cat >status.jsonl <<'EOF'
{"version":8,"nginx_version":"1.11.10","timestamp":1791640500000,"server_zones":{"api":{"processing":0,"requests":1000,"responses":{"1xx":0,"2xx":990,"3xx":0,"4xx":5,"5xx":5,"total":1000}},"www":{"responses":{"5xx":0,"total":200}}}}
{"version":8,"nginx_version":"1.11.10","timestamp":1791640560000,"server_zones":{"api":{"processing":0,"requests":1500,"responses":{"1xx":0,"2xx":1480,"3xx":0,"4xx":10,"5xx":10,"total":1500}},"www":{"responses":{"5xx":1,"total":300}}}}
{"version":8,"nginx_version":"1.11.10","timestamp":1791640620000,"server_zones":{"api":{"processing":0,"requests":100,"responses":{"1xx":0,"2xx":98,"3xx":0,"4xx":0,"5xx":2,"total":100}},"www":{"responses":{"5xx":1,"total":400}}}}
EOF
# api: 500 with 5 bad, then 100 with 2 bad; www: 100 with 1 bad, then 100 with 0
$SLO eval -t 99 status.jsonl; echo "exit=$?"
$SLO eval -t 99 --group-by zone status.jsonl; echo "exit=$?"
$SLO eval -t 99 --where zone=www status.jsonl; echo "exit=$?"
$SLO eval -t 99 -l 1s status.jsonl; echo "exit=$?"
$SLO eval -t 99 --where status=200 status.jsonl; echo "exit=$?"
# one snapshot: a record of no events, so no data
head -n 1 status.jsonl >one.jsonl
$SLO eval -t 99 one.jsonl; echo "exit=$?"
# snapshots count responses: no --bad-status, no uptime
$SLO eval -t 99 --bad-status 5xx,429 status.jsonl; echo "exit=$?"
$SLO eval -t 99 --probes status.jsonl; echo "exit=$?"
