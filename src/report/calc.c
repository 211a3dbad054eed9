/* The reports of `slo calc`: allowed downtime per period, allowed bad
 * events, and what a given downtime spends. */
#include "eval/budget.h"
#include "report/json_writer.h"
#include "report/percent.h"
#include "report/report.h"
#include "util/duration.h"
#include "util/num.h"

void report_calc_text(FILE *out, const struct report_calc *c)
{
	char t[32], b[32], len[48], allowed[48];

	num_format_percent(c->target, t, sizeof t);
	num_format_percent(budget_fraction(c->target), b, sizeof b);
	fprintf(out, "target %s%%, error budget %s%%\n\n", t, b);
	fprintf(out, "%-10s %-18s %s\n", "window", "length", "allowed downtime");
	for (size_t i = 0; i < c->nrows; i++)
		fprintf(out, "%-10s %-18s %s\n", c->rows[i].label,
			duration_format_human(c->rows[i].window, len, sizeof len),
			duration_format_human(budget_allowed_downtime(c->target, c->rows[i].window),
					      allowed, sizeof allowed));
	if (c->has_events) {
		char n[64];
		i128 scaled = (i128)budget_fraction(c->target) * c->events;
		fprintf(out, "\nallowed bad events: %s of %llu\n",
			num_format_scaled(scaled, FRAC_DIGITS, n, sizeof n),
			(unsigned long long)c->events);
		if (scaled < FRAC_ONE)
			fprintf(out, "note: less than one; a single bad event overspends the budget\n");
	}
	if (c->has_downtime) {
		struct budget_time bt = budget_time(c->target, c->rows[0].window, c->downtime);
		char d[48], p1[48], p2[48], p3[48];
		fprintf(out, "\ndowntime %s of %s: availability %s, budget %s consumed, %s remaining%s\n",
			duration_format_human(c->downtime, d, sizeof d),
			c->rows[0].label,
			pct_format(bt.availability, 4, (double)c->target / (double)FRAC_ONE, p1,
				   sizeof p1),
			pct_format(bt.consumed, 2, 1.0, p2, sizeof p2),
			pct_format(bt.remaining, 2, 0.0, p3, sizeof p3),
			bt.met ? "" : " (exhausted)");
	}
}

static void seconds(struct jw *w, int64_t ns)
{
	char num[48];
	jw_raw_number(w, duration_format_seconds(ns, num, sizeof num));
}

void report_calc_json(FILE *out, const struct report_calc *c)
{
	struct jw w;
	char num[64], human[48];

	jw_init(&w, out);
	jw_object(&w);
	jw_key(&w, "version");
	jw_int(&w, 1);
	jw_key(&w, "target");
	jw_raw_number(&w, num_format_scaled(c->target, FRAC_DIGITS, num, sizeof num));
	jw_key(&w, "budget_fraction");
	jw_raw_number(&w, num_format_scaled(budget_fraction(c->target), FRAC_DIGITS, num, sizeof num));
	jw_key(&w, "windows");
	jw_array(&w);
	for (size_t i = 0; i < c->nrows; i++) {
		int64_t allowed = budget_allowed_downtime(c->target, c->rows[i].window);
		jw_object(&w);
		jw_key(&w, "name");
		jw_string(&w, c->rows[i].label);
		jw_key(&w, "seconds");
		seconds(&w, c->rows[i].window);
		jw_key(&w, "allowed_downtime_seconds");
		seconds(&w, allowed);
		jw_key(&w, "allowed_downtime");
		jw_string(&w, duration_format_human(allowed, human, sizeof human));
		jw_end_object(&w);
	}
	jw_end_array(&w);
	if (c->has_events) {
		jw_key(&w, "events");
		jw_object(&w);
		jw_key(&w, "total");
		jw_uint(&w, c->events);
		jw_key(&w, "allowed_bad");
		i128 scaled = (i128)budget_fraction(c->target) * c->events;
		jw_raw_number(&w, num_format_scaled(scaled, FRAC_DIGITS, num, sizeof num));
		jw_key(&w, "low_traffic");
		jw_bool(&w, scaled < FRAC_ONE);
		jw_end_object(&w);
	}
	if (c->has_downtime) {
		struct budget_time bt = budget_time(c->target, c->rows[0].window, c->downtime);
		jw_key(&w, "downtime");
		jw_object(&w);
		jw_key(&w, "seconds");
		seconds(&w, c->downtime);
		jw_key(&w, "availability");
		jw_double(&w, bt.availability);
		jw_key(&w, "budget_consumed");
		jw_double(&w, bt.consumed);
		jw_key(&w, "budget_remaining");
		jw_double(&w, bt.remaining);
		jw_key(&w, "met");
		jw_bool(&w, bt.met);
		jw_end_object(&w);
	}
	jw_end_object(&w);
}
