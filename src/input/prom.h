/* Prometheus range-query results (/api/v1/query_range): a "matrix" of
 * series, each with labels and [time, "value"] samples, such as
 * probe_success or up.  The whole answer is one JSON document, parsed
 * with json-c; Prometheus bounds its size (11000 points a series). */
#ifndef SLO_INPUT_PROM_H
#define SLO_INPUT_PROM_H

#include <stdbool.h>
#include <stddef.h>

#include "input/source.h"
#include "record.h"

/* The most of a document read into memory. */
#define PROM_MAX_BYTES ((size_t)256 << 20)

/* True when the first bytes look like a range-query answer. */
bool prom_detect(const char *buf, size_t len);

struct prom;

/* Reads and parses the whole document.  Returns NULL with why. */
struct prom *prom_read(struct source *src, char *why, size_t whylen);
void prom_free(struct prom *p);

size_t prom_series(const struct prom *p);
size_t prom_samples(const struct prom *p, size_t series);

/* A label of a series ("" when the series lacks it; "__name__" is the
 * metric).  Always 0: any label name is a field. */
int prom_label(const struct prom *p, size_t series, const char *name, const char **v,
	       size_t *len);

/* The series' labels as {a="1",b="2"}, for messages and groups. */
void prom_labels(const struct prom *p, size_t series, char *out, size_t size);

/* Sample i of a series as a record: up when its value is not 0.
 * Returns 0, or -1 with why. */
int prom_record(const struct prom *p, size_t series, size_t i, struct slo_record *rec,
		char *why, size_t whylen);

/* Sample i of a series as its time (ns) and value.  Returns 0, or -1
 * with why. */
int prom_sample(const struct prom *p, size_t series, size_t i, int64_t *t, double *v, char *why,
		size_t whylen);

/* The one series whose label `name` is `value` ("__name__=up",
 * "code=5xx"); -1 when none is, -2 when several are. */
long prom_find(const struct prom *p, const char *match);

#endif
