/* util/duration: parsing what users write and formatting for humans and machines. */
#include "testing.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/duration.h"

#define S INT64_C(1000000000)

/* Parses s, expecting success and exactly want ns. */
static void ok(const char *s, int64_t want)
{
	int64_t ns = -1;
	enum num_err e = duration_parse(s, &ns);
	if (e != NUM_OK || ns != want)
		fail_msg("duration_parse(\"%s\") = %d, %lld ns; want OK, %lld ns", s, (int)e,
			 (long long)ns, (long long)want);
}

/* Parses s, expecting error e and *ns_out untouched. */
static void bad(const char *s, enum num_err want)
{
	int64_t ns = -7;
	enum num_err e = duration_parse(s, &ns);
	if (e != want || ns != -7)
		fail_msg("duration_parse(\"%s\") = %d, %lld ns; want error %d", s, (int)e,
			 (long long)ns, (int)want);
}

/* A macro, so that a failure names the line of the case. */
#define human(ns, want)                                                        \
	do {                                                                   \
		char hbuf_[64];                                                \
		assert_string_equal(duration_format_human((ns), hbuf_, sizeof hbuf_), \
				    (want));                                   \
	} while (0)

static void test_parse_units(void **state)
{
	(void)state;
	ok("250ms", 250000000);
	ok("90s", 90 * S);
	ok("15m", 900 * S);
	ok("6h", 21600 * S);
	ok("30d", 2592000 * S);
	ok("4w", 2419200 * S);   /* 28 x 86400 */
	ok("1us", 1000);
	ok("1\xc2\xb5s", 1000);  /* µs */
	ok("1ns", 1);
	ok("2weeks", 1209600 * S);
	ok("3days", 259200 * S);
	ok("1y", 31556952 * S);
	ok("1q", 7889238 * S);
	ok("1mo", 2629746 * S);
	ok("2months", 5259492 * S);
	ok("10min", 600 * S);
	ok("10sec", 10 * S);
	ok("1hr", 3600 * S);
	/* words of three letters or more are case-insensitive */
	ok("1HOUR", 3600 * S);
	ok("1Min", 60 * S);
}

static void test_parse_periods(void **state)
{
	(void)state;
	/* a period word alone is one of it; Gregorian mean year 365.2425 d */
	ok("day", 86400 * S);
	ok("week", 604800 * S);
	ok("month", 2629746 * S);   /* 31556952 / 12 */
	ok("quarter", 7889238 * S); /* 31556952 / 4 */
	ok("year", 31556952 * S);   /* 365.2425 x 86400 */
	ok("Month", 2629746 * S);
}

static void test_parse_combined(void **state)
{
	(void)state;
	ok("1h30m", 5400 * S);
	ok("1h 30m", 5400 * S);
	ok("1.5h", 5400 * S);
	ok("1d12h", 129600 * S);
	ok("1m30s500ms", 90500000000);
	ok(" 1h ", 3600 * S);
	ok("0.5s", 500000000);
	ok("1.5ms", 1500000);
	ok("0.001s", 1000000);
	ok("1.000000001s", 1000000001);
	/* half a nanosecond rounds up to one */
	ok("0.5ns", 1);
	/* the largest: INT64_MAX ns = 106751d 23h 47m 16.854775807s */
	ok("106751d 23h 47m 16.854775807s", INT64_MAX);
	ok("86400000ms", 86400 * S);
}

/* The number is scaled by 10^9 before the unit is applied, but what must
 * fit is the result in ns: 10^10 ns is only 10 s. */
static void test_parse_big_counts(void **state)
{
	(void)state;
	ok("10000000000ns", 10 * S);
	ok("9300000000us", 9300 * S); /* 9.3e9 us = 9300 s */
}

static void test_parse_bad(void **state)
{
	(void)state;
	bad("", NUM_EMPTY);
	bad("   ", NUM_EMPTY);
	bad("30", NUM_SYNTAX);    /* no unit */
	bad("h", NUM_SYNTAX);     /* a short unit alone is a typo */
	bad("mo", NUM_SYNTAX);
	bad("5M", NUM_SYNTAX);    /* short units are case-sensitive: M is not a unit */
	bad("5S", NUM_SYNTAX);
	bad("1H", NUM_SYNTAX);
	bad("-5m", NUM_SYNTAX);
	bad("+5m", NUM_SYNTAX);
	bad("1x", NUM_SYNTAX);
	bad("1.2.3s", NUM_SYNTAX);
	bad("1h30", NUM_SYNTAX);  /* the second part has no unit */
	bad("2 weeks", NUM_SYNTAX); /* no space between a number and its unit */
	bad("1 h", NUM_SYNTAX);
	bad("1e3s", NUM_SYNTAX);
	bad("nan", NUM_SYNTAX);
	bad("0s", NUM_RANGE);     /* must be positive */
	bad("0h 0m", NUM_RANGE);
	bad("0.4ns", NUM_RANGE);  /* rounds to 0 ns */
	bad("999999999999d", NUM_RANGE);
	bad("106752d", NUM_RANGE); /* 106752 x 86400 s > 9223372036.85 s */
	bad("106751d 106751d", NUM_RANGE); /* each part fits, the sum does not */
	bad("1.0000000001s", NUM_PRECISION);
}

static void test_human_basic(void **state)
{
	(void)state;
	human(0, "0s");
	human(5, "5ns");
	human(999, "999ns");
	human(1500, "1.5\xc2\xb5s");
	human(1234, "1.234\xc2\xb5s");
	human(999999, "999.999\xc2\xb5s"); /* under a ms: kept to the ns */
	human(86400000, "86.4ms");
	human(864000000, "864ms");
	human(999999600, "1s");      /* 999.9996 ms rounds to 1000 ms */
	human(8640000000, "8.64s");
	human(1234567890, "1.235s"); /* three decimals below a minute */
	human(59940000000, "59.94s");
	human(60 * S, "1m");
	human(5400 * S, "1h 30m");
	human(86400 * S, "1d");
	human(86401 * S, "1d 1s");
	human(90000 * S, "1d 1h");
	human(2592000 * S, "30d");
	human(-2592 * S, "-43m 12s");
	human(-5, "-5ns");
}

static void test_human_rounding(void **state)
{
	(void)state;
	/* tenths from a minute up: 2629.746 s -> 2629.7 s = 43m 49.7s */
	human(2629746000000, "43m 49.7s");
	/* 59.96 s is under a minute: three decimals, not tenths */
	human(59960000000, "59.96s");
	/* 59.9996 s: 60.000 at ms, 60.0 at tenths */
	human(59999600000, "1m");
	/* 59m 59.96s = 3599.96 s rounds to 3600 s at whole seconds */
	human(3599960000000, "1h");
	/* 23h 59m 59.5s rounds half up to 1d */
	human(86399500000000, "1d");
	/* whole seconds from an hour up: 31556.952 s -> 31557 s */
	human(31556952000000, "8h 45m 57s");
	/* 60.48 s -> 60.5 s */
	human(60480000000, "1m 0.5s");
}

/* The class is the value's own (SPEC: whole seconds "from one hour up",
 * tenths "from one minute up"); only rounding at that class's precision
 * may carry it into the next, as 59.96 s -> 60.0 s does above. */
static void test_human_class_by_value(void **state)
{
	(void)state;
	/* 3599.5 s is under an hour: tenths, 59m 59.5s (not 3600 s = "1h") */
	human(3599500000000, "59m 59.5s");
	/* 3599.94 s at tenths is 3599.9 s, still under the hour */
	human(3599940000000, "59m 59.9s");
	/* 59.95 s is under a minute: three decimals (not 60.0 s = "1m") */
	human(59950000000, "59.95s");
	/* 59.9994 s at ms is 59.999 s */
	human(59999400000, "59.999s");
	/* 999.5 µs is under a ms: µs with ns (not 1000 µs = "1ms") */
	human(999500, "999.5\xc2\xb5s");
}

static void test_seconds(void **state)
{
	char buf[64];
	(void)state;
	assert_string_equal(duration_format_seconds(2592 * S, buf, sizeof buf), "2592");
	assert_string_equal(duration_format_seconds(864000000, buf, sizeof buf), "0.864");
	assert_string_equal(duration_format_seconds(1, buf, sizeof buf), "0.000000001");
	assert_string_equal(duration_format_seconds(2629746000000, buf, sizeof buf), "2629.746");
	assert_string_equal(duration_format_seconds(-1500000000, buf, sizeof buf), "-1.5");
	assert_string_equal(duration_format_seconds(0, buf, sizeof buf), "0");
	assert_string_equal(duration_format_seconds(INT64_MAX, buf, sizeof buf),
			    "9223372036.854775807");
}

/* What the human form says must parse back to the same duration, for
 * values exact at the precision of their class. */
static void test_round_trip(void **state)
{
	static const int64_t v[] = {
		5, 1500, 864000000, 86400000, 8640000000, 43200000000, 60 * S,
		2592 * S, 2629700000000, 5400 * S, 26297 * S, 315570 * S,
		86400 * S, 90061 * S, 2592000 * S, 31556952 * S,
	};
	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		char buf[64];
		int64_t back = 0;
		duration_format_human(v[i], buf, sizeof buf);
		if (duration_parse(buf, &back) != NUM_OK || back != v[i])
			fail_msg("%lld ns -> \"%s\" -> %lld ns", (long long)v[i], buf,
				 (long long)back);
	}
}

/* Runs duration_format_human(ns) in a child, so that a sanitizer abort
 * fails this test instead of killing the whole suite; returns 1 when the
 * child produced want. */
static int human_isolated(int64_t ns, const char *want)
{
	pid_t pid = fork();
	if (pid == 0) {
		char buf[64];
		duration_format_human(ns, buf, sizeof buf);
		_exit(strcmp(buf, want) == 0 ? 0 : 1);
	}
	int st = 0;
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return 0;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static void test_human_extremes(void **state)
{
	(void)state;
	/* INT64_MAX ns = 9223372036.854775807 s = 106751d 23h 47m 16.85 s,
	 * which rounds to 17 s; a parsed duration can be this long */
	assert_true(human_isolated(INT64_MAX, "106751d 23h 47m 17s"));
	assert_true(human_isolated(-INT64_MAX, "-106751d 23h 47m 17s"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_units),
		cmocka_unit_test(test_parse_periods),
		cmocka_unit_test(test_parse_combined),
		cmocka_unit_test(test_parse_big_counts),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_human_basic),
		cmocka_unit_test(test_human_rounding),
		cmocka_unit_test(test_human_class_by_value),
		cmocka_unit_test(test_seconds),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_human_extremes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
