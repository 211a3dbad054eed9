/* util/timestamp: RFC 3339 and epoch parsing, formatting, and the civil calendar. */
#include "testing.h"

#include <stdio.h>
#include <string.h>

#include "util/timestamp.h"

#define S INT64_C(1000000000)
/* 2026-10-01 is day 20727 (2025-10-01 is 20362 = 20727 - 365):
 * 20727 x 86400 = 1790812800 s. */
#define OCT1 INT64_C(1790812800)
#define NOON (OCT1 + 43200)

static void ok(const char *s, int64_t want)
{
	int64_t t = -7;
	enum num_err e = ts_parse(s, strlen(s), &t);
	if (e != NUM_OK || t != want)
		fail_msg("ts_parse(\"%s\") = %d, %lld; want OK, %lld", s, (int)e, (long long)t,
			 (long long)want);
}

static void bad(const char *s, enum num_err want)
{
	int64_t t = -7;
	enum num_err e = ts_parse(s, strlen(s), &t);
	if (e != want || t != -7)
		fail_msg("ts_parse(\"%s\") = %d, %lld; want error %d", s, (int)e, (long long)t,
			 (int)want);
}

#define fmt(t, want)                                                           \
	do {                                                                   \
		char fbuf_[64];                                                \
		assert_string_equal(ts_format_rfc3339((t), fbuf_, sizeof fbuf_), (want)); \
	} while (0)

static void test_rfc3339(void **state)
{
	(void)state;
	ok("2026-10-01T12:00:00Z", NOON * S);
	ok("2026-10-01t12:00:00z", NOON * S);
	ok("2026-10-01 12:00:00Z", NOON * S);
	ok("2026-10-01T12:00:00", NOON * S); /* no zone: UTC */
	ok("2026-10-01T12:00", NOON * S);
	ok("2026-10-01", OCT1 * S);
	/* 12:00 at +02:00 is 10:00Z */
	ok("2026-10-01T12:00:00+02:00", (NOON - 7200) * S);
	ok("2026-10-01T12:00:00+0200", (NOON - 7200) * S);
	/* 12:00 at -04:30 is 16:30Z */
	ok("2026-10-01T12:00:00-0430", (NOON + 16200) * S);
	ok("2026-10-01T12:00:00-04:30", (NOON + 16200) * S);
	/* an offset can cross midnight: 00:30+01:00 is the day before, 23:30Z */
	ok("2026-10-01T00:30:00+01:00", (OCT1 - 1800) * S);
	ok("2024-02-29T00:00:00Z", INT64_C(19782) * 86400 * S);
	ok("1970-01-01T00:00:00Z", 0);
	ok("1969-12-31T23:59:59Z", -S);
	/* a leap second is read as the next second's start */
	ok("2026-10-01T12:00:60Z", (NOON + 60) * S);
}

static void test_rfc3339_fractions(void **state)
{
	(void)state;
	ok("2026-10-01T12:00:00.250Z", NOON * S + 250000000);
	ok("2026-10-01T12:00:00.25Z", NOON * S + 250000000);
	ok("2026-10-01T12:00:00,5Z", NOON * S + 500000000);
	ok("2026-10-01T12:00:00.123456Z", NOON * S + 123456000);
	ok("2026-10-01T12:00:00.123456789Z", NOON * S + 123456789);
	/* digits past the nanosecond are truncated, not rounded */
	ok("2026-10-01T12:00:00.1234567899999Z", NOON * S + 123456789);
	ok("2026-10-01 12:00:00.250+02:00", (NOON - 7200) * S + 250000000);
	/* before 1970 the fraction still counts forward */
	ok("1969-12-31T23:59:59.75Z", -250000000);
}

/* Times stop a year short of the int64 limits (TS_MAX = INT64_MAX - 365.2425 d
 * = 9191815084854775807 ns), so a window can be added without overflow. */
static void test_range_limits(void **state)
{
	(void)state;
	assert_true(TS_MAX == INT64_C(9191815084854775807));
	/* INT64_MAX is 2262-04-11T23:47:16.854775807Z; less 365 d 5h 49m 12s */
	ok("2261-04-11T17:58:04.854775807Z", TS_MAX);
	bad("2261-04-11T17:58:04.854775808Z", NUM_RANGE);
	/* INT64_MIN is 1677-09-21T00:12:43.145224192Z; plus the same year,
	 * and one ns for the negation */
	ok("1678-09-21T06:01:55.145224193Z", -TS_MAX);
	bad("1678-09-21T06:01:55.145224192Z", NUM_RANGE);
	bad("2262-04-11T23:47:16.854775807Z", NUM_RANGE);
	bad("1600-01-01", NUM_RANGE);
	bad("2300-01-01T00:00:00Z", NUM_RANGE);
	bad("0000-01-01", NUM_RANGE);
	bad("9999-12-31T23:59:59Z", NUM_RANGE);
}

static void test_rfc3339_bad(void **state)
{
	(void)state;
	bad("", NUM_EMPTY);
	bad("2026-13-01", NUM_RANGE);
	bad("2026-00-01", NUM_RANGE);
	bad("2026-10-00", NUM_RANGE);
	bad("2026-10-32", NUM_RANGE);
	bad("2026-02-30", NUM_RANGE);
	bad("2026-04-31", NUM_RANGE);
	bad("2023-02-29", NUM_RANGE); /* 2023 is not a leap year */
	bad("1900-02-29", NUM_RANGE); /* nor 1900: divisible by 100, not 400 */
	bad("2026-10-01T24:00:00Z", NUM_RANGE);
	bad("2026-10-01T12:60:00Z", NUM_RANGE);
	bad("2026-10-01T12:00:61Z", NUM_RANGE);
	bad("2026-10-01T12:00:00+24:00", NUM_RANGE);
	bad("2026-10-01T12:00:00Zjunk", NUM_SYNTAX);
	bad("2026-10-01T12:00:00 ", NUM_SYNTAX);
	bad("2026-10-01X", NUM_SYNTAX);
	bad("2026-10-01T", NUM_SYNTAX);
	bad("2026-10-01T12", NUM_SYNTAX);
	bad("2026-10-01T12:00:00.Z", NUM_SYNTAX);
	bad("2026-10-01T1:00:00Z", NUM_SYNTAX);
	bad("2026-1-01", NUM_SYNTAX);
	bad("2026/10/01", NUM_SYNTAX);
	bad("yesterday", NUM_SYNTAX);
	bad("2026-10-01T12:00:00+2", NUM_SYNTAX);
}

static void test_epoch(void **state)
{
	(void)state;
	/* 1716723772 s is 2024-05-26T11:42:52Z */
	ok("1716723772", INT64_C(1716723772) * S);
	ok("1716723772601", INT64_C(1716723772601) * 1000000);
	ok("1716723772601480", INT64_C(1716723772601480) * 1000);
	ok("1716723772601480700", INT64_C(1716723772601480700));
	ok("0", 0);
	ok("123456789", INT64_C(123456789) * S);
	/* a decimal fraction is of the unit the magnitude says */
	ok("1716723772.6014807", INT64_C(1716723772601480700));
	ok("1716723772.6", INT64_C(1716723772600000000));
	ok("1716723772601.5", INT64_C(1716723772601500000));   /* ms + 0.5 ms */
	ok("1716723772601480.7", INT64_C(1716723772601480700)); /* µs + 0.7 µs */
	ok("1716723772601480700.9", INT64_C(1716723772601480700)); /* below a ns */
	/* sub-nanosecond digits are dropped */
	ok("1716723772.60148070012345", INT64_C(1716723772601480700));
}

static void test_epoch_boundaries(void **state)
{
	(void)state;
	/* 10^11 is milliseconds, 10^14 microseconds, 10^17 nanoseconds: all
	 * three are 10^8 s = 1973-03-03T09:46:40Z */
	ok("100000000000", INT64_C(100000000000000000));
	ok("100000000000000", INT64_C(100000000000000000));
	ok("100000000000000000", INT64_C(100000000000000000));
	/* just below each boundary is the larger unit, and out of range:
	 * 99999999999 s is the year 5138 */
	bad("99999999999", NUM_RANGE);
	bad("99999999999999", NUM_RANGE);
	bad("99999999999999999", NUM_RANGE);
	/* 9191815084 s is within TS_MAX, 9191815085 s is not */
	ok("9191815084", INT64_C(9191815084) * S);
	bad("9191815085", NUM_RANGE);
	ok("9191815084854775807", TS_MAX);
	bad("9191815084854775808", NUM_RANGE);
	bad("9223372036854775808", NUM_RANGE);
	bad("12345678901234567890", NUM_RANGE);
}

static void test_epoch_bad(void **state)
{
	(void)state;
	bad("-1", NUM_SYNTAX);
	bad("1716723772.", NUM_SYNTAX);
	bad(".5", NUM_SYNTAX);
	bad("1716723772.6x", NUM_SYNTAX);
	bad("1716723772.60148070012x45", NUM_SYNTAX);
	bad(" 1716723772", NUM_SYNTAX);
	bad("1716723772 ", NUM_SYNTAX);
	bad("1.2.3", NUM_SYNTAX);
	bad("1e9", NUM_SYNTAX);
}

static void test_clf(void **state)
{
	int64_t t = 0;
	(void)state;
	/* 13:55:36 at -07:00 is 20:55:36Z = 971211336 s */
	ok("10/Oct/2000:13:55:36 -0700", INT64_C(971211336) * S);
	ok("[10/Oct/2000:13:55:36 -0700]", INT64_C(971211336) * S);
	ok("10/Oct/2000:20:55:36", INT64_C(971211336) * S); /* no zone: UTC */
	/* HAProxy's fraction: 2019-02-25T16:19:48.143Z */
	ok("25/Feb/2019:16:19:48.143", INT64_C(1551111588143000000));
	assert_int_equal(ts_parse_clf("10/Oct/2000:13:55:36 -0700", 26, &t), NUM_OK);
	assert_true(t == INT64_C(971211336) * S);
	bad("10/Foo/2000:13:55:36 -0700", NUM_SYNTAX);
	bad("31/Feb/2019:00:00:00 +0000", NUM_RANGE);
	bad("10/Oct/2000:13:55:36 x", NUM_SYNTAX);
	bad("10/Oct/2000:13:55", NUM_SYNTAX);
}

/* ts_parse_clf itself, on s[0..len); an error leaves *ns_out alone. */
static void clf_ok(const char *s, int64_t want)
{
	int64_t t = -7;
	enum num_err e = ts_parse_clf(s, strlen(s), &t);
	if (e != NUM_OK || t != want)
		fail_msg("ts_parse_clf(\"%s\") = %d, %lld; want OK, %lld", s, (int)e,
			 (long long)t, (long long)want);
}

static void clf_bad(const char *s, enum num_err want)
{
	int64_t t = -7;
	enum num_err e = ts_parse_clf(s, strlen(s), &t);
	if (e != want || t != -7)
		fail_msg("ts_parse_clf(\"%s\") = %d, %lld; want error %d", s, (int)e,
			 (long long)t, (int)want);
}

/* 10/Oct/2000:13:55:36 -0700 = 20:55:36Z; midnight UTC that day is 50136 s before */
#define CLF_T0 INT64_C(971211336)
#define OCT10 INT64_C(971136000)

static void test_clf_direct(void **state)
{
	int64_t t = 0;
	(void)state;

	/* brackets optional */
	clf_ok("10/Oct/2000:13:55:36 -0700", CLF_T0 * S);
	clf_ok("[10/Oct/2000:13:55:36 -0700]", CLF_T0 * S);
	/* offsets: +HHMM, +HH:MM, +HH, none (UTC) */
	clf_ok("10/Oct/2000:13:55:36 +0330", (OCT10 + 50136 - 12600) * S);
	clf_ok("10/Oct/2000:13:55:36 +03:30", (OCT10 + 50136 - 12600) * S);
	clf_ok("10/Oct/2000:13:55:36 -07", CLF_T0 * S);
	clf_ok("10/Oct/2000:13:55:36 +0000", (OCT10 + 50136) * S);
	clf_ok("10/Oct/2000:13:55:36", (OCT10 + 50136) * S);
	clf_ok("[10/Oct/2000:13:55:36]", (OCT10 + 50136) * S);
	/* an offset that crosses midnight: 00:30 at +0100 is 23:30Z the day before */
	clf_ok("10/Oct/2000:00:30:00 +0100", (OCT10 - 1800) * S);
	/* fractions, with or without a zone; past 9 digits dropped */
	clf_ok("10/Oct/2000:13:55:36.5 -0700", CLF_T0 * S + 500000000);
	clf_ok("[10/Oct/2000:13:55:36.250]", (OCT10 + 50136) * S + 250000000);
	clf_ok("10/Oct/2000:13:55:36.1234567899", (OCT10 + 50136) * S + 123456789);
	/* a leap day; 23:59:59 at +0500 is 18:59:59Z */
	clf_ok("29/Feb/2024:23:59:59 +0500", INT64_C(1709233199) * S);
	clf_ok("01/Jan/1970:00:00:00 +0000", 0);
	clf_ok("31/Dec/1969:23:59:59 +0000", -S);
	/* only len bytes are read */
	assert_int_equal(ts_parse_clf("10/Oct/2000:13:55:36 -0700 tail", 26, &t), NUM_OK);
	assert_true(t == CLF_T0 * S);

	/* every month name */
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	for (int m = 0; m < 12; m++) {
		char buf[64];
		snprintf(buf, sizeof buf, "01/%s/2000:00:00:00", months[m]);
		clf_ok(buf, ts_days_from_civil(2000, m + 1, 1) * 86400 * S);
		/* the usual 26 bytes, read at fixed places */
		snprintf(buf, sizeof buf, "01/%s/2000:00:00:00 +0100", months[m]);
		clf_ok(buf, (ts_days_from_civil(2000, m + 1, 1) * 86400 - 3600) * S);
	}
	/* at fixed places, every byte still counts: one changed is no time */
	for (size_t i = 0; i < 26; i++) {
		char buf[] = "10/Oct/2000:13:55:36 -0700";
		buf[i] = i == 20 ? 'x' : buf[i] == 'x' ? 'y' : ':' + (buf[i] == ':');
		t = 7;
		assert_int_not_equal(ts_parse_clf(buf, 26, &t), NUM_OK);
		assert_true(t == 7);
	}
}

static void test_clf_direct_bad(void **state)
{
	(void)state;

	clf_bad("10/Foo/2000:13:55:36 -0700", NUM_SYNTAX);
	clf_bad("10/October/2000:13:55:36 -0700", NUM_SYNTAX);
	/* the day must exist */
	clf_bad("30/Feb/2019:00:00:00 +0000", NUM_RANGE);
	clf_bad("29/Feb/2023:00:00:00 +0000", NUM_RANGE);
	clf_bad("31/Apr/2019:00:00:00 +0000", NUM_RANGE);
	clf_bad("00/Oct/2000:13:55:36 -0700", NUM_RANGE);
	clf_bad("10/Oct/2000:24:00:00 -0700", NUM_RANGE);
	clf_bad("10/Oct/2000:13:60:00 -0700", NUM_RANGE);
	/* the minute of the last stamp is kept: one after it that differs
	 * only in its seconds, its zone or its day reads as itself */
	clf_ok("10/Oct/2000:13:55:36 -0700", CLF_T0 * S);
	clf_ok("10/Oct/2000:13:55:37 -0700", (CLF_T0 + 1) * S);
	clf_ok("10/Oct/2000:13:55:00 -0700", (CLF_T0 - 36) * S);
	clf_ok("10/Oct/2000:13:55:60 -0700", (CLF_T0 + 24) * S); /* a leap second */
	clf_bad("10/Oct/2000:13:55:61 -0700", NUM_RANGE);
	clf_bad("10/Oct/2000:13:55:3x -0700", NUM_SYNTAX);
	clf_ok("10/Oct/2000:13:55:36 -0600", (CLF_T0 - 3600) * S);
	clf_ok("11/Oct/2000:13:55:36 -0700", (CLF_T0 + 86400) * S);
	clf_ok("10/Oct/2000:13:55:36 -0700", CLF_T0 * S);
	clf_bad("10/Oct/2000:13:55:36 -07x0", NUM_SYNTAX);
	clf_bad("10/Oct/2000:13:55:36 +2400", NUM_RANGE);
	clf_bad("10/Oct/2000:13:55:36 +0060", NUM_RANGE);
	/* wrong separators and widths */
	clf_bad("10-Oct-2000:13:55:36 -0700", NUM_SYNTAX);
	clf_bad("10/Oct/2000 13:55:36 -0700", NUM_SYNTAX);
	clf_bad("10/Oct/2000T13:55:36 -0700", NUM_SYNTAX);
	clf_bad("10/Oct/2000:13.55.36 -0700", NUM_SYNTAX);
	clf_bad("10/Oct/2000:13:55:36-0700", NUM_SYNTAX);
	clf_bad("10/Oct/2000:13:55:36  -0700", NUM_SYNTAX);
	clf_bad("10/Oct/2000:13:55:36 0700", NUM_SYNTAX);
	clf_bad("10/Oct/2000:13:55:36 ", NUM_SYNTAX);
	clf_bad("10/Oct/2000:13:55:36 +7", NUM_SYNTAX);
	clf_bad("10/Oct/2000:13:55:36 +07000", NUM_SYNTAX);
	clf_bad("10/Oct/2000:13:55:36.", NUM_SYNTAX);
	clf_bad("10/Oct/2000:13:55:36.x", NUM_SYNTAX);
	clf_bad("1/Oct/2000:13:55:36 -0700", NUM_SYNTAX);
	clf_bad("10/Oct/00:13:55:36 -0700", NUM_SYNTAX);
	clf_bad("10/Oct/2000:13:55", NUM_SYNTAX);
	clf_bad("10/Oct", NUM_SYNTAX);
	clf_bad("10/", NUM_SYNTAX);
	clf_bad("[]", NUM_SYNTAX);
	clf_bad("", NUM_SYNTAX);
	clf_bad("2000-10-10T13:55:36Z", NUM_SYNTAX);
}

static void test_format(void **state)
{
	(void)state;
	fmt(0, "1970-01-01T00:00:00Z");
	fmt(NOON * S, "2026-10-01T12:00:00Z");
	fmt(NOON * S + 250000000, "2026-10-01T12:00:00.25Z");
	fmt(NOON * S + 123456789, "2026-10-01T12:00:00.123456789Z");
	fmt(1, "1970-01-01T00:00:00.000000001Z");
	fmt(-1, "1969-12-31T23:59:59.999999999Z");
	fmt(-86400 * S, "1969-12-31T00:00:00Z");
	fmt(-250000000, "1969-12-31T23:59:59.75Z");
	fmt(INT64_MAX, "2262-04-11T23:47:16.854775807Z");
	fmt(INT64_MIN, "1677-09-21T00:12:43.145224192Z");
}

static void test_format_round_trip(void **state)
{
	static const int64_t v[] = {
		0, 1, -1, NOON * S, NOON * S + 250000000, -250000000, TS_MAX, -TS_MAX,
		INT64_C(1716723772601480700), INT64_C(-2208988800) * S, /* 1900-01-01 */
		INT64_C(951782400) * S,                                /* 2000-02-29 */
	};
	(void)state;
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		char buf[64];
		int64_t back = 0;
		ts_format_rfc3339(v[i], buf, sizeof buf);
		if (ts_parse(buf, strlen(buf), &back) != NUM_OK || back != v[i])
			fail_msg("%lld -> \"%s\" -> %lld", (long long)v[i], buf, (long long)back);
	}
}

static void test_civil_known(void **state)
{
	int64_t y;
	int m, d;
	(void)state;

	assert_true(ts_days_from_civil(1970, 1, 1) == 0);
	assert_true(ts_days_from_civil(1969, 12, 31) == -1);
	assert_true(ts_days_from_civil(2000, 3, 1) == 11017);
	assert_true(ts_days_from_civil(2024, 2, 29) == 19782);
	assert_true(ts_days_from_civil(2025, 10, 1) == 20362);
	assert_true(ts_days_from_civil(2026, 10, 1) == 20727);
	assert_true(ts_days_from_civil(1900, 1, 1) == -25567);
	assert_true(ts_days_from_civil(2100, 12, 31) == 47846);
	assert_true(ts_days_from_civil(1600, 2, 29) == -135081);
	/* 0001-01-01 is 719162 days before 1970 (Python's ordinal 1 vs
	 * 719163); year 0 is a leap year (366 days), year -1 is not */
	assert_true(ts_days_from_civil(1, 1, 1) == -719162);
	assert_true(ts_days_from_civil(0, 1, 1) == -719528);
	assert_true(ts_days_from_civil(0, 3, 1) == -719468);
	assert_true(ts_days_from_civil(-1, 1, 1) == -719893);
	/* 400 Gregorian years are 146097 days */
	assert_true(ts_days_from_civil(-400, 1, 1) == -719528 - 146097);

	ts_civil_from_days(20727, &y, &m, &d);
	assert_true(y == 2026 && m == 10 && d == 1);
	ts_civil_from_days(-1, &y, &m, &d);
	assert_true(y == 1969 && m == 12 && d == 31);
	ts_civil_from_days(-135081, &y, &m, &d);
	assert_true(y == 1600 && m == 2 && d == 29);
	ts_civil_from_days(-719893, &y, &m, &d);
	assert_true(y == -1 && m == 1 && d == 1);
	ts_civil_from_days(-719469, &y, &m, &d); /* the day before 0000-03-01 */
	assert_true(y == 0 && m == 2 && d == 29);
}

/* Walks every day of 1900..2100 with the test's own calendar and checks
 * both directions against a running day count. */
static void test_civil_walk(void **state)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int64_t day = -25567; /* 1900-01-01 */
	(void)state;

	for (int y = 1900; y <= 2100; y++) {
		int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
		for (int m = 1; m <= 12; m++) {
			int n = dm[m - 1] + (m == 2 ? leap : 0);
			for (int d = 1; d <= n; d++, day++) {
				int64_t yy;
				int mm, dd;
				if (ts_days_from_civil(y, m, d) != day)
					fail_msg("days_from_civil(%d-%02d-%02d) != %lld", y, m, d,
						 (long long)day);
				ts_civil_from_days(day, &yy, &mm, &dd);
				if (yy != y || mm != m || dd != d)
					fail_msg("civil_from_days(%lld) = %lld-%02d-%02d, want %d-%02d-%02d",
						 (long long)day, (long long)yy, mm, dd, y, m, d);
			}
		}
	}
	/* 2101-01-01 follows 2100-12-31 = 47846 */
	assert_true(day == 47847);
}

/* Syslog stamps: the year comes from ts_set_year.  2019-02-25T16:19:49Z
 * is 1551111589 s. */
#define FEB25 INT64_C(1551111589)
static void test_syslog(void **state)
{
	int64_t t = 0;
	int y, m;
	(void)state;
	/* --year 2019: every stamp in 2019 */
	ts_set_year(2019, 0, 0);
	assert_int_equal(ts_year(&y, &m), 2019);
	ok("Feb 25 16:19:49", FEB25 * S);
	ok("Feb 25 16:19:49.250", FEB25 * S + 250000000);
	ok("Dec 31 23:59:59", INT64_C(1577836799) * S);
	/* a day below 10, padded with a space as RFC 3164 has it, or not */
	ok("Mar  5 00:00:00", ts_days_from_civil(2019, 3, 5) * 86400 * S);
	ok("Mar 5 00:00:00", ts_days_from_civil(2019, 3, 5) * 86400 * S);
	ok("Mar 05 00:00:00", ts_days_from_civil(2019, 3, 5) * 86400 * S);
	/* a year after the time wins over --year */
	ok("Feb 25 16:19:49 2018", (FEB25 - 365 * 86400) * S);
	/* 2019 has no 29 February */
	bad("Feb 29 00:00:00", NUM_RANGE);
	bad("Feb 30 00:00:00 2020", NUM_RANGE);
	bad("Foo 25 16:19:49", NUM_SYNTAX);
	bad("Feb 25 16:19", NUM_SYNTAX);
	bad("Feb 25 16:19:49 19", NUM_SYNTAX);
	bad("Feb 25 16:19:49 ", NUM_SYNTAX);
	bad("Feb 25 25:00:00", NUM_RANGE);
	bad("Feb  x 16:19:49", NUM_SYNTAX);

	/* the file ends in January 2020 (--year 2020-01): December is 2019 */
	ts_set_year(2020, 1, 0);
	assert_int_equal(ts_year(&y, &m), 0);
	assert_int_equal(y, 2020);
	assert_int_equal(m, 1);
	ok("Dec 31 23:59:59", INT64_C(1577836799) * S);
	ok("Jan  1 00:00:00", INT64_C(1577836800) * S);

	/* the file last written 2024-03-01T10:00:00Z: March and before are
	 * 2024 (a leap year), April on 2023 */
	int64_t written = (ts_days_from_civil(2024, 3, 1) * 86400 + 36000) * S;
	ts_set_year(0, 0, written);
	assert_int_equal(ts_year(&y, &m), 0);
	assert_int_equal(y, 2024);
	assert_int_equal(m, 3);
	ok("Feb 29 12:00:00", (ts_days_from_civil(2024, 2, 29) * 86400 + 43200) * S);
	ok("Mar 31 00:00:00", ts_days_from_civil(2024, 3, 31) * 86400 * S);
	ok("Apr  1 00:00:00", ts_days_from_civil(2023, 4, 1) * 86400 * S);
	ok("Dec 31 00:00:00", ts_days_from_civil(2023, 12, 31) * 86400 * S);
	assert_int_equal(ts_parse_syslog("Mar 31 00:00:00 tail", 15, &t), NUM_OK);
	assert_true(t == ts_days_from_civil(2024, 3, 31) * 86400 * S);

	/* a zone: 16:19:49 in Berlin (+01:00 in February) is 15:19:49Z */
	ts_set_year(2019, 0, 0);
	assert_int_equal(ts_set_zone("Europe/Berlin"), 0);
	ok("Feb 25 16:19:49", (FEB25 - 3600) * S);
	assert_int_equal(ts_set_zone("UTC"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rfc3339),
		cmocka_unit_test(test_rfc3339_fractions),
		cmocka_unit_test(test_range_limits),
		cmocka_unit_test(test_rfc3339_bad),
		cmocka_unit_test(test_epoch),
		cmocka_unit_test(test_epoch_boundaries),
		cmocka_unit_test(test_epoch_bad),
		cmocka_unit_test(test_clf),
		cmocka_unit_test(test_clf_direct),
		cmocka_unit_test(test_clf_direct_bad),
		cmocka_unit_test(test_syslog),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_round_trip),
		cmocka_unit_test(test_civil_known),
		cmocka_unit_test(test_civil_walk),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
