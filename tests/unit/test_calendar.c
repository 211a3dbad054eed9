/* util/calendar: calendar periods in UTC and in zones with daylight saving,
 * and the local-time conversions of util/timestamp they stand on. */
#include "testing.h"

#include <stdbool.h>
#include <string.h>

#include "util/calendar.h"
#include "util/duration.h"
#include "util/timestamp.h"

#define S INT64_C(1000000000)
#define H NS_PER_HOUR
/* The start of a UTC day given as days since 1970-01-01 (hand-counted:
 * 2026-10-01 is day 20727, 1790812800 s / 86400). */
#define DAY(n) (INT64_C(n) * NS_PER_DAY)

/* Days of the dates used below, from 2026-10-01 = 20727:
 *   2026-01-01 20454  2026-02-01 20485  2026-03-01 20513  2026-03-08 20520
 *   2026-03-29 20541  2026-04-01 20544  2026-05-01 20574  2026-07-01 20635
 *   2026-09-28 20724  2026-10-05 20731  2026-10-15 20741  2026-10-16 20742
 *   2026-10-19 20745  2026-10-25 20751  2026-10-26 20752  2026-11-01 20758
 *   2026-11-02 20759  2026-12-01 20788  2026-12-28 20815  2027-01-01 20819
 *   2027-01-04 20822  2024-02-01 19754  2024-03-01 19783  2020-12-28 18624
 *   2021-01-04 18631  2100-02-01 47513  2100-03-01 47541 */

static void period(enum cal_kind k, int64_t t, int64_t want_start, int64_t want_end)
{
	int64_t s = 0, e = 0;
	assert_int_equal(cal_period(k, t, &s, &e), NUM_OK);
	assert_true(s == want_start);
	assert_true(e == want_end);
	assert_true(s <= t && t < e);
}

static void named(const char *name, enum cal_kind want_kind, int64_t want_start,
		  int64_t want_end)
{
	enum cal_kind k = CAL_NONE;
	int64_t s = 0, e = 0;
	assert_int_equal(cal_named(name, &k, &s, &e), NUM_OK);
	assert_int_equal(k, want_kind);
	assert_true(s == want_start);
	assert_true(e == want_end);
}

static void named_bad(const char *name)
{
	enum cal_kind k = CAL_NONE;
	int64_t s = 0, e = 0;
	assert_int_not_equal(cal_named(name, &k, &s, &e), NUM_OK);
}

static void test_kinds(void **state)
{
	(void)state;
	assert_int_equal(cal_kind_parse("day"), CAL_DAY);
	assert_int_equal(cal_kind_parse("week"), CAL_WEEK);
	assert_int_equal(cal_kind_parse("month"), CAL_MONTH);
	assert_int_equal(cal_kind_parse("quarter"), CAL_QUARTER);
	assert_int_equal(cal_kind_parse("year"), CAL_YEAR);
	assert_int_equal(cal_kind_parse("Month"), CAL_NONE);
	assert_int_equal(cal_kind_parse(""), CAL_NONE);
	assert_int_equal(cal_kind_parse("fortnight"), CAL_NONE);
	assert_string_equal(cal_kind_name(CAL_MONTH), "month");
	assert_string_equal(cal_kind_name(CAL_WEEK), "week");
	assert_string_equal(cal_kind_name(CAL_NONE), "");
}

static void test_periods_utc(void **state)
{
	/* 2026-10-15T12:00:00Z, a Thursday */
	const int64_t t = DAY(20741) + 12 * H;
	(void)state;

	assert_string_equal(ts_zone_name(), "UTC");
	period(CAL_DAY, t, DAY(20741), DAY(20742));
	/* Monday 2026-10-12 (20741 - 3 = 20738) to Monday 2026-10-19 */
	period(CAL_WEEK, t, DAY(20738), DAY(20745));
	period(CAL_MONTH, t, DAY(20727), DAY(20758));
	period(CAL_QUARTER, t, DAY(20727), DAY(20819)); /* Q4: Oct 1 to Jan 1 */
	period(CAL_YEAR, t, DAY(20454), DAY(20819));
	/* 2026-10-01 is a Thursday: its ISO week starts Monday 2026-09-28 */
	period(CAL_WEEK, DAY(20727), DAY(20724), DAY(20731));
	/* a Monday's week starts that day; a Sunday's the Monday before */
	period(CAL_WEEK, DAY(20731), DAY(20731), DAY(20738));
	period(CAL_WEEK, DAY(20731) - 1, DAY(20724), DAY(20731));
	/* the first and last nanosecond of a month */
	period(CAL_MONTH, DAY(20727), DAY(20727), DAY(20758));
	period(CAL_MONTH, DAY(20758) - 1, DAY(20727), DAY(20758));
	period(CAL_MONTH, DAY(20758), DAY(20758), DAY(20788));
	/* quarters: 2026-05-20 is in Q2 [04-01, 07-01); 2026-02-01 in Q1 */
	period(CAL_QUARTER, DAY(20574) + 19 * NS_PER_DAY, DAY(20544), DAY(20635));
	period(CAL_QUARTER, DAY(20485), DAY(20454), DAY(20544));
	period(CAL_QUARTER, DAY(20635) - 1, DAY(20544), DAY(20635));
	period(CAL_QUARTER, DAY(20635), DAY(20635), DAY(20727));
	/* a month is [first day, first day of the next) */
	period(CAL_MONTH, DAY(20485) + 5 * NS_PER_DAY, DAY(20485), DAY(20513)); /* Feb 2026: 28 */
}

static void test_leap_february(void **state)
{
	int64_t s, e;
	(void)state;

	/* 2024-02-10 in February 2024, 29 days */
	period(CAL_MONTH, DAY(19754) + 9 * NS_PER_DAY, DAY(19754), DAY(19783));
	assert_int_equal(cal_period(CAL_MONTH, DAY(19754), &s, &e), NUM_OK);
	assert_true(e - s == 29 * NS_PER_DAY);
	/* 2024-02-29 is a day of February */
	period(CAL_DAY, DAY(19782) + 1, DAY(19782), DAY(19783));
	/* 2100 is not a leap year: 28 days */
	period(CAL_MONTH, DAY(47513), DAY(47513), DAY(47541));
	/* a leap year is 366 days: 2024-01-01 (19723) to 2025-01-01 (20089) */
	assert_int_equal(cal_period(CAL_YEAR, DAY(19754), &s, &e), NUM_OK);
	assert_true(s == DAY(19723));
	assert_true(e - s == 366 * NS_PER_DAY);
}

static void test_year_boundaries(void **state)
{
	(void)state;
	/* 2026-12-31T23:59:59.999999999Z: December, Q4 and 2026 */
	const int64_t t = DAY(20819) - 1;
	period(CAL_DAY, t, DAY(20818), DAY(20819));
	period(CAL_MONTH, t, DAY(20788), DAY(20819));
	period(CAL_QUARTER, t, DAY(20727), DAY(20819));
	period(CAL_YEAR, t, DAY(20454), DAY(20819));
	/* and 2027-01-01T00:00:00Z starts the next of each */
	period(CAL_DAY, DAY(20819), DAY(20819), DAY(20820));
	period(CAL_MONTH, DAY(20819), DAY(20819), DAY(20850));
}

static void test_year_boundaries_weeks(void **state)
{
	(void)state;
	/* Thursday 2026-12-31's ISO week runs Monday 2026-12-28 to Monday
	 * 2027-01-04, across the year */
	period(CAL_WEEK, DAY(20819) - 1, DAY(20815), DAY(20822));
	/* 2027-01-01 (a Friday) is in that same week, but in 2027 */
	period(CAL_WEEK, DAY(20819), DAY(20815), DAY(20822));
	period(CAL_YEAR, DAY(20819), DAY(20819), DAY(20819) + 365 * NS_PER_DAY);
	period(CAL_QUARTER, DAY(20819), DAY(20819), DAY(20819) + 90 * NS_PER_DAY);
	period(CAL_YEAR, DAY(20819) - 1, DAY(20454), DAY(20819));
}

/* Before 1970 the day still floors towards the past: 1969-12-31T12:00Z
 * (day -1, a Wednesday) is in the week from Monday 1969-12-29 (day -3). */
static void test_before_1970(void **state)
{
	(void)state;
	period(CAL_DAY, -12 * H, DAY(-1), 0);
	period(CAL_WEEK, -12 * H, DAY(-3), DAY(4));
	period(CAL_MONTH, -1, DAY(-31), 0);
	period(CAL_YEAR, -1, DAY(-365), 0);
}

static void test_named_utc(void **state)
{
	(void)state;
	named("2026-10", CAL_MONTH, DAY(20727), DAY(20758));
	named("2026-01", CAL_MONTH, DAY(20454), DAY(20485));
	named("2026-12", CAL_MONTH, DAY(20788), DAY(20819));
	named("2024-02", CAL_MONTH, DAY(19754), DAY(19783));
	named("2026-Q3", CAL_QUARTER, DAY(20635), DAY(20727));
	named("2026-Q4", CAL_QUARTER, DAY(20727), DAY(20819));
	named("2026-q1", CAL_QUARTER, DAY(20454), DAY(20544));
	named("2026", CAL_YEAR, DAY(20454), DAY(20819));
	named("2026-10-05", CAL_DAY, DAY(20731), DAY(20732));
	named("2024-02-29", CAL_DAY, DAY(19782), DAY(19783));
	/* ISO weeks.  2026 starts on a Thursday, so week 1 holds
	 * 2026-01-01 and starts Monday 2025-12-29 (day 20451); week 44 starts
	 * 43 weeks later: 20451 + 301 = 20752, Monday 2026-10-26. */
	named("2026-W01", CAL_WEEK, DAY(20451), DAY(20458));
	named("2026-W44", CAL_WEEK, DAY(20752), DAY(20759));
	named("2026-w44", CAL_WEEK, DAY(20752), DAY(20759));
	/* A year has 53 ISO weeks when it starts on a Thursday (2026), or on
	 * a Wednesday when it is a leap year (2020).  2026-W53: 20451 + 364 =
	 * 20815, Monday 2026-12-28. */
	named("2026-W53", CAL_WEEK, DAY(20815), DAY(20822));
	/* 2020-01-01 was a Wednesday and 2020 a leap year: W53 is Monday
	 * 2020-12-28 to Monday 2021-01-04 */
	named("2020-W53", CAL_WEEK, DAY(18624), DAY(18631));
	/* 2021 starts on a Friday and 2025 on a Wednesday (not leap): 52 */
	named_bad("2021-W53");
	named_bad("2025-W53");
	named("2025-W52", CAL_WEEK, DAY(20444), DAY(20451));
}

static void test_named_bad(void **state)
{
	(void)state;
	named_bad("2026-13");
	named_bad("2026-00");
	named_bad("2026-Q5");
	named_bad("2026-Q0");
	named_bad("2026-W00");
	named_bad("2026-W54");
	named_bad("26-10");
	named_bad("2026/10");
	named_bad("");
	named_bad("202");
	named_bad("20261");
	named_bad("2026-1");
	named_bad("2026-100");
	named_bad("2026-10-");
	named_bad("2026-10-32");
	named_bad("2026-02-29"); /* not a leap year */
	named_bad("2026-10-05T00");
	named_bad("2026-W4");
	named_bad("2026-Wxx");
	named_bad("2026-Qx");
	named_bad("abcd");
	named_bad("1000"); /* out of the range of a timestamp */
}

/* Local times in Europe/Berlin: CET (+1) and CEST (+2) from the last
 * Sunday of March 01:00Z to the last Sunday of October 01:00Z; in 2026
 * March 29 and October 25. */
static void local(int64_t t, int64_t y, int m, int d, int hh, int mm, int ss, int wday)
{
	int64_t gy;
	int gm, gd, ghh, gmm, gss, gw;
	ts_to_local(t, &gy, &gm, &gd, &ghh, &gmm, &gss, &gw);
	assert_true(gy == y);
	assert_int_equal(gm, m);
	assert_int_equal(gd, d);
	assert_int_equal(ghh, hh);
	assert_int_equal(gmm, mm);
	assert_int_equal(gss, ss);
	assert_int_equal(gw, wday);
}

static void from_local(int64_t y, int m, int d, int hh, int mm, int ss, int64_t want)
{
	int64_t t = 0;
	assert_int_equal(ts_from_local(y, m, d, hh, mm, ss, &t), NUM_OK);
	assert_true(t == want);
}

static void test_to_local(void **state)
{
	(void)state;
	/* UTC */
	local(DAY(20727) + 12 * H, 2026, 10, 1, 12, 0, 0, 4);
	local(-1, 1969, 12, 31, 23, 59, 59, 3);
	local(0, 1970, 1, 1, 0, 0, 0, 4);

	assert_int_equal(ts_set_zone("Europe/Berlin"), 0);
	assert_string_equal(ts_zone_name(), "Europe/Berlin");
	/* 2026-10-01T12:00Z is 14:00 CEST */
	local(DAY(20727) + 12 * H, 2026, 10, 1, 14, 0, 0, 4);
	/* 2026-09-30T22:00Z is midnight, October 1st */
	local(DAY(20727) - 2 * H, 2026, 10, 1, 0, 0, 0, 4);
	/* the repeated hour: 00:30Z is 02:30 CEST, 01:30Z is 02:30 CET */
	local(DAY(20751) + 30 * NS_PER_MIN, 2026, 10, 25, 2, 30, 0, 7);
	local(DAY(20751) + 90 * NS_PER_MIN, 2026, 10, 25, 2, 30, 0, 7);
	/* the skipped hour: 00:59:59Z is 01:59:59 CET, 01:00Z is 03:00 CEST */
	local(DAY(20541) + H - S, 2026, 3, 29, 1, 59, 59, 7);
	local(DAY(20541) + H, 2026, 3, 29, 3, 0, 0, 7);
	/* a fraction of a second is dropped, also before 1970:
	 * 1969-12-31T23:59:59.5Z is 1970-01-01 00:59:59 CET */
	local(-S / 2, 1970, 1, 1, 0, 59, 59, 4);
	assert_int_equal(ts_set_zone("UTC"), 0);
	assert_string_equal(ts_zone_name(), "UTC");
}

static void test_from_local(void **state)
{
	(void)state;
	from_local(2026, 10, 1, 12, 0, 0, DAY(20727) + 12 * H);
	from_local(1969, 12, 31, 23, 59, 59, -S);

	assert_int_equal(ts_set_zone("Europe/Berlin"), 0);
	from_local(2026, 10, 1, 14, 0, 0, DAY(20727) + 12 * H);
	from_local(2026, 1, 15, 9, 30, 0, DAY(20454) + 14 * NS_PER_DAY + 8 * H + 30 * NS_PER_MIN);
	/* the gap (02:00 CET became 03:00 CEST): 02:30 takes the offset from
	 * before, +1, and reads as 03:30 CEST = 01:30Z */
	from_local(2026, 3, 29, 2, 30, 0, DAY(20541) + 90 * NS_PER_MIN);
	from_local(2026, 3, 29, 1, 59, 59, DAY(20541) + H - S); /* CET */
	from_local(2026, 3, 29, 3, 0, 0, DAY(20541) + H);       /* CEST */
	/* the overlap (03:00 CEST became 02:00 CET): 02:30 takes the offset
	 * after, +1: 01:30Z */
	from_local(2026, 10, 25, 2, 30, 0, DAY(20751) + 90 * NS_PER_MIN);
	from_local(2026, 10, 25, 1, 59, 59, DAY(20751) - S);    /* CEST */
	from_local(2026, 10, 25, 3, 0, 0, DAY(20751) + 2 * H);  /* CET */

	/* out of range and invalid dates */
	int64_t t;
	assert_int_equal(ts_from_local(1600, 1, 1, 0, 0, 0, &t), NUM_RANGE);
	assert_int_equal(ts_from_local(2300, 1, 1, 0, 0, 0, &t), NUM_RANGE);
	assert_int_not_equal(ts_from_local(2026, 2, 29, 0, 0, 0, &t), NUM_OK);
	assert_int_not_equal(ts_from_local(2026, 13, 1, 0, 0, 0, &t), NUM_OK);
	assert_int_not_equal(ts_from_local(2026, 1, 1, 24, 0, 0, &t), NUM_OK);
	assert_int_equal(ts_set_zone("UTC"), 0);
}

/* The same rules west of UTC (timestamp.c, local_offset: "A time in the
 * hour a clock skips takes the offset from before the change (02:30 when
 * 02:00 became 03:00 reads as 03:30); one in the hour it repeats takes
 * the offset after it"). */
static void test_from_local_west(void **state)
{
	(void)state;
	/* America/New_York: EST (-5), EDT (-4) from 2026-03-08 07:00Z to
	 * 2026-11-01 06:00Z */
	assert_int_equal(ts_set_zone("America/New_York"), 0);
	from_local(2026, 11, 1, 0, 59, 0, DAY(20758) + 4 * H + 59 * NS_PER_MIN); /* EDT */
	from_local(2026, 7, 4, 12, 0, 0, DAY(20638) + 16 * H); /* 2026-07-04 is 20638 */
	/* the gap: 02:30 takes EST (-5), from before: 07:30Z, 03:30 EDT */
	from_local(2026, 3, 8, 2, 30, 0, DAY(20520) + 7 * H + 30 * NS_PER_MIN);
	/* the overlap: 01:30 takes EST (-5), from after: 06:30Z */
	from_local(2026, 11, 1, 1, 30, 0, DAY(20758) + 6 * H + 30 * NS_PER_MIN);
	assert_int_equal(ts_set_zone("UTC"), 0);
}

/* to_local then from_local gives the time back (whole seconds), but for
 * the first pass through a repeated hour, which reads as the second. */
static void test_round_trip(void **state)
{
	(void)state;
	assert_int_equal(ts_set_zone("Europe/Berlin"), 0);
	/* every 7 min 13 s from 2026-10-24T00:00Z to 2026-10-26T00:00Z */
	for (int64_t t = DAY(20750); t < DAY(20752); t += 433 * S) {
		int64_t y, back = 0;
		int m, d, hh, mm, ss, wd;
		ts_to_local(t, &y, &m, &d, &hh, &mm, &ss, &wd);
		assert_int_equal(ts_from_local(y, m, d, hh, mm, ss, &back), NUM_OK);
		/* [00:00Z, 01:00Z) of Oct 25 is 02:xx CEST, read back as CET */
		bool first_pass = t >= DAY(20751) && t < DAY(20751) + H;
		assert_true(back == (first_pass ? t + H : t));
	}
	/* and around the spring change, where every local time exists once */
	for (int64_t t = DAY(20540); t < DAY(20542); t += 433 * S) {
		int64_t y, back = 0;
		int m, d, hh, mm, ss, wd;
		ts_to_local(t, &y, &m, &d, &hh, &mm, &ss, &wd);
		assert_int_equal(ts_from_local(y, m, d, hh, mm, ss, &back), NUM_OK);
		assert_true(back == t);
	}
	assert_int_equal(ts_set_zone("UTC"), 0);
	for (int64_t t = -DAY(2); t < DAY(2); t += 4999 * S) {
		int64_t y, back = 0;
		int m, d, hh, mm, ss, wd;
		ts_to_local(t, &y, &m, &d, &hh, &mm, &ss, &wd);
		assert_int_equal(ts_from_local(y, m, d, hh, mm, ss, &back), NUM_OK);
		assert_true(back == t);
	}
}

static void test_set_zone(void **state)
{
	(void)state;
	assert_string_equal(ts_zone_name(), "UTC");
	assert_int_equal(ts_set_zone("Nowhere/Atlantis"), -1);
	assert_string_equal(ts_zone_name(), "UTC");
	assert_int_equal(ts_set_zone("Europe"), -1); /* a directory of zones */
	assert_int_equal(ts_set_zone(""), -1);
	assert_int_equal(ts_set_zone("../zoneinfo/UTC"), -1);
	assert_int_equal(ts_set_zone("/etc/passwd"), -1);
	assert_string_equal(ts_zone_name(), "UTC");
	assert_int_equal(ts_set_zone("Asia/Tokyo"), 0);
	assert_string_equal(ts_zone_name(), "Asia/Tokyo");
	/* a failed set leaves the zone as it was */
	assert_int_equal(ts_set_zone("Nowhere/Atlantis"), -1);
	assert_string_equal(ts_zone_name(), "Asia/Tokyo");
	local(DAY(20727), 2026, 10, 1, 9, 0, 0, 4); /* +9 */
	assert_int_equal(ts_set_zone("Z"), 0);
	assert_string_equal(ts_zone_name(), "UTC");
	local(DAY(20727), 2026, 10, 1, 0, 0, 0, 4);
	assert_int_equal(ts_set_zone("UTC"), 0);
}

static void test_berlin_months(void **state)
{
	int64_t s, e;
	enum cal_kind k;
	(void)state;

	assert_int_equal(ts_set_zone("Europe/Berlin"), 0);
	/* October 2026: from 00:00 CEST (2026-09-30T22:00Z) to 00:00 CET on
	 * November 1st (2026-10-31T23:00Z): 31 days and the hour given back
	 * on October 25th */
	named("2026-10", CAL_MONTH, DAY(20727) - 2 * H, DAY(20758) - H);
	assert_int_equal(cal_named("2026-10", &k, &s, &e), NUM_OK);
	assert_true(e - s == 31 * NS_PER_DAY + H);
	/* the month holding a time: 2026-09-30T22:30Z is October in Berlin,
	 * 2026-09-30T21:59:59Z still September */
	period(CAL_MONTH, DAY(20727) - 90 * NS_PER_MIN, DAY(20727) - 2 * H, DAY(20758) - H);
	period(CAL_MONTH, DAY(20727) - 2 * H - S, DAY(20697) - 2 * H, DAY(20727) - 2 * H);
	/* March 2026: 00:00 CET (2026-02-28T23:00Z) to 00:00 CEST on April
	 * 1st (2026-03-31T22:00Z): 31 days less the hour skipped on the 29th */
	named("2026-03", CAL_MONTH, DAY(20513) - H, DAY(20544) - 2 * H);
	assert_int_equal(cal_named("2026-03", &k, &s, &e), NUM_OK);
	assert_true(e - s == 31 * NS_PER_DAY - H);
	/* a month without a change: 30 days exactly */
	named("2026-06", CAL_MONTH, DAY(20605) - 2 * H, DAY(20635) - 2 * H);
	/* the day of the change is 25 hours long, its week 7 days + 1 h */
	period(CAL_DAY, DAY(20751) + 12 * H, DAY(20751) - 2 * H, DAY(20751) + 23 * H);
	named("2026-10-25", CAL_DAY, DAY(20751) - 2 * H, DAY(20751) + 23 * H);
	period(CAL_WEEK, DAY(20751) + 12 * H, DAY(20745) - 2 * H, DAY(20752) - H);
	/* ISO week 44 starts Monday 2026-10-26 00:00 CET */
	named("2026-W44", CAL_WEEK, DAY(20752) - H, DAY(20759) - H);
	/* Q4 and the year, from CEST and CET midnights */
	named("2026-Q4", CAL_QUARTER, DAY(20727) - 2 * H, DAY(20819) - H);
	named("2026", CAL_YEAR, DAY(20454) - H, DAY(20819) - H);
	assert_int_equal(ts_set_zone("UTC"), 0);
}

static void test_new_york_november(void **state)
{
	int64_t s, e;
	enum cal_kind k;
	(void)state;

	assert_int_equal(ts_set_zone("America/New_York"), 0);
	/* November 2026: 00:00 EDT (-4) on the 1st, 04:00Z, to 00:00 EST
	 * (-5) on December 1st, 05:00Z; the clocks go back on November 1st */
	named("2026-11", CAL_MONTH, DAY(20758) + 4 * H, DAY(20788) + 5 * H);
	assert_int_equal(cal_named("2026-11", &k, &s, &e), NUM_OK);
	assert_true(e - s == 30 * NS_PER_DAY + H);
	period(CAL_MONTH, DAY(20758) + 4 * H, DAY(20758) + 4 * H, DAY(20788) + 5 * H);
	period(CAL_MONTH, DAY(20758) + 4 * H - 1, DAY(20727) + 4 * H, DAY(20758) + 4 * H);
	assert_int_equal(ts_set_zone("UTC"), 0);
}

/* The zone may change between two conversions: the second must be in
 * the new zone, even for the same local hour as the first. */
static void test_zone_switch(void **state)
{
	(void)state;
	assert_int_equal(ts_set_zone("Europe/Berlin"), 0);
	/* 2026-12-01 00:00 CET is 2026-11-30T23:00Z */
	from_local(2026, 12, 1, 0, 0, 0, DAY(20788) - H);
	named("2026-11", CAL_MONTH, DAY(20758) - H, DAY(20788) - H);
	assert_int_equal(ts_set_zone("America/New_York"), 0);
	/* 2026-12-01 00:00 EST is 05:00Z */
	from_local(2026, 12, 1, 0, 0, 0, DAY(20788) + 5 * H);
	named("2026-11", CAL_MONTH, DAY(20758) + 4 * H, DAY(20788) + 5 * H);
	assert_int_equal(ts_set_zone("Asia/Tokyo"), 0);
	from_local(2026, 12, 1, 0, 0, 0, DAY(20788) - 9 * H);
	assert_int_equal(ts_set_zone("UTC"), 0);
	from_local(2026, 12, 1, 0, 0, 0, DAY(20788));
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
		cmocka_unit_test_teardown(test_kinds, utc),
		cmocka_unit_test_teardown(test_periods_utc, utc),
		cmocka_unit_test_teardown(test_leap_february, utc),
		cmocka_unit_test_teardown(test_year_boundaries, utc),
		cmocka_unit_test_teardown(test_year_boundaries_weeks, utc),
		cmocka_unit_test_teardown(test_before_1970, utc),
		cmocka_unit_test_teardown(test_named_utc, utc),
		cmocka_unit_test_teardown(test_named_bad, utc),
		cmocka_unit_test_teardown(test_to_local, utc),
		cmocka_unit_test_teardown(test_from_local, utc),
		cmocka_unit_test_teardown(test_from_local_west, utc),
		cmocka_unit_test_teardown(test_round_trip, utc),
		cmocka_unit_test_teardown(test_set_zone, utc),
		cmocka_unit_test_teardown(test_berlin_months, utc),
		cmocka_unit_test_teardown(test_new_york_november, utc),
		cmocka_unit_test_teardown(test_zone_switch, utc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
