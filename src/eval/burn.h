/* Burn rates and multiwindow, multi-burn-rate alerts (SPEC): pure math on
 * counts, no I/O.  A burn rate is the error rate over a span divided by
 * the budget fraction: 1 spends exactly the whole budget over the
 * objective's window. */
#ifndef SLO_EVAL_BURN_H
#define SLO_EVAL_BURN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* (bad / total) / (1 - target); 0 when total is 0. */
double burn_rate(int64_t target, uint64_t total, uint64_t bad);

#define ALERT_MAX_RULES 16

struct alert_rule {
	char name[32];     /* "page-1h", or the user's */
	char severity[16]; /* "page", "ticket", or the user's */
	int64_t long_ns, short_ns;
	double threshold;  /* a burn rate */
};

/* The SRE workbook's policy for a window of window_ns: page at 2 % of
 * the budget in 1h (5m short window) and 5 % in 6h (30m), ticket at 10 %
 * in 1d (2h) and 10 % in 3d (6h); each threshold spent x window / long,
 * so 14.4, 6, 3 and 1 for 30 days.  Writes 4 rules; returns 4. */
size_t alert_policy_sre(int64_t window_ns, struct alert_rule *rules);

/* Parses "LONG/SHORT:RATE[:SEVERITY]" ("1h/5m:14.4:page").  Returns 0, or
 * -1 with why. */
int alert_parse(const char *spec, struct alert_rule *r, char *why, size_t whylen);

/* When, at `burn` (a burn rate), `remaining` (a fraction of the budget)
 * is spent: remaining x window / burn, in ns; -1 when it never is (no
 * burn) or nothing remains. */
int64_t burn_exhaustion_ns(double remaining, double burn, int64_t window_ns);

#endif
