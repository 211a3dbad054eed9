/* CSV rows from a byte source: RFC 4180 quoting through libcsv, the
 * delimiter (comma, semicolon or tab) detected from the first line, each
 * row handed over with the line number it starts on.  Memory is bounded
 * by the longest row, not by the file. */
#ifndef SLO_INPUT_CSV_READER_H
#define SLO_INPUT_CSV_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "input/source.h"

struct csv_field {
	const char *s; /* not NUL-terminated; valid during the callback */
	size_t len;
};

/* The most of one row held: a row whose fields hold more bytes, or that
 * has more fields, or that is still open after this many bytes of input,
 * is passed over to its end and handed to the callback as a row too
 * large (fields NULL, n 0).  Memory stays within about this much, however
 * long a line or a quoted field. */
#define CSV_MAX_RECORD ((size_t)16 << 20)
#define CSV_MAX_FIELDS ((size_t)1 << 16)

/* Called for each row, the header included, its fields NULL and n 0 when
 * it was too large to keep; returns 0 to go on, anything else to stop the
 * reading (csv_read returns CSV_READ_STOPPED). */
typedef int (*csv_row_fn)(void *ctx, const struct csv_field *fields, size_t n,
			  uint64_t line, uint64_t last_line);

enum csv_read_status {
	CSV_READ_OK = 0,
	CSV_READ_EMPTY,   /* no bytes at all */
	CSV_READ_IO,      /* a read or decompression error: see why */
	CSV_READ_NOMEM,
	CSV_READ_STOPPED, /* the callback asked to stop */
};

struct csv_read_info {
	char delim;      /* the delimiter used */
	const char *why; /* CSV_READ_IO: the reason */
	uint64_t lines;  /* physical lines read */
	uint64_t unclosed_line, unclosed_last; /* a quoted field still open
						  at the end: its lines, or 0 */
	uint64_t fast_lines; /* lines split by the quote-free fast path */
	uint64_t taken_lines; /* lines taken whole by csv_read_opts.lines */
};

/* Offered the lines from s on before they are split, with no row open
 * (their bytes go on to the end of the data read, then 64 zero bytes; a
 * line it takes has at most max bytes before its newline): takes as many
 * whole lines as it will, one after the other from s, counting them in
 * *taken (0 when it is called), *next the byte after the last one's
 * newline; the line after them is split and handed to the row callback.
 * Returns 0 to go on, anything else to stop. */
typedef int (*csv_lines_fn)(void *ctx, const char *s, size_t max, uint64_t line,
			    uint64_t *taken, const char **next);

/* How csv_read reads; all zero is the usual way. */
struct csv_read_opts {
	bool general_only; /* every line through libcsv, none split by the
			      fast path: for the tests that compare the two */
	size_t max_record, max_fields; /* caps other than CSV_MAX_RECORD
					  and CSV_MAX_FIELDS (0: those) */
	csv_lines_fn lines; /* NULL: none (not called when general_only);
			       no longer offered lines once it has left more
			       lines than it took, past the first 256 */
};

/* Guesses the delimiter of a header line: the most frequent of comma,
 * semicolon and tab outside quotes; comma when there is none. */
char csv_detect_delim(const char *line, size_t len);

/* Reads every row of src.  delim 0 detects it from the first line.  A
 * UTF-8 byte-order mark at the start is dropped. */
enum csv_read_status csv_read(struct source *src, char delim, csv_row_fn fn,
			      void *ctx, struct csv_read_info *info);
/* The same, read as opts says (NULL: the usual way). */
enum csv_read_status csv_read_with(struct source *src, char delim,
				   const struct csv_read_opts *opts, csv_row_fn fn, void *ctx,
				   struct csv_read_info *info);

#endif
