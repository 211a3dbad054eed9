# fish completion for slo(1).  Installed by `make install` as
# $(PREFIX)/share/fish/vendor_completions.d/slo.fish; to try it without
# installing: `source src/completions/slo.fish`.  tests/options/run checks
# that it offers every option `slo COMMAND --help` prints.

function __slo_zones --description 'the zones of the time zone database'
    test -d /usr/share/zoneinfo; or return
    find /usr/share/zoneinfo -type f -name '[A-Z]*' ! -name '*.tab' 2>/dev/null |
        string replace /usr/share/zoneinfo/ '' | string match -v -r '^(posix|right)/'
end

# no file names unless a command or an option takes them
complete -c slo -f

# the command
set -l __slo_top 'not __fish_seen_subcommand_from calc eval detect alerts merge help'
complete -c slo -n $__slo_top -a calc -d 'allowed downtime and bad events for a target'
complete -c slo -n $__slo_top -a eval -d 'evaluate records against SLO targets'
complete -c slo -n $__slo_top -a detect -d 'say how slo reads a file'
complete -c slo -n $__slo_top -a alerts -d 'replay burn-rate alerts (--replay)'
complete -c slo -n $__slo_top -a merge -d 'merge saved evaluation states'
complete -c slo -n $__slo_top -a help -d 'print the usage'
complete -c slo -n $__slo_top -s h -l help -d 'print the usage'
complete -c slo -n $__slo_top -s V -l version -d 'print the version'

# slo calc TARGET [WINDOW]
set -l __slo_calc '__fish_seen_subcommand_from calc'
complete -c slo -n $__slo_calc -s d -l downtime -x -d 'budget spent by this downtime in WINDOW'
complete -c slo -n $__slo_calc -s e -l events -x -d 'allowed bad events out of N'
complete -c slo -n $__slo_calc -s h -l help -d 'print the options of calc'
complete -c slo -n $__slo_calc -s j -l json -d 'print JSON instead of text'
complete -c slo -n $__slo_calc -l format -x -a 'text json csv tsv markdown' -d 'output format'
complete -c slo -n $__slo_calc -s q -l quiet -d 'no output, exit status only'
complete -c slo -n "$__slo_calc; and __fish_is_nth_token 2" -a '99 99.5 99.9 99.95 99.99' -d target
complete -c slo -n "$__slo_calc; and __fish_is_nth_token 3" -a 'day week 28d 30d month quarter year' -d window

# slo eval, slo detect and slo alerts: one option table (src/cli/eval.c)
set -l __slo_eval '__fish_seen_subcommand_from eval detect alerts merge'
complete -c slo -n $__slo_eval -F
complete -c slo -n $__slo_eval -l alert -x -d 'burn-rate rule LONG/SHORT:RATE[:SEVERITY]'
complete -c slo -n $__slo_eval -l allow-no-data -d 'an objective without events is not a failure'
complete -c slo -n $__slo_eval -l ascii -d 'charts in plain ASCII'
complete -c slo -n $__slo_eval -l bad-col -x -d 'CSV column of bad-event counts'
complete -c slo -n $__slo_eval -l bad-series -x -d 'Prometheus: the bad-event count series L=V'
complete -c slo -n $__slo_eval -l bad-status -x -d 'HTTP statuses that are bad (default 5xx)'
complete -c slo -n $__slo_eval -l budgeting -x -a 'occurrences timeslices ratio-timeslices' -d 'budgeting method'
complete -c slo -n $__slo_eval -l by -x -a 'day hour week' -d 'a table per period'
complete -c slo -n $__slo_eval -l calendar -x -a 'week month quarter year' -d 'the calendar period holding the end'
complete -c slo -n $__slo_eval -l changes -d 'each row is a state change'
complete -c slo -n $__slo_eval -l delimiter -x -a ', \; tab' -d 'CSV delimiter'
complete -c slo -n $__slo_eval -l end-col -x -d 'CSV column of an incident end'
complete -c slo -n $__slo_eval -l exclude -x -d 'a maintenance period START/END'
complete -c slo -n $__slo_eval -l exclude-file -r -F -d 'maintenance periods, one a line'
complete -c slo -n $__slo_eval -l explain -d 'say on stderr how each file is read'
complete -c slo -n $__slo_eval -l fail-under -x -d 'exit 1 when less than PCT % of a budget is left'
complete -c slo -n $__slo_eval -l from -x -d 'the window start'
complete -c slo -n $__slo_eval -l good-col -x -d 'CSV column of good-event counts'
complete -c slo -n $__slo_eval -l good-series -x -d 'Prometheus: the good-event count series L=V'
complete -c slo -n $__slo_eval -l group-by -x -a 'path host method status' -d 'one line per value of FIELD'
complete -c slo -n $__slo_eval -s h -l help -d 'print the options'
complete -c slo -n $__slo_eval -l incidents -d 'each row is an outage, start to end'
complete -c slo -n $__slo_eval -l input -x -a 'auto csv json w3c haproxy rails nginx-plus prometheus common combined combined+xff nginx-timed nginx-upstream nginx-upstream2 ingress-nginx s3 s3-2019 s3-2022' -d 'input format'
complete -c slo -n $__slo_eval -l interval -x -d 'the probe interval'
complete -c slo -n $__slo_eval -s j -l json -d 'print JSON instead of text'
complete -c slo -n $__slo_eval -s l -l latency -x -d 'latency objective DUR[:PCT]'
complete -c slo -n $__slo_eval -l latency-col -x -d 'CSV column of latencies'
complete -c slo -n $__slo_eval -l latency-field -x -d 'JSON lines: the latency field'
complete -c slo -n $__slo_eval -l latency-unit -x -a 's ms us ns' -d 'unit of bare latency numbers'
complete -c slo -n $__slo_eval -l log-format -x -d 'nginx log_format or Apache LogFormat string'
complete -c slo -n $__slo_eval -l month -x -d 'a calendar month, e.g. 2026-10'
complete -c slo -n $__slo_eval -l no-header -d 'the first line is data; columns by number'
complete -c slo -n $__slo_eval -l now -x -d 'the window end (as --to)'
complete -c slo -n $__slo_eval -l probes -d 'each row is a probe sample'
complete -c slo -n $__slo_eval -l quarter -x -d 'a calendar quarter, e.g. 2026-Q3'
complete -c slo -n $__slo_eval -l slice -x -a '1m 5m 10m 1h' -d 'time slice length'
complete -c slo -n $__slo_eval -l slice-target -x -d 'a slice is good at this ratio'
complete -c slo -n $__slo_eval -l status-col -x -d 'CSV column of statuses'
complete -c slo -n $__slo_eval -l status-field -x -d 'JSON lines: the status field'
complete -c slo -n $__slo_eval -l strict -d 'exit 3 at the first malformed row'
complete -c slo -n $__slo_eval -s t -l target -x -a '99 99.5 99.9 99.95 99.99' -d 'availability objective'
complete -c slo -n $__slo_eval -l time-col -x -d 'CSV column of times'
complete -c slo -n $__slo_eval -l time-field -x -d 'JSON lines: the time field'
complete -c slo -n $__slo_eval -l to -x -d 'the window end'
complete -c slo -n $__slo_eval -l top -x -d 'show the N groups that spent most budget'
complete -c slo -n $__slo_eval -l total-col -x -d 'CSV column of event counts'
complete -c slo -n $__slo_eval -l total-series -x -d 'Prometheus: the total count series L=V'
complete -c slo -n $__slo_eval -l tz -x -a '(__slo_zones)' -d 'the zone of times written without one'
complete -c slo -n $__slo_eval -l year -x -d 'the year of syslog stamps, or the month a file ends in'
complete -c slo -n $__slo_eval -l week -x -d 'an ISO week, e.g. 2026-W44'
complete -c slo -n $__slo_eval -l where -x -d 'FIELD=VALUE, FIELD!=VALUE, FIELD~RE, FIELD!~RE'
complete -c slo -n $__slo_eval -s w -l window -x -a '1h 6h 1d 7d 28d 30d 90d week month quarter year' -d 'rolling window'
# options of other branches: configuration files, output formats, exact
# percentiles, saved state, processes
complete -c slo -n $__slo_eval -s c -l config -r -F -d 'SLO definitions (slo or OpenSLO YAML)'
complete -c slo -n $__slo_eval -l format -x -a 'text json csv tsv prom markdown' -d 'output format'
complete -c slo -n $__slo_eval -s q -l quiet -d 'no output, exit status only'
complete -c slo -n $__slo_eval -l label -x -d 'a label on every prom sample (NAME=VALUE)'
complete -c slo -n $__slo_eval -l exact -d 'exact percentiles'
complete -c slo -n $__slo_eval -l save-state -r -F -d 'save the evaluation state'
complete -c slo -n $__slo_eval -l jobs -x -d 'processes that read a large file'

# slo alerts --replay
set -l __slo_alerts '__fish_seen_subcommand_from alerts'
complete -c slo -n $__slo_alerts -l replay -d 'walk the history minute by minute'
complete -c slo -n $__slo_alerts -l bad-minute -x -d 'a minute is bad at this burn rate'
complete -c slo -n $__slo_alerts -l gap -x -a '1m 5m 15m 1h' -d 'bad minutes closer than this are one incident'

