/* libFuzzer harness: Ruby on Rails request logs, several lines a request:
 * the lines are read in order into one request state, each completed
 * request checked, and the fields of the request asked for. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "input/rails.h"
#include "input/status.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct ctx {
	struct rails r;
	struct status_set bad;
};

static void on_line(void *p, const char *line, size_t len)
{
	static const char *const names[] = {"method", "path", "action", "nonexistent"};
	struct ctx *c = p;
	struct slo_record rec;
	char why[256];

	(void)rails_detect(line, len);
	int rc = rails_line(&c->r, line, len, &c->bad, &rec, why, sizeof why);
	FUZZ_ASSERT(rc == 1 || rc == 0 || rc == -1);
	if (rc == 1) {
		fuzz_check_record(&rec);
		FUZZ_ASSERT(rec.total == 1);
	}
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *v;
		size_t vlen;
		if (rails_field(&c->r, names[i], &v, &vlen) == 0)
			FUZZ_ASSERT(strlen(v) == vlen);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ctx c;
	memset(&c, 0, sizeof c);
	status_set_default(&c.bad);
	fuzz_lines(data, size, on_line, &c);
	return 0;
}
