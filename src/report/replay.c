/* The report of `slo alerts --replay`: each rule's firings and each
 * incident's detection, for people (text) and scripts (JSON). */
#include <string.h>

#include "report/json_writer.h"
#include "report/percent.h"
#include "report/report.h"
#include "util/duration.h"
#include "util/timestamp.h"

void report_replay_text(FILE *out, const struct report_eval *r, const struct replay *rp)
{
	char a[48], b[48], len[48], num[48];

	ts_format_rfc3339(r->res.start, a, sizeof a);
	ts_format_rfc3339(r->res.end, b, sizeof b);
	fprintf(out, "replayed   %s to %s (%s), the rules evaluated every minute\n", a, b,
		duration_format_human(r->res.end - r->res.start, len, sizeof len));
	for (size_t i = 0; i < r->nobj; i++) {
		const struct replay *x = &rp[i];
		const struct burndown *bd = &r->burn[i];
		char t[32];
		num_format_percent(r->obj[i].target, t, sizeof t);
		fprintf(out, "\n%s: %s%%\n", r->obj[i].name, t);
		fprintf(out, "  rules      ");
		for (size_t k = 0; k < bd->nalerts; k++) {
			char l[32], s[32];
			fprintf(out, "%s%s %s/%s > %s", k ? ", " : "", bd->rule[k].name,
				duration_format_human(bd->rule[k].long_ns, l, sizeof l),
				duration_format_human(bd->rule[k].short_ns, s, sizeof s),
				ratio_format(bd->rule[k].threshold, -1, num, sizeof num));
		}
		fprintf(out, "%s\n", bd->nalerts ? "" : "none (the window is shorter than every rule)");
		if (!x->nfirings)
			fprintf(out, "  firings    none\n");
		for (size_t f = 0; f < x->nfirings; f++) {
			const struct replay_firing *fi = &x->firing[f];
			ts_format_rfc3339(fi->start, a, sizeof a);
			ts_format_rfc3339(fi->end, b, sizeof b);
			fprintf(out, "  %-10s %-16s %s to %s, peak burn rate %s\n", f ? "" : "firings",
				bd->rule[fi->rule].name, a, b,
				ratio_format(fi->peak, -1, num, sizeof num));
		}
		char sm[32];
		fprintf(out, "  incidents  %s%s(minutes whose last %s burned at %s or faster)\n",
			x->nincidents ? "" : "none", x->nincidents ? "" : " ",
			duration_format_human((int64_t)x->smooth_minutes * NS_PER_MIN, sm, sizeof sm),
			ratio_format(x->bad_minute_rate, -1, num, sizeof num));
		for (size_t n = 0; n < x->nincidents; n++) {
			const struct replay_incident *inc = &x->incident[n];
			char spent[48], det[48];
			ts_format_rfc3339(inc->start, a, sizeof a);
			ts_format_rfc3339(inc->end, b, sizeof b);
			pct_format(inc->budget_spent, 2, -1, spent, sizeof spent);
			if (inc->first_alert == INT64_MIN)
				fprintf(out, "    %s to %s: NO ALERT; %s of the window's budget spent by "
					     "its end\n", a, b, spent);
			else
				fprintf(out, "    %s to %s: %s after %s; %s of the window's budget spent "
					     "by then\n", a, b, bd->rule[inc->rule].name,
					duration_format_human(inc->first_alert - inc->start, det, sizeof det),
					spent);
		}
		if (x->truncated)
			fprintf(out, "  note       more than %d firings or incidents; the rest are not listed\n",
				REPLAY_MAX_EVENTS);
	}
}

void report_replay_json(FILE *out, const struct report_eval *r, const struct replay *rp)
{
	struct jw w;
	char ts[48], num[48];

	jw_init(&w, out);
	jw_object(&w);
	jw_key(&w, "version");
	jw_int(&w, 1);
	jw_key(&w, "window");
	jw_object(&w);
	jw_key(&w, "start");
	jw_string(&w, ts_format_rfc3339(r->res.start, ts, sizeof ts));
	jw_key(&w, "end");
	jw_string(&w, ts_format_rfc3339(r->res.end, ts, sizeof ts));
	jw_key(&w, "seconds");
	jw_raw_number(&w, duration_format_seconds(r->res.end - r->res.start, num, sizeof num));
	jw_end_object(&w);
	jw_key(&w, "firings");
	jw_array(&w);
	for (size_t i = 0; i < r->nobj; i++)
		for (size_t f = 0; f < rp[i].nfirings; f++) {
			const struct replay_firing *fi = &rp[i].firing[f];
			const struct alert_rule *rule = &r->burn[i].rule[fi->rule];
			jw_object(&w);
			jw_key(&w, "objective");
			jw_string(&w, r->obj[i].name);
			jw_key(&w, "alert");
			jw_string(&w, rule->name);
			jw_key(&w, "severity");
			jw_string(&w, rule->severity);
			jw_key(&w, "start");
			jw_string(&w, ts_format_rfc3339(fi->start, ts, sizeof ts));
			jw_key(&w, "end");
			jw_string(&w, ts_format_rfc3339(fi->end, ts, sizeof ts));
			jw_key(&w, "peak_burn_rate");
			jw_double(&w, fi->peak);
			jw_end_object(&w);
		}
	jw_end_array(&w);
	jw_key(&w, "incidents");
	jw_array(&w);
	for (size_t i = 0; i < r->nobj; i++)
		for (size_t n = 0; n < rp[i].nincidents; n++) {
			const struct replay_incident *inc = &rp[i].incident[n];
			jw_object(&w);
			jw_key(&w, "objective");
			jw_string(&w, r->obj[i].name);
			jw_key(&w, "start");
			jw_string(&w, ts_format_rfc3339(inc->start, ts, sizeof ts));
			jw_key(&w, "end");
			jw_string(&w, ts_format_rfc3339(inc->end, ts, sizeof ts));
			jw_key(&w, "first_alert");
			if (inc->first_alert == INT64_MIN)
				jw_null(&w);
			else
				jw_string(&w, ts_format_rfc3339(inc->first_alert, ts, sizeof ts));
			jw_key(&w, "alert");
			if (inc->first_alert == INT64_MIN)
				jw_null(&w);
			else
				jw_string(&w, r->burn[i].rule[inc->rule].name);
			jw_key(&w, "detection_seconds");
			if (inc->first_alert == INT64_MIN)
				jw_null(&w);
			else
				jw_raw_number(&w, duration_format_seconds(inc->first_alert - inc->start, num,
									 sizeof num));
			jw_key(&w, "budget_spent");
			jw_double(&w, inc->budget_spent);
			jw_end_object(&w);
		}
	jw_end_array(&w);
	jw_key(&w, "truncated");
	bool trunc = false;
	for (size_t i = 0; i < r->nobj; i++)
		trunc = trunc || rp[i].truncated;
	jw_bool(&w, trunc);
	jw_end_object(&w);
}
