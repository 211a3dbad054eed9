/* eval/burn: burn rates, the SRE workbook's alert policy, alert specs and
 * projected exhaustion. */
#include "testing.h"

#include <string.h>

#include "eval/burn.h"
#include "util/duration.h"

#define EPS 1e-9

static void near(double got, double want)
{
	assert_true(got > want - EPS && got < want + EPS);
}

static void test_burn_rate(void **state)
{
	(void)state;
	/* 5 bad of 1440 at 99.9 %: (5 / 1440) / 0.001 = 5000 / 1440 = 3.47222... */
	near(burn_rate(999000000, 1440, 5), 3.4722222222222222);
	/* the whole budget spent evenly: 1 of 1000 at 99.9 % is 1 */
	near(burn_rate(999000000, 1000, 1), 1.0);
	/* nothing bad */
	near(burn_rate(999000000, 1000, 0), 0.0);
	/* all bad at 99 %: 1 / 0.01 = 100 */
	near(burn_rate(990000000, 7, 7), 100.0);
	/* 10 of 500 at 99 %: 0.02 / 0.01 = 2 */
	near(burn_rate(990000000, 500, 10), 2.0);
	/* no events: 0, never NaN */
	near(burn_rate(999000000, 0, 0), 0.0);
	near(burn_rate(999000000, 0, 3), 0.0);
}

static void check_rule(const struct alert_rule *r, const char *name, const char *severity,
		       int64_t long_ns, int64_t short_ns, double threshold)
{
	assert_string_equal(r->name, name);
	assert_string_equal(r->severity, severity);
	assert_true(r->long_ns == long_ns);
	assert_true(r->short_ns == short_ns);
	near(r->threshold, threshold);
}

static void test_policy_30d(void **state)
{
	struct alert_rule r[4];
	(void)state;

	assert_int_equal(alert_policy_sre(30 * NS_PER_DAY, r), 4);
	/* spent x W / long with W = 720 h: 0.02 x 720 / 1 = 14.4,
	 * 0.05 x 720 / 6 = 6, 0.10 x 720 / 24 = 3, 0.10 x 720 / 72 = 1 */
	check_rule(&r[0], "page-1h", "page", NS_PER_HOUR, 5 * NS_PER_MIN, 14.4);
	check_rule(&r[1], "page-6h", "page", 6 * NS_PER_HOUR, 30 * NS_PER_MIN, 6.0);
	check_rule(&r[2], "ticket-1d", "ticket", NS_PER_DAY, 2 * NS_PER_HOUR, 3.0);
	check_rule(&r[3], "ticket-3d", "ticket", 3 * NS_PER_DAY, 6 * NS_PER_HOUR, 1.0);
}

static void test_policy_28d(void **state)
{
	struct alert_rule r[4];
	(void)state;

	assert_int_equal(alert_policy_sre(28 * NS_PER_DAY, r), 4);
	/* W = 672 h (sloth's factors): 0.02 x 672 = 13.44, 0.05 x 672 / 6 = 5.6,
	 * 0.10 x 672 / 24 = 2.8, 0.10 x 672 / 72 = 0.93333... */
	check_rule(&r[0], "page-1h", "page", NS_PER_HOUR, 5 * NS_PER_MIN, 13.44);
	check_rule(&r[1], "page-6h", "page", 6 * NS_PER_HOUR, 30 * NS_PER_MIN, 5.6);
	check_rule(&r[2], "ticket-1d", "ticket", NS_PER_DAY, 2 * NS_PER_HOUR, 2.8);
	check_rule(&r[3], "ticket-3d", "ticket", 3 * NS_PER_DAY, 6 * NS_PER_HOUR,
		   0.93333333333333333);
}

static void test_policy_other_windows(void **state)
{
	struct alert_rule r[4];
	(void)state;

	/* 7 days = 168 h: 0.02 x 168 = 3.36, 0.05 x 168 / 6 = 1.4,
	 * 0.1 x 168 / 24 = 0.7, 0.1 x 168 / 72 = 0.23333... */
	alert_policy_sre(7 * NS_PER_DAY, r);
	near(r[0].threshold, 3.36);
	near(r[1].threshold, 1.4);
	near(r[2].threshold, 0.7);
	near(r[3].threshold, 0.23333333333333333);
	/* 1 h: 0.02, 0.05 / 6, 0.1 / 24, 0.1 / 72 */
	alert_policy_sre(NS_PER_HOUR, r);
	near(r[0].threshold, 0.02);
	near(r[1].threshold, 0.0083333333333333333);
	near(r[2].threshold, 0.0041666666666666667);
	near(r[3].threshold, 0.0013888888888888889);
}

static void test_parse_good(void **state)
{
	struct alert_rule r;
	char why[200] = "";
	(void)state;

	assert_int_equal(alert_parse("1h/5m:14.4:page", &r, why, sizeof why), 0);
	check_rule(&r, "page-1h-5m", "page", NS_PER_HOUR, 5 * NS_PER_MIN, 14.4);

	/* no severity: "alert" */
	assert_int_equal(alert_parse("6h/30m:6", &r, why, sizeof why), 0);
	check_rule(&r, "alert-6h-30m", "alert", 6 * NS_PER_HOUR, 30 * NS_PER_MIN, 6.0);

	/* an empty severity is the default too */
	assert_int_equal(alert_parse("1d/2h:3:", &r, why, sizeof why), 0);
	check_rule(&r, "alert-1d-2h", "alert", NS_PER_DAY, 2 * NS_PER_HOUR, 3.0);

	/* a user's severity; equal windows; a rate below 1 */
	assert_int_equal(alert_parse("3d/6h:0.5:ticket", &r, why, sizeof why), 0);
	check_rule(&r, "ticket-3d-6h", "ticket", 3 * NS_PER_DAY, 6 * NS_PER_HOUR, 0.5);
	assert_int_equal(alert_parse("30m/30m:2:warn", &r, why, sizeof why), 0);
	check_rule(&r, "warn-30m-30m", "warn", 30 * NS_PER_MIN, 30 * NS_PER_MIN, 2.0);

	/* combined durations that are whole minutes */
	assert_int_equal(alert_parse("1h30m/90s30s:1", &r, why, sizeof why), 0);
	assert_true(r.long_ns == 90 * NS_PER_MIN);
	assert_true(r.short_ns == 2 * NS_PER_MIN);
}

static void bad(const char *spec)
{
	struct alert_rule r;
	char why[200] = "";
	assert_int_equal(alert_parse(spec, &r, why, sizeof why), -1);
	assert_true(strlen(why) > 0); /* it says why */
}

static void test_parse_bad(void **state)
{
	char longspec[300];
	(void)state;

	bad("1h5m:14.4");        /* no slash */
	bad("1h/5m");            /* no rate */
	bad("1h/5m:");           /* an empty rate */
	bad("1h/5m:0");          /* rate 0 */
	bad("1h/5m:0.0");
	bad("1h/5m:-1");         /* negative */
	bad("1h/5m:abc");        /* not a number */
	bad("5m/1h:2");          /* the short window longer than the long one */
	bad("90s/30s:2");        /* not whole minutes */
	bad("1h/30s:2");
	bad("junk");
	bad("");
	bad("/:");
	bad("x/5m:2");           /* not a duration */
	bad("1h/y:2");
	memset(longspec, '1', sizeof longspec - 1); /* too long */
	longspec[sizeof longspec - 1] = '\0';
	bad(longspec);
}

static void test_exhaustion(void **state)
{
	(void)state;
	/* half the budget left, burning at 2, 30-day window: 0.5 x 30 d / 2 =
	 * 7.5 d = 648000 s */
	assert_true(burn_exhaustion_ns(0.5, 2.0, 30 * NS_PER_DAY) == INT64_C(648000) * NS_PER_S);
	/* all left at 1: exactly the window */
	assert_true(burn_exhaustion_ns(1.0, 1.0, 30 * NS_PER_DAY) == 30 * NS_PER_DAY);
	/* a quarter left at 14.4 over 30 d: 0.25 x 2592000 s / 14.4 = 45000 s */
	int64_t ns = burn_exhaustion_ns(0.25, 14.4, 30 * NS_PER_DAY);
	assert_true(ns > INT64_C(45000) * NS_PER_S - 1000 && ns < INT64_C(45000) * NS_PER_S + 1000);
	/* no burn: never */
	assert_true(burn_exhaustion_ns(0.5, 0.0, 30 * NS_PER_DAY) == -1);
	/* nothing left (or overspent): -1 */
	assert_true(burn_exhaustion_ns(0.0, 2.0, 30 * NS_PER_DAY) == -1);
	assert_true(burn_exhaustion_ns(-0.5, 2.0, 30 * NS_PER_DAY) == -1);
	/* beyond the range of a time: never */
	assert_true(burn_exhaustion_ns(1.0, 1e-12, 30 * NS_PER_DAY) == -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_burn_rate),
		cmocka_unit_test(test_policy_30d),
		cmocka_unit_test(test_policy_28d),
		cmocka_unit_test(test_policy_other_windows),
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_exhaustion),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
