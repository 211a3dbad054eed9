# eval: NGINX Plus snapshots across a restart count every new 5xx, even when the new 5xx counter is above the old one
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# total 1000 -> 100: nginx restarted, and all 12 5xx of the second snapshot are new
cat >status.jsonl <<'EOF'
{"version":8,"timestamp":1791640500000,"server_zones":{"api":{"responses":{"5xx":10,"total":1000}}}}
{"version":8,"timestamp":1791640560000,"server_zones":{"api":{"responses":{"5xx":12,"total":100}}}}
EOF
$SLO eval -t 99 status.jsonl; echo "exit=$?"
