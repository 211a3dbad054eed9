/* Byte sources over zlib's gz* functions, which handle both gzip and
 * plain input, from files and from pipes. */
#include "input/source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

struct source {
	gzFile gz;
	char *peek;          /* bytes read ahead by source_peek */
	size_t peek_len, peek_pos;
	const char *name;
	int fd;
};

struct source *source_open(const char *path)
{
	int is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? dup(STDIN_FILENO) : open(path, O_RDONLY);
	struct stat st;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return NULL;
	}
	struct source *src = calloc(1, sizeof *src);
	if (!src) {
		close(fd);
		return NULL;
	}
	src->gz = gzdopen(fd, "rb");
	if (!src->gz) {
		close(fd);
		free(src);
		errno = ENOMEM;
		return NULL;
	}
	/* larger reads than zlib's 8 KiB default cut the calls per byte */
	gzbuffer(src->gz, 1 << 17);
	src->fd = fd;
	src->name = is_stdin ? "(stdin)" : path;
	return src;
}

const char *source_name(const struct source *src)
{
	return src->name;
}

static ssize_t raw_read(struct source *src, void *buf, size_t len, const char **why);

ssize_t source_peek(struct source *src, const char **buf, size_t want, const char **why)
{
	/* keep only the bytes not yet read, at the front */
	if (src->peek_pos > 0) {
		memmove(src->peek, src->peek + src->peek_pos, src->peek_len - src->peek_pos);
		src->peek_len -= src->peek_pos;
		src->peek_pos = 0;
	}
	if (src->peek_len < want) {
		char *p = realloc(src->peek, want);
		if (!p) {
			*why = "out of memory";
			return -1;
		}
		src->peek = p;
		while (src->peek_len < want) {
			ssize_t n = raw_read(src, p + src->peek_len, want - src->peek_len, why);
			if (n < 0)
				return -1;
			if (n == 0)
				break;
			src->peek_len += (size_t)n;
		}
	}
	*buf = src->peek;
	return (ssize_t)src->peek_len;
}

ssize_t source_read(struct source *src, void *buf, size_t len, const char **why)
{
	if (src->peek_pos < src->peek_len) {
		size_t n = src->peek_len - src->peek_pos;
		if (n > len)
			n = len;
		memcpy(buf, src->peek + src->peek_pos, n);
		src->peek_pos += n;
		return (ssize_t)n;
	}
	return raw_read(src, buf, len, why);
}

/* zlib names the stream "<fd:3>: " in its messages; the caller names
 * the file. */
static const char *skip_fd(const char *msg)
{
	if (strncmp(msg, "<fd:", 4) == 0) {
		const char *p = strstr(msg, ": ");
		if (p)
			return p + 2;
	}
	return msg;
}

static ssize_t raw_read(struct source *src, void *buf, size_t len, const char **why)
{
	unsigned chunk = len > (1u << 30) ? 1u << 30 : (unsigned)len;
	int n = gzread(src->gz, buf, chunk);

	if (n < 0) {
		int code;
		const char *msg = gzerror(src->gz, &code);
		*why = code == Z_ERRNO ? strerror(errno) : skip_fd(msg);
		return -1;
	}
	if (n == 0) {
		/* a gzip stream cut short reads as a clean end unless asked */
		int code;
		const char *msg = gzerror(src->gz, &code);
		if (code != Z_OK && code != Z_STREAM_END) {
			*why = skip_fd(msg);
			return -1;
		}
	}
	return n;
}

void source_close(struct source *src)
{
	if (!src)
		return;
	gzclose(src->gz); /* closes the dup'ed descriptor, not stdin */
	free(src->peek);
	free(src);
}
