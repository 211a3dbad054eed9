# output: with SIGPIPE ignored (as some CI runners and process managers leave it), a reader that goes away still ends slo quietly: EPIPE is no error to report
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$PWD
cd "$tmp" || exit 1
cp "$root/examples/api-requests.csv" req.csv
piped() {
	(
		trap '' PIPE
		{
			"$SLO" eval "$@" 2>err
			echo $? >st
		} | head -1
	)
	case $(cat st) in
	0 | 141) echo "slo ended quietly (exit 0 or 141)" ;;
	*) echo "slo exit=$(cat st)" ;;
	esac
	cat err
}
piped -t 99 --group-by timestamp req.csv
piped -t 99 --json --group-by timestamp req.csv
