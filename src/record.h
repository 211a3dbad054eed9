/* The one type readers hand to evaluation: what a row or log line said,
 * already converted to numbers.  Readers fill it; evaluation never sees
 * where it came from. */
#ifndef SLO_RECORD_H
#define SLO_RECORD_H

#include <stdbool.h>
#include <stdint.h>

struct slo_record {
	int64_t time;     /* ns since the Unix epoch, when has_time */
	int64_t latency;  /* ns, when has_latency */
	uint64_t total;   /* events this record stands for: 1 for a request,
			     the row's count for pre-aggregated data */
	uint64_t bad;     /* of those, the ones judged bad (<= total) */
	int64_t until;    /* an incident's end, ns, when has_until */
	bool has_time;
	bool has_latency;
	bool has_until;
};

#endif
