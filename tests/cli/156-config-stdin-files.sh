# eval -c: files on the command line replace the SLOs' own; standard input feeds one evaluation, never two; options on the command line apply to every SLO
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
printf 'time,status,ms\n2026-10-01T00:00:00Z,200,100\n2026-10-01T00:01:00Z,500,900\n2026-10-01T00:02:00Z,200,200\n2026-10-01T00:03:00Z,200,300\n' >a.csv
printf 'time,status,ms\n2026-10-01T00:00:00Z,200,100\n2026-10-01T00:01:00Z,200,100\n' >b.csv
cat >one.yaml <<'EOF2'
slos:
  - name: avail
    target: 70
EOF2
cat >two.yaml <<'EOF2'
defaults:
  input: {files: a.csv, latency-col: ms, latency-unit: ms}
slos:
  - name: avail
    target: 70
  - name: fast
    threshold: 250ms
    target: 70
EOF2
# one SLO, no files: standard input (1 bad of 4 at 70%: met)
$SLO eval -c one.yaml --json <a.csv | jq -c '[.ok, .objectives[0].bad, .objectives[0].inputs[0].file]'
# two SLOs and standard input: refused before reading
cat a.csv | $SLO eval -c two.yaml -; echo "exit=$?"
# the files given replace a.csv: b.csv has nothing bad
$SLO eval -c two.yaml b.csv --json | jq -c '[.ok, [.objectives[] | [.name, .total, .bad, .inputs[0].file]]]'
# --where and --fail-under apply to both: the first 3 minutes, 1 bad of 3 each, 0% budget left
$SLO eval -c two.yaml --where 'time!~03:00' --fail-under 1 --json | jq -c '[.ok, [.objectives[] | [.name, .total, .bad, .below_fail_under, .met]]]'
# --to with a window from the file: a rolling window ending there
cat >win.yaml <<'EOF2'
slos:
  - name: last-2m
    target: 60
    window: 2m
    input: {files: a.csv}
EOF2
$SLO eval -c win.yaml --to 2026-10-01T00:02:00Z --json | jq -c '[.objectives[0] | .total, .bad, .window.kind, .window.start, .window.end]'
# objectives and windows come only from the file; -c is for slo eval
$SLO eval -c one.yaml -t 99 a.csv; echo "exit=$?"
$SLO eval -c one.yaml --calendar month a.csv; echo "exit=$?"
$SLO detect -c one.yaml a.csv; echo "exit=$?"
# a run's own error names the SLO after the reason, and stops the rest
$SLO eval -c two.yaml missing.csv; echo "exit=$?"
# --tz is the zone of SLOs that name none; an SLO's own tz wins
cat >tz.yaml <<'EOF2'
slos:
  - {name: here, target: 60, window: month, input: {files: a.csv}}
  - {name: utc, target: 60, window: month, tz: UTC, input: {files: a.csv}}
EOF2
$SLO eval -c tz.yaml --tz Europe/Berlin | grep -E '^(==|window)'
