/* Byte sources: plain or gzip-compressed bytes from a file or a pipe.
 * gzip is read with zlib's inflate rather than its gz* functions, which
 * pass over whatever follows the last gzip member without a word; here
 * more members are read and anything else there is an error.  A gzip
 * file may be inflated by a thread of its own (source_background), a
 * few blocks ahead of the reader: inflating takes as long as parsing. */
#include "input/source.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define IN_SIZE (1 << 17)
/* The inflating thread's blocks: how large, and how many it may fill
 * ahead of the reader. */
#define BG_BLOCK (1 << 18)
#define BG_SLOTS 3

struct bg_slot {
	char *buf;
	size_t len, pos;
	size_t raw;      /* compressed bytes read while filling it */
	int status;      /* 1 bytes, 0 the end, -1 an error (why) */
	char why[128];
};

/* The inflating thread and the blocks it hands over: slots [head, tail)
 * (modulo BG_SLOTS) are filled; the reader empties the one at head. */
struct background {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct bg_slot slot[BG_SLOTS];
	unsigned head, tail;
	bool stop;       /* source_close: fill no more */
};

struct source {
	int fd;
	const char *name;
	char *peek;          /* bytes read ahead by source_peek */
	size_t peek_len, peek_pos;
	/* the compressed input, when it is gzip */
	unsigned char *in;   /* IN_SIZE bytes */
	size_t in_len;       /* bytes in `in`, from in_pos on not yet used */
	size_t in_pos;
	bool started;        /* the first bytes have been looked at */
	bool gzip;
	bool eof;            /* the descriptor has no more bytes */
	bool member_done;    /* between two gzip members */
	z_stream z;
	bool z_ready;
	bool z_failed;       /* inflate failed: zmsg says why, from the next read on */
	char zmsg[96];
	/* source_open_parts: byte ranges of the file, read in turn */
	off_t part[SOURCE_MAX_PARTS][2];
	int nparts, cur;
	off_t pos;
	void (*on_read)(void *arg, size_t bytes); /* source_on_read */
	void *on_read_arg;
	bool want_bg;        /* source_background */
	struct background *bg; /* the inflating thread, once started */
	size_t bg_raw;       /* compressed bytes read by it, not yet told */
};

/* Reads up to len bytes from the descriptor, or from the parts in turn;
 * the count, 0 at the end, -1 with errno. */
static ssize_t next_bytes(struct source *src, void *dst, size_t len)
{
	ssize_t n;
	if (src->nparts) {
		while (src->cur < src->nparts && src->pos >= src->part[src->cur][1])
			if (++src->cur < src->nparts)
				src->pos = src->part[src->cur][0];
		if (src->cur == src->nparts)
			return 0;
		if ((off_t)len > src->part[src->cur][1] - src->pos)
			len = (size_t)(src->part[src->cur][1] - src->pos);
		do
			n = pread(src->fd, dst, len, src->pos);
		while (n < 0 && errno == EINTR);
		if (n > 0)
			src->pos += n;
		return n;
	}
	do
		n = read(src->fd, dst, len);
	while (n < 0 && errno == EINTR);
	return n;
}

/* Reads more raw bytes into src->in; returns the count, 0 at the end, -1
 * with errno. */
static ssize_t fill(struct source *src)
{
	if (src->in_pos > 0) {
		memmove(src->in, src->in + src->in_pos, src->in_len - src->in_pos);
		src->in_len -= src->in_pos;
		src->in_pos = 0;
	}
	ssize_t n = next_bytes(src, src->in + src->in_len, IN_SIZE - src->in_len);
	if (n > 0) {
		src->in_len += (size_t)n;
		/* the inflating thread counts; the reader tells (its thread) */
		if (src->bg)
			src->bg_raw += (size_t)n;
		else if (src->on_read)
			src->on_read(src->on_read_arg, (size_t)n);
	}
	if (n == 0)
		src->eof = true;
	return n;
}

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
	if (src)
		src->in = malloc(IN_SIZE);
	if (!src || !src->in) {
		free(src);
		close(fd);
		errno = ENOMEM;
		return NULL;
	}
	src->fd = fd;
	src->name = is_stdin ? "(stdin)" : path;
	return src;
}

int64_t source_mtime(const struct source *src)
{
	struct stat st;
	if (fstat(src->fd, &st) != 0 || !S_ISREG(st.st_mode))
		return INT64_MIN;
	return (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
}

struct source *source_open_parts(const char *path, const off_t (*parts)[2], int nparts)
{
	if (nparts < 1 || nparts > SOURCE_MAX_PARTS) {
		errno = EINVAL;
		return NULL;
	}
	struct source *src = source_open(path);
	if (!src)
		return NULL;
	memcpy(src->part, parts, (size_t)nparts * sizeof *parts);
	src->nparts = nparts;
	src->pos = parts[0][0];
	return src;
}

void source_background(struct source *src)
{
	/* a regular file only: a thread blocked reading a pipe could not
	 * be stopped when the reader gives up early */
	struct stat st;
	src->want_bg = !src->nparts && fstat(src->fd, &st) == 0 && S_ISREG(st.st_mode);
}

void source_on_read(struct source *src, void (*fn)(void *arg, size_t bytes), void *arg)
{
	src->on_read = fn;
	src->on_read_arg = arg;
}

const char *source_name(const struct source *src)
{
	return src->name;
}

static ssize_t raw_read(struct source *src, void *buf, size_t len, const char **why);
static ssize_t inflate_read(struct source *src, void *buf, size_t len, const char **why);

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

/* The inflating thread: fills the free slots in turn until the end of
 * the input, an error, or source_close. */
static void *inflater(void *arg)
{
	struct source *src = arg;
	struct background *b = src->bg;
	for (;;) {
		pthread_mutex_lock(&b->mu);
		while (b->tail - b->head == BG_SLOTS && !b->stop)
			pthread_cond_wait(&b->cv, &b->mu);
		bool stop = b->stop;
		pthread_mutex_unlock(&b->mu);
		if (stop)
			return NULL;
		struct bg_slot *sl = &b->slot[b->tail % BG_SLOTS];
		const char *why = "read error";
		src->bg_raw = 0;
		ssize_t n = inflate_read(src, sl->buf, BG_BLOCK, &why);
		sl->len = n > 0 ? (size_t)n : 0;
		sl->pos = 0;
		sl->raw = src->bg_raw;
		sl->status = n > 0 ? 1 : n == 0 ? 0 : -1;
		if (n < 0)
			snprintf(sl->why, sizeof sl->why, "%s", why);
		pthread_mutex_lock(&b->mu);
		b->tail++;
		pthread_cond_broadcast(&b->cv);
		pthread_mutex_unlock(&b->mu);
		if (n <= 0)
			return NULL;
	}
}

static void bg_free(struct background *b)
{
	for (int i = 0; i < BG_SLOTS; i++)
		free(b->slot[i].buf);
	free(b);
}

/* Starts the inflating thread; without one (no memory, no thread) the
 * reader inflates as it reads. */
static void bg_start(struct source *src)
{
	struct background *b = calloc(1, sizeof *b);
	if (!b)
		return;
	for (int i = 0; i < BG_SLOTS; i++)
		if (!(b->slot[i].buf = malloc(BG_BLOCK))) {
			bg_free(b);
			return;
		}
	if (pthread_mutex_init(&b->mu, NULL) != 0) {
		bg_free(b);
		return;
	}
	if (pthread_cond_init(&b->cv, NULL) != 0) {
		pthread_mutex_destroy(&b->mu);
		bg_free(b);
		return;
	}
	src->bg = b;
	if (pthread_create(&b->thread, NULL, inflater, src) != 0) {
		src->bg = NULL;
		pthread_cond_destroy(&b->cv);
		pthread_mutex_destroy(&b->mu);
		bg_free(b);
	}
}

/* Reads what the inflating thread filled: the end and an error stay,
 * as they would reading inline. */
static ssize_t bg_read(struct source *src, void *buf, size_t len, const char **why)
{
	struct background *b = src->bg;
	pthread_mutex_lock(&b->mu);
	while (b->head == b->tail)
		pthread_cond_wait(&b->cv, &b->mu);
	pthread_mutex_unlock(&b->mu);
	struct bg_slot *sl = &b->slot[b->head % BG_SLOTS];
	if (sl->raw && src->on_read)
		src->on_read(src->on_read_arg, sl->raw);
	sl->raw = 0;
	if (sl->status < 0) {
		*why = sl->why;
		return -1;
	}
	if (sl->status == 0)
		return 0;
	size_t n = sl->len - sl->pos < len ? sl->len - sl->pos : len;
	memcpy(buf, sl->buf + sl->pos, n);
	sl->pos += n;
	if (sl->pos == sl->len) {
		pthread_mutex_lock(&b->mu);
		b->head++;
		pthread_cond_broadcast(&b->cv);
		pthread_mutex_unlock(&b->mu);
	}
	return (ssize_t)n;
}

static ssize_t raw_read(struct source *src, void *buf, size_t len, const char **why)
{
	if (!src->started) {
		/* gzip when the input starts with its magic bytes */
		while (src->in_len < 2 && !src->eof)
			if (fill(src) < 0) {
				*why = strerror(errno);
				return -1;
			}
		src->gzip = src->in_len >= 2 && src->in[0] == 0x1f && src->in[1] == 0x8b;
		src->started = true;
		if (src->gzip) {
			memset(&src->z, 0, sizeof src->z);
			if (inflateInit2(&src->z, 15 + 16) != Z_OK) {
				*why = "out of memory";
				return -1;
			}
			src->z_ready = true;
			if (src->want_bg)
				bg_start(src);
		}
	}
	if (!src->gzip) {
		/* plain bytes: first what was looked at, then straight reads */
		if (src->in_pos < src->in_len) {
			size_t n = src->in_len - src->in_pos < len ? src->in_len - src->in_pos : len;
			memcpy(buf, src->in + src->in_pos, n);
			src->in_pos += n;
			return (ssize_t)n;
		}
		ssize_t n = next_bytes(src, buf, len);
		if (n < 0)
			*why = strerror(errno);
		if (n > 0 && src->on_read)
			src->on_read(src->on_read_arg, (size_t)n);
		return n;
	}
	return src->bg ? bg_read(src, buf, len, why) : inflate_read(src, buf, len, why);
}

/* Inflates up to len bytes of the gzip input into buf. */
static ssize_t inflate_read(struct source *src, void *buf, size_t len, const char **why)
{
	if (src->z_failed) {
		*why = src->zmsg;
		return -1;
	}
	unsigned chunk = len > (1u << 30) ? 1u << 30 : (unsigned)len;
	src->z.next_out = buf;
	src->z.avail_out = chunk;
	while (src->z.avail_out == chunk) {
		if (src->in_pos == src->in_len && !src->eof && fill(src) < 0) {
			*why = strerror(errno);
			return -1;
		}
		if (src->member_done) {
			/* after a member: another, or the end, or an error */
			while (src->in_len - src->in_pos < 2 && !src->eof)
				if (fill(src) < 0) {
					*why = strerror(errno);
					return -1;
				}
			if (src->in_pos == src->in_len && src->eof)
				return 0;
			if (src->in_len - src->in_pos < 2 || src->in[src->in_pos] != 0x1f ||
			    src->in[src->in_pos + 1] != 0x8b) {
				*why = "data after the end of the gzip stream";
				return -1;
			}
			inflateReset(&src->z);
			src->member_done = false;
		}
		src->z.next_in = src->in + src->in_pos;
		src->z.avail_in = (uInt)(src->in_len - src->in_pos);
		if (src->z.avail_in == 0 && src->eof) {
			*why = "unexpected end of file"; /* a member cut short */
			return -1;
		}
		int rc = inflate(&src->z, Z_NO_FLUSH);
		src->in_pos = src->in_len - src->z.avail_in;
		if (rc == Z_STREAM_END) {
			src->member_done = true;
			if (src->z.avail_out != chunk)
				break;
			continue;
		}
		if (rc == Z_BUF_ERROR && src->z.avail_in == 0)
			continue; /* wants more input */
		if (rc != Z_OK) {
			/* what was inflated before the damage is read first, so
			 * that the same bytes come out however the reads are cut
			 * (an inflating thread reads in blocks of its own) */
			snprintf(src->zmsg, sizeof src->zmsg, "%s",
				 src->z.msg ? src->z.msg : "corrupt gzip data");
			src->z_failed = true;
			if (src->z.avail_out != chunk)
				break;
			*why = src->zmsg;
			return -1;
		}
	}
	return (ssize_t)(chunk - src->z.avail_out);
}

void source_close(struct source *src)
{
	if (!src)
		return;
	struct background *b = src->bg;
	if (b) {
		pthread_mutex_lock(&b->mu);
		b->stop = true;
		pthread_cond_broadcast(&b->cv);
		pthread_mutex_unlock(&b->mu);
		pthread_join(b->thread, NULL);
		pthread_cond_destroy(&b->cv);
		pthread_mutex_destroy(&b->mu);
		bg_free(b);
	}
	if (src->z_ready)
		inflateEnd(&src->z);
	close(src->fd); /* stdin was dup'ed: it stays open */
	free(src->in);
	free(src->peek);
	free(src);
}
