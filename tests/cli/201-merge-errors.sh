# slo merge refuses what is not a whole state of the same settings: damaged, truncated, not a state, other options; --save-state is for event counts
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
in=$PWD/examples/api-requests.csv
probes=$PWD/examples/probes.csv
cd "$tmp" || exit 1
"$SLO" eval -t 99.9 --save-state a.state "$in" >/dev/null
echo "saved: exit $?"
"$SLO" eval -t 99.9 -l 300ms:99 --save-state b.state "$in" >/dev/null
# the same state twice counts every record twice
"$SLO" merge --json a.state a.state | grep -E '^  "records"|^    "read"|^      "total"'
# another latency objective is another state
"$SLO" merge a.state b.state
echo "exit $?"
# an option that changes what is counted, given to merge
"$SLO" merge -l 300ms:99 a.state
echo "exit $?"
# one byte changed
cp a.state c.state
printf 'X' | dd of=c.state bs=1 seek=40 conv=notrunc 2>/dev/null
"$SLO" merge c.state
echo "exit $?"
# cut short
head -c 100 a.state >d.state
"$SLO" merge d.state
echo "exit $?"
# not a state at all
cp "$in" requests.csv
"$SLO" merge requests.csv
echo "exit $?"
"$SLO" merge missing.state
echo "exit $?"
"$SLO" merge
echo "exit $?"
"$SLO" eval -t 99 --probes --save-state p.state "$probes"
echo "exit $?"
"$SLO" detect --save-state p.state "$in"
echo "exit $?"
# states are read twice: not from standard input
"$SLO" merge - <a.state
echo "exit $?"
# the state is written whole or not at all: an unwritable place
"$SLO" eval -t 99.9 --save-state /nonexistent/dir/x.state "$in" >/dev/null
echo "exit $?"
