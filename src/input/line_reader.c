/* Line splitting with memchr over large blocks; a line is copied only
 * when it straddles two blocks. */
#include "input/line_reader.h"

#include <stdlib.h>
#include <string.h>

#define BLOCK (1u << 18)

static int deliver(line_fn fn, void *ctx, const char *s, size_t len, uint64_t n)
{
	if (len > 0 && s[len - 1] == '\r')
		len--;
	return fn(ctx, s, len, n);
}

enum line_read_status line_read(struct source *src, line_fn fn, void *ctx,
				struct line_read_info *info)
{
	char *buf = malloc(BLOCK);
	size_t cap = BLOCK, have = 0; /* bytes of an unfinished line at buf */
	size_t dropped = 0;           /* bytes of a too-long line not kept */
	uint64_t lineno = 0;
	enum line_read_status st = LINE_READ_OK;
	int any = 0;

	memset(info, 0, sizeof *info);
	if (!buf)
		return LINE_READ_NOMEM;
	for (;;) {
		if (have == cap) {
			if (cap >= LINE_MAX_BYTES) {
				/* keep counting, stop keeping */
				dropped += have;
				have = 0;
			} else {
				char *b = realloc(buf, cap * 2);
				if (!b) {
					st = LINE_READ_NOMEM;
					break;
				}
				buf = b;
				cap *= 2;
			}
		}
		ssize_t n = source_read(src, buf + have, cap - have, &info->why);
		if (n < 0) {
			st = LINE_READ_IO;
			break;
		}
		if (n == 0) {
			if (have || dropped) {
				lineno++;
				if (dropped ? fn(ctx, NULL, dropped + have, lineno)
					    : deliver(fn, ctx, buf, have, lineno))
					st = LINE_READ_STOPPED;
			} else if (!any) {
				st = LINE_READ_EMPTY;
			}
			break;
		}
		any = 1;
		char *p = buf, *end = buf + have + (size_t)n;
		char *scan = buf + have;
		char *nl;
		while ((nl = memchr(scan, '\n', (size_t)(end - scan)))) {
			lineno++;
			int stop = dropped ? fn(ctx, NULL, dropped + (size_t)(nl - p), lineno)
					   : deliver(fn, ctx, p, (size_t)(nl - p), lineno);
			dropped = 0;
			if (stop) {
				st = LINE_READ_STOPPED;
				goto out;
			}
			p = scan = nl + 1;
		}
		have = (size_t)(end - p);
		if (p != buf && have)
			memmove(buf, p, have);
	}
out:
	info->lines = lineno;
	free(buf);
	return st;
}
