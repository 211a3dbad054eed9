/* slo eval --format prom: the Prometheus text exposition format (0.0.4),
 * as node_exporter's textfile collector reads it.  Every metric family is
 * written once, HELP and TYPE first and all its samples together; the
 * counts are gauges, not counters: they are of the window, which moves,
 * so they may go down from one run to the next.  A family without a
 * sample (no latency objective, no data) is left out. */
#include <string.h>

#include "report/formats.h"
#include "report/rows.h"
#include "util/duration.h"
#include "util/num.h"

/* A family being written: its header goes out with its first sample. */
struct family {
	FILE *out;
	const char *name, *help;
	bool started;
	size_t nlabels; /* labels of the sample being written */
	const char *const *extra; /* --label NAME=VALUE, on every sample */
	size_t nextra;
};

static void family(struct family *f, FILE *out, const char *name, const char *help)
{
	f->out = out;
	f->name = name;
	f->help = help;
	f->started = false;
}

/* A label of the sample: NAME="VALUE", after "{" or ",". */
static void label_n(struct family *f, const char *name, size_t len, const char *value)
{
	fprintf(f->out, "%c%.*s=\"", f->nlabels++ ? ',' : '{', (int)len, name);
	cells_prom_label(f->out, value);
	fputc('"', f->out);
}

static void label(struct family *f, const char *name, const char *value)
{
	label_n(f, name, strlen(name), value);
}

/* Starts a sample: "name{slo=...,group=...,--label ones" (for a NULL
 * row, a sample of the whole run, slo=run_slo when given); the caller's
 * labels follow with label(), then value(). */
static void sample_of(struct family *f, const struct report_row *row, const char *run_slo)
{
	if (!f->started) {
		fprintf(f->out, "# HELP %s %s\n# TYPE %s gauge\n", f->name, f->help, f->name);
		f->started = true;
	}
	fputs(f->name, f->out);
	f->nlabels = 0;
	if (row) {
		label(f, "slo", row->name);
		if (row->group)
			label(f, "group", row->group);
	} else if (run_slo) {
		label(f, "slo", run_slo);
	}
	for (size_t k = 0; k < f->nextra; k++) {
		const char *eq = strchr(f->extra[k], '=');
		label_n(f, f->extra[k], (size_t)(eq - f->extra[k]), eq + 1);
	}
}

static void sample(struct family *f, const struct report_row *row)
{
	sample_of(f, row, NULL);
}

static void run_sample(struct family *f, const char *run_slo)
{
	sample_of(f, NULL, run_slo);
}

static void value(struct family *f, const char *v)
{
	fprintf(f->out, "%s %s\n", f->nlabels ? "}" : "", v);
}

static void value_double(struct family *f, double v)
{
	char num[48];
	value(f, cells_double(v, num, sizeof num));
}

static void value_seconds(struct family *f, int64_t ns)
{
	char num[48];
	value(f, duration_format_seconds(ns, num, sizeof num));
}

static void value_u64(struct family *f, uint64_t v)
{
	char num[32];
	snprintf(num, sizeof num, "%llu", (unsigned long long)v);
	value(f, num);
}

/* A window label as PromQL writes durations: 5m, 1h, 1d, 1h30m. */
static char *compact_duration(int64_t ns, char *buf, size_t size)
{
	char human[48];
	size_t n = 0;
	duration_format_human(ns, human, sizeof human);
	for (const char *p = human; *p && n + 1 < size; p++)
		if (*p != ' ')
			buf[n++] = *p;
	buf[n] = '\0';
	return buf;
}

/* Which number of a row a per-objective family shows; false when the row
 * has none. */
enum what {
	W_TARGET,
	W_THRESHOLD,
	W_SLI,
	W_CONSUMED,
	W_REMAINING,
	W_MET,
	W_EVENTS,
	W_GOOD,
	W_BAD,
	W_ALLOWED_BAD,
	W_UP,
	W_DOWN,
	W_UNKNOWN,
	W_ALLOWED_DOWN,
	W_EXHAUSTION,
};

static void row_value(struct family *f, const struct report_row *row, enum what w)
{
	char num[64];
	const struct burndown *b = row->burn;
	switch (w) {
	case W_TARGET:
		sample(f, row);
		value(f, num_format_scaled(row->target, FRAC_DIGITS, num, sizeof num));
		break;
	case W_THRESHOLD:
		if (!row->threshold)
			return;
		sample(f, row);
		value_seconds(f, row->threshold);
		break;
	case W_SLI:
		if (!row->has_data)
			return;
		sample(f, row);
		value_double(f, row->sli);
		break;
	case W_CONSUMED:
	case W_REMAINING:
		/* a time budget is known without data: nothing of it is spent */
		if (!row->has_data && !row->time)
			return;
		sample(f, row);
		value_double(f, w == W_CONSUMED ? row->consumed : row->remaining);
		break;
	case W_MET:
		sample(f, row);
		value(f, row->met ? "1" : "0");
		break;
	case W_EVENTS:
	case W_GOOD:
	case W_BAD:
		if (!row->counts)
			return;
		sample(f, row);
		value_u64(f, w == W_EVENTS ? row->total : w == W_GOOD ? row->good : row->bad);
		break;
	case W_ALLOWED_BAD:
		if (!row->counts || !row->has_data)
			return;
		sample(f, row);
		value(f, num_format_scaled(row->allowed_bad_scaled, FRAC_DIGITS, num, sizeof num));
		break;
	case W_UP:
	case W_DOWN:
	case W_UNKNOWN:
	case W_ALLOWED_DOWN:
		if (!row->time)
			return;
		sample(f, row);
		value_seconds(f, w == W_UP ? row->up : w == W_DOWN ? row->down
					: w == W_UNKNOWN ? row->unknown : row->allowed_down);
		break;
	case W_EXHAUSTION:
		if (!b || (b->exhausted_at == INT64_MIN && b->exhaustion == INT64_MIN))
			return;
		sample(f, row);
		value_seconds(f, b->exhausted_at != INT64_MIN ? b->exhausted_at : b->exhaustion);
		break;
	}
}

static const struct {
	const char *name, *help;
	enum what w;
} per_row[] = {
	{"slo_target_ratio", "The objective's target, as a fraction (0.999 is 99.9 %).", W_TARGET},
	{"slo_latency_threshold_seconds",
	 "A latency objective's threshold: an event is good when it takes at most this.",
	 W_THRESHOLD},
	{"slo_sli_ratio",
	 "The service level indicator over the window: good events (or up time) over all.",
	 W_SLI},
	{"slo_error_budget_consumed_ratio",
	 "The share of the window's error budget spent; above 1 when overspent.", W_CONSUMED},
	{"slo_error_budget_remaining_ratio",
	 "The share of the window's error budget left (1 - consumed); negative when overspent.",
	 W_REMAINING},
	{"slo_objective_met",
	 "1 when the objective is met over the window (it has data and its budget is not "
	 "overspent), else 0.",
	 W_MET},
	{"slo_events", "Events in the window (slices with --budgeting).", W_EVENTS},
	{"slo_good_events", "Good events in the window.", W_GOOD},
	{"slo_bad_events", "Bad events in the window.", W_BAD},
	{"slo_allowed_bad_events", "Bad events the error budget allows: (1 - target) x events.",
	 W_ALLOWED_BAD},
	{"slo_up_seconds", "Time known up in the window.", W_UP},
	{"slo_down_seconds", "Time known down in the window.", W_DOWN},
	{"slo_unknown_seconds", "Time in the window that no sample covers.", W_UNKNOWN},
	{"slo_allowed_downtime_seconds",
	 "Downtime the error budget allows: (1 - target) x the window.", W_ALLOWED_DOWN},
	{"slo_error_budget_exhaustion_timestamp_seconds",
	 "When the error budget ran out, or will at the last hour's burn rate (Unix time).",
	 W_EXHAUSTION},
};


void report_eval_prom(FILE *out, const struct report_eval *r, const char *const *labels,
		      size_t nlabels, const char *run_slo)
{
	struct family f = {.extra = labels, .nextra = nlabels};
	struct report_row row;
	size_t n = rows_count(r);
	char win[48];

	for (size_t m = 0; m < sizeof per_row / sizeof per_row[0]; m++) {
		family(&f, out, per_row[m].name, per_row[m].help);
		for (size_t k = 0; k < n; k++) {
			rows_get(r, k, &row);
			row_value(&f, &row, per_row[m].w);
		}
	}
	family(&f, out, "slo_burn_rate",
	       "The error rate over a span ending with the window, over the budget fraction "
	       "(1 spends the budget exactly over the window).");
	for (size_t k = 0; k < n; k++) {
		rows_get(r, k, &row);
		for (size_t s = 0; row.burn && s < row.burn->nspans; s++) {
			if (!row.burn->has_data[s])
				continue;
			sample(&f, &row);
			label(&f, "window", compact_duration(row.burn->span[s], win, sizeof win));
			value_double(&f, row.burn->rate[s]);
		}
	}
	family(&f, out, "slo_alert_firing",
	       "1 when a multiwindow burn-rate alert fires at the end of the window (both its "
	       "windows burn faster than its threshold), else 0.");
	for (size_t k = 0; k < n; k++) {
		rows_get(r, k, &row);
		for (size_t a = 0; row.burn && a < row.burn->nalerts; a++) {
			sample(&f, &row);
			label(&f, "alert", row.burn->rule[a].name);
			label(&f, "severity", row.burn->rule[a].severity);
			value(&f, row.burn->firing[a] ? "1" : "0");
		}
	}
	if (r->res.has_span) {
		family(&f, out, "slo_window_seconds", "The length of the window evaluated.");
		run_sample(&f, run_slo);
		value_seconds(&f, r->res.end - r->res.start);
		family(&f, out, "slo_window_start_timestamp_seconds",
		       "The start of the window evaluated (Unix time).");
		run_sample(&f, run_slo);
		value_seconds(&f, r->res.start);
		family(&f, out, "slo_window_end_timestamp_seconds",
		       "The end of the window evaluated (Unix time).");
		run_sample(&f, run_slo);
		value_seconds(&f, r->res.end);
	}
	family(&f, out, "slo_records_read", "Records read from the inputs.");
	run_sample(&f, run_slo);
	value_u64(&f, r->read);
	family(&f, out, "slo_records_skipped", "Malformed records skipped.");
	run_sample(&f, run_slo);
	value_u64(&f, r->skipped);
	family(&f, out, "slo_records_outside_window", "Records outside the window, not counted.");
	run_sample(&f, run_slo);
	value_u64(&f, r->res.outside_window);
}

int report_prom_label(const char *s, char *why, size_t size)
{
	static const char *const own[] = {"slo", "group", "window", "alert", "severity"};
	const char *eq = strchr(s, '=');
	size_t len = eq ? (size_t)(eq - s) : strlen(s);

	if (!eq) {
		snprintf(why, size, "\"%s\" is not NAME=VALUE, e.g. service=api", s);
		return -1;
	}
	bool ok = len > 0 && !(s[0] >= '0' && s[0] <= '9');
	for (size_t i = 0; i < len && ok; i++)
		ok = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		     (s[i] >= '0' && s[i] <= '9') || s[i] == '_';
	if (!ok) {
		snprintf(why, size, "\"%.*s\" is not a label name (letters, digits and _, "
				    "not a digit first)", (int)len, s);
		return -1;
	}
	if (len >= 2 && s[0] == '_' && s[1] == '_') {
		snprintf(why, size, "\"%.*s\": names starting with __ are Prometheus' own", (int)len,
			 s);
		return -1;
	}
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		if (strlen(own[i]) == len && strncmp(s, own[i], len) == 0) {
			snprintf(why, size, "\"%s\" is a label slo sets itself", own[i]);
			return -1;
		}
	return 0;
}
