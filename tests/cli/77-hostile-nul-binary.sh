# hostile input: NUL bytes and binary garbage in a CSV file and an access log are counted skips with file:line (shown as ?); a binary file is exit 3
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# NULs inside a status, after a time, and a line of NULs alone
printf 'time,status\n2026-10-01T00:00:00Z,200\n2026-10-01T00:00:01Z,2\00000\n2026-10-01T00:00:02Z\000,503\n\000\000\000\n2026-10-01T00:00:03Z,200\n' >nul.csv
report -t 50 nul.csv
counts "5 2 3 0 0 0" -t 50 nul.csv
report -t 50 --strict nul.csv
l='127.0.0.1 - - [01/Oct/2026:00:00:0%d +0000] "GET / HTTP/1.1" %b 5\n'
{
	printf "$l" 0 200
	printf "$l" 1 '2\00000'
	printf '\000\000\000\000\n'
	printf "$l" 2 503
} >nul.log
report -t 50 nul.log
counts "4 2 2 0 0 0" -t 50 nul.log
# a crash can leave a block of NULs in a log: before a line (no LF
# between), the line is still read; at the end, it is one skipped line
{ head -c 4096 /dev/zero; printf "$l" 0 200; printf "$l" 1 503; head -c 4096 /dev/zero; } >crash.log
report -t 50 crash.log
counts "3 2 1 0 0 0" -t 50 crash.log
# 256 bytes of garbage (LF, CR, quote and comma among them) between good rows
{ printf 'time,status\n2026-10-01T00:00:00Z,200\n'; garbage; printf '\n2026-10-01T00:00:03Z,503\n'; } >garbage.csv
report -t 50 garbage.csv
counts "5 2 3 0 0 0" -t 50 garbage.csv
{ printf "$l" 0 200; printf "$l" 1 503; garbage; printf '\n'; printf "$l" 2 200; printf "$l" 3 200; } >garbage.log
report -t 50 garbage.log
counts "6 4 2 0 0 0" -t 50 garbage.log
# garbage alone: as CSV its "header" has no column; as a log, no usable line
garbage >garbage.bin
report -t 50 garbage.bin
report -t 50 --input common garbage.bin
report -t 50 --input json garbage.bin
