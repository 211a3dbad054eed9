/* libFuzzer harness, differential: the same CSV file read twice by
 * csv_read, once as usual (lines without quotes split by the fast path,
 * split_plain) and once with every line through libcsv
 * (csv_read_opts.general_only), must give the same rows, fields, line
 * numbers and counts.  Any difference aborts, naming the first row that
 * differs.
 *
 * The first byte chooses the delimiter (bits 0-1: detected, comma,
 * semicolon, tab), whether the callback stops after a few rows (bit 2:
 * after (byte >> 4) + 1 rows), and small caps on a row (bit 3: 64 bytes
 * and 8 fields, so that rows too large, passed over to their end, are
 * common); the rest is the file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "input/csv_reader.h"
#include "input/source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every row the callback saw, written out as line, last line, field
 * count, then each field's length and bytes. */
struct trace {
	unsigned char *buf;
	size_t len, cap;
	uint64_t rows, stop_after; /* stop_after 0: never */
};

static void put(struct trace *t, const void *p, size_t n)
{
	if (t->len + n > t->cap) {
		size_t cap = t->cap ? t->cap : 4096;
		while (cap < t->len + n)
			cap *= 2;
		t->buf = realloc(t->buf, cap);
		if (!t->buf)
			abort();
		t->cap = cap;
	}
	if (n)
		memcpy(t->buf + t->len, p, n);
	t->len += n;
}

static int on_row(void *ctx, const struct csv_field *f, size_t n, uint64_t line,
		  uint64_t last_line)
{
	struct trace *t = ctx;
	/* a row too large is n 0, which no row kept has */
	uint64_t head[3] = {line, last_line, n};
	FUZZ_ASSERT((f == NULL) == (n == 0));
	FUZZ_ASSERT(line >= 1 && line <= last_line);
	put(t, head, sizeof head);
	for (size_t i = 0; i < n; i++) {
		uint64_t len = f[i].len;
		FUZZ_ASSERT(f[i].s != NULL);
		fuzz_touch(f[i].s, f[i].len);
		put(t, &len, sizeof len);
		put(t, f[i].s, f[i].len);
	}
	t->rows++;
	return t->stop_after && t->rows >= t->stop_after;
}

static enum csv_read_status read_as(const char *path, char delim, int general, int small,
				    struct trace *t, struct csv_read_info *info)
{
	struct csv_read_opts opts = {.general_only = general};
	if (small) {
		opts.max_record = 64;
		opts.max_fields = 8;
	}
	struct source *src = source_open(path);
	if (!src)
		abort();
	enum csv_read_status st = csv_read_with(src, delim, &opts, on_row, t, info);
	source_close(src);
	return st;
}

/* Prints row k of a trace, for the report of a difference. */
static void show(const char *what, const struct trace *t, uint64_t k)
{
	size_t o = 0;
	for (uint64_t r = 0; o < t->len; r++) {
		uint64_t head[3];
		memcpy(head, t->buf + o, sizeof head);
		o += sizeof head;
		if (r == k)
			fprintf(stderr, "%s: row %llu: lines %llu-%llu, %llu fields:", what,
				(unsigned long long)r + 1, (unsigned long long)head[0],
				(unsigned long long)head[1], (unsigned long long)head[2]);
		for (uint64_t i = 0; i < head[2]; i++) {
			uint64_t len;
			memcpy(&len, t->buf + o, sizeof len);
			o += sizeof len;
			if (r == k)
				fprintf(stderr, " [%.*s]", (int)len, (const char *)t->buf + o);
			o += len;
		}
		if (r == k) {
			fputc('\n', stderr);
			return;
		}
	}
	fprintf(stderr, "%s: no row %llu\n", what, (unsigned long long)k + 1);
}

/* The index of the first row at which two traces differ. */
static uint64_t first_difference(const struct trace *a, const struct trace *b)
{
	size_t o = 0;
	uint64_t r = 0;
	while (o < a->len && o < b->len) {
		size_t start = o;
		uint64_t head[3];
		memcpy(head, a->buf + o, sizeof head);
		o += sizeof head;
		for (uint64_t i = 0; i < head[2] && o < a->len; i++) {
			uint64_t len;
			memcpy(&len, a->buf + o, sizeof len);
			o += sizeof len + len;
		}
		if (o > b->len || memcmp(a->buf + start, b->buf + start, o - start) != 0)
			return r;
		r++;
	}
	return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static const char delims[4] = {0, ',', ';', '\t'};
	char delim = delims[data[0] & 3];
	uint64_t stop_after = data[0] & 4 ? (uint64_t)(data[0] >> 4) + 1 : 0;
	int small = data[0] & 8;
	const char *path = fuzz_file(data + 1, size - 1);
	struct trace fast = {.stop_after = stop_after}, general = {.stop_after = stop_after};
	struct csv_read_info fi, gi;

	enum csv_read_status fs = read_as(path, delim, 0, small, &fast, &fi);
	enum csv_read_status gs = read_as(path, delim, 1, small, &general, &gi);
	FUZZ_ASSERT(gi.fast_lines == 0);
	if (fast.len != general.len || (fast.len && memcmp(fast.buf, general.buf, fast.len) != 0)) {
		uint64_t k = first_difference(&fast, &general);
		show("fast path", &fast, k);
		show("libcsv", &general, k);
		FUZZ_ASSERT(!"the fast path and libcsv give different rows");
	}
	FUZZ_ASSERT(fs == gs);
	FUZZ_ASSERT(fi.delim == gi.delim);
	FUZZ_ASSERT(fi.lines == gi.lines);
	FUZZ_ASSERT(fi.unclosed_line == gi.unclosed_line);
	FUZZ_ASSERT(fi.unclosed_last == gi.unclosed_last);
	free(fast.buf);
	free(general.buf);
	return 0;
}
