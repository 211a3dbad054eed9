/* A per-minute timeline of counters over the data's span: what burn
 * rates, alerts, the budget drawn per day and alert replay are computed
 * from.  Memory grows with the days the data touches (a day of minutes
 * is allocated when a record first lands in it), never with the number
 * of records, and records out of order land in their own minute. */
#ifndef SLO_EVAL_TIMELINE_H
#define SLO_EVAL_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/bytes.h"

#define TIMELINE_MAX_DAYS (366 * 20) /* 20 years of minutes at the most */

struct timeline;

/* A timeline of `slots` counters a minute.  NULL when out of memory. */
struct timeline *timeline_new(size_t slots);
void timeline_free(struct timeline *tl);

/* Adds v to counter `slot` of the minute holding t (ns).  Returns 0, or -1
 * when the span would pass TIMELINE_MAX_DAYS or memory runs out. */
int timeline_add(struct timeline *tl, int64_t t, size_t slot, uint64_t v);

/* The `slots` counters of the minute holding t (ns), to add to; NULL
 * when the span would pass TIMELINE_MAX_DAYS or memory runs out. */
uint64_t *timeline_row(struct timeline *tl, int64_t t);

/* The first and last minute (minutes since the epoch) with a counter
 * added; returns -1 when empty. */
int timeline_span(const struct timeline *tl, int64_t *first, int64_t *last);

/* Counter `slot` summed over the minutes [from, to). */
uint64_t timeline_sum(const struct timeline *tl, size_t slot, int64_t from, int64_t to);

/* Adds src's counters to dst's (timelines of the same slots); -1 when
 * they differ, or dst cannot hold the span. */
int timeline_merge(struct timeline *dst, const struct timeline *src);

/* The minutes holding a counter, for saved state: a row count, then each
 * row's minute (since the epoch) and its `slots` counters, as varints. */
void timeline_encode(const struct timeline *tl, struct bytes *b);
/* Adds the rows timeline_encode wrote.  Each row is shown to ok first
 * (unless NULL), which says whether the caller takes it: a row it
 * refuses makes the bytes corrupt.  -1 on failure: with r->bad set when
 * the bytes were corrupt, else with every row read past, when the
 * timeline could not hold them (a span past TIMELINE_MAX_DAYS, counters
 * past 2^64, out of memory) and gives up as timeline_add does. */
int timeline_decode_add(struct timeline *tl, struct bytes_reader *r,
			bool (*ok)(const uint64_t *row, void *arg), void *arg);

#endif
