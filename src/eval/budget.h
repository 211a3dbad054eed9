/* Error-budget math (SPEC): pure functions of integers, no I/O.
 * Fractions are FRAC_ONE fixed point (util/num.h); durations and times
 * are nanoseconds.  Doubles appear only in results meant for display. */
#ifndef SLO_EVAL_BUDGET_H
#define SLO_EVAL_BUDGET_H

#include <stdbool.h>
#include <stdint.h>

#include "util/num.h"

/* The budget fraction b = 1 - T of a target T, as a FRAC_ONE fraction. */
int64_t budget_fraction(int64_t target);

/* Allowed downtime b x W, in ns, rounded to the nearest ns. */
int64_t budget_allowed_downtime(int64_t target, int64_t window_ns);

/* The outcome of an event (occurrence) objective over a window. */
struct budget_events {
	uint64_t total, good, bad;
	bool has_data;     /* total > 0; nothing below is meaningful without */
	i128 allowed_bad_scaled; /* b x total, times FRAC_ONE: exact */
	double sli;        /* good / total */
	double allowed_bad;
	double consumed;   /* bad / (b x total); > 1 when overspent */
	double remaining;  /* 1 - consumed, never clamped */
	double burn_rate;  /* (bad / total) / b */
	bool met;          /* bad <= b x total, compared exactly */
	bool low_traffic;  /* b x total < 1: one bad event overspends */
};

/* Computes the event budget of bad out of total events (bad <= total). */
struct budget_events budget_events(int64_t target, uint64_t total, uint64_t bad);

/* True when less than min_remaining (a FRAC_ONE fraction) of the budget is
 * left, compared exactly; an objective without data is always below. */
bool budget_events_below(int64_t target, uint64_t total, uint64_t bad,
			 int64_t min_remaining);

/* The outcome of spending `down` ns of downtime in a window of window_ns. */
struct budget_time {
	int64_t allowed;   /* b x W, ns */
	double availability; /* 1 - down / W */
	double consumed;   /* down / (b x W) */
	double remaining;  /* 1 - consumed */
	bool met;          /* down <= b x W, exactly */
};

struct budget_time budget_time(int64_t target, int64_t window_ns, int64_t down_ns);

/* Burn-rate alerting (SPEC): the share of a window's budget that burning
 * at `rate` for `span` spends, rate x span / window. */
double budget_spent_at_rate(double rate, int64_t span_ns, int64_t window_ns);

/* The burn rate at which `span` spends `spent` (a fraction) of a window's
 * budget: spent x window / span.  The SRE workbook's 14.4 is 2 % of a 30d
 * budget in 1h. */
double budget_rate_for_spend(double spent, int64_t span_ns, int64_t window_ns);

#endif
