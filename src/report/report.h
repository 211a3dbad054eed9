/* Results to bytes: what `slo eval` and `slo calc` print, as text for a
 * person or JSON for a script.  Reports only format; every number is
 * computed before it gets here. */
#ifndef SLO_REPORT_REPORT_H
#define SLO_REPORT_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "eval/budget.h"
#include "eval/burndown.h"
#include "eval/replay.h"
#include "eval/slices.h"
#include "report/chart.h"
#include "eval/evaluator.h"
#include "eval/objective.h"

#define REPORT_MAX_INPUTS 64

/* One input as it was understood, for "how was this read" lines. */
struct report_input {
	const char *name;
	char format[32];         /* "csv", "combined", "json", ... */
	char delim;
	char columns[320];       /* "time=timeStamp status=success ..." */
	uint64_t rows, skipped;
	unsigned shares;         /* processes that read it (--jobs); 0 is 1 */
};

/* A time-based (uptime) objective over a window (SPEC). */
struct report_time {
	int64_t up, down, unknown; /* ns */
	int64_t window;            /* ns the budget is of */
	bool has_data;             /* up + down > 0 */
	double sli;                /* up / (up + down) */
	struct budget_time b;
};

/* One group of --group-by: its objectives' budgets. */
struct report_group {
	struct report_time time;
	const char *key;
	struct budget_events budget[EVAL_MAX_OBJECTIVES];
	bool failed[EVAL_MAX_OBJECTIVES];
	bool below[EVAL_MAX_OBJECTIVES];
	double worst;            /* the most budget any objective consumed */
};

/* The latency percentiles every report with a latency objective gives:
 * p50, p90, p95, p99, p99.9 (FRAC_ONE fractions, and their names). */
#define REPORT_PCTS 5
extern const int64_t report_pcts[REPORT_PCTS];
extern const char *const report_pct_names[REPORT_PCTS];

struct report_eval {
	const struct objective *obj;
	size_t nobj;
	struct budget_events budget[EVAL_MAX_OBJECTIVES];
	bool below[EVAL_MAX_OBJECTIVES]; /* under --fail-under */
	bool failed[EVAL_MAX_OBJECTIVES]; /* counts toward exit status 1 */
	bool has_fail_under;
	int64_t fail_under;       /* FRAC_ONE fraction of the budget */
	struct eval_result res;
	int64_t window_len;       /* --window, ns; 0 for the data's span */
	const char *window_kind;  /* "span", "rolling", "fixed" or "calendar" */
	char window_name[48];     /* "month 2026-10", for calendar windows */
	bool has_burn;            /* burn rates and alerts, per objective */
	struct burndown burn[EVAL_MAX_OBJECTIVES];
	size_t alerts_left_out;   /* rules whose long window passes the window */
	const char *by;           /* --by: "day", "hour", "week", or NULL */
	const char *budgeting;    /* "timeslices", "ratio-timeslices", or NULL */
	bool sliced_time;         /* the sliced objective is uptime */
	bool has_chart;
	struct chart chart[EVAL_MAX_OBJECTIVES];
	struct chart_style style;
	int64_t slice;            /* ns */
	int64_t slice_target[EVAL_MAX_OBJECTIVES];
	struct slices sl[EVAL_MAX_OBJECTIVES];
	struct period_row *rows[EVAL_MAX_OBJECTIVES]; /* the --by table */
	size_t nrows[EVAL_MAX_OBJECTIVES];
	bool has_pct;             /* percentiles of latency, of all records */
	bool pct_exact;           /* --exact, or the sketch's (0.1 %) */
	uint64_t pct_n;           /* latencies they are of */
	int64_t pct[REPORT_PCTS]; /* ns; -1 without a latency */
	int64_t pct_from;         /* the sketch's start, before the window's;
				     INT64_MIN when they cover the window */
	uint64_t read, skipped;   /* rows of data read, and skipped */
	uint64_t filtered;        /* records left out by --where */
	bool time_based;          /* --probes / --changes: obj[0] is uptime */
	bool changes;
	bool incidents;           /* --incidents: downtime intervals */
	struct report_time time;
	const char *group_by;     /* --group-by field, or NULL */
	struct report_group *groups; /* worst first */
	size_t ngroups, top;      /* all groups; how many to show (0: all) */
	bool groups_capped;       /* some records went to "(other)" */
	struct report_input inputs[REPORT_MAX_INPUTS];
	size_t ninputs, more_inputs; /* inputs beyond the array are counted */
};

void report_eval_text(FILE *out, const struct report_eval *r);

/* slo alerts --replay: rp[i] is objective i's replay; the rules are in
 * r->burn[i]. */
void report_replay_text(FILE *out, const struct report_eval *r, const struct replay *rp);
void report_replay_json(FILE *out, const struct report_eval *r, const struct replay *rp);
void report_eval_json(FILE *out, const struct report_eval *r);

/* `slo calc`: allowed downtime for a target over windows. */
struct calc_row {
	const char *label;  /* "day", "30d", or the user's window */
	int64_t window;     /* ns */
};

struct report_calc {
	int64_t target;
	const struct calc_row *rows;
	size_t nrows;
	bool has_events;
	uint64_t events;    /* --events N */
	bool has_downtime;
	int64_t downtime;   /* --downtime D, with one window */
};

void report_calc_text(FILE *out, const struct report_calc *c);
void report_calc_json(FILE *out, const struct report_calc *c);

#endif
