/* libFuzzer harness: timestamps.  The bytes (not NUL-terminated) go to
 * ts_parse and ts_parse_clf; a time read is written back as RFC 3339,
 * which must read as the same time, and its civil date must convert back
 * to the same day. */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "util/duration.h"
#include "util/timestamp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void round_trip(int64_t t)
{
	char buf[64], loc[64];
	int64_t back, y;
	int m, d, hh, mm, ss, wd;

	FUZZ_ASSERT(t <= TS_MAX && t >= -TS_MAX);
	ts_format_rfc3339(t, buf, sizeof buf);
	FUZZ_ASSERT(ts_parse(buf, strlen(buf), &back) == NUM_OK);
	if (back != t) {
		fprintf(stderr, "%lld -> \"%s\" -> %lld\n", (long long)t, buf, (long long)back);
		FUZZ_ASSERT(back == t);
	}
	int64_t days = t / NS_PER_DAY - (t % NS_PER_DAY < 0);
	ts_civil_from_days(days, &y, &m, &d);
	FUZZ_ASSERT(m >= 1 && m <= 12 && d >= 1 && d <= 31);
	FUZZ_ASSERT(ts_days_from_civil(y, m, d) == days);
	ts_to_local(t, &y, &m, &d, &hh, &mm, &ss, &wd);
	FUZZ_ASSERT(hh >= 0 && hh < 24 && mm >= 0 && mm < 60 && ss >= 0 && ss < 60);
	FUZZ_ASSERT(wd >= 1 && wd <= 7);
	ts_format_local(t, 1, loc, sizeof loc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* an exact-size copy: a read past the end shows */
	char *s = fuzz_dup(data, size, 0);
	int64_t t;

	enum num_err e = ts_parse(s, size, &t);
	FUZZ_ASSERT(e <= NUM_PRECISION);
	if (e == NUM_OK)
		round_trip(t);
	e = ts_parse_clf(s, size, &t);
	FUZZ_ASSERT(e <= NUM_PRECISION);
	if (e == NUM_OK) {
		int64_t t2;
		round_trip(t);
		/* ts_parse reads the CLF form too, to the same time */
		if (size > 3 && (s[2] == '/' || (s[0] == '[' && s[3] == '/')))
			FUZZ_ASSERT(ts_parse(s, size, &t2) == NUM_OK && t2 == t);
	}
	free(s);
	return 0;
}
