/* input/csv_direct: lines of plain cells to records in one pass.  The
 * records are checked against values worked out by hand; the lines the
 * direct path must leave to the usual way are listed one by one; and the
 * real third-party CSV files, when ../shared/data is there, are read with
 * and without it, as slo eval reads them, to the same records.  (The
 * fuzzed comparison is fuzz/fuzz_csv.c.) */
#include "testing.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/csv_direct.h"
#include "input/csv_reader.h"
#include "input/source.h"
#include "util/duration.h"

static struct status_set default_set;

static struct csv_columns_config config(void)
{
	struct csv_columns_config c;
	memset(&c, 0, sizeof c);
	status_set_default(&default_set);
	c.bad_status = &default_set;
	c.need_status = c.need_latency = c.need_time = true;
	return c;
}

/* Columns from a header of comma-separated names. */
static void resolve(const struct csv_columns_config *cfg, const char *header,
		    struct csv_columns *cols)
{
	char buf[512], err[512] = "";
	struct csv_field f[CSV_DIRECT_MAX_FIELDS + 8];
	size_t n = 0, start = 0, len = strlen(header);
	assert_true(len < sizeof buf);
	memcpy(buf, header, len + 1);
	for (size_t i = 0; i <= len; i++)
		if (i == len || buf[i] == ',') {
			assert_true(n < sizeof f / sizeof f[0]);
			f[n].s = buf + start;
			f[n++].len = i - start;
			start = i + 1;
		}
	if (csv_columns_resolve(cfg, f, n, cols, err, sizeof err) != 0)
		fail_msg("resolve \"%s\": %s", header, err);
}

static struct csv_direct plan(const char *header)
{
	struct csv_columns_config cfg = config();
	struct csv_columns cols;
	struct csv_direct d;
	resolve(&cfg, header, &cols);
	assert_true(csv_direct_init(&d, &cols, &cfg, ','));
	return d;
}

/* The record of line (its bytes, then zeros as the reader pads them), or
 * false when the direct path leaves it; a line taken must end where its
 * first newline does. */
static bool take_max(const struct csv_direct *d, const char *line, size_t max,
		     struct slo_record *rec)
{
	static char buf[1024];
	size_t len = strlen(line);
	assert_true(len + 64 <= sizeof buf);
	memset(buf, 0, sizeof buf);
	memcpy(buf, line, len);
	const char *next = csv_direct_record(d, buf, max, rec);
	if (!next)
		return false;
	const char *nl = strchr(line, '\n');
	assert_non_null(nl);
	assert_ptr_equal(next, buf + (nl - line) + 1);
	return true;
}

static bool take(const struct csv_direct *d, const char *line, struct slo_record *rec)
{
	return take_max(d, line, CSV_MAX_RECORD, rec);
}

static void expect(const struct csv_direct *d, const char *line, int64_t time, uint64_t bad,
		   int64_t latency)
{
	struct slo_record r;
	if (!take(d, line, &r))
		fail_msg("left: %s", line);
	assert_true(r.has_time);
	assert_int_equal(r.time, time);
	assert_int_equal(r.total, 1);
	assert_int_equal(r.bad, bad);
	assert_true(r.has_latency);
	assert_int_equal(r.latency, latency);
	assert_false(r.has_until);
}

static void test_bare_numbers(void **state)
{
	(void)state;
	struct csv_direct d = plan("timestamp,status,latency_ms");
	/* the epoch's unit by its magnitude: ms, s, us, ns */
	expect(&d, "1790812800015,200,170\n", INT64_C(1790812800015000000), 0, 170 * NS_PER_MS);
	expect(&d, "1790812800,503,0\n", INT64_C(1790812800000000000), 1, 0);
	expect(&d, "1790812800015123,404,5\n", INT64_C(1790812800015123000), 0, 5 * NS_PER_MS);
	expect(&d, "1790812800015123456,599,12345678\n", INT64_C(1790812800015123456), 1,
	       INT64_C(12345678000000));
	/* leading zeros, CRLF */
	expect(&d, "0001790812800,500,007\r\n", INT64_C(1790812800000000000), 1, 7 * NS_PER_MS);
	/* only the line's first newline ends it */
	expect(&d, "1790812800,200,1\n1790812801,500,2\n", INT64_C(1790812800000000000), 0,
	       NS_PER_MS);
}

/* Every length of a run of digits, one load of eight bytes to three. */
static void test_digit_runs(void **state)
{
	(void)state;
	struct csv_direct d = plan("time,code,latency_ns");
	const char *digits = "1234567890123456789";
	for (size_t n = 1; n <= 19; n++) {
		char line[64];
		int64_t v = 0;
		for (size_t i = 0; i < n; i++)
			v = v * 10 + (digits[i] - '0');
		snprintf(line, sizeof line, "1790812800,200,%.*s\n", (int)n, digits);
		expect(&d, line, INT64_C(1790812800000000000), 0, v);
		/* the same run before each end a cell may have */
		snprintf(line, sizeof line, "1790812800,200,%.*s\r\n", (int)n, digits);
		expect(&d, line, INT64_C(1790812800000000000), 0, v);
	}
	struct slo_record r;
	/* 9223372036854775808 ns is past int64_t; 20 digits, past 2^64 */
	assert_false(take(&d, "1790812800,200,9223372036854775808\n", &r));
	assert_false(take(&d, "1790812800,200,98765432109876543210\n", &r));
	assert_false(take(&d, "98765432109876543210,200,1\n", &r));
}

/* Cells that are not bare numbers are read from their bytes, as the
 * usual way reads them. */
static void test_cells_read_from_bytes(void **state)
{
	(void)state;
	struct csv_direct d = plan("time,status,latency_ms");
	/* 2026-10-01T12:00:00Z is 1790856000 s (calendar.timegm) */
	expect(&d, "2026-10-01T12:00:00Z,up,0.170\n", INT64_C(1790856000000000000), 0, 170000);
	expect(&d, "2026-10-01 12:00:00,DOWN,1.5\n", INT64_C(1790856000000000000), 1, 1500000);
	expect(&d, "1790856000.5,false,2\n", INT64_C(1790856000500000000), 1, 2 * NS_PER_MS);
	/* a 10^6 ns unit times 13 digits passes int64_t: the usual way's
	 * range error, so the line is left to it */
	struct slo_record r;
	assert_false(take(&d, "1790856000,200,9999999999999\n", &r));
	expect(&d, "1790856000,200,9223372036854\n", INT64_C(1790856000000000000), 0,
	       INT64_C(9223372036854000000));
}

/* What the direct path leaves to the split and csv_columns_record: each
 * line would be read otherwise by libcsv, or is an error the usual way
 * names, or is for no record at all. */
static void test_lines_left(void **state)
{
	(void)state;
	struct csv_direct d = plan("time,status,latency_ms,path");
	static const char *const left[] = {
		"\"1790812800\",200,1,/\n",       /* a quote */
		"1790812800,200,1,\"/a,b\"\n",    /* a quote in a cell not read */
		"1790812800, 200,1,/\n",          /* a space before a cell read */
		"1790812800,200 ,1,/\n",          /* ... after it */
		"1790812800,200,1\n",             /* a field short */
		"1790812800,200,1,/,x\n",         /* a field over */
		"1790812800,,1,/\n",              /* an empty cell */
		",200,1,/\n",
		"1790812800,200,,/\n",
		"1790812800,200,1,/\r/\n",        /* a CR not before the LF */
		"1790812800,200,1,/\r",
		"1790812800,200,1,/",             /* no newline before the end */
		"\n",                             /* blank */
		"\r\n",
		"1790812800,600,1,/\n",           /* not a status */
		"1790812800,2OO,1,/\n",
		"1790812800,99,1,/\n",
		"1790812800,200,-5,/\n",          /* a negative latency */
		"1790812800,200,250ms,/\n",       /* a duration: the usual way's */
		"1790812800,200,1e3,/\n",
		"yesterday,200,1,/\n",            /* not a time */
	};
	struct slo_record r;
	for (size_t i = 0; i < sizeof left / sizeof left[0]; i++)
		if (take(&d, left[i], &r))
			fail_msg("taken: %s", left[i]);
	/* a cell not read may hold anything but a quote, a CR or a NUL */
	assert_true(take(&d, "1790812800,200,1, /a b?c=d \n", &r));
	assert_true(take(&d, "1790812800,200,1,\n", &r));
	char nul[] = "1790812800,200,1,/a\0b\n";
	static char buf[128];
	memset(buf, 0, sizeof buf);
	memcpy(buf, nul, sizeof nul);
	assert_null(csv_direct_record(&d, buf, CSV_MAX_RECORD, &r));
}

/* A line longer than the reader's cap may be a row too large: left. */
static void test_max(void **state)
{
	(void)state;
	struct csv_direct d = plan("time,status,latency_ms");
	struct slo_record r;
	assert_true(take_max(&d, "1790812800,200,17\n", 17, &r));
	assert_true(take_max(&d, "1790812800,200,17\r\n", 17, &r));
	assert_false(take_max(&d, "1790812800,200,17\n", 16, &r));
}

/* Files whose rows are not for the direct path. */
static void test_init(void **state)
{
	(void)state;
	struct csv_columns_config cfg = config();
	struct csv_columns cols;
	struct csv_direct d;

	resolve(&cfg, "time,status,latency_ms", &cols);
	assert_true(csv_direct_init(&d, &cols, &cfg, ';'));
	assert_true(csv_direct_init(&d, &cols, &cfg, '\t'));
	assert_false(csv_direct_init(&d, &cols, &cfg, '.'));
	assert_false(csv_direct_init(&d, &cols, &cfg, '5'));
	assert_false(csv_direct_init(&d, &cols, &cfg, ' '));

	/* a latency with no unit: every row is an error, said the usual way */
	resolve(&cfg, "time,status,latency", &cols);
	assert_false(csv_direct_init(&d, &cols, &cfg, ','));

	/* counts, incidents */
	struct csv_columns_config counts = config();
	counts.need_latency = false;
	counts.total_col = "requests";
	counts.bad_col = "errors";
	resolve(&counts, "time,requests,errors", &cols);
	assert_false(csv_direct_init(&d, &cols, &counts, ','));
	struct csv_columns_config incidents = config();
	incidents.need_status = incidents.need_latency = false;
	incidents.need_end = true;
	resolve(&incidents, "start,end", &cols);
	assert_false(csv_direct_init(&d, &cols, &incidents, ','));

	/* one column in two roles */
	struct csv_columns_config twice = config();
	twice.time_col = "1";
	twice.status_col = "1";
	twice.need_latency = false;
	twice.no_header = true;
	resolve(&twice, "1790812800,200", &cols);
	assert_false(csv_direct_init(&d, &cols, &twice, ','));

	/* wider than CSV_DIRECT_MAX_FIELDS */
	char wide[CSV_DIRECT_MAX_FIELDS * 4 + 64] = "time,status,latency_ms";
	for (int i = 0; i < CSV_DIRECT_MAX_FIELDS; i++)
		snprintf(wide + strlen(wide), sizeof wide - strlen(wide), ",c%d", i);
	resolve(&cfg, wide, &cols);
	assert_false(csv_direct_init(&d, &cols, &cfg, ','));

	/* a status not asked for is not read: any word passes */
	struct csv_columns_config latency_only = config();
	latency_only.need_status = false;
	resolve(&latency_only, "time,status,latency_ms", &cols);
	assert_true(csv_direct_init(&d, &cols, &latency_only, ','));
	struct slo_record r;
	assert_true(take(&d, "1790812800,whatever,5\n", &r));
	assert_int_equal(r.bad, 0);
}

/* What a read gave: rows, a sum over their records and line numbers, and
 * the lines the direct path took. */
struct tally {
	struct csv_columns_config cfg;
	struct csv_columns cols;
	struct csv_direct d;
	const struct csv_read_info *info;
	bool direct, direct_ok, have_cols;
	uint64_t rows, skipped, sum;
};

static void fold(struct tally *t, const struct slo_record *r, uint64_t line)
{
	/* order-sensitive, so that a record on the wrong line shows */
	uint64_t v[] = {line, (uint64_t)r->time, (uint64_t)r->latency, r->total, r->bad,
			(uint64_t)r->has_time << 1 | r->has_latency};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		t->sum = (t->sum ^ v[i]) * UINT64_C(0x100000001b3);
	t->rows++;
}

/* Takes the lines at most three at a time, as slo eval takes them a
 * batch at a time. */
static int tally_lines(void *p, const char *s, size_t max, uint64_t line, uint64_t *taken,
		       const char **next)
{
	struct tally *t = p;
	struct slo_record r[3];
	size_t n;
	*next = s;
	if (!t->direct_ok)
		return 0;
	do {
		n = csv_direct_records(&t->d, *next, max, r, 3, next);
		for (size_t i = 0; i < n; i++)
			fold(t, &r[i], line + (*taken)++);
	} while (n == 3);
	return 0;
}

static int tally_row(void *p, const struct csv_field *f, size_t n, uint64_t line, uint64_t last)
{
	struct tally *t = p;
	char why[512];
	struct slo_record r;
	(void)last;
	if (!t->have_cols) {
		if (!f || csv_columns_resolve(&t->cfg, f, n, &t->cols, why, sizeof why) != 0)
			return 1;
		t->have_cols = true;
		t->direct_ok = t->direct && csv_direct_init(&t->d, &t->cols, &t->cfg, t->info->delim);
		return 0;
	}
	if (f && csv_columns_record(&t->cols, &t->cfg, f, n, &r, why, sizeof why) == 0)
		fold(t, &r, line);
	else
		t->skipped++;
	return 0;
}

static void tally_file(const char *path, bool direct, struct tally *t, struct csv_read_info *info)
{
	memset(t, 0, sizeof *t);
	t->cfg = config();
	t->cfg.need_time = false;
	t->direct = direct;
	t->info = info;
	struct csv_read_opts opts = {.lines = direct ? tally_lines : NULL};
	struct source *src = source_open(path);
	assert_non_null(src);
	enum csv_read_status st = csv_read_with(src, 0, &opts, tally_row, t, info);
	source_close(src);
	/* a file whose columns are not found stops at its header */
	assert_int_equal(st, t->have_cols ? CSV_READ_OK : CSV_READ_STOPPED);
}

/* The real exports in ../shared/data/real (JMeter results, a TSV), read
 * with the direct path and without, give the same records on the same
 * lines; where the file is plain, the direct path takes nearly all. */
static void test_real_files(void **state)
{
	(void)state;
	const char *root = "../shared/data/real";
	DIR *top = opendir(root);
	if (!top)
		skip();
	int files = 0;
	struct dirent *e;
	while ((e = readdir(top))) {
		char dir[512];
		if (e->d_name[0] == '.')
			continue;
		snprintf(dir, sizeof dir, "%s/%s", root, e->d_name);
		DIR *sub = opendir(dir);
		if (!sub)
			continue;
		struct dirent *f;
		while ((f = readdir(sub))) {
			const char *dot = strrchr(f->d_name, '.');
			if (!dot || (strcmp(dot, ".jtl") && strcmp(dot, ".tsv") && strcmp(dot, ".csv")))
				continue;
			char path[1024];
			snprintf(path, sizeof path, "%s/%s", dir, f->d_name);
			struct tally a, b;
			struct csv_read_info ai, bi;
			tally_file(path, true, &a, &ai);
			tally_file(path, false, &b, &bi);
			if (!a.have_cols)
				continue;
			if (a.rows != b.rows || a.sum != b.sum || a.skipped != b.skipped)
				fail_msg("%s: direct %llu rows (%llu skipped), split %llu (%llu)", path,
					 (unsigned long long)a.rows, (unsigned long long)a.skipped,
					 (unsigned long long)b.rows, (unsigned long long)b.skipped);
			assert_int_equal(bi.taken_lines, 0);
			/* JMeter's results are plain but for a few quoted
			 * messages */
			if (strcmp(dot, ".jtl") == 0 && ai.taken_lines * 100 < ai.lines * 99)
				fail_msg("%s: the direct path took %llu of %llu lines", path,
					 (unsigned long long)ai.taken_lines,
					 (unsigned long long)ai.lines);
			files++;
		}
		closedir(sub);
	}
	closedir(top);
	assert_true(files >= 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bare_numbers),
		cmocka_unit_test(test_digit_runs),
		cmocka_unit_test(test_cells_read_from_bytes),
		cmocka_unit_test(test_lines_left),
		cmocka_unit_test(test_max),
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_real_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
