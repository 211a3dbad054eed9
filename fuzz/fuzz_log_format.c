/* libFuzzer harness: access-log layouts.  The input's first line is a
 * --log-format string (nginx or Apache style), compiled; every later line
 * is matched against it and against each built-in layout, and each match
 * is converted into a record and asked for its fields.  The first lines
 * also go through layout detection. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "input/access_log.h"
#include "input/log_format.h"
#include "input/status.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_BUILTINS 32
#define DETECT_LINES 16

/* The built-in layouts, compiled once: they never change. */
static struct log_format builtin[MAX_BUILTINS];
static size_t nbuiltin;
static struct status_set bad;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[256];
	(void)argc;
	(void)argv;
	status_set_default(&bad);
	for (size_t i = 0; access_builtins[i].name; i++) {
		FUZZ_ASSERT(i < MAX_BUILTINS);
		FUZZ_ASSERT(log_format_compile(&builtin[i], access_builtins[i].name,
					       access_builtins[i].spec, err, sizeof err) == 0);
		nbuiltin++;
	}
	return 0;
}

/* What holds for any layout that compiled. */
static void check_format(const struct log_format *f)
{
	size_t textlen = strlen(f->text);
	FUZZ_ASSERT(f->n > 0 && f->n <= LOG_FORMAT_MAX_ITEMS);
	for (size_t i = 0; i < f->n; i++) {
		const struct log_item *it = &f->item[i];
		if (it->lit) {
			FUZZ_ASSERT(it->lit_len > 0);
			FUZZ_ASSERT(it->lit >= f->text && it->lit + it->lit_len <= f->text + textlen);
			FUZZ_ASSERT(i == 0 || !f->item[i - 1].lit); /* the matcher needs it */
		} else {
			FUZZ_ASSERT(memchr(it->name, '\0', sizeof it->name) != NULL);
			FUZZ_ASSERT((unsigned)it->field < LF_COUNT_);
			FUZZ_ASSERT(i == 0 || f->item[i - 1].lit); /* fields never touch */
		}
	}
}

static void fields(const struct log_format *f, const struct log_match *m)
{
	static const char *const names[] = {"method", "path",	 "query",   "protocol",
					    "host",   "status",	 "$status", "request",
					    "%h",     "%>s",	 "remote_addr", "nonexistent"};
	const char *v;
	size_t len;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (log_format_field(f, m, names[i], &v, &len) == 0)
			fuzz_touch(v, len);
	for (size_t i = 0; i < f->n; i++) {
		if (f->item[i].lit)
			continue;
		/* every variable of the layout is a field */
		FUZZ_ASSERT(log_format_field(f, m, f->item[i].name, &v, &len) == 0);
		fuzz_touch(v, len);
	}
	if (f->has[LF_REQUEST])
		for (int part = 0; part < 4; part++) {
			log_request_part(m->v[LF_REQUEST], m->len[LF_REQUEST], part, &v, &len);
			FUZZ_ASSERT(v >= m->v[LF_REQUEST] &&
				    v + len <= m->v[LF_REQUEST] + m->len[LF_REQUEST]);
		}
}

/* The reference the matcher is held to: the layout's items read in turn,
 * byte by byte, a field ending where the literal after it is found (not
 * a quote after an odd number of backslashes, nor in a list a separator
 * after a comma); a bare field fails at a space (not after a comma in a
 * list).  The matcher compiles the layout into steps and scans 16 bytes
 * at a time: both must agree on every line. */
static bool ref_ends(const struct log_item *it, const struct log_item *next, const char *p,
		     const char *c, const char *end)
{
	if ((size_t)(end - c) < next->lit_len || memcmp(c, next->lit, next->lit_len) != 0)
		return false;
	size_t bs = 0;
	while (next->lit[0] == '"' && c - bs > p && c[-1 - (ptrdiff_t)bs] == '\\')
		bs++;
	return bs % 2 == 0 && !(it->list && c > p && c[-1] == ',');
}

static int ref_match(const struct log_format *f, const char *line, size_t len,
		     const char **item_v, size_t *item_len, size_t *where)
{
	const char *p = line, *end = line + len;
	for (size_t i = 0; i < f->n; i++) {
		const struct log_item *it = &f->item[i];
		const struct log_item *next = i + 1 < f->n ? &f->item[i + 1] : NULL;
		if (it->lit) {
			if ((size_t)(end - p) < it->lit_len || memcmp(p, it->lit, it->lit_len)) {
				*where = i;
				return -1;
			}
			p += it->lit_len;
			continue;
		}
		const char *c = p;
		for (; c < end; c++) {
			if (next && ref_ends(it, next, p, c, end))
				break;
			if (!it->spaces && *c == ' ' && !(it->list && c > p && c[-1] == ','))
				break;
		}
		if (next ? c == end || !ref_ends(it, next, p, c, end) : c != end) {
			*where = i;
			return -1;
		}
		item_v[i] = p;
		item_len[i] = (size_t)(c - p);
		p = c + (next ? next->lit_len : 0);
		i += next != NULL;
	}
	if (p != end) {
		*where = f->n;
		return -1;
	}
	return 0;
}

static void match(const struct log_format *f, const char *line, size_t len)
{
	struct log_match m;
	size_t where, ref_where;
	char why[256];
	const char *ref_v[LOG_FORMAT_MAX_ITEMS];
	size_t ref_len[LOG_FORMAT_MAX_ITEMS];

	/* a pointer the match leaves unset must not be used: poison them */
	memset(&m, 0xa5, sizeof m);
	int r = log_format_match(f, line, len, &m, &where);
	FUZZ_ASSERT(r == ref_match(f, line, len, ref_v, ref_len, &ref_where));
	if (r != 0) {
		FUZZ_ASSERT(where <= f->n);
		FUZZ_ASSERT(where == ref_where);
		return;
	}
	for (size_t i = 0; i < f->n; i++)
		if (!f->item[i].lit)
			FUZZ_ASSERT(m.item_v[i] == ref_v[i] && m.item_len[i] == ref_len[i]);
	for (int k = 0; k < LF_COUNT_; k++)
		if (m.len[k])
			FUZZ_ASSERT(m.v[k] >= line && m.v[k] + m.len[k] <= line + len);
	fields(f, &m);
	for (int need_latency = 0; need_latency < 2; need_latency++) {
		struct slo_record rec;
		if (access_log_record(&m, &bad, need_latency, &rec, why, sizeof why) == 0) {
			fuzz_check_record(&rec);
			FUZZ_ASSERT(rec.total == 1);
		}
	}
}

struct ctx {
	struct log_format *user;
};

static void on_line(void *p, const char *line, size_t len)
{
	struct ctx *c = p;
	if (c->user)
		match(c->user, line, len);
	for (size_t i = 0; i < nbuiltin; i++)
		match(&builtin[i], line, len);
}

/* Detection over the first non-empty lines, as slo reads them. */
static void detect(const uint8_t *data, size_t size)
{
	char *lines[DETECT_LINES];
	size_t lens[DETECT_LINES], n = 0;
	const char *p = (const char *)data, *end = p + size;
	while (p < end && n < DETECT_LINES) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = (size_t)((nl ? nl : end) - p);
		size_t keep = len && p[len - 1] == '\r' ? len - 1 : len;
		if (keep) {
			lines[n] = fuzz_dup(p, keep, 0);
			lens[n++] = keep;
		}
		p += len + (nl ? 1 : 0);
	}
	struct log_format f;
	size_t score = access_log_detect((const char *const *)lines, lens, n, &f);
	FUZZ_ASSERT(score <= n);
	if (score) {
		check_format(&f);
		log_format_free(&f);
	}
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t speclen = nl ? (size_t)(nl - data) : size;
	char *spec = fuzz_dup(data, speclen, 1);
	struct log_format f;
	struct ctx c = {NULL};
	char err[256];

	if (log_format_compile(&f, "custom", spec, err, sizeof err) == 0) {
		check_format(&f);
		c.user = &f;
	} else {
		FUZZ_ASSERT(memchr(err, '\0', sizeof err) != NULL);
	}
	const uint8_t *rest = nl ? nl + 1 : data + size;
	size_t restlen = size - (size_t)(rest - data);
	fuzz_lines(rest, restlen, on_line, &c);
	detect(rest, restlen);
	if (c.user)
		log_format_free(&f);
	free(spec);
	return 0;
}
