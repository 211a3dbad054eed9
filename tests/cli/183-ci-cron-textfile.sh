# examples/ci/cron-textfile.sh: slo eval --format prom goes to a temporary file in the collector's directory, renamed over slo.prom (the old file whole until then); a violated objective still writes, an error keeps the old file
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/collector"
# a stand-in for slo: says what it was given and what the collector's
# file held while it ran, then exits with $STUB_STATUS
cat >"$tmp/slo" <<'STUB'
#!/bin/sh
echo "# args: $*"
echo "# while slo ran, slo.prom held: $(grep '^slo_test' "$TEXTFILE_DIR/slo.prom" 2>/dev/null || echo nothing)"
echo "slo_test_metric $STUB_STATUS"
exit "$STUB_STATUS"
STUB
chmod 755 "$tmp/slo"
export SLO="$tmp/slo" TEXTFILE_DIR="$tmp/collector"
cron() {
	STUB_STATUS=$1
	export STUB_STATUS
	shift
	out=$(sh examples/ci/cron-textfile.sh "$@" 2>&1)
	echo "exit $? (slo's $STUB_STATUS): $*"
	[ -z "$out" ] || printf '%s\n' "$out" | sed "s|$tmp|TMP|g"
	for f in "$tmp"/collector/.[!.]* "$tmp"/collector/*; do
		[ -f "$f" ] || continue
		echo "  ${f##*/}: $(ls -l "$f" | cut -c1-10)"
		sed 's/^/    /' "$f"
	done
}
cron 0 --target 99.9 --window 30d access.log
cron 1 --target 99.9 access.log
cron 3 --target 99.9 missing.log
cron 2 --bad-option access.log
TEXTFILE_NAME=api.txt cron 0 -t 99 access.log
TEXTFILE_NAME=../api.prom cron 0 -t 99 access.log
TEXTFILE_NAME=api.prom cron 0 -t 99 api.log
TEXTFILE_DIR=$tmp/none cron 0 -t 99 access.log
cron 0
