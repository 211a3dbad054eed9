/* A mergeable quantile sketch of latencies (ns) with a relative-error
 * guarantee, in memory bounded whatever the input: what p50 ... p99.9 are
 * computed from when --exact is not given.
 *
 * Buckets (DDSketch with its "linearly interpolated" mapping, done in
 * integers): a value v < 1024 has a bucket of its own (index v, exact;
 * 0 included).  Above, each octave [2^e, 2^(e+1)) is cut into 512 buckets
 * of equal width 2^(e-9): index = (e-9) x 512 + (v >> (e-9)).  The index
 * is a count-leading-zeros, a shift and an add: no log(), no floating
 * point, so it is the same on every machine and a state file written on
 * one merges exactly with one written on another.
 *
 * Accuracy: a bucket [a, b] is reported as the integer r in it that
 * minimises the larger of (r-a)/a and (b-r)/b (the floor or ceiling of
 * 2ab/(a+b), DDSketch's 2 gamma^i/(gamma+1)).  The worst bucket over the
 * whole int64 range is [1024, 1025] reported as 1024: relative error
 * 1/1025 = 0.0976 % (SKETCH_ALPHA_DEN), under the SPEC's 0.1 % with the
 * integer rounding included; test_sketch checks every bucket.  Since the
 * mapping is monotonic, the ceil(p x n)-th smallest value lies in the
 * bucket the quantile walk stops at, so the returned quantile is within
 * that error of the exact nearest-rank value; clamping to [min, max],
 * which holds the exact value, only brings it closer.  (A logarithmic
 * mapping would need about 30 % fewer buckets for the same error; exact
 * integer boundaries and speed were worth more here.)
 *
 * Memory: the counts are a dense array over the bucket indices seen so
 * far, grown on demand 256 buckets (2 KiB) past what is needed; the
 * whole int64 range is SKETCH_BUCKETS buckets, so a sketch never holds
 * more than SKETCH_MAX_BYTES (225,344).  Latencies from 100 us to 100 s
 * span about 10,200 buckets (80 KiB).
 *
 * Counts are uint64_t; an add or merge that would take the total past
 * UINT64_MAX is refused (SKETCH_EOVERFLOW) and changes nothing.
 * Negative values are counted as 0, as the readers floor them. */
#ifndef SLO_EVAL_SKETCH_H
#define SLO_EVAL_SKETCH_H

#include <stddef.h>
#include <stdint.h>

#define SKETCH_SUB_BITS 9 /* 2^9 = 512 buckets an octave */
/* Bucket indices are 0 .. SKETCH_BUCKETS-1; INT64_MAX is in the last. */
#define SKETCH_BUCKETS (53 * 512 + 1024)
/* The reported value of any bucket is within 1/SKETCH_ALPHA_DEN of every
 * value in it, relative to that value. */
#define SKETCH_ALPHA_DEN 1025
/* The most sketch_memory() ever reports: every count, and the struct. */
#define SKETCH_MAX_BYTES (SKETCH_BUCKETS * 8 + 64)
/* The longest sketch_encode() output: n, min, max, k, and for each
 * bucket a 3-byte index gap and a count of at most 10 bytes. */
#define SKETCH_ENCODED_MAX (4 * 10 + SKETCH_BUCKETS * (3 + 10))

/* Return codes; 0 is success. */
#define SKETCH_ENOMEM (-1)    /* out of memory; nothing changed */
#define SKETCH_EOVERFLOW (-2) /* the count would pass UINT64_MAX; nothing changed */
#define SKETCH_EINVAL (-3)    /* not a sub-multiset, or corrupt encoded data */

struct sketch;

/* An empty sketch, NULL when out of memory.  It allocates no buckets
 * until the first value.  sketch_free(NULL) does nothing. */
struct sketch *sketch_new(void);
void sketch_free(struct sketch *s);

/* Counts one latency ns (n times for sketch_add_n; n = 0 does nothing).
 * 0, SKETCH_ENOMEM when the range must grow and cannot, or
 * SKETCH_EOVERFLOW.  Allocates only when ns falls outside the bucket
 * range seen so far, so at most a few dozen times in a sketch's life. */
int sketch_add(struct sketch *s, int64_t ns);
int sketch_add_n(struct sketch *s, int64_t ns, uint64_t n);
/* Counts each of ns[0..count) once, as count calls of sketch_add would
 * (on an error, those before the one that failed are counted): the
 * latencies of many records in one call. */
int sketch_add_each(struct sketch *s, const int64_t *ns, size_t count);

/* Adds every count of src to dst: afterwards dst is bucket for bucket,
 * count, min and max, the sketch that both inputs fed would have been.
 * 0, SKETCH_ENOMEM or SKETCH_EOVERFLOW (dst unchanged then). */
int sketch_merge(struct sketch *dst, const struct sketch *src);

/* Takes src's counts out of dst, for windows that evict old data; src
 * must be the sketch of a sub-multiset of what dst counted.  When a
 * bucket of src holds more than dst's, returns SKETCH_EINVAL and changes
 * nothing.  The exact min and max cannot be subtracted: afterwards each
 * is an estimate, the representative of the part of the lowest (highest)
 * non-empty bucket not below the old min (not above the old max), so
 * within 1/1025 of the true one, and quantiles keep their guarantee.
 * They are exact again only where a later add or merge brings a new
 * extreme.  Emptied, the sketch is as new. */
int sketch_subtract(struct sketch *dst, const struct sketch *src);

/* Empties s, keeping its buckets' memory for reuse. */
void sketch_clear(struct sketch *s);

/* The number of values counted. */
uint64_t sketch_count(const struct sketch *s);

/* The nearest-rank quantile p (a FRAC_ONE fraction: 999000000 is p99.9)
 * in ns: the estimate of the ceil(p x n)-th smallest value (p <= 0 is the
 * smallest, p >= FRAC_ONE the largest), within 1/1025 of it and within
 * [min, max].  Ranks 1 and n are min and max themselves, so p99.9 of
 * fewer than 1000 values is exact.  -1 when empty. */
int64_t sketch_quantile(const struct sketch *s, int64_t p);

/* The smallest and largest value counted (exact, unless a subtract made
 * them estimates; see sketch_subtract); -1 when empty. */
int64_t sketch_min(const struct sketch *s);
int64_t sketch_max(const struct sketch *s);

/* The bytes s holds, its struct included; never above SKETCH_MAX_BYTES. */
size_t sketch_memory(const struct sketch *s);

/* 1 when a and b hold the same counts in every bucket and the same min
 * and max, else 0 (however much memory each has reserved). */
int sketch_equal(const struct sketch *a, const struct sketch *b);

/* The bucket mapping, for tests and for readers of the encoding: the
 * index of a value (negative counts as 0), and the smallest, largest and
 * reported value of bucket i < SKETCH_BUCKETS. */
size_t sketch_bucket_index(int64_t ns);
int64_t sketch_bucket_lower(size_t i);
int64_t sketch_bucket_upper(size_t i);
int64_t sketch_bucket_value(size_t i);

/* Serialization, for saved state.  Byte layout, versionless (the state
 * file carries the version); every number an unsigned LEB128 varint (7
 * bits a byte, least significant first, the high bit set on every byte
 * but the last), in its shortest form, at most 10 bytes:
 *
 *   n              the count; 0 is the empty sketch and nothing follows
 *   min max        the smallest and largest value, 0 <= min <= max <= INT64_MAX
 *   k              how many buckets are non-empty, 1 .. SKETCH_BUCKETS
 *   k x (gap c)    the first bucket's index, then each index minus the
 *                  previous one (>= 1); its count c >= 1
 *
 * Indices are below SKETCH_BUCKETS, the counts sum to n, min lies in the
 * first bucket and max in the last.  Each sketch has exactly one
 * encoding, so equal sketches encode to equal bytes.
 *
 * sketch_encode returns the encoding's size, and writes it to buf only
 * when that is at most cap (sketch_encode(s, NULL, 0) sizes it); never
 * more than SKETCH_ENCODED_MAX. */
size_t sketch_encode(const struct sketch *s, unsigned char *buf, size_t cap);

/* Reads one encoded sketch from the start of buf[0..len) into s,
 * replacing what s held; *used is set to the bytes it took (what follows
 * is the caller's).  Every byte is checked against the layout above:
 * truncated, overlong or inconsistent data is SKETCH_EINVAL, and then,
 * as on SKETCH_ENOMEM, s is unchanged.  Allocates at most the span of
 * the buckets read, so never more than SKETCH_MAX_BYTES. */
int sketch_decode(struct sketch *s, const unsigned char *buf, size_t len, size_t *used);

#endif
