# eval -c: config errors name the file, the line and the field, exit 2, and print no report
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
try() {
	cat >slos.yaml
	$SLO eval -c slos.yaml; echo "exit=$?"
}
try <<'EOF2'
slos:
  - name: a
    target: 99.9
  - name: b
    target: 1O0
EOF2
try <<'EOF2'
slos:
  - name: a
    kind: latency
    target: 99
    threshold: fast
EOF2
try <<'EOF2'
slos:
  - name: a
    target: 99
    budgeting: slices
EOF2
try <<'EOF2'
slos:
  - name: a
    target: 99
    input:
      format: apache
EOF2
try <<'EOF2'
slos:
  - name: a
    target: 99
    input:
      latency-unit: sec
EOF2
try <<'EOF2'
slos:
  - name: a
    target: 99
    window: {calendar: fortnight}
EOF2
try <<'EOF2'
apiVersion: openslo/v1
kind: SLO
metadata:
  name: x
  annotations: {slo.input/status-col: code}
spec:
  indicator: {metadata: {name: i}, spec: {ratioMetric: {}}}
  objectives:
    - displayName: one
      target: 99.9
EOF2
try <<'EOF2'
apiVersion: openslo/v1
kind: SLO
metadata:
  name: x
  annotations: {slo.input/status-col: code}
spec:
  indicator: {metadata: {name: i}, spec: {ratioMetric: {}}}
  timeWindow:
    - duration: 1M
      calendar: {startTime: 2026-01-01 00:00:00, timeZone: Mars/Olympus}
  objectives: [{target: 0.99}]
EOF2
try <<'EOF2'
slos:
  - name: a
    target: 99
  bad: indent
EOF2
# the file itself
$SLO eval -c missing.yaml; echo "exit=$?"
: >empty.yaml
$SLO eval -c empty.yaml; echo "exit=$?"
