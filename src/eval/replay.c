/* Alert replay over prefix sums of the per-minute history. */
#include "eval/replay.h"

#include <stdlib.h>
#include <string.h>

#include "util/duration.h"
#include "util/num.h"
#include "util/timestamp.h"

/* The history as prefix sums: total[m] and bad[m] hold the sums of the
 * first m minutes, so any span's sum is one subtraction. */
struct history {
	int64_t first;      /* the first minute */
	size_t n;           /* minutes */
	uint64_t *total, *bad;
};

static int history_load(struct history *h, const struct evaluator *ev, size_t i, int64_t start,
			int64_t end)
{
	h->first = ts_floor(start, NS_PER_MIN) / NS_PER_MIN;
	int64_t last = ts_floor(end + NS_PER_MIN - 1, NS_PER_MIN) / NS_PER_MIN;
	h->n = last > h->first ? (size_t)(last - h->first) : 0;
	h->total = calloc(h->n + 1, sizeof *h->total);
	h->bad = calloc(h->n + 1, sizeof *h->bad);
	if (!h->total || !h->bad)
		return -1;
	for (size_t m = 0; m < h->n; m++) {
		int64_t a = (h->first + (int64_t)m) * NS_PER_MIN;
		uint64_t t, b;
		if (eval_range(ev, i, a, a + NS_PER_MIN, &t, &b))
			return -1;
		h->total[m + 1] = h->total[m] + t;
		h->bad[m + 1] = h->bad[m] + b;
	}
	return 0;
}

/* The burn rate over the `span` minutes ending with minute m (an index),
 * and whether the span had data. */
static double burn_over(const struct history *h, int64_t target, size_t m, size_t span,
			bool *has)
{
	size_t to = m + 1, from = to > span ? to - span : 0;
	uint64_t t = h->total[to] - h->total[from], b = h->bad[to] - h->bad[from];
	*has = t > 0;
	return burn_rate(target, t, b);
}

int replay_run(const struct evaluator *ev, size_t i, int64_t target, int64_t start,
	       int64_t end, int64_t window_ns, const struct alert_rule *rules, size_t nrules,
	       double bad_rate, int64_t gap, struct replay *out)
{
	struct history h = {0};
	int rc = -1;
	bool firing[ALERT_MAX_RULES] = {false};
	size_t open[ALERT_MAX_RULES];

	memset(out, 0, sizeof *out);
	out->bad_minute_rate = bad_rate;
	if (nrules > ALERT_MAX_RULES)
		nrules = ALERT_MAX_RULES;
	if (history_load(&h, ev, i, start, end))
		goto done;
	double allowed = eval_time_based(ev)
				 ? (double)(FRAC_ONE - target) / (double)FRAC_ONE * (double)window_ns
				 : (double)(FRAC_ONE - target) / (double)FRAC_ONE * (double)h.total[h.n];
	size_t gap_minutes = (size_t)(gap / NS_PER_MIN);
	/* a minute is judged by the burn over the shortest rule window that
	 * ends with it: one stray error in a busy minute is no incident */
	size_t smooth = 0;
	for (size_t k = 0; k < nrules; k++)
		if (!smooth || (size_t)(rules[k].short_ns / NS_PER_MIN) < smooth)
			smooth = (size_t)(rules[k].short_ns / NS_PER_MIN);
	if (!smooth)
		smooth = 1;
	out->smooth_minutes = smooth;
	bool in_incident = false, dropping = false;
	size_t last_bad = 0;

	for (size_t m = 0; m < h.n; m++) {
		int64_t at = (h.first + (int64_t)m + 1) * NS_PER_MIN; /* the minute's end */
		/* the rules, as evaluated at the end of this minute */
		for (size_t k = 0; k < nrules; k++) {
			bool hl, hs;
			/* an alerting system has the history of its long window
			 * before it judges: no rule fires during the warm-up */
			if (m + 1 < (size_t)(rules[k].long_ns / NS_PER_MIN))
				continue;
			double l = burn_over(&h, target, m, (size_t)(rules[k].long_ns / NS_PER_MIN), &hl);
			double sh = burn_over(&h, target, m, (size_t)(rules[k].short_ns / NS_PER_MIN), &hs);
			bool now = hl && hs && l > rules[k].threshold && sh > rules[k].threshold;
			if (!now) {
				firing[k] = false;
				continue;
			}
			if (!firing[k]) {
				if (out->nfirings == REPLAY_MAX_EVENTS) {
					out->truncated = true;
					continue;
				}
				open[k] = out->nfirings++;
				out->firing[open[k]] = (struct replay_firing){k, at, at, l};
				firing[k] = true;
			}
			struct replay_firing *fi = &out->firing[open[k]];
			fi->end = at; /* still firing at the end of this minute */
			if (l > fi->peak)
				fi->peak = l;
		}
		/* incidents: runs of bad minutes, short gaps bridged */
		bool has;
		bool bad = burn_over(&h, target, m, smooth, &has) >= bad_rate && has;
		if (bad) {
			/* a quiet stretch as long as the gap (and of a minute at
			 * least) ends an incident */
			if (!in_incident || (m - last_bad > 1 && m - last_bad - 1 >= gap_minutes)) {
				if (out->nincidents == REPLAY_MAX_EVENTS) {
					out->truncated = true;
					dropping = true;
				} else {
					dropping = false;
					struct replay_incident *inc = &out->incident[out->nincidents++];
					/* it began with the first minute of the smoothing
					 * window that burned that fast on its own */
					size_t from = m + 1 >= smooth ? m + 1 - smooth : 0, j = from;
					while (j < m && !(burn_over(&h, target, j, 1, &has) >= bad_rate && has))
						j++;
					inc->start = (h.first + (int64_t)j) * NS_PER_MIN;
					inc->first_alert = INT64_MIN;
				}
				in_incident = true;
			}
			last_bad = m;
			if (!dropping)
				out->incident[out->nincidents - 1].end = at;
		}
	}
	/* each incident's first alert: the first firing minute from its start
	 * until the next incident starts */
	for (size_t n = 0; n < out->nincidents; n++) {
		struct replay_incident *inc = &out->incident[n];
		int64_t until = n + 1 < out->nincidents ? out->incident[n + 1].start : INT64_MAX;
		for (size_t f = 0; f < out->nfirings; f++) {
			const struct replay_firing *fi = &out->firing[f];
			if (fi->end < inc->start || fi->start >= until)
				continue;
			int64_t when = fi->start > inc->start ? fi->start : inc->start;
			if (inc->first_alert == INT64_MIN || when < inc->first_alert) {
				inc->first_alert = when;
				inc->rule = fi->rule;
			}
		}
		int64_t by = inc->first_alert != INT64_MIN ? inc->first_alert : inc->end;
		size_t mi = (size_t)(ts_floor(by, NS_PER_MIN) / NS_PER_MIN - h.first);
		if (mi > h.n)
			mi = h.n;
		inc->budget_spent = allowed > 0 ? (double)h.bad[mi] / allowed : 0;
	}
	rc = 0;
done:
	free(h.total);
	free(h.bad);
	return rc;
}
