/* slo alerts --replay --format csv|tsv|markdown: a row per firing of a
 * rule, the numbers as in the JSON report; markdown adds the incidents
 * as a second table. */
#include "report/formats.h"
#include "report/percent.h"
#include "util/duration.h"
#include "util/timestamp.h"

void report_replay_table(FILE *out, const struct report_eval *r, const struct replay *rp,
			 enum cells_kind kind)
{
	struct cells w;
	char ts[48], num[48];
	bool md = kind == CELLS_MARKDOWN;
	size_t nobj = r->time_based ? 1 : r->nobj;

	cells_init(&w, out, kind);
	cells_put(&w, "objective");
	cells_put(&w, "alert");
	cells_put(&w, "severity");
	cells_put(&w, "start");
	cells_put(&w, "end");
	cells_put(&w, md ? "lasted" : "seconds");
	cells_put(&w, md ? "peak burn rate" : "peak_burn_rate");
	cells_end(&w);
	if (md) {
		static const char *const align[] = {":--", ":--", ":--", ":--", ":--", "--:", "--:"};
		for (size_t k = 0; k < sizeof align / sizeof align[0]; k++)
			cells_put(&w, align[k]);
		cells_end(&w);
	}
	for (size_t i = 0; i < nobj; i++)
		for (size_t f = 0; f < rp[i].nfirings; f++) {
			const struct replay_firing *fi = &rp[i].firing[f];
			const struct alert_rule *rule = &r->burn[i].rule[fi->rule];
			cells_put(&w, r->obj[i].name);
			cells_put(&w, rule->name);
			cells_put(&w, rule->severity);
			cells_put(&w, ts_format_rfc3339(fi->start, ts, sizeof ts));
			cells_put(&w, ts_format_rfc3339(fi->end, ts, sizeof ts));
			if (md) {
				cells_put(&w, duration_format_human(fi->end - fi->start, num, sizeof num));
				cells_put(&w, ratio_format(fi->peak, -1, num, sizeof num));
			} else {
				cells_put(&w, duration_format_seconds(fi->end - fi->start, num, sizeof num));
				cells_put(&w, cells_double(fi->peak, num, sizeof num));
			}
			cells_end(&w);
		}
	if (!md)
		return;
	size_t firings = 0, incidents = 0, missed = 0;
	for (size_t i = 0; i < nobj; i++) {
		firings += rp[i].nfirings;
		incidents += rp[i].nincidents;
		for (size_t n = 0; n < rp[i].nincidents; n++)
			missed += rp[i].incident[n].first_alert == INT64_MIN;
	}
	fputc('\n', out);
	cells_put(&w, "objective");
	cells_put(&w, "incident start");
	cells_put(&w, "end");
	cells_put(&w, "first alert");
	cells_put(&w, "after");
	cells_put(&w, "budget spent by then");
	cells_end(&w);
	static const char *const align2[] = {":--", ":--", ":--", ":--", "--:", "--:"};
	for (size_t k = 0; k < sizeof align2 / sizeof align2[0]; k++)
		cells_put(&w, align2[k]);
	cells_end(&w);
	for (size_t i = 0; i < nobj; i++)
		for (size_t n = 0; n < rp[i].nincidents; n++) {
			const struct replay_incident *inc = &rp[i].incident[n];
			bool none = inc->first_alert == INT64_MIN;
			cells_put(&w, r->obj[i].name);
			cells_put(&w, ts_format_rfc3339(inc->start, ts, sizeof ts));
			cells_put(&w, ts_format_rfc3339(inc->end, ts, sizeof ts));
			cells_put(&w, none ? "NO ALERT" : r->burn[i].rule[inc->rule].name);
			cells_put(&w, none ? "-" : duration_format_human(inc->first_alert - inc->start,
									 num, sizeof num));
			cells_put(&w, pct_format(inc->budget_spent, 2, -1, num, sizeof num));
			cells_end(&w);
		}
	fprintf(out, "\n**%zu firing%s, %zu incident%s, %zu without an alert.**\n", firings,
		firings == 1 ? "" : "s", incidents, incidents == 1 ? "" : "s", missed);
}
