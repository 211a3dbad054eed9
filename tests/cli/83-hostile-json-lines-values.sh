# hostile input: JSON lines values with control characters, bytes that are not UTF-8, an escaped NUL or digits past 64 bits are counted skips, quoted as written on one line (? for such bytes), never read up to the NUL
. tests/cli/hostile.sh
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# an escape sequence (ESC [2J clears a terminal), a newline, a 0xff byte,
# a number past 2^64
{
	printf '%s\n' '{"time":"2026-10-01T00:00:00Z","status":200}'
	printf '%s\n' '{"time":"2026-10-01T00:00:01Z","status":"5\u001b[2J03"}'
	printf '%s\n' '{"time":"2026-10-01T00:00:02Z","status":"5\n03"}'
	printf '{"time":"2026-10-01T00:00:03Z","status":"5\37703"}\n'
	printf '%s\n' '{"time":"2026-10-01T00:00:04Z","status":99999999999999999999}'
} >values.jsonl
report -t 50 values.jsonl | cat -v
counts "5 1 4 0 0 0" -t 50 values.jsonl
# a value is the whole string, NUL and all: "503\u0000..." is not 503
{
	printf '%s\n' '{"time":"2026-10-01T00:00:00Z","status":200,"duration":0.01}'
	printf '%s\n' '{"time":"2026-10-01T00:00:01Z","status":"503\u0000 but 200","duration":0.01}'
	printf '%s\n' '{"time":"2026-10-01T00:00:02Z\u0000junk","status":200,"duration":0.01}'
	printf '%s\n' '{"time":"2026-10-01T00:00:03Z","status":200,"duration":"0.1\u0000e9"}'
	printf '%s\n' '{"time":"2026-10-01T00:00:04Z","status":200,"duration":99999999999999999999}'
} >nul.jsonl
report -t 50 -l 1s:50 nul.jsonl | cat -v
counts "5 1 4 0 0 0" -t 50 -l 1s:50 nul.jsonl
