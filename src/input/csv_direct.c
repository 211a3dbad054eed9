/* The direct path for CSV rows (see csv_direct.h).  Most monitoring
 * exports are lines of bare numbers ("1790812800015,200,170"): here each
 * cell that is read is taken as a run of digits, eight bytes at a time,
 * and its number is known when its end is found.  Whatever else a cell
 * holds ("0.170", "2026-10-01T12:00:00Z", "up") is handed, as the bytes
 * the usual way would hand, to the converters the usual way calls. */
#include "input/csv_direct.h"

#include <string.h>

#include "input/status.h"
#include "util/num.h"
#include "util/timestamp.h"

enum { D_SKIP, D_TIME, D_STATUS, D_LATENCY };

bool csv_direct_init(struct csv_direct *d, const struct csv_columns *cols,
		     const struct csv_columns_config *cfg, char delim)
{
	memset(d, 0, sizeof *d);
	if (cfg->need_end || cols->col[ROLE_TOTAL] >= 0 || cols->nfields == 0 ||
	    cols->nfields > CSV_DIRECT_MAX_FIELDS)
		return false;
	/* a delimiter that could be part of a number or a line's end would
	 * make a cell's end ambiguous; those files are rare enough */
	if ((delim >= '0' && delim <= '9') || strchr(".+- \"\r\n", delim) || delim == '\0')
		return false;
	if (cfg->need_latency && !cols->latency_unit)
		return false; /* every row is an error, said the usual way */
	d->nfields = cols->nfields;
	d->delim = delim;
	d->latency_unit = cols->latency_unit;
	d->bad_status = cfg->bad_status;
	struct {
		int col;
		unsigned char role;
	} read[3] = {{cols->col[ROLE_TIME], D_TIME},
		     {cfg->need_status ? cols->col[ROLE_STATUS] : -1, D_STATUS},
		     {cfg->need_latency ? cols->col[ROLE_LATENCY] : -1, D_LATENCY}};
	bool any = false;
	for (int i = 0; i < 3; i++) {
		int c = read[i].col;
		if (c < 0)
			continue;
		if ((size_t)c >= d->nfields || d->role[c] != D_SKIP)
			return false; /* one column in two roles: the usual way */
		d->role[c] = read[i].role;
		any = true;
	}
	d->end['"'] = d->end['\0'] = END_NEVER;
	d->end[(unsigned char)delim] = END_DELIM;
	d->end['\n'] = END_LF;
	d->end['\r'] = END_CR;
	return any;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ONES UINT64_C(0x0101010101010101)

/* The number eight digit values make (d: byte k is digit k, 0-9, the
 * first the most significant): pairs, fours, then all eight. */
static inline uint64_t eight_value(uint64_t d)
{
	d = (d * 10 + (d >> 8)) & UINT64_C(0x00ff00ff00ff00ff);
	d = (d * 100 + (d >> 16)) & UINT64_C(0x0000ffff0000ffff);
	return (d * 10000 + (d >> 32)) & UINT64_C(0x00000000ffffffff);
}

/* The run of digits at s: how long it is (24 meaning 24 or more) and, when
 * it has at most 19, its number in *v.  A byte is a digit when, less '0',
 * it stays below 10, which adding 0x76 turns into "bit 7 stays clear";
 * bytes before the first non-digit borrow nothing, so the lowest bit 7
 * set is that byte's exactly. */
static inline unsigned digit_run(const char *s, uint64_t *v)
{
	static const uint32_t pow10[8] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000};
	uint64_t r = 0;
	unsigned n = 0;
	for (int k = 0; k < 3; k++, n += 8) {
		uint64_t w;
		memcpy(&w, s + n, 8);
		uint64_t d = w - ONES * '0';
		uint64_t stop = (w | d | (d + ONES * 0x76)) & (ONES * 0x80);
		if (stop) {
			unsigned m = (unsigned)__builtin_ctzll(stop) >> 3;
			if (m) /* the m digits to the top, zeros before them */
				r = r * pow10[m] + eight_value(d << (64 - 8 * m));
			*v = r;
			return n + m;
		}
		r = r * 100000000 + eight_value(d);
	}
	*v = r;
	return n;
}
#else
static inline unsigned digit_run(const char *s, uint64_t *v)
{
	uint64_t r = 0;
	unsigned n = 0;
	for (unsigned d; n < 24 && (d = (unsigned char)s[n] - '0') <= 9; n++)
		r = r * 10 + d;
	*v = r;
	return n;
}
#endif

/* The end of the cell at c: the first byte that ends a cell. */
static inline const char *cell_end(const struct csv_direct *d, const char *c)
{
	while (!d->end[(unsigned char)*c])
		c++;
	return c;
}

/* A cell read from its bytes must be what the usual way's split gives
 * (spaces around a cell dropped) and not empty. */
static inline bool plain(const char *c, const char *e)
{
	return e > c && *c != ' ' && e[-1] != ' ';
}

/* One line's record (csv_direct_record), inline in the loop of
 * csv_direct_records: as a call, 24 instructions more a line. */
static inline __attribute__((always_inline)) const char *
record(const struct csv_direct *d, const char *s, size_t max, struct slo_record *rec)
{
	const char *c = s, *e;
	size_t last = d->nfields - 1;
	uint64_t v;
	unsigned n, code;
	enum status_verdict verdict;

	*rec = (struct slo_record){.total = 1};
	for (size_t i = 0;; i++) {
		/* each cell read as digits to its end when it is that (the
		 * number known then), else from its bytes as the usual way */
		switch (d->role[i]) {
		case D_TIME:
			n = digit_run(c, &v);
			e = c + n;
			if (n - 1 < 18 && d->end[(unsigned char)*e] >= END_DELIM) {
				if (ts_epoch_digits(v, &rec->time) != NUM_OK)
					return NULL;
			} else {
				e = cell_end(d, e);
				if (!plain(c, e) || ts_parse(c, (size_t)(e - c), &rec->time) != NUM_OK)
					return NULL;
			}
			rec->has_time = true;
			break;
		case D_STATUS:
			e = c + 3;
			if (d->end[(unsigned char)*e] >= END_DELIM && (code = status_three_digits(c))) {
				rec->bad = d->bad_status->bad[code] != 0;
				break;
			}
			e = cell_end(d, c);
			if (!plain(c, e))
				return NULL;
			verdict = status_judge(d->bad_status, c, (size_t)(e - c));
			if (verdict == STATUS_INVALID)
				return NULL;
			rec->bad = verdict == STATUS_BAD;
			break;
		case D_LATENCY:
			n = digit_run(c, &v);
			e = c + n;
			/* a whole number takes one product, as in num_parse_times */
			if (!(n - 1 < 18 && d->end[(unsigned char)*e] >= END_DELIM &&
			      !__builtin_mul_overflow((int64_t)v, d->latency_unit, &rec->latency))) {
				e = cell_end(d, e);
				if (!plain(c, e) ||
				    num_parse_times(c, (size_t)(e - c), d->latency_unit, &rec->latency) !=
					    NUM_OK)
					return NULL;
			}
			rec->has_latency = true;
			break;
		default:
			e = cell_end(d, c);
			break;
		}
		unsigned k = d->end[(unsigned char)*e];
		if (i < last) {
			if (k != END_DELIM)
				return NULL;
			c = e + 1;
			continue;
		}
		/* the end: LF or CRLF; a longer line may be a row too large,
		 * and a blank one is libcsv's to pass over */
		const char *nl = e + (k == END_CR);
		if (*nl != '\n' || (size_t)(e - s) > max || e == s)
			return NULL;
		return nl + 1;
	}
}

size_t csv_direct_records(const struct csv_direct *d, const char *s, size_t max,
			  struct slo_record *recs, size_t n, const char **next)
{
	size_t k = 0;
	const char *e;
	for (; k < n && (e = record(d, s, max, &recs[k])); k++)
		s = e;
	*next = s;
	return k;
}

const char *csv_direct_record(const struct csv_direct *d, const char *s, size_t max,
			      struct slo_record *rec)
{
	const char *next;
	return csv_direct_records(d, s, max, rec, 1, &next) ? next : NULL;
}
