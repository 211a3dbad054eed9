# eval: Rails request logs, Rails 2 (Processing / Completed in 0.2 (..) | 200 OK [url]) and Rails 3 (Started / Completed 200 OK in 79ms)
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat >rails2.log <<'EOF'
# Logfile created on 2008-08-14 21:00:00 +0000 by logger.rb


Processing PostsController#index (for 1.2.3.4 at 2008-08-14 21:16:25) [GET]
  Parameters: {"action"=>"index", "controller"=>"posts"}
Rendering posts/index
Completed in 0.2 (5 reqs/sec) | Rendering: 0.1 (50%) | DB: 0.05 (25%) | 200 OK [http://example.com/posts?page=2]


Processing PostsController#create (for 1.2.3.4 at 2008-08-14 21:16:26) [POST]
  Parameters: {"post"=>{"title"=>"x"}}
Completed in 0.30001 (3 reqs/sec) | DB: 0.3 (99%) | 500 Internal Server Error [http://example.com/posts]
EOF
cat >rails3.log <<'EOF'
Started GET "/x?y=1" for 1.2.3.4 at 2012-03-10 14:28:14 +0100
Completed 200 OK in 79ms (Views: 70.0ms | ActiveRecord: 2.1ms)
Started POST "/x" for 1.2.3.4 at 2012-03-10 14:28:15 +0100
Completed 503 Service Unavailable in 300ms (ActiveRecord: 0.0ms)
Started GET "/y" for 1.2.3.4 at 2012-03-10 14:28:16 +0100
Completed 404 Not Found in 300.5ms (Views: 1.0ms)
EOF
# Rails 2: 0.2 s and 0.30001 s, times without a zone (UTC)
$SLO eval -t 50 -l 300ms:50 rails2.log; echo "exit=$?"
$SLO eval -t 50 -l 300ms:50 --tz Europe/Berlin rails2.log | sed -n 3p
# Rails 3: 79ms, 300ms (good: at most 300ms) and 300.5ms; +0100 offsets
$SLO eval -t 60 -l 300ms:60 rails3.log; echo "exit=$?"
$SLO eval -t 60 -w 1h rails3.log | sed -n '2,3p'
$SLO eval -t 50 --group-by path rails2.log rails3.log; echo "exit=$?"
$SLO eval -t 50 --group-by method --where 'path!=/y' rails2.log rails3.log; echo "exit=$?"
$SLO eval -t 50 --group-by action rails2.log; echo "exit=$?"
