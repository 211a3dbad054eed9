/* eval/evaluator: counts per objective over the data's span or a rolling window. */
#include "testing.h"

#include <string.h>

#include "eval/evaluator.h"
#include "util/duration.h"

#define S INT64_C(1000000000)
/* 2026-10-01T12:00:00Z, a whole minute: 1790856000 s */
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
	assert_int_equal(err, EVAL_OK);
	return ev;
}

/* Adds one request at t (ns) with a latency in ms, bad or not. */
static void add(struct evaluator *ev, int64_t t, int64_t latency_ms, int bad)
{
	struct slo_record r = {.time = t, .latency = latency_ms * NS_PER_MS, .total = 1,
			       .bad = bad ? 1 : 0, .has_time = true, .has_latency = true};
	assert_int_equal(eval_add(ev, &r), EVAL_OK);
}

static void test_no_window(void **state)
{
	struct evaluator *ev = make(0);
	struct eval_result res;
	(void)state;

	/* out of order; 300 ms is at the bound (good), 301 ms is over */
	add(ev, T0 + 10 * S, 100, 0);
	add(ev, T0 + 30 * S, 300, 1);
	add(ev, T0 - 5 * S, 301, 0);
	add(ev, T0 + 20 * S, 50, 1);
	eval_result(ev, &res);
	assert_int_equal(res.n, 2);
	assert_int_equal(res.used, 4);
	assert_int_equal(res.outside_window, 0);
	assert_int_equal(res.obj[0].total, 4);
	assert_int_equal(res.obj[0].bad, 2);
	assert_int_equal(res.obj[1].total, 4);
	assert_int_equal(res.obj[1].bad, 1);
	assert_true(res.has_span);
	assert_true(res.start == T0 - 5 * S); /* first and last record's times */
	assert_true(res.end == T0 + 30 * S);
	eval_free(ev);
}

static void test_no_window_no_time(void **state)
{
	struct evaluator *ev = make(0);
	struct eval_result res;
	struct slo_record r = {.total = 1, .bad = 1, .latency = 0, .has_latency = true};
	(void)state;

	eval_result(ev, &res);
	assert_int_equal(res.used, 0);
	assert_false(res.has_span);
	/* without a window, a record needs no time */
	assert_int_equal(eval_add(ev, &r), EVAL_OK);
	eval_result(ev, &res);
	assert_int_equal(res.used, 1);
	assert_int_equal(res.obj[0].bad, 1);
	assert_false(res.has_span);
	eval_free(ev);
}

static void test_aggregated_rows(void **state)
{
	struct evaluator *ev = make(0);
	struct eval_result res;
	/* a pre-aggregated row of 1000 requests, 3 bad */
	struct slo_record r = {.time = T0, .total = 1000, .bad = 3, .has_time = true};
	(void)state;

	assert_int_equal(eval_add(ev, &r), EVAL_OK);
	r.time = T0 + 60 * S;
	r.total = 500;
	r.bad = 0;
	assert_int_equal(eval_add(ev, &r), EVAL_OK);
	eval_result(ev, &res);
	assert_int_equal(res.used, 2);           /* records */
	assert_int_equal(res.obj[0].total, 1500); /* events */
	assert_int_equal(res.obj[0].bad, 3);
	eval_free(ev);
}

/* 1h window: buckets of a minute; the window ends at the end of the
 * minute holding the last record. */
static void test_window_hour(void **state)
{
	struct evaluator *ev = make(NS_PER_HOUR);
	struct eval_result res;
	(void)state;

	add(ev, T0 + 30 * S, 100, 1);                 /* 12:00:30, later out */
	add(ev, T0 + 2 * NS_PER_HOUR + 10 * S, 100, 0); /* 14:00:10: last */
	/* the window is now [13:01:00, 14:01:00) */
	add(ev, T0 + NS_PER_HOUR + 60 * S, 400, 1);   /* 13:01:00: in (start inclusive) */
	add(ev, T0 + NS_PER_HOUR + 60 * S - 1, 100, 1); /* 13:00:59.999999999: out */
	add(ev, T0 + 90 * NS_PER_MIN, 300, 0);        /* 13:30:00: in */
	add(ev, T0 + 2 * NS_PER_HOUR + 60 * S - 1, 301, 1); /* 14:00:59.999999999: in */
	eval_result(ev, &res);
	assert_int_equal(res.used, 4);
	assert_int_equal(res.outside_window, 2);
	assert_int_equal(res.obj[0].total, 4);
	assert_int_equal(res.obj[0].bad, 2);  /* 13:01:00 and 14:00:59.99 */
	assert_int_equal(res.obj[1].bad, 2);  /* 400 ms and 301 ms */
	assert_true(res.has_span);
	assert_true(res.end == T0 + 2 * NS_PER_HOUR + 60 * S); /* 14:01:00 */
	assert_true(res.start == T0 + NS_PER_HOUR + 60 * S);   /* 13:01:00 */
	eval_free(ev);
}

/* One record a minute for 90 minutes, in order, 1h window: the first 30
 * minutes slide out one bucket at a time. */
static void test_window_slides(void **state)
{
	struct evaluator *ev = make(NS_PER_HOUR);
	struct eval_result res;
	(void)state;

	for (int i = 0; i < 90; i++)
		add(ev, T0 + i * NS_PER_MIN + 15 * S, 100 * (i % 5), i % 3 == 0);
	eval_result(ev, &res);
	/* last at 13:29:15: window [12:30, 13:30) holds minutes 30..89 */
	assert_int_equal(res.used, 60);
	assert_int_equal(res.outside_window, 30);
	/* bad: i % 3 == 0 for i in 30..89 is 30, 33, ..., 87: 20 */
	assert_int_equal(res.obj[0].bad, 20);
	/* latency 100 x (i % 5) > 300 ms: i % 5 == 4, i = 34, 39, ..., 89: 12 */
	assert_int_equal(res.obj[1].bad, 12);
	assert_true(res.start == T0 + 30 * NS_PER_MIN);
	assert_true(res.end == T0 + 90 * NS_PER_MIN);
	eval_free(ev);
}

/* A jump by more than the whole window empties it, however the ring is
 * laid out. */
static void test_window_jump(void **state)
{
	struct evaluator *ev = make(NS_PER_HOUR);
	struct eval_result res;
	(void)state;

	for (int i = 0; i < 60; i++)
		add(ev, T0 + i * NS_PER_MIN, 100, 1);
	add(ev, T0 + 10 * NS_PER_DAY + 7 * S, 100, 0);
	eval_result(ev, &res);
	assert_int_equal(res.used, 1);
	assert_int_equal(res.outside_window, 60);
	assert_int_equal(res.obj[0].bad, 0);
	assert_true(res.end == T0 + 10 * NS_PER_DAY + 60 * S);
	/* exactly one window later: only the newest minute stays */
	add(ev, T0 + 10 * NS_PER_DAY + NS_PER_HOUR + 30 * S, 100, 1);
	eval_result(ev, &res);
	assert_int_equal(res.used, 1);
	assert_int_equal(res.outside_window, 61);
	assert_int_equal(res.obj[0].bad, 1);
	eval_free(ev);
}

/* 90 s is not a multiple of a minute: buckets of gcd(90 s, 60 s) = 30 s,
 * the end still a whole minute. */
static void test_window_90s(void **state)
{
	struct evaluator *ev = make(90 * S);
	struct eval_result res;
	(void)state;

	add(ev, T0 + 9 * NS_PER_MIN + 30 * S, 100, 0); /* 12:09:30 */
	add(ev, T0 + 5 * NS_PER_MIN, 100, 0);          /* window [12:08:30, 12:10): out */
	add(ev, T0 + 9 * NS_PER_MIN + 30 * S - 1, 100, 1); /* in for now */
	add(ev, T0 + 10 * NS_PER_MIN + 5 * S, 100, 0); /* 12:10:05: window [12:09:30, 12:11) */
	add(ev, T0 + 11 * NS_PER_MIN - 1, 100, 0);     /* 12:10:59.999999999: in */
	eval_result(ev, &res);
	assert_int_equal(res.used, 3);
	assert_int_equal(res.outside_window, 2); /* 12:05 and 12:09:29.999999999 */
	assert_int_equal(res.obj[0].bad, 0);
	assert_true(res.end == T0 + 11 * NS_PER_MIN);
	assert_true(res.start == T0 + 9 * NS_PER_MIN + 30 * S);
	eval_free(ev);
}

/* A month of 2629746 s = 43829 min + 6 s: buckets of 6 s. */
static void test_window_month(void **state)
{
	struct evaluator *ev = make(NS_PER_MONTH);
	struct eval_result res;
	/* last record at T0 ends the window at T0 + 60 s; the start is
	 * T0 + 60 s - 2629746 s = T0 - 2629686 s */
	const int64_t start = T0 - INT64_C(2629686) * S;
	(void)state;

	add(ev, T0, 100, 0);
	add(ev, start, 100, 1);      /* in */
	add(ev, start - 1, 100, 1);  /* out */
	add(ev, T0 + 60 * S - 1, 100, 0);
	eval_result(ev, &res);
	assert_int_equal(res.used, 3);
	assert_int_equal(res.outside_window, 1);
	assert_int_equal(res.obj[0].bad, 1);
	assert_true(res.end == T0 + 60 * S);
	assert_true(res.start == start);
	eval_free(ev);
}

/* Under a minute the window ends at the end of the second. */
static void test_window_30s(void **state)
{
	struct evaluator *ev = make(30 * S);
	struct eval_result res;
	(void)state;

	add(ev, T0 + 10 * S + 500000000, 100, 0); /* end T0 + 11 s, start T0 - 19 s */
	add(ev, T0 - 19 * S, 100, 1);             /* in */
	add(ev, T0 - 19 * S - 1, 100, 1);         /* out */
	eval_result(ev, &res);
	assert_int_equal(res.used, 2);
	assert_int_equal(res.outside_window, 1);
	assert_true(res.end == T0 + 11 * S);
	assert_true(res.start == T0 - 19 * S);
	eval_free(ev);
}

/* Before 1970 the buckets still floor towards the past. */
static void test_window_negative_times(void **state)
{
	struct evaluator *ev = make(NS_PER_HOUR);
	struct eval_result res;
	(void)state;

	add(ev, -30 * S, 100, 0);          /* 1969-12-31T23:59:30: end 0, start -3600 s */
	add(ev, -3600 * S, 100, 0);        /* in */
	add(ev, -3600 * S - 1, 100, 0);    /* out */
	add(ev, -1, 500, 1);               /* in */
	eval_result(ev, &res);
	assert_int_equal(res.used, 3);
	assert_int_equal(res.outside_window, 1);
	assert_int_equal(res.obj[1].bad, 1);
	assert_true(res.end == 0);
	assert_true(res.start == -3600 * S);
	eval_free(ev);
}

static void test_window_errors(void **state)
{
	enum eval_err err = EVAL_OK;
	struct eval_result res;
	(void)state;

	/* a window needs a time on every record */
	struct evaluator *ev = make(NS_PER_HOUR);
	struct slo_record r = {.total = 1, .bad = 1};
	assert_int_equal(eval_add(ev, &r), EVAL_NO_TIME);
	eval_result(ev, &res);
	assert_int_equal(res.used, 0);
	assert_int_equal(res.outside_window, 0);
	assert_false(res.has_span);
	eval_free(ev);

	/* 1 h + 1 ns has no common divisor with a minute above 1 ns:
	 * 3.6 x 10^12 buckets */
	assert_null(eval_new(objs, 2, NS_PER_HOUR + 1, &err));
	assert_int_equal(err, EVAL_WINDOW_TOO_FINE);
	/* 2^24 + 1 s shares only 1 s with a minute: 16777217 buckets */
	err = EVAL_OK;
	assert_null(eval_new(objs, 2, INT64_C(16777217) * S, &err));
	assert_int_equal(err, EVAL_WINDOW_TOO_FINE);
	/* a year: gcd(31556952 s, 60 s) = 12 s, 2629746 buckets, fine */
	err = EVAL_NOMEM;
	ev = eval_new(objs, 1, NS_PER_YEAR, &err);
	assert_non_null(ev);
	assert_int_equal(err, EVAL_OK);
	eval_free(ev);
}

/* eval_reset forgets what was counted, however it came (records, a
 * merge), and leaves a ring never written alone (a share of a file resets
 * the evaluator its parent made): the next records count from zero. */
static void test_reset(void **state)
{
	struct eval_result res;
	(void)state;
	for (int how = 0; how < 8; how++) {
		int64_t window = how < 4 ? 30 * NS_PER_DAY : 0;
		struct evaluator *ev = make(window), *other = make(window);
		/* a reset makes a new timeline: nothing may still point into
		 * the old one */
		assert_int_equal(eval_enable_timeline(ev), 0);
		assert_int_equal(eval_enable_timeline(other), 0);
		if (how % 4 == 1) {
			add(ev, T0, 500, 1);
			add(ev, T0 + NS_PER_DAY, 100, 1);
		} else if (how % 4 == 2) {
			add(other, T0 + 5 * NS_PER_MIN, 500, 1);
			assert_int_equal(eval_merge(ev, other), EVAL_OK);
		} else if (how % 4 == 3) {
			/* the minute of the records after the reset */
			add(ev, T0 + 2 * NS_PER_DAY + 5 * S, 500, 1);
			add(ev, T0 + 2 * NS_PER_DAY + 6 * S, 500, 1);
		}
		assert_int_equal(eval_reset(ev), 0);
		eval_result(ev, &res);
		assert_int_equal(res.used, 0);
		assert_int_equal(res.obj[0].total, 0);
		add(ev, T0 + 2 * NS_PER_DAY, 100, 0);
		add(ev, T0 + 2 * NS_PER_DAY + S, 400, 1);
		eval_result(ev, &res);
		assert_int_equal(res.used, 2);
		assert_int_equal(res.outside_window, 0);
		assert_int_equal(res.obj[0].total, 2);
		assert_int_equal(res.obj[0].bad, 1);
		assert_int_equal(res.obj[1].bad, 1);
		if (!window)
			assert_true(res.has_span && res.start == T0 + 2 * NS_PER_DAY &&
				    res.end == T0 + 2 * NS_PER_DAY + S);
		eval_free(ev);
		eval_free(other);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_window),
		cmocka_unit_test(test_no_window_no_time),
		cmocka_unit_test(test_aggregated_rows),
		cmocka_unit_test(test_window_hour),
		cmocka_unit_test(test_window_slides),
		cmocka_unit_test(test_window_jump),
		cmocka_unit_test(test_window_90s),
		cmocka_unit_test(test_window_month),
		cmocka_unit_test(test_window_30s),
		cmocka_unit_test(test_window_negative_times),
		cmocka_unit_test(test_window_errors),
		cmocka_unit_test(test_reset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
