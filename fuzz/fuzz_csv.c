/* libFuzzer harness: CSV files, read by csv_read from a file, columns
 * resolved from the first row and every later row converted.  Each file
 * is read twice, as slo eval reads it (lines of plain cells taken whole
 * by input/csv_direct, the others split and converted by
 * csv_columns_record) and with every row split and converted: the two
 * must give the same records and the same reasons for the rows skipped,
 * on the same lines.
 *
 * The first byte chooses what is asked for (the rest is the file):
 *   bit 0 need_status    bit 1 need_latency   bit 2 need_time
 *   bit 3 no_header      bit 4 need_end       bit 5 want_all
 *   bits 6-7: 0 columns found by name; 1 named by number (time 1, status
 *   2, latency 3); 2 counts named (requests, errors); 3 a latency unit
 *   (ms) and a bad set of 429,5xx given. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "input/csv_columns.h"
#include "input/csv_direct.h"
#include "input/csv_reader.h"
#include "input/source.h"
#include "input/status.h"
#include "util/duration.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct state {
	struct csv_columns_config cfg;
	struct csv_columns cols;
	bool have_cols;
	uint64_t rows;
	const struct csv_read_info *info; /* the delimiter */
	bool direct;                      /* this read offers csv_direct lines */
	size_t chunk;                     /* records a csv_direct_records call */
	bool direct_ok;
	struct csv_direct d;
	/* what each row gave: its lines, then its record or why it has none */
	char *trace;
	size_t len, cap;
};

static void put(struct state *st, const void *p, size_t n)
{
	if (st->len + n > st->cap) {
		size_t cap = st->cap ? st->cap : 4096;
		while (cap < st->len + n)
			cap *= 2;
		st->trace = realloc(st->trace, cap);
		if (!st->trace)
			abort();
		st->cap = cap;
	}
	memcpy(st->trace + st->len, p, n);
	st->len += n;
}

static void put_row(struct state *st, uint64_t line, uint64_t last, const struct slo_record *rec,
		    const char *why)
{
	uint64_t head[2] = {line, last};
	put(st, head, sizeof head);
	if (rec) {
		/* field by field: the padding of a struct is not compared */
		int64_t v[5] = {rec->time, rec->latency, (int64_t)rec->total, (int64_t)rec->bad,
				rec->until};
		bool has[3] = {rec->has_time, rec->has_latency, rec->has_until};
		put(st, v, sizeof v);
		put(st, has, sizeof has);
	} else {
		put(st, why, strlen(why) + 1);
	}
}

/* Lines offered by the reader, taken as slo eval takes them: up to
 * st->chunk records a call of csv_direct_records. */
static int on_lines(void *p, const char *s, size_t max, uint64_t line, uint64_t *taken,
		    const char **next)
{
	struct state *st = p;
	struct slo_record rec[8];
	size_t n;
	*next = s;
	if (!st->direct_ok)
		return 0;
	do {
		const char *from = *next;
		n = csv_direct_records(&st->d, from, max, rec, st->chunk, next);
		for (size_t i = 0; i < n; i++) {
			/* each record a whole line, one after the other */
			const char *nl = memchr(from, '\n', (size_t)(*next - from));
			FUZZ_ASSERT(nl != NULL);
			from = nl + 1;
			fuzz_check_record(&rec[i]);
			put_row(st, line + *taken, line + *taken, &rec[i], NULL);
			st->rows++;
			++*taken;
		}
		FUZZ_ASSERT(from == *next);
	} while (n == st->chunk);
	return 0;
}

static int on_row(void *p, const struct csv_field *f, size_t n, uint64_t line,
		  uint64_t last_line)
{
	struct state *st = p;
	char why[1024];
	int stop = 0;

	FUZZ_ASSERT((f == NULL) == (n == 0)); /* n 0: a row too large */
	FUZZ_ASSERT(line >= 1 && line <= last_line);
	if (!f) {
		if (!st->have_cols)
			return 1; /* as slo does: no header, no file */
		put_row(st, line, last_line, NULL, "too large");
		st->rows++;
		return 0;
	}
	/* each field in its own block of its size: an over-read shows */
	struct csv_field *g = malloc(n * sizeof *g);
	if (!g)
		abort();
	for (size_t i = 0; i < n; i++) {
		g[i].s = fuzz_dup(f[i].s, f[i].len, 0);
		g[i].len = f[i].len;
	}
	if (!st->have_cols) {
		if (csv_columns_resolve(&st->cfg, g, n, &st->cols, why, sizeof why) != 0) {
			FUZZ_ASSERT(memchr(why, '\0', sizeof why) != NULL);
			stop = 1; /* as slo does: a file without its columns ends */
			goto out;
		}
		st->have_cols = true;
		for (int r = 0; r < ROLE_N; r++) {
			FUZZ_ASSERT(st->cols.col[r] < (int)n);
			(void)strlen(st->cols.name[r]);
			(void)strlen(csv_role_name((enum csv_role)r));
		}
		st->direct_ok =
			st->direct && csv_direct_init(&st->d, &st->cols, &st->cfg, st->info->delim);
		if (!st->cfg.no_header)
			goto out;
	}
	struct slo_record rec;
	if (csv_columns_record(&st->cols, &st->cfg, g, n, &rec, why, sizeof why) == 0) {
		fuzz_check_record(&rec);
		put_row(st, line, last_line, &rec, NULL);
	} else {
		put_row(st, line, last_line, NULL, why);
	}
	st->rows++;
out:
	for (size_t i = 0; i < n; i++)
		free((void *)g[i].s);
	free(g);
	return stop;
}

/* Reads the file at path as cfg says, with or without the direct path. */
static void read_file(const char *path, const struct csv_columns_config *cfg, bool direct,
		      size_t chunk, struct state *st, struct csv_read_info *info)
{
	memset(st, 0, sizeof *st);
	st->cfg = *cfg;
	st->direct = direct;
	st->chunk = chunk;
	st->info = info;
	struct source *src = source_open(path);
	if (!src)
		abort();
	/* a file starting with gzip's magic is inflated by a thread, as
	 * slo eval reads files */
	source_background(src);
	struct csv_read_opts opts = {.lines = direct ? on_lines : NULL};
	enum csv_read_status rs = csv_read_with(src, 0, &opts, on_row, st, info);
	FUZZ_ASSERT(rs == CSV_READ_OK || rs == CSV_READ_EMPTY || rs == CSV_READ_STOPPED ||
		    rs == CSV_READ_IO);
	if (rs == CSV_READ_IO)
		FUZZ_ASSERT(info->why != NULL);
	if (!direct)
		FUZZ_ASSERT(info->taken_lines == 0);
	source_close(src);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned flags = data[0];
	struct status_set bad;
	struct csv_columns_config cfg;

	memset(&cfg, 0, sizeof cfg);
	status_set_default(&bad);
	cfg.bad_status = &bad;
	cfg.need_status = flags & 1;
	cfg.need_latency = flags & 2;
	cfg.need_time = flags & 4;
	cfg.no_header = flags & 8;
	cfg.need_end = flags & 16;
	cfg.want_all = flags & 32;
	switch (flags >> 6) {
	case 1:
		cfg.time_col = "1";
		cfg.status_col = "2";
		cfg.latency_col = "3";
		break;
	case 2:
		cfg.total_col = "requests";
		cfg.bad_col = "errors";
		break;
	case 3: {
		char item[16];
		cfg.latency_unit = NS_PER_MS;
		if (status_set_parse(&bad, "429,5xx", item, sizeof item) != 0)
			abort();
		break;
	}
	}

	const char *path = fuzz_file(data + 1, size - 1);
	struct state direct, split;
	struct csv_read_info di, si;
	/* a record to 8 a call, by the input's size */
	read_file(path, &cfg, true, 1 + size % 8, &direct, &di);
	read_file(path, &cfg, false, 1, &split, &si);
	if (direct.len != split.len || (direct.len && memcmp(direct.trace, split.trace, direct.len))) {
		size_t i = 0;
		while (i < direct.len && i < split.len && direct.trace[i] == split.trace[i])
			i++;
		fprintf(stderr, "traces differ at byte %zu of %zu and %zu\n", i, direct.len,
			split.len);
		FUZZ_ASSERT(!"the direct path and the split give different records");
	}
	FUZZ_ASSERT(direct.rows == split.rows);
	FUZZ_ASSERT(di.lines == si.lines);
	free(direct.trace);
	free(split.trace);
	return 0;
}
