/* --where conditions. */
#include "input/filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
