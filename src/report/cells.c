/* Escaping for the table formats and Prometheus label values. */
#include "report/cells.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void cells_init(struct cells *c, FILE *out, enum cells_kind kind)
{
	c->out = out;
	c->kind = kind;
	c->first = true;
}

void cells_put(struct cells *c, const char *s)
{
	if (c->kind == CELLS_MARKDOWN)
		fputs(c->first ? "| " : " | ", c->out);
	else if (!c->first)
		fputc(c->kind == CELLS_TSV ? '\t' : ',', c->out);
	c->first = false;
	if (s)
		cells_escape(c->out, c->kind, s);
}

void cells_end(struct cells *c)
{
	if (c->kind == CELLS_MARKDOWN)
		fputs(" |", c->out);
	fputc('\n', c->out);
	c->first = true;
}

static void csv_field(FILE *out, const char *s)
{
	if (!s[strcspn(s, ",\"\r\n")]) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out); /* a quote inside is doubled */
		fputc(*s, out);
	}
	fputc('"', out);
}

static void tsv_field(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\\':
			fputs("\\\\", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\r':
			fputs("\\r", out);
			break;
		default:
			fputc(*s, out);
		}
	}
}

static void markdown_field(FILE *out, const char *s);

void cells_escape(FILE *out, enum cells_kind kind, const char *s)
{
	switch (kind) {
	case CELLS_CSV:
		csv_field(out, s);
		break;
	case CELLS_TSV:
		tsv_field(out, s);
		break;
	case CELLS_MARKDOWN:
		markdown_field(out, s);
		break;
	}
}

/* The length of the well-formed UTF-8 sequence at s (1 to 4), or 0 when
 * it is not one: overlong forms, surrogates and values past U+10FFFF are
 * not. */
static size_t utf8_len(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		return (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (s[0] >= 0xe0 && s[0] <= 0xef) {
		unsigned lo = s[0] == 0xe0 ? 0xa0 : 0x80, hi = s[0] == 0xed ? 0x9f : 0xbf;
		return s[1] >= lo && s[1] <= hi && (s[2] & 0xc0) == 0x80 ? 3 : 0;
	}
	if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		unsigned lo = s[0] == 0xf0 ? 0x90 : 0x80, hi = s[0] == 0xf4 ? 0x8f : 0xbf;
		return s[1] >= lo && s[1] <= hi && (s[2] & 0xc0) == 0x80 &&
				       (s[3] & 0xc0) == 0x80
			       ? 4
			       : 0;
	}
	return 0;
}

/* GitHub's tables split rows at every unescaped |, and the rest would be
 * read as emphasis, code, links or HTML: a backslash makes each of these
 * a plain character.  A line break would end the row: it becomes a
 * space; so would a byte that is not UTF-8 (cmark-gfm ends the table
 * there): it becomes U+FFFD. */
static void markdown_field(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = utf8_len(p);
		if (n == 0) {
			fputs("\xef\xbf\xbd", out);
			p++;
		} else if (*p == '\n' || *p == '\r') {
			fputc(' ', out);
			p++;
		} else if (strchr("\\|*_`[]<>~&", *p)) {
			fprintf(out, "\\%c", *p++);
		} else {
			fwrite(p, 1, n, out);
			p += n;
		}
	}
}

void cells_prom_label(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n = utf8_len(p);
		if (n == 0) {
			fputs("\xef\xbf\xbd", out); /* U+FFFD */
			p++;
		} else if (*p == '\\' || *p == '"') {
			fprintf(out, "\\%c", *p++);
		} else if (*p == '\n') {
			fputs("\\n", out);
			p++;
		} else {
			fwrite(p, 1, n, out);
			p += n;
		}
	}
}

char *cells_double(double v, char *buf, size_t size)
{
	if (isnan(v)) {
		snprintf(buf, size, "NaN");
		return buf;
	}
	if (isinf(v)) {
		snprintf(buf, size, "%s", v > 0 ? "+Inf" : "-Inf");
		return buf;
	}
	/* the shortest of %.15g..%.17g that reads back exactly, as JSON */
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, size, "%.*g", prec, v);
		if (strtod(buf, NULL) >= v && strtod(buf, NULL) <= v)
			break;
	}
	return buf;
}
