# Sourced (from the repository root) by the hostile-input cases, 74 on
# (issue 7).  Sources json.sh.
#
#   report ARGS...   runs $SLO eval ARGS; prints what it said on stderr, then
#                    the report's input, records, window and excluded lines
#                    and each objective's title, SLI and verdict, then
#                    "exit=N"
#   counts "R U S O F E" ARGS...
#                    runs $SLO eval --json ARGS (stderr dropped) and checks
#                    that records read, used, skipped, outside_window,
#                    filtered and excluded are R U S O F E, that they add up
#                    (read = used + skipped + outside_window + filtered +
#                    excluded), and that the inputs' rows and skipped add up
#                    to read and skipped; prints "records R U S O F E,
#                    exit=N: json ok"
#   garbage          writes 256 bytes, every byte value once, in a fixed
#                    scrambled order (NUL, CR, LF, quote and comma among them)
. tests/cli/json.sh

report() {
	_err=$(mktemp) || return
	_out=$("$SLO" eval "$@" 2>"$_err")
	_st=$?
	cat "$_err"
	rm -f "$_err"
	[ -z "$_out" ] || printf '%s\n' "$_out" |
		grep -E '^(input|records|window|excluded) |^[a-z]+: |^  (SLI|verdict) '
	echo "exit=$_st"
}

counts() {
	_want=$1
	shift
	_json=$("$SLO" eval --json "$@" 2>/dev/null)
	_st=$?
	printf 'records %s, exit=%s: ' "$_want" "$_st"
	printf '%s\n' "$_json" | json_check "
		(.records | [.read, .used, .skipped, .outside_window, .filtered, .excluded])
			== [$(echo "$_want" | sed 's/  */,/g')]
		and (.records | .read == .used + .skipped + .outside_window + .filtered + .excluded)
		and ([.inputs[].rows] | add) == .records.read
		and ([.inputs[].skipped] | add) == .records.skipped"
}

garbage() {
	_i=0
	while [ $_i -lt 256 ]; do
		# shellcheck disable=SC2059
		printf "\\$(printf %o $(((_i * 37 + 11) % 256)))"
		_i=$((_i + 1))
	done
}
