/* Prometheus range-query answers. */
#include "input/prom.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/num.h"
#include "util/timestamp.h"

struct prom {
	json_object *root;
	json_object *result; /* the array of series */
};

/* The text of a JSON value, "" for a null or a missing one: json-c gives
 * NULL for those, and the answer is whatever the server (or a file) says. */
static const char *str(json_object *o)
{
	const char *s = json_object_get_string(o);
	return s ? s : "";
}

bool prom_detect(const char *buf, size_t len)
{
	/* {"status":"success","data":{"resultType":"matrix", ... */
	const char *p = buf, *end = buf + len;
	while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
		p++;
	if (p == end || *p != '{')
		return false;
	size_t n = (size_t)(end - p) < 4096 ? (size_t)(end - p) : 4096;
	const char *rt = NULL;
	for (size_t i = 0; i + 12 <= n && !rt; i++)
		if (memcmp(p + i, "\"resultType\"", 12) == 0)
			rt = p + i;
	if (!rt)
		return false;
	for (const char *q = rt + 12; q + 8 <= end && q < rt + 64; q++)
		if (memcmp(q, "\"matrix\"", 8) == 0)
			return true;
	return false;
}

struct prom *prom_read(struct source *src, char *why, size_t whylen)
{
	json_tokener *tok = json_tokener_new();
	struct prom *p = calloc(1, sizeof *p);
	char *buf = malloc(1 << 16);
	size_t total = 0;
	json_object *root = NULL;
	const char *err = NULL;

	if (!tok || !p || !buf) {
		snprintf(why, whylen, "out of memory");
		goto fail;
	}
	for (;;) {
		ssize_t n = source_read(src, buf, 1 << 16, &err);
		if (n < 0) {
			snprintf(why, whylen, "read error: %s", err);
			goto fail;
		}
		if (n == 0)
			break;
		total += (size_t)n;
		if (total > PROM_MAX_BYTES) {
			snprintf(why, whylen, "a query answer larger than %zu MiB; ask for fewer points",
				 PROM_MAX_BYTES >> 20);
			goto fail;
		}
		root = json_tokener_parse_ex(tok, buf, (int)n);
		enum json_tokener_error e = json_tokener_get_error(tok);
		if (e != json_tokener_continue && e != json_tokener_success) {
			snprintf(why, whylen, "not valid JSON: %s", json_tokener_error_desc(e));
			goto fail;
		}
		if (root)
			break;
	}
	if (!root) {
		snprintf(why, whylen, "the JSON document is cut off");
		goto fail;
	}
	json_object *status, *data, *type;
	if (json_object_object_get_ex(root, "status", &status) &&
	    strcmp(str(status), "success") != 0) {
		json_object *msg = NULL;
		json_object_object_get_ex(root, "error", &msg);
		snprintf(why, whylen, "the query failed: %s",
			 *str(msg) ? str(msg) : "status is not success");
		goto fail;
	}
	if (!json_object_object_get_ex(root, "data", &data) ||
	    !json_object_object_get_ex(data, "resultType", &type) ||
	    strcmp(str(type), "matrix") != 0 ||
	    !json_object_object_get_ex(data, "result", &p->result) ||
	    !json_object_is_type(p->result, json_type_array)) {
		snprintf(why, whylen, "not a range query's answer: data.resultType \"matrix\" and "
				      "data.result [...] expected");
		goto fail;
	}
	p->root = root;
	free(buf);
	json_tokener_free(tok);
	return p;
fail:
	if (root)
		json_object_put(root);
	free(buf);
	free(p);
	if (tok)
		json_tokener_free(tok);
	return NULL;
}

void prom_free(struct prom *p)
{
	if (!p)
		return;
	json_object_put(p->root);
	free(p);
}

size_t prom_series(const struct prom *p)
{
	return json_object_array_length(p->result);
}

static json_object *values(const struct prom *p, size_t series)
{
	json_object *s = json_object_array_get_idx(p->result, series), *v;
	if (s && json_object_object_get_ex(s, "values", &v) && json_object_is_type(v, json_type_array))
		return v;
	return NULL;
}

size_t prom_samples(const struct prom *p, size_t series)
{
	json_object *v = values(p, series);
	return v ? json_object_array_length(v) : 0;
}

int prom_label(const struct prom *p, size_t series, const char *name, const char **v,
	       size_t *len)
{
	json_object *s = json_object_array_get_idx(p->result, series), *m, *l;
	*v = "";
	*len = 0;
	if (s && json_object_object_get_ex(s, "metric", &m) && json_object_object_get_ex(m, name, &l)) {
		*v = str(l);
		*len = strlen(*v);
	}
	return 0;
}

void prom_labels(const struct prom *p, size_t series, char *out, size_t size)
{
	json_object *s = json_object_array_get_idx(p->result, series), *m;
	size_t o = 0;
	out[0] = '\0';
	if (!s || !json_object_object_get_ex(s, "metric", &m) ||
	    !json_object_is_type(m, json_type_object))
		return;
	o += (size_t)snprintf(out, size, "{");
	json_object_object_foreach(m, key, val)
	{
		if (o >= size)
			break;
		o += (size_t)snprintf(out + o, size - o, "%s%s=\"%s\"", o > 1 ? "," : "", key,
				      str(val));
	}
	if (o < size)
		snprintf(out + o, size - o, "}");
}

int prom_record(const struct prom *p, size_t series, size_t i, struct slo_record *rec,
		char *why, size_t whylen)
{
	json_object *v = values(p, series);
	json_object *pair = v ? json_object_array_get_idx(v, i) : NULL;
	memset(rec, 0, sizeof *rec);
	rec->total = 1;
	if (!pair || !json_object_is_type(pair, json_type_array) ||
	    json_object_array_length(pair) != 2) {
		snprintf(why, whylen, "sample %zu is not [time, \"value\"]", i + 1);
		return -1;
	}
	const char *ts = json_object_to_json_string(json_object_array_get_idx(pair, 0));
	const char *val = str(json_object_array_get_idx(pair, 1));
	if (ts_parse(ts, strlen(ts), &rec->time) != NUM_OK) {
		snprintf(why, whylen, "sample %zu: time %.30s is not an epoch time", i + 1, ts);
		return -1;
	}
	rec->has_time = true;
	/* probe_success and up are 1 or 0; anything but 0 is taken as up */
	int64_t x;
	if (num_parse_scaled(val, strlen(val), 9, &x) == NUM_OK)
		rec->bad = x == 0;
	else if (strcmp(val, "NaN") == 0) {
		snprintf(why, whylen, "sample %zu is NaN (a stale series)", i + 1);
		return -1;
	} else {
		snprintf(why, whylen, "sample %zu: value \"%.20s\" is not a number", i + 1, val);
		return -1;
	}
	return 0;
}

int prom_sample(const struct prom *p, size_t series, size_t i, int64_t *t, double *v, char *why,
		size_t whylen)
{
	json_object *vals = values(p, series);
	json_object *pair = vals ? json_object_array_get_idx(vals, i) : NULL;
	if (!pair || !json_object_is_type(pair, json_type_array) ||
	    json_object_array_length(pair) != 2) {
		snprintf(why, whylen, "sample %zu is not [time, \"value\"]", i + 1);
		return -1;
	}
	const char *ts = json_object_to_json_string(json_object_array_get_idx(pair, 0));
	const char *val = str(json_object_array_get_idx(pair, 1));
	char *end;
	if (ts_parse(ts, strlen(ts), t) != NUM_OK) {
		snprintf(why, whylen, "sample %zu: time %.30s is not an epoch time", i + 1, ts);
		return -1;
	}
	*v = strtod(val, &end);
	if (end == val || *end || !(*v >= 0) || *v > 1e18) {
		snprintf(why, whylen, "sample %zu: value \"%.20s\" is not a count", i + 1, val);
		return -1;
	}
	return 0;
}

long prom_find(const struct prom *p, const char *match)
{
	const char *eq = strchr(match, '=');
	char name[128];
	if (!eq || (size_t)(eq - match) >= sizeof name)
		return -1;
	memcpy(name, match, (size_t)(eq - match));
	name[eq - match] = '\0';
	long found = -1;
	for (size_t s = 0; s < prom_series(p); s++) {
		const char *v;
		size_t len;
		prom_label(p, s, name, &v, &len);
		if (strlen(eq + 1) == len && memcmp(v, eq + 1, len) == 0) {
			if (found >= 0)
				return -2;
			found = (long)s;
		}
	}
	return found;
}
