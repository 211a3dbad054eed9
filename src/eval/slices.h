/* Time slices (SPEC, OpenSLO budgeting methods): the window cut into
 * slices of a whole number of minutes, each good when its own good ratio
 * reaches the slice target.  Timeslices: SLI = good slices / slices.
 * RatioTimeslices: SLI = the mean of the slices' good ratios.  A slice
 * with no events is no data. */
#ifndef SLO_EVAL_SLICES_H
#define SLO_EVAL_SLICES_H

#include <stdbool.h>
#include <stdint.h>

#include "eval/evaluator.h"

struct slices {
	uint64_t slices;      /* slices with data (or, for a calendar window,
				 every slice of the period) */
	uint64_t good, bad;   /* slices reaching the target, and the others */
	uint64_t no_data;     /* slices without events */
	double mean_ratio;    /* the mean of the good ratios of slices with data */
};

/* Objective i of ev over [start, end), cut into slices of slice_ns from
 * start.  With whole_period, slices without data count as good and in
 * the denominator (a calendar window's budget is of the whole period).
 * Returns -1 when the evaluator has no timeline. */
int slices_compute(const struct evaluator *ev, size_t i, int64_t start, int64_t end,
		   int64_t slice_ns, int64_t slice_target, bool whole_period, struct slices *out);

#endif
