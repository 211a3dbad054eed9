/* input/csv_reader: delimiters, quoting, line numbers, BOM, gzip, stopping. */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include "input/csv_reader.h"
#include "input/source.h"

#define MAX_ROWS 8
#define MAX_FIELDS 8

/* What the callback saw: the first MAX_ROWS rows, each field copied. */
struct seen {
	size_t rows;
	size_t n[MAX_ROWS];
	char field[MAX_ROWS][MAX_FIELDS][32];
	uint64_t line[MAX_ROWS], last_line[MAX_ROWS];
	uint64_t last_seen_line; /* of the last row, however many */
	char last_first[32];      /* first field of the last row */
	size_t stop_after;        /* 0: never stop */
	size_t null_fields;       /* fields handed over with a NULL pointer */
};

static int collect(void *ctx, const struct csv_field *f, size_t n, uint64_t line,
		   uint64_t last_line)
{
	struct seen *s = ctx;
	if (s->rows < MAX_ROWS) {
		s->n[s->rows] = n;
		s->line[s->rows] = line;
		s->last_line[s->rows] = last_line;
		for (size_t i = 0; i < n && i < MAX_FIELDS; i++)
			snprintf(s->field[s->rows][i], sizeof s->field[0][0], "%.*s",
				 (int)f[i].len, f[i].s);
	}
	for (size_t i = 0; i < n; i++)
		s->null_fields += f[i].s == NULL;
	s->last_seen_line = line;
	snprintf(s->last_first, sizeof s->last_first, "%.*s", n ? (int)f[0].len : 0,
		 n ? f[0].s : "");
	s->rows++;
	return s->stop_after && s->rows >= s->stop_after;
}

/* Writes len bytes to a new temporary file; returns its path (static). */
static const char *temp_file(const char *data, size_t len)
{
	static char path[64];
	strcpy(path, "/tmp/slo-test-csv-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_true(write(fd, data, len) == (ssize_t)len);
	assert_int_equal(close(fd), 0);
	return path;
}

/* Reads path with csv_read (delim 0: detect) into *s. */
static enum csv_read_status read_path(const char *path, char delim, struct seen *s,
				      struct csv_read_info *info)
{
	struct source *src = source_open(path);
	assert_non_null(src);
	enum csv_read_status st = csv_read(src, delim, collect, s, info);
	source_close(src);
	unlink(path);
	return st;
}

static enum csv_read_status read_text(const char *text, struct seen *s,
				      struct csv_read_info *info)
{
	return read_path(temp_file(text, strlen(text)), 0, s, info);
}

static void test_detect_delim(void **state)
{
	(void)state;
#define D(s) csv_detect_delim((s), strlen(s))
	assert_int_equal(D("a,b,c"), ',');
	assert_int_equal(D("a;b;c"), ';');
	assert_int_equal(D("a\tb\tc"), '\t');
	assert_int_equal(D("abc"), ',');           /* none: comma */
	assert_int_equal(D(""), ',');
	assert_int_equal(D("a;b,c;d"), ';');       /* the most frequent */
	assert_int_equal(D("a,b;c"), ',');         /* a tie goes to comma */
	/* delimiters inside quotes do not count */
	assert_int_equal(D("\"a;b;c\",d"), ',');
	assert_int_equal(D("\"x,y,z\";a;b"), ';');
	assert_int_equal(D("\"t\tt\tt\",x"), ',');
#undef D
}

static void test_comma(void **state)
{
	struct seen s = {0};
	struct csv_read_info info;
	(void)state;

	assert_int_equal(read_text("time,status\n2026-10-01,200\n2026-10-02,503\n", &s, &info),
			 CSV_READ_OK);
	assert_int_equal(info.delim, ',');
	assert_int_equal(info.lines, 3);
	assert_int_equal(s.rows, 3);
	assert_int_equal(s.n[0], 2);
	assert_string_equal(s.field[0][0], "time");
	assert_string_equal(s.field[2][1], "503");
	assert_int_equal(s.line[0], 1);
	assert_int_equal(s.line[1], 2);
	assert_int_equal(s.line[2], 3);
	assert_int_equal(s.last_line[2], 3);
}

static void test_semicolon_tab(void **state)
{
	struct seen s = {0};
	struct csv_read_info info;
	(void)state;

	assert_int_equal(read_text("a;b;c\n1,5;2;3\n", &s, &info), CSV_READ_OK);
	assert_int_equal(info.delim, ';');
	assert_int_equal(s.n[1], 3);
	assert_string_equal(s.field[1][0], "1,5"); /* a decimal comma is data */

	memset(&s, 0, sizeof s);
	assert_int_equal(read_text("a\tb\tc\n1\t2\t3\n", &s, &info), CSV_READ_OK);
	assert_int_equal(info.delim, '\t');
	assert_int_equal(s.n[1], 3);
	assert_string_equal(s.field[1][2], "3");

	/* an explicit delimiter wins over detection */
	memset(&s, 0, sizeof s);
	const char *t = "a;b,c\n1;2,3\n";
	assert_int_equal(read_path(temp_file(t, strlen(t)), ',', &s, &info), CSV_READ_OK);
	assert_int_equal(info.delim, ',');
	assert_string_equal(s.field[1][0], "1;2");
}

static void test_quoted(void **state)
{
	struct seen s = {0};
	struct csv_read_info info;
	(void)state;

	/* row 2 spans lines 2-3; row 3 starts on line 4 */
	assert_int_equal(read_text("h1,h2\n\"x,y\",\"line1\nline2\"\nlast,\"a \"\"q\"\"\"\n", &s,
				   &info),
			 CSV_READ_OK);
	assert_int_equal(info.delim, ',');
	assert_int_equal(s.rows, 3);
	assert_int_equal(s.n[1], 2);
	assert_string_equal(s.field[1][0], "x,y");
	assert_string_equal(s.field[1][1], "line1\nline2");
	assert_int_equal(s.line[1], 2);
	assert_int_equal(s.last_line[1], 3);
	assert_string_equal(s.field[2][1], "a \"q\"");
	assert_int_equal(s.line[2], 4);
	assert_int_equal(info.lines, 4);
}

/* The row's number is the line it starts on, even when its first field
 * is the one that runs over several lines. */
static void test_quoted_first_field_line(void **state)
{
	struct seen s = {0};
	struct csv_read_info info;
	(void)state;

	assert_int_equal(read_text("h1,h2\n\"multi\nline\",x\nnext,y\n", &s, &info), CSV_READ_OK);
	assert_int_equal(s.rows, 3);
	assert_string_equal(s.field[1][0], "multi\nline");
	assert_int_equal(s.line[1], 2);
	assert_int_equal(s.last_line[1], 3);
	assert_int_equal(s.line[2], 4);
}

static void test_crlf_bom_last_line(void **state)
{
	struct seen s = {0};
	struct csv_read_info info;
	(void)state;

	assert_int_equal(read_text("a,b\r\n1,2\r\n", &s, &info), CSV_READ_OK);
	assert_int_equal(s.rows, 2);
	assert_string_equal(s.field[0][1], "b"); /* no \r left */
	assert_string_equal(s.field[1][1], "2");
	assert_int_equal(s.line[1], 2);
	assert_int_equal(info.lines, 2);

	memset(&s, 0, sizeof s);
	assert_int_equal(read_text("\xef\xbb\xbf" "a;b\n1;2\n", &s, &info), CSV_READ_OK);
	assert_int_equal(info.delim, ';');
	assert_string_equal(s.field[0][0], "a"); /* the BOM is gone */
	assert_int_equal(s.line[0], 1);

	/* a last line without a newline is still a row */
	memset(&s, 0, sizeof s);
	assert_int_equal(read_text("a,b\n1,2\n3,4", &s, &info), CSV_READ_OK);
	assert_int_equal(s.rows, 3);
	assert_string_equal(s.field[2][1], "4");
	assert_int_equal(s.line[2], 3);
	assert_int_equal(info.lines, 3);

	/* one line, no newline at all */
	memset(&s, 0, sizeof s);
	assert_int_equal(read_text("only,header", &s, &info), CSV_READ_OK);
	assert_int_equal(s.rows, 1);
	assert_int_equal(info.lines, 1);
}

static void test_empty_and_blank(void **state)
{
	struct seen s = {0};
	struct csv_read_info info;
	(void)state;

	assert_int_equal(read_text("", &s, &info), CSV_READ_EMPTY);
	assert_int_equal(s.rows, 0);

	/* blank lines are no rows, but they are lines */
	memset(&s, 0, sizeof s);
	assert_int_equal(read_text("a,b\n\n1,2\n\n", &s, &info), CSV_READ_OK);
	assert_int_equal(s.rows, 2);
	assert_int_equal(s.line[1], 3);
	assert_int_equal(info.lines, 4);
}

static void test_empty_fields(void **state)
{
	struct seen s = {0};
	struct csv_read_info info;
	(void)state;

	/* a tab that delimits is not eaten as space: trailing empties stay */
	assert_int_equal(read_text("a\tb\tc\n1\t\t\n\t\t3\n", &s, &info), CSV_READ_OK);
	assert_int_equal(info.delim, '\t');
	assert_int_equal(s.n[1], 3);
	assert_string_equal(s.field[1][0], "1");
	assert_string_equal(s.field[1][1], "");
	assert_string_equal(s.field[1][2], "");
	assert_int_equal(s.n[2], 3);
	assert_string_equal(s.field[2][2], "3");

	memset(&s, 0, sizeof s);
	assert_int_equal(read_text("a,b,c\n1,,\n", &s, &info), CSV_READ_OK);
	assert_int_equal(s.n[1], 3);

	/* spaces around unquoted fields are trimmed, inside quotes kept */
	memset(&s, 0, sizeof s);
	assert_int_equal(read_text("a,b\n 1 ,\" 2 \"\n", &s, &info), CSV_READ_OK);
	assert_string_equal(s.field[1][0], "1");
	assert_string_equal(s.field[1][1], " 2 ");
}

/* Found by fuzz/fuzz_csv (fuzz/regressions/csv-empty-fields-null): a row
 * of nothing but empty fields, through libcsv, pointed them at NULL. */
static void test_empty_row_pointers(void **state)
{
	struct seen s = {0};
	struct csv_read_info info;
	(void)state;

	assert_int_equal(read_text("a,b\n\"\",\"\"\n,", &s, &info), CSV_READ_OK);
	assert_int_equal(s.rows, 3);
	assert_int_equal(s.n[1], 2);
	assert_string_equal(s.field[1][0], "");
	assert_int_equal(s.n[2], 2);
	assert_int_equal(s.null_fields, 0);
}

static void test_gzip(void **state)
{
	struct seen s = {0};
	struct csv_read_info info;
	char path[64];
	const char *text = "a,b\n1,2\n3,4\n";
	(void)state;

	strcpy(path, "/tmp/slo-test-gz-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	gzFile gz = gzopen(path, "wb");
	assert_non_null(gz);
	assert_int_equal(gzwrite(gz, text, (unsigned)strlen(text)), (int)strlen(text));
	assert_int_equal(gzclose(gz), Z_OK);

	assert_int_equal(read_path(path, 0, &s, &info), CSV_READ_OK);
	assert_int_equal(s.rows, 3);
	assert_string_equal(s.field[2][1], "4");
	assert_int_equal(info.lines, 3);
}

/* A gzip stream cut short is an error, not a short file. */
static void test_gzip_truncated(void **state)
{
	struct seen s = {0};
	struct csv_read_info info;
	char path[64];
	(void)state;

	strcpy(path, "/tmp/slo-test-gz-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	gzFile gz = gzopen(path, "wb");
	assert_non_null(gz);
	for (int i = 0; i < 20000; i++)
		gzprintf(gz, "%d,%d\n", i, i * 7919 % 1000);
	assert_int_equal(gzclose(gz), Z_OK);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	assert_true(n > 1000);
	f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(buf, 1, n / 2, f);
	fclose(f);

	assert_int_equal(read_path(path, 0, &s, &info), CSV_READ_IO);
	assert_non_null(info.why);
}

static void test_stop(void **state)
{
	struct seen s = {0};
	struct csv_read_info info;
	(void)state;

	s.stop_after = 2;
	assert_int_equal(read_text("a,b\n1,2\n3,4\n5,6\n", &s, &info), CSV_READ_STOPPED);
	assert_int_equal(s.rows, 2);
}

/* More than one 256 KiB block, and a header line longer than one block. */
static void test_large(void **state)
{
	struct seen s = {0};
	struct csv_read_info info;
	const size_t rows = 100000;
	size_t cap = 8 * rows + 600000, len = 0;
	char *text = malloc(cap);
	(void)state;

	assert_non_null(text);
	/* a 300000-byte first cell, then a second column */
	memset(text, 'h', 300000);
	len = 300000;
	len += (size_t)snprintf(text + len, cap - len, ",b\n");
	for (size_t i = 1; i <= rows; i++)
		len += (size_t)snprintf(text + len, cap - len, "%zu,x\n", i);
	assert_int_equal(read_path(temp_file(text, len), 0, &s, &info), CSV_READ_OK);
	free(text);
	assert_int_equal(s.rows, rows + 1);
	assert_int_equal(s.n[0], 2);
	assert_int_equal(info.lines, rows + 1);
	assert_string_equal(s.last_first, "100000");
	assert_int_equal(s.last_seen_line, rows + 1);
	assert_string_equal(s.field[1][0], "1");
}

/* AddressSanitizer keeps freed blocks out of use for a while (256 MiB of
 * them): every step of a growing buffer would count in the peak that
 * test_row_too_large measures.  Read by ASan at start-up. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "quarantine_size_mb=0";
}

/* The peak resident size of this process so far, in KiB. */
static long peak_kib(void)
{
	struct rusage ru;
	assert_int_equal(getrusage(RUSAGE_SELF, &ru), 0);
	return ru.ru_maxrss;
}

/* A file of head, n bytes of c, then tail, written a block at a time. */
static const char *filler_file(const char *head, int c, size_t n, const char *tail)
{
	static char path[64];
	static char block[1 << 16];
	strcpy(path, "/tmp/slo-test-csv-big-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	memset(block, c, sizeof block);
	assert_true(write(fd, head, strlen(head)) == (ssize_t)strlen(head));
	for (size_t done = 0; done < n;) {
		size_t k = n - done < sizeof block ? n - done : sizeof block;
		assert_true(write(fd, block, k) == (ssize_t)k);
		done += k;
	}
	assert_true(write(fd, tail, strlen(tail)) == (ssize_t)strlen(tail));
	assert_int_equal(close(fd), 0);
	return path;
}

/* A row four times CSV_MAX_RECORD, bare and then quoted across lines, is
 * one row too large each, the rows around them read, and memory stays
 * near the cap: without it, libcsv and the row would hold the row twice
 * over (128 MiB and more here). */
static void test_row_too_large(void **state)
{
	struct seen s = {0};
	struct csv_read_info info;
	const size_t big = 4 * CSV_MAX_RECORD;
	(void)state;

	long before = peak_kib();
	assert_int_equal(read_path(filler_file("time,status\n1,200\n2,", '7', big, "\n3,503\n"), 0,
				   &s, &info),
			 CSV_READ_OK);
	assert_int_equal(s.rows, 4);
	assert_int_equal(s.n[2], 0);
	assert_int_equal(s.line[2], 3);
	assert_int_equal(s.last_line[2], 3);
	assert_string_equal(s.field[3][1], "503");
	assert_int_equal(s.line[3], 4);

	memset(&s, 0, sizeof s);
	assert_int_equal(read_path(filler_file("time,status\n1,\"", '\n', big, "\"\n3,503"), 0, &s,
				   &info),
			 CSV_READ_OK);
	assert_int_equal(s.rows, 3);
	assert_int_equal(s.n[1], 0);
	assert_int_equal(s.line[1], 2);
	assert_int_equal(s.last_line[1], 2 + big);
	assert_string_equal(s.field[2][0], "3");
	assert_int_equal(s.line[2], 3 + big);
	assert_int_equal(info.lines, 3 + big);

	/* ASan's shadow and allocator add to the caps' 16 MiB */
	long grew = peak_kib() - before;
	assert_true(grew < 48 * 1024);
}

/* A row past the field cap is too large however it is read; a quote
 * after the cap still opens a field that runs on to the next line (the
 * fast path hands such a line to libcsv rather than end the row at its
 * newline). */
static void test_quote_past_cap(void **state)
{
	static const char text[] = "a,b,c,d,e,f,g,h,i,\"x\ny\",z\nq,r\n";
	(void)state;
	for (int general = 0; general < 2; general++) {
		struct seen s = {0};
		struct csv_read_info info;
		struct csv_read_opts opts = {.general_only = general, .max_fields = 8};
		const char *path = temp_file(text, strlen(text));
		struct source *src = source_open(path);
		assert_non_null(src);
		assert_int_equal(csv_read_with(src, ',', &opts, collect, &s, &info), CSV_READ_OK);
		source_close(src);
		unlink(path);
		assert_int_equal(s.rows, 2);
		assert_int_equal(s.n[0], 0); /* too large */
		assert_int_equal(s.line[0], 1);
		assert_int_equal(s.last_line[0], 2);
		assert_int_equal(s.n[1], 2);
		assert_string_equal(s.field[1][0], "q");
		assert_int_equal(s.line[1], 3);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect_delim),
		cmocka_unit_test(test_comma),
		cmocka_unit_test(test_semicolon_tab),
		cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_quoted_first_field_line),
		cmocka_unit_test(test_crlf_bom_last_line),
		cmocka_unit_test(test_empty_and_blank),
		cmocka_unit_test(test_empty_fields),
		cmocka_unit_test(test_empty_row_pointers),
		cmocka_unit_test(test_gzip),
		cmocka_unit_test(test_gzip_truncated),
		cmocka_unit_test(test_stop),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_row_too_large),
		cmocka_unit_test(test_quote_past_cap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
