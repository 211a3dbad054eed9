/* The command-line edge: exit statuses, diagnostics and the subcommands.
 * Only this layer prints to stderr or decides an exit status. */
#ifndef SLO_CLI_CLI_H
#define SLO_CLI_CLI_H

#include <stdint.h>

/* Exit statuses (SPEC): never another meaning for these four. */
enum {
	EXIT_MET = 0,      /* every objective met */
	EXIT_VIOLATED = 1, /* an objective violated, or --fail-under crossed */
	EXIT_USAGE = 2,    /* a usage error */
	EXIT_INPUT = 3,    /* unreadable or unusable input (or output) */
};

#ifndef SLO_VERSION
#define SLO_VERSION "unknown"
#endif

/* "slo: <message>" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A usage error: the message and a one-line hint to `slo CMD --help`;
 * returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A getopt_long error (its optstring starts with ':' and opterr is 0):
 * names the option and what is wrong with it; returns EXIT_USAGE. */
int cli_option_error(const char *cmd, int ch, char *const *argv);

/* Flushes standard output and reports a write error (a full disk);
 * returns status, or EXIT_INPUT when the output was lost. */
int cli_finish(int status);

/* Option values, each checked whole; on a bad value they print a usage
 * error naming the option and return -1. */
int cli_percent(const char *cmd, const char *opt, const char *s, int64_t *frac);
int cli_duration(const char *cmd, const char *opt, const char *s, int64_t *ns);
/* A window bound: RFC 3339 or a date, whole minutes (in --tz without a
 * zone). */
int cli_time(const char *cmd, const char *opt, const char *s, int64_t *ns);
/* A period "START/END" or "START/DURATION" (ISO 8601 intervals). */
int cli_period(const char *cmd, const char *opt, const char *s, int64_t *start, int64_t *end);

int cmd_calc(int argc, char **argv);
int cmd_eval(int argc, char **argv);

#endif
