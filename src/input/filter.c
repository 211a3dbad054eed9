/* --where conditions. */
#include "input/filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* glibc's regcomp copies a repeated part once per repetition, and the
 * copies of nested or stacked repetitions multiply: "x{9}{9}{9}{9}{9}{9}"
 * takes 100 MB, two more take gigabytes.  Where the copies can match the
 * empty string, the time grows with their square or worse ("x*" and 12
 * "+": 6 s and 900 MB; "^1" and 100 "*": 2 s), and so it does with the
 * depth of nested groups.  So a pattern is checked first: two repetition
 * operators in a row (which POSIX leaves undefined) are refused, groups
 * may nest REGEX_MAX_DEPTH deep, and the pattern is weighed: each atom
 * counts once times the repetitions around it (x+ twice, x{m,n} n times,
 * x{m,} m + 1 times), at most REGEX_MAX_COPIES.  Within these, glibc
 * compiles any pattern in well under a second.  Bracket expressions and
 * escapes are one atom each. */
#define REGEX_MAX_COPIES 1000
#define REGEX_MAX_DEPTH 32

static unsigned long weigh_mul(unsigned long a, unsigned long b)
{
	return b && a > (REGEX_MAX_COPIES + 1) / b ? REGEX_MAX_COPIES + 1 : a * b;
}

static unsigned long weigh_add(unsigned long a, unsigned long b)
{
	return a + b > REGEX_MAX_COPIES ? REGEX_MAX_COPIES + 1 : a + b;
}

/* Returns 0 when re may go to regcomp, or -1 with why. */
static int regex_check(const char *re, char *why, size_t whylen)
{
	struct {
		unsigned long sum, last; /* the group so far; its last atom */
	} st[REGEX_MAX_DEPTH + 1] = {{0, 0}};
	int d = 0;
	const char *p = re, *rep_end = NULL; /* where the last repetition ended */

	while (*p) {
		const char *at = p;
		unsigned long times = 0; /* a repetition: how many copies */
		unsigned long atom = 1;
		if (*p == '\\') {
			p += p[1] ? 2 : 1;
		} else if (*p == '[') {
			/* to the closing ], which may come first ("[]a]", "[^]a]"),
			 * past [:class:], [=equiv=] and [.coll.] */
			p++;
			if (*p == '^')
				p++;
			if (*p == ']')
				p++;
			while (*p && *p != ']') {
				if (*p == '[' && (p[1] == ':' || p[1] == '=' || p[1] == '.')) {
					const char *e = strchr(p + 2, p[1]);
					while (e && e[1] != ']')
						e = strchr(e + 1, p[1]);
					p = e ? e + 2 : p + 1;
				} else {
					p++;
				}
			}
			if (*p)
				p++;
		} else if (*p == '(') {
			if (d == REGEX_MAX_DEPTH) {
				snprintf(why, whylen, "\"%s\": groups nested more than %d deep", re,
					 REGEX_MAX_DEPTH);
				return -1;
			}
			d++;
			st[d].sum = st[d].last = 0;
			p++;
			continue;
		} else if (*p == ')' && d > 0) {
			atom = weigh_add(st[d].sum, 1);
			d--;
			p++;
		} else if (*p == '|') {
			st[d].last = 0;
			p++;
			continue;
		} else if (*p == '*' || *p == '?') {
			times = 1;
			p++;
		} else if (*p == '+') {
			times = 2;
			p++;
		} else if (*p == '{' && p[1] >= '0' && p[1] <= '9') {
			char *e;
			unsigned long m = strtoul(p + 1, &e, 10), n = m;
			if (*e == ',') {
				n = e[1] >= '0' && e[1] <= '9' ? strtoul(e + 1, &e, 10) : m + 1;
				if (*e != '}')
					e = strchr(e, '}');
			}
			times = n > m ? n : m;
			if (times == 0)
				times = 1;
			p = e && *e == '}' ? e + 1 : p + 1;
		} else {
			p++;
		}
		if (!times) {
			st[d].sum = weigh_add(st[d].sum, atom);
			st[d].last = atom;
			continue;
		}
		if (rep_end == at) {
			snprintf(why, whylen,
				 "\"%s\": two repetitions in a row (\"%.*s\"), which POSIX leaves "
				 "undefined; put the first in a group",
				 re, (int)(p - at), at);
			return -1;
		}
		rep_end = p;
		/* the last atom now stands times over */
		unsigned long was = st[d].last;
		st[d].last = weigh_mul(was, times);
		st[d].sum = weigh_add(st[d].sum, st[d].last - was);
	}
	/* groups left open (regcomp refuses them) close here */
	for (; d > 0; d--)
		st[d - 1].sum = weigh_add(st[d - 1].sum, st[d].sum);
	if (st[0].sum > REGEX_MAX_COPIES) {
		snprintf(why, whylen,
			 "\"%s\": its repetitions make more than %d copies of its parts; write it "
			 "more simply",
			 re, REGEX_MAX_COPIES);
		return -1;
	}
	return 0;
}

int filter_add(struct filter *f, const char *spec, char *why, size_t whylen)
{
	if (f->n == FILTER_MAX) {
		snprintf(why, whylen, "more than %d conditions", FILTER_MAX);
		return -1;
	}
	/* the operator is the first of = != ~ !~ after a non-empty name */
	size_t i = 0;
	while (spec[i] && spec[i] != '=' && spec[i] != '~' && spec[i] != '!')
		i++;
	struct filter_cond *c = &f->c[f->n];
	size_t name_len = i;
	if (spec[i] == '!' && (spec[i + 1] == '=' || spec[i + 1] == '~')) {
		c->op = spec[i + 1] == '=' ? FILTER_NE : FILTER_NOMATCH;
		i += 2;
	} else if (spec[i] == '=' || spec[i] == '~') {
		c->op = spec[i] == '=' ? FILTER_EQ : FILTER_MATCH;
		i += 1;
	} else {
		snprintf(why, whylen, "\"%s\" is not FIELD=VALUE, FIELD!=VALUE, FIELD~REGEX or "
				      "FIELD!~REGEX", spec);
		return -1;
	}
	if (name_len == 0 || name_len >= sizeof c->field) {
		snprintf(why, whylen, "\"%s\": the field name is %s", spec,
			 name_len ? "too long" : "missing");
		return -1;
	}
	memcpy(c->field, spec, name_len);
	c->field[name_len] = '\0';
	c->value = spec + i;
	if (c->op == FILTER_MATCH || c->op == FILTER_NOMATCH) {
		if (regex_check(c->value, why, whylen))
			return -1;
		int rc = regcomp(&c->re, c->value, REG_EXTENDED | REG_NOSUB);
		if (rc) {
			char msg[128];
			regerror(rc, &c->re, msg, sizeof msg);
			snprintf(why, whylen, "\"%s\": %s", c->value, msg);
			return -1;
		}
	}
	f->n++;
	return 0;
}

void filter_free(struct filter *f)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->c[i].op == FILTER_MATCH || f->c[i].op == FILTER_NOMATCH)
			regfree(&f->c[i].re);
	f->n = 0;
}

bool filter_match(const struct filter *f, filter_get_fn get, void *ctx, const char **unknown)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct filter_cond *c = &f->c[i];
		const char *v;
		size_t len;
		if (get(ctx, c->field, &v, &len)) {
			*unknown = c->field;
			return false;
		}
		bool hold;
		if (c->op == FILTER_EQ || c->op == FILTER_NE) {
			hold = strlen(c->value) == len && memcmp(c->value, v, len) == 0;
		} else {
			/* regexec needs a terminated string */
			char small[512];
			char *s = len < sizeof small ? small : malloc(len + 1);
			if (!s)
				return false;
			memcpy(s, v, len);
			s[len] = '\0';
			hold = regexec(&c->re, s, 0, NULL, 0) == 0;
			if (s != small)
				free(s);
		}
		if (c->op == FILTER_NE || c->op == FILTER_NOMATCH)
			hold = !hold;
		if (!hold)
			return false;
	}
	return true;
}
