/* input/source: files and gzip through one reader, peeking ahead, and the errors. */
#include "testing.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "input/source.h"

#define SIZE (600u * 1024) /* more than zlib's 128 KiB buffer, several times */

/* SIZE bytes of every value, NUL and '\n' included, in no simple period. */
static unsigned char *content(void)
{
	unsigned char *d = malloc(SIZE);
	uint32_t x = 2463534242u;
	assert_non_null(d);
	for (size_t i = 0; i < SIZE; i++) {
		x ^= x << 13; /* xorshift32 */
		x ^= x >> 17;
		x ^= x << 5;
		d[i] = (unsigned char)x;
	}
	return d;
}

/* Writes len bytes to a new temporary file; returns its path (static). */
static const char *temp_file(const void *data, size_t len)
{
	static char path[64];
	strcpy(path, "/tmp/slo-test-source-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	for (size_t off = 0; off < len;) {
		ssize_t w = write(fd, (const char *)data + off, len - off);
		assert_true(w > 0);
		off += (size_t)w;
	}
	assert_int_equal(close(fd), 0);
	return path;
}

/* Writes len bytes gzip-compressed to a new temporary file. */
static const char *temp_gzip(const void *data, size_t len)
{
	static char path[64];
	strcpy(path, "/tmp/slo-test-source-gz-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	gzFile gz = gzopen(path, "wb");
	assert_non_null(gz);
	assert_int_equal(gzwrite(gz, data, (unsigned)len), (int)len);
	assert_int_equal(gzclose(gz), Z_OK);
	return path;
}

/* Reads src to its end with reads of chunk bytes into out (cap bytes);
 * returns the total, or -1 with *why. */
static ssize_t read_all(struct source *src, unsigned char *out, size_t cap, size_t chunk,
			const char **why)
{
	size_t have = 0;
	for (;;) {
		size_t want = cap - have < chunk ? cap - have : chunk;
		ssize_t n = source_read(src, out + have, want, why);
		if (n < 0)
			return -1;
		if (n == 0)
			return (ssize_t)have;
		have += (size_t)n;
		assert_true(have <= cap);
	}
}

/* source_peek, then source_read: the peeked bytes first, then the rest. */
static void peek_then_read(const char *path, const unsigned char *data)
{
	const char *why = NULL, *p;
	unsigned char *out = malloc(SIZE + 16);
	struct source *src = source_open(path);

	assert_non_null(out);
	assert_non_null(src);
	assert_string_equal(source_name(src), path);
	assert_int_equal(source_peek(src, &p, 1000, &why), 1000);
	assert_memory_equal(p, data, 1000);
	/* a second, longer peek starts at the same byte */
	assert_int_equal(source_peek(src, &p, 5000, &why), 5000);
	assert_memory_equal(p, data, 5000);
	/* a read returns peeked bytes before new ones */
	assert_int_equal(source_read(src, out, 10, &why), 10);
	assert_memory_equal(out, data, 10);
	ssize_t n = read_all(src, out + 10, SIZE + 6, 4096, &why);
	assert_int_equal(n, SIZE - 10);
	assert_memory_equal(out, data, SIZE);
	assert_int_equal(source_read(src, out, 16, &why), 0);
	source_close(src);
	free(out);
}

static void test_peek_then_read(void **state)
{
	unsigned char *data = content();
	(void)state;

	const char *path = temp_file(data, SIZE);
	peek_then_read(path, data);
	unlink(path);
	path = temp_gzip(data, SIZE);
	peek_then_read(path, data);
	unlink(path);
	free(data);
}

/* Peeking past the end returns what there is; reads then return it. */
static void test_peek_past_end(void **state)
{
	const char *why = NULL, *p;
	char out[64];
	(void)state;

	const char *path = temp_file("short\n", 6);
	struct source *src = source_open(path);
	assert_non_null(src);
	assert_int_equal(source_peek(src, &p, 65536, &why), 6);
	assert_memory_equal(p, "short\n", 6);
	assert_int_equal(source_read(src, out, sizeof out, &why), 6);
	assert_memory_equal(out, "short\n", 6);
	assert_int_equal(source_read(src, out, sizeof out, &why), 0);
	source_close(src);
	unlink(path);

	/* an empty file peeks and reads nothing */
	path = temp_file("", 0);
	src = source_open(path);
	assert_non_null(src);
	assert_int_equal(source_peek(src, &p, 100, &why), 0);
	assert_int_equal(source_read(src, out, sizeof out, &why), 0);
	source_close(src);
	unlink(path);
}

/* source.h: a peek reads ahead up to want bytes, fewer only at the end of
 * the input; also once reads have used some of an earlier peek. */
static void test_peek_after_read(void **state)
{
	unsigned char *data = content();
	const char *why = NULL, *p;
	unsigned char out[1024];
	(void)state;

	const char *path = temp_file(data, SIZE);
	struct source *src = source_open(path);
	assert_non_null(src);
	assert_int_equal(source_peek(src, &p, 1000, &why), 1000);
	assert_int_equal(source_read(src, out, 900, &why), 900);
	/* 100 peeked bytes are left; 500 are asked for and there */
	ssize_t n = source_peek(src, &p, 500, &why);
	int same = n >= 500 && memcmp(p, data + 900, 500) == 0;
	source_close(src);
	unlink(path);
	free(data);
	if (n < 500)
		fail_msg("peek of 500 after reading 900 of 1000 peeked: %zd bytes", n);
	assert_true(same);
}

static void test_open_errors(void **state)
{
	(void)state;

	errno = 0;
	assert_null(source_open("/tmp"));
	assert_int_equal(errno, EISDIR);
	errno = 0;
	assert_null(source_open("/nonexistent/slo-test/no-such-file"));
	assert_int_equal(errno, ENOENT);
}

/* "-" is the standard input, which closing leaves open. */
static void test_stdin(void **state)
{
	(void)state;

	struct source *src = source_open("-");
	assert_non_null(src);
	assert_string_equal(source_name(src), "(stdin)");
	source_close(src);
	assert_true(fcntl(STDIN_FILENO, F_GETFD) != -1);
	source_close(NULL); /* harmless */
}

/* A gzip stream cut short is an error with zlib's reason, without the
 * "<fd:3>: " zlib puts before it: the caller names the file. */
static void test_gzip_truncated(void **state)
{
	unsigned char *data = content(), *out = malloc(SIZE);
	const char *why = NULL, *p;
	char gzpath[64];
	(void)state;

	assert_non_null(out);
	snprintf(gzpath, sizeof gzpath, "%s", temp_gzip(data, SIZE));
	FILE *f = fopen(gzpath, "rb");
	assert_non_null(f);
	unsigned char *gzbytes = malloc(2 * SIZE);
	assert_non_null(gzbytes);
	size_t n = fread(gzbytes, 1, 2 * SIZE, f);
	fclose(f);
	unlink(gzpath);
	assert_true(n > 1000);
	const char *path = temp_file(gzbytes, n / 2);
	free(gzbytes);

	struct source *src = source_open(path);
	assert_non_null(src);
	assert_int_equal(read_all(src, out, SIZE, 65536, &why), -1);
	assert_non_null(why);
	assert_true(why[0] != '\0');
	if (strncmp(why, "<fd:", 4) == 0)
		fail_msg("reason \"%s\" names the descriptor", why);
	source_close(src);

	/* through a peek as well */
	why = NULL;
	src = source_open(path);
	assert_non_null(src);
	assert_int_equal(source_peek(src, &p, SIZE, &why), -1);
	assert_non_null(why);
	assert_true(strncmp(why, "<fd:", 4) != 0);
	source_close(src);
	unlink(path);
	free(out);
	free(data);
}

static void count_bytes(void *arg, size_t n)
{
	*(size_t *)arg += n;
}

/* Reads path whole, inflating in a thread of its own or not: the bytes
 * (into out), the status, the reason of an error, the progress told. */
struct outcome {
	ssize_t n;
	char why[128];
	size_t told;
};

static void read_path(const char *path, bool background, unsigned char *out, size_t cap,
		      struct outcome *o)
{
	const char *why = NULL, *p;
	struct source *src = source_open(path);
	assert_non_null(src);
	if (background)
		source_background(src);
	o->told = 0;
	source_on_read(src, count_bytes, &o->told);
	/* a peek first, as the readers do to tell the format */
	assert_true(source_peek(src, &p, 100, &why) != 0);
	o->n = read_all(src, out, cap, 100000, &why);
	snprintf(o->why, sizeof o->why, "%s", o->n < 0 ? why : "");
	if (o->n < 0) /* an error stays */
		assert_int_equal(source_read(src, out, 10, &why), -1);
	else
		assert_int_equal(source_read(src, out, 10, &why), 0);
	source_close(src);
}

/* source_background: the same bytes, errors and progress as inflating
 * inline, for a gzip file of two members, one cut short, one with a
 * damaged byte, one with bytes after its end; closing early does not
 * wait for the rest; a plain file reads as ever. */
static void test_background(void **state)
{
	unsigned char *data = content(), *gz = malloc(4 * SIZE), *a = malloc(2 * SIZE),
		      *b = malloc(2 * SIZE);
	(void)state;
	assert_non_null(gz);
	assert_non_null(a);
	assert_non_null(b);
	FILE *f = fopen(temp_gzip(data, SIZE), "rb");
	assert_non_null(f);
	size_t n = fread(gz, 1, 2 * SIZE, f);
	fclose(f);
	memcpy(gz + n, gz, n); /* a second member */
	for (int k = 0; k < 5; k++) {
		size_t len = 2 * n;
		unsigned char save = gz[n / 2];
		if (k == 1)
			len = n + n / 3;
		if (k == 2)
			gz[n / 2] ^= 0x55;
		if (k == 3)
			memcpy(gz + len, "junk", 4), len += 4;
		const char *path = k == 4 ? temp_file(data, SIZE) : temp_file(gz, len);
		struct outcome inl, bg;
		read_path(path, false, a, 2 * SIZE, &inl);
		read_path(path, true, b, 2 * SIZE, &bg);
		assert_true(inl.n == bg.n);
		assert_string_equal(inl.why, bg.why);
		assert_true(inl.told == bg.told);
		if (k == 0 || k == 4) /* read to the end: the whole file told */
			assert_true(inl.told == (k == 4 ? SIZE : len));
		if (inl.n > 0)
			assert_memory_equal(a, b, (size_t)inl.n);
		if (k == 0) {
			assert_true(inl.n == (ssize_t)(2 * SIZE));
			assert_memory_equal(b, data, SIZE);
			assert_memory_equal(b + SIZE, data, SIZE);
			/* one read, then close: the thread stops */
			const char *why;
			struct source *src = source_open(path);
			assert_non_null(src);
			source_background(src);
			assert_int_equal(source_read(src, b, 1000, &why), 1000);
			source_close(src);
		} else if (k < 4) {
			assert_true(inl.n < 0);
		}
		gz[n / 2] = save;
		unlink(path);
	}
	free(gz);
	free(a);
	free(b);
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_peek_then_read),
		cmocka_unit_test(test_peek_past_end),
		cmocka_unit_test(test_peek_after_read),
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_stdin),
		cmocka_unit_test(test_gzip_truncated),
		cmocka_unit_test(test_background),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
