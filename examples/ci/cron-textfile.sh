#!/bin/sh
# cron-textfile.sh: slo's metrics for node_exporter's textfile collector.
#
#   cron-textfile.sh [SLO-EVAL-OPTIONS...] FILE...
#
# Runs `slo eval --format prom` with the arguments given and puts what it
# prints in $TEXTFILE_DIR/$TEXTFILE_NAME atomically: it writes a temporary
# file in the same directory (named so that the collector, which reads
# only *.prom, skips it) and renames it over the old one, so node_exporter
# never reads half a file.  From cron, every 5 minutes (a crontab line
# cannot be continued, and cron's PATH is short):
#
#   PATH=/usr/local/bin:/usr/bin:/bin
#   TEXTFILE_DIR=/var/lib/prometheus/node-exporter
#   */5 * * * * cron-textfile.sh --target 99.9 --window 30d /var/log/nginx/access.log
#
# A violated objective (slo's exit status 1) is still a good set of
# metrics: the file is written and the script exits 0.  When slo cannot
# evaluate (exit 2 or 3) the old file stays, as it was, and the script
# exits with slo's status after slo's message (cron mails it); alert on the
# file's age with node_exporter's node_textfile_mtime_seconds.
#
# Environment:
#   SLO            the slo binary (default: slo)
#   TEXTFILE_DIR   the collector's directory, node_exporter's
#                  --collector.textfile.directory
#                  (default: /var/lib/prometheus/node-exporter, Debian's)
#   TEXTFILE_NAME  the file's name, ending in .prom (default: slo.prom);
#                  one per service when cron runs several
set -u
SLO=${SLO:-slo}
dir=${TEXTFILE_DIR:-/var/lib/prometheus/node-exporter}
name=${TEXTFILE_NAME:-slo.prom}

case $name in
*/*) echo "cron-textfile: TEXTFILE_NAME=$name: a name, not a path" >&2; exit 2 ;;
*.prom) ;;
*) echo "cron-textfile: TEXTFILE_NAME=$name: the collector reads only *.prom" >&2; exit 2 ;;
esac
if [ $# -eq 0 ]; then
	echo "usage: cron-textfile.sh [SLO-EVAL-OPTIONS...] FILE..." >&2
	exit 2
fi
if [ ! -d "$dir" ]; then
	echo "cron-textfile: $dir: no such directory (set TEXTFILE_DIR)" >&2
	exit 2
fi

# in the same directory: a rename within one file system is atomic
tmp=$(mktemp "$dir/.$name.XXXXXX") || exit 2
trap 'rm -f "$tmp"' EXIT
trap 'exit 130' INT HUP TERM

status=0
"$SLO" eval --format prom "$@" >"$tmp" || status=$?
if [ "$status" -gt 1 ]; then
	echo "cron-textfile: slo exited $status: $dir/$name left as it was" >&2
	exit "$status"
fi
# mktemp made it readable by us alone; node_exporter runs as another user
chmod 644 "$tmp" && mv -f "$tmp" "$dir/$name" || exit 2
exit 0
