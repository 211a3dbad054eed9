/* The text report of `slo eval`, for a person at a terminal. */
#include <string.h>

#include "eval/groups.h"
#include "report/percent.h"
#include "report/report.h"
#include "util/duration.h"
#include "util/num.h"
#include "util/timestamp.h"

/* Decimals that show a value next to its target: two more than the
 * target has, so 99.95 % gets 99.9512 %. */
static int sli_decimals(int64_t target)
{
	int d = FRAC_DIGITS - 2;
	while (d > 0 && target % 10 == 0) {
		target /= 10;
		d--;
	}
	return d + 2;
}

static void print_window(FILE *out, const struct report_eval *r)
{
	char a[48], b[48], len[48];

	if (!r->res.has_span) {
		fprintf(out, "window     all records (no timestamps)\n");
		return;
	}
	ts_format_rfc3339(r->res.start, a, sizeof a);
	ts_format_rfc3339(r->res.end, b, sizeof b);
	duration_format_human(r->res.end - r->res.start, len, sizeof len);
	if (r->window_len)
		fprintf(out, "window     %s to %s (rolling %s, ending with the last record's %s)\n",
			a, b, len, r->window_len >= NS_PER_MIN ? "minute" : "second");
	else if (strcmp(r->window_kind, "calendar") == 0)
		fprintf(out, "window     %s to %s (%s, the %s)\n", a, b, len, r->window_name);
	else if (strcmp(r->window_kind, "fixed") == 0)
		fprintf(out, "window     %s to %s (%s, as given)\n", a, b, len);
	else
		fprintf(out, "window     %s to %s (%s, the span of the data)\n", a, b, len);
	if (r->res.excluded_ns) {
		char ex[48];
		fprintf(out, "excluded   %s of the window (maintenance: neither good nor bad)\n",
			duration_format_human(r->res.excluded_ns, ex, sizeof ex));
	}
}

/* A sketch's value is within 0.1 %: four significant digits say what
 * is known, and no more. */
static int64_t round4(int64_t ns)
{
	int64_t scale = 1;
	while (ns / scale >= 10000)
		scale *= 10;
	if (ns > INT64_MAX - scale / 2)
		return ns / scale * scale;
	return (ns + scale / 2) / scale * scale;
}

static void print_percentiles(FILE *out, const struct report_eval *r)
{
	char d[48];
	fprintf(out, "latency   ");
	if (r->pct_n == 0) {
		fprintf(out, " no latency in the window\n");
		return;
	}
	for (size_t k = 0; k < REPORT_PCTS; k++)
		fprintf(out, "%s %s %s", k ? "," : "", report_pct_names[k],
			duration_format_human(r->pct_exact ? r->pct[k] : round4(r->pct[k]), d, sizeof d));
	fprintf(out, "  (%llu values, %s)\n", (unsigned long long)r->pct_n,
		r->pct_exact ? "exact" : "within 0.1 %");
	if (r->pct_from != INT64_MIN) {
		char t[48];
		fprintf(out, "           percentiles from %s: the window's oldest part is kept "
			     "by blocks of 1/64 of it\n", ts_format_rfc3339(r->pct_from, t, sizeof t));
	}
}

/* Burn rates over the alert windows, the alerts, and exhaustion. */
static void print_burn(FILE *out, const struct report_eval *r, size_t i, double consumed,
		       int64_t window)
{
	const struct burndown *b = &r->burn[i];
	char num[48], d[48], t[48];

	if (!r->has_burn)
		return;
	if (b->nspans) {
		fprintf(out, "  over       ");
		for (size_t k = 0; k < b->nspans; k++)
			fprintf(out, "%s%s %s", k ? ", " : "",
				duration_format_human(b->span[k], d, sizeof d),
				b->has_data[k] ? ratio_format(b->rate[k], 1.0, num, sizeof num)
					       : "no data");
		fputc('\n', out);
	}
	if (window >= NS_PER_DAY)
		fprintf(out, "  per day    %s of the budget on average\n",
			pct_format(consumed * (double)NS_PER_DAY / (double)window, 2, -1, num, sizeof num));
	for (size_t k = 0; k < b->nalerts; k++) {
		const struct alert_rule *a = &b->rule[k];
		char l[32], sh[32];
		snprintf(d, sizeof d, "%s/%s", duration_format_human(a->long_ns, l, sizeof l),
			 duration_format_human(a->short_ns, sh, sizeof sh));
		fprintf(out, "  %-10s %-7s %-8s > %-7s %s\n", k ? "" : "alerts", a->severity, d,
			ratio_format(a->threshold, -1, num, sizeof num),
			b->firing[k] ? "FIRING" : "ok");
	}
	if (r->alerts_left_out)
		fprintf(out, "  %-10s %zu rule%s with a long window longer than the window left out\n",
			b->nalerts ? "" : "alerts", r->alerts_left_out,
			r->alerts_left_out == 1 ? "" : "s");
	if (b->exhausted_at != INT64_MIN)
		fprintf(out, "  exhausted  %s\n", ts_format_rfc3339(b->exhausted_at, t, sizeof t));
	else if (b->exhaustion != INT64_MIN)
		fprintf(out, "  exhaustion %s at the last hour's burn rate (%s)\n",
			ts_format_rfc3339(b->exhaustion, t, sizeof t),
			ratio_format(b->current_rate, 1.0, num, sizeof num));
	else
		fprintf(out, "  exhaustion not at the last hour's burn rate (%s)\n",
			ratio_format(b->current_rate, 1.0, num, sizeof num));
	if (r->has_chart)
		chart_print(out, &r->chart[i], &r->style);
}

/* --by: a row per period, with the budget it spent. */
static void print_periods(FILE *out, const struct report_eval *r, size_t i, int64_t target)
{
	if (!r->by || !r->rows[i])
		return;
	fprintf(out, "  %-22s %-18s %-12s %-12s %s\n", r->by,
		r->time_based ? "down / known time" : "bad / events", "SLI", "budget spent",
		"remaining at its end");
	for (size_t k = 0; k < r->nrows[i]; k++) {
		const struct period_row *p = &r->rows[i][k];
		char when[48], counts[64], sli[48], spent[48], left[48], a[48], b[48];
		/* periods are the zone's days and hours: so are their names */
		ts_format_local(p->start, strcmp(r->by, "hour") == 0, when, sizeof when);
		if (r->time_based)
			snprintf(counts, sizeof counts, "%s / %s",
				 duration_format_human((int64_t)p->bad, a, sizeof a),
				 duration_format_human((int64_t)p->total, b, sizeof b));
		else
			snprintf(counts, sizeof counts, "%llu / %llu", (unsigned long long)p->bad,
				 (unsigned long long)p->total);
		fprintf(out, "  %-22s %-18s %-12s %-12s %s\n", when, counts,
			p->total ? pct_format((double)(p->total - p->bad) / (double)p->total,
					      sli_decimals(target), (double)target / (double)FRAC_ONE,
					      sli, sizeof sli)
				 : "no data",
			pct_format(p->spent, 2, -1, spent, sizeof spent),
			pct_format(p->remaining, 2, 0.0, left, sizeof left));
	}
}

static void print_time_objective(FILE *out, const struct report_eval *r)
{
	const struct objective *o = &r->obj[0];
	const struct report_time *tm = &r->time;
	char t[32], p1[48], p2[48], p3[48], up[48], down[48], unk[48], allowed[48], win[48],
		burn[48], iv[48];

	num_format_percent(o->target, t, sizeof t);
	fprintf(out, "\n%s: %s%% of the time up\n", o->name, t);
	if (!tm->has_data) {
		fprintf(out, "  no data    no sample covers the window\n");
		fprintf(out, "  verdict    %s\n", r->failed[0] ? "NOT MET (no data)" : "no data (allowed)");
		return;
	}
	fprintf(out, "  SLI        %s  (up %s, down %s, unknown %s)\n",
		pct_format(tm->sli, sli_decimals(o->target), (double)o->target / (double)FRAC_ONE, p1,
			   sizeof p1),
		duration_format_human(tm->up, up, sizeof up),
		duration_format_human(tm->down, down, sizeof down),
		duration_format_human(tm->unknown, unk, sizeof unk));
	fprintf(out, "  budget     %s of downtime allowed in %s, %s spent: %s consumed, %s remaining\n",
		duration_format_human(tm->b.allowed, allowed, sizeof allowed),
		duration_format_human(tm->window, win, sizeof win),
		duration_format_human(tm->down, down, sizeof down),
		pct_format(tm->b.consumed, 2, 1.0, p2, sizeof p2),
		pct_format(tm->b.remaining, 2, 0.0, p3, sizeof p3));
	fprintf(out, "  burn rate  %s\n", ratio_format(tm->b.consumed, 1.0, burn, sizeof burn));
	print_burn(out, r, 0, tm->b.consumed, tm->window);
	print_periods(out, r, 0, o->target);
	if (r->incidents)
		fprintf(out, "  incidents  downtime from each start to its end; the rest is up\n");
	else if (r->changes)
		fprintf(out, "  samples    each state holds until the next sample (--changes)\n");
	else
		fprintf(out, "  samples    each stands for up to %s, the probe interval; longer gaps "
			     "are unknown\n", duration_format_human(r->res.interval, iv, sizeof iv));
	if (tm->b.met && r->below[0]) {
		char fu[32];
		fprintf(out, "  verdict    FAILING: less than %s%% of the budget left (--fail-under)\n",
			num_format_percent(r->fail_under, fu, sizeof fu));
		return;
	}
	fprintf(out, "  verdict    %s\n", tm->b.met ? "met" : "NOT MET (budget exhausted)");
}

/* An objective budgeted by time slices (--budgeting). */
static void print_sliced(FILE *out, const struct report_eval *r, size_t i)
{
	const struct objective *o = &r->obj[i];
	const struct budget_events *b = &r->budget[i];
	const struct slices *sl = &r->sl[i];
	char st[32], len[48], p1[48], p2[48], p3[48], num[64], burn[48];
	double target = (double)o->target / (double)FRAC_ONE;

	num_format_percent(r->slice_target[i], st, sizeof st);
	duration_format_human(r->slice, len, sizeof len);
	fprintf(out, "  slices     %s, each good at %s%% (%s)\n", len, st, r->budgeting);
	if (strcmp(r->budgeting, "ratio-timeslices") == 0) {
		fprintf(out, "  SLI        %s  (the mean good ratio of %llu slices, %llu without data)\n",
			pct_format(b->sli, sli_decimals(o->target), target, p1, sizeof p1),
			(unsigned long long)sl->slices, (unsigned long long)sl->no_data);
		fprintf(out, "  budget     %s consumed, %s remaining\n",
			pct_format(b->consumed, 2, 1.0, p2, sizeof p2),
			pct_format(b->remaining, 2, 0.0, p3, sizeof p3));
	} else {
		fprintf(out, "  SLI        %s  (%llu good slices of %llu, %llu bad, %llu without data)\n",
			pct_format(b->sli, sli_decimals(o->target), target, p1, sizeof p1),
			(unsigned long long)b->good, (unsigned long long)b->total,
			(unsigned long long)b->bad, (unsigned long long)sl->no_data);
		num_format_scaled(b->allowed_bad_scaled, FRAC_DIGITS, num, sizeof num);
		fprintf(out, "  budget     %s bad slice%s allowed, %llu spent: %s consumed, %s remaining\n",
			num, strcmp(num, "1") == 0 ? "" : "s", (unsigned long long)b->bad,
			pct_format(b->consumed, 2, 1.0, p2, sizeof p2),
			pct_format(b->remaining, 2, 0.0, p3, sizeof p3));
	}
	fprintf(out, "  burn rate  %s\n", ratio_format(b->burn_rate, 1.0, burn, sizeof burn));
	print_burn(out, r, i, b->consumed, r->res.end - r->res.start);
	print_periods(out, r, i, o->target);
	if (b->met && r->below[i]) {
		char fu[32];
		fprintf(out, "  verdict    FAILING: less than %s%% of the budget left (--fail-under)\n",
			num_format_percent(r->fail_under, fu, sizeof fu));
		return;
	}
	fprintf(out, "  verdict    %s\n", b->met ? "met" : "NOT MET (budget exhausted)");
}

static void print_objective(FILE *out, const struct report_eval *r, size_t i)
{
	const struct objective *o = &r->obj[i];
	const struct budget_events *b = &r->budget[i];
	char t[32], p1[48], p2[48], p3[48], num[64], thr[48];

	num_format_percent(o->target, t, sizeof t);
	if (r->budgeting)
		fprintf(out, "\n%s: %s%% of slices good\n", o->name, t);
	else if (o->kind == OBJ_LATENCY)
		/* "latency 300ms" says its threshold twice: named "latency"
		 * unless a config file gave it a name of its own */
		fprintf(out, "\n%s: %s%% of events within %s\n",
			strncmp(o->name, "latency ", 8) == 0 ? "latency" : o->name, t,
			duration_format_human(o->threshold, thr, sizeof thr));
	else
		fprintf(out, "\n%s: %s%% of events good\n", o->name, t);

	if (r->budgeting && b->has_data) {
		print_sliced(out, r, i);
		return;
	}
	if (!b->has_data) {
		fprintf(out, "  no data    no events in the window\n");
		fprintf(out, "  verdict    %s\n", r->failed[i] ? "NOT MET (no data)" : "no data (allowed)");
		return;
	}
	double target = (double)o->target / (double)FRAC_ONE;
	char burn[48];
	fprintf(out, "  SLI        %s  (%llu good of %llu, %llu bad)\n",
		pct_format(b->sli, sli_decimals(o->target), target, p1, sizeof p1),
		(unsigned long long)b->good, (unsigned long long)b->total,
		(unsigned long long)b->bad);
	/* the allowed count is exact: (1 - T) x total has at most 9 decimals */
	num_format_scaled(b->allowed_bad_scaled, FRAC_DIGITS, num, sizeof num);
	fprintf(out, "  budget     %s bad event%s allowed, %llu spent: %s consumed, %s remaining\n",
		num, strcmp(num, "1") == 0 ? "" : "s", (unsigned long long)b->bad,
		pct_format(b->consumed, 2, 1.0, p2, sizeof p2),
		pct_format(b->remaining, 2, 0.0, p3, sizeof p3));
	fprintf(out, "  burn rate  %s\n", ratio_format(b->burn_rate, 1.0, burn, sizeof burn));
	print_burn(out, r, i, b->consumed, r->res.end - r->res.start);
	print_periods(out, r, i, o->target);
	if (b->low_traffic)
		fprintf(out, "  note       fewer events than the budget needs: "
			     "it allows less than one bad event\n");
	const char *verdict = b->met ? "met" : "NOT MET (budget exhausted)";
	if (b->met && r->below[i]) {
		char fu[32];
		fprintf(out, "  verdict    FAILING: less than %s%% of the budget left (--fail-under)\n",
			num_format_percent(r->fail_under, fu, sizeof fu));
		return;
	}
	fprintf(out, "  verdict    %s\n", verdict);
}

/* --group-by: a table, worst group first, one line per objective. */
static void print_groups(FILE *out, const struct report_eval *r)
{
	size_t shown = r->top && r->top < r->ngroups ? r->top : r->ngroups;
	size_t width = 5;
	for (size_t g = 0; g < shown; g++)
		if (strlen(r->groups[g].key) > width)
			width = strlen(r->groups[g].key);
	if (width > 48)
		width = 48;

	fprintf(out, "\nby %s: %zu group%s, most budget spent first", r->group_by, r->ngroups,
		r->ngroups == 1 ? "" : "s");
	if (shown < r->ngroups)
		fprintf(out, " (the top %zu)", shown);
	fprintf(out, "\n%-*s  %-16s %-12s %-18s %-12s %s\n", (int)width, "group", "objective",
		"SLI", r->time_based ? "downtime" : "bad/total", "budget used", "verdict");
	for (size_t g = 0; g < shown; g++) {
		const struct report_group *gr = &r->groups[g];
		if (r->time_based) {
			char sli[48], used[48], down[48];
			double target = (double)r->obj[0].target / (double)FRAC_ONE;
			fprintf(out, "%-*.*s  %-16.16s %-12s %-18s %-12s %s\n", (int)width, (int)width,
				gr->key, "uptime",
				gr->time.has_data ? pct_format(gr->time.sli, sli_decimals(r->obj[0].target),
							       target, sli, sizeof sli)
						  : "no data",
				duration_format_human(gr->time.down, down, sizeof down),
				gr->time.has_data ? pct_format(gr->time.b.consumed, 1, 1.0, used, sizeof used)
						  : "-",
				!gr->time.has_data ? (gr->failed[0] ? "NOT MET (no data)"
								    : "no data (allowed)")
				: !gr->failed[0] ? "met" : gr->time.b.met ? "FAILING (--fail-under)"
									  : "NOT MET");
			continue;
		}
		for (size_t i = 0; i < r->nobj; i++) {
			const struct budget_events *b = &gr->budget[i];
			char sli[48], used[48], counts[48], t[32];
			double target = (double)r->obj[i].target / (double)FRAC_ONE;
			snprintf(counts, sizeof counts, "%llu/%llu", (unsigned long long)b->bad,
				 (unsigned long long)b->total);
			num_format_percent(r->obj[i].target, t, sizeof t);
			fprintf(out, "%-*.*s  %-16.16s %-12s %-18s %-12s %s\n", (int)width, (int)width,
				i == 0 ? gr->key : "", r->obj[i].name,
				b->has_data ? pct_format(b->sli, sli_decimals(r->obj[i].target),
							 target, sli, sizeof sli)
					    : "no data",
				counts, b->has_data ? pct_format(b->consumed, 1, 1.0, used, sizeof used) : "-",
				!b->has_data ? (gr->failed[i] ? "NOT MET (no data)" : "no data (allowed)")
				: !gr->failed[i] ? "met" : b->met ? "FAILING (--fail-under)" : "NOT MET");
		}
	}
	if (r->groups_capped)
		fprintf(out, "note: too many groups to keep apart; the rest are counted as %s\n",
			GROUPS_OTHER);
}

void report_eval_text(FILE *out, const struct report_eval *r)
{
	for (size_t i = 0; i < r->ninputs; i++) {
		const struct report_input *in = &r->inputs[i];
		fprintf(out, "input      %s: %s, %llu %s%s, %llu skipped; %s\n", in->name,
			in->format, (unsigned long long)in->rows,
			strcmp(in->format, "csv") == 0 ? "row"
			: strcmp(in->format, "prometheus") == 0 ? "sample"
			: strcmp(in->format, "nginx-plus") == 0 || strcmp(in->format, "rails") == 0
				? "record" : "line",
			in->rows == 1 ? "" : "s",
			(unsigned long long)in->skipped, in->columns);
	}
	if (r->more_inputs)
		fprintf(out, "input      and %zu more files\n", r->more_inputs);
	fprintf(out, "records    %llu read, %llu used, %llu skipped, %llu outside the window",
		(unsigned long long)r->read, (unsigned long long)r->res.used,
		(unsigned long long)r->skipped, (unsigned long long)r->res.outside_window);
	if (r->filtered)
		fprintf(out, ", %llu left out by --where", (unsigned long long)r->filtered);
	if (r->res.excluded)
		fprintf(out, ", %llu in excluded periods", (unsigned long long)r->res.excluded);
	fputc('\n', out);
	print_window(out, r);
	if (r->has_pct)
		print_percentiles(out, r);
	if (r->group_by) {
		print_groups(out, r);
		return;
	}
	if (r->time_based) {
		print_time_objective(out, r);
		return;
	}
	for (size_t i = 0; i < r->nobj; i++)
		print_objective(out, r, i);
}
