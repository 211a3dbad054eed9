/* How an objective's budget is burning at the end of its window: burn
 * rates over the alert windows, which alerts fire, and when the budget
 * ran out or will at the current rate.  Computed from an evaluator's
 * timeline (eval_enable_timeline). */
#ifndef SLO_EVAL_BURNDOWN_H
#define SLO_EVAL_BURNDOWN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eval/burn.h"
#include "eval/evaluator.h"
#include "util/calendar.h"

#define BURNDOWN_MAX_SPANS (2 * ALERT_MAX_RULES)

struct burndown {
	bool ok;                 /* the timeline could answer */
	size_t nspans;           /* spans, shortest first, each once */
	int64_t span[BURNDOWN_MAX_SPANS];
	double rate[BURNDOWN_MAX_SPANS];
	bool has_data[BURNDOWN_MAX_SPANS];
	size_t nalerts;
	struct alert_rule rule[ALERT_MAX_RULES];
	bool firing[ALERT_MAX_RULES];
	/* the budget: already spent at `exhausted_at`, or at this rate (the
	 * last hour's) spent at `exhaustion`; both INT64_MIN when neither */
	int64_t exhausted_at, exhaustion;
	double current_rate;     /* the last hour's burn rate */
};

/* For objective i of ev with `target`, over the window [start, end) of
 * window_ns: the burn over each alert rule's windows, the rules that fire
 * (both windows burning faster than the threshold), and exhaustion.
 * `remaining` is the budget left over the whole window. */
void burndown_compute(const struct evaluator *ev, size_t i, int64_t target, int64_t start,
		      int64_t end, int64_t window_ns, double remaining,
		      const struct alert_rule *rules, size_t nrules, struct burndown *out);

/* One period of --by: its events (or up + down ns) and bad ones (down
 * ns), the budget it spent and what was left at its end, as fractions of
 * the whole window's budget. */
struct period_row {
	int64_t start, end;
	uint64_t total, bad;
	double spent, remaining;
};

#define BURNDOWN_MAX_ROWS 10000

/* Objective i of ev cut into periods of kind k (CAL_DAY, CAL_WEEK, or
 * CAL_NONE for hours) over [start, end), in the zone of ts_set_zone.
 * allowed is the window's budget: (1 - T) x its events, or x its ns for
 * time.  Returns the number of rows (at most max). */
size_t burndown_periods(const struct evaluator *ev, size_t i, enum cal_kind k, int64_t start,
			int64_t end, double allowed, struct period_row *rows, size_t max);

#endif
