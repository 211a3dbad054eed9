/* JSON writer. */
#include "report/json_writer.h"

#include <math.h>
#include <stdlib.h>

void jw_init(struct jw *w, FILE *out)
{
	w->out = out;
	w->depth = 0;
	w->first[0] = true;
	w->after_key = false;
}

static void indent(struct jw *w)
{
	fputc('\n', w->out);
	for (int i = 0; i < w->depth; i++)
		fputs("  ", w->out);
}

/* Before any value or key: a comma unless first, and a new line. */
static void before(struct jw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (!w->first[w->depth])
		fputc(',', w->out);
	w->first[w->depth] = false;
	if (w->depth > 0)
		indent(w);
}

static void open(struct jw *w, char c)
{
	before(w);
	fputc(c, w->out);
	if (w->depth + 1 < JW_MAX_DEPTH)
		w->depth++;
	w->first[w->depth] = true;
}

static void close_(struct jw *w, char c)
{
	bool empty = w->first[w->depth];
	if (w->depth > 0)
		w->depth--;
	if (!empty)
		indent(w);
	fputc(c, w->out);
	if (w->depth == 0)
		fputc('\n', w->out);
}

void jw_object(struct jw *w) { open(w, '{'); }
void jw_array(struct jw *w) { open(w, '['); }
void jw_end_object(struct jw *w) { close_(w, '}'); }
void jw_end_array(struct jw *w) { close_(w, ']'); }

/* The length of the valid UTF-8 sequence at p (1-4), or 0 when the
 * bytes there are not one. */
static int utf8_len(const unsigned char *p)
{
	int n = p[0] < 0x80 ? 1 : (p[0] & 0xe0) == 0xc0 ? 2 : (p[0] & 0xf0) == 0xe0 ? 3
		: (p[0] & 0xf8) == 0xf0 ? 4 : 0;
	for (int i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if ((n == 2 && p[0] < 0xc2) || (n == 3 && p[0] == 0xe0 && p[1] < 0xa0) ||
	    (n == 4 && ((p[0] == 0xf0 && p[1] < 0x90) || p[0] > 0xf4)))
		return 0; /* overlong, or past U+10FFFF */
	return n;
}

static void put_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x80) {
			/* JSON is UTF-8: a byte that is not (a Latin-1 path, a
			 * binary field) is written as U+FFFD */
			int n = utf8_len(p);
			if (n == 0) {
				fputs("\\ufffd", out);
				continue;
			}
			fwrite(p, 1, (size_t)n, out);
			p += n - 1;
			continue;
		}
		switch (*p) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		case '\r':
			fputs("\\r", out);
			break;
		default:
			if (*p < 0x20)
				fprintf(out, "\\u%04x", *p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}

void jw_key(struct jw *w, const char *key)
{
	before(w);
	put_string(w->out, key);
	fputs(": ", w->out);
	w->after_key = true;
}

void jw_string(struct jw *w, const char *s)
{
	before(w);
	put_string(w->out, s);
}

void jw_int(struct jw *w, int64_t v)
{
	before(w);
	fprintf(w->out, "%lld", (long long)v);
}

void jw_uint(struct jw *w, uint64_t v)
{
	before(w);
	fprintf(w->out, "%llu", (unsigned long long)v);
}

void jw_double(struct jw *w, double v)
{
	char buf[40];
	before(w);
	if (!isfinite(v)) {
		fputs("null", w->out);
		return;
	}
	/* the shortest of %.15g..%.17g that reads back exactly */
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, sizeof buf, "%.*g", prec, v);
		if (strtod(buf, NULL) >= v && strtod(buf, NULL) <= v)
			break;
	}
	fputs(buf, w->out);
}

void jw_raw_number(struct jw *w, const char *num)
{
	before(w);
	fputs(num, w->out);
}

void jw_bool(struct jw *w, bool v)
{
	before(w);
	fputs(v ? "true" : "false", w->out);
}

void jw_null(struct jw *w)
{
	before(w);
	fputs("null", w->out);
}
