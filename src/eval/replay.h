/* Alert backtesting (slo alerts --replay): walk an objective's history
 * minute by minute, as an alerting system evaluating its rules every
 * minute would, and say when each rule would have fired, and how long
 * each incident went before an alert. */
#ifndef SLO_EVAL_REPLAY_H
#define SLO_EVAL_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eval/burn.h"
#include "eval/evaluator.h"

#define REPLAY_MAX_EVENTS 4096

struct replay_firing {
	size_t rule;            /* index in the rules */
	int64_t start, end;     /* it fired from start until end */
	double peak;            /* the highest long-window burn rate meanwhile */
};

struct replay_incident {
	int64_t start, end;     /* a stretch of bad minutes */
	int64_t first_alert;    /* INT64_MIN when no rule fired for it */
	size_t rule;            /* the rule that fired first */
	double budget_spent;    /* of the window's budget, by first_alert (or
				   by the incident's end when none fired) */
};

struct replay {
	struct replay_firing firing[REPLAY_MAX_EVENTS];
	size_t nfirings;
	struct replay_incident incident[REPLAY_MAX_EVENTS];
	size_t nincidents;
	bool truncated;         /* more than REPLAY_MAX_EVENTS of either */
	double bad_minute_rate; /* a minute burning at this rate is bad */
	size_t smooth_minutes;  /* over the minutes that end with it */
};

/* Replays objective i of ev (target `target`) over [start, end) with the
 * rules; a rule is judged only once the history covers its long window.
 * A bad minute is one where the burn rate over the shortest rule window
 * ending with it is bad_rate or more; bad minutes closer than `gap` ns
 * make one incident.  The budget is that of the whole window:
 * (1 - target) x its events, or x window_ns for time.  Returns 0, or -1
 * when out of memory or the evaluator has no timeline. */
int replay_run(const struct evaluator *ev, size_t i, int64_t target, int64_t start,
	       int64_t end, int64_t window_ns, const struct alert_rule *rules, size_t nrules,
	       double bad_rate, int64_t gap, struct replay *out);

#endif
