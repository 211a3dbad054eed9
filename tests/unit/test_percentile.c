/* eval/percentile: nearest-rank ranks, ceil(p x n), computed in integers. */
#include "testing.h"

#include "eval/percentile.h"
#include "util/num.h"

#define P50 INT64_C(500000000)
#define P99 INT64_C(990000000)
#define P999 INT64_C(999000000)

#define rank(p, n, want) assert_true(percentile_rank((p), (n)) == (want))

static void test_empty_and_one(void **state)
{
	(void)state;
	rank(P50, 0, 0);
	rank(FRAC_ONE, 0, 0);
	rank(1, 1, 1);
	rank(P50, 1, 1);
	rank(999999999, 1, 1);
	rank(FRAC_ONE, 1, 1);
}

static void test_small(void **state)
{
	(void)state;
	rank(P50, 2, 1); /* ceil(1.0) */
	rank(P50, 3, 2); /* ceil(1.5) */
	rank(P50, 4, 2);
	rank(P50, 5, 3);
	rank(P99, 100, 99);  /* exactly 99 */
	rank(P99, 101, 100); /* ceil(99.99) */
	rank(P99, 10, 10);   /* ceil(9.9) */
	rank(250000000, 4, 1); /* p25 of 4: exactly 1 */
	rank(250000001, 4, 2); /* a hair more: ceil(1.000000004) */
}

static void test_p999(void **state)
{
	(void)state;
	rank(P999, 1000, 999);  /* exactly 999, not 1000 through a rounding 0.999 */
	rank(P999, 1001, 1000); /* ceil(999.999) */
	rank(P999, 999, 999);   /* ceil(998.001) */
	rank(P999, 2000, 1998);
}

static void test_extremes(void **state)
{
	(void)state;
	rank(FRAC_ONE, 7, 7);  /* p100 is the largest */
	rank(FRAC_ONE, 1000, 1000);
	rank(1, 10, 1);        /* ceil(10^-8) */
	rank(1, 1000000000, 1); /* exactly 1 */
	rank(1, 1000000001, 2); /* ceil(1.000000001) */
	rank(0, 10, 1);        /* p0: at least the first */
	rank(-5, 10, 1);
	rank(FRAC_ONE + 1, 10, 10);
}

static void test_huge_n(void **state)
{
	(void)state;
	/* (2^64-1) / 2 = 2^63 - 0.5 -> 2^63 */
	rank(P50, UINT64_MAX, UINT64_C(9223372036854775808));
	/* 0.999 x (2^64-1) = 18428297329635842063.385 -> ...064 */
	rank(P999, UINT64_MAX, UINT64_C(18428297329635842064));
	/* (1 - 10^-9) x (2^64-1) = 2^64-1 - 18446744073.709551615 -> ceil */
	rank(999999999, UINT64_MAX, UINT64_C(18446744055262807542));
	rank(FRAC_ONE, UINT64_MAX, UINT64_MAX);
	rank(1, UINT64_MAX, UINT64_C(18446744074)); /* ceil(18446744073.7) */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_and_one),
		cmocka_unit_test(test_small),
		cmocka_unit_test(test_p999),
		cmocka_unit_test(test_extremes),
		cmocka_unit_test(test_huge_n),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
