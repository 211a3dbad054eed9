/* Cells of the table formats (--format csv, tsv, markdown) and values of
 * the Prometheus one: each kind's escaping, and numbers written as the
 * JSON report writes them. */
#ifndef SLO_REPORT_CELLS_H
#define SLO_REPORT_CELLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum cells_kind {
	CELLS_CSV,      /* RFC 4180: quoted when it holds , " CR or LF */
	CELLS_TSV,      /* tab-separated: \ tab LF CR written \\ \t \n \r */
	CELLS_MARKDOWN, /* a GitHub table: | and markup characters escaped,
			   what is not UTF-8 replaced by U+FFFD */
};

/* A row being written: cells separated as the kind wants. */
struct cells {
	FILE *out;
	enum cells_kind kind;
	bool first; /* no cell written yet on this row */
};

void cells_init(struct cells *c, FILE *out, enum cells_kind kind);
/* One cell; NULL is an empty one (a value that does not apply). */
void cells_put(struct cells *c, const char *s);
/* Ends the row (LF; markdown closes it with " |"). */
void cells_end(struct cells *c);

/* Writes one field as `kind` wants it, without separators. */
void cells_escape(FILE *out, enum cells_kind kind, const char *s);

/* Writes a Prometheus label value: \ " and LF escaped, and bytes that are
 * not UTF-8 replaced by U+FFFD (the format is UTF-8). */
void cells_prom_label(FILE *out, const char *s);

/* The shortest decimal that reads back as v, as JSON has it ("0.999",
 * "6.327490380504489"); "NaN", "+Inf" or "-Inf" for what is not finite.
 * Returns buf. */
char *cells_double(double v, char *buf, size_t size);

#endif
