/* What the libFuzzer harnesses share: the input as a file for the readers
 * that open one, lines copied to buffers of their exact size (so that
 * AddressSanitizer sees a read one byte past a line, which the readers'
 * large blocks would hide), and the invariants every record must keep. */
#ifndef SLO_FUZZ_H
#define SLO_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "record.h"
#include "util/timestamp.h"

/* A failed invariant is a finding like a crash: say which, then abort so
 * that libFuzzer saves the input. */
#define FUZZ_ASSERT(cond)                                                              \
	do {                                                                           \
		if (!(cond)) {                                                         \
			fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__,     \
				__LINE__, #cond);                                      \
			abort();                                                       \
		}                                                                      \
	} while (0)

/* A copy of s[0..len) in a heap block of exactly len bytes; with nul, one
 * more for a terminating NUL.  Aborts when out of memory. */
static inline char *fuzz_dup(const void *s, size_t len, int nul)
{
	char *p = malloc(len + (nul ? 1 : 0));
	if (!p)
		abort();
	if (len)
		memcpy(p, s, len);
	if (nul)
		p[len] = '\0';
	return p;
}

/* The path of a file holding the input, for source_open: one memfd per
 * process, reopened through /proc (each open reads from the start), or a
 * temporary file where there is no memfd.  Rewritten for each input. */
static int fuzz_fd = -1;
static char fuzz_path[4096];

static void fuzz_unlink(void)
{
	if (strncmp(fuzz_path, "/proc/", 6) != 0)
		unlink(fuzz_path);
}

static inline const char *fuzz_file(const uint8_t *data, size_t size)
{
	if (fuzz_fd < 0) {
#ifdef SYS_memfd_create
		fuzz_fd = (int)syscall(SYS_memfd_create, "slo-fuzz", 0);
		if (fuzz_fd >= 0) {
			snprintf(fuzz_path, sizeof fuzz_path, "/proc/self/fd/%d", fuzz_fd);
			if (access(fuzz_path, R_OK) != 0) {
				close(fuzz_fd);
				fuzz_fd = -1;
			}
		}
#endif
		if (fuzz_fd < 0) {
			const char *dir = getenv("TMPDIR");
			snprintf(fuzz_path, sizeof fuzz_path, "%s/slo-fuzz-XXXXXX",
				 dir && *dir ? dir : "/tmp");
			fuzz_fd = mkstemp(fuzz_path);
			if (fuzz_fd < 0) {
				perror("fuzz: mkstemp");
				abort();
			}
			atexit(fuzz_unlink);
		}
	}
	if (ftruncate(fuzz_fd, 0) != 0)
		abort();
	for (size_t off = 0; off < size;) {
		ssize_t n = pwrite(fuzz_fd, data + off, size - off, (off_t)off);
		if (n <= 0)
			abort();
		off += (size_t)n;
	}
	return fuzz_path;
}

/* Calls fn for each line of data as line_read would deliver it: without
 * its "\n" or "\r\n", empty lines included, a last line without a newline
 * too; each line in its own exact-size heap block. */
typedef void (*fuzz_line_fn)(void *ctx, const char *line, size_t len);

static inline void fuzz_lines(const uint8_t *data, size_t size, fuzz_line_fn fn, void *ctx)
{
	const char *p = (const char *)data, *end = p + size;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = (size_t)((nl ? nl : end) - p);
		size_t keep = len > 0 && p[len - 1] == '\r' ? len - 1 : len;
		char *line = fuzz_dup(p, keep, 0);
		fn(ctx, line, keep);
		free(line);
		p += len + (nl ? 1 : 0);
	}
}

/* What any reader's record must be: never more bad events than events,
 * no negative latency, times inside the range the evaluation can add
 * windows to, and an incident that ends after it starts. */
static inline void fuzz_check_record(const struct slo_record *r)
{
	FUZZ_ASSERT(r->bad <= r->total);
	FUZZ_ASSERT(!r->has_latency || r->latency >= 0);
	FUZZ_ASSERT(!r->has_time || (r->time <= TS_MAX && r->time >= -TS_MAX));
	FUZZ_ASSERT(!r->has_until || (r->until <= TS_MAX && r->until >= r->time));
}

/* A field value handed out by a reader: reading every byte of it makes
 * AddressSanitizer check that it points at memory that is there. */
static inline void fuzz_touch(const char *v, size_t len)
{
	volatile unsigned char sink = 0;
	for (size_t i = 0; i < len; i++)
		sink ^= (unsigned char)v[i];
	(void)sink;
}

#endif
