/* Error-budget math. */
#include "eval/budget.h"

int64_t budget_fraction(int64_t target)
{
	return FRAC_ONE - target;
}

int64_t budget_allowed_downtime(int64_t target, int64_t window_ns)
{
	i128 p = (i128)budget_fraction(target) * window_ns;
	return (int64_t)((p + FRAC_ONE / 2) / FRAC_ONE);
}

struct budget_events budget_events(int64_t target, uint64_t total, uint64_t bad)
{
	struct budget_events r = {0};
	int64_t b = budget_fraction(target);

	r.total = total;
	r.bad = bad;
	r.good = total - bad;
	r.has_data = total > 0;
	if (!r.has_data)
		return r;
	r.allowed_bad_scaled = (i128)b * total;
	r.sli = (double)r.good / (double)total;
	r.allowed_bad = (double)r.allowed_bad_scaled / (double)FRAC_ONE;
	r.consumed = (double)((i128)bad * FRAC_ONE) / (double)r.allowed_bad_scaled;
	r.remaining = 1.0 - r.consumed;
	r.burn_rate = r.consumed; /* over the whole window they are one number */
	r.met = (i128)bad * FRAC_ONE <= r.allowed_bad_scaled;
	r.low_traffic = r.allowed_bad_scaled < FRAC_ONE;
	return r;
}

bool budget_events_below(int64_t target, uint64_t total, uint64_t bad,
			 int64_t min_remaining)
{
	if (total == 0)
		return true;
	/* remaining = (bT - bad) / bT with bT = b x total; compare
	 * (bT - bad) x ONE < min x bT in integers, all scaled by ONE */
	i128 bt = (i128)budget_fraction(target) * total;
	i128 left = bt - (i128)bad * FRAC_ONE;
	return left * FRAC_ONE < (i128)min_remaining * bt;
}

struct budget_time budget_time(int64_t target, int64_t window_ns, int64_t down_ns)
{
	struct budget_time r;

	r.allowed = budget_allowed_downtime(target, window_ns);
	r.availability = 1.0 - (double)down_ns / (double)window_ns;
	i128 bw = (i128)budget_fraction(target) * window_ns;
	r.consumed = (double)((i128)down_ns * FRAC_ONE) / (double)bw;
	r.remaining = 1.0 - r.consumed;
	r.met = (i128)down_ns * FRAC_ONE <= bw;
	return r;
}

double budget_spent_at_rate(double rate, int64_t span_ns, int64_t window_ns)
{
	return rate * (double)span_ns / (double)window_ns;
}

double budget_rate_for_spend(double spent, int64_t span_ns, int64_t window_ns)
{
	return spent * (double)window_ns / (double)span_ns;
}
