/* Ruby on Rails request logs, several lines a request: "Processing
 * C#a (for IP at 2008-08-14 21:16:25) [GET]" or "Started GET "/p" for IP
 * at 2012-03-10 14:28:14 +0100" opens one, "Completed in 0.22699 (...) |
 * 200 OK [url]" (Rails 1-2) or "Completed 200 OK in 79ms" (Rails 3+)
 * closes it.  A request is a record when it completes; the lines between
 * are not records. */
#ifndef SLO_INPUT_RAILS_H
#define SLO_INPUT_RAILS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input/status.h"
#include "record.h"

struct rails {
	bool have_time;
	int64_t time;           /* of the request being logged */
	char method[16];
	char path[512];         /* without the query string */
	char action[128];       /* Controller#action */
};

/* True when the line opens a Rails request. */
bool rails_detect(const char *line, size_t len);

/* Reads a line.  Returns 1 with a record when it completes a request, 0
 * for other lines, -1 with why for a malformed "Completed" line. */
int rails_line(struct rails *r, const char *line, size_t len, const struct status_set *bad,
	       struct slo_record *rec, char *why, size_t whylen);

/* "method", "path", "action" of the last request; -1 for other names. */
int rails_field(const struct rails *r, const char *name, const char **v, size_t *len);

#endif
