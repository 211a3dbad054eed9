/* Per-minute counters, a day (1440 minutes) a chunk, chunks kept in an
 * array indexed by day that grows at either end. */
#include "eval/timeline.h"

#include <stdlib.h>
#include <string.h>

#define DAY_MINUTES 1440
#define NS_PER_MINUTE INT64_C(60000000000)

struct timeline {
	size_t slots;
	uint64_t **day;   /* day[i] covers day (base + i); NULL until used */
	int64_t base;     /* the first day the array covers */
	size_t ndays;     /* array length */
	int64_t first, last; /* minutes with data */
	int any;
	int64_t row_day;     /* the day of the last row asked for */
	/* the last row asked for and the first and last ns of its minute:
	 * records come mostly in order, thousands a minute */
	uint64_t *row;
	int64_t row_from, row_to;
	uint64_t *in;        /* a row being decoded, checked before it is added */
};

struct timeline *timeline_new(size_t slots)
{
	struct timeline *tl = calloc(1, sizeof *tl);
	if (!tl)
		return NULL;
	tl->slots = slots;
	tl->in = calloc(slots ? slots : 1, sizeof *tl->in);
	if (!tl->in) {
		free(tl);
		return NULL;
	}
	return tl;
}

void timeline_free(struct timeline *tl)
{
	if (!tl)
		return;
	for (size_t i = 0; i < tl->ndays; i++)
		free(tl->day[i]);
	free(tl->day);
	free(tl->in);
	free(tl);
}

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && a < 0) ? q - 1 : q;
}

/* Makes the day array cover day d; returns its index or -1. */
static int64_t cover_day(struct timeline *tl, int64_t d)
{
	if (tl->ndays == 0) {
		tl->day = calloc(1, sizeof *tl->day);
		if (!tl->day)
			return -1;
		tl->base = d;
		tl->ndays = 1;
		return 0;
	}
	int64_t lo = tl->base, hi = tl->base + (int64_t)tl->ndays - 1;
	if (d >= lo && d <= hi)
		return d - lo;
	int64_t nlo = d < lo ? d : lo, nhi = d > hi ? d : hi;
	if (nhi - nlo + 1 > TIMELINE_MAX_DAYS)
		return -1;
	size_t n = (size_t)(nhi - nlo + 1);
	uint64_t **a = calloc(n, sizeof *a);
	if (!a)
		return -1;
	memcpy(a + (lo - nlo), tl->day, tl->ndays * sizeof *a);
	free(tl->day);
	tl->day = a;
	tl->base = nlo;
	tl->ndays = n;
	return d - nlo;
}

uint64_t *timeline_row(struct timeline *tl, int64_t t)
{
	if (tl->row && t >= tl->row_from && t <= tl->row_to)
		return tl->row;
	int64_t minute = floor_div(t, NS_PER_MINUTE);
	/* records come mostly in order: the day of the last one is checked first */
	int64_t d;
	if (tl->any && minute >= tl->row_day * DAY_MINUTES &&
	    minute < (tl->row_day + 1) * DAY_MINUTES)
		d = tl->row_day;
	else
		d = floor_div(minute, DAY_MINUTES);
	int64_t i = cover_day(tl, d);
	if (i < 0)
		return NULL;
	if (!tl->day[i]) {
		tl->day[i] = calloc((size_t)DAY_MINUTES * tl->slots, sizeof **tl->day);
		if (!tl->day[i])
			return NULL;
	}
	if (!tl->any || minute < tl->first)
		tl->first = minute;
	if (!tl->any || minute > tl->last)
		tl->last = minute;
	tl->any = 1;
	tl->row_day = d;
	uint64_t *row = tl->day[i] + (size_t)(minute - d * DAY_MINUTES) * tl->slots;
	/* rows stay where they are until timeline_free; a minute at the
	 * ends of the int64_t range is not kept, its bounds would not fit */
	if (minute > INT64_MIN / NS_PER_MINUTE && minute < INT64_MAX / NS_PER_MINUTE - 1) {
		tl->row = row;
		tl->row_from = minute * NS_PER_MINUTE;
		tl->row_to = tl->row_from + (NS_PER_MINUTE - 1);
	}
	return row;
}

int timeline_add(struct timeline *tl, int64_t t, size_t slot, uint64_t v)
{
	uint64_t *row = timeline_row(tl, t);
	if (!row)
		return -1;
	row[slot] += v;
	return 0;
}

int timeline_span(const struct timeline *tl, int64_t *first, int64_t *last)
{
	if (!tl->any)
		return -1;
	*first = tl->first;
	*last = tl->last;
	return 0;
}

uint64_t timeline_sum(const struct timeline *tl, size_t slot, int64_t from, int64_t to)
{
	uint64_t sum = 0;
	if (!tl->any)
		return 0;
	if (from < tl->base * DAY_MINUTES)
		from = tl->base * DAY_MINUTES;
	int64_t end = (tl->base + (int64_t)tl->ndays) * DAY_MINUTES;
	if (to > end)
		to = end;
	for (int64_t m = from; m < to;) {
		int64_t d = floor_div(m, DAY_MINUTES);
		const uint64_t *day = tl->day[d - tl->base];
		int64_t day_end = (d + 1) * DAY_MINUTES;
		int64_t stop = to < day_end ? to : day_end;
		if (day)
			for (int64_t k = m; k < stop; k++)
				sum += day[(size_t)(k - d * DAY_MINUTES) * tl->slots + slot];
		m = stop;
	}
	return sum;
}

int timeline_merge(struct timeline *dst, const struct timeline *src)
{
	if (dst->slots != src->slots)
		return -1;
	for (size_t i = 0; i < src->ndays; i++) {
		if (!src->day[i])
			continue;
		int64_t day = src->base + (int64_t)i;
		for (size_t m = 0; m < DAY_MINUTES; m++) {
			const uint64_t *in = src->day[i] + m * src->slots;
			size_t k = 0;
			while (k < src->slots && !in[k])
				k++;
			if (k == src->slots)
				continue;
			uint64_t *out = timeline_row(dst, ((day * DAY_MINUTES) + (int64_t)m) * NS_PER_MINUTE);
			if (!out)
				return -1;
			for (k = 0; k < src->slots; k++)
				out[k] += in[k];
		}
	}
	return 0;
}

void timeline_encode(const struct timeline *tl, struct bytes *b)
{
	uint64_t rows = 0;
	for (size_t pass = 0; pass < 2; pass++) {
		if (pass == 1)
			bytes_put_u64(b, rows);
		for (size_t i = 0; i < tl->ndays; i++) {
			if (!tl->day[i])
				continue;
			for (size_t m = 0; m < DAY_MINUTES; m++) {
				const uint64_t *in = tl->day[i] + m * tl->slots;
				size_t k = 0;
				while (k < tl->slots && !in[k])
					k++;
				if (k == tl->slots)
					continue;
				if (pass == 0) {
					rows++;
					continue;
				}
				bytes_put_i64(b, (tl->base + (int64_t)i) * DAY_MINUTES + (int64_t)m);
				for (k = 0; k < tl->slots; k++)
					bytes_put_u64(b, in[k]);
			}
		}
	}
}

int timeline_decode_add(struct timeline *tl, struct bytes_reader *r,
			bool (*ok)(const uint64_t *row, void *arg), void *arg)
{
	uint64_t rows = bytes_get_count(r, 1 + tl->slots);
	/* once a row cannot be held, the rest are still read, so that the
	 * caller goes on reading what follows them */
	bool lost = false;
	for (uint64_t j = 0; j < rows && !r->bad; j++) {
		int64_t minute = bytes_get_i64(r);
		for (size_t k = 0; k < tl->slots; k++)
			tl->in[k] = bytes_get_u64(r);
		/* minutes whose nanoseconds fit in 64 bits */
		if (r->bad || minute < INT64_MIN / NS_PER_MINUTE ||
		    minute > INT64_MAX / NS_PER_MINUTE || (ok && !ok(tl->in, arg))) {
			r->bad = true;
			break;
		}
		/* a row of zeros adds nothing, and is not made: timeline_encode
		 * writes none and timeline_merge passes them over, so its minute
		 * must not stretch the span either */
		size_t k = 0;
		while (k < tl->slots && !tl->in[k])
			k++;
		if (k == tl->slots)
			continue;
		uint64_t *row = lost ? NULL : timeline_row(tl, minute * NS_PER_MINUTE);
		k = 0;
		while (row && k < tl->slots && row[k] <= UINT64_MAX - tl->in[k])
			k++;
		if (!row || k < tl->slots) {
			lost = true;
			continue;
		}
		for (k = 0; k < tl->slots; k++)
			row[k] += tl->in[k];
	}
	return r->bad || lost ? -1 : 0;
}
