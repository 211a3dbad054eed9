/* slo calc --format csv|tsv|markdown.  CSV and TSV: a row per window,
 * every column always there (the --events and --downtime ones empty
 * without those options), numbers as in the JSON report.  Markdown: the
 * windows as a table, and what --events and --downtime say under it. */
#include "eval/budget.h"
#include "report/formats.h"
#include "report/percent.h"
#include "util/duration.h"
#include "util/num.h"

static const char *const columns[] = {
	"target", "budget_fraction", "window", "window_seconds", "allowed_downtime_seconds",
	"allowed_downtime", "events", "allowed_bad_events", "downtime_seconds", "availability",
	"budget_consumed", "budget_remaining", "met",
};

static void calc_markdown(FILE *out, const struct report_calc *c)
{
	struct cells w;
	char t[32], b[32], len[48], allowed[48];

	num_format_percent(c->target, t, sizeof t);
	num_format_percent(budget_fraction(c->target), b, sizeof b);
	cells_init(&w, out, CELLS_MARKDOWN);
	cells_put(&w, "window");
	cells_put(&w, "length");
	cells_put(&w, "allowed downtime");
	cells_end(&w);
	cells_put(&w, ":--");
	cells_put(&w, "--:");
	cells_put(&w, "--:");
	cells_end(&w);
	for (size_t i = 0; i < c->nrows; i++) {
		cells_put(&w, c->rows[i].label);
		cells_put(&w, duration_format_human(c->rows[i].window, len, sizeof len));
		cells_put(&w, duration_format_human(budget_allowed_downtime(c->target,
									    c->rows[i].window),
						    allowed, sizeof allowed));
		cells_end(&w);
	}
	fprintf(out, "\ntarget %s%%, error budget %s%%", t, b);
	if (c->has_events) {
		char n[64];
		i128 scaled = (i128)budget_fraction(c->target) * c->events;
		fprintf(out, "; allowed bad events: %s of %llu%s",
			num_format_scaled(scaled, FRAC_DIGITS, n, sizeof n),
			(unsigned long long)c->events,
			scaled < FRAC_ONE ? " (less than one: a single bad event overspends)" : "");
	}
	if (c->has_downtime) {
		struct budget_time bt = budget_time(c->target, c->rows[0].window, c->downtime);
		char d[48], p1[48], p2[48], p3[48];
		fprintf(out, "; downtime %s: availability %s, budget %s consumed, %s remaining, "
			     "**%s**",
			duration_format_human(c->downtime, d, sizeof d),
			pct_format(bt.availability, 4, (double)c->target / (double)FRAC_ONE, p1,
				   sizeof p1),
			pct_format(bt.consumed, 2, 1.0, p2, sizeof p2),
			pct_format(bt.remaining, 2, 0.0, p3, sizeof p3),
			bt.met ? "met" : "exhausted");
	}
	fputs(".\n", out);
}

void report_calc_table(FILE *out, const struct report_calc *c, enum cells_kind kind)
{
	struct cells w;
	char num[64], human[48];

	if (kind == CELLS_MARKDOWN) {
		calc_markdown(out, c);
		return;
	}
	cells_init(&w, out, kind);
	for (size_t k = 0; k < sizeof columns / sizeof columns[0]; k++)
		cells_put(&w, columns[k]);
	cells_end(&w);
	for (size_t i = 0; i < c->nrows; i++) {
		int64_t allowed = budget_allowed_downtime(c->target, c->rows[i].window);
		cells_put(&w, num_format_scaled(c->target, FRAC_DIGITS, num, sizeof num));
		cells_put(&w, num_format_scaled(budget_fraction(c->target), FRAC_DIGITS, num,
						sizeof num));
		cells_put(&w, c->rows[i].label);
		cells_put(&w, duration_format_seconds(c->rows[i].window, num, sizeof num));
		cells_put(&w, duration_format_seconds(allowed, num, sizeof num));
		cells_put(&w, duration_format_human(allowed, human, sizeof human));
		if (c->has_events) {
			snprintf(num, sizeof num, "%llu", (unsigned long long)c->events);
			cells_put(&w, num);
			i128 scaled = (i128)budget_fraction(c->target) * c->events;
			cells_put(&w, num_format_scaled(scaled, FRAC_DIGITS, num, sizeof num));
		} else {
			cells_put(&w, NULL);
			cells_put(&w, NULL);
		}
		if (c->has_downtime) {
			struct budget_time bt = budget_time(c->target, c->rows[i].window, c->downtime);
			cells_put(&w, duration_format_seconds(c->downtime, num, sizeof num));
			cells_put(&w, cells_double(bt.availability, num, sizeof num));
			cells_put(&w, cells_double(bt.consumed, num, sizeof num));
			cells_put(&w, cells_double(bt.remaining, num, sizeof num));
			cells_put(&w, bt.met ? "true" : "false");
		} else {
			for (int k = 0; k < 5; k++)
				cells_put(&w, NULL);
		}
		cells_end(&w);
	}
}
