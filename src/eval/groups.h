/* Evaluation per group of records (--group-by): one evaluator per value
 * of the grouping field, all sharing the window of the whole data.  The
 * number of groups is bounded by a memory budget; records of groups
 * beyond it are counted in one group named "(other)". */
#ifndef SLO_EVAL_GROUPS_H
#define SLO_EVAL_GROUPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eval/evaluator.h"

#define GROUPS_OTHER "(other)"

struct groups;

/* Creates an empty set of groups for the objectives and window of
 * eval_new, holding at most max_groups groups (fewer when their counters
 * would pass max_bytes).  NULL with *err set on failure. */
struct groups *groups_new(const struct objective *objs, size_t n, int64_t window_ns,
			  size_t max_groups, size_t max_bytes, enum eval_err *err);
void groups_free(struct groups *g);

/* Makes every group time-based (eval_set_time), before the first record. */
void groups_set_time(struct groups *g, int64_t interval, bool changes);

/* Gives every group the same bounds or calendar (eval_set_bounds,
 * eval_set_calendar), and a timeline when they are time-based. */
void groups_set_bounds(struct groups *g, int64_t start, int64_t end, enum cal_kind k);

/* Excludes [start, end) in every group (eval_exclude). */
int groups_exclude(struct groups *g, int64_t start, int64_t end);

/* Makes every group an incident list (eval_set_incidents). */
void groups_set_incidents(struct groups *g);

/* eval_finish for every group; the first error. */
enum eval_err groups_finish(struct groups *g, int64_t until);

/* Counts a record in the group named key[0..len). */
enum eval_err groups_add(struct groups *g, const char *key, size_t len,
			 const struct slo_record *r);

/* Ends every group's window with the newest record of all the data. */
void groups_close_at(struct groups *g, int64_t last);

size_t groups_count(const struct groups *g);
size_t groups_limit(const struct groups *g);  /* groups before "(other)" */
const char *groups_key(const struct groups *g, size_t i);
void groups_result(const struct groups *g, size_t i, struct eval_result *out);

/* Forgets every group, keeping the settings (eval_reset). */
void groups_reset(struct groups *g);

/* Saved state (slo eval --save-state): the number of groups, then each
 * one's key and eval_encode state. */
#define GROUPS_KEY_MAX 65536 /* bytes of a key a saved state may hold */
void groups_encode(const struct groups *g, struct bytes *b);
/* Merges the groups groups_encode wrote into g, by key (a group beyond
 * g's limit goes to "(other)"); EVAL_CORRUPT for bytes not its. */
enum eval_err groups_decode_merge(struct groups *g, struct bytes_reader *r);

#endif
