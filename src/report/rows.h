/* slo eval's results as rows, one per objective (per group and objective
 * with --group-by, worst group first, --top of them): the numbers the
 * JSON report prints, for the csv, tsv, prom and markdown reports. */
#ifndef SLO_REPORT_ROWS_H
#define SLO_REPORT_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "report/report.h"

struct report_row {
	const char *name;       /* "availability", "latency 300ms", "uptime" */
	const char *kind;       /* "events", "latency" or "time" */
	const char *group;      /* the --group-by value, or NULL */
	int64_t target;         /* FRAC_ONE fraction */
	int64_t threshold;      /* latency objectives: ns; 0 otherwise */
	bool counts;            /* total, good, bad and allowed_bad apply */
	uint64_t total, good, bad;
	i128 allowed_bad_scaled; /* b x total, times FRAC_ONE */
	bool time;              /* up, down, unknown and allowed_down apply */
	int64_t up, down, unknown, allowed_down; /* ns */
	bool has_data;          /* sli, consumed, remaining, burn_rate apply */
	double sli, consumed, remaining, burn_rate;
	bool met;               /* has data, and the budget is not overspent */
	bool below;             /* under --fail-under */
	bool failed;            /* counts toward exit status 1 */
	const struct burndown *burn; /* burn rates and alerts, or NULL */
};

/* How many rows r has. */
size_t rows_count(const struct report_eval *r);

/* Fills row k (< rows_count(r)). */
void rows_get(const struct report_eval *r, size_t k, struct report_row *row);

/* Whether every objective (of every group) is met: exit status 0. */
bool rows_all_ok(const struct report_eval *r);

#endif
