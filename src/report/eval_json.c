/* The JSON report of `slo eval`; its layout is documented field by field
 * in slo(1) and only grows. */
#include <string.h>

#include "report/json_writer.h"
#include "report/report.h"
#include "util/duration.h"
#include "util/num.h"
#include "util/timestamp.h"

static void frac_number(struct jw *w, int64_t f)
{
	char num[48];
	jw_raw_number(w, num_format_scaled(f, FRAC_DIGITS, num, sizeof num));
}

static void seconds_number(struct jw *w, int64_t ns)
{
	char num[48];
	jw_raw_number(w, duration_format_seconds(ns, num, sizeof num));
}

/* --by: "periods", a row per period */
static void periods_field(struct jw *w, const struct report_eval *r, size_t i)
{
	char ts[48];
	if (!r->by || !r->rows[i])
		return;
	jw_key(w, "periods");
	jw_array(w);
	for (size_t k = 0; k < r->nrows[i]; k++) {
		const struct period_row *p = &r->rows[i][k];
		jw_object(w);
		jw_key(w, "start");
		jw_string(w, ts_format_rfc3339(p->start, ts, sizeof ts));
		jw_key(w, "end");
		jw_string(w, ts_format_rfc3339(p->end, ts, sizeof ts));
		if (r->time_based) {
			jw_key(w, "up_seconds");
			seconds_number(w, (int64_t)(p->total - p->bad));
			jw_key(w, "down_seconds");
			seconds_number(w, (int64_t)p->bad);
		} else {
			jw_key(w, "total");
			jw_uint(w, p->total);
			jw_key(w, "bad");
			jw_uint(w, p->bad);
		}
		jw_key(w, "sli");
		if (p->total)
			jw_double(w, (double)(p->total - p->bad) / (double)p->total);
		else
			jw_null(w);
		jw_key(w, "budget_spent");
		jw_double(w, p->spent);
		jw_key(w, "budget_remaining");
		jw_double(w, p->remaining);
		jw_end_object(w);
	}
	jw_end_array(w);
}

/* burn_rates, alerts, exhaustion: the objective's burn at the end */
static void burn_fields(struct jw *w, const struct report_eval *r, size_t i, double consumed,
			int64_t window)
{
	const struct burndown *b = &r->burn[i];
	char ts[48];

	if (!r->has_burn)
		return;
	jw_key(w, "budget_per_day");
	jw_double(w, window > 0 ? consumed * (double)NS_PER_DAY / (double)window : 0);
	jw_key(w, "burn_rates");
	jw_array(w);
	for (size_t k = 0; k < b->nspans; k++) {
		jw_object(w);
		jw_key(w, "window");
		seconds_number(w, b->span[k]);
		jw_key(w, "rate");
		if (b->has_data[k])
			jw_double(w, b->rate[k]);
		else
			jw_null(w);
		jw_end_object(w);
	}
	jw_end_array(w);
	jw_key(w, "alerts");
	jw_array(w);
	for (size_t k = 0; k < b->nalerts; k++) {
		jw_object(w);
		jw_key(w, "name");
		jw_string(w, b->rule[k].name);
		jw_key(w, "severity");
		jw_string(w, b->rule[k].severity);
		jw_key(w, "long");
		seconds_number(w, b->rule[k].long_ns);
		jw_key(w, "short");
		seconds_number(w, b->rule[k].short_ns);
		jw_key(w, "threshold");
		jw_double(w, b->rule[k].threshold);
		jw_key(w, "firing");
		jw_bool(w, b->firing[k]);
		jw_end_object(w);
	}
	jw_end_array(w);
	jw_key(w, "exhausted");
	jw_bool(w, b->exhausted_at != INT64_MIN);
	jw_key(w, "exhaustion");
	if (b->exhausted_at != INT64_MIN)
		jw_string(w, ts_format_rfc3339(b->exhausted_at, ts, sizeof ts));
	else if (b->exhaustion != INT64_MIN)
		jw_string(w, ts_format_rfc3339(b->exhaustion, ts, sizeof ts));
	else
		jw_null(w);
	jw_key(w, "current_burn_rate");
	jw_double(w, b->current_rate);
}

static void time_objective(struct jw *w, const struct report_eval *r,
			   const struct report_group *gr)
{
	const struct objective *o = &r->obj[0];
	const struct report_time *tm = gr ? &gr->time : &r->time;
	const bool below = gr ? gr->below[0] : r->below[0];

	jw_object(w);
	jw_key(w, "name");
	jw_string(w, o->name);
	if (gr) {
		jw_key(w, "group");
		jw_string(w, gr->key);
	}
	jw_key(w, "kind");
	jw_string(w, "time");
	jw_key(w, "target");
	frac_number(w, o->target);
	jw_key(w, "up_seconds");
	seconds_number(w, tm->up);
	jw_key(w, "down_seconds");
	seconds_number(w, tm->down);
	jw_key(w, "unknown_seconds");
	seconds_number(w, tm->unknown);
	jw_key(w, "no_data");
	jw_bool(w, !tm->has_data);
	jw_key(w, "sli");
	if (tm->has_data)
		jw_double(w, tm->sli);
	else
		jw_null(w);
	jw_key(w, "allowed_downtime_seconds");
	seconds_number(w, tm->b.allowed);
	jw_key(w, "budget_consumed");
	jw_double(w, tm->b.consumed);
	jw_key(w, "budget_remaining");
	jw_double(w, tm->b.remaining);
	jw_key(w, "burn_rate");
	jw_double(w, tm->b.consumed);
	jw_key(w, "interval_seconds");
	if (r->changes || r->incidents)
		jw_null(w);
	else
		seconds_number(w, r->res.interval);
	if (!gr) {
		burn_fields(w, r, 0, tm->b.consumed, tm->window);
		periods_field(w, r, 0);
	}
	jw_key(w, "met");
	jw_bool(w, tm->has_data && tm->b.met);
	jw_key(w, "below_fail_under");
	jw_bool(w, below);
	jw_end_object(w);
}

static void objective(struct jw *w, const struct report_eval *r, size_t i,
		      const struct report_group *gr)
{
	if (r->time_based) {
		time_objective(w, r, gr);
		return;
	}
	const struct objective *o = &r->obj[i];
	const struct budget_events *b = gr ? &gr->budget[i] : &r->budget[i];
	const bool below = gr ? gr->below[i] : r->below[i];
	char num[64];

	jw_object(w);
	jw_key(w, "name");
	jw_string(w, o->name);
	if (gr) {
		jw_key(w, "group");
		jw_string(w, gr->key);
	}
	jw_key(w, "kind");
	jw_string(w, o->kind == OBJ_LATENCY ? "latency" : r->sliced_time ? "time" : "events");
	jw_key(w, "target");
	frac_number(w, o->target);
	if (o->kind == OBJ_LATENCY) {
		jw_key(w, "threshold_seconds");
		seconds_number(w, o->threshold);
	}
	jw_key(w, "total");
	jw_uint(w, b->total);
	jw_key(w, "good");
	jw_uint(w, b->good);
	jw_key(w, "bad");
	jw_uint(w, b->bad);
	jw_key(w, "no_data");
	jw_bool(w, !b->has_data);
	if (b->has_data) {
		jw_key(w, "sli");
		jw_double(w, b->sli);
		jw_key(w, "allowed_bad");
		jw_raw_number(w, num_format_scaled(b->allowed_bad_scaled, FRAC_DIGITS, num, sizeof num));
		jw_key(w, "budget_consumed");
		jw_double(w, b->consumed);
		jw_key(w, "budget_remaining");
		jw_double(w, b->remaining);
		jw_key(w, "burn_rate");
		jw_double(w, b->burn_rate);
	} else {
		static const char *const none[] = {"sli", "allowed_bad", "budget_consumed",
						   "budget_remaining", "burn_rate"};
		for (size_t k = 0; k < sizeof none / sizeof none[0]; k++) {
			jw_key(w, none[k]);
			jw_null(w);
		}
	}
	jw_key(w, "low_traffic");
	jw_bool(w, b->has_data && b->low_traffic);
	if (o->kind == OBJ_LATENCY && r->has_pct && !gr) {
		/* of every latency in the window, whatever its threshold */
		jw_key(w, "percentiles");
		jw_object(w);
		for (size_t k = 0; k < REPORT_PCTS; k++) {
			jw_key(w, report_pct_names[k]);
			if (r->pct[k] < 0)
				jw_null(w);
			else
				seconds_number(w, r->pct[k]);
		}
		jw_end_object(w);
		jw_key(w, "percentiles_exact");
		jw_bool(w, r->pct_exact);
		jw_key(w, "percentiles_count");
		jw_uint(w, r->pct_n);
		jw_key(w, "percentiles_from");
		if (r->pct_from == INT64_MIN) {
			jw_null(w);
		} else {
			char t[48];
			jw_string(w, ts_format_rfc3339(r->pct_from, t, sizeof t));
		}
	}
	if (r->budgeting && !gr) {
		const struct slices *sl = &r->sl[i];
		jw_key(w, "budgeting");
		jw_string(w, r->budgeting);
		jw_key(w, "slice_seconds");
		seconds_number(w, r->slice);
		jw_key(w, "slice_target");
		frac_number(w, r->slice_target[i]);
		jw_key(w, "slices");
		jw_uint(w, sl->slices);
		jw_key(w, "good_slices");
		jw_uint(w, sl->good);
		jw_key(w, "bad_slices");
		jw_uint(w, sl->bad);
		jw_key(w, "no_data_slices");
		jw_uint(w, sl->no_data);
	}
	if (!gr) {
		burn_fields(w, r, i, b->consumed, r->res.end - r->res.start);
		periods_field(w, r, i);
	}
	jw_key(w, "met");
	jw_bool(w, b->has_data && b->met);
	jw_key(w, "below_fail_under");
	jw_bool(w, below);
	jw_end_object(w);
}

void report_eval_json(FILE *out, const struct report_eval *r)
{
	struct jw w;
	char ts[48];
	bool ok = true;

	for (size_t i = 0; i < r->nobj; i++)
		ok = ok && !r->failed[i];
	for (size_t g = 0; g < r->ngroups; g++)
		for (size_t i = 0; i < r->nobj; i++)
			ok = ok && !r->groups[g].failed[i];
	jw_init(&w, out);
	jw_object(&w);
	jw_key(&w, "version");
	jw_int(&w, 1);
	jw_key(&w, "ok");
	jw_bool(&w, ok);
	jw_key(&w, "objectives");
	jw_array(&w);
	/* with --group-by, an objective per group, worst first, --top of them */
	if (r->group_by) {
		size_t shown = r->top && r->top < r->ngroups ? r->top : r->ngroups;
		for (size_t g = 0; g < shown; g++)
			for (size_t i = 0; i < r->nobj; i++)
				objective(&w, r, i, &r->groups[g]);
	} else {
		for (size_t i = 0; i < r->nobj; i++)
			objective(&w, r, i, NULL);
	}
	jw_end_array(&w);
	if (r->group_by) {
		jw_key(&w, "group_by");
		jw_string(&w, r->group_by);
		jw_key(&w, "groups");
		jw_uint(&w, r->ngroups);
		jw_key(&w, "groups_capped");
		jw_bool(&w, r->groups_capped);
	}

	jw_key(&w, "window");
	jw_object(&w);
	jw_key(&w, "kind");
	jw_string(&w, r->window_kind);
	if (r->res.has_span) {
		jw_key(&w, "start");
		jw_string(&w, ts_format_rfc3339(r->res.start, ts, sizeof ts));
		jw_key(&w, "end");
		jw_string(&w, ts_format_rfc3339(r->res.end, ts, sizeof ts));
		jw_key(&w, "seconds");
		seconds_number(&w, r->res.end - r->res.start);
		jw_key(&w, "excluded_seconds");
		seconds_number(&w, r->res.excluded_ns);
	} else {
		jw_key(&w, "start");
		jw_null(&w);
		jw_key(&w, "end");
		jw_null(&w);
		jw_key(&w, "seconds");
		jw_null(&w);
	}
	jw_end_object(&w);

	jw_key(&w, "records");
	jw_object(&w);
	jw_key(&w, "read");
	jw_uint(&w, r->read);
	jw_key(&w, "used");
	jw_uint(&w, r->res.used);
	jw_key(&w, "skipped");
	jw_uint(&w, r->skipped);
	jw_key(&w, "outside_window");
	jw_uint(&w, r->res.outside_window);
	jw_key(&w, "filtered");
	jw_uint(&w, r->filtered);
	jw_key(&w, "excluded");
	jw_uint(&w, r->res.excluded);
	/* the inputs' format, or "mixed" when they differ */
	const char *format = r->ninputs ? r->inputs[0].format : "csv";
	for (size_t i = 1; i < r->ninputs; i++)
		if (strcmp(r->inputs[i].format, format) != 0)
			format = "mixed";
	jw_key(&w, "format");
	jw_string(&w, format);
	jw_end_object(&w);

	jw_key(&w, "inputs");
	jw_array(&w);
	for (size_t i = 0; i < r->ninputs; i++) {
		const struct report_input *in = &r->inputs[i];
		char d[2] = {in->delim, '\0'};
		jw_object(&w);
		jw_key(&w, "file");
		jw_string(&w, in->name);
		jw_key(&w, "format");
		jw_string(&w, in->format);
		jw_key(&w, "delimiter");
		jw_string(&w, d);
		jw_key(&w, "columns");
		jw_string(&w, in->columns);
		jw_key(&w, "rows");
		jw_uint(&w, in->rows);
		jw_key(&w, "skipped");
		jw_uint(&w, in->skipped);
		jw_key(&w, "shares");
		jw_uint(&w, in->shares ? in->shares : 1);
		jw_end_object(&w);
	}
	jw_end_array(&w);
	jw_key(&w, "inputs_not_listed");
	jw_uint(&w, r->more_inputs);
	jw_end_object(&w);
}
