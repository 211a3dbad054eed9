/* Web server access logs: the built-in layouts (NCSA common and combined,
 * nginx with $request_time and $upstream_response_time appended,
 * ingress-nginx), recognised from a file's first lines, or a layout the
 * user pastes from the server's config; and the conversion of a matched
 * line into a record. */
#ifndef SLO_INPUT_ACCESS_LOG_H
#define SLO_INPUT_ACCESS_LOG_H

#include <stdbool.h>
#include <stddef.h>

#include "input/log_format.h"
#include "input/status.h"
#include "record.h"

/* The built-in layouts, by name, as nginx log_format strings. */
struct access_builtin {
	const char *name;
	const char *spec;
};
extern const struct access_builtin access_builtins[];

/* Picks the built-in layout that matches the most of the given lines
 * (ties go to the layout with more fields) and compiles it into f.
 * Returns the number of lines it matched, 0 when none matches any. */
size_t access_log_detect(const char *const *lines, const size_t *lens, size_t n,
			 struct log_format *f);

/* Converts a matched line into a record.  need_latency makes a layout
 * without a latency field or an unreadable latency an error; "-" (no
 * upstream answered) leaves has_latency false, so the request counts for
 * availability only.  Returns 0, or -1 with the reason. */
int access_log_record(const struct log_match *m, const struct status_set *bad,
		      bool need_latency, struct slo_record *rec, char *why, size_t whylen);

#endif
