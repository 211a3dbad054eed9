/* Lines from a byte source, with their numbers, in memory bounded by the
 * longest line (and LINE_MAX_BYTES at most). */
#ifndef SLO_INPUT_LINE_READER_H
#define SLO_INPUT_LINE_READER_H

#include <stddef.h>
#include <stdint.h>

#include "input/source.h"

/* A line longer than this is reported as too long, not held. */
#define LINE_MAX_BYTES (16u << 20)

/* Called for each line without its "\n" (or "\r\n"); line is NULL when
 * the line was longer than LINE_MAX_BYTES (len is then its length so
 * far).  Returns 0 to go on, non-zero to stop. */
typedef int (*line_fn)(void *ctx, const char *line, size_t len, uint64_t lineno);

enum line_read_status {
	LINE_READ_OK = 0,
	LINE_READ_EMPTY,   /* no bytes at all */
	LINE_READ_IO,      /* see info->why */
	LINE_READ_NOMEM,
	LINE_READ_STOPPED, /* the callback asked to stop */
};

struct line_read_info {
	const char *why;
	uint64_t lines;
};

enum line_read_status line_read(struct source *src, line_fn fn, void *ctx,
				struct line_read_info *info);

#endif
