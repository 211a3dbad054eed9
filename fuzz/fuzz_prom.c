/* libFuzzer harness: Prometheus range-query answers, read by prom_read
 * from a file; every series is asked for its labels and every sample
 * converted, as a record and as a count. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "input/prom.h"
#include "input/source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const finds[] = {"__name__=up", "code=5xx", "job=", "=", "nolabel"};
	char why[256];

	(void)prom_detect((const char *)data, size);
	struct source *src = source_open(fuzz_file(data, size));
	if (!src)
		abort();
	struct prom *p = prom_read(src, why, sizeof why);
	source_close(src);
	if (!p) {
		FUZZ_ASSERT(memchr(why, '\0', sizeof why) != NULL);
		return 0;
	}
	size_t ns = prom_series(p);
	for (size_t s = 0; s < ns; s++) {
		char labels[512];
		const char *v;
		size_t len;
		prom_labels(p, s, labels, sizeof labels);
		FUZZ_ASSERT(memchr(labels, '\0', sizeof labels) != NULL);
		FUZZ_ASSERT(prom_label(p, s, "__name__", &v, &len) == 0);
		fuzz_touch(v, len);
		FUZZ_ASSERT(prom_label(p, s, "job", &v, &len) == 0);
		fuzz_touch(v, len);
		for (size_t i = 0; i < prom_samples(p, s); i++) {
			struct slo_record rec;
			int64_t t;
			double x;
			if (prom_record(p, s, i, &rec, why, sizeof why) == 0) {
				fuzz_check_record(&rec);
				FUZZ_ASSERT(rec.total == 1 && rec.has_time);
			}
			if (prom_sample(p, s, i, &t, &x, why, sizeof why) == 0)
				FUZZ_ASSERT(t <= TS_MAX && t >= -TS_MAX && x >= 0);
		}
		/* one past the end is an error, not a crash */
		struct slo_record rec;
		FUZZ_ASSERT(prom_record(p, s, prom_samples(p, s), &rec, why, sizeof why) == -1);
	}
	for (size_t k = 0; k < sizeof finds / sizeof finds[0]; k++) {
		long r = prom_find(p, finds[k]);
		FUZZ_ASSERT(r >= -2 && r < (long)ns);
	}
	prom_free(p);
	return 0;
}
