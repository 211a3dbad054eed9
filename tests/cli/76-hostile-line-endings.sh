# hostile input: CRLF, a lone CR and blank lines: CSV takes CR, LF and CRLF as row ends, an access log only LF (a lone CR is inside a line); file:line counts LFs
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# the CR of CRLF never sticks to the last field (latency 30 is not "30\r");
# line 6 is blank (CRLF), line 7 holds two rows split by a lone CR, line 8
# has no line end at all
printf 'time,status,latency_ms\r\n2026-10-01T00:00:00Z,200,10\r\n2026-10-01T00:00:01Z,503,20\n2026-10-01T00:00:02Z,200,30\r\n2026-10-01T00:00:03Z,2x0,30\r\n\r\n2026-10-01T00:00:04Z,200,40\r2026-10-01T00:00:05Z,x,50\r\n2026-10-01T00:00:06Z,200,60' >mixed.csv
report -t 50 -l 45ms:50 mixed.csv
counts "7 5 2 0 0 0" -t 50 -l 45ms:50 mixed.csv
# CRLF throughout, quoted fields, and a quoted field holding a CRLF (lines 3-4)
printf 'time,status,note\r\n"2026-10-01T00:00:00Z","200",""\r\n2026-10-01T00:00:01Z,503,"two\r\nlines"\r\n2026-10-01T00:00:02Z,5O3,x\r\n' >crlf.csv
report -t 50 crlf.csv
counts "3 2 1 0 0 0" -t 50 crlf.csv
l='127.0.0.1 - - [01/Oct/2026:00:00:0%d +0000] "GET / HTTP/1.1" %d 5'
{
	printf "$l\r\n" 0 200
	printf "$l\n" 1 503
	printf "$l\r\r\n" 2 200
	printf '\r\n'
	printf "$l\r$l\r\n" 3 200 4 200
	printf "$l" 5 200
} >mixed.log
report -t 50 mixed.log
counts "5 4 1 0 0 0" -t 50 mixed.log
