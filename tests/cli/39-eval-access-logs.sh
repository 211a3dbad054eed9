# eval: built-in access-log layouts (common, combined, nginx-timed, ingress-nginx, s3) from files, gzip and stdin
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat >common.log <<'EOF'
10.0.0.1 - - [10/Oct/2026:13:55:36 +0000] "GET /a HTTP/1.1" 200 512
10.0.0.2 - frank [10/Oct/2026:13:55:37 +0000] "GET /b?x=1 HTTP/1.1" 503 0
10.0.0.1 - - [10/Oct/2026:13:55:38 +0000] "POST /a HTTP/1.1" 404 10
10.0.0.3 - - [10/Oct/2026:13:55:40 +0000] "GET /c HTTP/1.1" 200 -
EOF
cat >combined.log <<'EOF'
10.0.0.1 - - [10/Oct/2026:13:55:36 +0200] "GET /a HTTP/1.1" 200 512 "-" "curl/8.5.0"
10.0.0.2 - - [10/Oct/2026:13:55:37 +0200] "GET /b HTTP/1.1" 502 0 "http://example.com/" "Mozilla/5.0 (X11; Linux x86_64)"
10.0.0.1 - - [10/Oct/2026:13:55:39 +0200] "GET /a HTTP/1.1" 200 512 "-" "curl/8.5.0"
EOF
cat >timed.log <<'EOF'
10.0.0.1 - - [10/Oct/2026:13:55:36 +0000] "GET /a HTTP/1.1" 200 512 "-" "curl/8.5.0" 0.120
10.0.0.2 - - [10/Oct/2026:13:55:37 +0000] "GET /b HTTP/1.1" 500 0 "-" "curl/8.5.0" 0.300
10.0.0.1 - - [10/Oct/2026:13:55:38 +0000] "GET /a HTTP/1.1" 200 512 "-" "curl/8.5.0" 0.301
10.0.0.1 - - [10/Oct/2026:13:55:39 +0000] "GET /a HTTP/1.1" 200 512 "-" "curl/8.5.0" 1.000
EOF
cat >ingress.log <<'EOF'
192.168.1.5 - - [10/Oct/2026:13:55:36 +0000] "GET /api/v1/users HTTP/1.1" 200 1234 "-" "kube-probe/1.29" 245 0.005 [default-api-80] [] 10.244.0.12:8080 1234 0.004 200 5d4f5e6a7b8c9d0e1f2a3b4c5d6e7f80
192.168.1.6 - - [10/Oct/2026:13:55:37 +0000] "POST /api/v1/orders HTTP/2.0" 503 0 "-" "Go-http-client/2.0" 512 0.250 [default-api-80] [] 10.244.0.12:8080, 10.244.0.13:8080 0, 0 0.100, 0.150 502, 503 6d4f5e6a7b8c9d0e1f2a3b4c5d6e7f81
192.168.1.5 - - [10/Oct/2026:13:55:38 +0000] "GET /api/v1/users HTTP/1.1" 200 1234 "-" "kube-probe/1.29" 245 0.200 [default-api-80] [] 10.244.0.12:8080 1234 0.199 200 7d4f5e6a7b8c9d0e1f2a3b4c5d6e7f82
EOF
o=79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be
cat >s3.log <<EOF
$o awsexamplebucket1 [06/Feb/2019:00:00:38 +0000] 192.0.2.3 $o 3E57427F3EXAMPLE REST.GET.VERSIONING - "GET /awsexamplebucket1?versioning HTTP/1.1" 200 - 113 - 7 - "-" "S3Console/0.4" -
$o awsexamplebucket1 [06/Feb/2019:00:00:38 +0000] 192.0.2.3 $o 891CE47D2EXAMPLE REST.GET.LOGGING_STATUS - "GET /awsexamplebucket1?logging HTTP/1.1" 200 - 242 - 11 - "-" "S3Console/0.4" -
$o awsexamplebucket1 [06/Feb/2019:00:00:38 +0000] 192.0.2.3 $o A1206F460EXAMPLE REST.GET.BUCKETPOLICY - "GET /awsexamplebucket1?policy HTTP/1.1" 404 NoSuchBucketPolicy 297 - 38 - "-" "S3Console/0.4" -
$o awsexamplebucket1 [06/Feb/2019:00:01:00 +0000] 192.0.2.3 $o 7B4A0FABBEXAMPLE REST.GET.OBJECT photos/cat.jpg "GET /awsexamplebucket1/photos/cat.jpg HTTP/1.1" 503 SlowDown 300 - 1250 - "-" "aws-sdk-go/1.44" -
EOF
# common: 1 bad (503) of 4; the 404 is good
$SLO eval -t 75 common.log; echo "exit=$?"
$SLO eval -t 80 - <common.log; echo "exit=$?"
# combined: +0200 offsets read as 11:55Z; no latency field for --latency
$SLO eval -t 50 combined.log; echo "exit=$?"
$SLO eval -t 50 -l 1s:50 combined.log; echo "exit=$?"
# nginx $request_time in seconds: 0.300 is within 300ms, 0.301 is not
gzip -c timed.log >timed.log.gz
$SLO eval -t 75 -l 300ms:50 timed.log.gz; echo "exit=$?"
gzip -c timed.log | $SLO eval -t 75 -l 300ms:75 >out; echo "exit=$?"
sed -n '1p;11,15p' out
# ingress-nginx: $request_time (0.005, 0.250, 0.200), lists in the upstream fields
$SLO eval -t 60 -l 200ms:60 ingress.log; echo "exit=$?"
# Amazon S3: Total Time in ms (7, 11, 38, 1250)
$SLO eval -t 75 -l 100ms:75 s3.log; echo "exit=$?"
$SLO eval -t 75 -l 10ms:50 s3.log >out; echo "exit=$?"
sed -n '1p;11,15p' out
