/* HAProxy HTTP log lines. */
#include "input/haproxy.h"

#include <stdio.h>
#include <string.h>

#include "input/log_format.h"
#include "util/duration.h"
#include "util/num.h"
#include "util/timestamp.h"

/* The message after "haproxy[pid]: ", or NULL. */
static const char *message(const char *line, size_t len)
{
	const char *end = line + len, *p = line;
	while ((p = memchr(p, 'h', (size_t)(end - p)))) {
		if ((size_t)(end - p) > 9 && memcmp(p, "haproxy[", 8) == 0) {
			const char *q = memchr(p, ']', (size_t)(end - p));
			if (q && end - q > 2 && q[1] == ':' && q[2] == ' ')
				return q + 3;
		}
		p++;
	}
	return NULL;
}

bool haproxy_detect(const char *line, size_t len)
{
	return message(line, len) != NULL;
}

/* The next space-separated token at *p; advances *p past it. */
static size_t token(const char **p, const char *end, const char **tok)
{
	while (*p < end && **p == ' ')
		(*p)++;
	*tok = *p;
	while (*p < end && **p != ' ')
		(*p)++;
	return (size_t)(*p - *tok);
}

int haproxy_record(const char *line, size_t len, const struct status_set *bad,
		   bool need_latency, struct slo_record *rec, char *why, size_t whylen)
{
	const char *end = line + len, *p = message(line, len), *t;
	size_t n;

	memset(rec, 0, sizeof *rec);
	rec->total = 1;
	if (!p) {
		snprintf(why, whylen, "not a line from haproxy");
		return -1;
	}
	const char *msg = p;
	n = token(&p, end, &t); /* client:port */
	n = token(&p, end, &t); /* [accept_date] */
	if (n < 3 || t[0] != '[' || t[n - 1] != ']' ||
	    ts_parse_clf(t, n, &rec->time) != NUM_OK) {
		snprintf(why, whylen, "not an HTTP request line: \"%.*s\"",
			 (int)((size_t)(end - msg) < 50 ? (size_t)(end - msg) : 50), msg);
		return HAPROXY_NOT_REQUEST;
	}
	rec->has_time = true;
	size_t fn = token(&p, end, &t); /* frontend */
	const char *front = t;
	n = token(&p, end, &t);         /* backend/server */
	if ((fn && front[fn - 1] == ':') || (n && t[n - 1] == ':')) {
		/* "prod_http_in/sktst2: SSL handshake failure" */
		snprintf(why, whylen, "not an HTTP request line: \"%.*s\"",
			 (int)((size_t)(end - msg) < 50 ? (size_t)(end - msg) : 50), msg);
		return HAPROXY_NOT_REQUEST;
	}
	const char *timers;
	size_t tn = token(&p, end, &timers);
	const char *last = timers + tn;
	while (last > timers && last[-1] != '/')
		last--;
	int slashes = 0;
	for (size_t i = 0; i < tn; i++)
		slashes += timers[i] == '/';
	if (slashes == 2) {
		/* Tw/Tc/Tt: a TCP-mode connection, with no HTTP status */
		snprintf(why, whylen, "not an HTTP request line: a TCP connection (%.*s)",
			 (int)(tn < 30 ? tn : 30), timers);
		return HAPROXY_NOT_REQUEST;
	}
	if (last == timers || slashes != 4) {
		snprintf(why, whylen, "timers \"%.*s\" are not Tq/Tw/Tc/Tr/Ta", (int)(tn < 30 ? tn : 30),
			 timers);
		return -1;
	}
	n = token(&p, end, &t); /* status */
	switch (status_judge(bad, t, n)) {
	case STATUS_GOOD:
		break;
	case STATUS_BAD:
		rec->bad = 1;
		break;
	case STATUS_INVALID:
		snprintf(why, whylen, "status \"%.*s\" is not an HTTP status (100-599)",
			 (int)(n < 20 ? n : 20), t);
		return -1;
	}
	if (need_latency) {
		const char *v = last;
		size_t vl = (size_t)(timers + tn - last);
		if (vl && v[0] == '+') { /* option logasap marks an estimate */
			v++;
			vl--;
		}
		uint64_t ms;
		if (vl && v[0] == '-') {
			snprintf(why, whylen, "no total time (%.*s): the request was aborted",
				 (int)(tn < 30 ? tn : 30), timers);
			return -1;
		}
		if (num_parse_u64(v, vl, &ms) != NUM_OK || ms > (uint64_t)(INT64_MAX / NS_PER_MS)) {
			snprintf(why, whylen, "timers \"%.*s\" are not Tq/Tw/Tc/Tr/Ta",
				 (int)(tn < 30 ? tn : 30), timers);
			return -1;
		}
		rec->latency = (int64_t)ms * NS_PER_MS;
		rec->has_latency = true;
	}
	return 0;
}

int haproxy_field(const char *line, size_t len, const char *name, const char **v,
		  size_t *vlen)
{
	const char *end = line + len, *p = message(line, len), *t;
	size_t n;
	int want = strcmp(name, "client") == 0 ? 0 : strcmp(name, "frontend") == 0 ? 2
		   : strcmp(name, "backend") == 0 || strcmp(name, "server") == 0 ? 3 : -1;
	int part = strcmp(name, "method") == 0 ? 0 : strcmp(name, "path") == 0 ? 1
		   : strcmp(name, "query") == 0 ? 2 : -1;

	if (want < 0 && part < 0)
		return -1;
	*v = "";
	*vlen = 0;
	if (!p)
		return 0;
	if (part >= 0) {
		/* the request is the quoted text at the end of the line */
		const char *q = memchr(p, '"', (size_t)(end - p));
		if (q) {
			const char *e = end > q + 1 && end[-1] == '"' ? end - 1 : end;
			log_request_part(q + 1, (size_t)(e - q - 1), part, v, vlen);
		}
		return 0;
	}
	for (int i = 0; i <= want; i++)
		n = token(&p, end, &t);
	*v = t;
	*vlen = n;
	if (want == 3) {
		const char *slash = memchr(t, '/', n);
		if (strcmp(name, "backend") == 0)
			*vlen = slash ? (size_t)(slash - t) : n;
		else if (slash) {
			*v = slash + 1;
			*vlen = n - (size_t)(slash - t) - 1;
		}
	}
	return 0;
}
