/* W3C extended log format. */
#include "input/w3c.h"

#include <stdio.h>
#include <string.h>

#include "util/duration.h"
#include "util/num.h"
#include "util/timestamp.h"

#define W3C_MAX_FIELDS 64

bool w3c_is_directive(const char *line, size_t len)
{
	static const char *const names[] = {"#Fields:", "#Software:", "#Version:", "#Date:",
					    "#Start-Date:", "#End-Date:", "#Remark:"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t n = strlen(names[i]);
		if (len >= n && memcmp(line, names[i], n) == 0)
			return true;
	}
	return false;
}

/* Splits on single spaces (W3C encodes spaces inside values as '+'). */
static int split(const char *line, size_t len, const char **f, size_t *fl)
{
	int n = 0;
	const char *p = line, *end = line + len;
	while (p < end && n < W3C_MAX_FIELDS) {
		const char *e = memchr(p, ' ', (size_t)(end - p));
		if (!e)
			e = end;
		if (e > p) {
			f[n] = p;
			fl[n++] = (size_t)(e - p);
		}
		p = e + 1;
	}
	return p < end ? -1 : n;
}

int w3c_directive(struct w3c *w, const char *line, size_t len, bool need_latency,
		  char *why, size_t whylen)
{
	const char *f[W3C_MAX_FIELDS];
	size_t fl[W3C_MAX_FIELDS];

	if (len < 8 || memcmp(line, "#Fields:", 8) != 0)
		return 0;
	int n = split(line + 8, len - 8, f, fl);
	if (n <= 0) {
		snprintf(why, whylen, "#Fields: names no field, or more than %d", W3C_MAX_FIELDS);
		return -1;
	}
	*w = (struct w3c){.date = -1, .time = -1, .status = -1, .taken = -1, .nfields = n};
	snprintf(w->names, sizeof w->names, "%.*s", (int)(len - 8), line + 8);
	for (int i = 0; i < n; i++) {
#define IS(name) (fl[i] == strlen(name) && memcmp(f[i], name, fl[i]) == 0)
		if (IS("date"))
			w->date = i;
		else if (IS("time"))
			w->time = i;
		else if (IS("sc-status"))
			w->status = i;
		else if (IS("time-taken"))
			w->taken = i;
#undef IS
	}
	if (w->status < 0) {
		snprintf(why, whylen, "#Fields: has no sc-status");
		return -1;
	}
	if (need_latency && w->taken < 0) {
		snprintf(why, whylen, "#Fields: has no time-taken, and a latency objective needs it");
		return -1;
	}
	return 0;
}

int w3c_record(const struct w3c *w, const char *line, size_t len,
	       const struct status_set *bad, bool need_latency, struct slo_record *rec,
	       char *why, size_t whylen)
{
	const char *f[W3C_MAX_FIELDS];
	size_t fl[W3C_MAX_FIELDS];

	memset(rec, 0, sizeof *rec);
	rec->total = 1;
	if (w->nfields == 0) {
		snprintf(why, whylen, "data before any #Fields: directive");
		return -1;
	}
	int n = split(line, len, f, fl);
	if (n != w->nfields) {
		snprintf(why, whylen, "line has %d fields, #Fields: names %d", n < 0 ? W3C_MAX_FIELDS : n,
			 w->nfields);
		return -1;
	}
	if (w->date >= 0 && w->time >= 0) {
		char stamp[64];
		if (fl[w->date] + fl[w->time] + 2 > sizeof stamp) {
			snprintf(why, whylen, "date and time too long");
			return -1;
		}
		int k = snprintf(stamp, sizeof stamp, "%.*sT%.*sZ", (int)fl[w->date], f[w->date],
				 (int)fl[w->time], f[w->time]);
		if (ts_parse(stamp, (size_t)k, &rec->time) != NUM_OK) {
			snprintf(why, whylen, "date and time \"%.*s %.*s\" are not a valid time",
				 (int)(fl[w->date] < 20 ? fl[w->date] : 20), f[w->date],
				 (int)(fl[w->time] < 20 ? fl[w->time] : 20), f[w->time]);
			return -1;
		}
		rec->has_time = true;
	}
	switch (status_judge(bad, f[w->status], fl[w->status])) {
	case STATUS_GOOD:
		break;
	case STATUS_BAD:
		rec->bad = 1;
		break;
	case STATUS_INVALID:
		snprintf(why, whylen, "sc-status \"%.*s\" is not an HTTP status (100-599)",
			 (int)(fl[w->status] < 20 ? fl[w->status] : 20), f[w->status]);
		return -1;
	}
	if (need_latency) {
		uint64_t ms;
		if (num_parse_u64(f[w->taken], fl[w->taken], &ms) != NUM_OK ||
		    ms > (uint64_t)(INT64_MAX / NS_PER_MS)) {
			snprintf(why, whylen, "time-taken \"%.*s\" is not a whole number of ms",
				 (int)(fl[w->taken] < 20 ? fl[w->taken] : 20), f[w->taken]);
			return -1;
		}
		rec->latency = (int64_t)ms * NS_PER_MS;
		rec->has_latency = true;
	}
	return 0;
}

int w3c_field(const struct w3c *w, const char *line, size_t len, const char *name,
	      const char **v, size_t *vlen)
{
	static const char *const aliases[][2] = {
		{"path", "cs-uri-stem"}, {"method", "cs-method"}, {"host", "cs-host"},
		{"query", "cs-uri-query"}};
	const char *f[W3C_MAX_FIELDS], *nf[W3C_MAX_FIELDS];
	size_t fl[W3C_MAX_FIELDS], nl[W3C_MAX_FIELDS];

	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(name, aliases[i][0]) == 0)
			name = aliases[i][1];
	int nn = split(w->names, strlen(w->names), nf, nl);
	int n = split(line, len, f, fl);
	for (int i = 0; i < nn; i++)
		if (strlen(name) == nl[i] && memcmp(name, nf[i], nl[i]) == 0) {
			if (i >= n)
				return -1;
			/* W3C writes "-" for an empty value */
			bool dash = fl[i] == 1 && f[i][0] == '-';
			*v = f[i];
			*vlen = dash ? 0 : fl[i];
			return 0;
		}
	/* #Fields may change mid-file: a field this block lacks reads as
	 * empty, as a JSON field a record lacks does */
	*v = "";
	*vlen = 0;
	return 0;
}
