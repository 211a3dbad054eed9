/* A byte source: a file or standard input, gzip-compressed or not (zlib
 * reads plain bytes through unchanged), read in large blocks. */
#ifndef SLO_INPUT_SOURCE_H
#define SLO_INPUT_SOURCE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct source;

/* Opens path ("-" is standard input).  Returns NULL and sets errno, or
 * EISDIR for a directory, on failure. */
struct source *source_open(const char *path);

/* The bytes of ranges [start, end) of a regular file, one after the
 * other, as one source: a header and a share of the lines, for readers
 * working side by side.  Plain bytes only (no gzip). */
#define SOURCE_MAX_PARTS 2
struct source *source_open_parts(const char *path, const off_t (*parts)[2], int nparts);

/* When the file was last written, ns since 1970 (a regular file or one
 * on standard input); INT64_MIN for a pipe or a terminal. */
int64_t source_mtime(const struct source *src);

/* The name to use in messages: the path, or "(stdin)". */
const char *source_name(const struct source *src);

/* Reads up to len bytes; returns the count, 0 at the end, or -1 with a
 * reason in *why (static text or zlib's) on a read or decompression
 * error, e.g. a truncated gzip stream. */
ssize_t source_read(struct source *src, void *buf, size_t len, const char **why);

/* Reads ahead up to `want` bytes without consuming them, so that a
 * format can be told from the first lines; later reads return them
 * again.  Sets *buf to the bytes and returns how many there are (fewer
 * at the end of the input), or -1 with *why on an error. */
ssize_t source_peek(struct source *src, const char **buf, size_t want, const char **why);

/* Calls fn(arg, n) after each read of n raw bytes from the file: the
 * compressed bytes of a gzip file, so that they add up to its size (a
 * progress bar). */
void source_on_read(struct source *src, void (*fn)(void *arg, size_t bytes), void *arg);

/* Lets a gzip file be inflated by a thread of its own, a few blocks
 * (3 x 256 KiB) ahead of the reader; call before the first read.  The
 * bytes, the errors and the progress (source_on_read, called by the
 * reader's thread) are those of reading inline.  Regular files only: on
 * a pipe it does nothing. */
void source_background(struct source *src);

/* Closes the source; the standard input is left open. */
void source_close(struct source *src);

#endif
