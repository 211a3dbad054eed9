/* libFuzzer harness: NGINX Plus status snapshots, one JSON object a line,
 * read in order into one state: the counters' differences must be
 * records that add up. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "input/nginx_plus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_line(void *p, const char *line, size_t len)
{
	struct nginx_plus *np = p;
	struct slo_record recs[NGINX_PLUS_MAX_ZONES];
	const char *zones[NGINX_PLUS_MAX_ZONES];
	char why[256];

	(void)nginx_plus_detect(line, len);
	int n = nginx_plus_line(np, line, len, recs, zones, why, sizeof why);
	FUZZ_ASSERT(n >= -1 && n <= NGINX_PLUS_MAX_ZONES);
	for (int i = 0; i < n; i++) {
		fuzz_check_record(&recs[i]);
		FUZZ_ASSERT(recs[i].has_time);
		(void)strlen(zones[i]);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nginx_plus *np = nginx_plus_new();
	if (!np)
		abort();
	fuzz_lines(data, size, on_line, np);
	nginx_plus_free(np);
	return 0;
}
