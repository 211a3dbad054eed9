# Sourced by the cases: json_check FILTER reads JSON on standard input and
# prints "json ok" when it parses and jq's FILTER is true.  Without jq it
# only checks that the JSON parses (python3), or skips, and still prints
# "json ok", so that the .exp files do not depend on what is installed.
json_check() {
	if command -v jq >/dev/null 2>&1; then
		_j=$(jq -e "$1" 2>&1)
		_s=$?
	elif command -v python3 >/dev/null 2>&1; then
		_j=$(python3 -c 'import json, sys; json.load(sys.stdin)' 2>&1)
		_s=$?
	else
		cat >/dev/null
		_j=
		_s=0
	fi
	if [ $_s = 0 ]; then
		echo "json ok"
	else
		echo "json NOT ok: $_j"
	fi
}
