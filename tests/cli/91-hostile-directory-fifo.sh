# hostile input: a directory is exit 3 with one line; a FIFO is read like a file (plain or gzip), an empty one is an empty file; nothing waits forever
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
root=$PWD
cd "$tmp" || exit 1
mkdir dir
cp "$root/examples/probes.csv" probes.csv
report -t 99 dir
report -t 99 probes.csv dir probes.csv
# the writer gives up after 5 s, and so does slo after 10, so that a
# mistake here fails instead of hanging
fifo() {
	rm -f fifo
	mkfifo fifo || exit 1
	(timeout 5 sh -c "$1 >fifo") >/dev/null 2>&1 &
	shift
	timeout 10 "$SLO" eval "$@" >out 2>&1
	echo "exit=$?"
	grep -E '^slo: |^(input|records) ' out
	wait
}
fifo 'cat probes.csv' -t 99 fifo
fifo 'gzip -n -c probes.csv' -t 99 fifo
fifo ':' -t 99 fifo
fifo 'cat probes.csv' -t 99 --json fifo
json_check '(.records | [.read, .used, .skipped, .outside_window]) == [1440, 1440, 0, 0]' <out
