# --jobs differential: generated files full of oddities (quotes, quoted commas and newlines, CRLF, broken rows, bad numbers, out-of-order times, blank lines) give the same report and messages with 1, 2, 3 and 7 processes, over many seeds
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
# a linear congruential generator in awk: the same files on every machine
gen() { # SEED KIND ROWS
	awk -v seed="$1" -v kind="$2" -v n="$3" 'function r(m) { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % m }
	BEGIN {
		if (kind == "csv") print "timestamp,status,latency_ms,note"
		t = 1790812800
		for (i = 0; i < n; i++) {
			t += r(30) - 3
			st = r(50) == 0 ? 503 : 200
			lat = r(900)
			k = r(40)
			if (kind == "csv") {
				note = k == 0 ? "\"a, b\"" : k == 1 ? "\"two\nlines\"" : k == 2 ? "\"quote \"\" inside\"" : "x"
				if (k == 3) { print "2026-10-01T00:00:00Z,2OO," lat ",x"; continue }
				if (k == 4) { print t ",200"; continue }
				if (k == 5) { print ""; continue }
				if (k == 6) { printf "%d,%d,%d,x\r\n", t, st, lat; continue }
				if (k == 7) { print t ",200,-5,x"; continue }
				printf "%d,%d,%d,%s\n", t, st, lat, note
			} else {
				if (k == 3) { print "garbage line " i; continue }
				if (k == 4) { print "10.0.0.1 - - [01/Oct/2026:00:00:00 +0000] \"GET / HTTP/1.1\" 2OO 5 \"-\" \"x\" 0.1"; continue }
				s = t % 60; m = int(t / 60) % 60; h = int(t / 3600) % 24; d = 1 + int(t / 86400) % 28
				printf "10.0.%d.%d - - [%02d/Oct/2026:%02d:%02d:%02d +0000] \"GET /p%d HTTP/1.1\" %d 10 \"-\" \"t\" %d.%03d\n", r(256), r(256), d, h, m, s, r(9), st, int(lat / 1000), lat % 1000
			}
		}
	}' >"data.$2"
}
pass=0
fail=0
for seed in 1 2 3 4 5; do
	for kind in csv log; do
		gen $seed $kind 3000
		for opts in "-t 99 -l 300ms:95" "-t 99 -w 6h --by hour --json" "-t 98 --group-by status --json"; do
			# shellcheck disable=SC2086
			"$SLO" eval $opts --jobs 1 "data.$kind" 2>&1 | sed '/"shares": /d' >one
			for j in 2 7; do
				# shellcheck disable=SC2086
				"$SLO" eval $opts --jobs $j "data.$kind" 2>&1 | sed '/"shares": /d' >many
				if cmp -s one many; then
					pass=$((pass + 1))
				else
					fail=$((fail + 1))
					echo "DIFFERENT: seed $seed, $kind, $opts, --jobs $j"
					diff one many | head -n 6
				fi
			done
		done
	done
done
echo "$pass the same, $fail different"
# the quoted newlines send some CSV files back to one reader: how many
# of the 8 were shared at all
n=0
for seed in 1 2 3 4 5 6 7 8; do
	gen $seed csv 3000
	s=$("$SLO" eval -t 99 --json --jobs 3 data.csv 2>/dev/null | jq '.inputs[0].shares')
	[ "$s" = 3 ] && n=$((n + 1))
done
echo "CSV files read in 3 shares: $n of 8"
