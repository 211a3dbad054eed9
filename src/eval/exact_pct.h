/* Exact nearest-rank percentiles of latencies (ns), for --exact: every
 * value is kept, so memory GROWS WITH THE INPUT, 8 bytes a value (16 for
 * each pre-aggregated value-and-count).  Without --exact slo uses
 * eval/sketch.h, within 0.1 % in bounded memory. */
#ifndef SLO_EVAL_EXACT_PCT_H
#define SLO_EVAL_EXACT_PCT_H

#include <stddef.h>
#include <stdint.h>

/* Return codes; 0 is success.  The same values as sketch.h's. */
#define EXACT_PCT_ENOMEM (-1)    /* out of memory; nothing changed */
#define EXACT_PCT_EOVERFLOW (-2) /* the count would pass UINT64_MAX; nothing changed */

struct exact_pct;

/* An empty collector, NULL when out of memory.  exact_pct_free(NULL) does
 * nothing. */
struct exact_pct *exact_pct_new(void);
void exact_pct_free(struct exact_pct *e);

/* Counts ns once (n times for exact_pct_add_n, stored as one value and
 * its count; n = 0 does nothing).  Negative values count as 0, as in the
 * sketch.  0, EXACT_PCT_ENOMEM or EXACT_PCT_EOVERFLOW. */
int exact_pct_add(struct exact_pct *e, int64_t ns);
int exact_pct_add_n(struct exact_pct *e, int64_t ns, uint64_t n);

/* Adds everything src holds to dst (src unchanged).  0, EXACT_PCT_ENOMEM
 * or EXACT_PCT_EOVERFLOW (dst unchanged then). */
int exact_pct_merge(struct exact_pct *dst, const struct exact_pct *src);

/* Empties e, keeping its memory for reuse. */
void exact_pct_clear(struct exact_pct *e);

uint64_t exact_pct_count(const struct exact_pct *e);

/* The ceil(p x n)-th smallest value (p a FRAC_ONE fraction; p <= 0 is the
 * smallest, p >= FRAC_ONE the largest); -1 when empty.  Not const: the
 * first call after an add sorts the values in place, O(n log n); later
 * calls walk them, O(n). */
int64_t exact_pct_quantile(struct exact_pct *e, int64_t p);

/* The bytes e holds, its struct included. */
size_t exact_pct_memory(const struct exact_pct *e);

#endif
