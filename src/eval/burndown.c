/* Burn-down at the end of a window. */
#include "eval/burndown.h"

#include <string.h>

#include "util/duration.h"
#include "util/timestamp.h"
#include "util/num.h"

static size_t add_span(struct burndown *b, int64_t span)
{
	size_t i = 0;
	while (i < b->nspans && b->span[i] < span)
		i++;
	if (i < b->nspans && b->span[i] == span)
		return i;
	if (b->nspans == BURNDOWN_MAX_SPANS)
		return i;
	memmove(b->span + i + 1, b->span + i, (b->nspans - i) * sizeof *b->span);
	b->span[i] = span;
	b->nspans++;
	return i;
}

static int find_span(const struct burndown *b, int64_t span)
{
	for (size_t i = 0; i < b->nspans; i++)
		if (b->span[i] == span)
			return (int)i;
	return -1;
}

/* The first minute after which more was spent than the whole window's
 * budget allows: events over b x (the window's events), downtime over
 * b x W.  INT64_MIN when it never was. */
static int64_t when_exhausted(const struct evaluator *ev, size_t i, int64_t target,
			      int64_t start, int64_t end, int64_t window_ns)
{
	uint64_t total, bad;
	if (eval_range(ev, i, start, end, &total, &bad))
		return INT64_MIN;
	/* time mode sums are ns, and its budget is of the window */
	bool time_based = eval_time_based(ev);
	i128 allowed = time_based ? (i128)(FRAC_ONE - target) * window_ns
				  : (i128)(FRAC_ONE - target) * total;
	i128 spent = 0;
	/* day by day, then minute by minute in the day it ran out */
	int64_t step = NS_PER_DAY;
	for (int64_t t = ts_floor(start, NS_PER_MIN); t < end;) {
		int64_t e = t + step < end ? t + step : end;
		uint64_t tt, bb;
		eval_range(ev, i, t, e, &tt, &bb);
		/* spent when nothing is left: reaching the budget is enough */
		if (bb > 0 && spent + (i128)bb * FRAC_ONE >= allowed) {
			if (step == NS_PER_MIN)
				return e < end ? e : end; /* the window's end at the latest */
			step = NS_PER_MIN;
			continue;
		}
		spent += (i128)bb * FRAC_ONE;
		t = e;
	}
	return INT64_MIN;
}

void burndown_compute(const struct evaluator *ev, size_t i, int64_t target, int64_t start,
		      int64_t end, int64_t window_ns, double remaining,
		      const struct alert_rule *rules, size_t nrules, struct burndown *out)
{
	uint64_t total, bad;

	memset(out, 0, sizeof *out);
	out->exhausted_at = out->exhaustion = INT64_MIN;
	if (eval_range(ev, i, start, end, &total, &bad))
		return;
	out->ok = true;
	for (size_t k = 0; k < nrules && k < ALERT_MAX_RULES; k++) {
		add_span(out, rules[k].long_ns);
		add_span(out, rules[k].short_ns);
	}
	for (size_t k = 0; k < out->nspans; k++) {
		int64_t from = end - out->span[k];
		eval_range(ev, i, from < start ? start : from, end, &total, &bad);
		out->rate[k] = burn_rate(target, total, bad);
		out->has_data[k] = total > 0;
	}
	out->nalerts = nrules < ALERT_MAX_RULES ? nrules : ALERT_MAX_RULES;
	for (size_t k = 0; k < out->nalerts; k++) {
		out->rule[k] = rules[k];
		int l = find_span(out, rules[k].long_ns), s = find_span(out, rules[k].short_ns);
		out->firing[k] = l >= 0 && s >= 0 && out->has_data[l] && out->has_data[s] &&
				 out->rate[l] > rules[k].threshold && out->rate[s] > rules[k].threshold;
	}
	/* the current rate: the last hour's */
	int64_t from = end - NS_PER_HOUR;
	eval_range(ev, i, from < start ? start : from, end, &total, &bad);
	out->current_rate = burn_rate(target, total, bad);
	if (remaining <= 0) {
		out->exhausted_at = when_exhausted(ev, i, target, start, end, window_ns);
	} else {
		int64_t ns = burn_exhaustion_ns(remaining, out->current_rate, window_ns);
		/* a projection: to the second, not to a double's last digit */
		if (ns >= 0)
			ns = (ns + NS_PER_S / 2) / NS_PER_S * NS_PER_S;
		if (ns >= 0 && end <= INT64_MAX - ns)
			out->exhaustion = end + ns;
	}
}

size_t burndown_periods(const struct evaluator *ev, size_t i, enum cal_kind k, int64_t start,
			int64_t end, double allowed, struct period_row *rows, size_t max)
{
	size_t n = 0;
	double spent = 0;

	for (int64_t t = start; t < end && n < max;) {
		int64_t ps, pe;
		if (k == CAL_NONE) {
			/* hours: the clock's, in the zone */
			int64_t y;
			int m, d, hh, mm, ss, wd;
			ts_to_local(t, &y, &m, &d, &hh, &mm, &ss, &wd);
			ps = t - (int64_t)(mm * 60 + ss) * NS_PER_S - t % NS_PER_S;
			pe = ps + NS_PER_HOUR;
		} else if (cal_period(k, t, &ps, &pe) != NUM_OK) {
			break;
		}
		if (pe <= t)
			break;
		struct period_row *r = &rows[n++];
		r->start = ps < start ? start : ps;
		r->end = pe > end ? end : pe;
		if (eval_range(ev, i, r->start, r->end, &r->total, &r->bad))
			return 0;
		r->spent = allowed > 0 ? (double)r->bad / allowed : 0;
		spent += r->spent;
		r->remaining = 1.0 - spent;
		t = pe;
	}
	return n;
}
