# calc --json: valid JSON, exact seconds, events and downtime objects
. tests/cli/json.sh
$SLO calc --json 99.9; echo "exit=$?"
$SLO calc -j --events 1500 99.9 30d; echo "exit=$?"
$SLO calc --json --downtime 50m 99.9 30d; echo "exit=$?"
$SLO calc --json 99.95 | json_check '.target == 0.9995 and .budget_fraction == 0.0005
	and ([.windows[].name] == ["day","week","28d","30d","month","quarter","year"])
	and all(.windows[]; (.seconds|type) == "number"
		and (.allowed_downtime_seconds|type) == "number"
		and (.allowed_downtime|type) == "string")'
$SLO calc -j -e 100 -d 30m 99.9 30d | json_check '.events.total == 100
	and .events.allowed_bad == 0.1 and .downtime.seconds == 1800 and .downtime.met == true'
