/* Several Prometheus text expositions made one: slo eval -c writes one
 * report per SLO, and the format wants each metric family once, its HELP
 * and TYPE first and all its samples together.  Only slo's own output is
 * fed here: a family starts at its "# HELP" line. */
#ifndef SLO_REPORT_PROM_MERGE_H
#define SLO_REPORT_PROM_MERGE_H

#include <stddef.h>
#include <stdio.h>

struct prom_merge;

struct prom_merge *prom_merge_new(void);

/* Adds the families and samples of one exposition, text[0..len); -1 when
 * out of memory. */
int prom_merge_add(struct prom_merge *m, const char *text, size_t len);

/* Writes every family once, in the order first seen, with the samples of
 * every exposition added, in the order added. */
void prom_merge_write(const struct prom_merge *m, FILE *out);

void prom_merge_free(struct prom_merge *m);

#endif
