/* Which CSV column holds what: found from the header by name, or named by
 * the user, and the conversion of a row into a record. */
#ifndef SLO_INPUT_CSV_COLUMNS_H
#define SLO_INPUT_CSV_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input/csv_reader.h"
#include "input/status.h"
#include "record.h"

/* What the user said about columns; NULL names mean "find it". */
struct csv_columns_config {
	const char *time_col, *status_col, *latency_col;
	const char *total_col, *bad_col, *good_col; /* pre-aggregated rows */
	const char *end_col;   /* incidents: the end; the time column starts */
	bool no_header;        /* the first line is data; columns by number */
	int64_t latency_unit;  /* ns per bare latency number; 0: from name */
	const struct status_set *bad_status;
	bool need_status;      /* an availability objective is asked for */
	bool need_latency;     /* a latency objective is asked for */
	bool need_time;        /* a window is asked for */
	bool need_end;         /* rows are incidents (start, end) */
	bool want_all;         /* find every column there is, needed or not
				  (slo detect), without failing on any */
};

enum csv_role { ROLE_TIME, ROLE_STATUS, ROLE_LATENCY, ROLE_TOTAL, ROLE_BAD, ROLE_GOOD, ROLE_END,
		ROLE_N };

struct csv_columns {
	int col[ROLE_N];         /* 0-based index, or -1 */
	char name[ROLE_N][64];   /* the header's spelling, for --explain */
	size_t nfields;          /* fields every row must have */
	int64_t latency_unit;    /* ns per bare number, 0 when unknown */
	const char *unit_from;   /* how latency_unit was decided */
};

/* Finds the columns in a header row (or, with no_header, checks numbered
 * columns against the first row).  Returns 0, or -1 with a one-line
 * message in err (no program name, no file name). */
int csv_columns_resolve(const struct csv_columns_config *cfg,
			const struct csv_field *f, size_t n, struct csv_columns *out,
			char *err, size_t errlen);

/* Converts a data row into a record.  Returns 0, or -1 with the reason
 * the row is malformed in why ("status \"2OO\" is not ..."). */
int csv_columns_record(const struct csv_columns *cols,
		       const struct csv_columns_config *cfg,
		       const struct csv_field *f, size_t n, struct slo_record *rec,
		       char *why, size_t whylen);

/* The role's name for messages: "time", "status", ... */
const char *csv_role_name(enum csv_role r);

/* Column names found without being told, by role, NULL-terminated, in
 * order of preference (lowercase, separators removed). */
extern const char *const csv_time_names[];
extern const char *const csv_status_names[];
extern const char *const csv_latency_names[];
extern const char *const csv_total_names[]; /* tried when there is no status */
extern const char *const csv_bad_names[];
extern const char *const csv_good_names[];
extern const char *const csv_start_names[]; /* incidents */
extern const char *const csv_end_names[];

#endif
