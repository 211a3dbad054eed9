/* The walk of a YAML SLO file: errors with file, line and field, access
 * to libyaml's document nodes, the runs' options, and the values every
 * format shares (percentages, fractions, durations). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/walk.h"
#include "util/duration.h"
#include "util/num.h"

/* ---- errors and YAML access ---- */

int cfg_fail(struct cx *x, const yaml_node_t *n, const char *field, const char *fmt, ...)
{
	va_list ap;
	int k = snprintf(x->err, x->errlen, "%s:%lu: %s: ", x->file,
			 n ? (unsigned long)n->start_mark.line + 1 : 1UL, field);
	if (k < 0 || (size_t)k >= x->errlen)
		return -1;
	char msg[1024];
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* a message is one line: a YAML value may hold line breaks and
	 * other control characters, written escaped */
	size_t o = (size_t)k;
	for (const unsigned char *c = (const unsigned char *)msg; *c && o + 5 < x->errlen; c++) {
		if (*c >= 0x20 && *c != 0x7f)
			x->err[o++] = (char)*c;
		else if (*c == '\n' || *c == '\r' || *c == '\t')
			o += (size_t)snprintf(x->err + o, x->errlen - o, "\\%c",
					      *c == '\n' ? 'n' : *c == '\r' ? 'r' : 't');
		else
			o += (size_t)snprintf(x->err + o, x->errlen - o, "\\x%02x", *c);
	}
	x->err[o] = '\0';
	return -1;
}

/* A field's path into buf ("slos[2].input.files[0]"); cut short at
 * the buffer's end. */
void cfg_pathf(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, len, fmt, ap);
	va_end(ap);
}

yaml_node_t *cfg_node(struct cx *x, int id)
{
	return yaml_document_get_node(x->d, id);
}

const char *cfg_scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* A plain ~, null or empty scalar: YAML's null. */
bool cfg_is_null(const yaml_node_t *n)
{
	if (!n)
		return true;
	if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *s = cfg_scalar(n);
	return !*s || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
	       strcmp(s, "NULL") == 0;
}

/* The value of key in a mapping, or NULL (a null value reads as absent). */
yaml_node_t *cfg_get(struct cx *x, const yaml_node_t *map, const char *key)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		const char *k = cfg_scalar(cfg_node(x, p->key));
		if (k && strcmp(k, key) == 0) {
			yaml_node_t *v = cfg_node(x, p->value);
			return cfg_is_null(v) ? NULL : v;
		}
	}
	return NULL;
}

/* The key node of key in a mapping: a mapping or list value starts on
 * the line after its key, which is the line to name. */
yaml_node_t *cfg_key_of(struct cx *x, const yaml_node_t *map, const char *key)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = cfg_node(x, p->key);
		if (cfg_scalar(k) && strcmp(cfg_scalar(k), key) == 0)
			return k;
	}
	return NULL;
}

int cfg_want_text(struct cx *x, const yaml_node_t *n, const char *field, const char **out)
{
	*out = cfg_scalar(n);
	if (!*out || !**out)
		return cfg_fail(x, n, field, "expected a value, got %s",
				!*out ? (n->type == YAML_MAPPING_NODE ? "a mapping" : "a list")
				: "nothing");
	return 0;
}

int cfg_want_type(struct cx *x, const yaml_node_t *n, const char *field, yaml_node_type_t t)
{
	if (n->type == t)
		return 0;
	return cfg_fail(x, n, field, "expected %s, got %s",
			t == YAML_MAPPING_NODE ? "a mapping of keys" : "a list",
			n->type == YAML_SCALAR_NODE    ? "a single value"
			: n->type == YAML_MAPPING_NODE ? "a mapping"
						       : "a list");
}

/* Refuses keys outside known (NULL-terminated): a typo is an error. */
int cfg_known_keys(struct cx *x, const yaml_node_t *map, const char *field,
		   const char *const *known)
{
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *kn = cfg_node(x, p->key);
		const char *k = cfg_scalar(kn);
		size_t i = 0;
		while (k && known[i] && strcmp(known[i], k) != 0)
			i++;
		if (k && known[i])
			continue;
		char list[512] = "";
		for (i = 0; known[i]; i++) {
			size_t l = strlen(list);
			snprintf(list + l, sizeof list - l, "%s%s", i ? ", " : "", known[i]);
		}
		return cfg_fail(x, kn, field, "unknown key \"%s\" (known: %s)", k ? k : "?", list);
	}
	return 0;
}

/* ---- runs ---- */

int cfg_run_arg(struct cx *x, struct slocfg_run *r, const yaml_node_t *n, const char *field,
		const char *s)
{
	if (r->argc == SLOCFG_MAX_ARGS)
		return cfg_fail(x, n, field, "too many settings for one SLO");
	if (!(r->argv[r->argc] = strdup(s)))
		return cfg_fail(x, n, field, "out of memory");
	r->argc++;
	return 0;
}

int cfg_run_opt(struct cx *x, struct slocfg_run *r, const yaml_node_t *n, const char *field,
		const char *opt, const char *value)
{
	if (cfg_run_arg(x, r, n, field, opt))
		return -1;
	return value ? cfg_run_arg(x, r, n, field, value) : 0;
}

void cfg_run_free(struct slocfg_run *r)
{
	for (size_t i = 0; i < r->argc; i++)
		free(r->argv[i]);
	for (size_t i = 0; i < r->nfiles; i++)
		free(r->files[i]);
	free(r->tz);
	memset(r, 0, sizeof *r);
}

/* A deep copy of base, for another objective of the same SLO. */
int cfg_run_copy(struct slocfg_run *to, const struct slocfg_run *from)
{
	*to = *from;
	to->tz = NULL;
	to->argc = to->nfiles = 0;
	if (from->tz && !(to->tz = strdup(from->tz)))
		return -1;
	for (size_t i = 0; i < from->argc; i++) {
		if (!(to->argv[i] = strdup(from->argv[i])))
			return -1;
		to->argc++;
	}
	for (size_t i = 0; i < from->nfiles; i++) {
		if (!(to->files[i] = strdup(from->files[i])))
			return -1;
		to->nfiles++;
	}
	return 0;
}

/* An input file: relative names are of the config file's directory. */
int cfg_run_file(struct cx *x, struct slocfg_run *r, const yaml_node_t *n, const char *field,
		 const char *name)
{
	const char *slash = strrchr(x->file, '/');
	size_t dl = slash && name[0] != '/' && strcmp(name,
						      "-") != 0 ? (size_t)(slash - x->file) + 1
								      : 0;
	if (!*name)
		return cfg_fail(x, n, field, "an empty file name");
	if (r->nfiles == SLOCFG_MAX_FILES)
		return cfg_fail(x, n, field, "more than %d input files", SLOCFG_MAX_FILES);
	char *p = malloc(dl + strlen(name) + 1);
	if (!p)
		return cfg_fail(x, n, field, "out of memory");
	memcpy(p, x->file, dl);
	strcpy(p + dl, name);
	r->files[r->nfiles++] = p;
	return 0;
}

/* ---- values ---- */

/* A percentage "99.9" or "99.9%" into the --target form. */
int cfg_percent_value(struct cx *x, const yaml_node_t *n, const char *field, char *pct,
		      size_t pctlen, int64_t *frac)
{
	const char *s;
	if (cfg_want_text(x, n, field, &s))
		return -1;
	if (num_parse_percent(s, frac) != NUM_OK)
		return cfg_fail(x, n, field, "expected a percentage strictly between 0 and 100 "
				"(at most 7 decimals), got \"%s\"", s);
	num_format_percent(*frac, pct, pctlen);
	return 0;
}

/* A fraction strictly between 0 and 1 ("0.995"), as a percentage. */
int cfg_fraction_value(struct cx *x, const yaml_node_t *n, const char *field, char *pct,
		       size_t pctlen, int64_t *frac)
{
	const char *s;
	if (cfg_want_text(x, n, field, &s))
		return -1;
	enum num_err e = num_parse_scaled(s, strlen(s), FRAC_DIGITS, frac);
	if (e == NUM_PRECISION)
		return cfg_fail(x, n, field, "at most 9 decimals, got \"%s\"", s);
	if (e != NUM_OK || *frac <= 0 || *frac >= FRAC_ONE)
		return cfg_fail(x, n, field, "expected a number between 0 and 1, got \"%s\"", s);
	num_format_percent(*frac, pct, pctlen);
	return 0;
}

int cfg_duration_value(struct cx *x, const yaml_node_t *n, const char *field, int64_t *ns)
{
	const char *s;
	if (cfg_want_text(x, n, field, &s))
		return -1;
	if (duration_parse(s, ns) != NUM_OK)
		return cfg_fail(x, n, field,
				"expected a duration such as 30d, 1h30m or 250ms, got \"%s\"",
				s);
	return 0;
}

/* Seconds as an option value ("2592000s"); windows are whole seconds. */
void cfg_seconds_text(int64_t ns, char *buf, size_t len)
{
	char s[48];
	snprintf(buf, len, "%ss", duration_format_seconds(ns, s, sizeof s));
}

/* OpenSLO's duration shorthand: a positive whole number and one of
 * m h d w M Q Y (minutes, hours, days, weeks, months, quarters, years),
 * no longer than 64 bits of nanoseconds hold (292 years): 1000Y would
 * overflow cfg_shorthand_ns. */
int cfg_shorthand(const char *s, uint64_t *count, char *unit)
{
	size_t l = strlen(s);
	if (l < 2 || !strchr("mhdwMQY", s[l - 1]) || s[0] == '0')
		return -1;
	if (num_parse_u64(s, l - 1, count) != NUM_OK || *count == 0 || *count > 100000 ||
	    *count > (uint64_t)(INT64_MAX / cfg_shorthand_ns(1, s[l - 1])))
		return -1;
	*unit = s[l - 1];
	return 0;
}

int64_t cfg_shorthand_ns(uint64_t count, char unit)
{
	int64_t u = unit == 'm' ? NS_PER_MIN : unit == 'h' ? NS_PER_HOUR : unit == 'd' ? NS_PER_DAY
		  : unit == 'w' ? NS_PER_WEEK : unit == 'M' ? NS_PER_MONTH : unit == 'Q'
		  ? NS_PER_QUARTER : NS_PER_YEAR;
	return (int64_t)count * u;
}
