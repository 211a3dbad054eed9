/* libFuzzer harness: CSV files, read by csv_read from a file, columns
 * resolved from the first row and every later row converted.
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
};

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
		if (!st->cfg.no_header)
			goto out;
	}
	struct slo_record rec;
	if (csv_columns_record(&st->cols, &st->cfg, g, n, &rec, why, sizeof why) == 0)
		fuzz_check_record(&rec);
	st->rows++;
out:
	for (size_t i = 0; i < n; i++)
		free((void *)g[i].s);
	free(g);
	return stop;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned flags = data[0];
	struct status_set bad;
	struct state st;

	memset(&st, 0, sizeof st);
	status_set_default(&bad);
	st.cfg.bad_status = &bad;
	st.cfg.need_status = flags & 1;
	st.cfg.need_latency = flags & 2;
	st.cfg.need_time = flags & 4;
	st.cfg.no_header = flags & 8;
	st.cfg.need_end = flags & 16;
	st.cfg.want_all = flags & 32;
	switch (flags >> 6) {
	case 1:
		st.cfg.time_col = "1";
		st.cfg.status_col = "2";
		st.cfg.latency_col = "3";
		break;
	case 2:
		st.cfg.total_col = "requests";
		st.cfg.bad_col = "errors";
		break;
	case 3: {
		char item[16];
		st.cfg.latency_unit = NS_PER_MS;
		if (status_set_parse(&bad, "429,5xx", item, sizeof item) != 0)
			abort();
		break;
	}
	}

	struct source *src = source_open(fuzz_file(data + 1, size - 1));
	if (!src)
		abort();
	/* a file starting with gzip's magic is inflated by a thread, as
	 * slo eval reads files */
	source_background(src);
	struct csv_read_info info;
	enum csv_read_status rs = csv_read(src, 0, on_row, &st, &info);
	FUZZ_ASSERT(rs == CSV_READ_OK || rs == CSV_READ_EMPTY || rs == CSV_READ_STOPPED ||
		    rs == CSV_READ_IO);
	if (rs == CSV_READ_IO)
		FUZZ_ASSERT(info.why != NULL);
	source_close(src);
	return 0;
}
