# eval: Prometheus range-query answers as probe samples; two series need --where or --group-by
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# 13:55Z + 0, 1, 2, 3, 4, 8, 9 minutes: a 3-minute gap after 13:59
cat >one.json <<'EOF'
{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"probe_success","instance":"https://a.example.com","job":"blackbox"},"values":[[1791640500,"1"],[1791640560,"1"],[1791640620,"0"],[1791640680,"1"],[1791640740,"1"],[1791640980,"1"],[1791641040,"1"]]}]}}
EOF
cat >two.json <<'EOF'
{"status":"success","data":{"resultType":"matrix","result":[
 {"metric":{"__name__":"up","instance":"a:9100","job":"node"},"values":[[1791640500,"1"],[1791640560,"0"],[1791640620,"0"],[1791640680,"1"]]},
 {"metric":{"__name__":"up","instance":"b:9100","job":"node"},"values":[[1791640500,"1"],[1791640560,"1"],[1791640620,"1"],[1791640680,"1"]]}
]}}
EOF
$SLO eval -t 99 one.json; echo "exit=$?"
# median gap 1m: up 6m, down 1m, unknown 3m of 10m
$SLO eval -t 80 --probes one.json; echo "exit=$?"
$SLO eval -t 80 --interval 2m one.json | sed -n '6,9p'
$SLO eval -t 80 --probes two.json; echo "exit=$?"
$SLO eval -t 80 --probes --where instance=a:9100 two.json; echo "exit=$?"
$SLO eval -t 80 --probes --where 'instance~^b' two.json | sed -n '2p;6p'
$SLO eval -t 80 --probes --group-by instance two.json; echo "exit=$?"
$SLO eval -t 80 --probes --group-by instance --json two.json; echo "exit=$?"
# a group is one timeline: both series have job="node"
$SLO eval -t 80 --probes --group-by job two.json; echo "exit=$?"
printf '{"status":"error","errorType":"bad_data","error":"parse error"}\n' >err.json
$SLO eval -t 80 --probes --input prometheus err.json; echo "exit=$?"
