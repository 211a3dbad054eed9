/* Rails request logs. */
#include "input/rails.h"

#include <stdio.h>
#include <string.h>

#include "util/duration.h"
#include "util/num.h"
#include "util/timestamp.h"

static bool starts(const char *line, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	return len >= n && memcmp(line, prefix, n) == 0;
}

static const char *find(const char *s, size_t len, const char *what)
{
	size_t n = strlen(what);
	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(s + i, what, n) == 0)
			return s + i;
	return NULL;
}

/* Passes over the tags config.log_tags puts before each line:
 * "[8d3e...] [web.1] Started GET ...". */
static void untag(const char **line, size_t *len)
{
	while (*len > 2 && (*line)[0] == '[') {
		const char *close = memchr(*line, ']', *len);
		if (!close || (size_t)(close - *line) + 2 > *len || close[1] != ' ')
			return;
		*len -= (size_t)(close - *line) + 2;
		*line = close + 2;
	}
}

bool rails_detect(const char *line, size_t len)
{
	untag(&line, &len);
	return (starts(line, len, "Processing ") && find(line, len, " (for ")) ||
	       (starts(line, len, "Started ") && find(line, len, " for ") && find(line, len, " at "));
}

static void copy(char *dst, size_t size, const char *s, size_t len)
{
	snprintf(dst, size, "%.*s", (int)(len < size ? len : size - 1), s);
}

/* A path from a URL or path: no scheme or host, no query. */
static void set_path(struct rails *r, const char *s, size_t len)
{
	const char *end = s + len, *p = find(s, len, "://");
	if (p) {
		p = memchr(p + 3, '/', (size_t)(end - p - 3));
		s = p ? p : end;
	}
	const char *q = memchr(s, '?', (size_t)(end - s));
	copy(r->path, sizeof r->path, s, (size_t)((q ? q : end) - s));
}

/* The time after " at ": "2008-08-14 21:16:25" or "... +0100". */
static void set_time(struct rails *r, const char *at, const char *end)
{
	char stamp[40];
	size_t n = 0;
	for (const char *p = at; p < end && *p != ')' && n + 1 < sizeof stamp; p++) {
		if (*p == ' ' && p + 1 < end && (p[1] == '+' || p[1] == '-'))
			continue; /* "14:28:14 +0100" is "14:28:14+0100" to ts_parse */
		stamp[n++] = *p;
	}
	stamp[n] = '\0';
	r->have_time = ts_parse(stamp, n, &r->time) == NUM_OK;
}

/* A duration "0.22699" (s) or "79ms" / "79.1ms" at s. */
static int duration_at(const char *s, const char *end, int64_t *ns)
{
	const char *e = s;
	while (e < end && ((*e >= '0' && *e <= '9') || *e == '.'))
		e++;
	if (e == s)
		return -1;
	int64_t unit = end - e >= 2 && e[0] == 'm' && e[1] == 's' ? NS_PER_MS : NS_PER_S;
	return num_parse_times(s, (size_t)(e - s), unit, ns) == NUM_OK ? 0 : -1;
}

int rails_line(struct rails *r, const char *line, size_t len, const struct status_set *bad,
	       struct slo_record *rec, char *why, size_t whylen)
{
	untag(&line, &len);
	const char *end = line + len, *p;

	if (starts(line, len, "Processing by ")) {
		/* Rails 3+: "Processing by C#a as HTML" names the action of the
		 * request Started opened */
		const char *sp = memchr(line + 14, ' ', len - 14);
		copy(r->action, sizeof r->action, line + 14, (size_t)((sp ? sp : end) - line - 14));
		return 0;
	}
	if (starts(line, len, "Processing ")) {
		const char *sp = memchr(line + 11, ' ', len - 11);
		copy(r->action, sizeof r->action, line + 11, (size_t)((sp ? sp : end) - line - 11));
		r->have_time = false;
		if ((p = find(line, len, " at ")))
			set_time(r, p + 4, end);
		const char *m = memchr(line, '[', len);
		if (m && end[-1] == ']')
			copy(r->method, sizeof r->method, m + 1, (size_t)(end - m - 2));
		r->path[0] = '\0';
		return 0;
	}
	if (starts(line, len, "Started ")) {
		const char *sp = memchr(line + 8, ' ', len - 8);
		copy(r->method, sizeof r->method, line + 8, (size_t)((sp ? sp : end) - line - 8));
		const char *q1 = memchr(line, '"', len);
		const char *q2 = q1 ? memchr(q1 + 1, '"', (size_t)(end - q1 - 1)) : NULL;
		if (q2)
			set_path(r, q1 + 1, (size_t)(q2 - q1 - 1));
		r->have_time = false;
		if ((p = find(line, len, " at ")))
			set_time(r, p + 4, end);
		r->action[0] = '\0';
		return 0;
	}
	if (!starts(line, len, "Completed "))
		return 0;

	memset(rec, 0, sizeof *rec);
	rec->total = 1;
	rec->has_time = r->have_time;
	rec->time = r->time;
	const char *status = NULL;
	if (starts(line, len, "Completed in ")) {
		/* Rails 1-2: "Completed in 0.22699 (...) | ... | 200 OK [url]" */
		if (duration_at(line + 13, end, &rec->latency) == 0)
			rec->has_latency = true;
		const char *bar = NULL;
		for (p = line; (p = memchr(p, '|', (size_t)(end - p))); p++)
			bar = p;
		status = bar ? bar + 2 : NULL;
		const char *u = memchr(line, '[', len);
		if (u && end[-1] == ']')
			set_path(r, u + 1, (size_t)(end - u - 2));
	} else {
		/* Rails 3+: "Completed 200 OK in 79ms (Views: ...)" */
		status = line + 10;
		if ((p = find(line, len, " in ")) && duration_at(p + 4, end, &rec->latency) == 0)
			rec->has_latency = true;
	}
	if (!status || end - status < 3) {
		snprintf(why, whylen, "no status on the Completed line");
		return -1;
	}
	switch (status_judge(bad, status, 3)) {
	case STATUS_GOOD:
		break;
	case STATUS_BAD:
		rec->bad = 1;
		break;
	case STATUS_INVALID:
		snprintf(why, whylen, "status \"%.3s\" is not an HTTP status (100-599)", status);
		return -1;
	}
	/* the next Completed needs its own opening line */
	r->have_time = false;
	return 1;
}

int rails_field(const struct rails *r, const char *name, const char **v, size_t *len)
{
	const char *s = strcmp(name, "method") == 0 ? r->method
			: strcmp(name, "path") == 0 ? r->path
			: strcmp(name, "action") == 0 ? r->action : NULL;
	if (!s)
		return -1;
	*v = s;
	*len = strlen(s);
	return 0;
}
