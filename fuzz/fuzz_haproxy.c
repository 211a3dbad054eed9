/* libFuzzer harness: HAProxy HTTP logs through syslog.  Each line is
 * detected, converted without and with a latency objective, and asked for
 * its fields. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "input/haproxy.h"
#include "input/status.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_line(void *p, const char *line, size_t len)
{
	static const char *const names[] = {"client", "frontend", "backend", "server",
					    "method", "path",	  "query",   "nonexistent"};
	const struct status_set *bad = p;
	char why[256];

	bool is = haproxy_detect(line, len);
	for (int need_latency = 0; need_latency < 2; need_latency++) {
		struct slo_record rec;
		int rc = haproxy_record(line, len, bad, need_latency, &rec, why, sizeof why);
		FUZZ_ASSERT(rc == 0 || rc == -1 || rc == HAPROXY_NOT_REQUEST);
		FUZZ_ASSERT(is || rc == -1);
		if (rc == 0) {
			fuzz_check_record(&rec);
			FUZZ_ASSERT(rec.total == 1 && rec.has_time);
			FUZZ_ASSERT(!need_latency || rec.has_latency);
		}
	}
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *v;
		size_t vlen;
		if (haproxy_field(line, len, names[i], &v, &vlen) == 0) {
			fuzz_touch(v, vlen);
			FUZZ_ASSERT(vlen == 0 || (v >= line && v + vlen <= line + len));
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct status_set bad;
	status_set_default(&bad);
	fuzz_lines(data, size, on_line, &bad);
	return 0;
}
