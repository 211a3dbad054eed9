/* Structured access logs, one JSON object per line (Caddy, Traefik,
 * Envoy, application logs), parsed with json-c.  Fields are found by name
 * or dotted path ("request.method"); a text prefix before the object
 * ("caddy  | {...}", as docker compose writes it) is passed over, and
 * lines without a status (a server's own start-up messages) are reported
 * as not being requests. */
#ifndef SLO_INPUT_JSON_LINES_H
#define SLO_INPUT_JSON_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input/status.h"
#include "record.h"

struct json_lines_config {
	const char *status_field;  /* NULL: status, DownstreamStatus, ... */
	const char *latency_field; /* NULL: duration, Duration, ... */
	const char *time_field;    /* NULL: ts, time, StartUTC, ... */
	int64_t latency_unit;      /* ns per bare number; 0: from the name */
	const struct status_set *bad_status;
	bool need_latency;
	bool want_latency; /* find it when there, to say so (slo detect) */
};

struct json_lines;

/* Returns NULL when out of memory. */
struct json_lines *json_lines_new(const struct json_lines_config *cfg);
void json_lines_free(struct json_lines *j);

/* True when the line holds a JSON object (after an optional prefix). */
bool json_lines_detect(const char *line, size_t len);

/* What json_lines_record returns for an object without a status: a
 * server's own message, not a request, and not malformed. */
#define JSON_LINES_NOT_REQUEST (-2)

/* Converts a line.  Returns 0, JSON_LINES_NOT_REQUEST, or -1 for a
 * malformed line; why says which. */
int json_lines_record(struct json_lines *j, const char *line, size_t len,
		      struct slo_record *rec, char *why, size_t whylen);

/* A field of the last record read, by dotted path, or the aliases
 * "path" (without the query), "method" and "host" (Caddy's request.uri,
 * Traefik's RequestPath, ...).  The value lives until the next record.
 * A field the record lacks reads as empty (records of one log differ);
 * -1 only when there is no record yet. */
int json_lines_field(struct json_lines *j, const char *name, const char **v, size_t *len);

/* What the fields resolved to, after the first record ("status=status
 * latency=duration (s) time=ts"). */
void json_lines_describe(const struct json_lines *j, char *out, size_t size);

#endif
