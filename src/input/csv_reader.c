/* CSV reading with libcsv, fed one physical line at a time so that each
 * row can be named by its line number in messages.  A row too large to
 * hold (CSV_MAX_RECORD, CSV_MAX_FIELDS) is passed over to its end, as
 * libcsv would find it, without keeping its bytes. */
#include "input/csv_reader.h"

#include <csv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SWAR_OK 1 /* 8 bytes a word, the first the lowest */
#define SWAR_ONES UINT64_C(0x0101010101010101)
#endif

#define BLOCK (1 << 18)
/* Zeros after the data in the buffer: next_special reads 64 bytes at a
 * time, past the data's end. */
#define SCAN_PAD 64
/* A header line longer than this is not a CSV header. */
#define MAX_HEADER (1 << 24)

struct row {
	size_t max_record, max_fields; /* the caps in force */
	bool too_big;    /* the open row passed a cap: its fields are dropped */
	uint64_t row_bytes; /* bytes fed to libcsv since the open row began */
	/* passing over the rest of a row too large to keep: libcsv's state
	 * where it was left (pstate, quoted, spaces), and the row's first line */
	bool skipping;
	int sk_state, sk_quoted;
	size_t sk_spaces;
	uint64_t skip_line;
	char *buf;       /* the row's fields, back to back */
	size_t len, cap;
	size_t *ends;    /* end offset of each field in buf */
	size_t n, ncap;
	uint64_t line;   /* line the row starts on */
	int nomem;
	int stop;
	csv_row_fn fn;
	void *ctx;
	uint64_t cur_line;
	uint64_t start_line; /* where the row being parsed began */
	int partial_line; /* bytes fed since the last newline */
	struct csv_field *fields;
	size_t fcap;
	bool general_only; /* no fast path (struct csv_read_opts) */
	unsigned char cls[256]; /* byte classes of the fast path, for cls_delim */
	char cls_delim;
	const char *sp_at;      /* next_special: the 64 bytes from sp_at */
	uint64_t sp_bits;       /* have their special bytes here */
	uint64_t fast_lines;
	csv_lines_fn lines_fn;
	uint64_t taken, left; /* lines lines_fn took and left */
};

static void on_field(void *data, size_t len, void *p)
{
	struct row *r = p;

	if (r->nomem || r->stop || r->too_big)
		return;
	if (r->n == 0)
		r->line = r->start_line;
	if (r->n == r->max_fields || len > r->max_record - r->len) {
		r->too_big = true;
		return;
	}
	/* a row of empty fields still needs a buffer for them to point at:
	 * NULL + 0 is undefined, and a callback may memcpy from them */
	if (r->len + len > r->cap || !r->buf) {
		size_t cap = r->cap ? r->cap : 256;
		while (cap < r->len + len)
			cap *= 2;
		char *b = realloc(r->buf, cap);
		if (!b) {
			r->nomem = 1;
			return;
		}
		r->buf = b;
		r->cap = cap;
	}
	if (r->n == r->ncap) {
		size_t ncap = r->ncap ? r->ncap * 2 : 32;
		size_t *e = realloc(r->ends, ncap * sizeof *e);
		if (!e) {
			r->nomem = 1;
			return;
		}
		r->ends = e;
		r->ncap = ncap;
	}
	if (len)
		memcpy(r->buf + r->len, data, len);
	r->len += len;
	r->ends[r->n++] = r->len;
}

static void on_row(int term, void *p)
{
	struct row *r = p;
	(void)term;

	if (r->too_big && !r->nomem && !r->stop) {
		r->too_big = false;
		r->n = r->len = 0;
		if (r->fn(r->ctx, NULL, 0, r->line, r->cur_line))
			r->stop = 1;
		return;
	}
	if (r->nomem || r->stop || r->n == 0) {
		r->n = r->len = 0;
		return;
	}
	if (r->fcap < r->n) {
		struct csv_field *f = realloc(r->fields, r->n * sizeof *f);
		if (!f) {
			r->nomem = 1;
			return;
		}
		r->fields = f;
		r->fcap = r->n;
	}
	size_t start = 0;
	for (size_t i = 0; i < r->n; i++) {
		r->fields[i].s = r->buf + start;
		r->fields[i].len = r->ends[i] - start;
		start = r->ends[i];
	}
	if (r->fn(r->ctx, r->fields, r->n, r->line, r->cur_line))
		r->stop = 1;
	r->n = r->len = 0;
}

char csv_detect_delim(const char *line, size_t len)
{
	size_t comma = 0, semi = 0, tab = 0;
	int quoted = 0;

	for (size_t i = 0; i < len; i++) {
		char c = line[i];
		if (c == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (c == ',')
			comma++;
		else if (c == ';')
			semi++;
		else if (c == '\t')
			tab++;
	}
	if (tab > comma && tab >= semi)
		return '\t';
	if (semi > comma)
		return ';';
	return ',';
}

/* libcsv strips spaces and tabs around unquoted fields; a tab that
 * delimits must not be eaten as space. */
static int is_space_only(unsigned char c)
{
	return c == ' ';
}

/* Byte classes of the fast path: a delimiter ends a field, the newline
 * the line; a quote or a carriage return hands the line to libcsv. */
enum { B_TEXT, B_DELIM, B_END, B_ODD };

static void set_classes(struct row *r, char delim)
{
	memset(r->cls, B_TEXT, sizeof r->cls);
	r->cls[(unsigned char)delim] = B_DELIM;
	r->cls['"'] = B_ODD; /* a quote as the delimiter is libcsv's */
	r->cls['\r'] = B_ODD;
	r->cls['\n'] = B_END;
	r->cls_delim = delim;
}

/* The special bytes (not B_TEXT) of the 64 bytes at p, bit i for p[i].
 * The buffer holds SCAN_PAD readable bytes past the data (zeros). */
#if defined(__SSE2__)
static uint64_t special_bits(const struct row *r, const char *p)
{
	const __m128i d = _mm_set1_epi8(r->cls_delim), q = _mm_set1_epi8('"'),
		      cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
	uint64_t bits = 0;
	for (int i = 0; i < 4; i++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, q)),
					 _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)));
		bits |= (uint64_t)(unsigned)_mm_movemask_epi8(m) << (16 * i);
	}
	return bits;
}
#elif defined(SWAR_OK)
/* Bit 7 of each byte of w equal to c, exactly (no borrow between bytes). */
static uint64_t equal_exactly(uint64_t w, unsigned char c)
{
	uint64_t t = w ^ (SWAR_ONES * c), low7 = SWAR_ONES * 0x7f;
	return ~(((t & low7) + low7) | t | low7);
}

static uint64_t special_bits(const struct row *r, const char *p)
{
	uint64_t bits = 0;
	for (int i = 0; i < 8; i++) {
		uint64_t w;
		memcpy(&w, p + 8 * i, 8);
		uint64_t m = equal_exactly(w, (unsigned char)r->cls_delim) | equal_exactly(w, '"') |
			     equal_exactly(w, '\r') | equal_exactly(w, '\n');
		/* bit 7 of byte k to bit k of the top byte: the products
		 * land on distinct bits, so nothing carries */
		bits |= (((m >> 7) * UINT64_C(0x0102040810204080)) >> 56) << (8 * i);
	}
	return bits;
}
#else
static uint64_t special_bits(const struct row *r, const char *p)
{
	uint64_t bits = 0;
	for (int i = 0; i < 64; i++)
		bits |= (uint64_t)(r->cls[(unsigned char)p[i]] != B_TEXT) << i;
	return bits;
}
#endif

/* The first special byte at or after c, or limit (the end of the data)
 * when there is none before it.  The bits of 64 bytes at a time are kept
 * (sp_at, sp_bits): the lines are short, and the bytes of one line are
 * mostly looked at where the last one ended. */
static const char *next_special(struct row *r, const char *c, const char *limit)
{
	for (;;) {
		/* as integers: one compare, and sp_at may be NULL */
		uintptr_t off = (uintptr_t)c - (uintptr_t)r->sp_at;
		if (off >= 64) {
			r->sp_at = c;
			r->sp_bits = special_bits(r, c);
			off = 0;
		}
		uint64_t m = r->sp_bits >> off;
		if (m) {
			c += __builtin_ctzll(m);
			return c < limit ? c : limit;
		}
		c = r->sp_at + 64;
		if (c >= limit)
			return limit;
	}
}

/* The fast path: a whole line with no quote (most lines of most files)
 * is split here, as libcsv would split it: fields separated by the
 * delimiter, spaces around them dropped; one too wide or too long is a
 * row too large.  The bytes read end at `limit`.  Returns false, leaving
 * the line to libcsv, for anything else: a quote, a carriage return
 * before the end, a blank line, no newline before `limit`.  *nl is the
 * line's newline, or NULL when there is none. */
static bool split_plain(struct row *r, const char *s, const char *limit, const char **nl)
{
	size_t n = 0, room = r->fcap < r->max_fields ? r->fcap : r->max_fields;
	bool too_wide = false;
	const char *a = s, *c = s;
	struct csv_field *fields = r->fields;
	for (;; c++) {
		c = next_special(r, c, limit);
		if (c == limit) {
			*nl = NULL;
			return false;
		}
		unsigned k = r->cls[(unsigned char)*c];
		if (k == B_ODD) {
			if (*c != '\r' || c + 1 == limit || c[1] != '\n') {
				*nl = memchr(c, '\n', (size_t)(limit - c));
				return false;
			}
			k = B_END; /* CRLF */
		}
		if (n == room) {
			/* past the cap the line is still read to its end: a quote
			 * after it makes it libcsv's, which may read a row of
			 * several lines */
			if (n == r->max_fields) {
				too_wide = true;
			} else {
				size_t cap = r->fcap ? r->fcap * 2 : 32;
				struct csv_field *f = realloc(r->fields, cap * sizeof *f);
				if (!f) {
					r->nomem = 1;
					*nl = memchr(c, '\n', (size_t)(limit - c));
					return *nl != NULL;
				}
				r->fields = fields = f;
				r->fcap = cap;
				room = cap < r->max_fields ? cap : r->max_fields;
			}
		}
		if (!too_wide) {
			const char *b = c;
			while (a < b && *a == ' ')
				a++;
			while (b > a && b[-1] == ' ')
				b--;
			fields[n].s = a;
			fields[n].len = (size_t)(b - a);
			n++;
		}
		if (k == B_END)
			break;
		a = c + 1;
	}
	*nl = *c == '\r' ? c + 1 : c;
	/* the fields' bytes can pass the cap only on a line longer than it */
	bool too_big = too_wide;
	if (!too_big && (size_t)(c - s) > r->max_record) {
		size_t bytes = 0;
		for (size_t i = 0; i < n; i++)
			bytes += fields[i].len;
		too_big = bytes > r->max_record;
	}
	if (too_big)
		n = 0; /* no row, a row too large */
	if (n == 1 && fields[0].len == 0)
		return false; /* blank: libcsv's business */
	if (r->fn(r->ctx, n ? fields : NULL, n, r->cur_line, r->cur_line))
		r->stop = 1;
	return true;
}

/* libcsv set up as csv_read wants it. */
static int parser_init(struct csv_parser *p, char delim)
{
	if (csv_init(p, 0) != 0)
		return -1;
	csv_set_space_func(p, is_space_only);
	/* libcsv grows a field 128 bytes at a time: a long field would take
	 * a realloc every 128 bytes */
	csv_set_blk_size(p, 1 << 16);
	csv_set_delim(p, (unsigned char)delim);
	return 0;
}

/* Passes over the rest of a row too large to keep, reading it as libcsv
 * (3.0, not strict, spaces trimmed) would, from the state libcsv left:
 * 0 no row begun, 1 a field not begun, 2 in a field (quoted or not), 3 a
 * quote in a quoted field, which may have ended it.  Counts the lines it
 * passes.  Returns the bytes used: to the CR or LF that ends the row, and
 * it, or all of them; r->skipping is false once the row has ended. */
static size_t skip_rest(struct row *r, char delim, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		bool term = c == '\n' || c == '\r';
		if (c == '\n')
			r->cur_line++;
		switch (r->sk_state) {
		case 0:
		case 1:
			if (c == ' ' || (term && r->sk_state == 0))
				break;
			if (term)
				goto ended;
			if (c == delim) {
				r->sk_state = 1;
			} else {
				r->sk_state = 2;
				r->sk_quoted = c == '"';
			}
			break;
		case 2:
			if (r->sk_quoted) {
				if (c == '"') {
					r->sk_state = 3;
					r->sk_spaces = 0;
				}
			} else if (c == delim) {
				r->sk_state = 1;
			} else if (term) {
				goto ended;
			}
			break;
		default: /* 3 */
			if (c == delim) {
				r->sk_state = 1;
				r->sk_quoted = 0;
			} else if (term) {
				goto ended;
			} else if (c == ' ') {
				r->sk_spaces++;
			} else if (c == '"' && r->sk_spaces) {
				r->sk_spaces = 0; /* a quote taken as text */
			} else {
				r->sk_state = 2; /* "" or text after the quote */
				r->sk_spaces = 0;
			}
			break;
		}
		continue;
	ended:
		r->skipping = false;
		return i + 1;
	}
	return len;
}

/* Hands over the row passed over, as a row too large. */
static void skipped(struct row *r, uint64_t last_line)
{
	if (r->fn(r->ctx, NULL, 0, r->skip_line, last_line))
		r->stop = 1;
}

static void feed(struct csv_parser *p, struct row *r, const char *buf, size_t len)
{
	r->sp_at = NULL; /* new bytes: the special bits kept are of the old */
	if (r->cls_delim != (char)csv_get_delim(p))
		set_classes(r, (char)csv_get_delim(p));
	while (len > 0 && !r->nomem && !r->stop) {
		if (r->skipping) {
			size_t n = skip_rest(r, (char)csv_get_delim(p), buf, len);
			bool lf = buf[n - 1] == '\n';
			r->partial_line = !lf;
			if (!r->skipping) {
				/* ended by a LF (counted: the row's last line is the one
				 * before) or a CR (the next row begins on this line) */
				skipped(r, lf ? r->cur_line - 1 : r->cur_line);
				r->start_line = r->cur_line;
			}
			buf += n;
			len -= n;
			continue;
		}
		/* a whole line while no row is open (libcsv's state 0,
		 * ROW_NOT_BEGUN) may take the fast path */
		const char *nl;
		if (p->pstate == 0 && !r->partial_line && !r->general_only) {
			if (r->lines_fn) {
				uint64_t taken = 0;
				int t = r->lines_fn(r->ctx, buf, r->max_record, r->cur_line, &taken, &nl);
				if (taken) {
					r->cur_line += taken;
					r->taken += taken;
					len -= (size_t)(nl - buf);
					buf = nl;
				}
				if (t)
					r->stop = 1;
				if (len == 0 || r->stop)
					continue;
				/* a file whose lines it mostly leaves: not worth
				 * the look */
				if (++r->left > 256 && r->left > r->taken)
					r->lines_fn = NULL;
			}
			if (split_plain(r, buf, buf + len, &nl)) {
				r->cur_line++;
				r->fast_lines++;
				len -= (size_t)(nl - buf) + 1;
				buf = nl + 1;
				continue;
			}
		} else {
			nl = memchr(buf, '\n', len);
		}
		size_t n = nl ? (size_t)(nl - buf) + 1 : len;
		/* libcsv's state 0 (ROW_NOT_BEGUN): no row is open, so one that
		 * starts in this line starts here, even when a quoted first
		 * field only ends lines later */
		if (p->pstate == 0 && !r->partial_line)
			r->start_line = r->cur_line;
		/* a long line in pieces, so that a row too large is seen before
		 * libcsv holds much more than the cap */
		if (n > BLOCK) {
			n = BLOCK;
			nl = NULL;
		}
		/* libcsv grows its field buffer blk_size bytes at a time: grow
		 * a long field by half its size, up to 4 MiB at a time, rather
		 * than copy it over and over (the cap bounds it all the same) */
		size_t blk = p->entry_size / 2;
		csv_set_blk_size(p, blk < (1 << 16) ? (1 << 16) : blk > (4 << 20) ? (4 << 20) : blk);
		bool was_open = p->pstate != 0;
		csv_parse(p, buf, n, on_field, on_row, r);
		if (nl)
			r->cur_line++;
		r->partial_line = !nl;
		buf += n;
		len -= n;
		if (p->pstate == 0) {
			r->row_bytes = 0;
			continue;
		}
		r->row_bytes = (was_open ? r->row_bytes : 0) + n;
		if (!r->too_big && r->row_bytes <= r->max_record)
			continue;
		/* a row too large, still open: pass over the rest of it, from
		 * where libcsv is, with a fresh libcsv for the rows after it */
		r->skipping = true;
		r->sk_state = p->pstate;
		r->sk_quoted = p->quoted;
		r->sk_spaces = p->spaces;
		r->skip_line = r->start_line;
		r->too_big = false;
		r->n = r->len = 0;
		r->row_bytes = 0;
		free(r->buf);
		r->buf = NULL;
		r->cap = 0;
		char delim = (char)csv_get_delim(p);
		csv_free(p);
		if (parser_init(p, delim) != 0)
			r->nomem = 1;
	}
}

enum csv_read_status csv_read(struct source *src, char delim, csv_row_fn fn,
			      void *ctx, struct csv_read_info *info)
{
	return csv_read_with(src, delim, NULL, fn, ctx, info);
}

enum csv_read_status csv_read_with(struct source *src, char delim,
				   const struct csv_read_opts *opts, csv_row_fn fn, void *ctx,
				   struct csv_read_info *info)
{
	struct csv_parser p;
	struct row r = {0};
	enum csv_read_status st = CSV_READ_OK;
	size_t cap = BLOCK, len = 0;
	char *buf = malloc(cap + SCAN_PAD);
	ssize_t n;

	memset(info, 0, sizeof *info);
	if (!buf || parser_init(&p, ',') != 0) {
		free(buf);
		return CSV_READ_NOMEM;
	}
	r.max_record = opts && opts->max_record ? opts->max_record : CSV_MAX_RECORD;
	r.max_fields = opts && opts->max_fields ? opts->max_fields : CSV_MAX_FIELDS;
	r.fn = fn;
	r.ctx = ctx;
	r.general_only = opts && opts->general_only;
	r.lines_fn = opts ? opts->lines : NULL;
	set_classes(&r, ','); /* the table must mark a newline from the start */
	r.cur_line = 1;

	/* the first line decides the delimiter: read until it is whole */
	const char *nl = NULL;
	while (!(nl = memchr(buf, '\n', len))) {
		if (len == cap) {
			if (cap >= MAX_HEADER)
				break;
			char *b = realloc(buf, cap * 2 + SCAN_PAD);
			if (!b) {
				st = CSV_READ_NOMEM;
				goto out;
			}
			buf = b;
			cap *= 2;
		}
		n = source_read(src, buf + len, cap - len, &info->why);
		if (n < 0) {
			st = CSV_READ_IO;
			goto out;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len == 0) {
		st = CSV_READ_EMPTY;
		goto out;
	}
	size_t skip = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	info->delim = delim ? delim
			    : csv_detect_delim(buf + skip, (nl ? (size_t)(nl - buf) : len) - skip);
	csv_set_delim(&p, (unsigned char)info->delim);
	memset(buf + len, 0, SCAN_PAD);
	feed(&p, &r, buf + skip, len - skip);
	while (!r.nomem && !r.stop) {
		n = source_read(src, buf, cap, &info->why);
		if (n < 0) {
			st = CSV_READ_IO;
			break;
		}
		if (n == 0)
			break;
		memset(buf + n, 0, SCAN_PAD);
		feed(&p, &r, buf, (size_t)n);
	}
	/* a last line without a newline still ends a row; a quote still open
	 * at the end is no row (libcsv's state 2, FIELD_BEGUN, in a quoted
	 * field): its lines are reported instead */
	if (!r.partial_line && r.cur_line > 1)
		r.cur_line--; /* the last line is the one before the count */
	if (st == CSV_READ_OK && !r.stop && !r.nomem && r.skipping) {
		skipped(&r, r.cur_line); /* to the end of the file */
	} else if (st == CSV_READ_OK && !r.stop && !r.nomem && p.pstate == 2 && p.quoted) {
		info->unclosed_line = r.start_line;
		info->unclosed_last = r.cur_line;
	} else if (st == CSV_READ_OK && !r.stop && !r.nomem) {
		csv_fini(&p, on_field, on_row, &r);
	}
	if (!r.partial_line)
		r.cur_line++;
	if (r.nomem)
		st = CSV_READ_NOMEM;
	else if (r.stop)
		st = CSV_READ_STOPPED;
out:
	info->lines = r.cur_line - 1 + (r.partial_line ? 1 : 0);
	info->fast_lines = r.fast_lines;
	info->taken_lines = r.taken;
	csv_free(&p);
	free(buf);
	free(r.buf);
	free(r.ends);
	free(r.fields);
	return st;
}
