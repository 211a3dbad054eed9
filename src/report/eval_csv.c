/* slo eval --format csv|tsv: one header row, then a row per objective
 * (per group and objective with --group-by).  The numbers are the JSON
 * report's, fractions and seconds alike; a value that does not apply to
 * a row's kind, or needs data the row has not, is an empty cell. */
#include <string.h>

#include "report/formats.h"
#include "report/rows.h"
#include "util/duration.h"
#include "util/num.h"
#include "util/timestamp.h"

static const char *const columns[] = {
	"name", "kind", "group", "target", "threshold_seconds", "total", "good", "bad", "sli",
	"allowed_bad", "budget_consumed", "budget_remaining", "burn_rate", "met",
	"below_fail_under", "up_seconds", "down_seconds", "unknown_seconds",
	"allowed_downtime_seconds", "window_start", "window_end", "window_seconds",
	"records_read", "records_skipped",
};

static void put_u64(struct cells *c, uint64_t v)
{
	char num[32];
	snprintf(num, sizeof num, "%llu", (unsigned long long)v);
	cells_put(c, num);
}

static void put_seconds(struct cells *c, int64_t ns)
{
	char num[48];
	cells_put(c, duration_format_seconds(ns, num, sizeof num));
}

static void put_double(struct cells *c, double v)
{
	char num[48];
	cells_put(c, cells_double(v, num, sizeof num));
}

void report_eval_table(FILE *out, const struct report_eval *r, enum cells_kind kind,
		       unsigned flags)
{
	struct cells c;
	char num[64], start[48], end[48];

	const bool group = r->group_by || (flags & REPORT_TABLE_GROUP);
	cells_init(&c, out, kind);
	for (size_t k = 0; k < sizeof columns / sizeof columns[0]; k++)
		if ((group || strcmp(columns[k], "group") != 0) && !(flags & REPORT_TABLE_NO_HEADER))
			cells_put(&c, columns[k]);
	if (!(flags & REPORT_TABLE_NO_HEADER))
		cells_end(&c);
	if (r->res.has_span) {
		ts_format_rfc3339(r->res.start, start, sizeof start);
		ts_format_rfc3339(r->res.end, end, sizeof end);
	}
	size_t n = rows_count(r);
	for (size_t k = 0; k < n; k++) {
		struct report_row row;
		rows_get(r, k, &row);
		cells_put(&c, row.name);
		cells_put(&c, row.kind);
		if (group)
			cells_put(&c, r->group_by ? row.group : NULL);
		cells_put(&c, num_format_scaled(row.target, FRAC_DIGITS, num, sizeof num));
		if (row.threshold)
			put_seconds(&c, row.threshold);
		else
			cells_put(&c, NULL);
		if (row.counts) {
			put_u64(&c, row.total);
			put_u64(&c, row.good);
			put_u64(&c, row.bad);
		} else {
			cells_put(&c, NULL);
			cells_put(&c, NULL);
			cells_put(&c, NULL);
		}
		if (row.has_data)
			put_double(&c, row.sli);
		else
			cells_put(&c, NULL);
		if (row.counts && row.has_data)
			cells_put(&c, num_format_scaled(row.allowed_bad_scaled, FRAC_DIGITS, num,
							sizeof num));
		else
			cells_put(&c, NULL);
		/* a time budget is known without data: nothing of it is spent */
		if (row.has_data || row.time) {
			put_double(&c, row.consumed);
			put_double(&c, row.remaining);
			put_double(&c, row.burn_rate);
		} else {
			cells_put(&c, NULL);
			cells_put(&c, NULL);
			cells_put(&c, NULL);
		}
		cells_put(&c, row.met ? "true" : "false");
		cells_put(&c, row.below ? "true" : "false");
		if (row.time) {
			put_seconds(&c, row.up);
			put_seconds(&c, row.down);
			put_seconds(&c, row.unknown);
			put_seconds(&c, row.allowed_down);
		} else {
			for (int e = 0; e < 4; e++)
				cells_put(&c, NULL);
		}
		if (r->res.has_span) {
			cells_put(&c, start);
			cells_put(&c, end);
			put_seconds(&c, r->res.end - r->res.start);
		} else {
			cells_put(&c, NULL);
			cells_put(&c, NULL);
			cells_put(&c, NULL);
		}
		put_u64(&c, r->read);
		put_u64(&c, r->skipped);
		cells_end(&c);
	}
}
