/* report/cells: each table format's escaping, Prometheus label values,
 * and numbers written as the JSON report writes them. */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/cells.h"
#include "report/formats.h"

/* What fn wrote to a memory stream, compared with want. */
#define captured(want, stmt)                                                   \
	do {                                                                   \
		char *buf_ = NULL;                                             \
		size_t len_ = 0;                                               \
		FILE *out = open_memstream(&buf_, &len_);                      \
		assert_non_null(out);                                          \
		stmt;                                                          \
		fclose(out);                                                   \
		assert_string_equal(buf_, (want));                             \
		free(buf_);                                                    \
	} while (0)

static void test_csv(void **state)
{
	(void)state;
	captured("plain", cells_escape(out, CELLS_CSV, "plain"));
	captured("with space", cells_escape(out, CELLS_CSV, "with space"));
	captured("\"a,b\"", cells_escape(out, CELLS_CSV, "a,b"));
	captured("\"say \"\"hi\"\"\"", cells_escape(out, CELLS_CSV, "say \"hi\""));
	captured("\"two\nlines\"", cells_escape(out, CELLS_CSV, "two\nlines"));
	captured("\"cr\r\"", cells_escape(out, CELLS_CSV, "cr\r"));
	captured("tab\there", cells_escape(out, CELLS_CSV, "tab\there"));
	captured("", cells_escape(out, CELLS_CSV, ""));
}

static void test_tsv(void **state)
{
	(void)state;
	captured("a,b \"q\"", cells_escape(out, CELLS_TSV, "a,b \"q\""));
	captured("a\\tb\\nc\\rd\\\\e", cells_escape(out, CELLS_TSV, "a\tb\nc\rd\\e"));
}

static void test_markdown(void **state)
{
	(void)state;
	captured("GET /api/\\*", cells_escape(out, CELLS_MARKDOWN, "GET /api/*"));
	captured("a\\|b", cells_escape(out, CELLS_MARKDOWN, "a|b"));
	captured("\\_x\\_ \\`c\\` \\[l\\] \\<b\\> \\~s\\~ \\&amp; \\\\",
		 cells_escape(out, CELLS_MARKDOWN, "_x_ `c` [l] <b> ~s~ &amp; \\"));
	captured("one two", cells_escape(out, CELLS_MARKDOWN, "one\ntwo"));
	/* cmark-gfm ends a table at a byte that is not UTF-8 */
	captured("caf\xc3\xa9 x\xef\xbf\xbdy", cells_escape(out, CELLS_MARKDOWN, "caf\xc3\xa9 x\xffy"));
	captured("99.9% -1.5 (--fail-under)",
		 cells_escape(out, CELLS_MARKDOWN, "99.9% -1.5 (--fail-under)"));
}

/* Rows: separators, empty cells for NULL, and markdown's pipes. */
static void test_rows(void **state)
{
	struct cells c;
	(void)state;
	captured("a,,\"b,c\"\nd\n", {
		cells_init(&c, out, CELLS_CSV);
		cells_put(&c, "a");
		cells_put(&c, NULL);
		cells_put(&c, "b,c");
		cells_end(&c);
		cells_put(&c, "d");
		cells_end(&c);
	});
	captured("a\t\tb\n", {
		cells_init(&c, out, CELLS_TSV);
		cells_put(&c, "a");
		cells_put(&c, NULL);
		cells_put(&c, "b");
		cells_end(&c);
	});
	captured("| a |  | b\\|c |\n", {
		cells_init(&c, out, CELLS_MARKDOWN);
		cells_put(&c, "a");
		cells_put(&c, NULL);
		cells_put(&c, "b|c");
		cells_end(&c);
	});
}

static void test_prom_label(void **state)
{
	(void)state;
	captured("latency 300ms", cells_prom_label(out, "latency 300ms"));
	captured("a\\\\b \\\"q\\\" \\n", cells_prom_label(out, "a\\b \"q\" \n"));
	/* UTF-8 passes; what is not UTF-8 becomes U+FFFD, byte by byte */
	captured("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x99\x82", cells_prom_label(out, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x99\x82"));
	captured("x\xef\xbf\xbdy", cells_prom_label(out, "x\xffy"));
	captured("\xef\xbf\xbd\xef\xbf\xbd", cells_prom_label(out, "\xc0\xaf")); /* overlong */
	captured("\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", cells_prom_label(out, "\xed\xa0\x80")); /* surrogate */
	captured("\xef\xbf\xbd\xef\xbf\xbd", cells_prom_label(out, "\xe2\x82")); /* cut short */
	captured("\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd",
		 cells_prom_label(out, "\xf4\x90\x80\x80")); /* past U+10FFFF */
}

static void test_double(void **state)
{
	char b[48];
	(void)state;
	assert_string_equal(cells_double(0.999, b, sizeof b), "0.999");
	assert_string_equal(cells_double(0, b, sizeof b), "0");
	assert_string_equal(cells_double(-5.327490380504489, b, sizeof b), "-5.327490380504489");
	assert_string_equal(cells_double(1.0 / 3, b, sizeof b), "0.3333333333333333");
	assert_string_equal(cells_double(0.1 + 0.2, b, sizeof b), "0.30000000000000004");
	assert_string_equal(cells_double(1e-7, b, sizeof b), "1e-07");
	assert_string_equal(cells_double(1000, b, sizeof b), "1000");
}

/* Every name --format takes, and what it does not. */
static void test_format_names(void **state)
{
	static const char *const names[] = {"text", "json", "csv", "tsv", "prom", "markdown"};
	enum report_format f;
	(void)state;
	for (int i = 0; i < 6; i++) {
		f = (enum report_format)99;
		assert_int_equal(report_format_parse(names[i], &f), 0);
		assert_int_equal((int)f, i);
		assert_non_null(strstr(report_format_names(), names[i]));
	}
	assert_int_equal(report_format_parse("JSON", &f), -1);
	assert_int_equal(report_format_parse("", &f), -1);
	assert_int_equal(report_format_parse("md", &f), -1);
}

/* --label: a Prometheus label name, not slo's own, not reserved. */
static void test_prom_label_option(void **state)
{
	char why[160];
	(void)state;
	assert_int_equal(report_prom_label("service=api", why, sizeof why), 0);
	assert_int_equal(report_prom_label("_x9=", why, sizeof why), 0);
	assert_int_equal(report_prom_label("env=a=b", why, sizeof why), 0);
	assert_int_equal(report_prom_label("slo=x", why, sizeof why), -1);
	assert_int_equal(report_prom_label("severity=x", why, sizeof why), -1);
	assert_int_equal(report_prom_label("slow=x", why, sizeof why), 0);
	assert_int_equal(report_prom_label("__name__=x", why, sizeof why), -1);
	assert_int_equal(report_prom_label("1a=x", why, sizeof why), -1);
	assert_int_equal(report_prom_label("a.b=x", why, sizeof why), -1);
	assert_int_equal(report_prom_label("=x", why, sizeof why), -1);
	assert_int_equal(report_prom_label("nothing", why, sizeof why), -1);
	assert_string_equal(why, "\"nothing\" is not NAME=VALUE, e.g. service=api");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv),        cmocka_unit_test(test_tsv),
		cmocka_unit_test(test_markdown),   cmocka_unit_test(test_rows),
		cmocka_unit_test(test_prom_label), cmocka_unit_test(test_double),
		cmocka_unit_test(test_format_names), cmocka_unit_test(test_prom_label_option),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
