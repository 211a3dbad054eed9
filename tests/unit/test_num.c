/* util/num: checked decimal parsing and exact fixed-point formatting. */
#include "testing.h"

#include <string.h>

#include "util/num.h"

/* Parses s as a percentage; returns the error and stores the fraction. */
static enum num_err pct(const char *s, int64_t *out)
{
	*out = -12345; /* sentinel: an error must leave it alone */
	return num_parse_percent(s, out);
}

static void test_percent_good(void **state)
{
	int64_t f;
	(void)state;

	assert_int_equal(pct("99.9", &f), NUM_OK);
	assert_true(f == 999000000);
	assert_int_equal(pct("99.9%", &f), NUM_OK);
	assert_true(f == 999000000);
	assert_int_equal(pct("99.95", &f), NUM_OK);
	assert_true(f == 999500000);
	assert_int_equal(pct("50", &f), NUM_OK);
	assert_true(f == 500000000);
	assert_int_equal(pct("0.5", &f), NUM_OK);
	assert_true(f == 5000000);
	/* 7 decimals of a percent are 9 decimals of a fraction */
	assert_int_equal(pct("99.9999999", &f), NUM_OK);
	assert_true(f == 999999999);
	assert_int_equal(pct("0.0000001", &f), NUM_OK);
	assert_true(f == 1);
	/* zeros beyond the scale change nothing, so they are accepted */
	assert_int_equal(pct("99.90000000000", &f), NUM_OK);
	assert_true(f == 999000000);
	assert_int_equal(pct("099.9", &f), NUM_OK);
	assert_true(f == 999000000);
}

static void test_percent_bad(void **state)
{
	int64_t f;
	(void)state;

	assert_int_equal(pct("", &f), NUM_EMPTY);
	assert_int_equal(pct("%", &f), NUM_EMPTY);
	assert_int_equal(pct("abc", &f), NUM_SYNTAX);
	assert_int_equal(pct("99.9.9", &f), NUM_SYNTAX);
	assert_int_equal(pct("-1", &f), NUM_SYNTAX);
	assert_int_equal(pct("+5", &f), NUM_SYNTAX);
	assert_int_equal(pct("1e3", &f), NUM_SYNTAX);
	assert_int_equal(pct("nan", &f), NUM_SYNTAX);
	assert_int_equal(pct("inf", &f), NUM_SYNTAX);
	assert_int_equal(pct(" 99", &f), NUM_SYNTAX);
	assert_int_equal(pct("99 ", &f), NUM_SYNTAX);
	assert_int_equal(pct("99 %", &f), NUM_SYNTAX);
	assert_int_equal(pct("99%%", &f), NUM_SYNTAX);
	assert_int_equal(pct(".", &f), NUM_SYNTAX);
	assert_int_equal(pct("99,9", &f), NUM_SYNTAX);
	/* strictly between 0 and 100 */
	assert_int_equal(pct("0", &f), NUM_RANGE);
	assert_int_equal(pct("0.0000000", &f), NUM_RANGE);
	assert_int_equal(pct("100", &f), NUM_RANGE);
	assert_int_equal(pct("100.0", &f), NUM_RANGE);
	assert_int_equal(pct("100%", &f), NUM_RANGE);
	assert_int_equal(pct("101", &f), NUM_RANGE);
	assert_int_equal(pct("99999999999999999999", &f), NUM_RANGE);
	/* 8 decimals of a percent cannot be held in billionths */
	assert_int_equal(pct("99.99999999", &f), NUM_PRECISION);
	assert_int_equal(pct("99.99999990", &f), NUM_OK); /* last one a zero */
	f = -12345;
	assert_int_equal(pct("abc", &f), NUM_SYNTAX);
	assert_true(f == -12345);
}

static void test_parse_scaled(void **state)
{
	int64_t v;
	(void)state;

	assert_int_equal(num_parse_scaled("12.5", 4, 3, &v), NUM_OK);
	assert_true(v == 12500);
	assert_int_equal(num_parse_scaled("7", 1, 0, &v), NUM_OK);
	assert_true(v == 7);
	assert_int_equal(num_parse_scaled("0.000000001", 11, 9, &v), NUM_OK);
	assert_true(v == 1);
	/* only len bytes are read: "12.5" of "12.5xyz" */
	assert_int_equal(num_parse_scaled("12.5xyz", 4, 1, &v), NUM_OK);
	assert_true(v == 125);
	assert_int_equal(num_parse_scaled("1.25", 4, 1, &v), NUM_PRECISION);
	assert_int_equal(num_parse_scaled("1.20", 4, 1, &v), NUM_OK);
	assert_true(v == 12);
	assert_int_equal(num_parse_scaled("", 0, 3, &v), NUM_EMPTY);
	assert_int_equal(num_parse_scaled("-1", 2, 3, &v), NUM_SYNTAX);
	assert_int_equal(num_parse_scaled("1e3", 3, 3, &v), NUM_SYNTAX);
	/* INT64_MAX = 9223372036854775807 is the largest */
	assert_int_equal(num_parse_scaled("9223372036854775807", 19, 0, &v), NUM_OK);
	assert_true(v == INT64_MAX);
	assert_int_equal(num_parse_scaled("9223372036854775808", 19, 0, &v), NUM_RANGE);
	assert_int_equal(num_parse_scaled("9223372036.854775807", 20, 9, &v), NUM_OK);
	assert_true(v == INT64_MAX);
	assert_int_equal(num_parse_scaled("9223372036.854775808", 20, 9, &v), NUM_RANGE);
	/* the scaling, not the digits, overflows: 9223372037 x 10^9 */
	assert_int_equal(num_parse_scaled("9223372037", 10, 9, &v), NUM_RANGE);
	/* leading zeros are not digits that overflow */
	assert_int_equal(num_parse_scaled("000000000000000000000000001", 27, 0, &v), NUM_OK);
	assert_true(v == 1);
}

static void test_parse_u64(void **state)
{
	uint64_t v;
	(void)state;

	assert_int_equal(num_parse_u64("0", 1, &v), NUM_OK);
	assert_true(v == 0);
	assert_int_equal(num_parse_u64("42", 2, &v), NUM_OK);
	assert_true(v == 42);
	assert_int_equal(num_parse_u64("18446744073709551615", 20, &v), NUM_OK);
	assert_true(v == UINT64_MAX);
	assert_int_equal(num_parse_u64("18446744073709551616", 20, &v), NUM_RANGE);
	assert_int_equal(num_parse_u64("99999999999999999999", 20, &v), NUM_RANGE);
	assert_int_equal(num_parse_u64("", 0, &v), NUM_EMPTY);
	assert_int_equal(num_parse_u64("-1", 2, &v), NUM_SYNTAX);
	assert_int_equal(num_parse_u64("+1", 2, &v), NUM_SYNTAX);
	assert_int_equal(num_parse_u64("1.0", 3, &v), NUM_SYNTAX);
	assert_int_equal(num_parse_u64(" 1", 2, &v), NUM_SYNTAX);
	assert_int_equal(num_parse_u64("1 ", 2, &v), NUM_SYNTAX);
	assert_int_equal(num_parse_u64("0x10", 4, &v), NUM_SYNTAX);
}

/* num_parse_times on a whole string; an error leaves *out alone. */
static enum num_err times(const char *s, int64_t unit, int64_t *out)
{
	*out = -12345;
	return num_parse_times(s, strlen(s), unit, out);
}

#define TIMES_OK(s, unit, want)                                                \
	do {                                                                   \
		int64_t v_;                                                    \
		enum num_err e_ = times((s), (unit), &v_);                     \
		if (e_ != NUM_OK || v_ != (want))                              \
			fail_msg("num_parse_times(\"%s\", %lld) = %d, %lld; want %lld", (s), \
				 (long long)(unit), (int)e_, (long long)v_, (long long)(want)); \
	} while (0)
#define TIMES_BAD(s, unit, want)                                               \
	do {                                                                   \
		int64_t v_;                                                    \
		enum num_err e_ = times((s), (unit), &v_);                     \
		if (e_ != (want) || v_ != -12345)                              \
			fail_msg("num_parse_times(\"%s\") = %d, %lld; want error %d", (s), \
				 (int)e_, (long long)v_, (int)(want));         \
	} while (0)

#define HOUR_NS INT64_C(3600000000000)

static void test_parse_times(void **state)
{
	int64_t v;
	(void)state;

	TIMES_OK("1.5", HOUR_NS, INT64_C(5400000000000));
	TIMES_OK("0.123", INT64_C(1000000000), INT64_C(123000000));
	TIMES_OK("30", INT64_C(86400000000000), INT64_C(2592000000000000));
	TIMES_OK("0", HOUR_NS, 0);
	/* 10^10 x 1: the whole part is not scaled by 10^9 first */
	TIMES_OK("10000000000", 1, INT64_C(10000000000));
	/* the fraction of the unit rounds half up */
	TIMES_OK("0.5", 1, 1);
	TIMES_OK("2.5", 1, 3);
	TIMES_OK("0.4", 1, 0);
	TIMES_OK("1.999999999", 1, 2);
	TIMES_OK("0.0005", 1000, 1);    /* 0.5 ns */
	TIMES_OK("0.000499", 1000, 0);  /* 0.499 ns */
	TIMES_OK("0.25", 2, 1);         /* 0.5 */
	TIMES_OK("0.000721", INT64_C(1000000000), 721000);
	/* at most 9 decimals; zeros past them are harmless */
	TIMES_OK("0.123456789", INT64_C(1000000000), 123456789);
	TIMES_OK("0.1234567890000", INT64_C(1000000000), 123456789);
	TIMES_OK("1.5000000000", 1, 2);
	TIMES_BAD("1.0000000001", 1, NUM_PRECISION);
	TIMES_BAD("0.1234567891", INT64_C(1000000000), NUM_PRECISION);
	/* the largest result, and one past it */
	TIMES_OK("9223372036854775807", 1, INT64_MAX);
	TIMES_BAD("9223372036854775808", 1, NUM_RANGE);
	TIMES_OK("9223372036.854775807", INT64_C(1000000000), INT64_MAX);
	TIMES_BAD("9223372036.854775808", INT64_C(1000000000), NUM_RANGE);
	TIMES_BAD("10000000000", INT64_C(1000000000), NUM_RANGE); /* 10^19 */
	TIMES_BAD("99999999999999999999", 1, NUM_RANGE);          /* not even a uint64 */
	TIMES_BAD("2562048", HOUR_NS, NUM_RANGE);                 /* 9.2234e18 + */
	TIMES_OK("2562047", HOUR_NS, INT64_C(9223369200000000000));
	/* as num_parse_scaled: a side of the point may be empty, not both */
	TIMES_OK("1.", HOUR_NS, HOUR_NS);
	TIMES_OK(".5", HOUR_NS, HOUR_NS / 2);
	TIMES_BAD(".", 1, NUM_SYNTAX);
	TIMES_BAD("", 1, NUM_EMPTY);
	TIMES_BAD("-1", 1, NUM_SYNTAX);
	TIMES_BAD("+1", 1, NUM_SYNTAX);
	TIMES_BAD("1e3", 1, NUM_SYNTAX);
	TIMES_BAD("1.5e3", 1, NUM_SYNTAX);
	TIMES_BAD(" 1", 1, NUM_SYNTAX);
	TIMES_BAD("1 ", 1, NUM_SYNTAX);
	TIMES_BAD("1.2.3", 1, NUM_SYNTAX);
	TIMES_BAD("1.5x", 1, NUM_SYNTAX);
	TIMES_BAD("1..5", 1, NUM_SYNTAX);
	TIMES_BAD("nan", 1, NUM_SYNTAX);
	TIMES_BAD("inf", 1, NUM_SYNTAX);
	TIMES_BAD("0x10", 1, NUM_SYNTAX);
	/* only len bytes are read */
	assert_int_equal(num_parse_times("1.5xyz", 3, 2, &v), NUM_OK);
	assert_true(v == 3);
}

static void test_format_percent(void **state)
{
	char buf[64];
	(void)state;

	assert_string_equal(num_format_percent(999500000, buf, sizeof buf), "99.95");
	assert_string_equal(num_format_percent(999000000, buf, sizeof buf), "99.9");
	assert_string_equal(num_format_percent(FRAC_ONE, buf, sizeof buf), "100");
	assert_string_equal(num_format_percent(0, buf, sizeof buf), "0");
	assert_string_equal(num_format_percent(1, buf, sizeof buf), "0.0000001");
	assert_string_equal(num_format_percent(999999999, buf, sizeof buf), "99.9999999");
	assert_string_equal(num_format_percent(-32000000, buf, sizeof buf), "-3.2");
	/* 2.5 budgets overspent: remaining -150 % */
	assert_string_equal(num_format_percent(-1500000000, buf, sizeof buf), "-150");
}

static void test_format_scaled(void **state)
{
	char buf[64];
	(void)state;

	assert_string_equal(num_format_scaled(4464, 2, buf, sizeof buf), "44.64");
	assert_string_equal(num_format_scaled(3000, 3, buf, sizeof buf), "3");
	assert_string_equal(num_format_scaled(1, 6, buf, sizeof buf), "0.000001");
	assert_string_equal(num_format_scaled(0, 9, buf, sizeof buf), "0");
	assert_string_equal(num_format_scaled(7, 0, buf, sizeof buf), "7");
	assert_string_equal(num_format_scaled(-5, 1, buf, sizeof buf), "-0.5");
	assert_string_equal(num_format_scaled(-40, 1, buf, sizeof buf), "-4");
	assert_string_equal(num_format_scaled(INT64_MIN, 9, buf, sizeof buf),
			    "-9223372036.854775808");
	/* beyond int64: 10^19 x 10^18 / 10^18 */
	assert_string_equal(num_format_scaled((i128)INT64_C(1000000000000000000) * 10 *
						      INT64_C(1000000000000000000),
					      18, buf, sizeof buf),
			    "10000000000000000000");
	assert_string_equal(num_format_scaled(INT64_C(1000000000000000001), 18, buf, sizeof buf),
			    "1.000000000000000001");
	/* a short buffer is truncated, still terminated */
	char small[4];
	assert_string_equal(num_format_scaled(123456, 0, small, sizeof small), "123");
}

/* num_digits against the obvious byte loop: every length to 22, with each
 * byte that borders the digits ('/' ':' and bytes with bit 7 set, which
 * the eight-at-a-time check must not take for digits) at every place. */
static size_t digits_slowly(const char *s, size_t len, uint64_t *v)
{
	size_t i = 0;
	*v = 0;
	while (i < len && i < 19 && s[i] >= '0' && s[i] <= '9')
		*v = *v * 10 + (uint64_t)(s[i++] - '0');
	return i;
}

static void test_digits(void **state)
{
	static const char odd[] = {'/', ':', ' ', '.', '\0', (char)0x80, (char)0xb0, (char)0xff,
				    (char)0xb9, 'a'};
	char buf[24];
	(void)state;
	for (size_t len = 0; len <= 22; len++) {
		for (size_t i = 0; i < len; i++)
			buf[i] = (char)('0' + (i * 7 + len) % 10);
		for (size_t at = 0; at <= len; at++) {
			for (size_t k = 0; k < sizeof odd; k++) {
				char save = at < len ? buf[at] : 0;
				if (at < len)
					buf[at] = odd[k];
				uint64_t v, w;
				size_t n = num_digits(buf, len, &v);
				assert_int_equal(n, digits_slowly(buf, len, &w));
				assert_true(v == w);
				if (at < len)
					buf[at] = save;
			}
		}
	}
	uint64_t v;
	assert_int_equal(num_digits("9999999999999999999", 19, &v), 19);
	assert_true(v == UINT64_C(9999999999999999999));
	assert_int_equal(num_digits("12345678901234567890", 20, &v), 19); /* no more */
	assert_true(v == UINT64_C(1234567890123456789));
	assert_int_equal(num_digits("00000000", 8, &v), 8);
	assert_true(v == 0);
	assert_int_equal(num_digits("1790812800015", 13, &v), 13);
	assert_true(v == UINT64_C(1790812800015));
}

static void test_strerror(void **state)
{
	(void)state;
	assert_string_equal(num_strerror(NUM_OK), "ok");
	assert_string_equal(num_strerror(NUM_EMPTY), "empty");
	assert_string_equal(num_strerror(NUM_SYNTAX), "not a number");
	assert_string_equal(num_strerror(NUM_RANGE), "out of range");
	assert_string_equal(num_strerror(NUM_PRECISION), "too precise");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_percent_good),
		cmocka_unit_test(test_percent_bad),
		cmocka_unit_test(test_parse_scaled),
		cmocka_unit_test(test_parse_u64),
		cmocka_unit_test(test_parse_times),
		cmocka_unit_test(test_format_percent),
		cmocka_unit_test(test_format_scaled),
		cmocka_unit_test(test_digits),
		cmocka_unit_test(test_strerror),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
