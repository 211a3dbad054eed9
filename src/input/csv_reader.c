/* CSV reading with libcsv, fed one physical line at a time so that each
 * row can be named by its line number in messages. */
#include "input/csv_reader.h"

#include <csv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK (1 << 18)
/* A header line longer than this is not a CSV header. */
#define MAX_HEADER (1 << 24)

struct row {
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
};

static void on_field(void *data, size_t len, void *p)
{
	struct row *r = p;

	if (r->nomem || r->stop)
		return;
	if (r->n == 0)
		r->line = r->start_line;
	if (r->len + len > r->cap) {
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

/* Feeds buf to the parser line by line, counting lines. */
/* The fast path: a whole line with no quote (most lines of most files)
 * is split here, as libcsv would split it: fields separated by the
 * delimiter, spaces around them dropped.  Returns false, leaving the line
 * to libcsv, for anything else: a quote, a carriage return before the
 * end, a blank line, too many fields for the array. */
static bool split_plain(struct row *r, char delim, const char *s, size_t len)
{
	if (len > 0 && s[len - 1] == '\r')
		len--;
	if (memchr(s, '"', len) || memchr(s, '\r', len))
		return false;
	size_t i = 0;
	while (i < len && s[i] == ' ')
		i++;
	if (i == len)
		return false; /* blank: libcsv's business */
	size_t n = 0;
	const char *end = s + len, *p = s;
	for (;;) {
		const char *d = memchr(p, delim, (size_t)(end - p));
		const char *e = d ? d : end;
		if (n == r->fcap) {
			size_t cap = r->fcap ? r->fcap * 2 : 32;
			struct csv_field *f = realloc(r->fields, cap * sizeof *f);
			if (!f) {
				r->nomem = 1;
				return true;
			}
			r->fields = f;
			r->fcap = cap;
		}
		const char *a = p;
		while (a < e && *a == ' ')
			a++;
		const char *b = e;
		while (b > a && b[-1] == ' ')
			b--;
		r->fields[n].s = a;
		r->fields[n].len = (size_t)(b - a);
		n++;
		if (!d)
			break;
		p = d + 1;
	}
	if (r->fn(r->ctx, r->fields, n, r->cur_line, r->cur_line))
		r->stop = 1;
	return true;
}

static void feed(struct csv_parser *p, struct row *r, const char *buf, size_t len)
{
	while (len > 0 && !r->nomem && !r->stop) {
		const char *nl = memchr(buf, '\n', len);
		size_t n = nl ? (size_t)(nl - buf) + 1 : len;
		/* a whole line while no row is open (libcsv's state 0,
		 * ROW_NOT_BEGUN) may take the fast path */
		if (nl && p->pstate == 0 && !r->partial_line &&
		    split_plain(r, (char)csv_get_delim(p), buf, (size_t)(nl - buf))) {
			r->cur_line++;
			buf += n;
			len -= n;
			continue;
		}
		/* libcsv's state 0 (ROW_NOT_BEGUN): no row is open, so one that
		 * starts in this line starts here, even when a quoted first
		 * field only ends lines later */
		if (p->pstate == 0 && !r->partial_line)
			r->start_line = r->cur_line;
		csv_parse(p, buf, n, on_field, on_row, r);
		if (nl)
			r->cur_line++;
		r->partial_line = !nl;
		buf += n;
		len -= n;
	}
}

enum csv_read_status csv_read(struct source *src, char delim, csv_row_fn fn,
			      void *ctx, struct csv_read_info *info)
{
	struct csv_parser p;
	struct row r = {0};
	enum csv_read_status st = CSV_READ_OK;
	size_t cap = BLOCK, len = 0;
	char *buf = malloc(cap);
	ssize_t n;

	memset(info, 0, sizeof *info);
	if (!buf || csv_init(&p, 0) != 0) {
		free(buf);
		return CSV_READ_NOMEM;
	}
	csv_set_space_func(&p, is_space_only);
	/* libcsv grows a field 128 bytes at a time: a long field would take
	 * a realloc every 128 bytes */
	csv_set_blk_size(&p, 1 << 16);
	r.fn = fn;
	r.ctx = ctx;
	r.cur_line = 1;

	/* the first line decides the delimiter: read until it is whole */
	const char *nl = NULL;
	while (!(nl = memchr(buf, '\n', len))) {
		if (len == cap) {
			if (cap >= MAX_HEADER)
				break;
			char *b = realloc(buf, cap * 2);
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
	feed(&p, &r, buf + skip, len - skip);
	while (!r.nomem && !r.stop) {
		n = source_read(src, buf, cap, &info->why);
		if (n < 0) {
			st = CSV_READ_IO;
			break;
		}
		if (n == 0)
			break;
		feed(&p, &r, buf, (size_t)n);
	}
	/* a last line without a newline still ends a row; a quote still open
	 * at the end is no row (libcsv's state 2, FIELD_BEGUN, in a quoted
	 * field): its lines are reported instead */
	if (!r.partial_line && r.cur_line > 1)
		r.cur_line--; /* the last line is the one before the count */
	if (st == CSV_READ_OK && !r.stop && !r.nomem && p.pstate == 2 && p.quoted) {
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
	csv_free(&p);
	free(buf);
	free(r.buf);
	free(r.ends);
	free(r.fields);
	return st;
}
