/* slo eval --format markdown: a GitHub-flavoured table, a row per
 * objective (per group and objective with --group-by), and a one-line
 * verdict under it, for a CI job's summary ($GITHUB_STEP_SUMMARY).
 * Percentages are for people here, rounded as the text report rounds
 * them. */
#include <string.h>

#include "report/formats.h"
#include "report/percent.h"
#include "report/rows.h"
#include "util/duration.h"
#include "util/num.h"
#include "util/timestamp.h"

/* Two decimals more than the target has, as in the text report. */
static int sli_decimals(int64_t target)
{
	int d = FRAC_DIGITS - 2;
	while (d > 0 && target % 10 == 0) {
		target /= 10;
		d--;
	}
	return d + 2;
}

static const char *verdict(const struct report_row *row)
{
	if (!row->has_data)
		return row->failed ? "NOT MET (no data)" : "no data (allowed)";
	if (!row->failed)
		return "met";
	return row->met ? "FAILING (--fail-under)" : "NOT MET";
}

void report_eval_markdown(FILE *out, const struct report_eval *r)
{
	struct cells c;
	struct report_row row;
	size_t n = rows_count(r), failed = 0;
	char a[48], b[48], num[64];

	cells_init(&c, out, CELLS_MARKDOWN);
	cells_put(&c, "objective");
	if (r->group_by)
		cells_put(&c, r->group_by);
	cells_put(&c, "target");
	cells_put(&c, "SLI");
	cells_put(&c, r->time_based ? "downtime" : "bad / events");
	cells_put(&c, "budget spent");
	cells_put(&c, "budget left");
	cells_put(&c, "burn rate");
	cells_put(&c, "verdict");
	cells_end(&c);
	/* names and verdicts left, numbers right */
	cells_put(&c, ":--");
	if (r->group_by)
		cells_put(&c, ":--");
	for (int k = 0; k < 6; k++)
		cells_put(&c, "--:");
	cells_put(&c, ":--");
	cells_end(&c);
	for (size_t k = 0; k < n; k++) {
		rows_get(r, k, &row);
		double target = (double)row.target / (double)FRAC_ONE;
		if (row.failed)
			failed++;
		cells_put(&c, row.name);
		if (r->group_by)
			cells_put(&c, row.group);
		num_format_percent(row.target, a, sizeof a);
		snprintf(num, sizeof num, "%s%%", a);
		cells_put(&c, num);
		cells_put(&c, row.has_data ? pct_format(row.sli, sli_decimals(row.target), target, a,
							sizeof a)
					   : "no data");
		if (row.time) {
			cells_put(&c, duration_format_human(row.down, a, sizeof a));
		} else {
			snprintf(num, sizeof num, "%llu / %llu", (unsigned long long)row.bad,
				 (unsigned long long)row.total);
			cells_put(&c, num);
		}
		if (row.has_data) {
			cells_put(&c, pct_format(row.consumed, 2, 1.0, a, sizeof a));
			cells_put(&c, pct_format(row.remaining, 2, 0.0, a, sizeof a));
			cells_put(&c, ratio_format(row.burn_rate, 1.0, a, sizeof a));
		} else {
			cells_put(&c, "-");
			cells_put(&c, "-");
			cells_put(&c, "-");
		}
		cells_put(&c, verdict(&row));
		cells_end(&c);
	}
	fputc('\n', out);
	/* failures among the groups left out by --top count too */
	bool ok = rows_all_ok(r);
	if (ok)
		fprintf(out, "**met**: %s", n == 1 ? "the objective is met" : "every objective is met");
	else if (failed)
		fprintf(out, "**NOT MET**: %zu of %zu %s not met", failed, n,
			n == 1 ? "objective is" : "objectives are");
	else
		fprintf(out, "**NOT MET**: an objective of a group not shown is not met");
	if (r->res.has_span)
		fprintf(out, " over %s to %s (%s)", ts_format_rfc3339(r->res.start, a, sizeof a),
			ts_format_rfc3339(r->res.end, b, sizeof b),
			duration_format_human(r->res.end - r->res.start, num, sizeof num));
	fprintf(out, "; %llu records read, %llu skipped", (unsigned long long)r->read,
		(unsigned long long)r->skipped);
	if (r->group_by && n / (r->time_based ? 1 : r->nobj) < r->ngroups)
		fprintf(out, "; showing the %zu of %zu groups that spent most budget",
			n / (r->time_based ? 1 : r->nobj), r->ngroups);
	fputs(".\n", out);
}
