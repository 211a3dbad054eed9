/* Record accumulation over a window. */
#include "eval/evaluator.h"

#include <stdlib.h>
#include <string.h>

#include "eval/exact_pct.h"
#include "eval/sketch.h"
#include "eval/timeline.h"
#include "util/duration.h"
#include "util/timestamp.h"

/* 2^24 buckets of (2 + objectives) counters is the most a window may take:
 * a 365.2425-day year in 12 s buckets is 2.6 million. */
#define MAX_BUCKETS (UINT64_C(1) << 24)

/* Counters of one bucket (or of the whole window without one), laid out
 * as [records, total 0, bad 0, total 1, bad 1, ...]: each objective has
 * its own total, since a record without a latency counts for availability
 * but not for a latency objective. */
#define SLOT_RECORDS 0
#define SLOT_TOTAL(i) (1 + 2 * (i))
#define SLOT_BAD(i) (2 + 2 * (i))
/* records in excluded periods, kept by bucket so that those that leave a
 * rolling window count as outside it, as every other record there */
#define SLOT_EXCLUDED(ev) ((ev)->stride - 1)

/* Latency percentiles over the window.  Without a rolling window, one
 * sketch of every latency counted (reset when a calendar window moves
 * to a newer period).  In a rolling window latencies cannot be taken out
 * one by one as their buckets leave it, so they are kept by block of
 * ring buckets, PCT_BLOCKS to the window, in a ring of PCT_BLOCKS + 1
 * sketches: a block leaves as a whole, and the oldest block the window
 * still touches is counted whole too.  --exact keeps every value (with
 * its bucket in a rolling window, to leave out those of buckets that
 * left it). */
#define PCT_BLOCKS 64
struct timed_value {
	int64_t k, ns;
	uint64_t n;
};

struct pct {
	bool on, exact, failed;
	struct sketch *all;
	struct sketch *blk[PCT_BLOCKS + 1];
	int64_t blk_no[PCT_BLOCKS + 1]; /* the block each holds */
	int64_t per;                    /* ring buckets a block */
	/* the block of the last record: its ring buckets [cur_lo, cur_hi]
	 * and its slot, so that records in it take no division */
	int64_t cur_b, cur_lo, cur_hi;
	size_t cur_slot;
	struct exact_pct *ex;
	struct timed_value *tv;         /* exact, rolling */
	size_t ntv, captv;
};

struct evaluator {
	struct objective obj[EVAL_MAX_OBJECTIVES];
	size_t n;
	size_t stride;      /* counters per bucket: 2 + 2n */
	int64_t window;     /* ns, 0 without a window */
	int64_t align;      /* the window's end is a multiple of this */
	int64_t width;      /* bucket width, ns; divides window and align */
	int64_t nbuckets;
	uint64_t *ring;     /* nbuckets x stride counters; or one bucket */
	int64_t hi;         /* highest bucket number inside the window */
	bool started;
	bool dirty;         /* the ring may hold counts: eval_reset clears it */
	int64_t k_min;      /* the oldest bucket written since (bucket_w) */
	uint64_t outside;
	int64_t first, last;
	bool has_span;
	/* time-based (probe) mode */
	bool time_mode, changes, finished;
	int64_t interval;        /* 0 until inferred */
	struct sample {
		int64_t t;
		bool down;
	} *pending;              /* sorted, not yet placed */
	size_t npending;
	bool have_prev;
	struct sample prev;      /* the last sample placed */
	int64_t covered_to;      /* end of the time placed so far */
	int64_t up_total, down_total; /* without a window */
	/* a window of bounds (eval_set_bounds, eval_set_calendar) */
	bool bounded, bounds_set;
	enum cal_kind cal;
	int64_t b_start, b_end;
	struct period {
		int64_t start, end;
	} excl[EVAL_MAX_EXCLUDED]; /* sorted, not overlapping */
	size_t nexcl;
	uint64_t excluded;
	uint64_t sum_total;   /* every event counted: none may overflow */
	struct timeline *tl;  /* eval_enable_timeline, or NULL */
	bool tl_failed;       /* the timeline could not hold the span */
	/* latency percentiles (eval_enable_percentiles) */
	struct pct pct;
	/* the bucket of the last event record: number, start, the newest
	 * bucket its time makes, offset in the ring */
	bool c_valid;
	int64_t c_k, c_lo, c_hi;
	size_t c_off;
	/* the lane, eval_add's short way: the times [f_lo, f_hi] of the
	 * bucket (and minute) of the last record counted, where a record
	 * with a time has nothing to check but the sum (no exclusions, no
	 * bounds, inside the window) and goes to the counters, timeline
	 * minute (or NULL) and sketch (or NULL) already found.  Opened by a
	 * record counted the long way (lane_set), closed (lane_off) by
	 * whatever else changes the evaluator. */
	bool f_on;
	int64_t f_lo, f_hi;
	uint64_t *f_b, *f_b2;
	struct sketch *f_sk;
	/* incident mode: the merged interval still open */
	bool incidents, have_open;
	int64_t open_start, open_end;
};

/* In time mode a bucket holds [records, up ns, down ns]. */
#define SLOT_UP SLOT_TOTAL(0)
#define SLOT_DOWN SLOT_BAD(0)

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

/* Closes the lane: whatever moves buckets, sketches or the rules calls
 * this first. */
static void lane_off(struct evaluator *ev)
{
	ev->f_on = false;
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
	ev->stride = 2 + 2 * n; /* and the excluded records, last */
	ev->window = window_ns;
	ev->nbuckets = nb;
	ev->k_min = INT64_MAX;
	ev->ring = calloc((size_t)nb * ev->stride, sizeof *ev->ring);
	if (!ev->ring) {
		free(ev);
		*err = EVAL_NOMEM;
		return NULL;
	}
	return ev;
}

static void pct_free(struct pct *p)
{
	sketch_free(p->all);
	for (size_t i = 0; i <= PCT_BLOCKS; i++)
		sketch_free(p->blk[i]);
	exact_pct_free(p->ex);
	free(p->tv);
	memset(p, 0, sizeof *p);
}

void eval_free(struct evaluator *ev)
{
	if (!ev)
		return;
	pct_free(&ev->pct);
	free(ev->ring);
	free(ev->pending);
	timeline_free(ev->tl);
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

/* The same, for a bucket about to be written: buckets older than every
 * one written since the last reset stay zeros, and the scans of the
 * window (result_core, eval_merge, eval_encode) start at the oldest one
 * written.  A 30-day window of minutes is 2 MiB of ring, most of it
 * never touched by a day of data; reading it would map every page. */
static size_t bucket_w(struct evaluator *ev, int64_t k)
{
	if (k < ev->k_min)
		ev->k_min = k;
	return bucket(ev, k);
}

/* The first bucket worth scanning of the nb from lo on, as an offset. */
static int64_t first_written(const struct evaluator *ev, int64_t lo, int64_t nb)
{
	if (!ev->window || ev->k_min <= lo)
		return 0;
	/* bucket numbers are times over widths: lo + nb cannot overflow,
	 * k_min may be INT64_MAX (none written) */
	return ev->k_min >= lo + nb ? nb : ev->k_min - lo;
}

/* Moves the window forward so that bucket `hi` is its newest; buckets that
 * leave it go to the outside count. */
static void advance(struct evaluator *ev, int64_t hi)
{
	int64_t from = ev->hi - ev->nbuckets + 1, to = hi - ev->nbuckets;
	if (to - from + 1 > ev->nbuckets)
		from = to - ev->nbuckets + 1;
	if (from < ev->k_min)
		from = ev->k_min; /* the older ones are zeros already */
	for (int64_t k = from; k <= to; k++) {
		uint64_t *b = ev->ring + bucket(ev, k);
		ev->outside += b[SLOT_RECORDS] + b[SLOT_EXCLUDED(ev)];
		memset(b, 0, ev->stride * sizeof *b);
	}
	ev->hi = hi;
}

static void pct_clear(struct pct *p)
{
	if (p->all)
		sketch_clear(p->all);
	if (p->ex)
		exact_pct_clear(p->ex);
	p->ntv = 0;
}

/* Counts a record's latency, at ring bucket k in a rolling window.  Out
 * of memory, the percentiles are given up (eval_percentiles says so),
 * not the evaluation. */
static void pct_add(struct evaluator *ev, int64_t k, const struct slo_record *r)
{
	struct pct *p = &ev->pct;
	if (p->failed)
		return;
	if (p->exact && ev->window) {
		if (p->ntv == p->captv) {
			size_t cap = p->captv ? p->captv * 2 : 4096;
			struct timed_value *t = realloc(p->tv, cap * sizeof *t);
			if (!t) {
				p->failed = true;
				return;
			}
			p->tv = t;
			p->captv = cap;
		}
		p->tv[p->ntv++] = (struct timed_value){k, r->latency, r->total};
		return;
	}
	if (p->exact) {
		if (exact_pct_add_n(p->ex, r->latency, r->total))
			p->failed = true;
		return;
	}
	struct sketch *sk = p->all;
	if (ev->window && k >= p->cur_lo && k <= p->cur_hi && p->blk[p->cur_slot] &&
	    p->blk_no[p->cur_slot] == p->cur_b) {
		sk = p->blk[p->cur_slot];
	} else if (ev->window) {
		int64_t b = floor_div(k, p->per);
		size_t slot = (size_t)(((b % (PCT_BLOCKS + 1)) + PCT_BLOCKS + 1) % (PCT_BLOCKS + 1));
		if (!p->blk[slot] && !(p->blk[slot] = sketch_new())) {
			p->failed = true;
			return;
		}
		/* a slot's older block has left the window: the window spans
		 * PCT_BLOCKS + 1 blocks at the most */
		if (p->blk_no[slot] != b) {
			sketch_clear(p->blk[slot]);
			p->blk_no[slot] = b;
		}
		sk = p->blk[slot];
		p->cur_b = b;
		p->cur_slot = slot;
		p->cur_lo = b * p->per;
		p->cur_hi = p->cur_lo + (p->per - 1);
	}
	if (sketch_add_n(sk, r->latency, r->total))
		p->failed = true;
}

/* Counts a record in the counters b (a bucket or a timeline minute), and
 * in b2 too unless it is NULL: a record lands in both, and is judged
 * once for both. */
static inline void count2(const struct evaluator *ev, uint64_t *b, uint64_t *b2,
			  const struct slo_record *r)
{
	for (size_t i = 0; i < ev->n; i++) {
		const struct objective *o = &ev->obj[i];
		uint64_t total, bad;
		if (o->kind == OBJ_EVENTS) {
			total = r->total;
			bad = r->bad;
		} else if (r->has_latency) {
			total = r->total;
			bad = r->latency > o->threshold ? r->total : 0;
		} else {
			continue;
		}
		b[SLOT_TOTAL(i)] += total;
		b[SLOT_BAD(i)] += bad;
		if (b2) {
			b2[SLOT_TOTAL(i)] += total;
			b2[SLOT_BAD(i)] += bad;
		}
	}
	b[SLOT_RECORDS]++;
	if (b2)
		b2[SLOT_RECORDS]++;
}

static void count(const struct evaluator *ev, uint64_t *b, const struct slo_record *r)
{
	count2(ev, b, NULL, r);
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

int eval_exclude(struct evaluator *ev, int64_t start, int64_t end)
{
	lane_off(ev);
	if (end <= start)
		return 0;
	/* insert, then merge what now overlaps */
	if (ev->nexcl == EVAL_MAX_EXCLUDED)
		return -1;
	size_t i = 0;
	while (i < ev->nexcl && ev->excl[i].start < start)
		i++;
	memmove(ev->excl + i + 1, ev->excl + i, (ev->nexcl - i) * sizeof *ev->excl);
	ev->excl[i] = (struct period){start, end};
	ev->nexcl++;
	size_t o = 0;
	for (size_t k = 1; k < ev->nexcl; k++) {
		if (ev->excl[k].start <= ev->excl[o].end) {
			if (ev->excl[k].end > ev->excl[o].end)
				ev->excl[o].end = ev->excl[k].end;
		} else {
			ev->excl[++o] = ev->excl[k];
		}
	}
	ev->nexcl = o + 1;
	return 0;
}

static bool excluded_at(const struct evaluator *ev, int64_t t)
{
	for (size_t i = 0; i < ev->nexcl && ev->excl[i].start <= t; i++)
		if (t < ev->excl[i].end)
			return true;
	return false;
}

/* ns of [a, b) in excluded periods */
static int64_t excluded_in(const struct evaluator *ev, int64_t a, int64_t b)
{
	int64_t sum = 0;
	for (size_t i = 0; i < ev->nexcl; i++) {
		int64_t s = ev->excl[i].start > a ? ev->excl[i].start : a;
		int64_t e = ev->excl[i].end < b ? ev->excl[i].end : b;
		if (e > s)
			sum += e - s;
	}
	return sum;
}

void eval_set_bounds(struct evaluator *ev, int64_t start, int64_t end)
{
	lane_off(ev);
	ev->bounded = ev->bounds_set = true;
	ev->b_start = start;
	ev->b_end = end;
}

void eval_set_calendar(struct evaluator *ev, enum cal_kind k)
{
	lane_off(ev);
	ev->bounded = true;
	ev->cal = k;
}

/* Whether t is inside the bounds; a calendar window moves to a newer
 * period first, and what was counted so far is then outside. */
static bool in_bounds(struct evaluator *ev, int64_t t)
{
	if (ev->cal != CAL_NONE && (!ev->bounds_set || t >= ev->b_end)) {
		int64_t s, e;
		if (cal_period(ev->cal, t, &s, &e) != NUM_OK)
			return false;
		if (ev->bounds_set) {
			ev->outside += ev->ring[SLOT_RECORDS];
			memset(ev->ring, 0, ev->stride * sizeof *ev->ring);
			ev->has_span = false;
			pct_clear(&ev->pct);
		}
		ev->b_start = s;
		ev->b_end = e;
		ev->bounds_set = true;
	}
	return t >= ev->b_start && t < ev->b_end;
}

void eval_close_at(struct evaluator *ev, int64_t last)
{
	lane_off(ev);
	if (ev->bounded) {
		in_bounds(ev, last);
		return;
	}
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

int eval_enable_timeline(struct evaluator *ev)
{
	lane_off(ev);
	ev->tl = timeline_new(ev->stride);
	return ev->tl ? 0 : -1;
}

/* Adds to the timeline; a span it cannot hold switches it off. */
static void tl_add(struct evaluator *ev, int64_t t, size_t slot, uint64_t v)
{
	if (ev->tl && !ev->tl_failed && v && timeline_add(ev->tl, t, slot, v))
		ev->tl_failed = true;
}

/* The timeline minute of a record, or NULL without a timeline (or one
 * that gave up, which this may make it do). */
static uint64_t *tl_row(struct evaluator *ev, const struct slo_record *r)
{
	if (!ev->tl || ev->tl_failed || !r->has_time)
		return NULL;
	uint64_t *row = timeline_row(ev->tl, r->time);
	if (!row)
		ev->tl_failed = true;
	return row;
}

/* Counts a record in its minute of the timeline too. */
static void tl_record(struct evaluator *ev, const struct slo_record *r)
{
	uint64_t *row = tl_row(ev, r);
	if (row)
		count(ev, row, r);
}

/* Opens the lane for the records after r (just counted in the counters b
 * of the times [lo, hi]): those in the same bucket and minute land where
 * r did.  Not for the cases the long way has more to do for. */
static void lane_set(struct evaluator *ev, const struct slo_record *r, uint64_t *b, int64_t lo,
		     int64_t hi)
{
	const struct pct *p = &ev->pct;
	if (!r->has_time || ev->bounded || ev->nexcl || (p->on && (p->exact || p->failed)))
		return;
	int64_t t = r->time;
	if (t < INT64_MIN + NS_PER_MIN || t > INT64_MAX - NS_PER_MIN)
		return;
	int64_t m_lo = floor_div(t, NS_PER_MIN) * NS_PER_MIN;
	uint64_t *row = NULL;
	if (ev->tl && !ev->tl_failed && !(row = timeline_row(ev->tl, t)))
		return;
	struct sketch *sk = NULL;
	if (p->on && !ev->window) {
		sk = p->all;
	} else if (p->on) {
		/* the block of r's bucket, if a record with a latency opened it */
		if (ev->c_k < p->cur_lo || ev->c_k > p->cur_hi || !p->blk[p->cur_slot] ||
		    p->blk_no[p->cur_slot] != p->cur_b)
			return;
		sk = p->blk[p->cur_slot];
	}
	ev->f_lo = lo > m_lo ? lo : m_lo;
	ev->f_hi = hi < m_lo + (NS_PER_MIN - 1) ? hi : m_lo + (NS_PER_MIN - 1);
	ev->f_b = b;
	ev->f_b2 = row;
	ev->f_sk = sk;
	ev->f_on = true;
}

int eval_enable_percentiles(struct evaluator *ev, bool exact)
{
	lane_off(ev);
	struct pct *p = &ev->pct;
	p->on = true;
	p->exact = exact;
	p->per = ev->window ? (ev->nbuckets + PCT_BLOCKS - 1) / PCT_BLOCKS : 1;
	for (size_t i = 0; i <= PCT_BLOCKS; i++)
		p->blk_no[i] = INT64_MIN;
	p->cur_lo = 1; /* no block yet */
	p->cur_hi = 0;
	if (exact && !ev->window)
		p->ex = exact_pct_new();
	else if (!exact && !ev->window)
		p->all = sketch_new();
	if ((exact && !ev->window && !p->ex) || (!exact && !ev->window && !p->all)) {
		pct_free(p);
		return -1;
	}
	return 0;
}

/* The oldest block a rolling window touches. */
static int64_t oldest_block(const struct evaluator *ev)
{
	return floor_div(ev->hi - ev->nbuckets + 1, ev->pct.per);
}

int eval_percentiles(struct evaluator *ev, const int64_t *ps, size_t n, int64_t *out,
		     uint64_t *count)
{
	lane_off(ev);
	struct pct *p = &ev->pct;
	*count = 0;
	if (!p->on || p->failed)
		return -1;
	if (p->exact && ev->window) {
		/* the values of buckets still in the window */
		struct exact_pct *e = exact_pct_new();
		int64_t lo = ev->hi - ev->nbuckets;
		for (size_t i = 0; e && i < p->ntv; i++)
			if (p->tv[i].k > lo && exact_pct_add_n(e, p->tv[i].ns, p->tv[i].n)) {
				exact_pct_free(e);
				e = NULL;
			}
		if (!e)
			return -1;
		*count = exact_pct_count(e);
		for (size_t i = 0; i < n; i++)
			out[i] = exact_pct_quantile(e, ps[i]);
		exact_pct_free(e);
		return 0;
	}
	if (p->exact) {
		*count = exact_pct_count(p->ex);
		for (size_t i = 0; i < n; i++)
			out[i] = exact_pct_quantile(p->ex, ps[i]);
		return 0;
	}
	if (!ev->window) {
		*count = sketch_count(p->all);
		for (size_t i = 0; i < n; i++)
			out[i] = sketch_quantile(p->all, ps[i]);
		return 0;
	}
	struct sketch *sum = sketch_new();
	int64_t from = oldest_block(ev);
	for (size_t j = 0; sum && j <= PCT_BLOCKS; j++)
		if (p->blk[j] && p->blk_no[j] >= from && sketch_merge(sum, p->blk[j])) {
			sketch_free(sum);
			sum = NULL;
		}
	if (!sum)
		return -1;
	*count = sketch_count(sum);
	for (size_t i = 0; i < n; i++)
		out[i] = sketch_quantile(sum, ps[i]);
	sketch_free(sum);
	return 0;
}

int64_t eval_percentiles_from(const struct evaluator *ev)
{
	if (!ev->window || ev->pct.exact)
		return INT64_MIN;
	int64_t from = oldest_block(ev) * ev->pct.per, start = ev->hi - ev->nbuckets + 1;
	return from < start ? from * ev->width : INT64_MIN;
}

size_t eval_percentiles_memory(const struct evaluator *ev)
{
	const struct pct *p = &ev->pct;
	size_t m = p->all ? sketch_memory(p->all) : 0;
	for (size_t j = 0; j <= PCT_BLOCKS; j++)
		m += p->blk[j] ? sketch_memory(p->blk[j]) : 0;
	return m + (p->ex ? exact_pct_memory(p->ex) : 0) + p->captv * sizeof *p->tv;
}

bool eval_time_based(const struct evaluator *ev)
{
	return ev->time_mode;
}

int eval_range(const struct evaluator *ev, size_t i, int64_t from, int64_t to,
	       uint64_t *total, uint64_t *bad)
{
	if (!ev->tl || ev->tl_failed)
		return -1;
	int64_t a = floor_div(from, NS_PER_MIN), b = floor_div(to, NS_PER_MIN);
	if (ev->incidents) {
		/* an incident list records only downtime: the rest is up */
		*bad = timeline_sum(ev->tl, SLOT_DOWN, a, b);
		int64_t span = (b - a) * NS_PER_MIN - excluded_in(ev, a * NS_PER_MIN, b * NS_PER_MIN);
		*total = span > 0 ? (uint64_t)span : *bad;
		if (*total < *bad)
			*total = *bad;
		return 0;
	}
	if (ev->time_mode) {
		uint64_t up = timeline_sum(ev->tl, SLOT_UP, a, b);
		*bad = timeline_sum(ev->tl, SLOT_DOWN, a, b);
		*total = up + *bad;
	} else {
		*total = timeline_sum(ev->tl, SLOT_TOTAL(i), a, b);
		*bad = timeline_sum(ev->tl, SLOT_BAD(i), a, b);
	}
	return 0;
}

void eval_set_time(struct evaluator *ev, int64_t interval, bool changes)
{
	lane_off(ev);
	ev->time_mode = true;
	ev->interval = interval;
	ev->changes = changes;
}

/* Makes bucket k part of the window, moving the window forward if it is
 * newer than the newest. */
static void reach(struct evaluator *ev, int64_t t)
{
	int64_t hi = newest_bucket(ev, t);
	if (!ev->started) {
		ev->hi = hi;
		ev->started = true;
	} else if (hi > ev->hi) {
		advance(ev, hi);
	}
}

/* Adds [a, b) of a state to the buckets it spans, dropping what lies
 * before the window. */
static void cover_part(struct evaluator *ev, int64_t a, int64_t b, bool down);

/* Adds [a, b) of a state, but for its excluded parts. */
static void cover(struct evaluator *ev, int64_t a, int64_t b, bool down)
{
	for (size_t i = 0; i < ev->nexcl && a < b; i++) {
		if (ev->excl[i].end <= a)
			continue;
		if (ev->excl[i].start >= b)
			break;
		cover_part(ev, a, ev->excl[i].start, down);
		a = ev->excl[i].end;
	}
	cover_part(ev, a, b, down);
}

static void cover_part(struct evaluator *ev, int64_t a, int64_t b, bool down)
{
	if (b <= a)
		return;
	/* the timeline keeps all of it, minute by minute */
	for (int64_t m = a; ev->tl && m < b;) {
		int64_t e = (floor_div(m, NS_PER_MIN) + 1) * NS_PER_MIN;
		if (e > b)
			e = b;
		tl_add(ev, m, down ? SLOT_DOWN : SLOT_UP, (uint64_t)(e - m));
		m = e;
	}
	if (ev->window == 0) {
		*(down ? &ev->down_total : &ev->up_total) += b - a;
		return;
	}
	reach(ev, b - 1);
	int64_t lo = (ev->hi - ev->nbuckets + 1) * ev->width;
	if (a < lo)
		a = lo;
	for (int64_t k = floor_div(a, ev->width); a < b; k++) {
		int64_t e = (k + 1) * ev->width;
		if (e > b)
			e = b;
		ev->ring[bucket_w(ev, k) + (down ? SLOT_DOWN : SLOT_UP)] += (uint64_t)(e - a);
		a = e;
	}
}

/* Places a sample in time order: the one before it gets its time. */
static void place(struct evaluator *ev, struct sample s)
{
	if (ev->have_prev) {
		int64_t end = s.t;
		if (!ev->changes && ev->prev.t + ev->interval < end)
			end = ev->prev.t + ev->interval; /* the rest is unknown */
		cover(ev, ev->prev.t, end, ev->prev.down);
		if (end > ev->covered_to)
			ev->covered_to = end;
	}
	ev->prev = s;
	ev->have_prev = true;
	if (s.t > ev->covered_to)
		ev->covered_to = s.t;
	if (ev->bounded) {
		if (!in_bounds(ev, s.t))
			ev->outside++;
		else if (ev->nexcl && excluded_at(ev, s.t))
			ev->excluded++;
		else
			ev->ring[SLOT_RECORDS]++;
	} else if (ev->nexcl && excluded_at(ev, s.t)) {
		ev->excluded++;
	} else if (ev->window) {
		reach(ev, s.t);
		int64_t k = floor_div(s.t, ev->width);
		if (k <= ev->hi - ev->nbuckets)
			ev->outside++;
		else
			ev->ring[bucket_w(ev, k) + SLOT_RECORDS]++;
	} else {
		ev->ring[SLOT_RECORDS]++;
	}
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* The probe interval: the median of the gaps between the held samples
 * (equal times left out).  0 when there is no gap. */
static int64_t infer_interval(const struct evaluator *ev)
{
	int64_t *gaps = malloc(ev->npending * sizeof *gaps);
	size_t n = 0;
	if (!gaps)
		return 0;
	for (size_t i = 1; i < ev->npending; i++)
		if (ev->pending[i].t > ev->pending[i - 1].t)
			gaps[n++] = ev->pending[i].t - ev->pending[i - 1].t;
	int64_t m = 0;
	if (n) {
		qsort(gaps, n, sizeof *gaps, cmp_i64);
		m = gaps[(n - 1) / 2];
	}
	free(gaps);
	return m;
}

/* Places held samples until at most `keep` are left. */
static void drain(struct evaluator *ev, size_t keep)
{
	size_t k = 0;
	if (ev->npending <= keep)
		return; /* pending may be NULL: no sample came */
	while (ev->npending - k > keep)
		place(ev, ev->pending[k++]);
	memmove(ev->pending, ev->pending + k, (ev->npending - k) * sizeof *ev->pending);
	ev->npending -= k;
}

static enum eval_err add_sample(struct evaluator *ev, const struct slo_record *r)
{
	if (!r->has_time)
		return EVAL_NO_TIME;
	if (!ev->pending) {
		ev->pending = malloc(EVAL_INFER_SAMPLES * sizeof *ev->pending);
		if (!ev->pending)
			return EVAL_NOMEM;
	}
	struct sample s = {r->time, r->bad > 0};
	if (ev->have_prev && s.t < ev->prev.t)
		return EVAL_OUT_OF_ORDER;
	/* insertion into the sorted hold: samples come nearly in order */
	size_t i = ev->npending;
	while (i > 0 && ev->pending[i - 1].t > s.t)
		i--;
	memmove(ev->pending + i + 1, ev->pending + i, (ev->npending - i) * sizeof *ev->pending);
	ev->pending[i] = s;
	ev->npending++;
	note_time(ev, s.t);
	bool inferring = !ev->changes && ev->interval == 0;
	if (inferring && ev->npending == EVAL_INFER_SAMPLES)
		ev->interval = infer_interval(ev);
	if (!(!ev->changes && ev->interval == 0) && ev->npending > EVAL_REORDER)
		drain(ev, EVAL_REORDER);
	return EVAL_OK;
}

enum eval_err eval_finish(struct evaluator *ev, int64_t until)
{
	lane_off(ev);
	ev->dirty = true;
	if (!ev->time_mode || ev->finished)
		return EVAL_OK;
	ev->finished = true;
	if (ev->incidents) {
		if (ev->have_open)
			cover(ev, ev->open_start, ev->open_end, true);
		return EVAL_OK;
	}
	if (!ev->changes && ev->interval == 0) {
		ev->interval = infer_interval(ev);
		if (ev->interval == 0 && ev->npending > 0)
			return EVAL_NO_TIME;
	}
	drain(ev, 0);
	if (ev->have_prev) {
		int64_t end = ev->changes ? ev->prev.t : ev->prev.t + ev->interval;
		if (until != INT64_MAX)
			end = ev->changes ? until : (until < end ? until : end);
		cover(ev, ev->prev.t, end, ev->prev.down);
		if (end > ev->covered_to)
			ev->covered_to = end;
	}
	return EVAL_OK;
}

int64_t eval_last(const struct evaluator *ev)
{
	return ev->time_mode ? ev->covered_to : ev->last;
}

void eval_set_incidents(struct evaluator *ev)
{
	lane_off(ev);
	ev->time_mode = true;
	ev->incidents = true;
	ev->changes = true; /* no interval to infer */
}

/* Merges an incident into the open one, or closes that and opens this. */
static enum eval_err add_incident(struct evaluator *ev, const struct slo_record *r)
{
	if (!r->has_time || !r->has_until)
		return EVAL_NO_TIME;
	if (ev->have_open && r->time < ev->open_start)
		return EVAL_OUT_OF_ORDER;
	note_time(ev, r->time);
	if (ev->bounded) {
		if (in_bounds(ev, r->time) || (r->time < ev->b_start && r->until > ev->b_start))
			ev->ring[SLOT_RECORDS]++;
		else
			ev->outside++;
	} else if (ev->window) {
		reach(ev, r->time);
		int64_t k = floor_div(r->time, ev->width);
		/* counted by its start, as every other record */
		if (k <= ev->hi - ev->nbuckets)
			ev->outside++;
		else
			ev->ring[bucket_w(ev, k) + SLOT_RECORDS]++;
	} else {
		ev->ring[SLOT_RECORDS]++;
	}
	if (ev->have_open && r->time <= ev->open_end) {
		if (r->until > ev->open_end)
			ev->open_end = r->until;
	} else {
		if (ev->have_open)
			cover(ev, ev->open_start, ev->open_end, true);
		ev->open_start = r->time;
		ev->open_end = r->until;
		ev->have_open = true;
	}
	if (ev->open_end > ev->covered_to)
		ev->covered_to = ev->open_end;
	return EVAL_OK;
}

enum eval_err eval_add(struct evaluator *ev, const struct slo_record *r)
{
	/* the lane: most records fall in the bucket of the one before */
	if (ev->f_on && r->has_time && r->time >= ev->f_lo && r->time <= ev->f_hi &&
	    r->total <= UINT64_MAX - ev->sum_total) {
		ev->sum_total += r->total;
		count2(ev, ev->f_b, ev->f_b2, r);
		if (ev->f_sk && r->has_latency && sketch_add_n(ev->f_sk, r->latency, r->total)) {
			ev->pct.failed = true;
			lane_off(ev);
		}
		note_time(ev, r->time);
		return EVAL_OK;
	}
	lane_off(ev);
	ev->dirty = true;
	if (ev->incidents)
		return add_incident(ev, r);
	if (ev->time_mode)
		return add_sample(ev, r);
	if (ev->bounded) {
		if (!r->has_time)
			return EVAL_NO_TIME;
		if (!in_bounds(ev, r->time)) {
			ev->outside++;
			return EVAL_OK;
		}
	}
	/* a record in an excluded period: outside the window if it is, else
	 * counted apart, by bucket in a rolling window (it may leave it) */
	if (r->has_time && ev->nexcl && excluded_at(ev, r->time)) {
		if (!ev->window) {
			ev->excluded++;
			return EVAL_OK;
		}
		int64_t hi = newest_bucket(ev, r->time);
		if (!ev->started) {
			ev->hi = hi;
			ev->started = true;
		} else if (hi > ev->hi) {
			advance(ev, hi);
		}
		int64_t k = floor_div(r->time, ev->width);
		if (k <= ev->hi - ev->nbuckets)
			ev->outside++;
		else
			ev->ring[bucket_w(ev, k) + SLOT_EXCLUDED(ev)]++;
		return EVAL_OK;
	}
	/* sums that would pass 2^64 are refused, not wrapped around */
	if (r->total > UINT64_MAX - ev->sum_total)
		return EVAL_OVERFLOW;
	ev->sum_total += r->total;
	if (ev->window == 0) {
		if (r->has_time)
			note_time(ev, r->time);
		count(ev, ev->ring, r);
		if (ev->pct.on && r->has_latency)
			pct_add(ev, 0, r);
		tl_record(ev, r);
		lane_set(ev, r, ev->ring, INT64_MIN, INT64_MAX);
		return EVAL_OK;
	}
	if (!r->has_time)
		return EVAL_NO_TIME;
	/* the window's newest bucket is the last of the aligned period
	 * (minute or second) that holds the newest record; records mostly
	 * come in order, so the last bucket's numbers are kept at hand
	 * rather than divided out again */
	if (!ev->c_valid || r->time < ev->c_lo || r->time >= ev->c_lo + ev->width) {
		ev->c_k = floor_div(r->time, ev->width);
		ev->c_lo = ev->c_k * ev->width;
		ev->c_hi = newest_bucket(ev, r->time);
		ev->c_off = bucket_w(ev, ev->c_k);
		ev->c_valid = true;
	}
	if (!ev->started) {
		ev->hi = ev->c_hi;
		ev->started = true;
	} else if (ev->c_hi > ev->hi) {
		advance(ev, ev->c_hi);
	}
	if (ev->c_k <= ev->hi - ev->nbuckets) {
		ev->outside++;
		return EVAL_OK;
	}
	count2(ev, ev->ring + ev->c_off, tl_row(ev, r), r);
	if (ev->pct.on && r->has_latency)
		pct_add(ev, ev->c_k, r);
	note_time(ev, r->time);
	lane_set(ev, r, ev->ring + ev->c_off, ev->c_lo, ev->c_lo + (ev->width - 1));
	return EVAL_OK;
}

/* The lane for a run of records (eval_add_many): the records that stay in
 * it from r[0] on are counted here, their sums added once, each latency
 * still to the sketch (the one thing counted a record at a time).
 * Returns how many it took.  eval_add keeps its one-record lane apart: a
 * log line through this costs 11 % more (test_add_many_equals_add holds
 * the two to the same state). */
static size_t lane_run(struct evaluator *ev, const struct slo_record *r, size_t n)
{
	/* the latency objectives' thresholds, at hand */
	int64_t thr[EVAL_MAX_OBJECTIVES];
	size_t nl = 0;
	for (size_t i = 0; i < ev->n; i++)
		if (ev->obj[i].kind != OBJ_EVENTS)
			thr[nl++] = ev->obj[i].threshold;
	uint64_t total = 0, bad = 0, lat_total = 0, records = 0;
	uint64_t lat_bad[EVAL_MAX_OBJECTIVES] = {0};
	int64_t t_min = INT64_MAX, t_max = INT64_MIN;
	const int64_t lo = ev->f_lo, hi = ev->f_hi;
	const uint64_t room = UINT64_MAX - ev->sum_total;
	struct sketch *sk = ev->f_sk;
	/* latencies of single events, for the sketch a few dozen at a time;
	 * a sketch that fails (out of memory) has failed whichever record
	 * it failed at, and the counts do not depend on it */
	int64_t lat[64];
	size_t nlat = 0;
	bool failed = false;
	size_t j = 0;
	for (; j < n; j++) {
		const struct slo_record *x = &r[j];
		if (!x->has_time || x->time < lo || x->time > hi || x->total > room - total)
			break;
		total += x->total;
		bad += x->bad;
		records++;
		t_min = x->time < t_min ? x->time : t_min;
		t_max = x->time > t_max ? x->time : t_max;
		if (!x->has_latency)
			continue;
		lat_total += x->total;
		for (size_t k = 0; k < nl; k++)
			lat_bad[k] += x->latency > thr[k] ? x->total : 0;
		if (!sk)
			continue;
		if (x->total == 1) {
			lat[nlat++] = x->latency;
			if (nlat == sizeof lat / sizeof lat[0]) {
				failed = sketch_add_each(sk, lat, nlat) != 0;
				nlat = 0;
			}
		} else {
			failed = sketch_add_n(sk, x->latency, x->total) != 0;
		}
		if (failed) {
			j++; /* as eval_add: this record counted, the lane closed */
			break;
		}
	}
	if (nlat && !failed)
		failed = sketch_add_each(sk, lat, nlat) != 0;
	if (failed) {
		ev->pct.failed = true;
		lane_off(ev);
	}
	if (!records)
		return 0;
	uint64_t *b = ev->f_b, *b2 = ev->f_b2;
	for (size_t i = 0, k = 0; i < ev->n; i++) {
		bool events = ev->obj[i].kind == OBJ_EVENTS;
		uint64_t tt = events ? total : lat_total, bb = events ? bad : lat_bad[k++];
		b[SLOT_TOTAL(i)] += tt;
		b[SLOT_BAD(i)] += bb;
		if (b2) {
			b2[SLOT_TOTAL(i)] += tt;
			b2[SLOT_BAD(i)] += bb;
		}
	}
	b[SLOT_RECORDS] += records;
	if (b2)
		b2[SLOT_RECORDS] += records;
	ev->sum_total += total;
	note_time(ev, t_min);
	note_time(ev, t_max);
	return j;
}

enum eval_err eval_add_many(struct evaluator *ev, const struct slo_record *r, size_t n,
			    size_t *done)
{
	size_t i = 0;
	while (i < n) {
		if (ev->f_on) {
			i += lane_run(ev, r + i, n - i);
			if (i == n)
				break;
		}
		enum eval_err e = eval_add(ev, &r[i]);
		if (e != EVAL_OK) {
			*done = i;
			return e;
		}
		i++;
	}
	*done = n;
	return EVAL_OK;
}

static void result_core(const struct evaluator *ev, struct eval_result *out);

void eval_result(const struct evaluator *ev, struct eval_result *out)
{
	result_core(ev, out);
	if (out->has_span && ev->nexcl) {
		out->excluded_ns = excluded_in(ev, out->start, out->end);
		/* an incident list's up time is the rest of the window, less
		 * the excluded periods in it */
		if (ev->incidents && out->up >= out->excluded_ns)
			out->up -= out->excluded_ns;
	}
}

static void result_core(const struct evaluator *ev, struct eval_result *out)
{
	memset(out, 0, sizeof *out);
	out->n = ev->n;
	out->outside_window = ev->outside;
	out->excluded = ev->excluded; /* and, below, the ring's */
	int64_t nb = ev->window ? ev->nbuckets : 1;
	int64_t lo = ev->hi - ev->nbuckets + 1;
	for (int64_t j = first_written(ev, lo, nb); j < nb; j++) {
		const uint64_t *b = ev->ring + (ev->window ? bucket(ev, lo + j) : 0);
		out->used += b[SLOT_RECORDS];
		out->excluded += b[SLOT_EXCLUDED(ev)];
		for (size_t i = 0; i < ev->n; i++) {
			out->obj[i].total += b[SLOT_TOTAL(i)];
			out->obj[i].bad += b[SLOT_BAD(i)];
		}
	}
	/* a window given in full is known without a record in it */
	out->has_span = ev->has_span || (ev->bounded && ev->bounds_set && out->used > 0) ||
			(ev->bounded && ev->bounds_set && ev->cal == CAL_NONE &&
			 ev->b_start != EVAL_OPEN_START && ev->b_end != EVAL_OPEN_END);
	if (ev->time_mode) {
		out->time_based = true;
		out->interval = ev->interval;
		for (size_t i = 0; i < ev->n; i++) {
			out->obj[i].total = out->obj[i].bad = 0;
		}
		if (ev->window) {
			for (int64_t j = first_written(ev, lo, nb); j < nb; j++) {
				const uint64_t *b = ev->ring + bucket(ev, lo + j);
				out->up += (int64_t)b[SLOT_UP];
				out->down += (int64_t)b[SLOT_DOWN];
			}
		} else {
			out->up = ev->up_total;
			out->down = ev->down_total;
		}
	}
	bool incidents = ev->incidents;
	if (ev->bounded && ev->bounds_set) {
		out->start = ev->b_start;
		out->end = ev->b_end;
		/* a window open at one end (--from or --to alone) is closed
		 * there by the data: its first record, or its last's minute */
		if (out->start == EVAL_OPEN_START)
			out->start = ev->has_span ? ev->first : out->end;
		if (out->end == EVAL_OPEN_END)
			out->end = ev->has_span ? (floor_div(ev->last, NS_PER_MIN) + 1) * NS_PER_MIN
						: out->start;
		if (ev->time_mode) {
			/* up and down from the timeline, inside the bounds */
			uint64_t total = 0, down = 0;
			eval_range(ev, 0, out->start, out->end, &total, &down);
			out->up = (int64_t)(total - down);
			out->down = (int64_t)down;
			if (ev->incidents)
				out->up = out->end - out->start - out->down;
		}
		return;
	}
	if (!ev->has_span)
		return;
	if (ev->window) {
		out->end = (ev->hi + 1) * ev->width;
		out->start = out->end - ev->window;
	} else {
		out->start = ev->first;
		out->end = ev->time_mode ? ev->covered_to : ev->last;
	}
	/* an incident list says when it was down; the rest was up */
	if (incidents && out->end - out->start >= out->down)
		out->up = out->end - out->start - out->down;
}

/* Adds a bucket's counters from another evaluator at bucket k of this
 * one's window, or to the outside count when k has left it. */
static enum eval_err merge_bucket(struct evaluator *dst, int64_t k, const uint64_t *in)
{
	if (dst->window && k <= dst->hi - dst->nbuckets) {
		dst->outside += in[SLOT_RECORDS] + in[SLOT_EXCLUDED(dst)];
		return EVAL_OK;
	}
	uint64_t *out = dst->ring + (dst->window ? bucket_w(dst, k) : 0);
	for (size_t s = 0; s < dst->stride; s++) {
		if (out[s] > UINT64_MAX - in[s])
			return EVAL_OVERFLOW;
		out[s] += in[s];
	}
	return EVAL_OK;
}

static bool zero_bucket(const uint64_t *b, size_t stride)
{
	for (size_t s = 0; s < stride; s++)
		if (b[s])
			return false;
	return true;
}

/* The state one evaluator's records leave, apart from its settings: what
 * eval_merge adds and eval_encode writes. */
struct eval_part {
	bool started, has_span, bounds_set;
	int64_t hi, first, last, b_start, b_end;
	uint64_t outside, excluded, sum_total;
};

static struct eval_part part_of(const struct evaluator *ev)
{
	return (struct eval_part){ev->started, ev->has_span, ev->bounds_set, ev->hi, ev->first,
				  ev->last, ev->b_start, ev->b_end, ev->outside, ev->excluded,
				  ev->sum_total};
}

/* Merges the scalar part of src's state; its buckets follow.  Returns
 * whether src's buckets are of a calendar period older than dst's (they
 * then count as outside). */
static bool merge_part(struct evaluator *dst, const struct eval_part *p)
{
	bool older = false;
	if (dst->cal != CAL_NONE && p->bounds_set) {
		if (dst->bounds_set && p->b_start < dst->b_start) {
			older = true;
		} else if (!dst->bounds_set || p->b_start > dst->b_start) {
			/* a newer period: what dst counted so far is outside */
			if (dst->bounds_set) {
				dst->outside += dst->ring[SLOT_RECORDS];
				memset(dst->ring, 0, dst->stride * sizeof *dst->ring);
				dst->has_span = false;
				pct_clear(&dst->pct);
			}
			dst->b_start = p->b_start;
			dst->b_end = p->b_end;
			dst->bounds_set = true;
		}
	}
	if (dst->window && p->started) {
		if (!dst->started) {
			dst->hi = p->hi;
			dst->started = true;
		} else if (p->hi > dst->hi) {
			advance(dst, p->hi);
		}
	}
	if (p->has_span && !older) {
		if (!dst->has_span) {
			dst->first = p->first;
			dst->last = p->last;
			dst->has_span = true;
		} else {
			dst->first = p->first < dst->first ? p->first : dst->first;
			dst->last = p->last > dst->last ? p->last : dst->last;
		}
	}
	dst->outside += p->outside;
	dst->excluded += p->excluded;
	return older;
}

/* Adds a sketch of block b (a rolling window) or of the whole window
 * (b unused) to dst's percentiles. */
static void pct_merge_sketch(struct evaluator *dst, int64_t b, const struct sketch *sk)
{
	struct pct *p = &dst->pct;
	if (p->failed)
		return;
	if (!dst->window) {
		if (sketch_merge(p->all, sk))
			p->failed = true;
		return;
	}
	size_t slot = (size_t)(((b % (PCT_BLOCKS + 1)) + PCT_BLOCKS + 1) % (PCT_BLOCKS + 1));
	/* a block older than the one dst holds there has left the window */
	if (p->blk_no[slot] > b)
		return;
	if (!p->blk[slot] && !(p->blk[slot] = sketch_new())) {
		p->failed = true;
		return;
	}
	if (p->blk_no[slot] < b) {
		sketch_clear(p->blk[slot]);
		p->blk_no[slot] = b;
	}
	if (sketch_merge(p->blk[slot], sk))
		p->failed = true;
}

static void pct_merge(struct evaluator *dst, const struct evaluator *src)
{
	struct pct *p = &dst->pct;
	const struct pct *q = &src->pct;
	if (q->failed || p->exact != q->exact) {
		p->failed = true;
		return;
	}
	if (p->failed)
		return;
	if (p->exact && dst->window) {
		for (size_t i = 0; i < q->ntv && !p->failed; i++) {
			struct slo_record r = {.latency = q->tv[i].ns, .total = q->tv[i].n};
			pct_add(dst, q->tv[i].k, &r);
		}
	} else if (p->exact) {
		if (exact_pct_merge(p->ex, q->ex))
			p->failed = true;
	} else if (!dst->window) {
		pct_merge_sketch(dst, 0, q->all);
	} else {
		for (size_t j = 0; j <= PCT_BLOCKS; j++)
			if (q->blk[j] && q->blk_no[j] != INT64_MIN)
				pct_merge_sketch(dst, q->blk_no[j], q->blk[j]);
	}
}

enum eval_err eval_merge(struct evaluator *dst, const struct evaluator *src)
{
	lane_off(dst);
	dst->dirty = true;
	if (dst->time_mode || src->time_mode || dst->n != src->n || dst->window != src->window ||
	    dst->stride != src->stride)
		return EVAL_MISMATCH;
	if (src->sum_total > UINT64_MAX - dst->sum_total)
		return EVAL_OVERFLOW;
	struct eval_part p = part_of(src);
	bool older = merge_part(dst, &p);
	dst->sum_total += src->sum_total;
	int64_t nb = src->window ? src->nbuckets : 1;
	for (int64_t j = first_written(src, src->hi - src->nbuckets + 1, nb); j < nb; j++) {
		int64_t k = src->hi - src->nbuckets + 1 + j;
		const uint64_t *in = src->ring + (src->window ? bucket(src, k) : 0);
		if (zero_bucket(in, src->stride))
			continue;
		if (src->window && !src->started)
			break;
		if (older) {
			dst->outside += in[SLOT_RECORDS];
			continue;
		}
		enum eval_err e = merge_bucket(dst, k, in);
		if (e != EVAL_OK)
			return e;
	}
	if (dst->tl && src->tl && !dst->tl_failed) {
		if (src->tl_failed || timeline_merge(dst->tl, src->tl))
			dst->tl_failed = true;
	}
	if (dst->pct.on != src->pct.on)
		dst->pct.failed = true;
	else if (dst->pct.on && !older)
		pct_merge(dst, src);
	return EVAL_OK;
}

/* What the counts depend on: a state is merged only into an evaluator
 * that would have counted its records the same way. */
static void encode_settings(const struct evaluator *ev, struct bytes *b)
{
	bytes_put_u64(b, ev->n);
	for (size_t i = 0; i < ev->n; i++) {
		bytes_put_u64(b, ev->obj[i].kind);
		bytes_put_i64(b, ev->obj[i].threshold);
	}
	bytes_put_i64(b, ev->window);
	bytes_put_u64(b, (uint64_t)ev->bounded | (uint64_t)ev->time_mode << 1);
	bytes_put_u64(b, ev->cal);
	/* fixed bounds; a calendar's are the data's, and written below */
	bytes_put_i64(b, ev->bounded && ev->cal == CAL_NONE ? ev->b_start : 0);
	bytes_put_i64(b, ev->bounded && ev->cal == CAL_NONE ? ev->b_end : 0);
	bytes_put_u64(b, ev->nexcl);
	for (size_t i = 0; i < ev->nexcl; i++) {
		bytes_put_i64(b, ev->excl[i].start);
		bytes_put_i64(b, ev->excl[i].end);
	}
}

void eval_encode(const struct evaluator *ev, struct bytes *b)
{
	struct bytes set = {0};
	encode_settings(ev, &set);
	bytes_put_u64(b, set.len);
	bytes_put(b, set.p, set.len);
	b->failed = b->failed || set.failed;
	bytes_free(&set);
	struct eval_part p = part_of(ev);
	bytes_put_u64(b, (uint64_t)p.started | (uint64_t)p.has_span << 1 |
				 (uint64_t)p.bounds_set << 2 | (uint64_t)(ev->tl != NULL) << 3 |
				 (uint64_t)ev->tl_failed << 4 | (uint64_t)ev->pct.on << 5 |
				 (uint64_t)(ev->pct.failed || ev->pct.exact) << 6);
	bytes_put_i64(b, p.hi);
	bytes_put_i64(b, p.first);
	bytes_put_i64(b, p.last);
	bytes_put_i64(b, p.b_start);
	bytes_put_i64(b, p.b_end);
	bytes_put_u64(b, p.outside);
	bytes_put_u64(b, p.excluded);
	bytes_put_u64(b, p.sum_total);
	bytes_put_u64(b, ev->stride);
	/* the buckets that hold a count: their number and counters */
	int64_t nb = ev->window ? ev->nbuckets : 1, lo = ev->hi - ev->nbuckets + 1;
	uint64_t used = 0;
	int64_t from = first_written(ev, lo, nb);
	for (int64_t j = from; j < nb; j++)
		used += !zero_bucket(ev->ring + (ev->window ? bucket(ev, lo + j) : 0), ev->stride);
	bytes_put_u64(b, used);
	for (int64_t j = from; j < nb; j++) {
		const uint64_t *in = ev->ring + (ev->window ? bucket(ev, lo + j) : 0);
		if (zero_bucket(in, ev->stride))
			continue;
		bytes_put_i64(b, lo + j);
		for (size_t s = 0; s < ev->stride; s++)
			bytes_put_u64(b, in[s]);
	}
	if (ev->tl)
		timeline_encode(ev->tl, b);
	/* the sketches (exact values are not saved: a merge of them says it
	 * has no percentiles) */
	const struct pct *q = &ev->pct;
	if (!q->on || q->failed || q->exact)
		return;
	size_t nblk = 0;
	for (size_t j = 0; ev->window && j <= PCT_BLOCKS; j++)
		nblk += q->blk[j] && q->blk_no[j] != INT64_MIN;
	bytes_put_u64(b, ev->window ? nblk : 1);
	for (size_t j = 0; j <= PCT_BLOCKS; j++) {
		const struct sketch *sk = ev->window ? q->blk[j] : q->all;
		if (ev->window && (!sk || q->blk_no[j] == INT64_MIN))
			continue;
		bytes_put_i64(b, ev->window ? q->blk_no[j] : 0);
		size_t len = sketch_encode(sk, NULL, 0);
		unsigned char *buf = malloc(len ? len : 1);
		if (!buf) {
			b->failed = true;
			return;
		}
		sketch_encode(sk, buf, len);
		bytes_put_u64(b, len);
		bytes_put(b, buf, len);
		free(buf);
		if (!ev->window)
			break;
	}
}

/* The counts a state holds are those of the events it counted: in each
 * bucket and each minute of the timeline no more bad events than events,
 * and over all of them, objective by objective, no more events than its
 * sum_total (every event it counted), so that no sum of them passes
 * 2^64.  A state of other counts is not one an evaluator saved. */
struct counts_check {
	size_t n;
	uint64_t limit;                     /* the state's sum_total */
	uint64_t sum[EVAL_MAX_OBJECTIVES]; /* its events so far, by objective */
};

static bool counts_ok(const uint64_t *in, void *arg)
{
	struct counts_check *c = arg;
	for (size_t i = 0; i < c->n; i++) {
		if (in[SLOT_BAD(i)] > in[SLOT_TOTAL(i)] || in[SLOT_TOTAL(i)] > c->limit - c->sum[i])
			return false;
		c->sum[i] += in[SLOT_TOTAL(i)];
	}
	return true;
}

enum eval_err eval_decode_merge(struct evaluator *dst, struct bytes_reader *r)
{
	lane_off(dst);
	dst->dirty = true;
	if (dst->time_mode)
		return EVAL_MISMATCH;
	struct bytes set = {0};
	encode_settings(dst, &set);
	uint64_t slen = bytes_get_u64(r);
	bool same = !r->bad && !set.failed && slen == set.len && slen <= r->len - r->pos &&
		    memcmp(r->p + r->pos, set.p, set.len) == 0;
	bytes_free(&set);
	if (!r->bad && slen > r->len - r->pos)
		r->bad = true;
	if (r->bad)
		return EVAL_CORRUPT;
	if (!same)
		return EVAL_MISMATCH;
	r->pos += (size_t)slen;
	uint64_t flags = bytes_get_u64(r);
	struct eval_part p = {.started = flags & 1, .has_span = flags >> 1 & 1,
			      .bounds_set = flags >> 2 & 1};
	bool has_tl = flags >> 3 & 1, tl_failed = flags >> 4 & 1;
	bool has_pct = flags >> 5 & 1, pct_failed = flags >> 6 & 1;
	p.hi = bytes_get_i64(r);
	p.first = bytes_get_i64(r);
	p.last = bytes_get_i64(r);
	p.b_start = bytes_get_i64(r);
	p.b_end = bytes_get_i64(r);
	p.outside = bytes_get_u64(r);
	p.excluded = bytes_get_u64(r);
	p.sum_total = bytes_get_u64(r);
	uint64_t stride = bytes_get_u64(r);
	if (r->bad || flags >> 7)
		return EVAL_CORRUPT;
	if (stride != dst->stride || has_tl != (dst->tl != NULL) || has_pct != dst->pct.on)
		return EVAL_MISMATCH;
	/* a window's newest bucket is a time in ns over its width */
	if (dst->window && (p.hi > INT64_MAX / dst->width - 1 || p.hi < INT64_MIN / dst->width + dst->nbuckets))
		return EVAL_CORRUPT;
	/* the span is of records' times, which the readers keep within
	 * TS_MAX: one that ends before it starts would make a window of
	 * negative length, and one past TS_MAX overflows what is worked out
	 * from it (the minute after the last record closes an open window) */
	if (p.has_span && (p.first > p.last || p.first < -TS_MAX || p.last > TS_MAX))
		return EVAL_CORRUPT;
	/* a calendar window's bounds are a period of the calendar, which a
	 * merge takes for its own; in another zone's calendar the period is
	 * another, and the counts are not the merge's to add */
	if (dst->cal != CAL_NONE && p.bounds_set) {
		int64_t s, e;
		if (p.b_start < -TS_MAX || p.b_start > TS_MAX ||
		    cal_period(dst->cal, p.b_start, &s, &e) != NUM_OK)
			return EVAL_CORRUPT;
		if (s != p.b_start || e != p.b_end)
			return EVAL_MISMATCH;
	}
	if (p.sum_total > UINT64_MAX - dst->sum_total)
		return EVAL_OVERFLOW;
	bool older = merge_part(dst, &p);
	dst->sum_total += p.sum_total;
	uint64_t used = bytes_get_count(r, 1 + dst->stride);
	if (!dst->window && used > 1)
		r->bad = true;
	/* a window that has not started holds no counts (eval_add starts it
	 * with the first): buckets there would land in a ring whose newest
	 * bucket is not theirs, and eval_merge would pass them over (found
	 * by fuzz/fuzz_state in CI) */
	if (dst->window && !p.started && used > 0 && !r->bad)
		return EVAL_CORRUPT;
	uint64_t in[2 + 2 * EVAL_MAX_OBJECTIVES];
	struct counts_check buckets = {dst->n, p.sum_total, {0}};
	for (uint64_t j = 0; j < used && !r->bad; j++) {
		int64_t k = bytes_get_i64(r);
		for (size_t s = 0; s < dst->stride; s++)
			in[s] = bytes_get_u64(r);
		if (r->bad)
			break;
		/* a bucket of the saved window, which ends at its hi */
		if (dst->window && (k > p.hi || k <= p.hi - dst->nbuckets))
			return EVAL_CORRUPT;
		if (!counts_ok(in, &buckets))
			return EVAL_CORRUPT;
		if (older) {
			dst->outside += in[SLOT_RECORDS];
			continue;
		}
		enum eval_err e = merge_bucket(dst, k, in);
		if (e != EVAL_OK)
			return e;
	}
	if (r->bad)
		return EVAL_CORRUPT;
	if (has_tl) {
		if (tl_failed)
			dst->tl_failed = true;
		struct counts_check rows = {dst->n, p.sum_total, {0}};
		if (timeline_decode_add(dst->tl, r, counts_ok, &rows)) {
			if (r->bad)
				return EVAL_CORRUPT;
			dst->tl_failed = true;
		}
	}
	if (!has_pct)
		return EVAL_OK;
	if (pct_failed || dst->pct.exact) {
		dst->pct.failed = true;
		return EVAL_OK;
	}
	uint64_t nblk = bytes_get_count(r, 2);
	if (r->bad || (!dst->window && nblk != 1) || nblk > PCT_BLOCKS + 1)
		return EVAL_CORRUPT;
	struct sketch *sk = sketch_new();
	if (!sk)
		return EVAL_NOMEM;
	for (uint64_t j = 0; j < nblk; j++) {
		int64_t blk = bytes_get_i64(r);
		uint64_t len = bytes_get_u64(r);
		size_t took = 0;
		if (r->bad || len > r->len - r->pos ||
		    sketch_decode(sk, r->p + r->pos, (size_t)len, &took) || took != len) {
			sketch_free(sk);
			return EVAL_CORRUPT;
		}
		r->pos += (size_t)len;
		if (!older)
			pct_merge_sketch(dst, blk, sk);
	}
	sketch_free(sk);
	return EVAL_OK;
}

int eval_reset(struct evaluator *ev)
{
	lane_off(ev);
	if (ev->time_mode)
		return -1;
	/* a ring never written is still the zeros calloc gave, untouched: a
	 * reader of a share (fork) then writes only the pages it uses */
	if (ev->dirty)
		memset(ev->ring, 0, (size_t)ev->nbuckets * ev->stride * sizeof *ev->ring);
	ev->dirty = false;
	ev->k_min = INT64_MAX;
	ev->hi = 0;
	ev->started = ev->has_span = ev->c_valid = false;
	ev->outside = ev->excluded = ev->sum_total = 0;
	ev->first = ev->last = 0;
	if (ev->cal != CAL_NONE) {
		ev->bounds_set = false;
		ev->b_start = ev->b_end = 0;
	}
	if (ev->tl) {
		timeline_free(ev->tl);
		ev->tl = timeline_new(ev->stride);
		if (!ev->tl)
			return -1;
	}
	ev->tl_failed = false;
	struct pct *p = &ev->pct;
	pct_clear(p);
	for (size_t j = 0; j <= PCT_BLOCKS; j++) {
		if (p->blk[j])
			sketch_clear(p->blk[j]);
		p->blk_no[j] = INT64_MIN;
	}
	p->failed = false;
	return 0;
}
