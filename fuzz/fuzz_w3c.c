/* libFuzzer harness: W3C extended logs (IIS).  Directive lines set the
 * layout, every other line is converted and asked for its fields; the
 * whole input is read twice, without and with a latency objective.  As
 * in slo, a #Fields line that cannot be used ends the reading. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "input/status.h"
#include "input/w3c.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct ctx {
	struct w3c w;
	struct status_set bad;
	bool need_latency;
	bool stopped; /* slo stops at a #Fields line it cannot use */
};

static void on_line(void *p, const char *line, size_t len)
{
	static const char *const names[] = {"path",	   "method",	"host",	   "query",
					    "cs-uri-stem", "sc-status", "date",	   "time-taken",
					    "c-ip",	   "",		"nonexistent"};
	struct ctx *c = p;
	struct slo_record rec;
	char why[256];

	if (c->stopped)
		return;
	if (w3c_is_directive(line, len)) {
		if (w3c_directive(&c->w, line, len, c->need_latency, why, sizeof why) != 0) {
			c->stopped = true;
		} else if (c->w.nfields) {
			FUZZ_ASSERT(c->w.status >= 0 && c->w.status < c->w.nfields);
			FUZZ_ASSERT(!c->need_latency || (c->w.taken >= 0 && c->w.taken < c->w.nfields));
		}
		return;
	}
	if (w3c_record(&c->w, line, len, &c->bad, c->need_latency, &rec, why, sizeof why) == 0) {
		fuzz_check_record(&rec);
		FUZZ_ASSERT(rec.total == 1);
		FUZZ_ASSERT(!c->need_latency || rec.has_latency);
	}
	if (c->w.nfields == 0)
		return;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *v;
		size_t vlen;
		if (w3c_field(&c->w, line, len, names[i], &v, &vlen) == 0)
			fuzz_touch(v, vlen);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (int need_latency = 0; need_latency < 2; need_latency++) {
		struct ctx c;
		memset(&c, 0, sizeof c);
		status_set_default(&c.bad);
		c.need_latency = need_latency;
		fuzz_lines(data, size, on_line, &c);
	}
	return 0;
}
