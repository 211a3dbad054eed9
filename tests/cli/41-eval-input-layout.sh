# eval --input LAYOUT: forcing a layout on a log that detection rejects; a layout that matches no line; unknown names
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat >mixed.log <<'EOF'
10.0.0.1 - - [10/Oct/2026:13:55:36 +0000] "GET /a HTTP/1.1" 200 512 "-" "curl/8.5.0" 0.120
10.0.0.1 - - [10/Oct/2026 13:55:37] "GET /a HTTP/1.1" 200 512 "-" "curl/8.5.0" 0.120
10.0.0.1 - - [10/Oct/2026:13:55:38 +0000] "GET /a HTTP/1.1" 200 512 "-" "curl/8.5.0"
10.0.0.1 - - [10/Oct/2026:13:55:39 +0000] GET /a 200 512 "-" "curl/8.5.0" 0.120
10.0.0.1 - - [10/Oct/2026:13:55:40 +0000] "GET /a HTTP/1.1" 20x 512 "-" "curl/8.5.0" 0.120
10.0.0.2 - - [10/Oct/2026:13:55:41 +0000] "GET /b HTTP/1.1" 502 0 "-" "curl/8.5.0" 2.5
10.0.0.1 - - [10/Oct/2026:13:55:42 +0000] "GET /a HTT
EOF
cat >timed.log <<'EOF'
10.0.0.1 - - [10/Oct/2026:13:55:36 +0000] "GET /a HTTP/1.1" 200 512 "-" "curl/8.5.0" 0.120
10.0.0.2 - - [10/Oct/2026:13:55:37 +0000] "GET /b HTTP/1.1" 500 0 "-" "curl/8.5.0" 0.300
EOF
# three of seven lines match nginx-timed (a three-character status will do): less than half
$SLO eval -t 50 mixed.log; echo "exit=$?"
# forced: 2 of 7 used, each other line quoted with what failed
$SLO eval -t 50 -l 1s:50 --input nginx-timed mixed.log; echo "exit=$?"
$SLO eval -t 50 --input=nginx-timed --strict mixed.log; echo "exit=$?"
# combined on a log with $request_time: every line goes on after the layout
$SLO eval -t 50 --input combined timed.log; echo "exit=$?"
$SLO eval -t 50 --input nginx timed.log; echo "exit=$?"
