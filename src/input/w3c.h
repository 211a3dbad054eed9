/* W3C extended log files (IIS): "#Fields:" directives name the
 * space-separated fields of the lines that follow, and may change
 * mid-file; date and time are UTC; time-taken is milliseconds. */
#ifndef SLO_INPUT_W3C_H
#define SLO_INPUT_W3C_H

#include <stdbool.h>
#include <stddef.h>

#include "input/status.h"
#include "record.h"

struct w3c {
	int date, time, status, taken; /* field numbers, or -1 */
	int nfields;                   /* 0 before the first #Fields */
	char names[1024];              /* the #Fields names, space-separated */
};

/* True when a line is a W3C directive ("#Software:", "#Fields:", ...). */
bool w3c_is_directive(const char *line, size_t len);

/* Reads a directive line; a "#Fields:" line sets the layout.  Returns 0,
 * or -1 with why when a #Fields line lacks what is needed. */
int w3c_directive(struct w3c *w, const char *line, size_t len, bool need_latency,
		  char *why, size_t whylen);

/* Converts a data line into a record.  Returns 0, or -1 with why. */
int w3c_record(const struct w3c *w, const char *line, size_t len,
	       const struct status_set *bad, bool need_latency, struct slo_record *rec,
	       char *why, size_t whylen);

/* A field of a data line by its #Fields name ("cs-uri-stem"), or the
 * aliases "path", "method", "host", "query".  A field the current
 * #Fields block lacks reads as empty.  Returns 0. */
int w3c_field(const struct w3c *w, const char *line, size_t len, const char *name,
	      const char **v, size_t *vlen);

#endif
