# Sourced by the cases: json_check FILTER reads JSON on standard input and
# prints "json ok" when it parses and jq's FILTER is true.  Without jq it
# only checks that the JSON parses (python3), or skips, and still prints
# "json ok", so that the .exp files do not depend on what is installed.
json_check() {
	# jq -e passes on empty input: read it first and refuse nothing
	_in=$(cat)
	if [ -z "$_in" ]; then
		echo "json NOT ok: no output"
		return
	fi
	if command -v jq >/dev/null 2>&1; then
		_j=$(printf '%s\n' "$_in" | jq -e "$1" 2>&1)
		_s=$?
	elif command -v python3 >/dev/null 2>&1; then
		_j=$(printf '%s\n' "$_in" | python3 -c 'import json, sys; json.load(sys.stdin)' 2>&1)
		_s=$?
	else
		_j=
		_s=0
	fi
	if [ $_s = 0 ]; then
		echo "json ok"
	else
		echo "json NOT ok: $_j"
	fi
}
