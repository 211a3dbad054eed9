/* NGINX Plus status API snapshots, one JSON object a line, as a monitor
 * saves them: cumulative counters per server zone
 * (server_zones.<zone>.responses.{5xx,total}).  The events between two
 * snapshots are the counters' differences; a counter that goes down
 * means nginx restarted, and its new value is what happened since. */
#ifndef SLO_INPUT_NGINX_PLUS_H
#define SLO_INPUT_NGINX_PLUS_H

#include <stdbool.h>
#include <stddef.h>

#include "record.h"

#define NGINX_PLUS_MAX_ZONES 256

struct nginx_plus;

struct nginx_plus *nginx_plus_new(void);
void nginx_plus_free(struct nginx_plus *np);

/* True when a line is a status snapshot (it has server_zones). */
bool nginx_plus_detect(const char *line, size_t len);

/* Reads a snapshot; the differences since the one before, a record per
 * zone, go to recs / zones (at most NGINX_PLUS_MAX_ZONES; zone names live
 * until the next call).  A zone's first snapshot is a record of no
 * events, where its counting starts.  A snapshot with a zone lacking its
 * counters is skipped whole.  Returns the number of records, or -1 with
 * why. */
int nginx_plus_line(struct nginx_plus *np, const char *line, size_t len,
		    struct slo_record *recs, const char **zones, char *why, size_t whylen);

#endif
