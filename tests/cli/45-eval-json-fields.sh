# eval: JSON lines with --status-field, --latency-field and --time-field as dotted paths; a key holding dots is tried whole first
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat >app.log <<'EOF'
{"at":{"utc":"2026-10-10T13:55:36Z"},"http":{"status":200,"took_ms":120,"took":120},"route":"/a"}
{"at":{"utc":"2026-10-10T13:55:37Z"},"http":{"status":500,"took_ms":80,"took":80},"route":"/b"}
{"at":{"utc":"2026-10-10T13:55:38Z"},"http":{"status":200,"took_ms":201,"took":201},"route":"/a"}
{"at":{"utc":"2026-10-10T13:55:39Z"},"http":{"status":200,"took":"150ms"},"route":"/a"}
{"at":{"utc":"2026-10-10T13:55:40Z"},"http.status":404,"http":{"took_ms":5,"took":5},"route":"/c"}
EOF
f='--status-field http.status --time-field at.utc'
# none of the default names is there
$SLO eval -t 75 app.log; echo "exit=$?"
# took_ms is ms by its name (120, 80, 201, 5); line 4 has no took_ms
$SLO eval -t 75 -l 200ms:75 $f --latency-field http.took_ms app.log; echo "exit=$?"
# took has no unit: bare numbers need --latency-unit; "150ms" carries its own
$SLO eval -t 75 -l 200ms:75 $f --latency-field http.took app.log; echo "exit=$?"
$SLO eval -t 75 -l 200ms:75 $f --latency-field http.took --latency-unit ms app.log; echo "exit=$?"
$SLO eval -t 75 -l 200ms:75 $f --latency-field http.took --latency-unit s app.log | sed -n '12,15p'
