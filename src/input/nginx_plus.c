/* NGINX Plus status snapshots. */
#include "input/nginx_plus.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/num.h"
#include "util/timestamp.h"

struct zone {
	char *name;
	uint64_t total, bad; /* the counters at the last snapshot */
};

struct nginx_plus {
	json_tokener *tok;
	struct zone zone[NGINX_PLUS_MAX_ZONES];
	size_t n;
	bool started;
};

struct nginx_plus *nginx_plus_new(void)
{
	struct nginx_plus *np = calloc(1, sizeof *np);
	if (np && !(np->tok = json_tokener_new())) {
		free(np);
		return NULL;
	}
	return np;
}

void nginx_plus_free(struct nginx_plus *np)
{
	if (!np)
		return;
	for (size_t i = 0; i < np->n; i++)
		free(np->zone[i].name);
	json_tokener_free(np->tok);
	free(np);
}

bool nginx_plus_detect(const char *line, size_t len)
{
	static const char key[] = "\"server_zones\"";
	if (len == 0 || line[0] != '{')
		return false;
	for (size_t i = 0; i + sizeof key - 1 <= len; i++)
		if (memcmp(line + i, key, sizeof key - 1) == 0)
			return true;
	return false;
}

static bool counter(json_object *o, const char *key, uint64_t *v)
{
	json_object *x;
	if (!json_object_object_get_ex(o, key, &x) || !json_object_is_type(x, json_type_int))
		return false;
	int64_t i = json_object_get_int64(x);
	if (i < 0)
		return false;
	*v = (uint64_t)i;
	return true;
}

/* The events since the last value of a counter; after a restart (the
 * counter went down) all of the new value. */
static uint64_t since(uint64_t now, uint64_t before)
{
	return now >= before ? now - before : now;
}

int nginx_plus_line(struct nginx_plus *np, const char *line, size_t len,
		    struct slo_record *recs, const char **zones, char *why, size_t whylen)
{
	json_tokener_reset(np->tok);
	json_object *o = len < INT32_MAX ? json_tokener_parse_ex(np->tok, line, (int)len) : NULL;
	json_object *sz, *ts;
	int n = -1;

	if (!o || json_tokener_get_error(np->tok) != json_tokener_success) {
		snprintf(why, whylen, "not valid JSON: %s",
			 json_tokener_error_desc(json_tokener_get_error(np->tok)));
		goto out;
	}
	if (!json_object_object_get_ex(o, "server_zones", &sz) ||
	    !json_object_is_type(sz, json_type_object)) {
		snprintf(why, whylen, "no server_zones object: not a status snapshot");
		goto out;
	}
	int64_t t = 0;
	/* the saved API answers have epoch ms; the /nginx endpoint an ISO
	 * string */
	const char *tstext = !json_object_object_get_ex(o, "timestamp", &ts) ? NULL
			     : json_object_is_type(ts, json_type_string) ? json_object_get_string(ts)
									: json_object_to_json_string(ts);
	if (!tstext || ts_parse(tstext, strlen(tstext), &t) != NUM_OK) {
		snprintf(why, whylen, "no readable timestamp");
		goto out;
	}
	/* every zone is checked before any counter moves, so that a bad
	 * snapshot is skipped whole and the next one counts from the last */
	json_object_object_foreach(sz, zname, zone)
	{
		json_object *resp;
		uint64_t total, bad;
		if (!json_object_object_get_ex(zone, "responses", &resp) ||
		    !counter(resp, "total", &total) || !counter(resp, "5xx", &bad)) {
			snprintf(why, whylen, "zone %.60s has no responses.total and responses.5xx",
				 zname);
			goto out;
		}
	}
	n = 0;
	json_object_object_foreach(sz, name, z)
	{
		json_object *resp;
		uint64_t total = 0, bad = 0;
		json_object_object_get_ex(z, "responses", &resp);
		counter(resp, "total", &total);
		counter(resp, "5xx", &bad);
		size_t i = 0;
		while (i < np->n && strcmp(np->zone[i].name, name) != 0)
			i++;
		bool is_new = i == np->n;
		if (is_new) {
			if (np->n == NGINX_PLUS_MAX_ZONES) {
				snprintf(why, whylen, "more than %d server zones", NGINX_PLUS_MAX_ZONES);
				n = -1;
				goto out;
			}
			np->zone[i].name = strdup(name);
			if (!np->zone[i].name) {
				snprintf(why, whylen, "out of memory");
				n = -1;
				goto out;
			}
			np->n++;
		}
		/* a zone's first snapshot is a record of no events: it is
		 * where the counting, and the span, start */
		struct slo_record *r = &recs[n];
		memset(r, 0, sizeof *r);
		r->time = t;
		r->has_time = true;
		if (!is_new) {
			/* the total going down means nginx restarted: then every
			 * counter starts again, the 5xx one too, even if it went up */
			bool restart = total < np->zone[i].total;
			r->total = restart ? total : total - np->zone[i].total;
			r->bad = restart ? bad : since(bad, np->zone[i].bad);
			if (r->bad > r->total)
				r->bad = r->total;
		}
		zones[n++] = np->zone[i].name;
		np->zone[i].total = total;
		np->zone[i].bad = bad;
	}
	np->started = true;
out:
	if (o)
		json_object_put(o);
	return n;
}
