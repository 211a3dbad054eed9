/* The direct path for CSV rows: a line of plain cells converted into a
 * record in one pass over its bytes, without splitting it into fields
 * first.  Plain: no quote anywhere, no carriage return but one before the
 * newline, the cells that are read without spaces around them, and each
 * of those readable (a time, a status, a latency).  Any other line is
 * left to the usual way (csv_reader's split, then csv_columns_record),
 * which also says what is wrong with it; a line the direct path takes
 * gives the record the usual way would (fuzz/fuzz_csv_direct.c holds the
 * two to that). */
#ifndef SLO_INPUT_CSV_DIRECT_H
#define SLO_INPUT_CSV_DIRECT_H

#include <stdbool.h>
#include <stddef.h>

#include "input/csv_columns.h"
#include "record.h"

/* What ends a cell: nothing (0), or a byte that leaves the line to the
 * usual way (a quote, a NUL), the delimiter, a LF, a CR. */
enum { END_NEVER = 1, END_DELIM, END_LF, END_CR };

/* Rows wider than this are always read the usual way. */
#define CSV_DIRECT_MAX_FIELDS 64

struct csv_direct {
	unsigned char role[CSV_DIRECT_MAX_FIELDS]; /* of each column (enum in .c) */
	size_t nfields;
	char delim;
	unsigned char end[256]; /* what each byte is at a cell's end */
	int64_t latency_unit;
	const struct status_set *bad_status;
};

/* Sets d up for the rows of a file whose columns are cols, read as cfg
 * says, with delimiter delim.  Returns false when its rows are not for the
 * direct path: incidents, pre-aggregated counts, no column read, more
 * than CSV_DIRECT_MAX_FIELDS columns, a latency without a unit. */
bool csv_direct_init(struct csv_direct *d, const struct csv_columns *cols,
		     const struct csv_columns_config *cfg, char delim);

/* Converts the line at s into *rec.  The bytes from s must go on to the
 * line's newline or to a NUL byte, and 8 more after it must be readable
 * (csv_reader pads its buffer with zeros).  A line longer than max bytes
 * before its newline is not taken.  Returns the byte after the newline,
 * or NULL when the line is left to the usual way (*rec is then
 * undefined). */
const char *csv_direct_record(const struct csv_direct *d, const char *s, size_t max,
			      struct slo_record *rec);

/* The records of up to n lines from s on, one after the other, into
 * recs: stops at the first line left to the usual way.  Returns how many
 * it took, *next the byte after the last one's newline (s when none). */
size_t csv_direct_records(const struct csv_direct *d, const char *s, size_t max,
			  struct slo_record *recs, size_t n, const char **next);

#endif
