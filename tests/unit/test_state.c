/* util/bytes and eval_merge / eval_encode / eval_decode_merge: saved state
 * that merges exactly, and bytes that are never trusted. */
#include "testing.h"

#include <stdlib.h>
#include <string.h>

#include "eval/evaluator.h"
#include "eval/groups.h"
#include "eval/timeline.h"
#include "util/bytes.h"
#include "util/duration.h"

#define S INT64_C(1000000000)
/* 2026-10-01T12:00:00Z, a whole minute */
#define T0 (INT64_C(1790856000) * S)

static const struct objective objs[2] = {
	{"availability", OBJ_EVENTS, 999000000, 0},
	{"latency 300ms", OBJ_LATENCY, 990000000, 300 * NS_PER_MS},
};

static struct evaluator *make(int64_t window)
{
	enum eval_err err = EVAL_NOMEM;
	struct evaluator *ev = eval_new(objs, 2, window, &err);
	assert_non_null(ev);
	assert_int_equal(eval_enable_timeline(ev), 0);
	return ev;
}

static void add(struct evaluator *ev, int64_t t, int64_t latency_ms, int bad)
{
	struct slo_record r = {.time = t, .latency = latency_ms * NS_PER_MS, .total = 1,
			       .bad = bad ? 1 : 0, .has_time = true, .has_latency = true};
	assert_int_equal(eval_add(ev, &r), EVAL_OK);
}

static void test_varints(void **state)
{
	(void)state;
	struct bytes b = {0};
	const uint64_t u[] = {0, 1, 127, 128, 300, UINT64_MAX};
	const int64_t i[] = {0, -1, 1, -64, 64, INT64_MIN, INT64_MAX};
	for (size_t k = 0; k < sizeof u / sizeof u[0]; k++)
		bytes_put_u64(&b, u[k]);
	for (size_t k = 0; k < sizeof i / sizeof i[0]; k++)
		bytes_put_i64(&b, i[k]);
	bytes_put_str(&b, "p99.9");
	assert_false(b.failed);
	/* 0, 1, 127 one byte; 128, 300 two; 2^64-1 ten */
	assert_int_equal(b.p[0], 0);
	assert_int_equal(b.p[3], 0x80);
	assert_int_equal(b.p[4], 0x01);
	struct bytes_reader r = {b.p, b.len, 0, false};
	for (size_t k = 0; k < sizeof u / sizeof u[0]; k++)
		assert_true(bytes_get_u64(&r) == u[k]);
	for (size_t k = 0; k < sizeof i / sizeof i[0]; k++)
		assert_true(bytes_get_i64(&r) == i[k]);
	char s[8];
	bytes_get_str(&r, s, sizeof s);
	assert_string_equal(s, "p99.9");
	assert_false(r.bad);
	assert_int_equal(r.pos, b.len);
	/* one more read is past the end */
	bytes_get_u64(&r);
	assert_true(r.bad);
	bytes_free(&b);
}

static void test_reader_refuses(void **state)
{
	(void)state;
	/* eleven continuation bytes: more than 64 bits */
	const unsigned char longv[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f};
	struct bytes_reader r = {longv, sizeof longv, 0, false};
	bytes_get_u64(&r);
	assert_true(r.bad);
	/* a varint cut short */
	const unsigned char cut[] = {0x80, 0x80};
	r = (struct bytes_reader){cut, sizeof cut, 0, false};
	bytes_get_u64(&r);
	assert_true(r.bad);
	/* a string longer than the bytes left, and one longer than asked */
	const unsigned char str[] = {5, 'a', 'b'};
	r = (struct bytes_reader){str, sizeof str, 0, false};
	char s[16];
	bytes_get_str(&r, s, sizeof s);
	assert_true(r.bad);
	const unsigned char str2[] = {3, 'a', 'b', 'c'};
	r = (struct bytes_reader){str2, sizeof str2, 0, false};
	bytes_get_str(&r, s, 3);
	assert_true(r.bad);
	/* a string with a NUL in it, read or skipped (found by fuzz/fuzz_state:
	 * slo merge read the options of a state with the one, and merged its
	 * counts skipping them with the other) */
	const unsigned char nul[] = {2, 'a', 0};
	r = (struct bytes_reader){nul, sizeof nul, 0, false};
	bytes_get_str(&r, s, sizeof s);
	assert_true(r.bad);
	r = (struct bytes_reader){nul, sizeof nul, 0, false};
	bytes_skip_str(&r);
	assert_true(r.bad);
	/* a count the bytes left cannot hold: 1000 items of 4 bytes in 3 */
	const unsigned char cnt[] = {0xe8, 0x07, 1, 2, 3};
	r = (struct bytes_reader){cnt, sizeof cnt, 0, false};
	assert_true(bytes_get_count(&r, 4) == 0);
	assert_true(r.bad);
}

/* A 1 h rolling window over two shards: the first holds 10:00-10:59, the
 * second 11:30-11:59.  Merged, the window is 11:00-12:00 (the newest
 * record's minute ends it), so the first shard's records are all outside. */
static void test_merge_rolling(void **state)
{
	(void)state;
	struct evaluator *a = make(NS_PER_HOUR), *b = make(NS_PER_HOUR);
	for (int m = 0; m < 60; m++)
		add(a, T0 - 2 * NS_PER_HOUR + m * NS_PER_MIN, 100, m % 10 == 0); /* 6 bad */
	for (int m = 30; m < 60; m++)
		add(b, T0 - NS_PER_HOUR + m * NS_PER_MIN + 5 * S, m < 40 ? 500 : 100, m == 59);
	assert_int_equal(eval_merge(a, b), EVAL_OK);
	struct eval_result res;
	eval_result(a, &res);
	assert_int_equal(res.used, 30);
	assert_int_equal(res.outside_window, 60);
	assert_int_equal(res.obj[0].total, 30);
	assert_int_equal(res.obj[0].bad, 1);
	assert_int_equal(res.obj[1].bad, 10); /* 11:30-11:39 took 500 ms */
	assert_true(res.end == T0);
	assert_true(res.start == T0 - NS_PER_HOUR);
	/* the timeline keeps both shards' minutes */
	uint64_t total, bad;
	assert_int_equal(eval_range(a, 0, T0 - 2 * NS_PER_HOUR, T0, &total, &bad), 0);
	assert_int_equal(total, 90);
	assert_int_equal(bad, 7);
	eval_free(a);
	eval_free(b);
}

/* A record in the minute of the one before, after a merge moved the
 * window on: that minute has left it, and the record is outside too (not
 * counted where the minute's bucket was, which eval_add keeps at hand). */
static void test_merge_then_same_minute(void **state)
{
	(void)state;
	for (int how = 0; how < 2; how++) {
		struct evaluator *a = make(NS_PER_HOUR), *b = make(NS_PER_HOUR);
		add(a, T0 - 2 * NS_PER_HOUR + S, 100, 1);
		add(a, T0 - 2 * NS_PER_HOUR + 2 * S, 100, 1);
		add(b, T0 - 30 * S, 500, 0);
		if (how == 0) {
			assert_int_equal(eval_merge(a, b), EVAL_OK);
		} else {
			struct bytes e = {0};
			eval_encode(b, &e);
			struct bytes_reader r = {e.p, e.len, 0, false};
			assert_int_equal(eval_decode_merge(a, &r), EVAL_OK);
			bytes_free(&e);
		}
		add(a, T0 - 2 * NS_PER_HOUR + 3 * S, 100, 1);
		struct eval_result res;
		eval_result(a, &res);
		assert_int_equal(res.used, 1);
		assert_int_equal(res.outside_window, 3);
		assert_int_equal(res.obj[0].total, 1);
		assert_int_equal(res.obj[0].bad, 0);
		assert_int_equal(res.obj[1].bad, 1);
		/* nor in the timeline: a record that comes outside the window
		 * is not counted there either */
		uint64_t total, bad;
		assert_int_equal(eval_range(a, 0, T0 - 3 * NS_PER_HOUR, T0, &total, &bad), 0);
		assert_int_equal(total, 3);
		assert_int_equal(bad, 2);
		eval_free(a);
		eval_free(b);
	}
}

/* Merging in either order, or through bytes, gives the same counts as one
 * evaluator fed every record, in any order. */
static void test_merge_equals_one_run(void **state)
{
	(void)state;
	struct evaluator *one = make(30 * NS_PER_MIN), *part[3];
	for (int k = 0; k < 3; k++)
		part[k] = make(30 * NS_PER_MIN);
	uint64_t s = 42;
	for (int n = 0; n < 3000; n++) {
		s = s * 6364136223846793005u + 1442695040888963407u;
		/* times over two hours, shuffled a little, latencies to 600 ms */
		int64_t t = T0 + (int64_t)(n * 2 + (int)(s >> 60)) * S;
		int64_t lat = (int64_t)(s >> 33) % 600;
		int bad = (s >> 20) % 50 == 0;
		add(one, t, lat, bad);
		add(part[n % 3], t, lat, bad);
	}
	struct evaluator *merged = make(30 * NS_PER_MIN);
	struct bytes b = {0};
	eval_encode(part[2], &b);
	assert_int_equal(eval_merge(merged, part[1]), EVAL_OK);
	assert_int_equal(eval_merge(merged, part[0]), EVAL_OK);
	struct bytes_reader r = {b.p, b.len, 0, false};
	assert_int_equal(eval_decode_merge(merged, &r), EVAL_OK);
	assert_int_equal(r.pos, b.len);
	struct eval_result x, y;
	eval_result(one, &x);
	eval_result(merged, &y);
	assert_int_equal(x.used, y.used);
	assert_int_equal(x.outside_window, y.outside_window);
	assert_true(x.start == y.start && x.end == y.end);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(x.obj[i].total, y.obj[i].total);
		assert_int_equal(x.obj[i].bad, y.obj[i].bad);
	}
	assert_true(x.used > 0 && x.outside_window > 0);
	/* every truncation of the bytes is refused, never a crash */
	for (size_t len = 0; len < b.len; len++) {
		struct evaluator *e = make(30 * NS_PER_MIN);
		r = (struct bytes_reader){b.p, len, 0, false};
		assert_int_equal(eval_decode_merge(e, &r), EVAL_CORRUPT);
		eval_free(e);
	}
	/* every byte changed: refused, or read as other counts, never a
	 * crash or a read out of bounds (ASan watches) */
	for (size_t pos = 0; pos < b.len; pos++) {
		unsigned char saved = b.p[pos];
		b.p[pos] ^= 0xa5;
		struct evaluator *e = make(30 * NS_PER_MIN);
		r = (struct bytes_reader){b.p, b.len, 0, false};
		enum eval_err err = eval_decode_merge(e, &r);
		assert_true(err == EVAL_OK || err == EVAL_CORRUPT || err == EVAL_MISMATCH ||
			    err == EVAL_OVERFLOW);
		eval_free(e);
		b.p[pos] = saved;
	}
	/* another window is another state */
	struct evaluator *other = make(NS_PER_HOUR);
	r = (struct bytes_reader){b.p, b.len, 0, false};
	assert_int_equal(eval_decode_merge(other, &r), EVAL_MISMATCH);
	eval_free(other);
	bytes_free(&b);
	eval_free(one);
	eval_free(merged);
	for (int k = 0; k < 3; k++)
		eval_free(part[k]);
}

/* A calendar month: a shard of September merged into one of October (or
 * the other way) counts September's records as outside. */
static void test_merge_calendar(void **state)
{
	(void)state;
	enum eval_err err;
	struct evaluator *sep = eval_new(objs, 2, 0, &err), *oct = eval_new(objs, 2, 0, &err);
	eval_set_calendar(sep, CAL_MONTH);
	eval_set_calendar(oct, CAL_MONTH);
	for (int i = 0; i < 5; i++)
		add(sep, T0 - 3 * NS_PER_DAY + i * S, 100, 1);
	for (int i = 0; i < 7; i++)
		add(oct, T0 + i * S, 100, 0);
	struct evaluator *x = eval_new(objs, 2, 0, &err);
	eval_set_calendar(x, CAL_MONTH);
	assert_int_equal(eval_merge(x, sep), EVAL_OK);
	assert_int_equal(eval_merge(x, oct), EVAL_OK);
	assert_int_equal(eval_merge(oct, sep), EVAL_OK);
	struct eval_result r1, r2;
	eval_result(x, &r1);
	eval_result(oct, &r2);
	assert_int_equal(r1.used, 7);
	assert_int_equal(r1.outside_window, 5);
	assert_int_equal(r1.obj[0].bad, 0);
	assert_int_equal(r2.used, 7);
	assert_int_equal(r2.outside_window, 5);
	assert_true(r1.start == r2.start && r1.end == r2.end);
	eval_free(sep);
	eval_free(oct);
	eval_free(x);
}

static void test_merge_overflow(void **state)
{
	(void)state;
	struct evaluator *a = make(0), *b = make(0);
	struct slo_record r = {.time = T0, .total = UINT64_MAX - 5, .bad = 0, .has_time = true};
	assert_int_equal(eval_add(a, &r), EVAL_OK);
	r.total = 6;
	assert_int_equal(eval_add(b, &r), EVAL_OK);
	assert_int_equal(eval_merge(a, b), EVAL_OVERFLOW);
	eval_free(a);
	eval_free(b);
}

static void test_groups_round_trip(void **state)
{
	(void)state;
	enum eval_err err;
	struct groups *g = groups_new(objs, 2, 0, 100, 1 << 20, &err), *h;
	h = groups_new(objs, 2, 0, 100, 1 << 20, &err);
	struct slo_record r = {.time = T0, .total = 1, .bad = 1, .has_time = true};
	assert_int_equal(groups_add(g, "/a", 2, &r), EVAL_OK);
	r.bad = 0;
	assert_int_equal(groups_add(g, "/b", 2, &r), EVAL_OK);
	assert_int_equal(groups_add(h, "/b", 2, &r), EVAL_OK);
	struct bytes b = {0};
	groups_encode(g, &b);
	struct bytes_reader rd = {b.p, b.len, 0, false};
	assert_int_equal(groups_decode_merge(h, &rd), EVAL_OK);
	assert_int_equal(groups_count(h), 2);
	/* h saw /b first */
	assert_string_equal(groups_key(h, 0), "/b");
	struct eval_result res;
	groups_result(h, 0, &res);
	assert_int_equal(res.obj[0].total, 2);
	groups_result(h, 1, &res);
	assert_int_equal(res.obj[0].bad, 1);
	bytes_free(&b);
	groups_free(g);
	groups_free(h);
}

/* A state laid out as eval_encode writes it, of counts no evaluator
 * leaves: what a forged file, or one damaged past its checksum, holds.
 * Its settings are like's; objs' two objectives make 6 counters a bucket
 * and a minute (records, total and bad of each, excluded). */
struct forged {
	uint64_t flags; /* 1 started, 2 a span, 4 bounds, 8 a timeline */
	int64_t hi, first, last, b_start, b_end;
	uint64_t sum_total;
	size_t nbuckets;
	int64_t k[2];
	uint64_t bucket[2][6];
	size_t nrows;
	int64_t minute[2];
	uint64_t row[2][6];
};

static void forge(const struct evaluator *like, const struct forged *f, struct bytes *b)
{
	struct bytes own = {0};
	eval_encode(like, &own);
	struct bytes_reader r = {own.p, own.len, 0, false};
	uint64_t slen = bytes_get_u64(&r);
	bytes_put(b, own.p, r.pos + (size_t)slen);
	bytes_free(&own);
	bytes_put_u64(b, f->flags);
	bytes_put_i64(b, f->hi);
	bytes_put_i64(b, f->first);
	bytes_put_i64(b, f->last);
	bytes_put_i64(b, f->b_start);
	bytes_put_i64(b, f->b_end);
	bytes_put_u64(b, 0); /* outside */
	bytes_put_u64(b, 0); /* excluded */
	bytes_put_u64(b, f->sum_total);
	bytes_put_u64(b, 6);
	bytes_put_u64(b, f->nbuckets);
	for (size_t j = 0; j < f->nbuckets; j++) {
		bytes_put_i64(b, f->k[j]);
		for (size_t s = 0; s < 6; s++)
			bytes_put_u64(b, f->bucket[j][s]);
	}
	if (f->flags & 8) {
		bytes_put_u64(b, f->nrows);
		for (size_t j = 0; j < f->nrows; j++) {
			bytes_put_i64(b, f->minute[j]);
			for (size_t s = 0; s < 6; s++)
				bytes_put_u64(b, f->row[j][s]);
		}
	}
	assert_false(b->failed);
}

/* Decodes f into a new evaluator of window (a timeline, as make gives);
 * its result in *res when it merged. */
static enum eval_err decode_forged(int64_t window, const struct forged *f, struct eval_result *res)
{
	struct evaluator *ev = make(window);
	struct bytes b = {0};
	forge(ev, f, &b);
	struct bytes_reader r = {b.p, b.len, 0, false};
	enum eval_err e = eval_decode_merge(ev, &r);
	if (e == EVAL_OK) {
		assert_int_equal(r.pos, b.len);
		eval_result(ev, res);
	}
	bytes_free(&b);
	eval_free(ev);
	return e;
}

/* The counts of a state must be those of events: a span that ends
 * before it starts, a minute with more bad events than events (both found
 * by fuzz/fuzz_state), buckets or minutes adding up past what the state
 * counted (their sums would pass 2^64 and wrap) are refused as corrupt,
 * not reported as windows of negative length or more bad events than
 * events. */
static void test_decode_refuses_forged(void **state)
{
	(void)state;
	const int64_t m = T0 / NS_PER_MIN;
	const struct forged good = {.flags = 1 | 2 | 8, .first = T0, .last = T0 + S, .sum_total = 2,
				    .nbuckets = 1, .bucket = {{2, 2, 1, 2, 0, 0}},
				    .nrows = 1, .minute = {m}, .row = {{2, 2, 1, 2, 0, 0}}};
	struct eval_result res;
	assert_int_equal(decode_forged(0, &good, &res), EVAL_OK);
	assert_int_equal(res.obj[0].total, 2);
	assert_int_equal(res.obj[0].bad, 1);

	struct forged f = good;
	f.first = T0 + S;
	f.last = T0;
	assert_int_equal(decode_forged(0, &f, &res), EVAL_CORRUPT);
	f = good;
	f.last = INT64_MAX;
	assert_int_equal(decode_forged(0, &f, &res), EVAL_CORRUPT);

	/* a minute of the timeline with 3 bad events of 2 */
	f = good;
	f.row[0][2] = 3;
	assert_int_equal(decode_forged(0, &f, &res), EVAL_CORRUPT);
	/* minutes of more events than the state counted */
	f = good;
	f.nrows = 2;
	f.minute[1] = m + 1;
	memcpy(f.row[1], f.row[0], sizeof f.row[0]);
	assert_int_equal(decode_forged(0, &f, &res), EVAL_CORRUPT);

	/* two buckets of 2^63 events, all bad in one: summed, 0 events and
	 * 2^63 bad ones */
	const uint64_t half = UINT64_C(1) << 63;
	f = (struct forged){.flags = 1 | 2 | 8, .hi = m, .first = T0, .last = T0 + S,
			    .sum_total = UINT64_MAX, .nbuckets = 2, .k = {m - 1, m},
			    .bucket = {{1, half, half, 0, 0, 0}, {1, half, 0, 0, 0, 0}}};
	assert_int_equal(decode_forged(NS_PER_HOUR, &f, &res), EVAL_CORRUPT);
	/* with room for their sum, they are counts like any */
	f.bucket[1][1] = half - 1;
	assert_int_equal(decode_forged(NS_PER_HOUR, &f, &res), EVAL_OK);
	assert_true(res.obj[0].total == UINT64_MAX && res.obj[0].bad == half);

	/* a window not started (flag 1 clear) holding a bucket: corrupt,
	 * not counted by a decode and passed over by eval_merge */
	f = (struct forged){.flags = 2 | 8, .hi = m, .first = T0, .last = T0 + S,
			    .sum_total = 1, .nbuckets = 1, .k = {m - 1},
			    .bucket = {{1, 1, 0, 1, 0, 0}}};
	assert_int_equal(decode_forged(NS_PER_HOUR, &f, &res), EVAL_CORRUPT);
	f.flags |= 1;
	assert_int_equal(decode_forged(NS_PER_HOUR, &f, &res), EVAL_OK);
	assert_int_equal(res.obj[0].total, 1);
}

/* A calendar window's bounds must be a period of the calendar: a month
 * that ends before it starts, or one that is no month at all, would be
 * the merge's window (found by fuzz/fuzz_state). */
static void test_decode_calendar_bounds(void **state)
{
	(void)state;
	enum eval_err err;
	struct evaluator *oct = eval_new(objs, 2, 0, &err);
	eval_set_calendar(oct, CAL_MONTH);
	add(oct, T0, 100, 0);
	struct bytes b = {0};
	eval_encode(oct, &b);
	struct evaluator *x = eval_new(objs, 2, 0, &err);
	eval_set_calendar(x, CAL_MONTH);
	struct bytes_reader r = {b.p, b.len, 0, false};
	assert_int_equal(eval_decode_merge(x, &r), EVAL_OK);
	bytes_free(&b);
	eval_free(x);

	const int64_t oct1 = T0 - 12 * NS_PER_HOUR, nov1 = oct1 + 31 * NS_PER_DAY;
	const struct forged bad[] = {
		/* October's bounds the wrong way round */
		{.flags = 2 | 4, .first = T0, .last = T0, .b_start = nov1, .b_end = oct1},
		/* not a month */
		{.flags = 2 | 4, .first = T0, .last = T0, .b_start = oct1, .b_end = oct1 + NS_PER_DAY},
		/* past any calendar */
		{.flags = 2 | 4, .first = T0, .last = T0, .b_start = INT64_MAX, .b_end = INT64_MAX},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		x = eval_new(objs, 2, 0, &err);
		eval_set_calendar(x, CAL_MONTH);
		forge(oct, &bad[i], &b);
		r = (struct bytes_reader){b.p, b.len, 0, false};
		err = eval_decode_merge(x, &r);
		assert_true(err == EVAL_CORRUPT || err == EVAL_MISMATCH);
		bytes_free(&b);
		eval_free(x);
	}
	eval_free(oct);
}

/* Two states whose timelines together span more than TIMELINE_MAX_DAYS
 * merge with the timeline given up, as one run over both would; its rows
 * are read past, not taken for what follows them. */
static void test_decode_timeline_too_long(void **state)
{
	(void)state;
	struct evaluator *a = make(0), *b = make(0), *x = make(0);
	add(a, T0, 100, 0);
	add(b, T0 + (TIMELINE_MAX_DAYS + 1) * NS_PER_DAY, 100, 1);
	struct bytes ba = {0}, bb = {0};
	eval_encode(a, &ba);
	eval_encode(b, &bb);
	bytes_put_u64(&bb, 7); /* what follows the state in a file */
	struct bytes_reader r = {ba.p, ba.len, 0, false};
	assert_int_equal(eval_decode_merge(x, &r), EVAL_OK);
	r = (struct bytes_reader){bb.p, bb.len, 0, false};
	assert_int_equal(eval_decode_merge(x, &r), EVAL_OK);
	assert_int_equal(bytes_get_u64(&r), 7);
	assert_false(r.bad);
	assert_int_equal(r.pos, bb.len);
	struct eval_result res;
	eval_result(x, &res);
	assert_int_equal(res.obj[0].total, 2);
	assert_int_equal(res.obj[0].bad, 1);
	uint64_t total, bad;
	assert_int_equal(eval_range(x, 0, T0, T0 + NS_PER_DAY, &total, &bad), -1);
	bytes_free(&ba);
	bytes_free(&bb);
	eval_free(a);
	eval_free(b);
	eval_free(x);
}

static const int64_t ps[5] = {500000000, 900000000, 950000000, 990000000, 999000000};

/* 1..1000 ms: the nearest ranks are the values themselves, so p50 is
 * 500 ms, p99.9 999 ms; the sketch is within 1/1025 of them */
static void test_percentiles_span(void **state)
{
	(void)state;
	for (int exact = 0; exact < 2; exact++) {
		struct evaluator *ev = make(0);
		assert_int_equal(eval_enable_percentiles(ev, exact), 0);
		for (int i = 1000; i >= 1; i--)
			add(ev, T0 + i * S, i, 0);
		int64_t out[5];
		uint64_t n;
		assert_int_equal(eval_percentiles(ev, ps, 5, out, &n), 0);
		assert_int_equal(n, 1000);
		const int64_t want[5] = {500, 900, 950, 990, 999};
		for (int k = 0; k < 5; k++) {
			int64_t w = want[k] * NS_PER_MS, d = out[k] - w;
			if (exact)
				assert_true(out[k] == w);
			else
				assert_true((d < 0 ? -d : d) * 1025 <= w);
		}
		assert_true(eval_percentiles_from(ev) == INT64_MIN);
		eval_free(ev);
	}
}

/* A 1 h rolling window (60 one-minute blocks: exact membership) over two
 * hours: the first hour's 9000 ms latencies leave with it. */
static void test_percentiles_rolling(void **state)
{
	(void)state;
	for (int exact = 0; exact < 2; exact++) {
		struct evaluator *a = make(NS_PER_HOUR), *b = make(NS_PER_HOUR);
		assert_int_equal(eval_enable_percentiles(a, exact), 0);
		assert_int_equal(eval_enable_percentiles(b, exact), 0);
		for (int m = 0; m < 60; m++)
			add(a, T0 - 2 * NS_PER_HOUR + m * NS_PER_MIN, 9000, 0);
		for (int m = 0; m < 60; m++)
			add(b, T0 - NS_PER_HOUR + m * NS_PER_MIN, 100 + m, 0);
		int64_t out[5];
		uint64_t n;
		if (!exact) {
			/* merged through bytes: saved states keep the sketches */
			struct bytes by = {0};
			eval_encode(b, &by);
			struct bytes_reader r = {by.p, by.len, 0, false};
			assert_int_equal(eval_decode_merge(a, &r), EVAL_OK);
			bytes_free(&by);
		} else {
			assert_int_equal(eval_merge(a, b), EVAL_OK);
		}
		assert_int_equal(eval_percentiles(a, ps, 5, out, &n), 0);
		assert_int_equal(n, 60);
		/* p50 of 100..159 ms is the 30th: 129 ms; p99.9 the 60th */
		int64_t d = out[0] - 129 * NS_PER_MS;
		assert_true((d < 0 ? -d : d) * 1025 <= 129 * NS_PER_MS);
		assert_true(out[4] == 159 * NS_PER_MS);
		eval_free(a);
		eval_free(b);
	}
}

/* A calendar month restarts the percentiles with a newer period. */
static void test_percentiles_calendar(void **state)
{
	(void)state;
	enum eval_err err;
	struct evaluator *ev = eval_new(objs, 2, 0, &err);
	eval_set_calendar(ev, CAL_MONTH);
	assert_int_equal(eval_enable_percentiles(ev, true), 0);
	add(ev, T0 - 3 * NS_PER_DAY, 5000, 0); /* 28 September */
	add(ev, T0, 20, 0);
	add(ev, T0 + S, 40, 0);
	int64_t out[5];
	uint64_t n;
	assert_int_equal(eval_percentiles(ev, ps, 5, out, &n), 0);
	assert_int_equal(n, 2);
	assert_true(out[0] == 20 * NS_PER_MS && out[4] == 40 * NS_PER_MS);
	eval_free(ev);
}

/* eval_add_many counts a run of records as eval_add counts them one by
 * one: the same state, byte for byte, whatever the runs' lengths, with
 * minutes that change, records out of order, counts above one, records
 * without a latency and, with a window, without a time (refused, the
 * rest counted after it). */
static void test_add_many_equals_add(void **state)
{
	(void)state;
	static const int64_t windows[] = {0, 30 * NS_PER_MIN};
	for (size_t w = 0; w < 2; w++) {
		for (int pct = 0; pct < 2; pct++) {
			struct evaluator *one = make(windows[w]), *many = make(windows[w]);
			if (pct) {
				assert_int_equal(eval_enable_percentiles(one, false), 0);
				assert_int_equal(eval_enable_percentiles(many, false), 0);
			}
			struct slo_record r[2000];
			uint64_t s = 7 + w * 2 + (uint64_t)pct;
			int64_t t = T0;
			for (size_t n = 0; n < 2000; n++) {
				s = s * 6364136223846793005u + 1442695040888963407u;
				/* mostly a second or two on, now and then 90 s back */
				t += (s >> 62) == 3 && (s >> 40) % 16 == 0 ? -90 * S : (int64_t)(s >> 62) * S;
				uint64_t total = (s >> 20) % 40 == 0 ? 3 : 1;
				r[n] = (struct slo_record){.time = t,
							   .latency = (int64_t)((s >> 33) % 600) * NS_PER_MS,
							   .total = total,
							   .bad = (s >> 10) % 30 == 0 ? total : 0,
							   .has_time = (s >> 5) % 200 != 0,
							   .has_latency = (s >> 15) % 50 != 0};
			}
			size_t refused = 0, at = 0;
			for (size_t n = 0; n < 2000; n++)
				refused += eval_add(one, &r[n]) != EVAL_OK;
			while (at < 2000) {
				s = s * 6364136223846793005u + 1442695040888963407u;
				size_t len = 1 + (size_t)(s >> 58) + ((s >> 50) % 4 == 0 ? 100 : 0), done;
				if (len > 2000 - at)
					len = 2000 - at;
				enum eval_err e = eval_add_many(many, r + at, len, &done);
				at += done;
				if (e != EVAL_OK) {
					assert_int_equal(e, EVAL_NO_TIME);
					assert_false(r[at].has_time);
					refused--;
					at++;
				}
			}
			assert_int_equal(refused, 0);
			struct bytes a = {0}, b = {0};
			eval_encode(one, &a);
			eval_encode(many, &b);
			assert_int_equal(a.len, b.len);
			assert_memory_equal(a.p, b.p, a.len);
			bytes_free(&a);
			bytes_free(&b);
			eval_free(one);
			eval_free(many);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_varints),
		cmocka_unit_test(test_reader_refuses),
		cmocka_unit_test(test_merge_rolling),
		cmocka_unit_test(test_merge_then_same_minute),
		cmocka_unit_test(test_merge_equals_one_run),
		cmocka_unit_test(test_merge_calendar),
		cmocka_unit_test(test_merge_overflow),
		cmocka_unit_test(test_groups_round_trip),
		cmocka_unit_test(test_decode_refuses_forged),
		cmocka_unit_test(test_decode_calendar_bounds),
		cmocka_unit_test(test_decode_timeline_too_long),
		cmocka_unit_test(test_percentiles_span),
		cmocka_unit_test(test_percentiles_rolling),
		cmocka_unit_test(test_percentiles_calendar),
		cmocka_unit_test(test_add_many_equals_add),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
