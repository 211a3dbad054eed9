# hostile input: Prometheus answers with null or mistyped values (found by fuzz/fuzz_prom): a null sample value is a counted skip, null labels and a metric that is not an object read as no labels, a null status or resultType is exit 3 with its reason
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
m='{"status":"success","data":{"resultType":"matrix","result":[{"metric":'
printf '%s\n' "$m"'{"__name__":null,"job":null},"values":[[1791640500,"1"],[1791640560,null],[1791640620,"0"]]}]}}' >nulls.json
report -t 50 --probes nulls.json
counts "3 2 1 0 0 0" -t 50 --probes nulls.json
report -t 50 --probes --group-by job nulls.json
printf '%s\n' "$m"'1,"values":[[1791640500,"1"],[1791640560,"0"]]}]}}' >metric-number.json
report -t 50 --probes --where job=x metric-number.json
report -t 50 --probes --group-by job metric-number.json
printf '%s\n' '{"status":null,"data":{"resultType":"matrix","result":[]}}' >status-null.json
report -t 50 --probes status-null.json
printf '%s\n' '{"status":"error","error":null}' >error-null.json
report -t 50 --probes --input prometheus error-null.json
printf '%s\n' '{"status":"success","data":{"resultType":null}}' >type-null.json
report -t 50 --probes --input prometheus type-null.json
