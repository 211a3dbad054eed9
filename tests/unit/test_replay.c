/* eval/replay: alert backtesting over a synthetic history with known
 * outages, judged by the SRE workbook's policy for a 30-day window. */
#include "testing.h"

#include <stdlib.h>

#include "eval/burn.h"
#include "eval/evaluator.h"
#include "eval/replay.h"
#include "util/duration.h"

#define M NS_PER_MIN
/* 2026-10-01T00:00:00Z: day 20727 */
#define D0 (INT64_C(20727) * NS_PER_DAY)
#define T999 INT64_C(999000000) /* 99.9 % */
#define MINUTES 4320            /* 3 days */
#define EPS 1e-9

static const struct objective objs[1] = {{"availability", OBJ_EVENTS, T999, 0}};

static void near(double got, double want)
{
	assert_true(got > want - EPS && got < want + EPS);
}

/* The history: 3 days from D0, a row of 100 requests each minute (432000
 * in all, a budget of 432 bad ones at 99.9 %).  Quietly, 1 bad in each
 * minute divisible by 20 (0.05 %, a burn rate of 0.5).  bad[] overrides
 * that minute by minute when not negative. */
static struct evaluator *history(const int *bad)
{
	enum eval_err err = EVAL_NOMEM;
	struct evaluator *ev = eval_new(objs, 1, 0, &err);
	assert_non_null(ev);
	assert_int_equal(eval_enable_timeline(ev), 0);
	for (int m = 0; m < MINUTES; m++) {
		int b = bad && bad[m] >= 0 ? bad[m] : m % 20 == 0;
		struct slo_record r = {.time = D0 + m * M + 17 * NS_PER_S, .total = 100,
				       .bad = (uint64_t)b, .has_time = true};
		assert_int_equal(eval_add(ev, &r), EVAL_OK);
	}
	return ev;
}

/* The bad minutes of the test running (freed by cleanup): all quiet. */
static int *bad_minutes;

static int *quiet(void)
{
	free(bad_minutes);
	bad_minutes = malloc(MINUTES * sizeof *bad_minutes);
	assert_non_null(bad_minutes);
	for (int m = 0; m < MINUTES; m++)
		bad_minutes[m] = -1;
	return bad_minutes;
}

static struct replay rp;

static void run(struct evaluator *ev, int64_t gap)
{
	struct alert_rule rules[4];
	assert_int_equal(alert_policy_sre(30 * NS_PER_DAY, rules), 4);
	/* a bad minute burns as fast as the fastest page rule: 14.4 */
	assert_int_equal(replay_run(ev, 0, T999, D0, D0 + MINUTES * M, 30 * NS_PER_DAY, rules, 4,
				    14.4, gap, &rp), 0);
}

static void check_firing(size_t f, size_t rule, int64_t start, int64_t end, double peak)
{
	assert_true(f < rp.nfirings);
	assert_int_equal(rp.firing[f].rule, rule);
	assert_true(rp.firing[f].start == start);
	assert_true(rp.firing[f].end == end);
	near(rp.firing[f].peak, peak);
}

/* Two outages: minutes 1000-1029 at 50 % errors (50 bad a minute), and
 * 3000-3119 at 3 % (3 a minute).
 *
 * page-1h (1h/5m, 14.4) fires at the end of a minute when the last 60
 * minutes' burn, bad / 6000 / 0.001 = bad / 6, exceeds 14.4 (87 bad or
 * more), and the last 5 minutes' (bad / 500 / 0.001 = 2 x bad) too (8 or
 * more).
 * - First outage: after minute 1000 the hour holds 50 + 2 (minutes 960
 *   and 980) = 52; after 1001, 102: it fires at the end of minute 1001,
 *   D0 + 1002 min, 2 minutes after the outage began.  It stops when the
 *   last 5 minutes leave the outage: minute 1033 ([1029, 1033] holds 50)
 *   still fires, 1034 not: end D0 + 1034 min.  Peak: the hours ending in
 *   1029-1033 hold all 1500 and minute 980: 1501 / 6 = 250.1666...
 * - Second: after k minutes the hour holds 3k and the quiet minutes of
 *   the 60 - k before it.  k = 28 (minute 3027, from 2968): 84 + 1 (2980)
 *   = 85, 14.17; k = 29: 87 + 1 = 88, 14.67, and 5 min: 15 bad, 30.  It
 *   fires at D0 + 3029 min, 29 minutes in.  Until minute 3121 ([3117,
 *   3121]: 9 + 1 (3120) = 10 bad); minute 3122 holds 6 + 1 = 7: end
 *   D0 + 3122 min.  Peak: an hour inside the outage, 180 / 6 = 30.
 *
 * page-6h (6h/30m, 6: more than 216 bad in 360 minutes, more than 18 in
 * 30) fires too:
 * - after minute 1003: 200 + the 17 quiet minutes 660-980 = 217, and 201
 *   in the last 30: D0 + 1004 min; until minute 1058 ([1029, 1058]: 50 +
 *   1040's 1); peak 1500 + 16 quiet minutes (1000 and 1020 were outage)
 *   = 1516 / 36 = 42.111...
 * - at k = 67 (minute 3066): 201 + the 14 quiet minutes 2720-2980 = 215,
 *   not yet; k = 68: 204 + 14 = 218: D0 + 3068 min; until minute 3143
 *   ([3114, 3143]: 18 + 3120 and 3140 = 20); peak 360 + 12 = 372 / 36 =
 *   10.333...
 *
 * ticket-1d (1d/2h, 3) is judged from minute 1439 on, when the last 2 h
 * hold only quiet minutes; the second outage's day holds 360 + 66 = 426
 * bad, 2.96, below 3.  ticket-3d (3d/6h, 1) is judged at the last minute
 * only, when the last 6 h burn at 0.5. */
static void test_two_outages(void **state)
{
	int *bad = quiet();

	for (int m = 1000; m < 1030; m++)
		bad[m] = 50;
	for (int m = 3000; m < 3120; m++)
		bad[m] = 3;
	struct evaluator *ev = history(bad);
	*state = ev; /* freed by cleanup, also after a failed assertion */
	run(ev, 5 * M);
	assert_false(rp.truncated);
	near(rp.bad_minute_rate, 14.4);
	assert_int_equal(rp.smooth_minutes, 5); /* the shortest window, page-1h's 5m */

	assert_int_equal(rp.nfirings, 4);
	check_firing(0, 0, D0 + 1002 * M, D0 + 1034 * M, 1501.0 / 6.0);
	check_firing(1, 1, D0 + 1004 * M, D0 + 1059 * M, 1516.0 / 36.0);
	check_firing(2, 0, D0 + 3029 * M, D0 + 3122 * M, 30.0);
	check_firing(3, 1, D0 + 3068 * M, D0 + 3144 * M, 372.0 / 36.0);

	/* Incidents: minutes whose last 5 minutes burn at 14.4 or more (8 bad
	 * or more; a quiet minute alone is 1).  The first from minute 1000
	 * (the first of its 5 that burns that fast alone) to the end of 1033;
	 * the second: minute 3002 is the first whose 5 minutes hold 9, and it
	 * began with minute 3000; to the end of 3121. */
	assert_int_equal(rp.nincidents, 2);
	const struct replay_incident *a = &rp.incident[0], *b = &rp.incident[1];
	assert_true(a->start == D0 + 1000 * M);
	assert_true(a->end == D0 + 1034 * M);
	assert_true(a->first_alert == D0 + 1002 * M); /* 2 minutes */
	assert_int_equal(a->rule, 0);
	assert_true(b->start == D0 + 3000 * M);
	assert_true(b->end == D0 + 3122 * M);
	assert_true(b->first_alert == D0 + 3029 * M); /* 29 minutes */
	assert_int_equal(b->rule, 0);
	/* the budget spent by the first alert, of the window's 432: by
	 * D0 + 1002 min, the 50 quiet minutes 0-980 and 2 x 50 = 150; by
	 * D0 + 3029 min, 50 + 1500 + the 98 quiet minutes 1040-2980 + 29 x 3
	 * = 1735 */
	near(a->budget_spent, 150.0 / 432.0);
	near(b->budget_spent, 1735.0 / 432.0);
}

/* A gap of 0 bridges nothing, but a stretch of bad minutes one after the
 * other is still one incident: the same two. */
static void test_gap_zero(void **state)
{
	int *bad = quiet();

	for (int m = 1000; m < 1030; m++)
		bad[m] = 50;
	for (int m = 3000; m < 3120; m++)
		bad[m] = 3;
	struct evaluator *ev = history(bad);
	*state = ev;
	run(ev, 0);
	assert_int_equal(rp.nincidents, 2);
	assert_true(rp.incident[0].start == D0 + 1000 * M);
	assert_true(rp.incident[0].end == D0 + 1034 * M);
	assert_true(rp.incident[1].start == D0 + 3000 * M);
	assert_true(rp.incident[1].end == D0 + 3122 * M);
}

/* 0.05 % errors all along, a burn rate of 0.5: no rule fires, no
 * incident. */
static void test_quiet(void **state)
{
	struct evaluator *ev = history(quiet());
	*state = ev;
	run(ev, 5 * M);
	assert_int_equal(rp.nfirings, 0);
	assert_int_equal(rp.nincidents, 0);
	assert_false(rp.truncated);
}

/* An outage in the first hour: no rule is judged before its long window
 * of history.  page-1h is first judged after minute 59, when its last 5
 * minutes are quiet; page-6h after 359, ticket-1d after 1439, likewise.
 * The incident is there, with no alert: its budget is counted to its
 * end, minute 43 ([39, 43] holds 50 + 1): 1500 + the quiet minutes 0 and
 * 40 (20 was in the outage) = 1502 of 432. */
static void test_warm_up(void **state)
{
	int *bad = quiet();

	for (int m = 10; m < 40; m++)
		bad[m] = 50;
	struct evaluator *ev = history(bad);
	*state = ev;
	run(ev, 5 * M);
	assert_int_equal(rp.nfirings, 0);
	assert_int_equal(rp.nincidents, 1);
	assert_true(rp.incident[0].start == D0 + 10 * M);
	assert_true(rp.incident[0].end == D0 + 44 * M);
	assert_true(rp.incident[0].first_alert == INT64_MIN);
	near(rp.incident[0].budget_spent, 1502.0 / 432.0);
}

/* Bad minutes closer than the gap make one incident.  Outages of 50 in
 * minutes 1000-1002 and 1015-1017: bad minutes (8 or more in the last 5)
 * are 1000-1006 and 1015-1021, with 8 quiet minutes between. */
static void test_gap(void **state)
{
	int *bad = quiet();

	for (int m = 1000; m < 1003; m++)
		bad[m] = bad[m + 15] = 50;
	struct evaluator *ev = history(bad);
	*state = ev;
	run(ev, 5 * M);
	assert_int_equal(rp.nincidents, 2);
	assert_true(rp.incident[0].start == D0 + 1000 * M);
	assert_true(rp.incident[0].end == D0 + 1007 * M);
	assert_true(rp.incident[1].start == D0 + 1015 * M);
	assert_true(rp.incident[1].end == D0 + 1022 * M);
	/* page-1h fires for each: after minute 1001 (100 + 960 and 980 = 102
	 * in the hour), and after 1015 (150 + 50 + 960 and 980 = 202 in the
	 * hour, 100 in the 5 min) */
	assert_true(rp.incident[0].first_alert == D0 + 1002 * M);
	assert_true(rp.incident[1].first_alert == D0 + 1016 * M);
	run(ev, 10 * M);
	assert_int_equal(rp.nincidents, 1);
	assert_true(rp.incident[0].start == D0 + 1000 * M);
	assert_true(rp.incident[0].end == D0 + 1022 * M);
	assert_true(rp.incident[0].first_alert == D0 + 1002 * M);
}

/* More incidents and firings than REPLAY_MAX_EVENTS: the first ones are
 * kept as they were, and the result says it was cut.  A rule of 1 minute
 * (1m/1m, 100) and 4100 bad minutes (all 100 requests bad, a burn of
 * 1000), one every 3 minutes: each its own incident and firing, from
 * minute 3i to its end. */
static void test_truncated(void **state)
{
	enum eval_err err;
	struct alert_rule r[1];
	char why[100];
	const int n = 4100;
	struct evaluator *ev = eval_new(objs, 1, 0, &err);

	*state = ev;
	assert_non_null(ev);
	assert_int_equal(eval_enable_timeline(ev), 0);
	for (int m = 0; m < 3 * n; m++) {
		struct slo_record rec = {.time = D0 + m * M, .total = 100,
					 .bad = m % 3 == 0 ? 100 : 0, .has_time = true};
		assert_int_equal(eval_add(ev, &rec), EVAL_OK);
	}
	assert_int_equal(alert_parse("1m/1m:100:page", r, why, sizeof why), 0);
	assert_int_equal(replay_run(ev, 0, T999, D0, D0 + 3 * n * M, 30 * NS_PER_DAY, r, 1, 14.4,
				    M, &rp), 0);
	assert_true(rp.truncated);
	assert_int_equal(rp.smooth_minutes, 1);
	assert_int_equal(rp.nfirings, REPLAY_MAX_EVENTS);
	assert_int_equal(rp.nincidents, REPLAY_MAX_EVENTS);
	const int last = REPLAY_MAX_EVENTS - 1; /* minute 3 x 4095 = 12285 */
	assert_true(rp.firing[last].start == D0 + (3 * last + 1) * M);
	assert_true(rp.firing[last].end == D0 + (3 * last + 1) * M);
	assert_true(rp.incident[0].start == D0);
	assert_true(rp.incident[0].end == D0 + M);
	assert_true(rp.incident[last].start == D0 + 3 * last * M);
	assert_true(rp.incident[last].end == D0 + (3 * last + 1) * M);
	assert_true(rp.incident[last].first_alert == D0 + (3 * last + 1) * M);
}

/* Without a timeline there is nothing to replay. */
static void test_no_timeline(void **state)
{
	enum eval_err err;
	struct alert_rule rules[4];
	struct evaluator *ev = eval_new(objs, 1, 0, &err);

	*state = ev;
	assert_non_null(ev);
	alert_policy_sre(30 * NS_PER_DAY, rules);
	assert_int_equal(replay_run(ev, 0, T999, D0, D0 + 60 * M, 30 * NS_PER_DAY, rules, 4, 14.4,
				    5 * M, &rp), -1);
}

/* Frees the test's evaluator and bad minutes, also after a failed
 * assertion. */
static int cleanup(void **state)
{
	eval_free(*state);
	*state = NULL;
	free(bad_minutes);
	bad_minutes = NULL;
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_two_outages, cleanup),
		cmocka_unit_test_teardown(test_gap_zero, cleanup),
		cmocka_unit_test_teardown(test_quiet, cleanup),
		cmocka_unit_test_teardown(test_warm_up, cleanup),
		cmocka_unit_test_teardown(test_gap, cleanup),
		cmocka_unit_test_teardown(test_truncated, cleanup),
		cmocka_unit_test_teardown(test_no_timeline, cleanup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
