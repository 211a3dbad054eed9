/* eval/evaluator: windows of bounds (--from/--to), open at one end, calendar
 * periods, excluded periods (maintenance) for events and for time, and
 * sums over the timeline (eval_range). */
#include "testing.h"

#include "eval/evaluator.h"
#include "eval/timeline.h"
#include "util/calendar.h"
#include "util/duration.h"
#include "util/timestamp.h"

#define S INT64_C(1000000000)
#define M NS_PER_MIN
#define H NS_PER_HOUR
/* 2026-10-01T12:00:00Z, a whole minute: 1790856000 s */
#define T0 (INT64_C(1790856000) * S)
/* UTC midnight of a day counted from 1970-01-01 (2026-10-01 is 20727) */
#define DAY(n) (INT64_C(n) * NS_PER_DAY)

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

/* One request at t (ns) with a latency in ms, bad or not. */
static void add(struct evaluator *ev, int64_t t, int64_t latency_ms, int bad)
{
	struct slo_record r = {.time = t, .latency = latency_ms * NS_PER_MS, .total = 1,
			       .bad = bad ? 1 : 0, .has_time = true, .has_latency = true};
	assert_int_equal(eval_add(ev, &r), EVAL_OK);
}

/* A pre-aggregated row: total events at t, bad of them, no latency. */
static void add_row(struct evaluator *ev, int64_t t, uint64_t total, uint64_t bad)
{
	struct slo_record r = {.time = t, .total = total, .bad = bad, .has_time = true};
	assert_int_equal(eval_add(ev, &r), EVAL_OK);
}

/* A probe sample or state change at t. */
static void sample(struct evaluator *ev, int64_t t, int down)
{
	struct slo_record r = {.time = t, .total = 1, .bad = down ? 1 : 0, .has_time = true};
	assert_int_equal(eval_add(ev, &r), EVAL_OK);
}

/* A downtime interval [t, until). */
static enum eval_err incident(struct evaluator *ev, int64_t t, int64_t until)
{
	struct slo_record r = {.time = t, .until = until, .total = 1, .bad = 1, .has_time = true,
			       .has_until = true};
	return eval_add(ev, &r);
}

/* [start, end): the start inclusive, the end exclusive. */
static void test_bounds(void **state)
{
	struct evaluator *ev = make(0);
	struct eval_result res;
	struct slo_record no_time = {.total = 1};
	(void)state;

	eval_set_bounds(ev, T0, T0 + H);
	add(ev, T0 - 1, 100, 1);      /* out */
	add(ev, T0, 100, 1);          /* in: the start */
	add(ev, T0 + 30 * M, 400, 0); /* in, slow */
	add(ev, T0 + H - 1, 100, 0);  /* in */
	add(ev, T0 + H, 500, 1);      /* out: the end */
	add(ev, T0 + 2 * H, 100, 0);  /* out */
	assert_int_equal(eval_add(ev, &no_time), EVAL_NO_TIME);
	eval_result(ev, &res);
	assert_int_equal(res.used, 3);
	assert_int_equal(res.outside_window, 3);
	assert_int_equal(res.excluded, 0);
	assert_int_equal(res.obj[0].total, 3);
	assert_int_equal(res.obj[0].bad, 1);
	assert_int_equal(res.obj[1].total, 3);
	assert_int_equal(res.obj[1].bad, 1);
	assert_true(res.has_span);
	assert_true(res.start == T0);
	assert_true(res.end == T0 + H);
	assert_true(res.excluded_ns == 0);
	eval_free(ev);
}

/* --to alone: the window starts at the first record inside it. */
static void test_open_start(void **state)
{
	struct evaluator *ev = make(0);
	struct eval_result res;
	(void)state;

	eval_set_bounds(ev, EVAL_OPEN_START, T0 + H);
	add(ev, T0 + 10 * M, 100, 0);
	add(ev, T0 + 5 * M + 7 * S, 100, 1);
	add(ev, T0 + H, 100, 1); /* out */
	eval_result(ev, &res);
	assert_int_equal(res.used, 2);
	assert_int_equal(res.outside_window, 1);
	assert_int_equal(res.obj[0].bad, 1);
	assert_true(res.has_span);
	assert_true(res.start == T0 + 5 * M + 7 * S);
	assert_true(res.end == T0 + H);
	eval_free(ev);
}

/* --from alone: the window ends at the end of the last record's minute. */
static void test_open_end(void **state)
{
	struct evaluator *ev = make(0);
	struct eval_result res;
	(void)state;

	eval_set_bounds(ev, T0, EVAL_OPEN_END);
	add(ev, T0 + 10 * M + 30 * S, 100, 0);
	add(ev, T0 - 1, 100, 1); /* out */
	add(ev, T0 + 3 * M, 100, 1);
	eval_result(ev, &res);
	assert_int_equal(res.used, 2);
	assert_int_equal(res.outside_window, 1);
	assert_true(res.start == T0);
	assert_true(res.end == T0 + 11 * M); /* 12:10:30 is in the minute to 12:11 */
	eval_free(ev);

	/* a last record on a whole minute still ends the window a minute on */
	ev = make(0);
	eval_set_bounds(ev, T0, EVAL_OPEN_END);
	add(ev, T0 + 10 * M, 100, 0);
	eval_result(ev, &res);
	assert_true(res.end == T0 + 11 * M);
	eval_free(ev);

	/* open at both ends: the data's span, to the last minute's end */
	ev = make(0);
	eval_set_bounds(ev, EVAL_OPEN_START, EVAL_OPEN_END);
	add(ev, T0 + 5 * M + S, 100, 0);
	add(ev, T0 + 2 * M, 100, 0);
	eval_result(ev, &res);
	assert_int_equal(res.used, 2);
	assert_int_equal(res.outside_window, 0);
	assert_true(res.start == T0 + 2 * M);
	assert_true(res.end == T0 + 6 * M);
	eval_free(ev);

	/* no record: no span */
	ev = make(0);
	eval_set_bounds(ev, T0, EVAL_OPEN_END);
	eval_result(ev, &res);
	assert_false(res.has_span);
	assert_int_equal(res.used, 0);
	eval_free(ev);
}

/* The month of the newest record; earlier months' records go outside. */
static void test_calendar_month(void **state)
{
	struct evaluator *ev = make(0);
	struct eval_result res;
	/* 2026-09-01 is day 20697, 2026-10-01 20727, 2026-11-01 20758,
	 * 2026-12-01 20788 */
	(void)state;

	eval_set_calendar(ev, CAL_MONTH);
	eval_result(ev, &res);
	assert_false(res.has_span);
	add(ev, DAY(20711), 100, 1);       /* 2026-09-15: September for now */
	add(ev, DAY(20727) - 1, 100, 1);   /* 2026-09-30T23:59:59.999999999Z */
	eval_result(ev, &res);
	assert_int_equal(res.used, 2);
	assert_true(res.start == DAY(20697));
	assert_true(res.end == DAY(20727));
	add(ev, DAY(20728), 100, 0);       /* 2026-10-02: October, September out */
	eval_result(ev, &res);
	assert_int_equal(res.used, 1);
	assert_int_equal(res.outside_window, 2);
	assert_int_equal(res.obj[0].bad, 0);
	add(ev, DAY(20716), 100, 1);       /* 2026-09-20, late: out */
	add(ev, DAY(20758) - 1, 100, 0);   /* 2026-10-31T23:59:59.999999999Z: in */
	add(ev, DAY(20741), 500, 1);       /* 2026-10-15: in */
	add(ev, DAY(20727), 100, 0);       /* 2026-10-01T00:00Z: in */
	eval_result(ev, &res);
	assert_int_equal(res.used, 4);
	assert_int_equal(res.outside_window, 3);
	assert_int_equal(res.obj[0].total, 4);
	assert_int_equal(res.obj[0].bad, 1);
	assert_int_equal(res.obj[1].bad, 1);
	assert_true(res.has_span);
	assert_true(res.start == DAY(20727));
	assert_true(res.end == DAY(20758));
	/* November: October's four go outside too */
	add(ev, DAY(20758), 100, 0);
	eval_result(ev, &res);
	assert_int_equal(res.used, 1);
	assert_int_equal(res.outside_window, 7);
	assert_int_equal(res.obj[0].bad, 0);
	assert_true(res.start == DAY(20758));
	assert_true(res.end == DAY(20788));
	eval_free(ev);
}

static void test_calendar_week(void **state)
{
	struct evaluator *ev = make(0);
	struct eval_result res;
	(void)state;

	eval_set_calendar(ev, CAL_WEEK);
	add(ev, DAY(20731) - M, 100, 1); /* Sunday 2026-10-04 23:59 */
	add(ev, DAY(20731), 100, 0);     /* Monday 2026-10-05: a new week */
	add(ev, DAY(20724), 100, 0);     /* Monday 2026-09-28, the week before */
	eval_result(ev, &res);
	assert_int_equal(res.used, 1);
	assert_int_equal(res.outside_window, 2);
	assert_true(res.start == DAY(20731));
	assert_true(res.end == DAY(20738));
	eval_free(ev);
}

/* In Europe/Berlin October 2026 is [2026-09-30T22:00Z, 2026-10-31T23:00Z). */
static void test_calendar_zone(void **state)
{
	struct evaluator *ev = make(0);
	struct eval_result res;
	(void)state;

	assert_int_equal(ts_set_zone("Europe/Berlin"), 0);
	eval_set_calendar(ev, CAL_MONTH);
	add(ev, DAY(20727) - 90 * M, 100, 0);    /* 22:30Z = Oct 1 00:30 CEST */
	add(ev, DAY(20727) - 2 * H - S, 100, 1); /* Sep 30 23:59:59 CEST: out */
	add(ev, DAY(20758) - H - S, 100, 1);     /* Oct 31 23:59:59 CET: in */
	eval_result(ev, &res);
	assert_int_equal(res.used, 2);
	assert_int_equal(res.outside_window, 1);
	assert_int_equal(res.obj[0].bad, 1);
	assert_true(res.start == DAY(20727) - 2 * H);
	assert_true(res.end == DAY(20758) - H);
	add(ev, DAY(20758) - H, 100, 0);         /* Nov 1 00:00 CET */
	eval_result(ev, &res);
	assert_int_equal(res.used, 1);
	assert_int_equal(res.outside_window, 3);
	assert_true(res.start == DAY(20758) - H);
	assert_true(res.end == DAY(20788) - H); /* Dec 1 00:00 CET */
	eval_free(ev);
	assert_int_equal(ts_set_zone("UTC"), 0);
}

/* Excluded periods, merged, and cut by the window's edges. */
static void test_exclude_events(void **state)
{
	struct evaluator *ev = make(0);
	struct eval_result res;
	(void)state;

	assert_int_equal(eval_exclude(ev, T0 + 10 * M, T0 + 20 * M), 0);
	assert_int_equal(eval_exclude(ev, T0 + 15 * M, T0 + 30 * M), 0); /* [10, 30) */
	assert_int_equal(eval_exclude(ev, T0 + 45 * M, T0 + 50 * M), 0);
	assert_int_equal(eval_exclude(ev, T0 + 40 * M, T0 + 45 * M), 0); /* [40, 50) */
	assert_int_equal(eval_exclude(ev, T0 - 10 * M, T0 + 5 * M), 0);  /* over the start */
	assert_int_equal(eval_exclude(ev, T0 + 55 * M, T0 + 2 * H), 0);   /* over the end */
	assert_int_equal(eval_exclude(ev, T0 + 20 * M, T0 + 25 * M), 0);  /* inside one */
	assert_int_equal(eval_exclude(ev, T0 + 3 * H, T0 + 3 * H), 0);    /* empty */
	eval_set_bounds(ev, T0, T0 + H);
	/* periods [-10, 5), [10, 30), [40, 50), [55, 120) minutes from T0 */
	add(ev, T0 + 5 * M - 1, 100, 1);  /* excluded */
	add(ev, T0 + 5 * M, 100, 1);      /* in: an exclusion's end is exclusive */
	add(ev, T0 + 10 * M, 100, 1);     /* excluded: its start inclusive */
	add(ev, T0 + 30 * M - 1, 100, 1); /* excluded */
	add(ev, T0 + 30 * M, 400, 0);     /* in */
	add(ev, T0 + 47 * M, 100, 1);     /* excluded */
	add(ev, T0 + 50 * M, 100, 0);     /* in */
	add(ev, T0 + 55 * M, 100, 1);     /* excluded */
	add(ev, T0 + 2 * H, 100, 1);      /* outside, after the exclusion */
	add(ev, T0 - 20 * M, 100, 1);     /* outside */
	eval_result(ev, &res);
	assert_int_equal(res.used, 3);
	assert_int_equal(res.excluded, 5);
	assert_int_equal(res.outside_window, 2);
	assert_int_equal(res.obj[0].total, 3);
	assert_int_equal(res.obj[0].bad, 1);
	assert_int_equal(res.obj[1].bad, 1);
	/* of the window [0, 60): 5 + 20 + 10 + 5 = 40 minutes */
	assert_true(res.excluded_ns == 40 * M);
	eval_free(ev);
}

static void test_exclude_rolling(void **state)
{
	struct evaluator *ev = make(H);
	struct eval_result res;
	(void)state;

	assert_int_equal(eval_exclude(ev, T0 + 30 * M, T0 + 40 * M), 0);
	assert_int_equal(eval_exclude(ev, T0 - H, T0 + 10 * M), 0);
	add(ev, T0 + 5 * M, 100, 1);       /* excluded */
	add(ev, T0 + 20 * M, 100, 1);
	add(ev, T0 + 59 * M + 30 * S, 100, 0); /* the window: [T0, T0 + 1h) */
	eval_result(ev, &res);
	assert_int_equal(res.used, 2);
	assert_int_equal(res.excluded, 1);
	assert_int_equal(res.obj[0].bad, 1);
	assert_true(res.start == T0);
	assert_true(res.end == T0 + H);
	/* [T0, T0 + 10m) and [T0 + 30m, T0 + 40m) */
	assert_true(res.excluded_ns == 20 * M);
	eval_free(ev);
}

static void test_exclude_limit(void **state)
{
	struct evaluator *ev = make(0);
	(void)state;

	for (int i = 0; i < EVAL_MAX_EXCLUDED; i++)
		assert_int_equal(eval_exclude(ev, T0 + 2 * i * M, T0 + (2 * i + 1) * M), 0);
	assert_int_equal(eval_exclude(ev, T0 - 10 * M, T0 - 5 * M), -1);
	eval_free(ev);

	/* merged periods take one place */
	ev = make(0);
	for (int i = 0; i < 2 * EVAL_MAX_EXCLUDED; i++)
		assert_int_equal(eval_exclude(ev, T0 + i * M, T0 + (i + 1) * M), 0);
	eval_free(ev);
}

/* State changes over a fixed window, with excluded periods. */
static void test_time_changes(void **state)
{
	struct evaluator *ev = make(0);
	struct eval_result res;
	(void)state;

	eval_set_time(ev, 0, true);
	assert_true(eval_time_based(ev));
	assert_int_equal(eval_exclude(ev, T0 + 25 * M, T0 + 28 * M), 0);
	assert_int_equal(eval_exclude(ev, T0 + 50 * M, T0 + 55 * M), 0);
	eval_set_bounds(ev, T0, T0 + H);
	assert_int_equal(eval_enable_timeline(ev), 0);
	sample(ev, T0 - 10 * M, 0); /* up from before the window: outside */
	sample(ev, T0 + 20 * M, 1); /* down */
	sample(ev, T0 + 30 * M, 0); /* up */
	sample(ev, T0 + 70 * M, 1); /* after the window: outside */
	assert_int_equal(eval_finish(ev, INT64_MAX), EVAL_OK);
	eval_result(ev, &res);
	assert_true(res.time_based);
	assert_int_equal(res.used, 2);
	assert_int_equal(res.outside_window, 2);
	assert_true(res.start == T0);
	assert_true(res.end == T0 + H);
	/* up [0, 20) and [30, 60) less [50, 55): 20 + 25 = 45 min;
	 * down [20, 30) less [25, 28): 7 min; excluded 3 + 5 = 8 min */
	assert_true(res.up == 45 * M);
	assert_true(res.down == 7 * M);
	assert_true(res.excluded_ns == 8 * M);
	eval_free(ev);
}

/* A sample inside an excluded period is an excluded record (eval_exclude:
 * "records in [start, end) count neither good nor bad (result.excluded
 * counts them)"). */
static void test_time_excluded_records(void **state)
{
	struct evaluator *ev = make(0);
	struct eval_result res;

	*state = ev; /* freed by free_ev, also when an assertion fails */
	eval_set_time(ev, 0, true);
	assert_int_equal(eval_exclude(ev, T0 + 10 * M, T0 + 20 * M), 0);
	sample(ev, T0, 0);
	sample(ev, T0 + 15 * M, 1); /* excluded */
	sample(ev, T0 + 30 * M, 0);
	assert_int_equal(eval_finish(ev, T0 + 40 * M), EVAL_OK);
	eval_result(ev, &res);
	/* up [0, 10) and [30, 40); down [15, 30) less [15, 20): [20, 30) */
	assert_true(res.up == 20 * M);
	assert_true(res.down == 10 * M);
	assert_true(res.excluded_ns == 10 * M);
	assert_true(res.start == T0);
	assert_true(res.end == T0 + 40 * M);
	assert_int_equal(res.excluded, 1);
	assert_int_equal(res.used, 2);
}

/* An incident list over a fixed hour: a 10-minute incident, half of it in
 * an excluded period.  The window is up but for the downtime, and shrinks
 * by the excluded time. */
static void test_incidents_bounds(void **state)
{
	struct evaluator *ev = make(0);
	struct eval_result res;
	(void)state;

	eval_set_incidents(ev);
	assert_true(eval_time_based(ev));
	assert_int_equal(eval_exclude(ev, T0 + 25 * M, T0 + 35 * M), 0);
	eval_set_bounds(ev, T0, T0 + H);
	assert_int_equal(eval_enable_timeline(ev), 0);
	assert_int_equal(incident(ev, T0 + 20 * M, T0 + 30 * M), EVAL_OK);
	assert_int_equal(eval_finish(ev, INT64_MAX), EVAL_OK);
	eval_result(ev, &res);
	assert_int_equal(res.used, 1);
	/* down [20, 25); excluded [25, 35); up 60 - 5 - 10 = 45 min */
	assert_true(res.down == 5 * M);
	assert_true(res.excluded_ns == 10 * M);
	assert_true(res.up == 45 * M);
	assert_true(res.start == T0);
	assert_true(res.end == T0 + H);
	eval_free(ev);

	/* incidents across the window's edges and outside it */
	ev = make(0);
	eval_set_incidents(ev);
	assert_int_equal(eval_exclude(ev, T0 + 25 * M, T0 + 35 * M), 0);
	eval_set_bounds(ev, T0, T0 + H);
	assert_int_equal(eval_enable_timeline(ev), 0);
	assert_int_equal(incident(ev, T0 - 30 * M, T0 - 20 * M), EVAL_OK); /* outside */
	assert_int_equal(incident(ev, T0 - 5 * M, T0 + 5 * M), EVAL_OK);   /* over the start */
	assert_int_equal(incident(ev, T0 + 20 * M, T0 + 30 * M), EVAL_OK);
	assert_int_equal(incident(ev, T0 + 22 * M, T0 + 24 * M), EVAL_OK); /* inside that */
	assert_int_equal(incident(ev, T0 + 50 * M, T0 + 80 * M), EVAL_OK); /* over the end */
	assert_int_equal(incident(ev, T0 + 70 * M, T0 + 80 * M), EVAL_OK); /* outside */
	assert_int_equal(eval_finish(ev, INT64_MAX), EVAL_OK);
	eval_result(ev, &res);
	assert_int_equal(res.used, 4);
	assert_int_equal(res.outside_window, 2);
	/* down [0, 5) + [20, 25) + [50, 60) = 20 min; excluded 10 min;
	 * up 60 - 20 - 10 = 30 min */
	assert_true(res.down == 20 * M);
	assert_true(res.excluded_ns == 10 * M);
	assert_true(res.up == 30 * M);
	eval_free(ev);
}

/* An incident list without bounds: the window runs from the first
 * incident's start to the last one's end. */
static void test_incidents_span(void **state)
{
	struct evaluator *ev = make(0);
	struct eval_result res;
	struct slo_record no_until = {.time = T0 + 2 * H, .total = 1, .bad = 1, .has_time = true};
	(void)state;

	eval_set_incidents(ev);
	assert_int_equal(eval_exclude(ev, T0 + 55 * M, T0 + 65 * M), 0);
	assert_int_equal(incident(ev, T0, T0 + 10 * M), EVAL_OK);
	assert_int_equal(incident(ev, T0 + 5 * M, T0 + 20 * M), EVAL_OK); /* overlaps: once */
	assert_int_equal(incident(ev, T0 + 50 * M, T0 + 60 * M), EVAL_OK);
	/* sorted by start, and with an end */
	assert_int_equal(incident(ev, T0 + 40 * M, T0 + 45 * M), EVAL_OUT_OF_ORDER);
	assert_int_equal(eval_add(ev, &no_until), EVAL_NO_TIME);
	assert_int_equal(eval_finish(ev, INT64_MAX), EVAL_OK);
	eval_result(ev, &res);
	assert_int_equal(res.used, 3);
	assert_true(res.start == T0);
	assert_true(res.end == T0 + H);
	/* down [0, 20) + [50, 55) = 25 min; excluded [55, 60) of the window:
	 * 5 min; up 60 - 25 - 5 = 30 min */
	assert_true(res.down == 25 * M);
	assert_true(res.excluded_ns == 5 * M);
	assert_true(res.up == 30 * M);
	eval_free(ev);
}

static void test_range_events(void **state)
{
	struct evaluator *ev = make(0);
	uint64_t total = 99, bad = 99;
	(void)state;

	assert_false(eval_time_based(ev));
	/* no timeline: no range */
	assert_int_equal(eval_range(ev, 0, T0, T0 + H, &total, &bad), -1);
	assert_int_equal(eval_enable_timeline(ev), 0);
	add_row(ev, T0, 100, 1);
	add_row(ev, T0 + 30 * S, 100, 2);
	add_row(ev, T0 + M, 50, 5);
	add(ev, T0 + M + 10 * S, 400, 0);  /* slow: latency-bad */
	add_row(ev, T0 + 2 * H, 10, 10);
	assert_int_equal(eval_range(ev, 0, T0, T0 + M, &total, &bad), 0);
	assert_true(total == 200 && bad == 3);
	assert_int_equal(eval_range(ev, 0, T0, T0 + 2 * M, &total, &bad), 0);
	assert_true(total == 251 && bad == 8);
	/* the latency objective counts only records with a latency */
	assert_int_equal(eval_range(ev, 1, T0, T0 + 2 * M, &total, &bad), 0);
	assert_true(total == 1 && bad == 1);
	/* times inside a minute stand for their minute: [12:00, 12:01) */
	assert_int_equal(eval_range(ev, 0, T0 + 30 * S, T0 + 90 * S, &total, &bad), 0);
	assert_true(total == 200 && bad == 3);
	assert_int_equal(eval_range(ev, 0, T0 - H, T0 + 3 * H, &total, &bad), 0);
	assert_true(total == 261 && bad == 18);
	assert_int_equal(eval_range(ev, 0, T0 + 3 * H, T0 + 4 * H, &total, &bad), 0);
	assert_true(total == 0 && bad == 0);
	assert_int_equal(eval_range(ev, 0, T0 + 2 * M, T0 + 2 * H, &total, &bad), 0);
	assert_true(total == 0 && bad == 0);
	eval_free(ev);
}

/* Records outside the bounds or excluded are not in the timeline. */
static void test_range_bounded(void **state)
{
	struct evaluator *ev = make(0);
	uint64_t total, bad;
	(void)state;

	assert_int_equal(eval_exclude(ev, T0 + 10 * M, T0 + 20 * M), 0);
	eval_set_bounds(ev, T0, T0 + H);
	assert_int_equal(eval_enable_timeline(ev), 0);
	add_row(ev, T0 - M, 100, 100);      /* outside */
	add_row(ev, T0 + 15 * M, 100, 100); /* excluded */
	add_row(ev, T0 + 30 * M, 100, 1);
	assert_int_equal(eval_range(ev, 0, T0 - H, T0 + 2 * H, &total, &bad), 0);
	assert_true(total == 100 && bad == 1);
	eval_free(ev);
}

/* In time mode a range gives up + down ns as the total and down ns as the
 * bad. */
static void test_range_time(void **state)
{
	struct evaluator *ev = make(0);
	struct eval_result res;
	uint64_t total, bad;
	(void)state;

	eval_set_time(ev, 0, true);
	assert_int_equal(eval_enable_timeline(ev), 0);
	sample(ev, T0, 0);
	sample(ev, T0 + 10 * M + 30 * S, 1);
	sample(ev, T0 + 20 * M, 0);
	sample(ev, T0 + 30 * M, 1);
	assert_int_equal(eval_finish(ev, T0 + 40 * M), EVAL_OK);
	assert_int_equal(eval_range(ev, 0, T0, T0 + 10 * M, &total, &bad), 0);
	assert_true(total == (uint64_t)(10 * M) && bad == 0);
	assert_int_equal(eval_range(ev, 0, T0 + 10 * M, T0 + 11 * M, &total, &bad), 0);
	assert_true(total == (uint64_t)M && bad == (uint64_t)(30 * S));
	/* down [10:30, 20) and [30, 40): 9.5 + 10 = 19.5 min */
	assert_int_equal(eval_range(ev, 0, T0, T0 + 40 * M, &total, &bad), 0);
	assert_true(total == (uint64_t)(40 * M) && bad == (uint64_t)(19 * M + 30 * S));
	assert_int_equal(eval_range(ev, 0, T0 + 40 * M, T0 + H, &total, &bad), 0);
	assert_true(total == 0 && bad == 0);
	eval_result(ev, &res);
	assert_true(res.up == 20 * M + 30 * S);
	assert_true(res.down == 19 * M + 30 * S);
	assert_true(res.start == T0);
	assert_true(res.end == T0 + 40 * M);
	eval_free(ev);
}

/* An incident list's ranges: the time not down is up (eval_set_incidents),
 * so a range's total is all its time, not only the downtime. */
static void test_range_incidents(void **state)
{
	struct evaluator *ev = make(0);
	uint64_t total, bad;

	*state = ev;
	eval_set_incidents(ev);
	eval_set_bounds(ev, T0, T0 + 10 * H);
	assert_int_equal(eval_enable_timeline(ev), 0);
	assert_int_equal(incident(ev, T0 + H, T0 + H + 270 * S), EVAL_OK); /* 4.5 min */
	assert_int_equal(eval_finish(ev, INT64_MAX), EVAL_OK);
	/* the hour holding it: 60 min, 4.5 of them down */
	assert_int_equal(eval_range(ev, 0, T0 + H, T0 + 2 * H, &total, &bad), 0);
	assert_true(bad == (uint64_t)(270 * S));
	assert_true(total == (uint64_t)H);
	/* an hour without downtime is all up */
	assert_int_equal(eval_range(ev, 0, T0 + 3 * H, T0 + 4 * H, &total, &bad), 0);
	assert_true(bad == 0);
	assert_true(total == (uint64_t)H);
	assert_int_equal(eval_range(ev, 0, T0, T0 + 10 * H, &total, &bad), 0);
	assert_true(bad == (uint64_t)(270 * S));
	assert_true(total == (uint64_t)(10 * H));
}

/* A span longer than the timeline holds: ranges give up, counts go on. */
static void test_range_too_long(void **state)
{
	struct evaluator *ev = make(0);
	struct eval_result res;
	uint64_t total, bad;
	(void)state;

	assert_int_equal(eval_enable_timeline(ev), 0);
	add(ev, T0, 100, 1);
	assert_int_equal(eval_range(ev, 0, T0, T0 + M, &total, &bad), 0);
	assert_true(total == 1 && bad == 1);
	add(ev, T0 + TIMELINE_MAX_DAYS * NS_PER_DAY, 100, 0); /* 7321 days */
	assert_int_equal(eval_range(ev, 0, T0, T0 + M, &total, &bad), -1);
	eval_result(ev, &res);
	assert_int_equal(res.used, 2);
	assert_int_equal(res.obj[0].total, 2);
	eval_free(ev);
}

static int free_ev(void **state)
{
	eval_free(*state);
	*state = NULL;
	return 0;
}

/* Back to UTC after each test, also after a failed assertion. */
static int utc(void **state)
{
	(void)state;
	return ts_set_zone("UTC");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_open_start),
		cmocka_unit_test(test_open_end),
		cmocka_unit_test(test_calendar_month),
		cmocka_unit_test(test_calendar_week),
		cmocka_unit_test_teardown(test_calendar_zone, utc),
		cmocka_unit_test(test_exclude_events),
		cmocka_unit_test(test_exclude_rolling),
		cmocka_unit_test(test_exclude_limit),
		cmocka_unit_test(test_time_changes),
		cmocka_unit_test_teardown(test_time_excluded_records, free_ev),
		cmocka_unit_test(test_incidents_bounds),
		cmocka_unit_test(test_incidents_span),
		cmocka_unit_test(test_range_events),
		cmocka_unit_test(test_range_bounded),
		cmocka_unit_test(test_range_time),
		cmocka_unit_test_teardown(test_range_incidents, free_ev),
		cmocka_unit_test(test_range_too_long),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
