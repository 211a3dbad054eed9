# eval --group-by --allow-no-data: a group without events in the window says "no data (allowed)", as the block report and JSON do, not "met"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat >svc.csv <<'EOF'
time,service,code
2026-10-01T00:00:00Z,checkout,200
2026-10-01T00:00:05Z,search,200
2026-10-01T00:00:06Z,login,200
EOF
# the 2s ending 00:00:07: checkout's one request is before it
$SLO eval -t 50 -w 2s --group-by service --allow-no-data svc.csv; echo "exit=$?"
$SLO eval -t 50 -w 2s --group-by service svc.csv >out; echo "exit=$?"
tail -n 1 out
