/* Quantile sketch: log-linear buckets over a dense, growable count array. */
#include "eval/sketch.h"

#include <stdlib.h>
#include <string.h>

#include "eval/percentile.h"
#include "util/num.h"

#define SUB (1u << SKETCH_SUB_BITS)
/* Buckets added beyond what is needed when the array grows: 2 KiB, a
 * factor of 1.4 in range (half an octave); a sketch of 100 us .. 100 s
 * latencies grows at most some 40 times. */
#define GROW_STEP 256

struct sketch {
	uint64_t *counts; /* counts[j] is bucket lo + j, for j < cap */
	uint32_t lo, cap;
	uint64_t n;
	int64_t min, max; /* INT64_MAX and -1 while empty */
};

size_t sketch_bucket_index(int64_t ns)
{
	uint64_t v = ns > 0 ? (uint64_t)ns : 0;
	/* e = floor(log2 v); below 2 x SUB the shift is 0 and v is its own
	 * index, above it the top SKETCH_SUB_BITS+1 bits are kept and every
	 * octave moves the index on by SUB */
	unsigned e = 63u - (unsigned)__builtin_clzll(v | 1);
	unsigned shift = e > SKETCH_SUB_BITS ? e - SKETCH_SUB_BITS : 0;
	return (size_t)shift * SUB + (size_t)(v >> shift);
}

/* The smallest value of bucket i, for i <= SKETCH_BUCKETS (2^63 for the
 * one past the last, hence unsigned). */
static uint64_t bucket_lower(size_t i)
{
	if (i < 2 * SUB)
		return i;
	size_t shift = i / SUB - 1;
	return (uint64_t)(i - shift * SUB) << shift;
}

int64_t sketch_bucket_lower(size_t i)
{
	return (int64_t)bucket_lower(i);
}

int64_t sketch_bucket_upper(size_t i)
{
	return (int64_t)(bucket_lower(i + 1) - 1);
}

/* The integer in [a, b] with the least worst relative error to the
 * values of [a, b]: the floor or the ceiling of 2ab/(a+b), which lies in
 * [a, b), whichever has the smaller max((r-a)/a, (b-r)/b), compared as
 * max((r-a)b, (b-r)a) over the common denominator ab. */
static int64_t representative(u128 a, u128 b)
{
	if (a == b)
		return (int64_t)a;
	u128 f = 2 * a * b / (a + b), best = f, best_err = 0;
	for (u128 r = f; r <= f + 1 && r <= b; r++) {
		u128 lo_err = (r - a) * b, hi_err = (b - r) * a;
		u128 err = lo_err > hi_err ? lo_err : hi_err;
		if (r == f || err < best_err) {
			best = r;
			best_err = err;
		}
	}
	return (int64_t)best;
}

int64_t sketch_bucket_value(size_t i)
{
	return representative(bucket_lower(i), bucket_lower(i + 1) - 1);
}

struct sketch *sketch_new(void)
{
	struct sketch *s = calloc(1, sizeof *s);
	if (s) {
		s->min = INT64_MAX;
		s->max = -1;
	}
	return s;
}

void sketch_free(struct sketch *s)
{
	if (s) {
		free(s->counts);
		free(s);
	}
}

/* Makes the count array cover buckets [first, last], with GROW_STEP to
 * spare on the side that needed it; 0 or SKETCH_ENOMEM. */
static int reserve(struct sketch *s, size_t first, size_t last)
{
	size_t lo = s->lo, hi = (size_t)s->lo + s->cap; /* [lo, hi) */
	if (s->cap > 0 && first >= lo && last < hi)
		return 0;
	size_t new_lo = s->cap > 0 && lo < first ? lo : first;
	size_t new_hi = s->cap > 0 && hi > last + 1 ? hi : last + 1;
	size_t want = new_hi - new_lo;
	want = want + GROW_STEP > SKETCH_BUCKETS ? SKETCH_BUCKETS : want + GROW_STEP;
	if (s->cap > 0 && first < lo) {
		/* growing downward: keep the top, extend below */
		new_lo = new_hi >= want ? new_hi - want : 0;
		new_hi = new_lo + want;
	} else if (s->cap > 0) {
		new_hi = new_lo + want;
	} else {
		/* the first value: room on both sides */
		size_t below = (want - (new_hi - new_lo)) / 2;
		new_lo = new_lo >= below ? new_lo - below : 0;
		new_hi = new_lo + want;
	}
	if (new_hi > SKETCH_BUCKETS) {
		new_hi = SKETCH_BUCKETS;
		new_lo = new_hi - want;
	}
	uint64_t *c = calloc(want, sizeof *c);
	if (!c)
		return SKETCH_ENOMEM;
	if (s->cap > 0)
		memcpy(c + (lo - new_lo), s->counts, s->cap * sizeof *c);
	free(s->counts);
	s->counts = c;
	s->lo = (uint32_t)new_lo;
	s->cap = (uint32_t)want;
	return 0;
}

int sketch_add_n(struct sketch *s, int64_t ns, uint64_t n)
{
	if (n == 0)
		return 0;
	if (ns < 0)
		ns = 0;
	if (s->n > UINT64_MAX - n)
		return SKETCH_EOVERFLOW;
	size_t i = sketch_bucket_index(ns);
	/* unsigned: i below lo wraps to a huge offset */
	if (i - s->lo >= s->cap && reserve(s, i, i) != 0)
		return SKETCH_ENOMEM;
	s->counts[i - s->lo] += n; /* no overflow: a bucket holds at most n */
	s->n += n;
	if (ns < s->min)
		s->min = ns;
	if (ns > s->max)
		s->max = ns;
	return 0;
}

int sketch_add_each(struct sketch *s, const int64_t *ns, size_t count)
{
	if (s->n > UINT64_MAX - count)
		return SKETCH_EOVERFLOW;
	int64_t min = s->min, max = s->max;
	int err = 0;
	size_t k = 0;
	for (; k < count; k++) {
		int64_t v = ns[k] > 0 ? ns[k] : 0;
		size_t i = sketch_bucket_index(v);
		if (i - s->lo >= s->cap && reserve(s, i, i) != 0) {
			err = SKETCH_ENOMEM;
			break;
		}
		s->counts[i - s->lo]++;
		min = v < min ? v : min;
		max = v > max ? v : max;
	}
	s->n += k;
	s->min = min;
	s->max = max;
	return err;
}

int sketch_add(struct sketch *s, int64_t ns)
{
	return sketch_add_n(s, ns, 1);
}

/* The first and last non-empty bucket of a non-empty sketch. */
static void occupied(const struct sketch *s, size_t *first, size_t *last)
{
	size_t j = 0, k = s->cap - 1;
	while (s->counts[j] == 0)
		j++;
	while (s->counts[k] == 0)
		k--;
	*first = s->lo + j;
	*last = s->lo + k;
}

int sketch_merge(struct sketch *dst, const struct sketch *src)
{
	if (src->n == 0)
		return 0;
	if (dst->n > UINT64_MAX - src->n)
		return SKETCH_EOVERFLOW;
	size_t first, last;
	occupied(src, &first, &last);
	if (reserve(dst, first, last) != 0)
		return SKETCH_ENOMEM;
	for (size_t i = first; i <= last; i++)
		dst->counts[i - dst->lo] += src->counts[i - src->lo];
	dst->n += src->n;
	if (src->min < dst->min)
		dst->min = src->min;
	if (src->max > dst->max)
		dst->max = src->max;
	return 0;
}

static int64_t clamp(int64_t v, int64_t lo, int64_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

int sketch_subtract(struct sketch *dst, const struct sketch *src)
{
	if (src->n == 0)
		return 0;
	if (src->n > dst->n)
		return SKETCH_EINVAL;
	size_t first, last;
	occupied(src, &first, &last);
	/* check everything before changing anything */
	for (size_t i = first; i <= last; i++) {
		uint64_t c = src->counts[i - src->lo];
		if (c == 0)
			continue;
		if (i - dst->lo >= dst->cap || dst->counts[i - dst->lo] < c)
			return SKETCH_EINVAL;
	}
	for (size_t i = first; i <= last; i++)
		if (src->counts[i - src->lo])
			dst->counts[i - dst->lo] -= src->counts[i - src->lo];
	dst->n -= src->n;
	if (dst->n == 0) {
		dst->min = INT64_MAX;
		dst->max = -1;
		return 0;
	}
	/* the true min left lies in the first non-empty bucket and not below
	 * the old min: estimate it as the representative of what that leaves
	 * (within 1/1025 of it), and the max likewise.  The clamps only
	 * matter if src was not what dst counted, and keep min and max in
	 * their buckets, as the encoding requires. */
	occupied(dst, &first, &last);
	int64_t a = sketch_bucket_lower(first), b = sketch_bucket_upper(first);
	dst->min = representative((u128)clamp(dst->min, a, b), (u128)b);
	a = sketch_bucket_lower(last), b = sketch_bucket_upper(last);
	dst->max = representative((u128)a, (u128)clamp(dst->max, a, b));
	return 0;
}

void sketch_clear(struct sketch *s)
{
	if (s->cap > 0)
		memset(s->counts, 0, s->cap * sizeof *s->counts);
	s->n = 0;
	s->min = INT64_MAX;
	s->max = -1;
}

uint64_t sketch_count(const struct sketch *s)
{
	return s->n;
}

int64_t sketch_min(const struct sketch *s)
{
	return s->n ? s->min : -1;
}

int64_t sketch_max(const struct sketch *s)
{
	return s->n ? s->max : -1;
}

int64_t sketch_quantile(const struct sketch *s, int64_t p)
{
	if (s->n == 0)
		return -1;
	uint64_t rank = percentile_rank(p, s->n), seen = 0;
	/* the smallest and the largest are known better than their buckets */
	if (rank == 1)
		return s->min;
	if (rank == s->n)
		return s->max;
	size_t j = 0;
	/* the counts sum to n >= rank, so this stops inside the array */
	for (;; j++) {
		seen += s->counts[j];
		if (seen >= rank)
			break;
	}
	return clamp(sketch_bucket_value(s->lo + j), s->min, s->max);
}

size_t sketch_memory(const struct sketch *s)
{
	return sizeof *s + (size_t)s->cap * sizeof *s->counts;
}

int sketch_equal(const struct sketch *a, const struct sketch *b)
{
	if (a->n != b->n || a->min != b->min || a->max != b->max)
		return 0;
	if (a->n == 0)
		return 1;
	size_t af, al, bf, bl;
	occupied(a, &af, &al);
	occupied(b, &bf, &bl);
	if (af != bf || al != bl)
		return 0;
	for (size_t i = af; i <= al; i++)
		if (a->counts[i - a->lo] != b->counts[i - b->lo])
			return 0;
	return 1;
}

/* ---- encoding ---- */

/* Appends v as a varint at buf[*pos] (only counting when buf is NULL). */
static void put(unsigned char *buf, size_t *pos, uint64_t v)
{
	do {
		unsigned char byte = (unsigned char)(v & 0x7f);
		v >>= 7;
		if (v)
			byte |= 0x80;
		if (buf)
			buf[*pos] = byte;
		++*pos;
	} while (v);
}

static size_t encode(const struct sketch *s, unsigned char *buf)
{
	size_t pos = 0;
	put(buf, &pos, s->n);
	if (s->n == 0)
		return pos;
	put(buf, &pos, (uint64_t)s->min);
	put(buf, &pos, (uint64_t)s->max);
	size_t k = 0;
	for (size_t j = 0; j < s->cap; j++)
		k += s->counts[j] != 0;
	put(buf, &pos, k);
	size_t prev = 0;
	for (size_t j = 0; j < s->cap; j++) {
		if (s->counts[j] == 0)
			continue;
		put(buf, &pos, s->lo + j - prev);
		put(buf, &pos, s->counts[j]);
		prev = s->lo + j;
	}
	return pos;
}

size_t sketch_encode(const struct sketch *s, unsigned char *buf, size_t cap)
{
	size_t size = encode(s, NULL);
	if (buf && size <= cap)
		encode(s, buf);
	return size;
}

struct reader {
	const unsigned char *p;
	size_t len, pos;
};

/* Reads one varint; -1 when truncated, longer than 10 bytes, past 64
 * bits or not in its shortest form (a last byte of 0 after others). */
static int get(struct reader *r, uint64_t *out)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < 10; i++) {
		if (r->pos >= r->len)
			return -1;
		unsigned char byte = r->p[r->pos++];
		if (i == 9 && byte > 1)
			return -1;
		v |= (uint64_t)(byte & 0x7f) << (7 * i);
		if (!(byte & 0x80)) {
			if (byte == 0 && i > 0)
				return -1;
			*out = v;
			return 0;
		}
	}
	return -1;
}

/* Walks an encoding, checking every rule of the layout, and fills s when
 * it is not NULL (its counts must cover [*first, *last] then).  0 or
 * SKETCH_EINVAL. */
static int parse(struct reader *r, struct sketch *s, uint64_t *n, int64_t *min, int64_t *max,
		 size_t *first, size_t *last)
{
	uint64_t v, k, sum = 0;
	if (get(r, n) != 0)
		return SKETCH_EINVAL;
	if (*n == 0)
		return 0;
	if (get(r, &v) != 0 || v > INT64_MAX)
		return SKETCH_EINVAL;
	*min = (int64_t)v;
	if (get(r, &v) != 0 || v > INT64_MAX || (int64_t)v < *min)
		return SKETCH_EINVAL;
	*max = (int64_t)v;
	if (get(r, &k) != 0 || k == 0 || k > SKETCH_BUCKETS)
		return SKETCH_EINVAL;
	size_t i = 0;
	for (uint64_t b = 0; b < k; b++) {
		uint64_t gap, c;
		if (get(r, &gap) != 0 || (b > 0 && gap == 0) || gap >= SKETCH_BUCKETS - i)
			return SKETCH_EINVAL;
		i += (size_t)gap;
		if (get(r, &c) != 0 || c == 0 || c > *n - sum)
			return SKETCH_EINVAL;
		sum += c;
		if (b == 0)
			*first = i;
		if (s)
			s->counts[i - s->lo] = c;
	}
	*last = i;
	if (sum != *n || sketch_bucket_index(*min) != *first || sketch_bucket_index(*max) != *last)
		return SKETCH_EINVAL;
	return 0;
}

int sketch_decode(struct sketch *s, const unsigned char *buf, size_t len, size_t *used)
{
	struct reader r = {buf, len, 0};
	uint64_t n;
	int64_t min = 0, max = 0;
	size_t first = 0, last = 0;
	if (parse(&r, NULL, &n, &min, &max, &first, &last) != 0)
		return SKETCH_EINVAL;
	*used = r.pos;
	if (n == 0) {
		sketch_clear(s);
		return 0;
	}
	/* valid: fill a new sketch, then swap it in, so that s is untouched
	 * on failure */
	struct sketch t = {NULL, 0, 0, 0, INT64_MAX, -1};
	if (reserve(&t, first, last) != 0)
		return SKETCH_ENOMEM;
	r.pos = 0;
	(void)parse(&r, &t, &n, &min, &max, &first, &last);
	free(s->counts);
	*s = t;
	s->n = n;
	s->min = min;
	s->max = max;
	return 0;
}
