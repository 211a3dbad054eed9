/* JSON-lines access logs. */
#include "input/json_lines.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/duration.h"
#include "util/num.h"
#include "util/timestamp.h"

/* Field names tried in order when the user names none, with the unit a
 * bare number has there: Caddy writes seconds as a float, Traefik
 * nanoseconds as an integer. */
struct candidate {
	const char *path;
	int64_t unit;
};

static const struct candidate status_names[] = {
	{"status", 0},		    {"DownstreamStatus", 0},        {"response_code", 0},
	{"status_code", 0},	    {"http.response.status_code", 0}, {"response.status", 0},
	{"OriginStatus", 0},	    {NULL, 0},
};
static const struct candidate latency_names[] = {
	{"duration", NS_PER_S},	    {"Duration", 1},		    {"request_time", NS_PER_S},
	{"duration_ms", NS_PER_MS}, {"latency_ms", NS_PER_MS},	    {"elapsed_ms", NS_PER_MS},
	{"response_time_ms", NS_PER_MS}, {"latency", 0},	    {"elapsed", 0},
	{NULL, 0},
};
static const struct candidate time_names[] = {
	{"ts", 0},	   {"time", 0}, {"StartUTC", 0}, {"@timestamp", 0}, {"timestamp", 0},
	{"start_time", 0}, {NULL, 0},
};

struct json_lines {
	struct json_lines_config cfg;
	json_tokener *tok;
	json_object *last; /* the last record, for json_lines_field */
	char used_status[64], used_latency[64], used_time[64];
	int64_t used_unit;
};

struct json_lines *json_lines_new(const struct json_lines_config *cfg)
{
	struct json_lines *j = calloc(1, sizeof *j);
	if (!j)
		return NULL;
	j->cfg = *cfg;
	j->tok = json_tokener_new();
	if (!j->tok) {
		free(j);
		return NULL;
	}
	return j;
}

void json_lines_free(struct json_lines *j)
{
	if (!j)
		return;
	if (j->last)
		json_object_put(j->last);
	json_tokener_free(j->tok);
	free(j);
}

static const char *object_start(const char *line, size_t len)
{
	const char *brace = memchr(line, '{', len);
	/* a prefix is text before the object, not another JSON value */
	if (!brace || (brace > line && memchr(line, '"', (size_t)(brace - line))))
		return NULL;
	return brace;
}

bool json_lines_detect(const char *line, size_t len)
{
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	const char *b = len ? object_start(line, len) : NULL;
	return b && line[len - 1] == '}';
}

/* Looks up a dotted path; a key that itself has dots ("http.response.
 * status_code" in ECS) is tried whole first. */
static json_object *lookup(json_object *o, const char *path)
{
	json_object *v;
	if (json_object_object_get_ex(o, path, &v))
		return v;
	const char *dot = strchr(path, '.');
	while (dot) {
		char key[128];
		size_t n = (size_t)(dot - path);
		if (n >= sizeof key)
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		if (json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_object)) {
			json_object *r = lookup(v, dot + 1);
			if (r)
				return r;
		}
		dot = strchr(dot + 1, '.');
	}
	return NULL;
}

static json_object *find(json_object *o, const char *given, const struct candidate *cands,
			 int64_t *unit, char *used, size_t usedlen)
{
	if (given) {
		/* a field the user names keeps the unit its name says:
		 * "duration" as by default, "latency_ms" by its suffix */
		snprintf(used, usedlen, "%s", given);
		*unit = 0;
		for (size_t i = 0; cands[i].path; i++)
			if (strcmp(cands[i].path, given) == 0)
				*unit = cands[i].unit;
		static const struct candidate suffixes[] = {
			{"_ns", 1}, {"_us", NS_PER_US}, {"_ms", NS_PER_MS}, {"_s", NS_PER_S}, {NULL, 0}};
		size_t gl = strlen(given);
		for (size_t i = 0; !*unit && suffixes[i].path; i++) {
			size_t sl = strlen(suffixes[i].path);
			if (gl > sl && strcmp(given + gl - sl, suffixes[i].path) == 0)
				*unit = suffixes[i].unit;
		}
		return lookup(o, given);
	}
	for (size_t i = 0; cands[i].path; i++) {
		json_object *v = lookup(o, cands[i].path);
		if (v) {
			snprintf(used, usedlen, "%s", cands[i].path);
			*unit = cands[i].unit;
			return v;
		}
	}
	return NULL;
}

/* A value's text: strings as they are, numbers as JSON wrote them.  A
 * string holding a NUL ("503\u0000x") comes back whole, so that it is
 * judged as written and not cut at the NUL. */
static const char *text(json_object *v, size_t *len)
{
	if (json_object_is_type(v, json_type_string)) {
		*len = (size_t)json_object_get_string_len(v);
		return json_object_get_string(v);
	}
	/* json-c holds integers in 64 bits and saturates the larger ones:
	 * say so rather than show a number nobody wrote */
	if (json_object_is_type(v, json_type_int) &&
	    (json_object_get_uint64(v) == UINT64_MAX || json_object_get_int64(v) == INT64_MIN)) {
		static const char past[] = "(a number past 64 bits)";
		*len = sizeof past - 1;
		return past;
	}
	const char *s = json_object_to_json_string(v);
	*len = strlen(s);
	return s;
}

/* A value fit for a message: printable ASCII, the rest as '?', at most
 * 40 bytes. */
static const char *printable(const char *s, size_t len, char *buf, size_t size)
{
	size_t o = 0;
	for (size_t i = 0; i < len && o + 4 < size; i++) {
		if (i == 40) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		unsigned char c = (unsigned char)s[i];
		buf[o++] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	buf[o] = '\0';
	return buf;
}

static int parse_latency(struct json_lines *j, json_object *v, int64_t unit, int64_t *ns,
			 char *why, size_t whylen)
{
	size_t len;
	const char *s = text(v, &len);
	if (j->cfg.latency_unit)
		unit = j->cfg.latency_unit;
	enum num_err e = num_parse_times(s, len, unit ? unit : 1, ns);
	if (e == NUM_OK && unit) {
		j->used_unit = unit;
		return 0;
	} else if (e == NUM_SYNTAX && json_object_is_type(v, json_type_string) &&
		   !memchr(s, '\0', len) && duration_parse(s, ns) == NUM_OK) {
		return 0; /* "250ms": Go's time.Duration as text */
	} else if (e == NUM_OK) {
		char q[64];
		snprintf(why, whylen, "latency %s has no unit; give --latency-unit",
			 printable(s, len, q, sizeof q));
		return -1;
	}
	char q[64];
	snprintf(why, whylen, "latency %s is not a duration", printable(s, len, q, sizeof q));
	return -1;
}

/* Envoy's default JSON access log has response_code, and its duration is
 * in ms, not Caddy's seconds. */
static int64_t envoy_unit(const struct json_lines *j, int64_t unit)
{
	if (!j->cfg.latency_field && strcmp(j->used_latency, "duration") == 0 &&
	    strcmp(j->used_status, "response_code") == 0)
		return NS_PER_MS;
	return unit;
}

int json_lines_record(struct json_lines *j, const char *line, size_t len,
		      struct slo_record *rec, char *why, size_t whylen)
{
	const char *b = object_start(line, len);
	int64_t unit;

	memset(rec, 0, sizeof *rec);
	rec->total = 1;
	if (!b) {
		snprintf(why, whylen, "no JSON object on the line");
		return -1;
	}
	json_tokener_reset(j->tok);
	size_t n = len - (size_t)(b - line);
	if (n > INT32_MAX) {
		snprintf(why, whylen, "JSON object too large");
		return -1;
	}
	json_object *o = json_tokener_parse_ex(j->tok, b, (int)n);
	enum json_tokener_error err = json_tokener_get_error(j->tok);
	if (!o || err != json_tokener_success ||
	    json_tokener_get_parse_end(j->tok) != n) {
		snprintf(why, whylen, "not valid JSON: %s",
			 err == json_tokener_success ? "text after the object"
			 : err == json_tokener_continue ? "the object is cut off"
							: json_tokener_error_desc(err));
		if (o)
			json_object_put(o);
		return -1;
	}
	int rc = -1;
	json_object *v = find(o, j->cfg.status_field, status_names, &unit, j->used_status,
			      sizeof j->used_status);
	if (!v) {
		json_object *msg = lookup(o, "msg");
		char q[64];
		size_t ml;
		const char *mt = msg ? text(msg, &ml) : "";
		snprintf(why, whylen, "no %s field: not a request%s%s%s",
			 j->cfg.status_field ? j->cfg.status_field : "status", msg ? " (\"" : "",
			 msg ? printable(mt, ml, q, sizeof q) : "", msg ? "\")" : "");
		rc = JSON_LINES_NOT_REQUEST;
		goto out;
	}
	size_t sl;
	const char *st = text(v, &sl);
	switch (status_judge(j->cfg.bad_status, st, sl)) {
	case STATUS_GOOD:
		break;
	case STATUS_BAD:
		rec->bad = 1;
		break;
	case STATUS_INVALID: {
		char q[64];
		snprintf(why, whylen, "status %s is not an HTTP status (100-599)",
			 printable(st, sl, q, sizeof q));
		goto out;
	}
	}
	v = find(o, j->cfg.time_field, time_names, &unit, j->used_time, sizeof j->used_time);
	if (v) {
		size_t tl;
		const char *ts = text(v, &tl);
		if (ts_parse(ts, tl, &rec->time) != NUM_OK) {
			char q[64];
			snprintf(why, whylen, "%s %s is not a time", j->used_time,
				 printable(ts, tl, q, sizeof q));
			goto out;
		}
		rec->has_time = true;
	}
	if (!j->cfg.need_latency && j->cfg.want_latency) {
		find(o, j->cfg.latency_field, latency_names, &j->used_unit, j->used_latency,
		     sizeof j->used_latency);
		j->used_unit = envoy_unit(j, j->used_unit);
	}
	if (j->cfg.need_latency) {
		v = find(o, j->cfg.latency_field, latency_names, &unit, j->used_latency,
			 sizeof j->used_latency);
		if (!v) {
			snprintf(why, whylen, "no latency field (looked for %s)",
				 j->cfg.latency_field ? j->cfg.latency_field
						      : "duration, Duration, request_time, ...");
			goto out;
		}
		unit = envoy_unit(j, unit);
		if (parse_latency(j, v, unit, &rec->latency, why, whylen))
			goto out;
		rec->has_latency = true;
	}
	rc = 0;
out:
	if (j->last)
		json_object_put(j->last);
	j->last = o; /* kept for json_lines_field until the next record */
	return rc;
}

int json_lines_field(struct json_lines *j, const char *name, const char **v, size_t *len)
{
	static const struct {
		const char *alias;
		const char *paths[5];
	} aliases[] = {
		{"path", {"request.uri", "RequestPath", "path", "url", NULL}},
		{"method", {"request.method", "RequestMethod", "method", NULL}},
		{"host", {"request.host", "RequestHost", "host", NULL}},
	};
	json_object *o = NULL;
	bool is_path = false;

	if (!j->last)
		return -1;
	o = lookup(j->last, name);
	for (size_t i = 0; !o && i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcmp(name, aliases[i].alias) == 0)
			for (size_t k = 0; !o && aliases[i].paths[k]; k++) {
				o = lookup(j->last, aliases[i].paths[k]);
				is_path = i == 0;
			}
	if (!o) {
		*v = "";
		*len = 0;
		return 0; /* a record may lack a field that others have */
	}
	*v = text(o, len);
	if (is_path) {
		const char *q = memchr(*v, '?', *len);
		if (q)
			*len = (size_t)(q - *v);
	}
	return 0;
}

void json_lines_describe(const struct json_lines *j, char *out, size_t size)
{
	snprintf(out, size, "status=%s%s%s%s%s%s%s",
		 j->used_status[0] ? j->used_status : "?",
		 j->used_time[0] ? " time=" : "", j->used_time,
		 j->used_latency[0] ? " latency=" : "", j->used_latency,
		 j->used_unit == NS_PER_S ? " (s)" : j->used_unit == NS_PER_MS ? " (ms)"
		 : j->used_unit == 1 ? " (ns)" : j->used_unit == NS_PER_US ? " (us)" : "",
		 "");
}
