# output: a full disk is exit 3 with "write error" (as case 33); a reader that goes away (| head -1) ends slo quietly: SIGPIPE (141) or 0, nothing on stderr
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$PWD
cd "$tmp" || exit 1
cp "$root/examples/api-requests.csv" req.csv
$SLO eval -t 99 req.csv >/dev/full
echo "exit=$?"
$SLO eval -t 99 --json --group-by timestamp req.csv >/dev/full
echo "exit=$?"
$SLO eval -t 99 --by hour -w 1d req.csv >/dev/full
echo "exit=$?"
# the first line only of a report of some MB (a group a record)
piped() {
	{
		"$SLO" eval "$@" 2>err
		echo $? >st
	} | head -1
	case $(cat st) in
	0 | 141) echo "slo ended quietly (exit 0 or 141)" ;;
	*) echo "slo exit=$(cat st)" ;;
	esac
	cat err
}
piped -t 99 --group-by timestamp req.csv
piped -t 99 --json --group-by timestamp req.csv
piped -t 99 --by hour -w 1d req.csv
