/* eval/budget: allowed downtime, event and time budgets, burn-rate policy. */
#include "testing.h"

#include <math.h>

#include "eval/budget.h"
#include "util/duration.h"

#define S INT64_C(1000000000)
#define T99 INT64_C(990000000)
#define T995 INT64_C(995000000)
#define T999 INT64_C(999000000)
#define T9995 INT64_C(999500000)
#define T9999 INT64_C(999900000)

#define near(a, b) assert_true(fabs((a) - (b)) < 1e-9)

/* The allowed downtime of target t over window w, for humans. */
#define down(t, w, want)                                                       \
	do {                                                                   \
		char dbuf_[64];                                                \
		assert_string_equal(duration_format_human(                     \
					    budget_allowed_downtime((t), (w)), dbuf_, sizeof dbuf_), \
				    (want));                                   \
	} while (0)

static void test_fraction(void **state)
{
	(void)state;
	assert_true(budget_fraction(T999) == 1000000);  /* 0.001 */
	assert_true(budget_fraction(T99) == 10000000);  /* 0.01 */
	assert_true(budget_fraction(T9995) == 500000);  /* 0.0005 */
}

/* b x W is exact: b is a whole number of billionths and W whole seconds,
 * so b x W in ns is b (in billionths) x W (in s). */
static void test_downtime_ns(void **state)
{
	(void)state;
	/* 0.001 x 2592000 s = 2592 s */
	assert_true(budget_allowed_downtime(T999, NS_PER_DAY * 30) == 2592 * S);
	/* 0.001 x 2629746 s = 2629.746 s */
	assert_true(budget_allowed_downtime(T999, NS_PER_MONTH) == INT64_C(2629746000000));
	/* 0.01 x 31556952 s = 315569.52 s */
	assert_true(budget_allowed_downtime(T99, NS_PER_YEAR) == INT64_C(315569520000000));
	/* 0.0001 x 86400 s = 8.64 s */
	assert_true(budget_allowed_downtime(T9999, NS_PER_DAY) == INT64_C(8640000000));
	/* 0.0005 x 7889238 s = 3944.619 s */
	assert_true(budget_allowed_downtime(T9995, NS_PER_QUARTER) == INT64_C(3944619000000));
	/* rounding to the nearest ns: 0.001 x 1499 ns = 1.499 ns -> 1,
	 * 0.001 x 1500 ns = 1.5 ns -> 2 */
	assert_true(budget_allowed_downtime(T999, 1499) == 1);
	assert_true(budget_allowed_downtime(T999, 1500) == 2);
	/* 99.9999999 % (b = 1e-9) of a day is 86400 ns = 86.4 µs */
	assert_true(budget_allowed_downtime(999999999, NS_PER_DAY) == 86400);
}

static void test_downtime_table_99(void **state)
{
	(void)state;
	down(T99, NS_PER_DAY, "14m 24s");               /* 864 s */
	down(T99, NS_PER_WEEK, "1h 40m 48s");           /* 6048 s */
	down(T99, 28 * NS_PER_DAY, "6h 43m 12s");       /* 24192 s */
	down(T99, 30 * NS_PER_DAY, "7h 12m");           /* 25920 s */
	down(T99, NS_PER_MONTH, "7h 18m 17s");          /* 26297.46 s -> 26297 */
	down(T99, NS_PER_QUARTER, "21h 54m 52s");       /* 78892.38 s -> 78892 */
	down(T99, NS_PER_YEAR, "3d 15h 39m 30s");       /* 315569.52 s -> 315570 */
}

static void test_downtime_table_995(void **state)
{
	(void)state;
	down(T995, NS_PER_DAY, "7m 12s");               /* 432 s */
	down(T995, NS_PER_WEEK, "50m 24s");             /* 3024 s */
	down(T995, 28 * NS_PER_DAY, "3h 21m 36s");      /* 12096 s */
	down(T995, 30 * NS_PER_DAY, "3h 36m");          /* 12960 s */
	down(T995, NS_PER_MONTH, "3h 39m 9s");          /* 13148.73 s -> 13149 */
	down(T995, NS_PER_QUARTER, "10h 57m 26s");      /* 39446.19 s -> 39446 */
	down(T995, NS_PER_YEAR, "1d 19h 49m 45s");      /* 157784.76 s -> 157785 */
}

static void test_downtime_table_999(void **state)
{
	(void)state;
	down(T999, NS_PER_DAY, "1m 26.4s");             /* 86.4 s */
	down(T999, NS_PER_WEEK, "10m 4.8s");            /* 604.8 s */
	down(T999, 28 * NS_PER_DAY, "40m 19.2s");       /* 2419.2 s */
	down(T999, 30 * NS_PER_DAY, "43m 12s");         /* 2592 s, never 43m 11.999s */
	down(T999, NS_PER_MONTH, "43m 49.7s");          /* 2629.746 s -> 2629.7 */
	down(T999, NS_PER_QUARTER, "2h 11m 29s");       /* 7889.238 s -> 7889 */
	down(T999, NS_PER_YEAR, "8h 45m 57s");          /* 31556.952 s -> 31557 */
}

static void test_downtime_table_9995(void **state)
{
	(void)state;
	down(T9995, NS_PER_DAY, "43.2s");               /* 43.2 s */
	down(T9995, NS_PER_WEEK, "5m 2.4s");            /* 302.4 s */
	down(T9995, 28 * NS_PER_DAY, "20m 9.6s");       /* 1209.6 s */
	down(T9995, 30 * NS_PER_DAY, "21m 36s");        /* 1296 s */
	down(T9995, NS_PER_MONTH, "21m 54.9s");         /* 1314.873 s -> 1314.9 */
	down(T9995, NS_PER_QUARTER, "1h 5m 45s");       /* 3944.619 s -> 3945 */
	down(T9995, NS_PER_YEAR, "4h 22m 58s");         /* 15778.476 s -> 15778 */
}

static void test_downtime_table_9999(void **state)
{
	(void)state;
	down(T9999, NS_PER_DAY, "8.64s");               /* 8.64 s */
	down(T9999, NS_PER_WEEK, "1m 0.5s");            /* 60.48 s -> 60.5 */
	down(T9999, 28 * NS_PER_DAY, "4m 1.9s");        /* 241.92 s -> 241.9 */
	down(T9999, 30 * NS_PER_DAY, "4m 19.2s");       /* 259.2 s */
	down(T9999, NS_PER_MONTH, "4m 23s");            /* 262.9746 s -> 263.0 */
	down(T9999, NS_PER_QUARTER, "13m 8.9s");        /* 788.9238 s -> 788.9 */
	down(T9999, NS_PER_YEAR, "52m 35.7s");          /* 3155.6952 s -> 3155.7 */
}

/* The SRE workbook's policy: rate = spent x W / long window. */
static void test_burn_policy_30d(void **state)
{
	const int64_t w = 30 * NS_PER_DAY; /* 720 h */
	(void)state;
	near(budget_rate_for_spend(0.02, NS_PER_HOUR, w), 14.4); /* 0.02 x 720 */
	near(budget_rate_for_spend(0.05, 6 * NS_PER_HOUR, w), 6.0); /* 0.05 x 120 */
	near(budget_rate_for_spend(0.10, NS_PER_DAY, w), 3.0);   /* 0.1 x 30 */
	near(budget_rate_for_spend(0.10, 3 * NS_PER_DAY, w), 1.0); /* 0.1 x 10 */
	near(budget_spent_at_rate(14.4, NS_PER_HOUR, w), 0.02);
	near(budget_spent_at_rate(6.0, 6 * NS_PER_HOUR, w), 0.05);
	near(budget_spent_at_rate(3.0, NS_PER_DAY, w), 0.10);
	near(budget_spent_at_rate(1.0, 3 * NS_PER_DAY, w), 0.10);
	/* burning at 1 for the whole window spends all of it */
	near(budget_spent_at_rate(1.0, w, w), 1.0);
}

static void test_burn_policy_28d(void **state)
{
	const int64_t w = 28 * NS_PER_DAY; /* 672 h */
	(void)state;
	near(budget_rate_for_spend(0.02, NS_PER_HOUR, w), 13.44); /* 0.02 x 672 */
	near(budget_rate_for_spend(0.05, 6 * NS_PER_HOUR, w), 5.6); /* 0.05 x 112 */
	near(budget_rate_for_spend(0.10, NS_PER_DAY, w), 2.8);     /* 0.1 x 28 */
	near(budget_rate_for_spend(0.10, 3 * NS_PER_DAY, w), 2.8 / 3.0); /* 0.9333... */
	near(budget_spent_at_rate(13.44, NS_PER_HOUR, w), 0.02);
	near(budget_spent_at_rate(5.6, 6 * NS_PER_HOUR, w), 0.05);
	near(budget_spent_at_rate(2.8, NS_PER_DAY, w), 0.10);
	near(budget_spent_at_rate(0.9333333333333333, 3 * NS_PER_DAY, w), 0.10);
}

static void test_events_boundary(void **state)
{
	struct budget_events r;
	(void)state;

	/* 99.9 % of 1000: exactly 1 bad event allowed (b x total = 1) */
	r = budget_events(T999, 1000, 1);
	assert_true(r.has_data);
	assert_true(r.total == 1000 && r.good == 999 && r.bad == 1);
	assert_true(r.allowed_bad_scaled == (i128)FRAC_ONE); /* 1.0 exactly */
	near(r.allowed_bad, 1.0);
	near(r.sli, 0.999);
	near(r.consumed, 1.0);
	near(r.remaining, 0.0);
	near(r.burn_rate, 1.0); /* (1/1000) / 0.001 */
	assert_true(r.met);     /* bad == b x total is met */
	assert_false(r.low_traffic);

	r = budget_events(T999, 1000, 2);
	assert_false(r.met);
	near(r.consumed, 2.0);
	near(r.remaining, -1.0); /* not clamped */
	near(r.burn_rate, 2.0);
	near(r.sli, 0.998);

	r = budget_events(T999, 1000, 0);
	assert_true(r.met);
	near(r.consumed, 0.0);
	near(r.remaining, 1.0);
	near(r.burn_rate, 0.0);
	near(r.sli, 1.0);

	/* everything bad: burn rate 1/b = 1000 */
	r = budget_events(T999, 1000, 1000);
	assert_false(r.met);
	near(r.burn_rate, 1000.0);
	near(r.remaining, -999.0);
	near(r.sli, 0.0);
}

static void test_events_no_data(void **state)
{
	struct budget_events r = budget_events(T999, 0, 0);
	(void)state;
	assert_false(r.has_data);
	assert_false(r.met); /* no data is not met */
	assert_true(r.total == 0 && r.bad == 0 && r.good == 0);
	/* nothing NaN even though nothing is meaningful */
	assert_false(isnan(r.consumed) || isnan(r.remaining) || isnan(r.burn_rate) ||
		     isnan(r.sli));
}

static void test_events_low_traffic(void **state)
{
	struct budget_events r;
	(void)state;

	/* 99.9 % of 500: b x total = 0.5 < 1 */
	r = budget_events(T999, 500, 0);
	assert_true(r.low_traffic);
	assert_true(r.met);
	assert_true(r.allowed_bad_scaled == (i128)500000000);
	near(r.allowed_bad, 0.5);
	r = budget_events(T999, 500, 1);
	assert_true(r.low_traffic);
	assert_false(r.met);
	near(r.consumed, 2.0); /* 1 / 0.5 */
	near(r.burn_rate, 2.0);
	/* 99.9 % of 999: 0.999 < 1 is still low; 1000 is not */
	assert_true(budget_events(T999, 999, 0).low_traffic);
	assert_false(budget_events(T999, 1000, 0).low_traffic);
	/* 99.95 % of 3000: 1.5 allowed; 1 bad spends two thirds */
	r = budget_events(T9995, 3000, 1);
	assert_false(r.low_traffic);
	assert_true(r.met);
	near(r.consumed, 2.0 / 3.0);
	assert_false(budget_events(T9995, 3000, 2).met);
}

static void test_events_exact_big(void **state)
{
	struct budget_events r;
	(void)state;

	/* 99.99 % of 10^12: b x total = 10^8, scaled 10^17 */
	r = budget_events(T9999, INT64_C(1000000000000), 100000000);
	assert_true(r.allowed_bad_scaled == (i128)INT64_C(100000000000000000));
	assert_true(r.met);
	assert_false(budget_events(T9999, INT64_C(1000000000000), 100000001).met);
	/* 50 % of 2^64-1: (2^64-1) x 5 x 10^8 = 9223372036854775807.5 x 10^9,
	 * beyond int64 */
	r = budget_events(500000000, UINT64_MAX, 0);
	assert_true(r.allowed_bad_scaled ==
		    (i128)INT64_C(9223372036854775807) * 1000000000 + 500000000);
	/* 2^63-1 bad are within 9223372036854775807.5 allowed, 2^63 are not */
	assert_true(budget_events(500000000, UINT64_MAX, UINT64_C(9223372036854775807)).met);
	assert_false(budget_events(500000000, UINT64_MAX, UINT64_C(9223372036854775808)).met);
}

static void test_events_below(void **state)
{
	const int64_t ten = 100000000; /* 10 % as a FRAC_ONE fraction */
	(void)state;
	/* 99.9 % of 100000: 100 bad allowed; 90 bad leave exactly 10 % */
	assert_false(budget_events_below(T999, 100000, 89, ten)); /* 11 % */
	assert_false(budget_events_below(T999, 100000, 90, ten)); /* 10 %: not less */
	assert_true(budget_events_below(T999, 100000, 91, ten));  /* 9 % */
	/* a threshold of 0: below means overspent */
	assert_false(budget_events_below(T999, 100000, 100, 0));
	assert_true(budget_events_below(T999, 100000, 101, 0));
	/* no data is always below */
	assert_true(budget_events_below(T999, 0, 0, 0));
	assert_true(budget_events_below(T999, 0, 0, ten));
	/* 99.99 % of 30000: 3 allowed; 2 bad leave 1/3 = 0.333...,
	 * above 333333333 billionths, below 333333334 */
	assert_false(budget_events_below(T9999, 30000, 2, 333333333));
	assert_true(budget_events_below(T9999, 30000, 2, 333333334));
	/* low traffic: 99.9 % of 500 allows 0.5; 0 bad leave 100 % */
	assert_false(budget_events_below(T999, 500, 0, FRAC_ONE));
	assert_true(budget_events_below(T999, 500, 1, 0));
}

static void test_time(void **state)
{
	const int64_t w = 30 * NS_PER_DAY;
	struct budget_time r;
	(void)state;

	/* 30m down in 30d at 99.9 %: 1800 s of 2592 s = 30 / 43.2 */
	r = budget_time(T999, w, 30 * NS_PER_MIN);
	assert_true(r.allowed == 2592 * S);
	near(r.consumed, 30.0 / 43.2);
	near(r.remaining, 1.0 - 30.0 / 43.2);
	near(r.availability, 1.0 - 1800.0 / 2592000.0);
	assert_true(r.met);

	/* exactly the budget is met; one ns more is not */
	r = budget_time(T999, w, 2592 * S);
	assert_true(r.met);
	near(r.consumed, 1.0);
	near(r.remaining, 0.0);
	near(r.availability, 0.999);
	r = budget_time(T999, w, 2592 * S + 1);
	assert_false(r.met);

	/* no downtime */
	r = budget_time(T999, w, 0);
	assert_true(r.met);
	near(r.consumed, 0.0);
	near(r.availability, 1.0);

	/* 99.9 % of a month with 2629.746 s down: met, exactly consumed */
	r = budget_time(T999, NS_PER_MONTH, INT64_C(2629746000000));
	assert_true(r.allowed == INT64_C(2629746000000));
	assert_true(r.met);
	near(r.consumed, 1.0);
	/* 2 h down in a 30d window at 99 %: 7200 / 25920 */
	r = budget_time(T99, w, 2 * NS_PER_HOUR);
	near(r.consumed, 7200.0 / 25920.0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fraction),
		cmocka_unit_test(test_downtime_ns),
		cmocka_unit_test(test_downtime_table_99),
		cmocka_unit_test(test_downtime_table_995),
		cmocka_unit_test(test_downtime_table_999),
		cmocka_unit_test(test_downtime_table_9995),
		cmocka_unit_test(test_downtime_table_9999),
		cmocka_unit_test(test_burn_policy_30d),
		cmocka_unit_test(test_burn_policy_28d),
		cmocka_unit_test(test_events_boundary),
		cmocka_unit_test(test_events_no_data),
		cmocka_unit_test(test_events_low_traffic),
		cmocka_unit_test(test_events_exact_big),
		cmocka_unit_test(test_events_below),
		cmocka_unit_test(test_time),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
