/* What the user asked for: an objective is a target over a kind of SLI. */
#ifndef SLO_EVAL_OBJECTIVE_H
#define SLO_EVAL_OBJECTIVE_H

#include <stdint.h>

enum objective_kind {
	OBJ_EVENTS,  /* availability: bad events are the reader's verdict */
	OBJ_LATENCY, /* an event is good when its latency <= threshold */
};

#define OBJECTIVE_NAME_MAX 64

struct objective {
	char name[OBJECTIVE_NAME_MAX]; /* "availability", "latency 300ms" */
	enum objective_kind kind;
	int64_t target;    /* FRAC_ONE fraction, strictly between 0 and 1 */
	int64_t threshold; /* OBJ_LATENCY: the latency bound, ns */
};

#endif
