# Sourced by the --format cases: checks that print one line each, the
# same whatever is installed, so that the .exp files do not depend on it.
#
#   csv_check    stdin is RFC 4180 CSV: every record has the header's
#                number of fields (quoted fields may hold , " and LF)
#   tsv_check    stdin is TSV: every line has the header's number of fields
#   md_check     stdin holds a markdown table: a header, an alignment row,
#                and rows, all with the same number of cells
#   prom_check   stdin passes `promtool check metrics`; without promtool
#                (CI installs it; there it is a failure) a rougher check
#                of the exposition format's lines, done here
#   same_as_json COLUMN JQ-PATH CSV-FILE JSON-FILE
#                the CSV column holds, row by row, the numbers (or
#                booleans) that jq's path gives for each objective

csv_check() {
	awk '
	BEGIN { inq = 0; f = 0; rec = 0; bad = "" }
	{
		line = $0
		for (i = 1; i <= length(line); i++) {
			ch = substr(line, i, 1)
			if (inq) {
				if (ch == "\"" && substr(line, i + 1, 1) == "\"") i++
				else if (ch == "\"") inq = 0
			} else if (ch == ",") f++
			else if (ch == "\"") inq = 1
		}
		if (inq) next               # a quoted field goes on after LF
		rec++
		if (rec == 1) want = f + 1
		else if (f + 1 != want && bad == "") bad = "record " rec " has " f + 1 " fields, the header " want
		f = 0
	}
	END {
		if (inq) print "csv NOT ok: a quoted field is not closed"
		else if (rec == 0) print "csv NOT ok: no output"
		else if (bad != "") print "csv NOT ok: " bad
		else print "csv ok: " rec - 1 " rows of " want " fields"
	}'
}

tsv_check() {
	awk -F'\t' '
	NR == 1 { want = NF }
	NR > 1 && NF != want && bad == "" { bad = "line " NR " has " NF " fields, the header " want }
	END {
		if (NR == 0) print "tsv NOT ok: no output"
		else if (bad != "") print "tsv NOT ok: " bad
		else print "tsv ok: " NR - 1 " rows of " want " fields"
	}'
}

md_check() {
	# cells are split at pipes that no backslash escapes; a line that
	# is not a table row ends a table
	sed 's/\\\\//g; s/\\|//g' | awk -F'|' '
	function done_table() {
		if (n == 0) return
		if (n < 2 && bad == "") bad = "a table without an alignment row"
		said = said (said == "" ? "" : "; ") n - 2 " rows of " want - 2 " columns"
		n = 0
	}
	/^\|/ {
		n++
		if (n == 1) want = NF
		if (NF != want && bad == "") bad = "table line " n " has " NF - 2 " cells, the header " want - 2
		if (n == 2 && $0 !~ /^\|( :?-+:? \|)+$/) bad = "no alignment row under the header"
		next
	}
	{ done_table() }
	END {
		done_table()
		if (said == "") print "markdown NOT ok: no table"
		else if (bad != "") print "markdown NOT ok: " bad
		else print "markdown ok: " said
	}'
}

prom_check() {
	_in=$(cat)
	if [ -z "$_in" ]; then
		echo "prom NOT ok: no output"
		return
	fi
	if command -v promtool >/dev/null 2>&1; then
		if _p=$(printf '%s\n' "$_in" | promtool check metrics 2>&1); then
			echo "prom ok"
		else
			echo "prom NOT ok: $_p"
		fi
		return
	fi
	if [ "${CI:-}" = true ]; then
		echo "prom NOT ok: promtool is not installed (.ci/deps check installs it)"
		return
	fi
	# HELP and TYPE before each family's samples, each family once, and
	# samples NAME{LABEL="VALUE",...} NUMBER
	printf '%s\n' "$_in" | awk '
	/^# HELP / { if (seen[$3]++) bad = "family " $3 " twice"; fam = $3; next }
	/^# TYPE / { if ($3 != fam || $4 != "gauge") bad = "TYPE of " $3; next }
	{
		name = $0; sub(/[{ ].*/, "", name)
		if (name != fam) bad = "sample " name " outside its family"
		if ($0 !~ /^[a-z_]+(\{[a-z_]+="([^"\\]|\\.)*"(,[a-z_]+="([^"\\]|\\.)*")*\})? -?[0-9.e+-]+$/)
			bad = "line " NR ": " $0
	}
	END { if (bad != "") print "prom NOT ok: " bad; else print "prom ok" }'
}

same_as_json() {
	_col=$1
	_path=$2
	_vals=$(awk -F, -v c="$_col" '
		NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next }
		{ printf "%s%s", (NR > 2 ? "," : ""), ($k == "" ? "null" : $k) }' "$3")
	if jq -e --argjson csv "[$_vals]" "[.objectives[] | $_path] == \$csv" "$4" >/dev/null; then
		echo "$_col: as in JSON"
	else
		echo "$_col NOT as in JSON: [$_vals] against $(jq -c "[.objectives[] | $_path]" "$4")"
	fi
}

# md_cells N: the text of column N of stdin's markdown table rows, as a
# GitHub-flavoured renderer shows it (cmark-gfm, which CI installs; in
# CI its absence is a failure), one row a line; without cmark-gfm, the
# cells are split and unescaped here
md_cells() {
	if command -v cmark-gfm >/dev/null 2>&1; then
		cmark-gfm -e table | awk -v n="$1" '
		/^<tr>/ { k = 0 }
		/^<td/ {
			if (++k != n) next
			sub(/^<td[^>]*>/, ""); sub(/<\/td>$/, "")
			gsub(/&lt;/, "<"); gsub(/&gt;/, ">"); gsub(/&quot;/, "\""); gsub(/&amp;/, "\\&")
			print
		}'
		return
	fi
	if [ "${CI:-}" = true ]; then
		echo "md_cells: cmark-gfm is not installed (.ci/deps check installs it)"
		return
	fi
	awk -v n="$1" '
	/^\| / && ++row > 2 {
		cell = ""; k = 1
		line = substr($0, 3, length($0) - 4)
		for (i = 1; i <= length(line); i++) {
			ch = substr(line, i, 1)
			if (ch == "\\") { i++; cell = cell substr(line, i, 1); continue }
			if (ch == "|") { if (k == n) break; k++; cell = ""; i++; continue }
			cell = cell ch
		}
		sub(/ $/, "", cell)
		print cell
	}'
}
