/* Nearest-rank percentiles (SPEC): the p-th percentile of n values is the
 * ceil(p/100 x n)-th smallest.  Computed in integers so that p99.9 of
 * 1000 values is exactly the 999th. */
#ifndef SLO_EVAL_PERCENTILE_H
#define SLO_EVAL_PERCENTILE_H

#include <stdint.h>

/* The 1-based rank of percentile p (a FRAC_ONE fraction: 0.99 is p99) in
 * n values: ceil(p x n), at least 1; 0 when n is 0. */
uint64_t percentile_rank(int64_t p, uint64_t n);

#endif
