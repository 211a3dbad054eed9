# detect and --explain say what eval reads: Envoy's duration (with response_code) is in milliseconds
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat >envoy.log <<'EOF'
{"start_time":"2026-10-10T13:55:36.000Z","method":"GET","path":"/a","protocol":"HTTP/1.1","response_code":200,"duration":12,"upstream_host":"10.0.0.5:8080"}
EOF
$SLO detect envoy.log; echo "exit=$?"
$SLO eval -t 50 -l 20ms:50 --explain envoy.log 2>&1 >/dev/null | sed -n 2p
$SLO eval -t 50 -l 20ms:50 envoy.log | sed -n 1p
