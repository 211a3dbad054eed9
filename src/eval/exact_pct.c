/* Exact percentiles: every value in a growable array, sorted on demand. */
#include "eval/exact_pct.h"

#include <stdlib.h>
#include <string.h>

#include "eval/percentile.h"

#define FIRST_CAP 1024

struct run {
	int64_t v;
	uint64_t n;
};

struct exact_pct {
	int64_t *v; /* values counted once */
	size_t nv, capv;
	struct run *r; /* values counted n > 1 times (pre-aggregated input) */
	size_t nr, capr;
	uint64_t n; /* nv + the sum of the runs' n */
	int sorted;
};

struct exact_pct *exact_pct_new(void)
{
	return calloc(1, sizeof(struct exact_pct));
}

void exact_pct_free(struct exact_pct *e)
{
	if (e) {
		free(e->v);
		free(e->r);
		free(e);
	}
}

/* Makes room for `more` elements of `size` bytes after `used` in arr of
 * capacity *cap, doubling; *out is the array then (arr or a new one).
 * 0 or EXACT_PCT_ENOMEM (arr unchanged). */
static int grow(void *arr, void **out, size_t *cap, size_t used, size_t more, size_t size)
{
	*out = arr;
	if (more <= *cap - used)
		return 0;
	if (more > SIZE_MAX / size - used)
		return EXACT_PCT_ENOMEM;
	size_t want = *cap ? *cap : FIRST_CAP;
	while (want < used + more)
		want = want > SIZE_MAX / size / 2 ? SIZE_MAX / size : want * 2;
	void *p = realloc(arr, want * size);
	if (!p)
		return EXACT_PCT_ENOMEM;
	*out = p;
	*cap = want;
	return 0;
}

int exact_pct_add_n(struct exact_pct *e, int64_t ns, uint64_t n)
{
	if (n == 0)
		return 0;
	if (e->n > UINT64_MAX - n)
		return EXACT_PCT_EOVERFLOW;
	if (ns < 0)
		ns = 0;
	void *p;
	if (n == 1) {
		if (grow(e->v, &p, &e->capv, e->nv, 1, sizeof *e->v))
			return EXACT_PCT_ENOMEM;
		e->v = p;
		e->v[e->nv++] = ns;
	} else {
		if (grow(e->r, &p, &e->capr, e->nr, 1, sizeof *e->r))
			return EXACT_PCT_ENOMEM;
		e->r = p;
		e->r[e->nr++] = (struct run){ns, n};
	}
	e->n += n;
	e->sorted = 0;
	return 0;
}

int exact_pct_add(struct exact_pct *e, int64_t ns)
{
	return exact_pct_add_n(e, ns, 1);
}

int exact_pct_merge(struct exact_pct *dst, const struct exact_pct *src)
{
	if (dst->n > UINT64_MAX - src->n)
		return EXACT_PCT_EOVERFLOW;
	void *v, *r;
	if (grow(dst->v, &v, &dst->capv, dst->nv, src->nv, sizeof *dst->v))
		return EXACT_PCT_ENOMEM;
	dst->v = v; /* only capacity changed: dst still holds what it held */
	if (grow(dst->r, &r, &dst->capr, dst->nr, src->nr, sizeof *dst->r))
		return EXACT_PCT_ENOMEM;
	dst->r = r;
	if (src->nv)
		memcpy(dst->v + dst->nv, src->v, src->nv * sizeof *src->v);
	if (src->nr)
		memcpy(dst->r + dst->nr, src->r, src->nr * sizeof *src->r);
	dst->nv += src->nv;
	dst->nr += src->nr;
	dst->n += src->n;
	dst->sorted = 0;
	return 0;
}

void exact_pct_clear(struct exact_pct *e)
{
	e->nv = e->nr = 0;
	e->n = 0;
	e->sorted = 0;
}

uint64_t exact_pct_count(const struct exact_pct *e)
{
	return e->n;
}

static int cmp_value(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static int cmp_run(const void *a, const void *b)
{
	return cmp_value(&((const struct run *)a)->v, &((const struct run *)b)->v);
}

int64_t exact_pct_quantile(struct exact_pct *e, int64_t p)
{
	if (e->n == 0)
		return -1;
	if (!e->sorted) {
		if (e->nv > 1)
			qsort(e->v, e->nv, sizeof *e->v, cmp_value);
		if (e->nr > 1)
			qsort(e->r, e->nr, sizeof *e->r, cmp_run);
		e->sorted = 1;
	}
	/* walk both sorted lists in step, smallest first, until rank values
	 * have gone by; they sum to n >= rank, so one holds the answer */
	uint64_t rank = percentile_rank(p, e->n), seen = 0;
	if (e->nr == 0)
		return e->v[rank - 1]; /* the usual case: no pre-aggregated input */
	size_t i = 0, j = 0;
	for (;;) {
		if (j == e->nr || (i < e->nv && e->v[i] <= e->r[j].v)) {
			if (++seen >= rank)
				return e->v[i];
			i++;
		} else {
			seen += e->r[j].n;
			if (seen >= rank)
				return e->r[j].v;
			j++;
		}
	}
}

size_t exact_pct_memory(const struct exact_pct *e)
{
	return sizeof *e + e->capv * sizeof *e->v + e->capr * sizeof *e->r;
}
