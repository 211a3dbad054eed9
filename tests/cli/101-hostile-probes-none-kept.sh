# hostile input: probe samples that --where leaves none of (CSV and Prometheus) are "no data", exit 1, the counts adding up (the evaluator once moved samples it never held)
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
printf 'time,up\n2026-10-01T00:00:00Z,1\n2026-10-01T00:01:00Z,0\n' >p.csv
report -t 50 --probes --where up=5 p.csv
counts "2 0 0 0 2 0" -t 50 --probes --where up=5 p.csv
printf '%s\n' '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"a"},"values":[[1791640500,"1"],[1791640560,"0"]]}]}}' >p.json
report -t 50 --probes --where job=b p.json
counts "2 0 0 0 2 0" -t 50 --probes --where job=b p.json
