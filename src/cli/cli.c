/* Diagnostics and checked option values shared by the subcommands. */
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "report/progress.h"
#include "util/duration.h"
#include "util/num.h"
#include "util/timestamp.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;
	fflush(stdout); /* keep the order of interleaved output */
	progress_hide(); /* a message over a progress bar would be garbled */
	fputs("slo: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fputs("slo: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'slo%s%s --help' for more information.\n", cmd ? " " : "",
		cmd ? cmd : "");
	return EXIT_USAGE;
}

int cli_option_error(const char *cmd, int ch, char *const *argv)
{
	const char *arg = argv[optind - 1];
	int is_long = arg[0] == '-' && arg[1] == '-';

	if (ch == ':') {
		if (is_long)
			return cli_usage(cmd, "option %s needs a value", arg);
		return cli_usage(cmd, "option -%c needs a value", optopt);
	}
	if (is_long) {
		const char *eq = strchr(arg, '=');
		if (eq && optopt)
			return cli_usage(cmd, "option %.*s takes no value", (int)(eq - arg), arg);
		return cli_usage(cmd, "unknown option %s", arg);
	}
	return cli_usage(cmd, "unknown option -%c", optopt);
}

int cli_finish(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		/* the reader went away (| head): nothing to say to anyone */
		if (errno == EPIPE)
			return status;
		cli_error("write error: %s", strerror(errno ? errno : EIO));
		return EXIT_INPUT;
	}
	return status;
}

int cli_percent(const char *cmd, const char *opt, const char *s, int64_t *frac)
{
	enum num_err e = num_parse_percent(s, frac);
	if (e == NUM_OK) {
		if (*frac < FRAC_ONE / 100)
			cli_error("warning: %s %s means %s %%; for 0.999 as a fraction write 99.9",
				  opt, s, s);
		return 0;
	}
	if (e == NUM_RANGE)
		cli_usage(cmd, "%s \"%s\": a target must be strictly between 0 and 100", opt, s);
	else if (e == NUM_PRECISION)
		cli_usage(cmd, "%s \"%s\": at most 7 decimals", opt, s);
	else
		cli_usage(cmd, "%s \"%s\" is not a percentage such as 99.9 or 99.9%%", opt, s);
	return -1;
}

int cli_duration(const char *cmd, const char *opt, const char *s, int64_t *ns)
{
	enum num_err e = duration_parse(s, ns);
	if (e == NUM_OK)
		return 0;
	uint64_t bare;
	if (num_parse_u64(s, strlen(s), &bare) == NUM_OK && strcmp(opt, "--latency") == 0)
		cli_usage(cmd, "%s \"%s\" has no unit: write %sms or %ss", opt, s, s, s);
	else if (num_parse_u64(s, strlen(s), &bare) == NUM_OK)
		cli_usage(cmd, "%s \"%s\" has no unit: write %ss, %sm, %sh or %sd", opt, s, s, s, s, s);
	else if (e == NUM_RANGE)
		cli_usage(cmd, "%s \"%s\" is out of range", opt, s);
	else
		cli_usage(cmd, "%s \"%s\" is not a duration such as 30d, 1h30m, 250ms or month",
			  opt, s);
	return -1;
}

int cli_time(const char *cmd, const char *opt, const char *s, int64_t *ns)
{
	enum num_err e = ts_parse(s, strlen(s), ns);
	if (e != NUM_OK) {
		cli_usage(cmd, "%s \"%s\" is not a time such as 2026-10-01 or 2026-10-01T12:00:00Z",
			  opt, s);
		return -1;
	}
	if (*ns % NS_PER_MIN) {
		cli_usage(cmd, "%s \"%s\": window bounds are whole minutes", opt, s);
		return -1;
	}
	return 0;
}

int cli_period(const char *cmd, const char *opt, const char *s, int64_t *start, int64_t *end)
{
	const char *slash = strchr(s, '/');
	int64_t len;
	if (!slash || ts_parse(s, (size_t)(slash - s), start) != NUM_OK) {
		cli_usage(cmd, "%s \"%s\" is not START/END, e.g. 2026-10-01T02:00Z/2026-10-01T04:00Z "
			       "or 2026-10-01T02:00Z/2h", opt, s);
		return -1;
	}
	if (ts_parse(slash + 1, strlen(slash + 1), end) != NUM_OK) {
		if (duration_parse(slash + 1, &len) != NUM_OK || *start > INT64_MAX - len) {
			cli_usage(cmd, "%s \"%s\": \"%s\" is neither a time nor a duration", opt, s,
				  slash + 1);
			return -1;
		}
		*end = *start + len;
	}
	if (*end <= *start) {
		cli_usage(cmd, "%s \"%s\" %s", opt, s,
			  *end == *start ? "is empty: it ends where it starts" : "ends before it starts");
		return -1;
	}
	return 0;
}
