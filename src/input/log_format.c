/* Log format compilation and matching. */
#include "input/log_format.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/duration.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

struct known {
	const char *name;
	enum log_field field;
	int64_t unit;
	int list;
};

/* nginx variables with a meaning here; any other $variable is matched
 * and ignored. */
static const struct known nginx_vars[] = {
	{"time_local", LF_TIME_CLF, 0, 0},
	{"time_iso8601", LF_TIME_ISO, 0, 0},
	{"msec", LF_TIME_EPOCH, 0, 0},
	{"request", LF_REQUEST, 0, 0},
	{"request_method", LF_METHOD, 0, 0},
	{"request_uri", LF_PATH, 0, 0},
	{"uri", LF_PATH, 0, 0},
	{"host", LF_HOST, 0, 0},
	{"server_name", LF_HOST, 0, 0},
	{"http_host", LF_HOST, 0, 0},
	{"status", LF_STATUS, 0, 0},
	{"request_time", LF_LATENCY, NS_PER_S, 0},
	{"upstream_response_time", LF_UPSTREAM_TIME, NS_PER_S, 1},
	/* not nginx's: the names slo's built-in layouts give other servers'
	 * fields (Amazon S3's "Total Time", in ms) */
	{"s3_total_time", LF_LATENCY, NS_PER_MS, 0},
	{"upstream_connect_time", LF_IGNORE, 0, 1},
	{"upstream_header_time", LF_IGNORE, 0, 1},
	{"upstream_addr", LF_IGNORE, 0, 1},
	{"upstream_status", LF_IGNORE, 0, 1},
	{"upstream_response_length", LF_IGNORE, 0, 1},
	{"upstream_bytes_received", LF_IGNORE, 0, 1},
};

static const struct known *find_nginx(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof nginx_vars / sizeof nginx_vars[0]; i++)
		if (strlen(nginx_vars[i].name) == len && memcmp(nginx_vars[i].name, name, len) == 0)
			return &nginx_vars[i];
	return NULL;
}

static int is_var_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_';
}

static int add_literal(struct log_format *f, const char *s, size_t len)
{
	if (len == 0)
		return 0;
	if (f->n > 0 && f->item[f->n - 1].lit && f->item[f->n - 1].lit + f->item[f->n - 1].lit_len == s) {
		f->item[f->n - 1].lit_len += len;
		return 0;
	}
	if (f->n == LOG_FORMAT_MAX_ITEMS)
		return -1;
	f->item[f->n++] = (struct log_item){.lit = s, .lit_len = len};
	return 0;
}

static int add_field(struct log_format *f, const char *name, size_t len, enum log_field field,
		     int64_t unit, int list)
{
	if (f->n == LOG_FORMAT_MAX_ITEMS)
		return -1;
	struct log_item *it = &f->item[f->n++];
	*it = (struct log_item){.field = field, .unit = unit, .list = list};
	snprintf(it->name, sizeof it->name, "%.*s", (int)len, name);
	f->has[field]++;
	return 0;
}

static int compile_nginx(struct log_format *f, char *s, char *err, size_t errlen)
{
	char *lit = s;
	while (*s) {
		if (*s != '$') {
			s++;
			continue;
		}
		if (add_literal(f, lit, (size_t)(s - lit)))
			goto full;
		s++;
		int braced = *s == '{';
		char *name = s + braced;
		char *e = name;
		while (is_var_char(*e))
			e++;
		if (e == name || (braced && *e != '}')) {
			snprintf(err, errlen, "log format: \"$\" at offset %d is not followed by a "
					      "variable name", (int)(name - f->text - 1 - braced));
			return -1;
		}
		const struct known *k = find_nginx(name, (size_t)(e - name));
		if (add_field(f, name, (size_t)(e - name), k ? k->field : LF_IGNORE,
			      k ? k->unit : 0, k ? k->list : 0))
			goto full;
		s = e + braced;
		lit = s;
	}
	if (add_literal(f, lit, (size_t)(s - lit)))
		goto full;
	return 0;
full:
	snprintf(err, errlen, "log format: more than %d parts", LOG_FORMAT_MAX_ITEMS);
	return -1;
}

/* Apache's %{arg}X directives that mean something here. */
static int apache_directive(struct log_format *f, const char *arg, size_t alen, char d,
			    char *err, size_t errlen)
{
	char name[40];
	snprintf(name, sizeof name, "%%%.*s%s%.*s%s%c", (int)f->nmods, f->mods, alen ? "{" : "",
		 (int)alen, arg, alen ? "}" : "", d);
	size_t nlen = strlen(name);
	switch (d) {
	case 't':
		/* Apache writes %t with its brackets: "[10/Oct/2000:13:55:36 -0700]" */
		if (alen == 0) {
			int r = add_field(f, name, nlen, LF_TIME_CLF, 0, 0);
			if (r == 0)
				f->item[f->n - 1].spaces = 1;
			return r;
		}
		if (alen == 4 && memcmp(arg, "msec", 4) == 0)
			return add_field(f, name, nlen, LF_TIME_EPOCH, 0, 0);
		return add_field(f, name, nlen, LF_IGNORE, 0, 0);
	case 'r':
		return add_field(f, name, nlen, LF_REQUEST, 0, 0);
	case 'm':
		return add_field(f, name, nlen, LF_METHOD, 0, 0);
	case 'U':
		return add_field(f, name, nlen, LF_PATH, 0, 0);
	case 'v':
	case 'V':
		return add_field(f, name, nlen, LF_HOST, 0, 0);
	case 's':
		return add_field(f, name, nlen, LF_STATUS, 0, 0);
	case 'D':
		return add_field(f, name, nlen, LF_LATENCY, NS_PER_US, 0);
	case 'T': {
		int64_t unit = NS_PER_S;
		if (alen == 2 && memcmp(arg, "ms", 2) == 0)
			unit = NS_PER_MS;
		else if (alen == 2 && memcmp(arg, "us", 2) == 0)
			unit = NS_PER_US;
		else if (alen != 0 && !(alen == 1 && arg[0] == 's')) {
			snprintf(err, errlen, "log format: %%{%.*s}T: the unit must be s, ms or us",
				 (int)alen, arg);
			return -2;
		}
		return add_field(f, name, nlen, LF_LATENCY, unit, 0);
	}
	case 'i':
		if (alen == 4 && strncasecmp(arg, "host", 4) == 0)
			return add_field(f, name, nlen, LF_HOST, 0, 0);
		return add_field(f, name, nlen, LF_IGNORE, 0, 0);
	case 'a': case 'A': case 'b': case 'B': case 'e': case 'f': case 'h': case 'H':
	case 'k': case 'l': case 'L': case 'n': case 'o': case 'p': case 'P': case 'q':
	case 'R': case 'u': case 'X': case 'I': case 'O': case 'S': case 'C': case 'x':
		return add_field(f, name, nlen, LF_IGNORE, 0, 0);
	default:
		snprintf(err, errlen, "log format: unknown Apache directive %s", name);
		return -2;
	}
}

static int compile_apache(struct log_format *f, char *s, char *err, size_t errlen)
{
	char *lit = s;
	while (*s) {
		if (*s == '\\' && s[1] == '"') {
			/* pasted from an Apache config, quotes come escaped */
			memmove(s, s + 1, strlen(s));
			s++;
			continue;
		}
		if (*s != '%') {
			s++;
			continue;
		}
		if (s[1] == '%') {
			/* a literal percent: one of the two is dropped from the
			 * text, so that the literal goes on in one piece (a
			 * literal item never follows another) */
			memmove(s, s + 1, strlen(s));
			s++;
			continue;
		}
		if (add_literal(f, lit, (size_t)(s - lit)))
			goto full;
		s++;
		const char *mods = s;
		while (*s == '>' || *s == '<' || *s == '!' || *s == ',' || (*s >= '0' && *s <= '9'))
			s++;
		f->mods = mods;
		f->nmods = (size_t)(s - mods);
		const char *arg = s;
		size_t alen = 0;
		if (*s == '{') {
			char *close = strchr(s, '}');
			if (!close) {
				snprintf(err, errlen, "log format: unclosed %%{");
				return -1;
			}
			arg = s + 1;
			alen = (size_t)(close - arg);
			s = close + 1;
		}
		if (!*s) {
			snprintf(err, errlen, "log format: \"%%\" at the end");
			return -1;
		}
		int r = apache_directive(f, arg, alen, *s, err, errlen);
		if (r == -1)
			goto full;
		if (r == -2)
			return -1;
		s++;
		lit = s;
	}
	if (add_literal(f, lit, (size_t)(s - lit)))
		goto full;
	return 0;
full:
	snprintf(err, errlen, "log format: more than %d parts", LOG_FORMAT_MAX_ITEMS);
	return -1;
}

/* How a field's end is found. */
enum {
	FIELD_ENDS_AT_SPACE, /* a bare field before a literal " ...": its first space */
	FIELD_ENDS_BARE,     /* a bare field before another literal, or a list */
	FIELD_ENDS_QUOTED,   /* between quotes or brackets: spaces and all */
	FIELD_ENDS_LINE,     /* the last item: the line's end */
};

/* What matching needs of each field, worked out once. */
static void plan(struct log_format *f)
{
	f->nstep = 0;
	for (size_t i = 0; i < f->n; i++) {
		const struct log_item *it = &f->item[i];
		if (it->lit)
			continue;
		const struct log_item *next = i + 1 < f->n ? &f->item[i + 1] : NULL;
		struct log_step *st = &f->step[f->nstep++];
		*st = (struct log_step){
			.next_lit = next ? next->lit : NULL,
			.next_len = next ? (unsigned)next->lit_len : 0,
			.list = (unsigned char)it->list,
			.spaces = (unsigned char)it->spaces,
			.quote = next && next->lit[0] == '"',
			.field = (unsigned char)it->field,
			.first_of_kind = 1,
			.item = (unsigned char)i,
		};
		if (!next)
			st->ends = FIELD_ENDS_LINE;
		else if (it->spaces)
			st->ends = FIELD_ENDS_QUOTED;
		else if (next->lit[0] == ' ' && !it->list)
			st->ends = FIELD_ENDS_AT_SPACE;
		else
			st->ends = FIELD_ENDS_BARE;
		for (size_t j = 0; j < i; j++)
			if (!f->item[j].lit && f->item[j].field == it->field)
				st->first_of_kind = 0;
	}
}

int log_format_compile(struct log_format *f, const char *name, const char *spec,
		       char *err, size_t errlen)
{
	memset(f, 0, sizeof *f);
	snprintf(f->name, sizeof f->name, "%s", name);
	f->text = malloc(strlen(spec) + 1);
	if (!f->text) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	strcpy(f->text, spec);
	const char *dollar = strchr(spec, '$'), *pct = strchr(spec, '%');
	int r;
	if (dollar && (!pct || dollar < pct))
		r = compile_nginx(f, f->text, err, errlen);
	else if (pct)
		r = compile_apache(f, f->text, err, errlen);
	else {
		snprintf(err, errlen, "log format: no $variable or %%directive in \"%s\"", spec);
		r = -1;
	}
	for (size_t i = 1; r == 0 && i < f->n; i++) {
		const struct log_item *prev = &f->item[i - 1];
		if (!f->item[i].lit && prev->lit &&
		    (prev->lit[prev->lit_len - 1] == '"' || prev->lit[prev->lit_len - 1] == '['))
			f->item[i].spaces = 1;
	}
	for (size_t i = 1; r == 0 && i < f->n; i++)
		if (!f->item[i].lit && !f->item[i - 1].lit) {
			snprintf(err, errlen, "log format: %s and %s touch: nothing tells where one "
					      "ends", f->item[i - 1].name, f->item[i].name);
			r = -1;
		}
	if (r == 0)
		plan(f);
	if (r)
		log_format_free(f);
	return r;
}

void log_format_free(struct log_format *f)
{
	free(f->text);
	f->text = NULL;
	f->n = 0;
}

/* Whether the literal of `it` is at p (before end).  Literals are a few
 * bytes (" - ", "] \"", "\" "): compared here, not by a call to memcmp. */
static bool literal_at(const char *p, const char *end, const struct log_item *it)
{
	if ((size_t)(end - p) < it->lit_len)
		return false;
	for (size_t i = 0; i < it->lit_len; i++)
		if (p[i] != it->lit[i])
			return false;
	return true;
}

/* Whether the literal after the field of step st, found at hit, ends the
 * field that began at p: not when it is a quote after an odd number of
 * backslashes (Apache writes \" inside a quoted request; "\\" is a
 * backslash that ends the value), nor, in a list field, a separator after
 * a comma ("0.004, 0.100"). */
static inline bool ends_field(const char *p, const char *hit, const char *end,
			      const struct log_step *st)
{
	/* its first byte is the one found */
	if ((size_t)(end - hit) < st->next_len)
		return false;
	for (size_t i = 1; i < st->next_len; i++)
		if (hit[i] != st->next_lit[i])
			return false;
	if (st->quote) {
		size_t bs = 0;
		while (hit - bs > p && hit[-1 - (ptrdiff_t)bs] == '\\')
			bs++;
		if (bs % 2 == 1)
			return false;
	}
	return !(st->list && hit > p && hit[-1] == ',');
}

/* The first c in [p, end), or end.  Fields are short: 16 bytes at a time
 * inline (with SSE2) beats a call to memchr. */
static inline const char *find_byte(const char *p, const char *end, char c)
{
#if defined(__SSE2__)
	const __m128i v = _mm_set1_epi8(c);
	for (; end - p >= 16; p += 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(
			_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), v));
		if (m)
			return p + __builtin_ctz(m);
	}
	while (p < end && *p != c)
		p++;
	return p;
#else
	const char *hit = memchr(p, c, (size_t)(end - p));
	return hit ? hit : end;
#endif
}

/* Finds where a field ends: the next occurrence of the literal that
 * follows it (ends_field).  A bare field is one token: without that,
 * "$body_bytes_sent" would swallow the extra numbers of a layout that is
 * not combined: such a field ends at its literal or fails at a space,
 * whichever comes first; one between quotes or brackets may hold spaces. */
static inline const char *field_end(const char *p, const char *end, const struct log_step *st)
{
	switch (st->ends) {
	case FIELD_ENDS_AT_SPACE: {
		/* the usual bare field: its first space ends it, or it does
		 * not match */
		const char *c = find_byte(p, end, ' ');
		return c < end && ends_field(p, c, end, st) ? c : NULL;
	}
	case FIELD_ENDS_BARE: {
		char first = st->next_lit[0];
		for (const char *c = p; c < end; c++) {
			if (*c == first && ends_field(p, c, end, st))
				return c;
			if (*c == ' ' && !(st->list && c > p && c[-1] == ','))
				return NULL;
		}
		return NULL;
	}
	case FIELD_ENDS_QUOTED: {
		char first = st->next_lit[0];
		for (const char *q = p;; q++) {
			const char *hit = find_byte(q, end, first);
			if ((size_t)(end - hit) < st->next_len)
				return NULL;
			if (ends_field(p, hit, end, st))
				return hit;
			q = hit;
		}
	}
	default: /* FIELD_ENDS_LINE */
		if (!st->spaces)
			for (const char *c = p; c < end; c++)
				if (*c == ' ' && !(st->list && c > p && c[-1] == ','))
					return NULL;
		return end;
	}
}

int log_format_match(const struct log_format *f, const char *line, size_t len,
		     struct log_match *m, size_t *where)
{
	const char *p = line, *end = line + len;

	memset(m->len, 0, sizeof m->len);
	/* a literal may come first; every other one follows a field, and
	 * field_end finds it */
	if (f->n && f->item[0].lit) {
		if (!literal_at(p, end, &f->item[0])) {
			*where = 0;
			return -1;
		}
		p += f->item[0].lit_len;
	}
	for (size_t k = 0; k < f->nstep; k++) {
		const struct log_step *st = &f->step[k];
		const char *e = field_end(p, end, st);
		if (!e) {
			*where = st->item;
			return -1;
		}
		size_t n = (size_t)(e - p);
		m->item_v[st->item] = p;
		m->item_len[st->item] = n;
		/* the first field of a meaning that has a value gives it */
		if (st->field != LF_IGNORE && (st->first_of_kind || m->len[st->field] == 0)) {
			m->v[st->field] = p;
			m->len[st->field] = n;
			m->unit[st->field] = f->item[st->item].unit;
		}
		p = e + st->next_len;
	}
	if (p != end) {
		*where = f->n;
		return -1;
	}
	return 0;
}

void log_request_part(const char *req, size_t len, int part, const char **v, size_t *vlen)
{
	const char *end = req + len;
	const char *sp1 = memchr(req, ' ', len);
	const char *target = sp1 ? sp1 + 1 : end;
	const char *sp2 = target < end ? memchr(target, ' ', (size_t)(end - target)) : NULL;
	const char *tend = sp2 ? sp2 : end;
	const char *q = target < tend ? memchr(target, '?', (size_t)(tend - target)) : NULL;

	switch (part) {
	case 0:
		*v = req;
		*vlen = (size_t)((sp1 ? sp1 : end) - req);
		return;
	case 1:
		*v = target;
		*vlen = (size_t)((q ? q : tend) - target);
		return;
	case 2:
		*v = q ? q + 1 : tend;
		*vlen = q ? (size_t)(tend - q - 1) : 0;
		return;
	default:
		*v = sp2 ? sp2 + 1 : end;
		*vlen = sp2 ? (size_t)(end - sp2 - 1) : 0;
	}
}

int log_format_field(const struct log_format *f, const struct log_match *m, const char *name,
		     const char **v, size_t *len)
{
	static const char *const parts[] = {"method", "path", "query", "protocol"};
	for (size_t i = 0; i < f->n; i++) {
		const struct log_item *it = &f->item[i];
		if (!it->lit && (strcmp(it->name, name) == 0 ||
				 (name[0] == '$' && strcmp(it->name, name + 1) == 0))) {
			*v = m->item_v[i];
			*len = m->item_len[i];
			return 0;
		}
	}
	for (int k = 0; k < 4; k++) {
		if (strcmp(name, parts[k]) != 0)
			continue;
		/* a layout with $request_method or $uri has them on their own */
		if (k == 0 && m->len[LF_METHOD]) {
			*v = m->v[LF_METHOD];
			*len = m->len[LF_METHOD];
			return 0;
		}
		if (k == 1 && m->len[LF_PATH]) {
			const char *qm = memchr(m->v[LF_PATH], '?', m->len[LF_PATH]);
			*v = m->v[LF_PATH];
			*len = qm ? (size_t)(qm - m->v[LF_PATH]) : m->len[LF_PATH];
			return 0;
		}
		if (!f->has[LF_REQUEST])
			return -1;
		log_request_part(m->v[LF_REQUEST], m->len[LF_REQUEST], k, v, len);
		return 0;
	}
	if (strcmp(name, "host") == 0 && f->has[LF_HOST]) {
		*v = m->v[LF_HOST];
		*len = m->len[LF_HOST];
		return 0;
	}
	return -1;
}
