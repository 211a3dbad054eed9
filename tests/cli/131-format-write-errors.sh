# every format checks its writes: a full disk is exit 3 with "write error"; a reader that goes away ends slo quietly
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
for f in text json csv tsv prom markdown; do
	$SLO eval --format $f -t 99.9 -l 300ms:99 examples/api-requests.csv >/dev/full
	echo "$f: exit=$?"
done
for f in csv markdown; do
	$SLO calc --format $f 99.9 >/dev/full
	echo "calc $f: exit=$?"
	$SLO alerts --replay --format $f -t 99.9 examples/api-requests.csv >/dev/full
	echo "alerts $f: exit=$?"
done
# the first line of a grouped report, a group a record
for f in csv tsv prom markdown; do
	{
		"$SLO" eval --format $f -t 99 --group-by timestamp examples/api-requests.csv 2>"$tmp/err"
		echo $? >"$tmp/st"
	} | head -1 >/dev/null
	case $(cat "$tmp/st") in
	0 | 141) echo "$f: slo ended quietly (exit 0 or 141)" ;;
	*) echo "$f: slo exit=$(cat "$tmp/st")" ;;
	esac
	cat "$tmp/err"
done
