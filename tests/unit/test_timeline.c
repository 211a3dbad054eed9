/* eval/timeline: per-minute counters over the data's span, a day a chunk. */
#include "testing.h"

#include "eval/timeline.h"
#include "util/bytes.h"
#include "util/duration.h"

#define S INT64_C(1000000000)
/* 2026-10-01T12:00:00Z = 1790856000 s: minute 29847600 of day 20727
 * (20727 x 1440 = 29846880, + 720 minutes) */
#define T0 (INT64_C(1790856000) * S)
#define M0 INT64_C(29847600)
#define DAY0 INT64_C(20727)

static struct timeline *make(size_t slots)
{
	struct timeline *tl = timeline_new(slots);
	assert_non_null(tl);
	return tl;
}

static void test_empty(void **state)
{
	struct timeline *tl = make(2);
	int64_t first = 7, last = 7;
	(void)state;

	assert_int_equal(timeline_span(tl, &first, &last), -1);
	assert_true(first == 7 && last == 7); /* untouched */
	assert_true(timeline_sum(tl, 0, M0 - 100, M0 + 100) == 0);
	timeline_free(tl);
	timeline_free(NULL);
}

/* Adds in the same minute accumulate, per slot. */
static void test_same_minute(void **state)
{
	struct timeline *tl = make(3);
	int64_t first, last;
	(void)state;

	assert_int_equal(timeline_add(tl, T0, 0, 5), 0);
	assert_int_equal(timeline_add(tl, T0 + 59 * S, 0, 7), 0);         /* 12:00:59 */
	assert_int_equal(timeline_add(tl, T0 + 60 * S - 1, 0, 1), 0);     /* 12:00:59.999999999 */
	assert_int_equal(timeline_add(tl, T0 + 30 * S, 2, 100), 0);
	assert_int_equal(timeline_add(tl, T0 + 60 * S, 0, 1000), 0);      /* 12:01:00, the next */
	assert_true(timeline_sum(tl, 0, M0, M0 + 1) == 13);  /* 5 + 7 + 1 */
	assert_true(timeline_sum(tl, 1, M0, M0 + 1) == 0);
	assert_true(timeline_sum(tl, 2, M0, M0 + 1) == 100);
	assert_true(timeline_sum(tl, 0, M0 + 1, M0 + 2) == 1000);
	assert_true(timeline_sum(tl, 0, M0, M0 + 2) == 1013);
	assert_int_equal(timeline_span(tl, &first, &last), 0);
	assert_true(first == M0);
	assert_true(last == M0 + 1);
	timeline_free(tl);
}

/* Out of order: each record lands in its own minute; the span widens
 * both ways. */
static void test_out_of_order(void **state)
{
	struct timeline *tl = make(1);
	int64_t first, last;
	(void)state;

	assert_int_equal(timeline_add(tl, T0 + 10 * NS_PER_MIN, 0, 1), 0);
	assert_int_equal(timeline_add(tl, T0 - 5 * NS_PER_MIN, 0, 2), 0);
	assert_int_equal(timeline_add(tl, T0 + 3 * NS_PER_MIN + 1, 0, 4), 0);
	/* the day before (2026-09-30T23:59:30Z is minute M0 - 720 - 1) */
	assert_int_equal(timeline_add(tl, T0 - 12 * NS_PER_HOUR - 30 * S, 0, 8), 0);
	assert_int_equal(timeline_span(tl, &first, &last), 0);
	assert_true(first == M0 - 721);
	assert_true(last == M0 + 10);
	assert_true(timeline_sum(tl, 0, M0 - 721, M0 - 720) == 8);
	assert_true(timeline_sum(tl, 0, M0 - 5, M0 - 4) == 2);
	assert_true(timeline_sum(tl, 0, M0 + 3, M0 + 4) == 4);
	assert_true(timeline_sum(tl, 0, M0 + 10, M0 + 11) == 1);
	assert_true(timeline_sum(tl, 0, M0 - 4, M0 + 3) == 0);
	assert_true(timeline_sum(tl, 0, M0 - 1000, M0 + 1000) == 15);
	timeline_free(tl);
}

/* Days far apart: only the days touched get minutes. */
static void test_sparse(void **state)
{
	struct timeline *tl = make(2);
	int64_t first, last;
	/* 2020-01-01T00:00:00Z = 1577836800 s = minute 26297280 (day 18262) */
	const int64_t t2020 = INT64_C(1577836800) * S, m2020 = INT64_C(26297280);
	(void)state;

	assert_int_equal(timeline_add(tl, T0, 1, 3), 0);
	assert_int_equal(timeline_add(tl, t2020, 1, 4), 0);
	assert_int_equal(timeline_add(tl, t2020 + 90 * S, 0, 9), 0); /* 00:01:30 */
	assert_int_equal(timeline_span(tl, &first, &last), 0);
	assert_true(first == m2020);
	assert_true(last == M0);
	assert_true(timeline_sum(tl, 1, m2020, M0 + 1) == 7);
	assert_true(timeline_sum(tl, 0, m2020, M0 + 1) == 9);
	assert_true(timeline_sum(tl, 0, m2020 + 1, m2020 + 2) == 9);
	/* the days between hold nothing */
	assert_true(timeline_sum(tl, 1, m2020 + 1, M0) == 0);
	assert_true(timeline_sum(tl, 1, M0, M0 + 1) == 3);
	timeline_free(tl);
}

/* Before 1970 minutes floor towards the past. */
static void test_negative_times(void **state)
{
	struct timeline *tl = make(1);
	int64_t first, last;
	(void)state;

	assert_int_equal(timeline_add(tl, -1, 0, 1), 0);            /* minute -1, day -1 */
	assert_int_equal(timeline_add(tl, -60 * S, 0, 2), 0);       /* minute -1 */
	assert_int_equal(timeline_add(tl, -60 * S - 1, 0, 4), 0);   /* minute -2 */
	assert_int_equal(timeline_add(tl, 0, 0, 8), 0);             /* minute 0, day 0 */
	assert_int_equal(timeline_add(tl, -NS_PER_DAY - 1, 0, 16), 0); /* minute -1441, day -2 */
	assert_int_equal(timeline_span(tl, &first, &last), 0);
	assert_true(first == -1441);
	assert_true(last == 0);
	assert_true(timeline_sum(tl, 0, -1, 0) == 3);
	assert_true(timeline_sum(tl, 0, -2, -1) == 4);
	assert_true(timeline_sum(tl, 0, 0, 1) == 8);
	assert_true(timeline_sum(tl, 0, -1441, -1440) == 16);
	assert_true(timeline_sum(tl, 0, -2, 1) == 15);
	assert_true(timeline_sum(tl, 0, -5000, 5000) == 31);
	timeline_free(tl);
}

static void test_sum_ranges(void **state)
{
	struct timeline *tl = make(1);
	/* day 20727 (2026-10-01) starts at minute 29846880; its last minute
	 * is 29848319, the next day's first 29848320 */
	const int64_t d1 = DAY0 * 1440, d2 = (DAY0 + 1) * 1440, d3 = (DAY0 + 2) * 1440;
	(void)state;

	/* one a minute, value 1, from 23:50 of day 1 to 00:09 of day 3 */
	for (int64_t m = d2 - 10; m < d3 + 10; m++)
		assert_int_equal(timeline_add(tl, m * NS_PER_MIN + 7 * S, 0, 1), 0);
	/* across the first midnight */
	assert_true(timeline_sum(tl, 0, d2 - 1, d2 + 1) == 2);
	assert_true(timeline_sum(tl, 0, d2 - 10, d2 + 10) == 20);
	/* across both: 10 + 1440 + 10 */
	assert_true(timeline_sum(tl, 0, d2 - 10, d3 + 10) == 1460);
	assert_true(timeline_sum(tl, 0, d1, d3 + 1440) == 1460);
	/* a whole day */
	assert_true(timeline_sum(tl, 0, d2, d3) == 1440);
	/* partial: from inside the data to past its end */
	assert_true(timeline_sum(tl, 0, d3 + 5, d3 + 100) == 5);
	/* from before the data into it */
	assert_true(timeline_sum(tl, 0, d2 - 1000, d2 - 5) == 5);
	/* empty and reversed ranges */
	assert_true(timeline_sum(tl, 0, d2, d2) == 0);
	assert_true(timeline_sum(tl, 0, d2 + 5, d2) == 0);
	/* wholly before or after the data */
	assert_true(timeline_sum(tl, 0, d1 - 5000, d2 - 10) == 0);
	assert_true(timeline_sum(tl, 0, d3 + 10, d3 + 5000) == 0);
	assert_true(timeline_sum(tl, 0, d3 + 3000, d3 + 5000) == 0);
	assert_true(timeline_sum(tl, 0, d1 - 5000, d1 - 4000) == 0);
	timeline_free(tl);
}

/* The span may hold TIMELINE_MAX_DAYS days, not one more, either way. */
static void test_max_days(void **state)
{
	struct timeline *tl = make(1);
	int64_t first, last;
	(void)state;

	assert_int_equal(timeline_add(tl, 0, 0, 1), 0); /* day 0 */
	/* day TIMELINE_MAX_DAYS - 1: days 0 .. 7319, 7320 days */
	assert_int_equal(timeline_add(tl, (TIMELINE_MAX_DAYS - 1) * NS_PER_DAY, 0, 2), 0);
	/* day 7320 is a day too many */
	assert_int_equal(timeline_add(tl, TIMELINE_MAX_DAYS * NS_PER_DAY, 0, 4), -1);
	/* and so is day -1 */
	assert_int_equal(timeline_add(tl, -1, 0, 8), -1);
	/* what was there stays */
	assert_int_equal(timeline_span(tl, &first, &last), 0);
	assert_true(first == 0);
	assert_true(last == (TIMELINE_MAX_DAYS - 1) * INT64_C(1440));
	assert_true(timeline_sum(tl, 0, INT64_MIN / 2, INT64_MAX / 2) == 3);
	/* inside the span, fine */
	assert_int_equal(timeline_add(tl, 100 * NS_PER_DAY, 0, 16), 0);
	assert_true(timeline_sum(tl, 0, 0, TIMELINE_MAX_DAYS * INT64_C(1440)) == 19);
	timeline_free(tl);

	/* grown towards the past */
	tl = make(1);
	assert_int_equal(timeline_add(tl, 0, 0, 1), 0);
	assert_int_equal(timeline_add(tl, -(TIMELINE_MAX_DAYS - 1) * NS_PER_DAY, 0, 1), 0);
	assert_int_equal(timeline_add(tl, -(TIMELINE_MAX_DAYS - 1) * NS_PER_DAY - 1, 0, 1), -1);
	assert_int_equal(timeline_add(tl, NS_PER_DAY, 0, 1), -1);
	timeline_free(tl);
}

/* Decoded rows: one of zeros far away is passed over, as timeline_merge
 * passes it over, instead of stretching the span past its limit. */
static void test_decode_zero_row(void **state)
{
	struct timeline *tl = make(2);
	struct bytes b = {0};
	(void)state;

	assert_int_equal(timeline_add(tl, 0, 0, 3), 0);
	bytes_put_u64(&b, 2);
	bytes_put_i64(&b, (TIMELINE_MAX_DAYS + 5) * INT64_C(1440)); /* zeros */
	bytes_put_u64(&b, 0);
	bytes_put_u64(&b, 0);
	bytes_put_i64(&b, 1); /* minute 1: 4 and 1 */
	bytes_put_u64(&b, 4);
	bytes_put_u64(&b, 1);
	struct bytes_reader r = {b.p, b.len, 0, false};
	assert_int_equal(timeline_decode_add(tl, &r, NULL, NULL), 0);
	assert_false(r.bad);
	assert_int_equal(r.pos, b.len);
	int64_t first, last;
	assert_int_equal(timeline_span(tl, &first, &last), 0);
	assert_true(first == 0 && last == 1);
	assert_true(timeline_sum(tl, 0, INT64_MIN / 2, INT64_MAX / 2) == 7);
	assert_true(timeline_sum(tl, 1, INT64_MIN / 2, INT64_MAX / 2) == 1);
	bytes_free(&b);
	timeline_free(tl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_same_minute),
		cmocka_unit_test(test_out_of_order),
		cmocka_unit_test(test_sparse),
		cmocka_unit_test(test_negative_times),
		cmocka_unit_test(test_sum_ranges),
		cmocka_unit_test(test_max_days),
		cmocka_unit_test(test_decode_zero_row),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
