/* Record accumulation over a window. */
#include "eval/evaluator.h"

#include <stdlib.h>
#include <string.h>

#include "util/duration.h"

/* 2^24 buckets of (2 + objectives) counters is the most a window may take:
 * a 365.2425-day year in 12 s buckets is 2.6 million. */
#define MAX_BUCKETS (UINT64_C(1) << 24)

/* Counters of one bucket (or of the whole window without one), laid out
 * as [records, total, bad of objective 0, bad of objective 1, ...]. */
#define SLOT_RECORDS 0
#define SLOT_TOTAL 1
#define SLOT_BAD0 2

struct evaluator {
	struct objective obj[EVAL_MAX_OBJECTIVES];
	size_t n;
	size_t stride;      /* counters per bucket: SLOT_BAD0 + n */
	int64_t window;     /* ns, 0 without a window */
	int64_t align;      /* the window's end is a multiple of this */
	int64_t width;      /* bucket width, ns; divides window and align */
	int64_t nbuckets;
	uint64_t *ring;     /* nbuckets x stride counters; or one bucket */
	int64_t hi;         /* highest bucket number inside the window */
	bool started;
	uint64_t outside;
	int64_t first, last;
	bool has_span;
};

static int64_t gcd64(int64_t a, int64_t b)
{
	while (b) {
		int64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* floor(a / b) for b > 0, also for negative a */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && a < 0) ? q - 1 : q;
}

struct evaluator *eval_new(const struct objective *objs, size_t n,
			   int64_t window_ns, enum eval_err *err)
{
	struct evaluator *ev;
	int64_t nb = 1;

	*err = EVAL_OK;
	if (n > EVAL_MAX_OBJECTIVES)
		n = EVAL_MAX_OBJECTIVES;
	if (window_ns > 0) {
		int64_t align = window_ns >= NS_PER_MIN ? NS_PER_MIN : NS_PER_S;
		int64_t width = gcd64(window_ns, align);
		if ((uint64_t)(window_ns / width) > MAX_BUCKETS) {
			*err = EVAL_WINDOW_TOO_FINE;
			return NULL;
		}
		nb = window_ns / width;
		ev = calloc(1, sizeof *ev);
		if (ev) {
			ev->align = align;
			ev->width = width;
		}
	} else {
		ev = calloc(1, sizeof *ev);
	}
	if (!ev) {
		*err = EVAL_NOMEM;
		return NULL;
	}
	memcpy(ev->obj, objs, n * sizeof *objs);
	ev->n = n;
	ev->stride = SLOT_BAD0 + n;
	ev->window = window_ns;
	ev->nbuckets = nb;
	ev->ring = calloc((size_t)nb * ev->stride, sizeof *ev->ring);
	if (!ev->ring) {
		free(ev);
		*err = EVAL_NOMEM;
		return NULL;
	}
	return ev;
}

void eval_free(struct evaluator *ev)
{
	if (!ev)
		return;
	free(ev->ring);
	free(ev);
}

/* The counters of bucket number k (time / width) in the ring. */
static size_t bucket(const struct evaluator *ev, int64_t k)
{
	int64_t i = k % ev->nbuckets;
	if (i < 0)
		i += ev->nbuckets;
	return (size_t)i * ev->stride;
}

/* Moves the window forward so that bucket `hi` is its newest; buckets that
 * leave it go to the outside count. */
static void advance(struct evaluator *ev, int64_t hi)
{
	int64_t from = ev->hi - ev->nbuckets + 1, to = hi - ev->nbuckets;
	if (to - from + 1 > ev->nbuckets)
		from = to - ev->nbuckets + 1;
	for (int64_t k = from; k <= to; k++) {
		uint64_t *b = ev->ring + bucket(ev, k);
		ev->outside += b[SLOT_RECORDS];
		memset(b, 0, ev->stride * sizeof *b);
	}
	ev->hi = hi;
}

static void count(const struct evaluator *ev, uint64_t *b, const struct slo_record *r)
{
	b[SLOT_RECORDS]++;
	b[SLOT_TOTAL] += r->total;
	for (size_t i = 0; i < ev->n; i++) {
		const struct objective *o = &ev->obj[i];
		if (o->kind == OBJ_EVENTS)
			b[SLOT_BAD0 + i] += r->bad;
		else if (r->latency > o->threshold)
			b[SLOT_BAD0 + i] += r->total;
	}
}

static void note_time(struct evaluator *ev, int64_t t)
{
	if (!ev->has_span) {
		ev->first = ev->last = t;
		ev->has_span = true;
		return;
	}
	if (t < ev->first)
		ev->first = t;
	if (t > ev->last)
		ev->last = t;
}

/* The newest bucket of a window whose last record is at t. */
static int64_t newest_bucket(const struct evaluator *ev, int64_t t)
{
	int64_t end = (floor_div(t, ev->align) + 1) * ev->align;
	return end / ev->width - 1;
}

void eval_close_at(struct evaluator *ev, int64_t last)
{
	if (ev->window == 0)
		return;
	int64_t hi = newest_bucket(ev, last);
	if (!ev->started) {
		ev->hi = hi;
		ev->started = true;
	} else if (hi > ev->hi) {
		advance(ev, hi);
	}
}

size_t eval_memory(const struct evaluator *ev)
{
	return (size_t)ev->nbuckets * ev->stride * sizeof *ev->ring;
}

enum eval_err eval_add(struct evaluator *ev, const struct slo_record *r)
{
	if (ev->window == 0) {
		if (r->has_time)
			note_time(ev, r->time);
		count(ev, ev->ring, r);
		return EVAL_OK;
	}
	if (!r->has_time)
		return EVAL_NO_TIME;
	/* the window's newest bucket is the last of the aligned period
	 * (minute or second) that holds the newest record */
	int64_t hi = newest_bucket(ev, r->time);
	if (!ev->started) {
		ev->hi = hi;
		ev->started = true;
	} else if (hi > ev->hi) {
		advance(ev, hi);
	}
	int64_t k = floor_div(r->time, ev->width);
	if (k <= ev->hi - ev->nbuckets) {
		ev->outside++;
		return EVAL_OK;
	}
	count(ev, ev->ring + bucket(ev, k), r);
	note_time(ev, r->time);
	return EVAL_OK;
}

void eval_result(const struct evaluator *ev, struct eval_result *out)
{
	memset(out, 0, sizeof *out);
	out->n = ev->n;
	out->outside_window = ev->outside;
	int64_t nb = ev->window ? ev->nbuckets : 1;
	int64_t lo = ev->hi - ev->nbuckets + 1;
	for (int64_t j = 0; j < nb; j++) {
		const uint64_t *b = ev->ring + (ev->window ? bucket(ev, lo + j) : 0);
		out->used += b[SLOT_RECORDS];
		for (size_t i = 0; i < ev->n; i++) {
			out->obj[i].total += b[SLOT_TOTAL];
			out->obj[i].bad += b[SLOT_BAD0 + i];
		}
	}
	out->has_span = ev->has_span;
	if (!ev->has_span)
		return;
	if (ev->window) {
		out->end = (ev->hi + 1) * ev->width;
		out->start = out->end - ev->window;
	} else {
		out->start = ev->first;
		out->end = ev->last;
	}
}
