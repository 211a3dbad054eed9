# eval -c: a sloth prometheus/v1 service file, its objective (a percentage) over sloth's 30-day window, input from slo.input/ annotations
. tests/cli/json.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# 20 requests a minute for an hour; from 00:30, 1 in 20 is a 503 and 1 in 20 a 429
awk 'BEGIN { print "time,code"; for (m = 0; m < 60; m++) for (i = 0; i < 20; i++)
	printf "2026-10-01T00:%02d:%02dZ,%d\n", m, i, (m >= 30 && i == 0) ? 503 : (m >= 30 && i == 1) ? 429 : 200 }' >requests.csv
cat >sloth.yaml <<'EOF2'
version: "prometheus/v1"
service: "myservice"
labels:
  owner: "myteam"
annotations:
  slo.input/files: requests.csv
  slo.input/status-col: code
slos:
  # We allow failing (5xx and 429) 1 request every 1000 requests (99.9%).
  - name: "requests-availability"
    objective: 99.9
    description: "Common SLO based on availability for HTTP request responses."
    annotations:
      slo.input/bad-status: 5xx,429
    sli:
      events:
        error_query: sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))
        total_query: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
    alerting:
      name: "MyServiceHighErrorRate"
      page_alert:
        labels:
          severity: "pageteam"
  - name: "requests-5xx"
    objective: 95
    sli:
      events:
        error_query: sum(rate(http_request_duration_seconds_count{job="myservice",code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))
EOF2
# 1200 requests in the 30 days ending 01:00: 60 bad (5xx, 429), allowed 1.2: not met;
# 30 bad (5xx only) of 1200 at 95%, allowed 60: met
$SLO eval -c sloth.yaml --json >out.json; echo "exit=$?"
jq -c '.objectives[] | [.name, .slo, .source.format, .source.line, .target, .total, .bad, .allowed_bad, .met, .window.kind, .window.seconds]' out.json
json_check '.ok == false' <out.json
# without the annotations, sloth's Prometheus queries are not something slo runs
grep -v 'slo.input\|^annotations:\|^    annotations:' sloth.yaml >bare.yaml
$SLO eval -c bare.yaml; echo "exit=$?"
