# the progress bar: drawn on a terminal's stderr for an input that takes more than a second, erased at the end; never when stderr is not a terminal, never with --quiet
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
f=examples/api-requests.csv
# an input that pauses 1.5 s halfway, as a slow disk or network would
slow() { head -n 6000 $f; sleep 1.5; tail -n +6001 $f; }
slow | $SLO eval -t 99.9 - >"$tmp/out" 2>"$tmp/err"; echo "exit=$?"
printf 'on a pipe: %s bytes on stderr\n' "$(wc -c <"$tmp/err")"
grep -c . "$tmp/out" | sed 's/^/report lines: /'
# a terminal, as script(1) gives one: the bar, then the line erased
export f SLO
script -qc 'sh -c "(head -n 6000 \$f; sleep 1.5; tail -n +6001 \$f) | \$SLO eval -t 99.9 - >/dev/null"' /dev/null >"$tmp/tty" </dev/null
grep -q 'reading [0-9.]* KiB' "$tmp/tty" && echo "on a terminal: the bar is drawn"
tail -c 4 "$tmp/tty" | od -An -c | tr -s ' '
script -qc 'sh -c "(head -n 6000 \$f; sleep 1.5; tail -n +6001 \$f) | \$SLO eval -q -t 99.9 - >/dev/null"' /dev/null >"$tmp/tty" </dev/null
printf 'on a terminal with --quiet: %s bytes\n' "$(wc -c <"$tmp/tty")"
