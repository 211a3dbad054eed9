/* libFuzzer harness: numbers and durations.  The bytes go to every
 * checked number parser and to duration_parse; what parses is written
 * back and must read as the same value (a human-written duration within
 * its rounding).  The first 8 bytes, as an int64_t, are also formatted. */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "util/duration.h"
#include "util/num.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* How far a human-written duration may be from the value: its rounding,
 * half the unit of the last digit it shows (duration_format_human). */
static int64_t human_slack(int64_t ns)
{
	return ns >= NS_PER_HOUR ? NS_PER_S / 2
	       : ns >= NS_PER_MIN ? 50 * NS_PER_MS
	       : ns >= NS_PER_S	  ? NS_PER_MS / 2
	       : ns >= NS_PER_MS  ? NS_PER_US / 2
				  : 0;
}

static void check_human(int64_t ns)
{
	char buf[128], sec[128];
	int64_t back;

	duration_format_human(ns, buf, sizeof buf);
	FUZZ_ASSERT(memchr(buf, '\0', sizeof buf) != NULL);
	duration_format_seconds(ns, sec, sizeof sec);
	if (ns <= 0)
		return;
	enum num_err e = duration_parse(buf, &back);
	/* rounded up past the largest duration there is */
	if (e == NUM_RANGE && ns > INT64_MAX - human_slack(ns))
		return;
	if (e != NUM_OK || back - ns > human_slack(ns) || ns - back > human_slack(ns)) {
		fprintf(stderr, "%lld ns -> \"%s\" -> %d %lld\n", (long long)ns, buf, (int)e,
			(long long)back);
		FUZZ_ASSERT(e == NUM_OK && back - ns <= human_slack(ns) &&
			    ns - back <= human_slack(ns));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int64_t units[] = {1, NS_PER_US, NS_PER_MS, NS_PER_S, NS_PER_HOUR,
					NS_PER_YEAR};
	char *s = fuzz_dup(data, size, 0);   /* exact size: over-reads show */
	char *z = fuzz_dup(data, size, 1);   /* for the NUL-terminated parsers */
	char buf[128];
	int64_t v, w;
	uint64_t u;

	for (int digits = 0; digits <= 18; digits += 3) {
		if (num_parse_scaled(s, size, digits, &v) == NUM_OK) {
			FUZZ_ASSERT(v >= 0);
			num_format_scaled(v, digits, buf, sizeof buf);
			FUZZ_ASSERT(num_parse_scaled(buf, strlen(buf), digits, &w) == NUM_OK && w == v);
		}
	}
	for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
		if (num_parse_times(s, size, units[k], &v) == NUM_OK)
			FUZZ_ASSERT(v >= 0);
	/* in seconds to ns, times is scaled by 9 digits: the same number
	 * (its short cells take a path of their own) */
	{
		enum num_err et = num_parse_times(s, size, NS_PER_S, &v);
		enum num_err es = num_parse_scaled(s, size, 9, &w);
		FUZZ_ASSERT((et == NUM_OK) == (es == NUM_OK));
		FUZZ_ASSERT(et != NUM_OK || v == w);
	}
	if (num_parse_u64(s, size, &u) == NUM_OK) {
		snprintf(buf, sizeof buf, "%llu", (unsigned long long)u);
		FUZZ_ASSERT(strlen(buf) <= size);
	}
	if (num_parse_percent(z, &v) == NUM_OK) {
		FUZZ_ASSERT(v > 0 && v < FRAC_ONE);
		num_format_percent(v, buf, sizeof buf);
		FUZZ_ASSERT(num_parse_percent(buf, &w) == NUM_OK && w == v);
	}
	if (duration_parse(z, &v) == NUM_OK) {
		FUZZ_ASSERT(v > 0);
		check_human(v);
	}
	(void)num_strerror((enum num_err)(size % 6));
	if (size >= 8) {
		memcpy(&v, data, sizeof v);
		check_human(v);
		num_format_scaled((i128)v * v, (int)(data[0] % 19), buf, sizeof buf);
		num_format_percent(v, buf, sizeof buf);
	}
	free(s);
	free(z);
	return 0;
}
