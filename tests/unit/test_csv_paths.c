/* input/csv_reader: the quote-free fast path (split_plain) and libcsv give
 * the same rows.  Each text is read twice, as usual and with
 * csv_read_opts.general_only, and the two traces compared; hand-checked
 * edge cases first, then generated rows with every delimiter.  (The
 * fuzzed version of this is fuzz/fuzz_csv_diff.c.) */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/csv_reader.h"
#include "input/source.h"

/* Every row seen, as text: "LINE-LAST|field|field|...\n", each field's
 * bytes as they are (a NUL shown as \0); a row too large to keep is
 * "LINE-LAST too large\n". */
struct trace {
	char *s;
	size_t len, cap;
	size_t rows;
};

static void put(struct trace *t, const char *p, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 4096;
		while (cap < t->len + n + 1)
			cap *= 2;
		t->s = realloc(t->s, cap);
		assert_non_null(t->s);
		t->cap = cap;
	}
	memcpy(t->s + t->len, p, n);
	t->len += n;
	t->s[t->len] = '\0';
}

static int on_row(void *ctx, const struct csv_field *f, size_t n, uint64_t line,
		  uint64_t last_line)
{
	struct trace *t = ctx;
	char head[64];
	put(t, head, (size_t)snprintf(head, sizeof head, "%llu-%llu", (unsigned long long)line,
				     (unsigned long long)last_line));
	if (!f)
		put(t, " too large", 10);
	for (size_t i = 0; i < n; i++) {
		put(t, "|", 1);
		for (size_t k = 0; k < f[i].len; k++)
			put(t, f[i].s[k] ? f[i].s + k : "\\0", f[i].s[k] ? 1 : 2);
	}
	put(t, "\n", 1);
	t->rows++;
	return 0;
}

/* Caps on a row for read_both, small enough to reach; 0: the real ones. */
static size_t cap_bytes, cap_fields;

static void read_as(const char *path, char delim, int general, struct trace *t,
		    struct csv_read_info *info)
{
	struct csv_read_opts opts = {
		.general_only = general, .max_record = cap_bytes, .max_fields = cap_fields};
	struct source *src = source_open(path);
	assert_non_null(src);
	assert_int_equal(csv_read_with(src, delim, &opts, on_row, t, info), CSV_READ_OK);
	source_close(src);
}

/* Reads text[0..len) both ways; checks that they agree; returns the
 * trace (to free) and the number of lines the fast path split. */
static char *read_both(const char *text, size_t len, char delim, uint64_t *fast_lines)
{
	char path[] = "/tmp/slo-test-csv-paths-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_true(write(fd, text, len) == (ssize_t)len);
	assert_int_equal(close(fd), 0);

	struct trace fast = {0}, general = {0};
	struct csv_read_info fi, gi;
	read_as(path, delim, 0, &fast, &fi);
	read_as(path, delim, 1, &general, &gi);
	unlink(path);
	assert_int_equal(gi.fast_lines, 0);
	if (fast.len != general.len || memcmp(fast.s, general.s, fast.len) != 0) {
		/* name the first row that differs */
		size_t i = 0, line = 0, bol = 0;
		while (i < fast.len && i < general.len && fast.s[i] == general.s[i])
			if (fast.s[i++] == '\n') {
				line++;
				bol = i;
			}
		fail_msg("delimiter '%c': row %zu differs: fast path \"%.60s\", libcsv \"%.60s\"",
			 delim ? delim : '?', line + 1, fast.s ? fast.s + bol : "",
			 general.s ? general.s + bol : "");
	}
	assert_int_equal(fi.delim, gi.delim);
	assert_int_equal(fi.lines, gi.lines);
	assert_int_equal(fi.unclosed_line, gi.unclosed_line);
	free(general.s);
	*fast_lines = fi.fast_lines;
	return fast.s ? fast.s : calloc(1, 1);
}

/* The edge cases, written with D for the delimiter, and what both paths
 * must give. */
static void test_edge_cases(void **state)
{
	static const char *const lines[] = {
		"time D status D path\n",   /* spaces around names */
		"1DD3\n",                   /* an empty field */
		"DD\n",                     /* nothing but empty fields */
		"xDyD\n",                   /* a trailing delimiter */
		" 1 D  2D3  \r\n",          /* spaces and CRLF */
		"   \n",                    /* blank: no row */
		"\n",                       /* empty: no row */
		"1,2;3\t4D5\n",             /* the other delimiters are text */
		"a bD c d \n",              /* inner spaces stay */
		"\"q D\"Dz\n",              /* a quoted delimiter: libcsv's */
		"9D8",                      /* a last line without a newline */
	};
	static const char *const want =
		"1-1|time|status|path\n"
		"2-2|1||3\n"
		"3-3|||\n"
		"4-4|x|y|\n"
		"5-5|1|2|3\n"
		"8-8|1,2;3\t4|5\n"
		"9-9|a b|c d\n"
		"10-10|q D|z\n"
		"11-11|9|8\n";
	static const char delims[] = {',', ';', '\t'};
	(void)state;

	for (size_t k = 0; k < sizeof delims; k++) {
		char text[512], expect[512];
		size_t len = 0, el = 0;
		for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
			for (const char *p = lines[i]; *p; p++)
				text[len++] = *p == 'D' ? delims[k] : *p;
		for (const char *p = want; *p; p++)
			/* the other delimiters of line 8 are text whatever D is */
			expect[el++] = *p == 'D' ? delims[k] : *p;
		expect[el] = '\0';
		/* "1,2;3\t4" holds this delimiter too: that field splits */
		char split8[64];
		snprintf(split8, sizeof split8, "8-8|%s|5\n",
			 delims[k] == ',' ? "1|2;3\t4" : delims[k] == ';' ? "1,2|3\t4" : "1,2;3|4");
		char *at = strstr(expect, "8-8|");
		assert_non_null(at);
		char *rest = strchr(at, '\n') + 1;
		char tail[256];
		snprintf(tail, sizeof tail, "%s", rest);
		snprintf(at, sizeof expect - (size_t)(at - expect), "%s%s", split8, tail);

		uint64_t fast_lines;
		char *got = read_both(text, len, delims[k], &fast_lines);
		assert_string_equal(got, expect);
		/* every line but the blank ones, the quoted one and the last */
		assert_int_equal(fast_lines, 7);
		free(got);
	}
}

/* 20000 rows of pieces chosen by a fixed generator (more than one read
 * block, so that lines straddle blocks), for each delimiter D and for
 * detection (D a comma).  A quoted field stands between delimiters: one
 * followed by other text stays open to the next quote in libcsv, and
 * would leave few lines to the fast path. */
static size_t generate(char *text, char d)
{
	static const char *const piece[] = {
		"", "", " ", "  ", "a", "42", "2026-10-01T00:00:00Z", " x y ", "503", "-1.5",
		"D", "D", "D ", " D", ",", ";", "\t", "\t ", "\\", "\xc3\xa9", "#", "'",
	};
	static const char *const rare[] = {"D\"q\"D", "D \"a,b;c\td\" D", "D\"\"D", "x\"y",
					   "D\"\n\"D", "\r", "D\"a\"\"b\"D"};
	uint32_t seed = 12345;
	size_t len = 0;
#define RAND() (seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff)
	for (int row = 0; row < 20000; row++) {
		int n = 1 + (int)(RAND() % 6);
		for (int i = 0; i < n; i++) {
			const char *p = RAND() % 100 == 0
						? rare[RAND() % (sizeof rare / sizeof *rare)]
						: piece[RAND() % (sizeof piece / sizeof *piece)];
			for (; *p; p++)
				text[len++] = *p == 'D' ? d : *p;
		}
		if (RAND() % 50 == 0)
			text[len++] = '\0';
		if (RAND() % 10 == 0)
			text[len++] = '\r';
		text[len++] = '\n';
	}
#undef RAND
	return len;
}

static void test_generated(void **state)
{
	static const char delims[] = {0, ',', ';', '\t'};
	char *text = malloc(20000 * 128);
	(void)state;

	assert_non_null(text);
	for (size_t k = 0; k < sizeof delims; k++) {
		uint64_t fast_lines;
		size_t len = generate(text, delims[k] ? delims[k] : ',');
		free(read_both(text, len, delims[k], &fast_lines));
		/* most lines have no quote: the fast path must have had them */
		assert_true(fast_lines > 16000);
		/* and again with caps that many rows pass, so that the rows
		 * too large, and the rows after them, are compared too */
		cap_bytes = 24;
		cap_fields = 5;
		free(read_both(text, len, delims[k], &fast_lines));
		cap_bytes = cap_fields = 0;
	}
	free(text);
}

/* Rows too large to keep (here over 16 bytes of fields, or over 4
 * fields) are handed over as such, with their lines, and the reading goes
 * on after them, where libcsv would: a quoted field that spans lines, one
 * ended by a CR, one the file ends in. */
static void test_too_large(void **state)
{
	static const char text[] =
		"a,b\n"
		"1,2,3,4,5\n"                    /* 2: five fields */
		"0123456789,0123456789\n"        /* 3: 20 bytes */
		"x,y\n"                          /* 4 */
		"\"0123456789\n0123456789\",z\n" /* 5-6: a quoted field, 21 bytes */
		"\"\"\"\",q\n"                      /* 7: an escaped quote */
		"                   ,1\n"        /* 8: spaces only: kept */
		"0123456789012345678\rk,l\n"     /* 9: ended by CR; then k,l */
		"m,n\n"                          /* 10 */
		"\"0123456789,0123456789";       /* 11: open to the end */
	static const char *const want = "1-1|a|b\n"
					"2-2 too large\n"
					"3-3 too large\n"
					"4-4|x|y\n"
					"5-6 too large\n"
					"7-7|\"|q\n"
					"8-8||1\n"
					"9-9 too large\n"
					"9-9|k|l\n"
					"10-10|m|n\n"
					"11-11 too large\n";
	uint64_t fast_lines;
	(void)state;

	cap_bytes = 16;
	cap_fields = 4;
	char *got = read_both(text, sizeof text - 1, ',', &fast_lines);
	cap_bytes = cap_fields = 0;
	assert_string_equal(got, want);
	free(got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edge_cases),
		cmocka_unit_test(test_generated),
		cmocka_unit_test(test_too_large),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
