# hostile input: a directory on standard input is named (stdin) in its one-line error, as every other message about standard input is
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
mkdir dir
: >empty.csv
report -t 99 - <empty.csv
report -t 99 - <dir
report -t 99 <dir
