/* input/line_reader: lines and their numbers from a source, in bounded memory. */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include "input/line_reader.h"
#include "input/source.h"

#define MAX_LINES 8

/* What the callback saw: the first MAX_LINES lines copied, the lengths and
 * numbers of all of them. */
struct seen {
	size_t lines;
	char text[MAX_LINES][64];
	size_t len[MAX_LINES];
	uint64_t lineno[MAX_LINES];
	size_t nulls;            /* lines reported as too long */
	size_t longest;
	uint64_t last_lineno;
	size_t stop_after;       /* 0: never stop */
	int check_numbered;      /* each line is "line <its number>" */
	size_t misnumbered;
};

static int collect(void *ctx, const char *line, size_t len, uint64_t lineno)
{
	struct seen *s = ctx;
	if (s->lines < MAX_LINES) {
		s->len[s->lines] = len;
		s->lineno[s->lines] = lineno;
		if (line)
			snprintf(s->text[s->lines], sizeof s->text[0], "%.*s",
				 (int)(len < 63 ? len : 63), line);
	}
	if (!line)
		s->nulls++;
	if (s->check_numbered && line) {
		char want[32];
		int n = snprintf(want, sizeof want, "line %llu", (unsigned long long)lineno);
		if ((size_t)n != len || memcmp(line, want, len) != 0)
			s->misnumbered++;
	}
	if (len > s->longest)
		s->longest = len;
	s->last_lineno = lineno;
	s->lines++;
	return s->stop_after && s->lines >= s->stop_after;
}

/* Writes len bytes to a new temporary file; returns its path (static). */
static const char *temp_file(const char *data, size_t len)
{
	static char path[64];
	strcpy(path, "/tmp/slo-test-lines-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	for (size_t off = 0; off < len;) {
		ssize_t w = write(fd, data + off, len - off);
		assert_true(w > 0);
		off += (size_t)w;
	}
	assert_int_equal(close(fd), 0);
	return path;
}

static enum line_read_status read_path(const char *path, struct seen *s,
				       struct line_read_info *info)
{
	struct source *src = source_open(path);
	assert_non_null(src);
	enum line_read_status st = line_read(src, collect, s, info);
	source_close(src);
	unlink(path);
	return st;
}

static enum line_read_status read_text(const char *text, struct seen *s,
				       struct line_read_info *info)
{
	return read_path(temp_file(text, strlen(text)), s, info);
}

static void test_lines(void **state)
{
	struct seen s = {0};
	struct line_read_info info;
	(void)state;

	assert_int_equal(read_text("first\nsecond\nthird\n", &s, &info), LINE_READ_OK);
	assert_int_equal(s.lines, 3);
	assert_int_equal(info.lines, 3);
	assert_string_equal(s.text[0], "first");
	assert_int_equal(s.len[0], 5);
	assert_string_equal(s.text[2], "third");
	assert_int_equal(s.lineno[0], 1);
	assert_int_equal(s.lineno[2], 3);

	/* the last line without a newline is still a line */
	memset(&s, 0, sizeof s);
	assert_int_equal(read_text("first\nsecond", &s, &info), LINE_READ_OK);
	assert_int_equal(s.lines, 2);
	assert_int_equal(info.lines, 2);
	assert_string_equal(s.text[1], "second");
	assert_int_equal(s.lineno[1], 2);

	memset(&s, 0, sizeof s);
	assert_int_equal(read_text("only", &s, &info), LINE_READ_OK);
	assert_int_equal(s.lines, 1);
	assert_string_equal(s.text[0], "only");
}

static void test_crlf_and_empty(void **state)
{
	struct seen s = {0};
	struct line_read_info info;
	(void)state;

	/* "\r\n" loses both; a lone '\r' inside a line stays */
	assert_int_equal(read_text("a\r\nb\rc\r\n\r\n\nlast\r", &s, &info), LINE_READ_OK);
	assert_int_equal(s.lines, 5);
	assert_string_equal(s.text[0], "a");
	assert_int_equal(s.len[0], 1);
	assert_string_equal(s.text[1], "b\rc");
	/* empty lines are delivered, with len 0, and counted */
	assert_int_equal(s.len[2], 0);
	assert_int_equal(s.lineno[2], 3);
	assert_int_equal(s.len[3], 0);
	assert_int_equal(s.lineno[3], 4);
	/* a final "\r" without "\n" goes too */
	assert_string_equal(s.text[4], "last");
	assert_int_equal(s.lineno[4], 5);
	assert_int_equal(info.lines, 5);

	memset(&s, 0, sizeof s);
	assert_int_equal(read_text("\n", &s, &info), LINE_READ_OK);
	assert_int_equal(s.lines, 1);
	assert_int_equal(s.len[0], 0);
	assert_int_equal(info.lines, 1);

	memset(&s, 0, sizeof s);
	assert_int_equal(read_text("", &s, &info), LINE_READ_EMPTY);
	assert_int_equal(s.lines, 0);
	assert_int_equal(info.lines, 0);
}

static void test_stop(void **state)
{
	struct seen s = {0};
	struct line_read_info info;
	(void)state;

	s.stop_after = 2;
	assert_int_equal(read_text("a\nb\nc\nd\n", &s, &info), LINE_READ_STOPPED);
	assert_int_equal(s.lines, 2);
	assert_int_equal(info.lines, 2);

	/* stopping on the last line, which has no newline */
	memset(&s, 0, sizeof s);
	s.stop_after = 2;
	assert_int_equal(read_text("a\nb", &s, &info), LINE_READ_STOPPED);
	assert_int_equal(s.lines, 2);
}

/* Many lines over several 256 KiB blocks: the ones that straddle two
 * blocks come out whole and numbered right. */
static void test_many_lines(void **state)
{
	struct seen s = {0};
	struct line_read_info info;
	const size_t lines = 200000;
	size_t cap = 16 * lines, len = 0;
	char *text = malloc(cap);
	(void)state;

	assert_non_null(text);
	for (size_t i = 1; i <= lines; i++)
		len += (size_t)snprintf(text + len, cap - len, "line %zu\n", i);
	assert_true(len > 4 * (1u << 18)); /* more than four blocks */
	s.check_numbered = 1;
	assert_int_equal(read_path(temp_file(text, len), &s, &info), LINE_READ_OK);
	free(text);
	assert_int_equal(s.lines, lines);
	assert_int_equal(info.lines, lines);
	assert_int_equal(s.misnumbered, 0);
	assert_int_equal(s.last_lineno, lines);
}

/* A 3 MB line, longer than a block, is delivered whole, and the lines
 * around it are untouched. */
static void test_long_line(void **state)
{
	struct seen s = {0};
	struct line_read_info info;
	const size_t big = 3u << 20;
	char *text = malloc(big + 32);
	(void)state;

	assert_non_null(text);
	memcpy(text, "before\n", 7);
	memset(text + 7, 'x', big);
	memcpy(text + 7 + big, "\r\nafter\n", 8);
	assert_int_equal(read_path(temp_file(text, 7 + big + 8), &s, &info), LINE_READ_OK);
	free(text);
	assert_int_equal(s.lines, 3);
	assert_int_equal(s.nulls, 0);
	assert_string_equal(s.text[0], "before");
	assert_int_equal(s.len[1], big);
	assert_string_equal(s.text[2], "after");
	assert_int_equal(s.lineno[2], 3);
}

/* A line longer than LINE_MAX_BYTES is reported, as NULL and its length,
 * not held; the next line is read as usual. */
static void test_too_long_line(void **state)
{
	struct seen s = {0};
	struct line_read_info info;
	const size_t big = LINE_MAX_BYTES + 1000;
	char *text = malloc(big + 16);
	(void)state;

	assert_non_null(text);
	memset(text, 'y', big);
	memcpy(text + big, "\nnext\n", 6);
	assert_int_equal(read_path(temp_file(text, big + 6), &s, &info), LINE_READ_OK);
	free(text);
	assert_int_equal(s.lines, 2);
	assert_int_equal(s.nulls, 1);
	assert_int_equal(s.len[0], big);
	assert_int_equal(s.lineno[0], 1);
	assert_string_equal(s.text[1], "next");
	assert_int_equal(s.lineno[1], 2);
}

/* AddressSanitizer keeps freed blocks out of use for a while (256 MiB of
 * them): every step of the growing line buffer would count in the peak
 * that test_too_long_memory measures.  Read by ASan at start-up. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "quarantine_size_mb=0";
}

/* A line of 64 MiB without a newline, the whole file, is one line too
 * long, and memory stays near LINE_MAX_BYTES. */
static void test_too_long_memory(void **state)
{
	struct seen s = {0};
	struct line_read_info info;
	struct rusage ru;
	static char block[1 << 16];
	char path[] = "/tmp/slo-test-lines-big-XXXXXX";
	(void)state;

	int fd = mkstemp(path);
	assert_true(fd >= 0);
	memset(block, 'z', sizeof block);
	for (size_t done = 0; done < (64u << 20); done += sizeof block)
		assert_true(write(fd, block, sizeof block) == (ssize_t)sizeof block);
	assert_int_equal(close(fd), 0);
	assert_int_equal(getrusage(RUSAGE_SELF, &ru), 0);
	long before = ru.ru_maxrss;
	assert_int_equal(read_path(path, &s, &info), LINE_READ_OK);
	assert_int_equal(s.lines, 1);
	assert_int_equal(s.nulls, 1);
	assert_int_equal(s.len[0], 64u << 20);
	assert_int_equal(getrusage(RUSAGE_SELF, &ru), 0);
	/* KiB; ASan's shadow and allocator add to the 16 MiB */
	assert_true(ru.ru_maxrss - before < 40 * 1024);
}

static void test_gzip(void **state)
{
	struct seen s = {0};
	struct line_read_info info;
	char path[64];
	(void)state;

	strcpy(path, "/tmp/slo-test-lines-gz-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	gzFile gz = gzopen(path, "wb");
	assert_non_null(gz);
	for (int i = 1; i <= 100000; i++)
		gzprintf(gz, "line %d\n", i);
	assert_int_equal(gzclose(gz), Z_OK);

	s.check_numbered = 1;
	assert_int_equal(read_path(path, &s, &info), LINE_READ_OK);
	assert_int_equal(s.lines, 100000);
	assert_int_equal(info.lines, 100000);
	assert_int_equal(s.misnumbered, 0);
	assert_string_equal(s.text[0], "line 1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_crlf_and_empty),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_many_lines),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_too_long_line),
		cmocka_unit_test(test_too_long_memory),
		cmocka_unit_test(test_gzip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
