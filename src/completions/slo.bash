# bash completion for slo(1).  Installed by `make install` as
# $(PREFIX)/share/bash-completion/completions/slo; to try it without
# installing: `. src/completions/slo.bash`.  It needs nothing from the
# bash-completion package.  tests/options/run checks that it offers every
# option `slo COMMAND --help` prints, and the values the binary accepts.

# The options of each command; the eval family (eval, detect, alerts)
# shares one option table in src/cli/eval.c.
_slo_calc_opts='-d --downtime -e --events --format -h --help -j --json -q --quiet'
_slo_eval_opts='--alert --allow-no-data --ascii --bad-col --bad-series
	--bad-status --budgeting --by --calendar --changes --delimiter --end-col
	--exclude --exclude-file --explain --fail-under --from --good-col
	--good-series --group-by -h --help --incidents --input --interval
	-j --json -l --latency --latency-col --latency-field --latency-unit
	--log-format --month --no-header --now --probes --quarter --slice
	--slice-target --status-col --status-field --strict -t --target
	--time-col --time-field --to --top --total-col --total-series --tz
	--week --where -w --window --year
	-c --config --format -q --quiet --exact --save-state --jobs --label'
# slo eval and slo detect refuse these: they are for slo alerts --replay
_slo_replay_opts='--replay --bad-minute --gap'
# Options that take a value (the next word, or after "=").
_slo_arg_opts='-d --downtime -e --events --alert --bad-col --bad-minute
	--bad-series --bad-status --budgeting --by --calendar -c --config
	--delimiter --end-col --exclude --exclude-file --fail-under --format
	--from --gap --good-col --good-series --group-by --input --interval --label
	-l --latency --latency-col --latency-field --latency-unit --log-format
	--month --now --quarter --save-state --slice --slice-target --status-col
	--status-field -t --target --jobs --time-col --time-field --to --top
	--total-col --total-series --tz --week --where -w --window --year'

# The zones of the time zone database, for --tz.
_slo_zones()
{
	local dir=/usr/share/zoneinfo
	[[ -d $dir ]] || return
	(cd "$dir" && find . -type f -name '[A-Z]*' ! -name '*.tab' 2>/dev/null |
		sed 's|^\./||' | grep -v '^\(posix\|right\)/')
}

# Sets COMPREPLY to the values of option $1 that start with $2.
_slo_values()
{
	local opt=$1 cur=$2 words=
	case $opt in
	--input) words='auto csv json w3c haproxy rails nginx-plus prometheus
		common combined combined+xff nginx-timed nginx-upstream
		nginx-upstream2 ingress-nginx s3 s3-2019 s3-2022' ;;
	--calendar) words='week month quarter year' ;;
	--budgeting) words='occurrences timeslices ratio-timeslices' ;;
	--by) words='day hour week' ;;
	--latency-unit) words='s ms us ns' ;;
	--delimiter)
		# quoted as a file name would be: \; for ;
		compopt -o filenames 2>/dev/null
		words=', ; tab' ;;
	--format) words='text json csv tsv prom markdown' ;;
	-w | --window) words='1h 6h 1d 7d 28d 30d 90d week month quarter year' ;;
	--slice) words='1m 5m 10m 1h' ;;
	--gap) words='1m 5m 15m 1h' ;;
	--tz)
		mapfile -t COMPREPLY < <(compgen -W "$(_slo_zones)" -- "$cur")
		return ;;
	--exclude-file | -c | --config | --save-state)
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		return ;;
	esac
	mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
}

_slo()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= opts= eq=
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	COMPREPLY=()

	# "--input=c": bash splits at "=" when COMP_WORDBREAKS holds it
	# (the default); otherwise the whole word arrives, and the values
	# offered must keep their "--input=" in front.
	if [[ $cur == = && $prev == -* ]]; then
		cur=
	elif [[ $prev == = && COMP_CWORD -gt 1 ]]; then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		eq=$prev=
		cur=${cur#*=}
	else
		prev=${prev:-}
	fi

	if ((COMP_CWORD == 1)); then
		if [[ $cur == -* ]]; then
			mapfile -t COMPREPLY < <(compgen -W '-h --help -V --version' -- "$cur")
		else
			mapfile -t COMPREPLY < <(compgen -W 'calc eval detect alerts merge help' -- "$cur")
		fi
		return 0
	fi
	cmd=${COMP_WORDS[1]}

	case $cmd in
	calc) opts=$_slo_calc_opts ;;
	eval | detect | merge) opts=$_slo_eval_opts ;;
	alerts) opts="$_slo_eval_opts $_slo_replay_opts" ;;
	*) return 0 ;;
	esac

	# the value of an option
	local o
	for o in $_slo_arg_opts; do
		if [[ $prev == "$o" ]]; then
			# a value after the option word is the next word's business
			# only when this word is that value
			if [[ $cur != -* || -n $eq ]]; then
				_slo_values "$prev" "$cur"
				if [[ -n $eq ]]; then
					local i
					for i in "${!COMPREPLY[@]}"; do
						COMPREPLY[i]=$eq${COMPREPLY[i]}
					done
				fi
				return 0
			fi
		fi
	done

	if [[ $cur == -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
		return 0
	fi
	case $cmd in
	calc)
		# TARGET, then WINDOW: count the operands before this word
		local i n=0 skip=0
		for ((i = 2; i < COMP_CWORD; i++)); do
			if ((skip)); then
				skip=0
				continue
			fi
			case ${COMP_WORDS[i]} in
			-d | --downtime | -e | --events) skip=1 ;;
			-*) ;;
			*) n=$((n + 1)) ;;
			esac
		done
		if ((n == 0)); then
			mapfile -t COMPREPLY < <(compgen -W '99 99.5 99.9 99.95 99.99' -- "$cur")
		elif ((n == 1)); then
			mapfile -t COMPREPLY < <(compgen -W 'day week 28d 30d month quarter year' -- "$cur")
		fi
		;;
	alerts)
		# slo alerts does nothing without --replay: offer it first
		if [[ -z $cur && " ${COMP_WORDS[*]} " != *" --replay "* ]]; then
			COMPREPLY=(--replay)
			return 0
		fi
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		;;
	*)
		compopt -o filenames 2>/dev/null
		mapfile -t COMPREPLY < <(compgen -f -- "$cur")
		;;
	esac
	return 0
}

complete -F _slo slo
