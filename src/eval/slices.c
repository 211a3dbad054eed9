/* Time slices from the per-minute timeline. */
#include "eval/slices.h"

#include <string.h>

#include "util/num.h"

int slices_compute(const struct evaluator *ev, size_t i, int64_t start, int64_t end,
		   int64_t slice_ns, int64_t slice_target, bool whole_period, struct slices *out)
{
	double sum = 0;

	memset(out, 0, sizeof *out);
	for (int64_t t = start; t < end; t += slice_ns) {
		uint64_t total, bad;
		int64_t e = t + slice_ns < end ? t + slice_ns : end;
		if (eval_range(ev, i, t, e, &total, &bad))
			return -1;
		if (total == 0) {
			out->no_data++;
			continue;
		}
		/* good when good / total >= the slice target, in integers */
		bool good = (i128)(total - bad) * FRAC_ONE >= (i128)slice_target * total;
		if (good)
			out->good++;
		else
			out->bad++;
		sum += (double)(total - bad) / (double)total;
	}
	uint64_t with_data = out->good + out->bad;
	out->mean_ratio = with_data ? sum / (double)with_data : 0;
	out->slices = with_data;
	if (whole_period) {
		/* slices still to come, or without events, are not bad */
		out->good += out->no_data;
		out->slices += out->no_data;
	}
	return 0;
}
