/* libFuzzer harness: JSON-lines access logs.  Every line is read under
 * three configurations (the fields found by name with a latency
 * objective; detection only; fields, unit and bad set given), and each
 * record is asked for its fields. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "input/json_lines.h"
#include "input/status.h"
#include "util/duration.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_line(void *p, const char *line, size_t len)
{
	static const char *const names[] = {"path",	   "method",	  "host",
					    "request.uri", "a.b.c",	  "status",
					    "ts",	   "http.status", "",
					    ".",	   "nonexistent"};
	struct json_lines *j = p;
	struct slo_record rec;
	char why[256];

	(void)json_lines_detect(line, len);
	int rc = json_lines_record(j, line, len, &rec, why, sizeof why);
	FUZZ_ASSERT(rc == 0 || rc == -1 || rc == JSON_LINES_NOT_REQUEST);
	if (rc == 0) {
		fuzz_check_record(&rec);
		FUZZ_ASSERT(rec.total == 1);
	}
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *v;
		size_t vlen;
		if (json_lines_field(j, names[i], &v, &vlen) == 0)
			fuzz_touch(v, vlen);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct status_set dflt, custom;
	char item[32];
	status_set_default(&dflt);
	if (status_set_parse(&custom, "429,500-504", item, sizeof item) != 0)
		abort();
	const struct json_lines_config cfgs[] = {
		{.bad_status = &dflt, .need_latency = true},
		{.bad_status = &dflt, .want_latency = true},
		{.status_field = "http.status",
		 .latency_field = "http.took_ms",
		 .time_field = "at.utc",
		 .latency_unit = NS_PER_MS,
		 .bad_status = &custom,
		 .need_latency = true},
	};
	for (size_t k = 0; k < sizeof cfgs / sizeof cfgs[0]; k++) {
		struct json_lines *j = json_lines_new(&cfgs[k]);
		if (!j)
			abort();
		fuzz_lines(data, size, on_line, j);
		char desc[256];
		json_lines_describe(j, desc, sizeof desc);
		FUZZ_ASSERT(memchr(desc, '\0', sizeof desc) != NULL);
		json_lines_free(j);
	}
	return 0;
}
