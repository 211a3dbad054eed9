# eval: a Rails 3+ request keeps its Started line's time and path through its "Processing by C#a as HTML" line
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cat >production.log <<'EOF'
Started GET "/x?y=1" for 1.2.3.4 at 2012-03-10 14:28:14 +0100
Processing by XController#index as HTML
  Parameters: {"y"=>"1"}
Completed 200 OK in 79ms (Views: 70.0ms | ActiveRecord: 2.1ms)
Started POST "/x" for 1.2.3.4 at 2012-03-10 14:28:15 +0100
Processing by XController#create as HTML
Completed 503 Service Unavailable in 300ms (ActiveRecord: 0.0ms)
EOF
# 13:28:14Z and 13:28:15Z: both in the hour ending 13:29Z
$SLO eval -t 50 -w 1h production.log; echo "exit=$?"
# both requests are /x (the query string dropped)
$SLO eval -t 50 --group-by path production.log; echo "exit=$?"
# the action comes from the Processing by line
$SLO eval -t 50 --group-by action production.log; echo "exit=$?"
