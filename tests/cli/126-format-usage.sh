# --format: an unknown or missing name is a usage error with a hint; prom only for slo eval; --json and --format json are one; the last given wins
$SLO eval --format xml -t 99 examples/api-requests.csv; echo "exit=$?"
$SLO eval --format= -t 99 examples/api-requests.csv; echo "exit=$?"
$SLO eval -t 99 examples/api-requests.csv --format; echo "exit=$?"
$SLO eval --format JSON -t 99 examples/api-requests.csv; echo "exit=$?"
$SLO calc --format prom 99.9; echo "exit=$?"
$SLO calc --format yaml 99.9; echo "exit=$?"
$SLO alerts --replay --format prom -t 99 examples/api-requests.csv; echo "exit=$?"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
$SLO eval --json -t 99 examples/api-requests.csv >"$tmp/json1"
$SLO eval --format json -t 99 examples/api-requests.csv >"$tmp/json2"
$SLO eval --format=json -t 99 examples/api-requests.csv >"$tmp/json3"
cmp "$tmp/json1" "$tmp/json2" && cmp "$tmp/json1" "$tmp/json3" && echo "--json = --format json = --format=json"
$SLO eval --format csv --format text -t 99 examples/api-requests.csv | head -1
$SLO eval --format csv --json -t 99 examples/api-requests.csv | head -1
$SLO eval --json --format csv -t 99 examples/api-requests.csv | head -1 | cut -c1-20
$SLO eval --help | grep -A1 -e '--format' -e '--quiet'
$SLO calc --help | grep -e '--format' -e '--quiet'
# slo detect says in words: --format and --quiet are mistakes there (--json was always ignored)
$SLO detect --format csv examples/probes.csv; echo "exit=$?"
$SLO detect -q examples/probes.csv; echo "exit=$?"
# --label NAME=VALUE: a Prometheus label name, not one of slo's own, once each, with --format prom only
for l in slo=x group=y 9a=b __name__=x a-b=1 noeq =v; do
	$SLO eval --format prom --label "$l" -t 99 examples/api-requests.csv >/dev/null; echo "exit=$?"
done
$SLO eval --format prom --label a=1 --label a=2 -t 99 examples/api-requests.csv >/dev/null; echo "exit=$?"
$SLO eval --label a=1 -t 99 examples/api-requests.csv >/dev/null; echo "exit=$?"
$SLO eval --format prom --label Service_2=x -t 99 examples/api-requests.csv | grep -c 'Service_2="x"'
