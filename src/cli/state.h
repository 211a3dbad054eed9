/* Saved state: `slo eval --save-state FILE` writes what its records left
 * (counts, the window's buckets, the per-minute timeline, groups, how the
 * inputs were read), and `slo merge FILE...` adds such files up and
 * reports as one run over all their inputs would.  The layout is in
 * slo(1), SAVED STATE. */
#ifndef SLO_CLI_STATE_H
#define SLO_CLI_STATE_H

#include <stddef.h>

#include "eval/evaluator.h"
#include "eval/groups.h"
#include "report/report.h"

/* The version a state file carries; a reader refuses others. */
#define STATE_VERSION 1

/* Writes the state to path (through a temporary file renamed over it, so
 * that a reader never sees half a state).  opts[0..nopts) are the options
 * the run was given: a merge takes them for its own.  Returns 0, or
 * EXIT_INPUT after saying why. */
int state_save(const char *path, char *const *opts, size_t nopts, const struct report_eval *rep,
	       const struct evaluator *ev, const struct groups *groups);

/* The options a state file was saved with: a NULL-terminated array of
 * strings in one allocation (free() it).  NULL after saying why. */
char **state_options(const char *path, size_t *nopts);

/* Adds a state file's counts to rep, ev and groups (made with the options
 * state_options returned).  Returns 0, or EXIT_INPUT after saying why. */
int state_merge(const char *path, struct report_eval *rep, struct evaluator *ev,
		struct groups *groups);

#endif
