/* HAProxy HTTP logs (option httplog) as syslog writes them:
 * "Feb 25 16:19:49 host haproxy[7]: 1.2.3.4:53332 [25/Feb/2019:16:19:48.143]
 *  frontend backend/server Tq/Tw/Tc/Tr/Ta status bytes ...".  The accept
 * date gives the time (HAProxy writes no zone: UTC is assumed), the last
 * timer the latency in ms, and lines that are not requests ("Proxy ...
 * started.", SSL handshake failures) are reported as such. */
#ifndef SLO_INPUT_HAPROXY_H
#define SLO_INPUT_HAPROXY_H

#include <stdbool.h>
#include <stddef.h>

#include "input/status.h"
#include "record.h"

/* True when the line comes from haproxy through syslog. */
bool haproxy_detect(const char *line, size_t len);

/* What haproxy_record returns for a line that is no HTTP request (a
 * server event, a TCP connection): not malformed, but not a record. */
#define HAPROXY_NOT_REQUEST (-2)

/* Converts a line.  Returns 0, HAPROXY_NOT_REQUEST, or -1 for a malformed
 * line; why says which. */
int haproxy_record(const char *line, size_t len, const struct status_set *bad,
		   bool need_latency, struct slo_record *rec, char *why, size_t whylen);

/* A field of a request line: "frontend", "backend", "server", "client",
 * or from the request at the end: "method", "path" (no query), "query".
 * Returns 0, or -1 for a name HAProxy logs do not have. */
int haproxy_field(const char *line, size_t len, const char *name, const char **v,
		  size_t *vlen);

#endif
