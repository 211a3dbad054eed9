/* eval/sketch and eval/exact_pct: the bucket mapping checked bucket by
 * bucket, quantiles against the exact nearest-rank value (sorted here) on
 * skewed, bimodal, constant, tiny, wide and zero-laden inputs, merge,
 * subtract, the encoding and its rejection of corrupt bytes, memory. */
#include "testing.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "eval/exact_pct.h"
#include "eval/percentile.h"
#include "eval/sketch.h"
#include "util/num.h"

#define MS INT64_C(1000000)
#define P50 INT64_C(500000000)
#define P90 INT64_C(900000000)
#define P95 INT64_C(950000000)
#define P99 INT64_C(990000000)
#define P999 INT64_C(999000000)

static const int64_t ps[] = {1, INT64_C(100000000), P50, P90, P95, P99, P999, FRAC_ONE};
#define NPS (sizeof ps / sizeof ps[0])

/* splitmix64: a fixed-seed generator, so every run sees the same data */
static uint64_t rng_state;

static uint64_t rng(void)
{
	uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* uniform in (0, 1) */
static double uniform(void)
{
	return ((double)(rng() >> 11) + 0.5) / 9007199254740992.0;
}

static double normal(void)
{
	return sqrt(-2 * log(uniform())) * cos(6.283185307179586 * uniform());
}

static int64_t to_ns(double x)
{
	return x < 0 ? 0 : x > 1e15 ? INT64_C(1000000000000000) : (int64_t)x;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* |got - want| <= want / 1025: the header's promise, tighter than SPEC's
 * 0.1 % */
static int close_enough(int64_t got, int64_t want)
{
	u128 diff = got > want ? (u128)(got - want) : (u128)(want - got);
	return diff * SKETCH_ALPHA_DEN <= (u128)want;
}

static struct sketch *sketch_of(const int64_t *v, size_t n)
{
	struct sketch *s = sketch_new();
	assert_non_null(s);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(sketch_add(s, v[i]), 0);
	return s;
}

/* Feeds v to a sketch and an exact collector and checks every quantile
 * of ps against the sorted values: exact_pct equal, the sketch within
 * 1/1025 and within [min, max]; min and max exact. */
static void check_quantiles(const int64_t *v, size_t n)
{
	struct sketch *s = sketch_of(v, n);
	struct exact_pct *e = exact_pct_new();
	assert_non_null(e);
	int64_t *sorted = malloc(n * sizeof *sorted);
	assert_non_null(sorted);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(exact_pct_add(e, v[i]), 0);
		sorted[i] = v[i] < 0 ? 0 : v[i];
	}
	qsort(sorted, n, sizeof *sorted, cmp_i64);
	assert_true(sketch_count(s) == n);
	assert_true(exact_pct_count(e) == n);
	assert_true(sketch_min(s) == sorted[0]);
	assert_true(sketch_max(s) == sorted[n - 1]);
	for (size_t k = 0; k < NPS; k++) {
		int64_t want = sorted[percentile_rank(ps[k], n) - 1];
		int64_t got = sketch_quantile(s, ps[k]);
		if (!close_enough(got, want) || got < sorted[0] || got > sorted[n - 1])
			fail_msg("n %zu p %lld: sketch %lld, exact %lld", n, (long long)ps[k],
				 (long long)got, (long long)want);
		assert_true(exact_pct_quantile(e, ps[k]) == want);
	}
	free(sorted);
	exact_pct_free(e);
	sketch_free(s);
}

/* ---- the mapping ---- */

static void test_mapping_by_hand(void **state)
{
	(void)state;
	assert_int_equal(sketch_bucket_index(0), 0);
	assert_int_equal(sketch_bucket_index(-7), 0);
	assert_int_equal(sketch_bucket_index(1), 1);
	assert_int_equal(sketch_bucket_index(1023), 1023); /* exact below 1024 */
	assert_int_equal(sketch_bucket_index(1024), 1024); /* [1024, 1025] */
	assert_int_equal(sketch_bucket_index(1025), 1024);
	assert_int_equal(sketch_bucket_index(1026), 1025);
	assert_int_equal(sketch_bucket_index(2047), 1535);
	assert_int_equal(sketch_bucket_index(2048), 1536); /* [2048, 2051] */
	assert_int_equal(sketch_bucket_index(2051), 1536);
	assert_int_equal(sketch_bucket_index(2052), 1537);
	/* 7000 = 875 x 8: octave 12, shift 3: 3 x 512 + 875 */
	assert_int_equal(sketch_bucket_index(7000), 2411);
	assert_int_equal(sketch_bucket_lower(2411), 7000);
	assert_int_equal(sketch_bucket_upper(2411), 7007);
	assert_int_equal(sketch_bucket_index(INT64_MAX), SKETCH_BUCKETS - 1);
	assert_true(sketch_bucket_upper(SKETCH_BUCKETS - 1) == INT64_MAX);
	assert_true(sketch_bucket_lower(SKETCH_BUCKETS - 1) == INT64_C(1023) << 53);
	/* the worst bucket: [1024, 1025] reported as 1024, off by 1/1025 */
	assert_int_equal(sketch_bucket_value(1024), 1024);
	/* [2048, 2051]: 2ab/(a+b) = 2049.5; 2049 is 1/2048 above a and 2/2051
	 * below b, 2050 is 2/2048 above a: 2049 */
	assert_int_equal(sketch_bucket_value(1536), 2049);
	assert_int_equal(sketch_bucket_value(7), 7);
}

/* Every bucket: contiguous, the mapping agrees with its bounds, and its
 * reported value is within 1/1025 of both ends (so of every value in
 * it); and 1/1025 is reached, so the constant is not loose. */
static void test_mapping_every_bucket(void **state)
{
	(void)state;
	int tight = 0;
	for (size_t i = 0; i < SKETCH_BUCKETS; i++) {
		int64_t a = sketch_bucket_lower(i), b = sketch_bucket_upper(i);
		int64_t r = sketch_bucket_value(i);
		assert_true(a >= 0 && a <= b);
		if (i > 0) {
			assert_true(a == sketch_bucket_upper(i - 1) + 1);
			assert_int_equal(sketch_bucket_index(a - 1), i - 1);
		}
		assert_int_equal(sketch_bucket_index(a), i);
		assert_int_equal(sketch_bucket_index(b), i);
		assert_int_equal(sketch_bucket_index(a + (b - a) / 2), i);
		assert_true(r >= a && r <= b);
		u128 up = (u128)(r - a) * SKETCH_ALPHA_DEN, down = (u128)(b - r) * SKETCH_ALPHA_DEN;
		assert_true(up <= (u128)a && down <= (u128)b);
		/* SPEC: 0.1 % */
		assert_true((u128)(r - a) * 1000 <= (u128)a && (u128)(b - r) * 1000 <= (u128)b);
		tight |= up == (u128)a || down == (u128)b;
	}
	assert_true(tight);
	assert_true(sketch_bucket_upper(SKETCH_BUCKETS - 1) == INT64_MAX);
}

/* ---- quantiles against exact ---- */

static void test_empty(void **state)
{
	(void)state;
	struct sketch *s = sketch_new();
	assert_non_null(s);
	assert_true(sketch_count(s) == 0);
	assert_true(sketch_quantile(s, P50) == -1);
	assert_true(sketch_quantile(s, FRAC_ONE) == -1);
	assert_true(sketch_min(s) == -1 && sketch_max(s) == -1);
	assert_true(sketch_memory(s) < 64); /* nothing allocated yet */
	unsigned char buf[4];
	assert_int_equal(sketch_encode(s, buf, sizeof buf), 1);
	assert_int_equal(buf[0], 0);
	struct sketch *t = sketch_new();
	assert_non_null(t);
	assert_int_equal(sketch_merge(s, t), 0);
	assert_int_equal(sketch_subtract(s, t), 0);
	assert_int_equal(sketch_add_n(s, 5, 0), 0); /* n = 0: nothing, min untouched */
	assert_true(sketch_equal(s, t));
	assert_true(sketch_min(s) == -1);
	sketch_free(t);
	sketch_free(s);
	sketch_free(NULL);

	struct exact_pct *e = exact_pct_new();
	assert_non_null(e);
	assert_true(exact_pct_quantile(e, P50) == -1);
	assert_true(exact_pct_count(e) == 0);
	exact_pct_free(e);
	exact_pct_free(NULL);
}

static void test_tiny(void **state)
{
	(void)state;
	/* n = 1: every quantile is the value, exactly (clamped to min = max) */
	int64_t one[] = {5 * MS + 1};
	struct sketch *s = sketch_of(one, 1);
	for (size_t k = 0; k < NPS; k++)
		assert_true(sketch_quantile(s, ps[k]) == 5 * MS + 1);
	sketch_free(s);
	check_quantiles(one, 1);

	/* n = 2: p50 is the 1st (ceil 1.0), p90 up the 2nd */
	int64_t two[] = {3000, 1000};
	s = sketch_of(two, 2);
	assert_true(sketch_quantile(s, P50) == 1000); /* own bucket below 1024 */
	assert_true(sketch_quantile(s, P90) == 3000); /* [3000, 3003], clamped to max */
	sketch_free(s);
	check_quantiles(two, 2);

	/* n = 3: p50 is the 2nd (ceil 1.5) */
	int64_t three[] = {900 * MS, 2 * MS, 40 * MS};
	s = sketch_of(three, 3);
	assert_true(close_enough(sketch_quantile(s, P50), 40 * MS));
	assert_true(sketch_quantile(s, 1) == 2 * MS);
	assert_true(sketch_quantile(s, P999) == 900 * MS);
	sketch_free(s);
	check_quantiles(three, 3);

	/* n = 10: ranks 5, 9, 10, 10, 10 for p50, p90, p95, p99, p99.9 */
	int64_t ten[] = {70, 10, 100, 40, 20, 90, 60, 30, 80, 50};
	for (size_t i = 0; i < 10; i++)
		ten[i] *= MS;
	s = sketch_of(ten, 10);
	struct exact_pct *e = exact_pct_new();
	assert_non_null(e);
	for (size_t i = 0; i < 10; i++)
		assert_int_equal(exact_pct_add(e, ten[i]), 0);
	assert_true(exact_pct_quantile(e, P50) == 50 * MS);
	assert_true(exact_pct_quantile(e, P90) == 90 * MS);
	assert_true(exact_pct_quantile(e, P95) == 100 * MS);
	assert_true(exact_pct_quantile(e, P999) == 100 * MS);
	assert_true(exact_pct_quantile(e, 1) == 10 * MS);
	assert_true(close_enough(sketch_quantile(s, P50), 50 * MS));
	assert_true(close_enough(sketch_quantile(s, P90), 90 * MS));
	/* rank 9 must not be taken for rank 10 or 8 */
	assert_false(close_enough(sketch_quantile(s, P90), 100 * MS));
	assert_false(close_enough(sketch_quantile(s, P90), 80 * MS));
	assert_true(sketch_quantile(s, P95) == 100 * MS); /* the max, exact */
	assert_true(sketch_quantile(s, P99) == 100 * MS);
	assert_true(sketch_quantile(s, P999) == 100 * MS);
	exact_pct_free(e);
	sketch_free(s);
	check_quantiles(ten, 10);
}

static void test_constant(void **state)
{
	(void)state;
	enum { N = 5000 };
	static int64_t v[N];
	for (size_t i = 0; i < N; i++)
		v[i] = 123456789;
	struct sketch *s = sketch_of(v, N);
	/* every quantile is the value itself: clamped to min = max */
	for (size_t k = 0; k < NPS; k++)
		assert_true(sketch_quantile(s, ps[k]) == 123456789);
	sketch_free(s);
	check_quantiles(v, N);
}

static void test_lognormal(void **state)
{
	(void)state;
	enum { N = 200000 };
	int64_t *v = malloc(N * sizeof *v);
	assert_non_null(v);
	rng_state = 1;
	/* median 50 ms, sigma 1.5: p99.9 near 5 s */
	for (size_t i = 0; i < N; i++)
		v[i] = to_ns(exp(log(50e6) + 1.5 * normal()));
	check_quantiles(v, N);
	check_quantiles(v, 1001); /* p99.9 of 1001 is the 1000th */
	check_quantiles(v, 999);
	free(v);
}

static void test_pareto(void **state)
{
	(void)state;
	enum { N = 200000 };
	int64_t *v = malloc(N * sizeof *v);
	assert_non_null(v);
	rng_state = 2;
	/* 1 ms and up, shape 1.1: a tail reaching seconds and beyond */
	for (size_t i = 0; i < N; i++)
		v[i] = to_ns(1e6 * pow(uniform(), -1 / 1.1));
	check_quantiles(v, N);
	free(v);
}

static void test_bimodal(void **state)
{
	(void)state;
	enum { N = 100000 };
	int64_t *v = malloc(N * sizeof *v);
	assert_non_null(v);
	rng_state = 3;
	/* 96 % near 2 ms, 4 % near 900 ms: p95 in the first cluster, p99 in
	 * the second */
	for (size_t i = 0; i < N; i++)
		v[i] = rng() % 100 < 96 ? to_ns(2e6 + 1e5 * normal()) : to_ns(900e6 + 5e6 * normal());
	struct sketch *s = sketch_of(v, N);
	assert_true(sketch_quantile(s, P95) < 3 * MS);
	assert_true(sketch_quantile(s, P99) > 800 * MS);
	sketch_free(s);
	check_quantiles(v, N);
	free(v);
}

static void test_wide_range(void **state)
{
	(void)state;
	enum { N = 50000 };
	int64_t *v = malloc(N * sizeof *v);
	assert_non_null(v);
	rng_state = 4;
	/* every power of ten from 1 ns to 10^15 ns, then log-uniform between */
	int64_t p10 = 1;
	for (size_t i = 0; i < 16; i++, p10 *= 10)
		v[i] = p10;
	for (size_t i = 16; i < N; i++)
		v[i] = to_ns(pow(10, 15 * uniform()));
	check_quantiles(v, 16);
	check_quantiles(v, N);
	free(v);
}

static void test_zeros(void **state)
{
	(void)state;
	enum { N = 20000 };
	int64_t *v = malloc(N * sizeof *v);
	assert_non_null(v);
	rng_state = 5;
	/* 30 % zeros (and a few negatives, counted as zeros): p10 and p25
	 * are 0, exactly */
	for (size_t i = 0; i < N; i++)
		v[i] = rng() % 10 < 3 ? (i % 7 == 0 ? -5 : 0) : to_ns(exp(log(1e6) + normal()));
	struct sketch *s = sketch_of(v, N);
	assert_true(sketch_quantile(s, INT64_C(100000000)) == 0);
	assert_true(sketch_quantile(s, INT64_C(250000000)) == 0);
	assert_true(sketch_quantile(s, P50) > 0);
	assert_true(sketch_min(s) == 0);
	sketch_free(s);
	check_quantiles(v, N);
	free(v);
}

/* ---- merge, subtract ---- */

static int64_t *random_values(size_t n, uint64_t seed)
{
	int64_t *v = malloc(n * sizeof *v);
	assert_non_null(v);
	rng_state = seed;
	for (size_t i = 0; i < n; i++)
		v[i] = i % 50 == 0 ? 0 : to_ns(exp(log(20e6) + 2 * normal()));
	return v;
}

static void test_merge_four_parts(void **state)
{
	(void)state;
	enum { N = 40000 };
	int64_t *v = random_values(N, 6);
	struct sketch *whole = sketch_of(v, N), *merged = sketch_new(), *part[4];
	assert_non_null(merged);
	/* unequal shards with different ranges, as files split by time are */
	size_t cut[5] = {0, 1000, 15000, 15001, N};
	for (size_t k = 0; k < 4; k++)
		part[k] = sketch_of(v + cut[k], cut[k + 1] - cut[k]);
	/* merged in an order unlike the input's */
	assert_int_equal(sketch_merge(merged, part[2]), 0);
	assert_int_equal(sketch_merge(merged, part[0]), 0);
	assert_int_equal(sketch_merge(merged, part[3]), 0);
	assert_false(sketch_equal(merged, whole)); /* part 1 still missing */
	assert_int_equal(sketch_merge(merged, part[1]), 0);
	assert_true(sketch_equal(merged, whole));
	assert_true(sketch_count(merged) == N);
	for (size_t k = 0; k < NPS; k++)
		assert_true(sketch_quantile(merged, ps[k]) == sketch_quantile(whole, ps[k]));
	/* bucket for bucket: the same bytes */
	size_t n1 = sketch_encode(whole, NULL, 0), n2 = sketch_encode(merged, NULL, 0);
	assert_int_equal(n1, n2);
	unsigned char *b1 = malloc(n1), *b2 = malloc(n2);
	assert_non_null(b1);
	assert_non_null(b2);
	sketch_encode(whole, b1, n1);
	sketch_encode(merged, b2, n2);
	assert_memory_equal(b1, b2, n1);
	free(b1);
	free(b2);
	for (size_t k = 0; k < 4; k++)
		sketch_free(part[k]);
	sketch_free(merged);
	sketch_free(whole);
	free(v);
}

static void test_subtract(void **state)
{
	(void)state;
	/* by hand: {1000, 5000, 7000} + {100, 9000000} - {100, 9000000} */
	int64_t av[] = {1000, 5000, 7000}, bv[] = {100, 9 * MS};
	struct sketch *a = sketch_of(av, 3), *b = sketch_of(bv, 2), *orig = sketch_of(av, 3);
	assert_int_equal(sketch_merge(a, b), 0);
	assert_true(sketch_min(a) == 100 && sketch_max(a) == 9 * MS);
	assert_int_equal(sketch_subtract(a, b), 0);
	assert_true(sketch_count(a) == 3);
	/* min: the bucket of 1000 is [1000, 1000]: exact again; max: the
	 * bucket of 7000, [7000, 7007], all below the old max 9 ms, so its
	 * representative, 7003 (2ab/(a+b) = 7003.498: 7003 is 3/7000 above a
	 * and 4/7007 below b, 7004 4/7000 above a) */
	assert_true(sketch_min(a) == 1000);
	assert_true(sketch_max(a) == 7003);
	assert_true(close_enough(sketch_max(a), 7000));
	assert_true(sketch_quantile(a, P50) == sketch_quantile(orig, P50));
	assert_true(close_enough(sketch_quantile(a, FRAC_ONE), 7000));
	assert_true(sketch_quantile(a, 1) == 1000);

	/* not a sub-multiset: refused, nothing changed */
	int64_t cv[] = {5000, 5000};
	struct sketch *c = sketch_of(cv, 2), *copy = sketch_new();
	assert_non_null(copy);
	assert_int_equal(sketch_merge(copy, a), 0);
	assert_int_equal(sketch_subtract(a, c), SKETCH_EINVAL);
	assert_true(sketch_equal(a, copy));
	assert_int_equal(sketch_subtract(a, b), SKETCH_EINVAL); /* b is gone already */
	assert_true(sketch_equal(a, copy));

	/* everything: as new */
	assert_int_equal(sketch_subtract(a, orig), 0);
	assert_true(sketch_count(a) == 0);
	assert_true(sketch_quantile(a, P50) == -1);
	assert_true(sketch_min(a) == -1 && sketch_max(a) == -1);
	struct sketch *fresh = sketch_new();
	assert_non_null(fresh);
	assert_true(sketch_equal(a, fresh));
	sketch_free(fresh);
	sketch_free(a);
	sketch_free(b);
	sketch_free(c);
	sketch_free(copy);
	sketch_free(orig);
}

/* The offset past the first `count` varints of an encoding. */
static size_t skip_varints(const unsigned char *b, size_t count)
{
	size_t pos = 0;
	while (count--)
		while (b[pos++] & 0x80)
			;
	return pos;
}

/* A sliding window: parts come in and the oldest go out; the window's
 * sketch matches one built from the parts it holds, bucket for bucket,
 * and its quantiles keep the bound against the exact values. */
static void test_subtract_undoes_merge(void **state)
{
	(void)state;
	enum { N = 30000, PARTS = 6 };
	int64_t *v = random_values(N, 7);
	struct sketch *part[PARTS], *win = sketch_new();
	assert_non_null(win);
	for (size_t k = 0; k < PARTS; k++)
		part[k] = sketch_of(v + k * (N / PARTS), N / PARTS);
	for (size_t k = 0; k < PARTS; k++) {
		assert_int_equal(sketch_merge(win, part[k]), 0);
		if (k >= 2)
			assert_int_equal(sketch_subtract(win, part[k - 2]), 0);
	}
	/* holds parts 4 and 5 */
	struct sketch *want = sketch_new();
	assert_non_null(want);
	assert_int_equal(sketch_merge(want, part[4]), 0);
	assert_int_equal(sketch_merge(want, part[5]), 0);
	assert_true(sketch_count(win) == sketch_count(want));
	/* the same buckets: the encodings differ at most in min and max */
	assert_true(close_enough(sketch_min(win), sketch_min(want)));
	assert_true(close_enough(sketch_max(win), sketch_max(want)));
	int64_t *sorted = malloc(2 * (N / PARTS) * sizeof *sorted);
	assert_non_null(sorted);
	memcpy(sorted, v + 4 * (N / PARTS), 2 * (N / PARTS) * sizeof *sorted);
	qsort(sorted, 2 * (N / PARTS), sizeof *sorted, cmp_i64);
	for (size_t k = 0; k < NPS; k++) {
		int64_t exact = sorted[percentile_rank(ps[k], 2 * (N / PARTS)) - 1];
		assert_true(close_enough(sketch_quantile(win, ps[k]), exact));
	}
	/* bucket for bucket: the encodings past n, min and max are the same */
	unsigned char b1[SKETCH_ENCODED_MAX / 8], b2[SKETCH_ENCODED_MAX / 8];
	size_t n1 = sketch_encode(win, b1, sizeof b1), n2 = sketch_encode(want, b2, sizeof b2);
	assert_true(n1 <= sizeof b1 && n2 <= sizeof b2);
	size_t o1 = skip_varints(b1, 3), o2 = skip_varints(b2, 3);
	assert_int_equal(n1 - o1, n2 - o2);
	assert_memory_equal(b1 + o1, b2 + o2, n1 - o1);
	assert_memory_equal(b1, b2, skip_varints(b1, 1)); /* n */
	free(sorted);
	for (size_t k = 0; k < PARTS; k++)
		sketch_free(part[k]);
	sketch_free(want);
	sketch_free(win);
	free(v);
}

static void test_overflow(void **state)
{
	(void)state;
	struct sketch *s = sketch_new(), *t = sketch_new();
	assert_non_null(s);
	assert_non_null(t);
	assert_int_equal(sketch_add_n(s, 7 * MS, UINT64_MAX - 1), 0);
	assert_int_equal(sketch_add(s, 3), 0);
	assert_int_equal(sketch_add(s, 4), SKETCH_EOVERFLOW);
	assert_int_equal(sketch_add_n(s, 4, 2), SKETCH_EOVERFLOW);
	assert_true(sketch_count(s) == UINT64_MAX);
	assert_true(sketch_min(s) == 3); /* the refused 4 changed nothing */
	assert_true(sketch_quantile(s, 0) == 3);
	assert_true(close_enough(sketch_quantile(s, 1), 7 * MS)); /* rank 18446744074 */
	assert_true(close_enough(sketch_quantile(s, P50), 7 * MS));
	assert_int_equal(sketch_add(t, 1), 0);
	assert_int_equal(sketch_merge(s, t), SKETCH_EOVERFLOW);
	assert_int_equal(sketch_merge(t, s), SKETCH_EOVERFLOW);
	assert_true(sketch_count(t) == 1);
	assert_int_equal(sketch_subtract(t, s), SKETCH_EINVAL);

	struct exact_pct *e = exact_pct_new(), *f = exact_pct_new();
	assert_non_null(e);
	assert_non_null(f);
	assert_int_equal(exact_pct_add_n(e, 7, UINT64_MAX), 0);
	assert_int_equal(exact_pct_add(e, 1), EXACT_PCT_EOVERFLOW);
	assert_int_equal(exact_pct_add(f, 1), 0);
	assert_int_equal(exact_pct_merge(e, f), EXACT_PCT_EOVERFLOW);
	assert_true(exact_pct_quantile(e, 1) == 7);
	exact_pct_free(e);
	exact_pct_free(f);
	sketch_free(s);
	sketch_free(t);
}

/* ---- encoding ---- */

static void round_trip(const struct sketch *s)
{
	size_t size = sketch_encode(s, NULL, 0);
	assert_true(size <= SKETCH_ENCODED_MAX);
	unsigned char *buf = malloc(size + 3);
	assert_non_null(buf);
	assert_int_equal(sketch_encode(s, buf, size - 1), size); /* too small: no write */
	assert_int_equal(sketch_encode(s, buf, size), size);
	memcpy(buf + size, "\x05\x06\x07", 3); /* what follows is the caller's */
	struct sketch *t = sketch_new();
	assert_non_null(t);
	assert_int_equal(sketch_add(t, 42), 0); /* replaced by the decode */
	size_t used = 0;
	assert_int_equal(sketch_decode(t, buf, size + 3, &used), 0);
	assert_int_equal(used, size);
	assert_true(sketch_equal(s, t));
	for (size_t k = 0; k < NPS; k++)
		assert_true(sketch_quantile(s, ps[k]) == sketch_quantile(t, ps[k]));
	/* every shorter prefix is refused and leaves t as it was */
	for (size_t len = 0; len < size; len++) {
		assert_int_equal(sketch_decode(t, buf, len, &used), SKETCH_EINVAL);
		assert_true(sketch_equal(s, t));
	}
	sketch_free(t);
	free(buf);
}

static void test_encode_by_hand(void **state)
{
	(void)state;
	unsigned char buf[32];
	int64_t one[] = {5};
	struct sketch *s = sketch_of(one, 1);
	static const unsigned char want1[] = {1, 5, 5, 1, 5, 1};
	assert_int_equal(sketch_encode(s, buf, sizeof buf), sizeof want1);
	assert_memory_equal(buf, want1, sizeof want1);
	sketch_free(s);

	/* {0, 300, 0}: n 3, min 0, max 300 (0xac 0x02), 2 buckets: index 0
	 * count 2, index 0 + 300 count 1 */
	int64_t three[] = {0, 300, 0};
	s = sketch_of(three, 3);
	static const unsigned char want3[] = {3, 0, 0xac, 2, 2, 0, 2, 0xac, 2, 1};
	assert_int_equal(sketch_encode(s, buf, sizeof buf), sizeof want3);
	assert_memory_equal(buf, want3, sizeof want3);
	round_trip(s);
	sketch_free(s);
}

static void test_encode_round_trip(void **state)
{
	(void)state;
	struct sketch *s = sketch_new();
	assert_non_null(s);
	round_trip(s); /* empty */
	assert_int_equal(sketch_add(s, INT64_MAX), 0);
	assert_int_equal(sketch_add(s, 0), 0);
	round_trip(s); /* both ends of the range */
	sketch_free(s);
	int64_t *v = random_values(20000, 8);
	s = sketch_of(v, 20000);
	assert_int_equal(sketch_add_n(s, 3 * MS, UINT64_C(1) << 62), 0); /* a 9-byte count */
	round_trip(s);
	sketch_free(s);
	free(v);
}

/* Decodes buf; a success must be a valid sketch that encodes back to the
 * very bytes read (each sketch has one encoding). */
static int decode_check(const unsigned char *buf, size_t len)
{
	struct sketch *t = sketch_new();
	assert_non_null(t);
	size_t used = 0;
	int rc = sketch_decode(t, buf, len, &used);
	if (rc == 0) {
		assert_true(used <= len);
		size_t size = sketch_encode(t, NULL, 0);
		assert_int_equal(size, used);
		unsigned char *back = malloc(size);
		assert_non_null(back);
		sketch_encode(t, back, size);
		assert_memory_equal(back, buf, size);
		free(back);
		assert_true(sketch_memory(t) <= SKETCH_MAX_BYTES);
	} else {
		assert_int_equal(rc, SKETCH_EINVAL);
	}
	sketch_free(t);
	return rc;
}

#define REJECT(...)                                                            \
	do {                                                                   \
		static const unsigned char b_[] = {__VA_ARGS__};               \
		assert_int_equal(decode_check(b_, sizeof b_), SKETCH_EINVAL); \
	} while (0)
#define ACCEPT(...)                                                            \
	do {                                                                   \
		static const unsigned char b_[] = {__VA_ARGS__};               \
		assert_int_equal(decode_check(b_, sizeof b_), 0);             \
	} while (0)

static void test_decode_rejects(void **state)
{
	(void)state;
	ACCEPT(1, 5, 5, 1, 5, 1);
	ACCEPT(0);
	ACCEPT(2, 5, 6, 2, 5, 1, 1, 1);
	REJECT(0x80, 0);                /* overlong zero */
	REJECT(1, 5, 5, 1, 0x85, 0, 1); /* overlong gap */
	REJECT(0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01); /* 11 bytes */
	REJECT(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02);       /* past 2^64 */
	REJECT(1, 5, 5, 1, 5);          /* truncated */
	REJECT(1, 5, 5, 0);             /* k = 0 */
	REJECT(2, 5, 5, 1, 5, 1);       /* counts sum to 1, not 2 */
	REJECT(1, 5, 5, 1, 5, 2);       /* a count past n */
	REJECT(1, 5, 5, 1, 5, 0);       /* empty bucket listed */
	REJECT(2, 5, 6, 2, 5, 1, 0, 1); /* gap 0: the same bucket twice */
	REJECT(2, 4, 6, 2, 5, 1, 1, 1); /* min not in the first bucket */
	REJECT(2, 5, 5, 2, 5, 1, 1, 1); /* max not in the last */
	REJECT(2, 6, 5, 2, 5, 1, 1, 1); /* min > max */
	/* min past INT64_MAX */
	REJECT(1, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0, 1, 0, 1);
	/* index 28160 = SKETCH_BUCKETS (0x80 0xdc 0x01), one past the last */
	REJECT(1, 0, 0, 1, 0x80, 0xdc, 0x01, 1);
	/* k past SKETCH_BUCKETS */
	REJECT(1, 0, 0, 0x81, 0xdc, 0x01, 0, 1);
}

/* Every byte of a real encoding changed every way, every prefix: no
 * crash (ASan), every success a canonical valid sketch. */
static void test_decode_mutations(void **state)
{
	(void)state;
	int64_t v[] = {0, 7, 1500, 3 * MS, 3 * MS, 90 * MS, INT64_MAX};
	struct sketch *s = sketch_of(v, 7);
	unsigned char buf[128], mut[128];
	size_t size = sketch_encode(s, buf, sizeof buf);
	assert_true(size < sizeof buf);
	int accepted = 0;
	for (size_t i = 0; i < size; i++) {
		for (unsigned x = 0; x < 256; x++) {
			memcpy(mut, buf, size);
			mut[i] = (unsigned char)x;
			accepted += decode_check(mut, size) == 0;
		}
	}
	/* the original, and a few neighbours (another count: the n must also
	 * change, so a single byte rarely gives a valid sketch) */
	assert_true(accepted >= (int)size);
	sketch_free(s);
}

/* ---- memory ---- */

static void test_memory_bounded(void **state)
{
	(void)state;
	struct sketch *s = sketch_new(), *t = sketch_new();
	assert_non_null(s);
	assert_non_null(t);
	rng_state = 9;
	/* 10^6 values over the whole range: a random bit length, then bits */
	for (size_t i = 0; i < 1000000; i++) {
		unsigned bits = (unsigned)(rng() % 64);
		int64_t ns = bits ? (int64_t)(rng() >> (64 - bits)) : 0;
		assert_int_equal(sketch_add(s, ns), 0);
	}
	assert_true(sketch_memory(s) <= SKETCH_MAX_BYTES);
	assert_true(sketch_memory(s) >= SKETCH_BUCKETS * 8); /* it did fill up */
	size_t size = sketch_encode(s, NULL, 0);
	assert_true(size <= SKETCH_ENCODED_MAX);
	/* typical latencies, 100 us to 100 s, stay well below */
	for (size_t i = 0; i < 100000; i++)
		assert_int_equal(sketch_add(t, to_ns(1e5 * pow(10, 6 * uniform()))), 0);
	assert_true(sketch_memory(t) < 100000);
	assert_true(sketch_memory(t) <= SKETCH_MAX_BYTES);
	sketch_clear(t);
	assert_true(sketch_count(t) == 0 && sketch_quantile(t, P50) == -1);
	assert_int_equal(sketch_add(t, 9), 0);
	assert_true(sketch_quantile(t, P50) == 9);
	sketch_free(s);
	sketch_free(t);
}

/* ---- exact_pct ---- */

static void test_exact_runs_and_merge(void **state)
{
	(void)state;
	struct exact_pct *a = exact_pct_new(), *b = exact_pct_new();
	assert_non_null(a);
	assert_non_null(b);
	/* a: 10, 30, and 20 x 98 (pre-aggregated): 100 values */
	assert_int_equal(exact_pct_add(a, 30), 0);
	assert_int_equal(exact_pct_add_n(a, 20, 98), 0);
	assert_int_equal(exact_pct_add(a, 10), 0);
	assert_int_equal(exact_pct_add_n(a, 99, 0), 0);
	assert_true(exact_pct_count(a) == 100);
	assert_true(exact_pct_quantile(a, 1) == 10);      /* rank 1 */
	assert_true(exact_pct_quantile(a, P50) == 20);    /* rank 50 */
	assert_true(exact_pct_quantile(a, P99) == 20);    /* rank 99 */
	assert_true(exact_pct_quantile(a, P999) == 30);   /* rank 100 */
	/* b: 5, -1 (as 0), 40 x 3 */
	assert_int_equal(exact_pct_add(b, 5), 0);
	assert_int_equal(exact_pct_add(b, -1), 0);
	assert_int_equal(exact_pct_add_n(b, 40, 3), 0);
	assert_int_equal(exact_pct_merge(a, b), 0);
	/* 105 values: 0, 5, 10, 20 x 98, 30, 40 x 3 */
	assert_true(exact_pct_count(a) == 105);
	assert_true(exact_pct_quantile(a, 1) == 0);
	assert_true(exact_pct_quantile(a, INT64_C(19000000)) == 5);  /* ceil(1.995) = 2nd */
	assert_true(exact_pct_quantile(a, INT64_C(20000000)) == 10); /* ceil(2.1) = 3rd */
	assert_true(exact_pct_quantile(a, P95) == 20);   /* ceil(99.75) = 100th: 20 (4..101) */
	assert_true(exact_pct_quantile(a, P99) == 40);   /* ceil(103.95) = 104th */
	assert_true(exact_pct_quantile(a, FRAC_ONE) == 40);
	assert_true(exact_pct_memory(a) > exact_pct_memory(b) / 2);
	exact_pct_clear(a);
	assert_true(exact_pct_count(a) == 0 && exact_pct_quantile(a, P50) == -1);
	assert_int_equal(exact_pct_add(a, 8), 0);
	assert_true(exact_pct_quantile(a, P50) == 8);
	exact_pct_free(a);
	exact_pct_free(b);
}

/* Only single values: quantiles index the sorted array; memory grows with
 * the input, as the header says. */
static void test_exact_grows(void **state)
{
	(void)state;
	enum { N = 100000 };
	struct exact_pct *e = exact_pct_new();
	assert_non_null(e);
	size_t before = exact_pct_memory(e);
	/* N-1, N-2, ..., 0: rank r is r-1 */
	for (size_t i = 0; i < N; i++)
		assert_int_equal(exact_pct_add(e, (int64_t)(N - 1 - i)), 0);
	assert_true(exact_pct_memory(e) >= before + N * sizeof(int64_t));
	assert_true(exact_pct_quantile(e, P50) == N / 2 - 1);   /* rank 50000 */
	assert_true(exact_pct_quantile(e, P999) == 99899);      /* rank 99900 */
	assert_true(exact_pct_quantile(e, 1) == 0);
	assert_true(exact_pct_quantile(e, FRAC_ONE) == N - 1);
	/* an add after a quantile: sorted again */
	assert_int_equal(exact_pct_add(e, -3), 0);
	assert_int_equal(exact_pct_add(e, -3), 0);
	assert_true(exact_pct_quantile(e, 1) == 0);
	assert_true(exact_pct_quantile(e, P50) == N / 2 - 2); /* rank 50001 of 0, 0, 0, 1, ... */
	exact_pct_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mapping_by_hand),
		cmocka_unit_test(test_mapping_every_bucket),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_tiny),
		cmocka_unit_test(test_constant),
		cmocka_unit_test(test_lognormal),
		cmocka_unit_test(test_pareto),
		cmocka_unit_test(test_bimodal),
		cmocka_unit_test(test_wide_range),
		cmocka_unit_test(test_zeros),
		cmocka_unit_test(test_merge_four_parts),
		cmocka_unit_test(test_subtract),
		cmocka_unit_test(test_subtract_undoes_merge),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_encode_by_hand),
		cmocka_unit_test(test_encode_round_trip),
		cmocka_unit_test(test_decode_rejects),
		cmocka_unit_test(test_decode_mutations),
		cmocka_unit_test(test_memory_bounded),
		cmocka_unit_test(test_exact_runs_and_merge),
		cmocka_unit_test(test_exact_grows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
