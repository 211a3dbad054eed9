# Sourced by the cases that check a text report's numbers but not its
# chart (the burn-down and the strip of days, drawn for windows of an hour
# or more): the chart has cases of its own, and leaving it out keeps these
# .exp files to the numbers they were checked for.
#
#   nochart            filters a text report on standard input
#   run ARGS...        runs $SLO ARGS (stdout and stderr), prints what it
#                      said without the chart, then "exit=N"
nochart() {
	awk '/^  budget left \(/ { skip = 1; next }
	     skip == 1 && /^ +[0-9]+% / { next }
	     skip == 1 && /^        [0-9][0-9][0-9][0-9]-/ { skip = 2; next }
	     skip == 2 && /^  days / { skip = 0; next }
	     { skip = 0; print }'
}

run() {
	_out=$("$SLO" "$@" 2>&1)
	_st=$?
	[ -z "$_out" ] || printf '%s\n' "$_out" | nochart
	echo "exit=$_st"
}
