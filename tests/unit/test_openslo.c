/* OpenSLO's budgeting-method example (SPEC "Time slices"), its
 * assumptions restated: a two-week window, 24 000 requests a day, a 95 %
 * objective and 1-minute slices.  1008 bad slices are 5 % of the 20 160
 * slices, the whole timeslices budget; the 16 632 requests failed in them
 * are 99 % of the occurrences budget of 16 800 (5 % of 336 000). */
#include "testing.h"

#include "eval/budget.h"
#include "eval/evaluator.h"
#include "eval/slices.h"
#include "util/duration.h"
#include "util/num.h"

#define T0 INT64_C(1790812800000000000) /* 2026-10-01T00:00:00Z */
#define TARGET INT64_C(950000000)       /* 95 % */
#define MINUTES (14 * 1440)

/* 24 000 requests a day, a minute at a time: 960 minutes of 17 and 480 of
 * 16 (960 x 17 + 480 x 16 = 24 000). */
static uint64_t requests(int m)
{
	return m % 1440 < 960 ? 17 : 16;
}

/* The bad minutes, every request failing: 504 of 17 requests (day 0's
 * first 504 minutes) and 504 of 16 (day 0's 480 from minute 960, and 24
 * of day 1's): 504 x 17 + 504 x 16 = 16 632 failed requests. */
static int bad_minute(int m)
{
	int d = m % 1440;
	return (m < 1440 && d < 504) || (m < 1440 && d >= 960) || (m >= 1440 && m < 2880 && d >= 960 && d < 984);
}

static struct evaluator *history(void)
{
	struct objective o = {.kind = OBJ_EVENTS, .target = TARGET};
	enum eval_err err;
	struct evaluator *ev = eval_new(&o, 1, 0, &err);
	assert_non_null(ev);
	assert_int_equal(eval_enable_timeline(ev), 0);
	eval_set_bounds(ev, T0, T0 + 14 * NS_PER_DAY);
	for (int m = 0; m < MINUTES; m++) {
		struct slo_record r = {.time = T0 + (int64_t)m * NS_PER_MIN, .has_time = true};
		r.total = requests(m);
		r.bad = bad_minute(m) ? r.total : 0;
		assert_int_equal(eval_add(ev, &r), EVAL_OK);
	}
	return ev;
}

static void test_occurrences(void **state)
{
	(void)state;
	struct evaluator *ev = history();
	struct eval_result res;
	eval_result(ev, &res);
	assert_int_equal(res.obj[0].total, 336000);
	assert_int_equal(res.obj[0].bad, 16632);
	struct budget_events b = budget_events(TARGET, res.obj[0].total, res.obj[0].bad);
	/* 5 % of 336 000 is 16 800 allowed; 16 632 / 16 800 = 0.99 */
	assert_true(b.allowed_bad_scaled == (i128)16800 * FRAC_ONE);
	assert_true(b.met);
	assert_true(b.consumed > 0.99 - 1e-12 && b.consumed < 0.99 + 1e-12);
	assert_true(b.remaining > 0.01 - 1e-12 && b.remaining < 0.01 + 1e-12);
	eval_free(ev);
}

static void test_timeslices(void **state)
{
	(void)state;
	struct evaluator *ev = history();
	struct slices sl;
	assert_int_equal(slices_compute(ev, 0, T0, T0 + 14 * NS_PER_DAY, NS_PER_MIN, TARGET, false,
					&sl),
			 0);
	assert_int_equal(sl.slices, 20160);
	assert_int_equal(sl.bad, 1008);
	assert_int_equal(sl.good, 19152);
	assert_int_equal(sl.no_data, 0);
	/* 5 % of 20 160 slices is 1008: all of it spent, none left */
	struct budget_events b = budget_events(TARGET, sl.slices, sl.bad);
	assert_true(b.allowed_bad_scaled == (i128)1008 * FRAC_ONE);
	assert_true(b.met); /* spent to the last slice, not over */
	assert_true(b.remaining > -1e-12 && b.remaining < 1e-12);
	/* one more bad slice and the objective is not met */
	assert_false(budget_events(TARGET, sl.slices, sl.bad + 1).met);
	eval_free(ev);
}

static void test_ratio_timeslices(void **state)
{
	(void)state;
	struct evaluator *ev = history();
	struct slices sl;
	assert_int_equal(slices_compute(ev, 0, T0, T0 + 14 * NS_PER_DAY, NS_PER_MIN, TARGET, false,
					&sl),
			 0);
	/* 19 152 slices at ratio 1 and 1008 at 0: the mean is 0.95 */
	assert_true(sl.mean_ratio > 0.95 - 1e-12 && sl.mean_ratio < 0.95 + 1e-12);
	eval_free(ev);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_occurrences),
		cmocka_unit_test(test_timeslices),
		cmocka_unit_test(test_ratio_timeslices),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
