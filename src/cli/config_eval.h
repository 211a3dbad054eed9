/* slo eval --config: SLOs from YAML files, each evaluated as the command
 * line that says the same, into one report and one exit status. */
#ifndef SLO_CLI_CONFIG_EVAL_H
#define SLO_CLI_CONFIG_EVAL_H

#include <stdbool.h>
#include <stddef.h>

#include "report/formats.h"
#include "report/report.h"

/* The most --config files on one command line. */
#define EVAL_MAX_CONFIGS 64

/* Where a run's report goes instead of standard output: report is called
 * with it (its objectives still valid) and the run's exit status, and
 * returns the status to keep. */
struct eval_sink {
	int (*report)(struct eval_sink *s, struct report_eval *rep, int status);
	/* set by eval_run before it calls report: the run's --label pairs */
	const char *const *labels;
	size_t nlabels;
};

/* slo eval with argv[0] the subcommand; sink NULL prints as usual. */
int eval_run(int argc, char **argv, struct eval_sink *sink);

/* Evaluates every SLO of the config files, with opts (options for every
 * SLO) and files (which replace the SLOs' own when given); prints one
 * report and returns the exit status. */
int config_eval(char *const *configs, size_t nconfigs, char *const *opts, size_t nopts,
		char *const *files, size_t nfiles, enum report_format format, bool quiet);

#endif
