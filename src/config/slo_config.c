/* SLO definitions from YAML (see slo_config.h): libyaml's document API
 * loads each document whole, and each kind of file is walked into the
 * `slo eval` options that say the same.  Node marks give the lines. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "config/slo_config.h"
#include "input/filter.h"
#include "input/status.h"
#include "util/calendar.h"
#include "util/duration.h"
#include "util/num.h"
#include "util/timestamp.h"

struct doc {
	yaml_document_t d;
	const char *file; /* owned by files[] */
};

struct slocfg {
	struct slocfg_checks ck;
	struct doc *docs;
	size_t ndocs, capdocs;
	char **files; /* the config files' names */
	size_t nfiles;
	struct slocfg_run *runs;
	size_t nruns;
};

/* Where a walk is: the document, its file, and where errors go. */
struct cx {
	struct slocfg *c;
	yaml_document_t *d;
	const char *file;
	char *err;
	size_t errlen;
};

#define ANN_PREFIX "slo.input/"
#define MAX_ANN 48

/* ---- errors and YAML access ---- */

static int fail(struct cx *x, const yaml_node_t *n, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int fail(struct cx *x, const yaml_node_t *n, const char *field, const char *fmt, ...)
{
	va_list ap;
	int k = snprintf(x->err, x->errlen, "%s:%lu: %s: ", x->file,
			 n ? (unsigned long)n->start_mark.line + 1 : 1UL, field);
	if (k < 0 || (size_t)k >= x->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(x->err + k, x->errlen - (size_t)k, fmt, ap);
	va_end(ap);
	return -1;
}

/* A field's path into buf ("slos[2].input.files[0]"); cut short at
 * the buffer's end. */
static void pathf(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void pathf(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, len, fmt, ap);
	va_end(ap);
}

static yaml_node_t *node(struct cx *x, int id)
{
	return yaml_document_get_node(x->d, id);
}

static const char *scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* A plain ~, null or empty scalar: YAML's null. */
static bool is_null(const yaml_node_t *n)
{
	if (!n)
		return true;
	if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *s = scalar(n);
	return !*s || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
	       strcmp(s, "NULL") == 0;
}

/* The value of key in a mapping, or NULL (a null value reads as absent). */
static yaml_node_t *get(struct cx *x, const yaml_node_t *map, const char *key)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		const char *k = scalar(node(x, p->key));
		if (k && strcmp(k, key) == 0) {
			yaml_node_t *v = node(x, p->value);
			return is_null(v) ? NULL : v;
		}
	}
	return NULL;
}

/* The key node of key in a mapping: a mapping or list value starts on
 * the line after its key, which is the line to name. */
static yaml_node_t *key_of(struct cx *x, const yaml_node_t *map, const char *key)
{
	if (!map || map->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = node(x, p->key);
		if (scalar(k) && strcmp(scalar(k), key) == 0)
			return k;
	}
	return NULL;
}

static int want_text(struct cx *x, const yaml_node_t *n, const char *field, const char **out)
{
	*out = scalar(n);
	if (!*out || !**out)
		return fail(x, n, field, "expected a value, got %s",
			    !*out ? (n->type == YAML_MAPPING_NODE ? "a mapping" : "a list")
				  : "nothing");
	return 0;
}

static int want_type(struct cx *x, const yaml_node_t *n, const char *field, yaml_node_type_t t)
{
	if (n->type == t)
		return 0;
	return fail(x, n, field, "expected %s, got %s",
		    t == YAML_MAPPING_NODE ? "a mapping of keys" : "a list",
		    n->type == YAML_SCALAR_NODE ? "a single value" : n->type == YAML_MAPPING_NODE
										 ? "a mapping"
										 : "a list");
}

/* Refuses keys outside known (NULL-terminated): a typo is an error. */
static int known_keys(struct cx *x, const yaml_node_t *map, const char *field,
		      const char *const *known)
{
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *kn = node(x, p->key);
		const char *k = scalar(kn);
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
		return fail(x, kn, field, "unknown key \"%s\" (known: %s)", k ? k : "?", list);
	}
	return 0;
}

/* ---- runs ---- */

static int run_arg(struct cx *x, struct slocfg_run *r, const yaml_node_t *n, const char *field,
		   const char *s)
{
	if (r->argc == SLOCFG_MAX_ARGS)
		return fail(x, n, field, "too many settings for one SLO");
	if (!(r->argv[r->argc] = strdup(s)))
		return fail(x, n, field, "out of memory");
	r->argc++;
	return 0;
}

static int run_opt(struct cx *x, struct slocfg_run *r, const yaml_node_t *n, const char *field,
		   const char *opt, const char *value)
{
	if (run_arg(x, r, n, field, opt))
		return -1;
	return value ? run_arg(x, r, n, field, value) : 0;
}

static void run_free(struct slocfg_run *r)
{
	for (size_t i = 0; i < r->argc; i++)
		free(r->argv[i]);
	for (size_t i = 0; i < r->nfiles; i++)
		free(r->files[i]);
	free(r->tz);
	memset(r, 0, sizeof *r);
}

/* A deep copy of base, for another objective of the same SLO. */
static int run_copy(struct slocfg_run *to, const struct slocfg_run *from)
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
static int run_file(struct cx *x, struct slocfg_run *r, const yaml_node_t *n, const char *field,
		    const char *name)
{
	const char *slash = strrchr(x->file, '/');
	size_t dl = slash && name[0] != '/' && strcmp(name, "-") != 0 ? (size_t)(slash - x->file) + 1
								      : 0;
	if (!*name)
		return fail(x, n, field, "an empty file name");
	if (r->nfiles == SLOCFG_MAX_FILES)
		return fail(x, n, field, "more than %d input files", SLOCFG_MAX_FILES);
	char *p = malloc(dl + strlen(name) + 1);
	if (!p)
		return fail(x, n, field, "out of memory");
	memcpy(p, x->file, dl);
	strcpy(p + dl, name);
	r->files[r->nfiles++] = p;
	return 0;
}

/* ---- values ---- */

/* A percentage "99.9" or "99.9%" into the --target form. */
static int percent_value(struct cx *x, const yaml_node_t *n, const char *field, char *pct,
			 size_t pctlen, int64_t *frac)
{
	const char *s;
	if (want_text(x, n, field, &s))
		return -1;
	if (num_parse_percent(s, frac) != NUM_OK)
		return fail(x, n, field, "expected a percentage strictly between 0 and 100 "
					 "(at most 7 decimals), got \"%s\"", s);
	num_format_percent(*frac, pct, pctlen);
	return 0;
}

/* A fraction strictly between 0 and 1 ("0.995"), as a percentage. */
static int fraction_value(struct cx *x, const yaml_node_t *n, const char *field, char *pct,
			  size_t pctlen, int64_t *frac)
{
	const char *s;
	if (want_text(x, n, field, &s))
		return -1;
	enum num_err e = num_parse_scaled(s, strlen(s), FRAC_DIGITS, frac);
	if (e == NUM_PRECISION)
		return fail(x, n, field, "at most 9 decimals, got \"%s\"", s);
	if (e != NUM_OK || *frac <= 0 || *frac >= FRAC_ONE)
		return fail(x, n, field, "expected a number between 0 and 1, got \"%s\"", s);
	num_format_percent(*frac, pct, pctlen);
	return 0;
}

static int duration_value(struct cx *x, const yaml_node_t *n, const char *field, int64_t *ns)
{
	const char *s;
	if (want_text(x, n, field, &s))
		return -1;
	if (duration_parse(s, ns) != NUM_OK)
		return fail(x, n, field, "expected a duration such as 30d, 1h30m or 250ms, got \"%s\"",
			    s);
	return 0;
}

/* Seconds as an option value ("2592000s"); windows are whole seconds. */
static void seconds_text(int64_t ns, char *buf, size_t len)
{
	char s[48];
	snprintf(buf, len, "%ss", duration_format_seconds(ns, s, sizeof s));
}

/* OpenSLO's duration shorthand: a positive whole number and one of
 * m h d w M Q Y (minutes, hours, days, weeks, months, quarters, years). */
static int shorthand(const char *s, uint64_t *count, char *unit)
{
	size_t l = strlen(s);
	if (l < 2 || !strchr("mhdwMQY", s[l - 1]) || s[0] == '0')
		return -1;
	if (num_parse_u64(s, l - 1, count) != NUM_OK || *count == 0 || *count > 100000)
		return -1;
	*unit = s[l - 1];
	return 0;
}

static int64_t shorthand_ns(uint64_t count, char unit)
{
	int64_t u = unit == 'm' ? NS_PER_MIN : unit == 'h' ? NS_PER_HOUR : unit == 'd' ? NS_PER_DAY
		  : unit == 'w' ? NS_PER_WEEK : unit == 'M' ? NS_PER_MONTH : unit == 'Q'
		  ? NS_PER_QUARTER : NS_PER_YEAR;
	return (int64_t)count * u;
}

/* ---- the input: native `input:` keys and OpenSLO `slo.input/` annotations ---- */

enum vtype { V_FILES, V_STR, V_FLAG, V_FORMAT, V_LOGFMT, V_DELIM, V_UNIT, V_STATUS, V_WHERE,
	     V_SAMPLES, V_DURATION };

static const struct input_key {
	const char *key; /* the native key, and the annotation's name */
	const char *opt; /* the `slo eval` option it stands for */
	enum vtype type;
} input_keys[] = {
	{"files", NULL, V_FILES},
	{"format", "--input", V_FORMAT},
	{"log-format", "--log-format", V_LOGFMT},
	{"time-col", "--time-col", V_STR},
	{"status-col", "--status-col", V_STR},
	{"latency-col", "--latency-col", V_STR},
	{"total-col", "--total-col", V_STR},
	{"bad-col", "--bad-col", V_STR},
	{"good-col", "--good-col", V_STR},
	{"end-col", "--end-col", V_STR},
	{"no-header", "--no-header", V_FLAG},
	{"delimiter", "--delimiter", V_DELIM},
	{"latency-unit", "--latency-unit", V_UNIT},
	{"status-field", "--status-field", V_STR},
	{"latency-field", "--latency-field", V_STR},
	{"time-field", "--time-field", V_STR},
	{"total-series", "--total-series", V_STR},
	{"bad-series", "--bad-series", V_STR},
	{"good-series", "--good-series", V_STR},
	{"bad-status", "--bad-status", V_STATUS},
	{"where", "--where", V_WHERE},
	{"group-by", "--group-by", V_STR},
	{"samples", NULL, V_SAMPLES},
	{"interval", "--interval", V_DURATION},
};
#define NINPUT (sizeof input_keys / sizeof input_keys[0])

static const struct input_key *input_key(const char *k)
{
	for (size_t i = 0; i < NINPUT; i++)
		if (strcmp(input_keys[i].key, k) == 0)
			return &input_keys[i];
	return NULL;
}

static void input_key_list(char *buf, size_t len, const char *prefix)
{
	buf[0] = '\0';
	for (size_t i = 0; i < NINPUT; i++) {
		size_t l = strlen(buf);
		snprintf(buf + l, len - l, "%s%s%s", i ? ", " : "", prefix, input_keys[i].key);
	}
}

/* What an SLO's input says beyond options. */
struct input_state {
	bool any;         /* some input setting was given */
	bool uptime;      /* samples: the objective is of time */
	bool has_files;
};

/* One item of an input setting: text, from node n (for the line). */
static int input_item(struct cx *x, struct slocfg_run *r, struct input_state *st,
		      const struct input_key *k, const yaml_node_t *n, const char *field,
		      const char *v)
{
	char why[256] = "";
	int64_t ns;

	switch (k->type) {
	case V_FILES:
		st->has_files = true;
		return run_file(x, r, n, field, v);
	case V_STR:
		if (!*v)
			return fail(x, n, field, "expected a name, got nothing");
		return run_opt(x, r, n, field, k->opt, v);
	case V_FLAG:
		if (strcmp(v, "true") == 0 || strcmp(v, "yes") == 0)
			return run_opt(x, r, n, field, k->opt, NULL);
		if (strcmp(v, "false") == 0 || strcmp(v, "no") == 0)
			return 0;
		return fail(x, n, field, "expected true or false, got \"%s\"", v);
	case V_FORMAT:
		if (x->c->ck.format && x->c->ck.format(v, why, sizeof why))
			return fail(x, n, field, "\"%s\" is not a format slo reads%s%s", v,
				    *why ? ": use one of " : "", why);
		return run_opt(x, r, n, field, k->opt, v);
	case V_LOGFMT:
		if (x->c->ck.log_format && x->c->ck.log_format(v, why, sizeof why))
			return fail(x, n, field, "%s", why);
		return run_opt(x, r, n, field, k->opt, v);
	case V_DELIM:
		if (strcmp(v, ",") && strcmp(v, ";") && strcmp(v, "tab") && strcmp(v, "\t"))
			return fail(x, n, field, "expected , ; or tab, got \"%s\"", v);
		return run_opt(x, r, n, field, k->opt, strcmp(v, "\t") == 0 ? "tab" : v);
	case V_UNIT:
		if (strcmp(v, "s") && strcmp(v, "ms") && strcmp(v, "us") && strcmp(v, "ns"))
			return fail(x, n, field, "expected s, ms, us or ns, got \"%s\"", v);
		return run_opt(x, r, n, field, k->opt, v);
	case V_STATUS: {
		struct status_set set;
		if (status_set_parse(&set, v, why, sizeof why))
			return fail(x, n, field, "\"%s\" is not a status code (100-599), a class such "
						 "as 5xx, or a range such as 500-504", why);
		return run_opt(x, r, n, field, k->opt, v);
	}
	case V_WHERE: {
		struct filter f = {0};
		int bad = filter_add(&f, v, why, sizeof why);
		filter_free(&f);
		if (bad)
			return fail(x, n, field, "%s", why);
		return run_opt(x, r, n, field, k->opt, v);
	}
	case V_SAMPLES:
		if (strcmp(v, "probes") && strcmp(v, "changes") && strcmp(v, "incidents"))
			return fail(x, n, field, "expected probes, changes or incidents, got \"%s\"", v);
		st->uptime = true;
		snprintf(why, sizeof why, "--%s", v);
		return run_opt(x, r, n, field, why, NULL);
	case V_DURATION:
		if (duration_parse(v, &ns) != NUM_OK)
			return fail(x, n, field, "expected a duration such as 1m or 30s, got \"%s\"", v);
		return run_opt(x, r, n, field, k->opt, v);
	}
	return 0;
}

/* A setting from a YAML node: a value, or a list for files and where. */
static int input_node(struct cx *x, struct slocfg_run *r, struct input_state *st,
		      const struct input_key *k, const yaml_node_t *n, const char *field)
{
	st->any = true;
	if (n->type == YAML_SEQUENCE_NODE && (k->type == V_FILES || k->type == V_WHERE)) {
		char f[256];
		int i = 0;
		for (yaml_node_item_t *it = n->data.sequence.items.start;
		     it < n->data.sequence.items.top; it++, i++) {
			const char *v;
			yaml_node_t *in = node(x, *it);
			pathf(f, sizeof f, "%s[%d]", field, i);
			if (want_text(x, in, f, &v) || input_item(x, r, st, k, in, f, v))
				return -1;
		}
		return 0;
	}
	const char *v;
	if (want_text(x, n, field, &v))
		return -1;
	return input_item(x, r, st, k, n, field, v);
}

/* An annotation's value: files are separated by commas, where conditions
 * by lines (annotations are strings). */
static int input_text(struct cx *x, struct slocfg_run *r, struct input_state *st,
		      const struct input_key *k, const yaml_node_t *n, const char *field,
		      const char *v)
{
	st->any = true;
	if (k->type != V_FILES && k->type != V_WHERE)
		return input_item(x, r, st, k, n, field, v);
	char sep = k->type == V_FILES ? ',' : '\n';
	char *copy = strdup(v), *p = copy;
	if (!copy)
		return fail(x, n, field, "out of memory");
	int rc = 0;
	while (p && !rc) {
		char *e = strchr(p, sep);
		if (e)
			*e = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		size_t l = strlen(p);
		while (l && (p[l - 1] == ' ' || p[l - 1] == '\t' || p[l - 1] == '\r'))
			p[--l] = '\0';
		if (*p)
			rc = input_item(x, r, st, k, n, field, p);
		p = e ? e + 1 : NULL;
	}
	free(copy);
	return rc;
}

static int zone_value(struct cx *x, struct slocfg_run *r, const yaml_node_t *n, const char *field)
{
	const char *s;
	char why[256] = "";
	if (want_text(x, n, field, &s))
		return -1;
	if (x->c->ck.zone && x->c->ck.zone(s, why, sizeof why))
		return fail(x, n, field, "\"%s\" is not a zone of the time zone database (an IANA "
					 "name such as Europe/Berlin, or UTC)", s);
	if (r->tz && strcmp(r->tz, s) != 0)
		return fail(x, n, field, "zone %s, and %s elsewhere: slo reads one zone an SLO", s,
			    r->tz);
	free(r->tz);
	if (!(r->tz = strdup(s)))
		return fail(x, n, field, "out of memory");
	return 0;
}

/* ---- slo's own format ---- */

static const char *const native_slo_keys[] = {
	"name", "description", "kind", "target", "threshold", "window", "tz", "budgeting", "slice",
	"slice-target", "exclude", "input", NULL};

/* A key of an SLO, or of defaults when the SLO has none; *from says
 * which, for messages. */
static yaml_node_t *native_get(struct cx *x, const yaml_node_t *slo, const yaml_node_t *defaults,
			       const char *key, bool *from_defaults)
{
	yaml_node_t *v = get(x, slo, key);
	*from_defaults = !v && defaults;
	return v ? v : get(x, defaults, key);
}

static int native_window(struct cx *x, struct slocfg_run *r, const yaml_node_t *n,
			 const char *field)
{
	char f[320], buf[64];
	int64_t ns;
	if (n->type == YAML_SCALAR_NODE) {
		const char *s = scalar(n);
		enum cal_kind k = cal_kind_parse(s);
		if (strcmp(s, "span") == 0)
			return 0;
		if (k != CAL_NONE && k != CAL_DAY && !(s[0] >= '0' && s[0] <= '9'))
			return run_opt(x, r, n, field, "--calendar", cal_kind_name(k));
		if (duration_parse(s, &ns) != NUM_OK)
			return fail(x, n, field, "expected a rolling duration such as 30d, a calendar "
						 "period (week, month, quarter, year) or span, got \"%s\"",
				    s);
		if (ns % NS_PER_S)
			return fail(x, n, field, "a window is whole seconds, got \"%s\"", s);
		seconds_text(ns, buf, sizeof buf);
		return run_opt(x, r, n, field, "--window", buf);
	}
	static const char *const keys[] = {"rolling", "calendar", "month", "quarter", "week", "from",
					   "to", NULL};
	if (want_type(x, n, field, YAML_MAPPING_NODE) || known_keys(x, n, field, keys))
		return -1;
	for (size_t i = 0; keys[i]; i++) {
		yaml_node_t *v = get(x, n, keys[i]);
		const char *s;
		if (!v)
			continue;
		pathf(f, sizeof f, "%s.%s", field, keys[i]);
		if (i == 0) {
			if (duration_value(x, v, f, &ns))
				return -1;
			if (ns % NS_PER_S)
				return fail(x, v, f, "a window is whole seconds");
			seconds_text(ns, buf, sizeof buf);
			if (run_opt(x, r, v, f, "--window", buf))
				return -1;
			continue;
		}
		if (want_text(x, v, f, &s))
			return -1;
		if (i == 1) {
			enum cal_kind k = cal_kind_parse(s);
			if (k == CAL_NONE || k == CAL_DAY)
				return fail(x, v, f, "expected week, month, quarter or year, got \"%s\"", s);
			if (run_opt(x, r, v, f, "--calendar", cal_kind_name(k)))
				return -1;
			continue;
		}
		if (i <= 4) {
			enum cal_kind k;
			int64_t a, b;
			if (cal_named(s, &k, &a, &b) != NUM_OK ||
			    k != (i == 2 ? CAL_MONTH : i == 3 ? CAL_QUARTER : CAL_WEEK))
				return fail(x, v, f, "expected a %s such as %s, got \"%s\"", keys[i],
					    i == 2 ? "2026-10" : i == 3 ? "2026-Q3" : "2026-W44", s);
		}
		snprintf(buf, sizeof buf, "--%s", keys[i]);
		if (run_opt(x, r, v, f, buf, s))
			return -1;
	}
	return 0;
}

static int native_slo(struct cx *x, const yaml_node_t *slo, const yaml_node_t *defaults, int idx)
{
	struct slocfg *c = x->c;
	char field[32], f[128], pct[48], buf[96];
	bool from_def;
	yaml_node_t *v;
	int64_t frac, ns;
	const char *s;

	pathf(field, sizeof field, "slos[%d]", idx);
	if (want_type(x, slo, field, YAML_MAPPING_NODE) || known_keys(x, slo, field, native_slo_keys))
		return -1;
	if (c->nruns == SLOCFG_MAX_RUNS)
		return fail(x, slo, field, "more than %d objectives", SLOCFG_MAX_RUNS);
	struct slocfg_run *r = &c->runs[c->nruns];
	memset(r, 0, sizeof *r);
	c->nruns++; /* freed with the rest, whatever happens */
	r->file = x->file;
	r->line = (unsigned)slo->start_mark.line + 1;
	r->format = SLOCFG_NATIVE;
	from_def = false;

#define FIELD(key) (pathf(f, sizeof f, "%s.%s", from_def ? "defaults" : field, key), f)
	if (!(v = get(x, slo, "name")))
		return fail(x, slo, field, "an SLO needs a name");
	if (want_text(x, v, FIELD("name"), &s))
		return -1;
	snprintf(r->slo, sizeof r->slo, "%s", s);
	snprintf(r->name, sizeof r->name, "%s", s);

	const char *kind = "events";
	yaml_node_t *thr = native_get(x, slo, defaults, "threshold", &from_def);
	if ((v = native_get(x, slo, defaults, "kind", &from_def))) {
		if (want_text(x, v, FIELD("kind"), &kind))
			return -1;
		if (strcmp(kind, "events") && strcmp(kind, "latency") && strcmp(kind, "uptime"))
			return fail(x, v, f, "expected events, latency or uptime, got \"%s\"", kind);
	} else if (thr) {
		kind = "latency";
	}
	if (!(v = native_get(x, slo, defaults, "target", &from_def)))
		return fail(x, slo, field, "an SLO needs a target, a percentage such as 99.9");
	if (percent_value(x, v, FIELD("target"), pct, sizeof pct, &frac))
		return -1;
	if (strcmp(kind, "latency") == 0) {
		if (!thr)
			return fail(x, slo, field, "a latency SLO needs a threshold, such as 300ms");
		if (duration_value(x, thr, FIELD("threshold"), &ns))
			return -1;
		snprintf(buf, sizeof buf, "%lldns:%s", (long long)ns, pct);
		if (run_opt(x, r, thr, f, "--latency", buf))
			return -1;
	} else {
		if (thr)
			return fail(x, thr, FIELD("threshold"), "a threshold is for kind: latency");
		if (run_opt(x, r, v, f, "--target", pct))
			return -1;
	}
	if ((v = native_get(x, slo, defaults, "window", &from_def)) &&
	    native_window(x, r, v, FIELD("window")))
		return -1;
	if ((v = native_get(x, slo, defaults, "tz", &from_def)) && zone_value(x, r, v, FIELD("tz")))
		return -1;
	bool sliced = false;
	if ((v = native_get(x, slo, defaults, "budgeting", &from_def))) {
		if (want_text(x, v, FIELD("budgeting"), &s))
			return -1;
		if (strcmp(s, "occurrences") && strcmp(s, "timeslices") && strcmp(s, "ratio-timeslices"))
			return fail(x, v, f, "expected occurrences, timeslices or ratio-timeslices, "
					     "got \"%s\"", s);
		sliced = strcmp(s, "occurrences") != 0;
		if (run_opt(x, r, v, f, "--budgeting", s))
			return -1;
	}
	if ((v = native_get(x, slo, defaults, "slice", &from_def))) {
		if (duration_value(x, v, FIELD("slice"), &ns))
			return -1;
		if (!sliced)
			return fail(x, v, f, "a slice is for budgeting: timeslices or ratio-timeslices");
		if (ns % NS_PER_MIN)
			return fail(x, v, f, "slices are whole minutes, got \"%s\"", scalar(v));
		if (run_opt(x, r, v, f, "--slice", scalar(v)))
			return -1;
	}
	if ((v = native_get(x, slo, defaults, "slice-target", &from_def))) {
		if (percent_value(x, v, FIELD("slice-target"), pct, sizeof pct, &frac))
			return -1;
		if (!sliced)
			return fail(x, v, f, "a slice target is for budgeting: timeslices or "
					     "ratio-timeslices");
		if (run_opt(x, r, v, f, "--slice-target", pct))
			return -1;
	}
	if ((v = native_get(x, slo, defaults, "exclude", &from_def))) {
		const char *ef = FIELD("exclude");
		if (v->type == YAML_SCALAR_NODE) {
			if (run_opt(x, r, v, ef, "--exclude", scalar(v)))
				return -1;
		} else {
			char ef2[300];
			int i = 0;
			if (want_type(x, v, ef, YAML_SEQUENCE_NODE))
				return -1;
			for (yaml_node_item_t *it = v->data.sequence.items.start;
			     it < v->data.sequence.items.top; it++, i++) {
				pathf(ef2, sizeof ef2, "%s[%d]", ef, i);
				if (want_text(x, node(x, *it), ef2, &s) ||
				    run_opt(x, r, node(x, *it), ef2, "--exclude", s))
					return -1;
			}
		}
	}
	/* the input: the SLO's keys, then the defaults' */
	struct input_state st = {0};
	yaml_node_t *in = get(x, slo, "input");
	yaml_node_t *din = get(x, defaults, "input");
	char known[600];
	input_key_list(known, sizeof known, "");
	for (int pass = 0; pass < 2; pass++) {
		yaml_node_t *m = pass ? din : in;
		const char *mf = pass ? "defaults.input" : NULL;
		char inf[64], kf[320];
		if (!m)
			continue;
		if (!mf) {
			pathf(inf, sizeof inf, "%s.input", field);
			mf = inf;
		}
		if (want_type(x, m, mf, YAML_MAPPING_NODE))
			return -1;
		for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
		     p++) {
			yaml_node_t *kn = node(x, p->key), *vn = node(x, p->value);
			const char *k = scalar(kn);
			const struct input_key *ik = k ? input_key(k) : NULL;
			pathf(kf, sizeof kf, "%s.%s", mf, k ? k : "?");
			if (!ik)
				return fail(x, kn, mf, "unknown key \"%s\" (known: %s)", k ? k : "?", known);
			/* the SLO's own setting wins over the default */
			if (pass && get(x, in, k))
				continue;
			if (is_null(vn))
				continue;
			if (input_node(x, r, &st, ik, vn, kf))
				return -1;
		}
	}
	if (st.uptime != (strcmp(kind, "uptime") == 0))
		return fail(x, slo, field, st.uptime ? "input samples are for kind: uptime"
						     : "kind: uptime needs input samples: probes, "
						       "changes or incidents");
#undef FIELD
	return 0;
}

static int native_doc(struct cx *x, const yaml_node_t *root)
{
	static const char *const keys[] = {"version", "defaults", "slos", NULL};
	yaml_node_t *v, *defaults, *slos;
	if (known_keys(x, root, "(top)", keys))
		return -1;
	if ((v = get(x, root, "version")) && (!scalar(v) || strcmp(scalar(v), "1") != 0))
		return fail(x, v, "version", "expected 1, got \"%s\"", scalar(v) ? scalar(v) : "?");
	if ((defaults = get(x, root, "defaults"))) {
		if (want_type(x, defaults, "defaults", YAML_MAPPING_NODE) ||
		    known_keys(x, defaults, "defaults", native_slo_keys + 1))
			return -1;
	}
	if (!(slos = get(x, root, "slos")))
		return fail(x, root, "slos", "expected a list of SLOs");
	if (want_type(x, slos, "slos", YAML_SEQUENCE_NODE))
		return -1;
	int i = 0;
	for (yaml_node_item_t *it = slos->data.sequence.items.start;
	     it < slos->data.sequence.items.top; it++, i++)
		if (native_slo(x, node(x, *it), defaults, i))
			return -1;
	return 0;
}

/* ---- annotations (OpenSLO metadata, sloth extension) ---- */

struct ann {
	const char *key, *value;
	const yaml_node_t *n;
	struct cx *x; /* its document */
	char field[320];
};

/* Collects the slo.input/ annotations of a mapping of annotations; a
 * later one of the same key replaces an earlier. */
static int collect_ann(struct cx *x, const yaml_node_t *map, const char *field, struct ann *a,
		       size_t *na)
{
	if (!map)
		return 0;
	if (want_type(x, map, field, YAML_MAPPING_NODE))
		return -1;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *kn = node(x, p->key), *vn = node(x, p->value);
		const char *k = scalar(kn);
		char f[320];
		if (!k || strncmp(k, ANN_PREFIX, strlen(ANN_PREFIX)) != 0)
			continue;
		pathf(f, sizeof f, "%s.\"%s\"", field, k);
		const char *v;
		if (want_text(x, vn, f, &v))
			return -1;
		size_t i = 0;
		while (i < *na && strcmp(a[i].key, k) != 0)
			i++;
		if (i == MAX_ANN)
			return fail(x, kn, f, "more than %d slo annotations", MAX_ANN);
		a[i] = (struct ann){.key = k, .value = v, .n = vn, .x = x};
		pathf(a[i].field, sizeof a[i].field, "%s", f);
		if (i == *na)
			(*na)++;
	}
	return 0;
}

/* Applies annotations to a run; value-unit and tz come back apart. */
static int apply_ann(struct slocfg_run *r, struct input_state *st, const struct ann *a, size_t na,
		     const struct ann **value_unit)
{
	char known[700];
	*value_unit = NULL;
	for (size_t i = 0; i < na; i++) {
		const char *name = a[i].key + strlen(ANN_PREFIX);
		const struct input_key *k = input_key(name);
		struct cx *x = a[i].x;
		st->any = true;
		if (strcmp(name, "value-unit") == 0) {
			*value_unit = &a[i];
			continue;
		}
		if (strcmp(name, "tz") == 0) {
			if (zone_value(x, r, a[i].n, a[i].field))
				return -1;
			continue;
		}
		if (!k) {
			input_key_list(known, sizeof known, ANN_PREFIX);
			return fail(x, a[i].n, a[i].field, "unknown slo annotation (known: %s, "
							   ANN_PREFIX "value-unit, " ANN_PREFIX "tz)",
				    known);
		}
		if (input_text(x, r, st, k, a[i].n, a[i].field, a[i].value))
			return -1;
	}
	return 0;
}

/* ---- OpenSLO v1 ---- */

/* The metric source's type, for messages: "a Prometheus query". */
static const char *source_type(struct cx *x, const yaml_node_t *metric)
{
	static const char *const parts[] = {"good", "bad", "total", "raw", NULL};
	yaml_node_t *ms = get(x, metric, "metricSource");
	for (size_t i = 0; !ms && parts[i]; i++)
		ms = get(x, get(x, metric, parts[i]), "metricSource");
	const char *t = scalar(get(x, ms, "type"));
	if (!t)
		t = scalar(get(x, ms, "metricSourceRef"));
	return t ? t : "metric";
}

static int openslo_window(struct cx *x, struct slocfg_run *r, const yaml_node_t *tw)
{
	const char *field = "spec.timeWindow";
	char f[128], buf[64];
	if (want_type(x, tw, field, YAML_SEQUENCE_NODE))
		return -1;
	if (tw->data.sequence.items.top - tw->data.sequence.items.start != 1)
		return fail(x, tw, field, "expected exactly one time window");
	yaml_node_t *w = node(x, *tw->data.sequence.items.start);
	if (want_type(x, w, "spec.timeWindow[0]", YAML_MAPPING_NODE))
		return -1;
	yaml_node_t *dn = get(x, w, "duration"), *rn = get(x, w, "isRolling"),
		    *cn = get(x, w, "calendar");
	const char *d, *rolling = rn ? scalar(rn) : NULL;
	uint64_t count;
	char unit;
	if (!dn)
		return fail(x, w, "spec.timeWindow[0].duration", "a time window needs a duration");
	if (want_text(x, dn, "spec.timeWindow[0].duration", &d))
		return -1;
	if (shorthand(d, &count, &unit))
		return fail(x, dn, "spec.timeWindow[0].duration", "expected a duration shorthand such "
			    "as 28d, 4w or 1M (m h d w M Q Y), got \"%s\"", d);
	if (rn && (!rolling || (strcmp(rolling, "true") && strcmp(rolling, "false"))))
		return fail(x, rn, "spec.timeWindow[0].isRolling", "expected true or false");
	bool is_rolling = rolling ? strcmp(rolling, "true") == 0 : !cn;
	if (is_rolling) {
		if (cn)
			return fail(x, cn, "spec.timeWindow[0].calendar",
				    "a calendar is for isRolling: false");
		seconds_text(shorthand_ns(count, unit), buf, sizeof buf);
		return run_opt(x, r, dn, "spec.timeWindow[0].duration", "--window", buf);
	}
	if (!cn)
		return fail(x, rn, "spec.timeWindow[0].isRolling",
			    "a window that is not rolling needs a calendar (startTime, timeZone)");
	if (want_type(x, cn, "spec.timeWindow[0].calendar", YAML_MAPPING_NODE))
		return -1;
	static const char *const names[] = {"week", "month", "quarter", "year"};
	int kind = unit == 'w' ? 0 : unit == 'M' ? 1 : unit == 'Q' ? 2 : unit == 'Y' ? 3 : -1;
	if (count != 1 || kind < 0)
		return fail(x, dn, "spec.timeWindow[0].duration",
			    "a calendar window of %s%s: slo's calendar windows are 1w, 1M, 1Q and "
			    "1Y", d, unit == 'm' ? " (m is minutes; M is months)" : "");
	yaml_node_t *zn = get(x, cn, "timeZone"), *sn = get(x, cn, "startTime");
	if (zn && zone_value(x, r, zn, "spec.timeWindow[0].calendar.timeZone"))
		return -1;
	if (sn) {
		/* slo's calendar periods start on the zone's calendar: the
		 * start time must fall on one of their starts */
		const char *s;
		int y, mo, dd, hh, mi, ss;
		char sep;
		pathf(f, sizeof f, "spec.timeWindow[0].calendar.startTime");
		if (want_text(x, sn, f, &s))
			return -1;
		if (sscanf(s, "%4d-%2d-%2d%c%2d:%2d:%2d", &y, &mo, &dd, &sep, &hh, &mi, &ss) != 7 ||
		    (sep != ' ' && sep != 'T') || mo < 1 || mo > 12 || dd < 1 || dd > 31)
			return fail(x, sn, f, "expected a date and time such as 2022-01-01 00:00:00, "
					      "got \"%s\"", s);
		int64_t days = ts_days_from_civil(y, mo, dd);
		int wd = (int)(((days % 7) + 7 + 3) % 7); /* 0 is Monday */
		bool at_midnight = hh == 0 && mi == 0 && ss == 0;
		bool aligned = at_midnight && (kind == 0   ? wd == 0
					       : kind == 1 ? dd == 1
					       : kind == 2 ? dd == 1 && (mo - 1) % 3 == 0
							   : dd == 1 && mo == 1);
		static const char *const starts[] = {"Mondays at 00:00",
						     "the 1st of a month at 00:00",
						     "the 1st of January, April, July or October at "
						     "00:00",
						     "the 1st of January at 00:00"};
		if (!aligned)
			return fail(x, sn, f, "%s: slo's calendar %ss start on %s (in the zone)", s,
				    names[kind], starts[kind]);
	}
	return run_opt(x, r, dn, "spec.timeWindow[0].duration", "--calendar", names[kind]);
}

/* Finds an SLI document by name in every file read. */
static int find_sli(struct slocfg *c, const char *name, struct cx *out)
{
	for (size_t i = 0; i < c->ndocs; i++) {
		struct cx y = {.c = c, .d = &c->docs[i].d, .file = c->docs[i].file};
		yaml_node_t *root = yaml_document_get_root_node(y.d);
		const char *api = scalar(get(&y, root, "apiVersion"));
		const char *kind = scalar(get(&y, root, "kind"));
		const char *n = scalar(get(&y, get(&y, root, "metadata"), "name"));
		if (api && kind && n && strcmp(api, "openslo/v1") == 0 && strcmp(kind, "SLI") == 0 &&
		    strcmp(n, name) == 0) {
			out->c = c;
			out->d = y.d;
			out->file = y.file;
			return 0;
		}
	}
	return -1;
}

static int openslo_slo(struct cx *x, const yaml_node_t *root)
{
	struct slocfg *c = x->c;
	yaml_node_t *meta = get(x, root, "metadata"), *spec = get(x, root, "spec"), *v;
	const char *name;
	char f[256], pct[48], buf[96];

	if (!meta)
		return fail(x, root, "metadata", "an SLO needs metadata with a name");
	if (!(v = get(x, meta, "name")))
		return fail(x, meta, "metadata.name", "an SLO needs a name");
	if (want_text(x, v, "metadata.name", &name))
		return -1;
	if (!spec)
		return fail(x, root, "spec", "an SLO needs a spec");
	if (want_type(x, spec, "spec", YAML_MAPPING_NODE))
		return -1;

	struct slocfg_run base;
	memset(&base, 0, sizeof base);
	base.file = x->file;
	base.line = (unsigned)root->start_mark.line + 1;
	base.format = SLOCFG_OPENSLO;
	snprintf(base.slo, sizeof base.slo, "%s", name);
	int rc = -1;

	/* the indicator: inline, or an SLI document of the same files */
	yaml_node_t *ind = get(x, spec, "indicator"), *ref = get(x, spec, "indicatorRef");
	struct cx ix = *x;
	const yaml_node_t *ispec;
	const char *iprefix = "spec.indicator.";
	if (ind && ref) {
		fail(x, ref, "spec.indicatorRef", "give indicator or indicatorRef, not both");
		goto out;
	}
	if (!ind && !ref) {
		fail(x, spec, "spec.indicator", "an SLO needs an indicator or an indicatorRef");
		goto out;
	}
	if (ref) {
		const char *rn;
		if (want_text(x, ref, "spec.indicatorRef", &rn))
			goto out;
		if (find_sli(c, rn, &ix)) {
			fail(x, ref, "spec.indicatorRef", "no SLI named \"%s\" (kind: SLI, "
				    "metadata.name) in the files read", rn);
			goto out;
		}
		ind = yaml_document_get_root_node(ix.d);
		iprefix = "";
	}
	if (want_type(&ix, ind, ref ? "(SLI)" : "spec.indicator", YAML_MAPPING_NODE))
		goto out;
	ispec = get(&ix, ind, "spec");
	pathf(f, sizeof f, "%sspec", iprefix);
	if (!ispec) {
		fail(&ix, ind, f, "an indicator needs a spec with a ratioMetric or thresholdMetric");
		goto out;
	}
	yaml_node_t *ratio = get(&ix, ispec, "ratioMetric"), *thresh = get(&ix, ispec, "thresholdMetric");
	if (!ratio == !thresh) {
		fail(&ix, ispec, f, "an indicator has a ratioMetric or a thresholdMetric (one)");
		goto out;
	}

	/* slo.input/ annotations: the indicator's, then the SLO's */
	struct ann ann[MAX_ANN];
	size_t nann = 0;
	pathf(f, sizeof f, "%smetadata.annotations", iprefix);
	if (collect_ann(&ix, get(&ix, get(&ix, ind, "metadata"), "annotations"), f, ann, &nann) ||
	    collect_ann(x, get(x, meta, "annotations"), "metadata.annotations", ann, &nann))
		goto out;
	if (nann == 0) {
		pathf(f, sizeof f, "%sspec.%s", iprefix, ratio ? "ratioMetric" : "thresholdMetric");
		fail(&ix, key_of(&ix, ispec, ratio ? "ratioMetric" : "thresholdMetric"), f, "a query of metric source \"%s\" that slo "
			    "cannot run: say which records to read with slo.input/ annotations "
			    "(slo(1), OpenSLO)", source_type(&ix, ratio ? ratio : thresh));
		goto out;
	}
	struct input_state st = {0};
	const struct ann *vu = NULL;
	if (apply_ann(&base, &st, ann, nann, &vu))
		goto out;
	if (st.uptime && thresh) {
		fail(&ix, thresh, "thresholdMetric", "uptime samples (slo.input/samples) have no "
			    "latency: use a ratioMetric");
		goto out;
	}
	int64_t value_unit = 0;
	if (vu) {
		const char *u = vu->value;
		value_unit = strcmp(u, "s") == 0 ? NS_PER_S : strcmp(u, "ms") == 0 ? NS_PER_MS
			   : strcmp(u, "us") == 0 ? NS_PER_US : strcmp(u, "ns") == 0 ? 1 : 0;
		if (!value_unit) {
			fail(vu->x, vu->n, vu->field, "expected s, ms, us or ns, got \"%s\"", u);
			goto out;
		}
	}

	if ((v = get(x, spec, "timeWindow")) && openslo_window(x, &base, v))
		goto out;
	const char *budgeting = "Occurrences";
	if ((v = get(x, spec, "budgetingMethod"))) {
		if (want_text(x, v, "spec.budgetingMethod", &budgeting))
			goto out;
		const char *opt = strcmp(budgeting, "Timeslices") == 0 ? "timeslices"
				  : strcmp(budgeting, "RatioTimeslices") == 0 ? "ratio-timeslices"
				  : NULL;
		if (!opt && strcmp(budgeting, "Occurrences") != 0) {
			fail(x, v, "spec.budgetingMethod", "expected Occurrences, Timeslices or "
				    "RatioTimeslices, got \"%s\"", budgeting);
			goto out;
		}
		if (opt && run_opt(x, &base, v, "spec.budgetingMethod", "--budgeting", opt))
			goto out;
	}
	bool sliced = strcmp(budgeting, "Occurrences") != 0;
	if ((v = get(x, spec, "alertPolicies")) &&
	    (v->type != YAML_SEQUENCE_NODE ||
	     v->data.sequence.items.top != v->data.sequence.items.start)) {
		fail(x, key_of(x, spec, "alertPolicies"), "spec.alertPolicies", "alert policies need an alerting backend; slo "
			    "reports burn-rate alerts with its own policy (--alert): leave them out");
		goto out;
	}

	/* the objectives: one run each */
	yaml_node_t *objs = get(x, spec, "objectives");
	if (!objs) {
		fail(x, spec, "spec.objectives", "an SLO needs objectives");
		goto out;
	}
	if (want_type(x, objs, "spec.objectives", YAML_SEQUENCE_NODE))
		goto out;
	size_t nobj = (size_t)(objs->data.sequence.items.top - objs->data.sequence.items.start);
	if (nobj == 0) {
		fail(x, objs, "spec.objectives", "an SLO needs objectives");
		goto out;
	}
	if (thresh && nobj > 1) {
		fail(x, objs, "spec.objectives", "a thresholdMetric has one objective (OpenSLO)");
		goto out;
	}
	for (size_t i = 0; i < nobj; i++) {
		yaml_node_t *o = node(x, objs->data.sequence.items.start[i]);
		char of[64];
		int64_t frac;
		pathf(of, sizeof of, "spec.objectives[%zu]", i);
		if (want_type(x, o, of, YAML_MAPPING_NODE))
			goto out;
		if (c->nruns == SLOCFG_MAX_RUNS) {
			fail(x, o, of, "more than %d objectives", SLOCFG_MAX_RUNS);
			goto out;
		}
		struct slocfg_run *r = &c->runs[c->nruns];
		if (run_copy(r, &base)) {
			run_free(r);
			fail(x, o, of, "out of memory");
			goto out;
		}
		c->nruns++; /* freed with the rest from here on */
		const char *oname = scalar(get(x, o, "displayName"));
		if (!oname)
			oname = scalar(get(x, o, "name"));
		if (nobj == 1)
			snprintf(r->name, sizeof r->name, "%s", name);
		else if (oname)
			snprintf(r->name, sizeof r->name, "%s: %s", name, oname);
		else
			snprintf(r->name, sizeof r->name, "%s: objectives[%zu]", name, i);

		yaml_node_t *t = get(x, o, "target"), *tp = get(x, o, "targetPercent");
		if (t && tp) {
			fail(x, tp, of, "give target or targetPercent, not both");
			goto out;
		}
		if (!t && !tp) {
			fail(x, o, of, "an objective needs a target (0 to 1) or a targetPercent");
			goto out;
		}
		pathf(f, sizeof f, "%s.%s", of, t ? "target" : "targetPercent");
		if (t ? fraction_value(x, t, f, pct, sizeof pct, &frac)
		      : percent_value(x, tp, f, pct, sizeof pct, &frac))
			goto out;
		yaml_node_t *opn = get(x, o, "op"), *valn = get(x, o, "value");
		if (thresh) {
			const char *op, *val;
			int64_t ns;
			pathf(f, sizeof f, "%s.op", of);
			if (!opn) {
				fail(x, o, f, "a threshold objective needs op (lt or lte) and value");
				goto out;
			}
			if (want_text(x, opn, f, &op))
				goto out;
			if (strcmp(op, "gt") == 0 || strcmp(op, "gte") == 0) {
				fail(x, opn, f, "%s counts values above the threshold as good; slo judges "
					       "latencies, good at or under it: use lt or lte", op);
				goto out;
			}
			if (strcmp(op, "lt") && strcmp(op, "lte")) {
				fail(x, opn, f, "expected lt, lte, gt or gte, got \"%s\"", op);
				goto out;
			}
			pathf(f, sizeof f, "%s.value", of);
			if (!valn) {
				fail(x, o, f, "a threshold objective needs a value");
				goto out;
			}
			if (want_text(x, valn, f, &val))
				goto out;
			if (!value_unit) {
				fail(x, valn, f, "%s has no unit: say it with the annotation "
						 ANN_PREFIX "value-unit: s, ms, us or ns", val);
				goto out;
			}
			if (num_parse_times(val, strlen(val), value_unit, &ns) != NUM_OK || ns <= 0) {
				fail(x, valn, f, "expected a positive number, got \"%s\"", val);
				goto out;
			}
			/* lt: good below the value; latencies are whole ns */
			if (strcmp(op, "lt") == 0)
				ns -= 1;
			if (ns <= 0) {
				fail(x, valn, f, "lt %s leaves no latency good", val);
				goto out;
			}
			snprintf(buf, sizeof buf, "%lldns:%s", (long long)ns, pct);
			if (run_opt(x, r, valn, f, "--latency", buf))
				goto out;
		} else {
			/* op is for thresholdMetric (OpenSLO): left alone on a ratio */
			if (valn) {
				pathf(f, sizeof f, "%s.value", of);
				fail(x, valn, f, "a value is for a thresholdMetric; this indicator is a "
						 "ratioMetric");
				goto out;
			}
			if (run_opt(x, r, t ? t : tp, f, "--target", pct))
				goto out;
		}
		yaml_node_t *sw = get(x, o, "timeSliceWindow"), *stn = get(x, o, "timeSliceTarget");
		if (sliced && !sw) {
			fail(x, o, of, "%s budgeting needs a timeSliceWindow", budgeting);
			goto out;
		}
		if (sw && sliced) {
			const char *w;
			uint64_t count, u64;
			char unit = 0;
			int64_t ns;
			pathf(f, sizeof f, "%s.timeSliceWindow", of);
			if (want_text(x, sw, f, &w))
				goto out;
			/* a bare number is minutes (OpenSLO) */
			if (num_parse_u64(w, strlen(w), &u64) == NUM_OK && u64 > 0 && u64 < 1000000)
				ns = (int64_t)u64 * NS_PER_MIN;
			else if (!shorthand(w, &count, &unit))
				ns = shorthand_ns(count, unit);
			else {
				fail(x, sw, f, "expected minutes or a duration shorthand such as 1m or "
					       "5m, got \"%s\"", w);
				goto out;
			}
			if (ns % NS_PER_MIN || (unit == 'M' || unit == 'Q' || unit == 'Y')) {
				fail(x, sw, f, "slices are whole minutes, got \"%s\"", w);
				goto out;
			}
			snprintf(buf, sizeof buf, "%lldm", (long long)(ns / NS_PER_MIN));
			if (run_opt(x, r, sw, f, "--slice", buf))
				goto out;
		}
		if (sliced && strcmp(budgeting, "Timeslices") == 0 && !stn) {
			fail(x, o, of, "Timeslices budgeting needs a timeSliceTarget");
			goto out;
		}
		if (stn && sliced) {
			pathf(f, sizeof f, "%s.timeSliceTarget", of);
			const char *st_s = scalar(stn);
			if (st_s && (strcmp(st_s, "1") == 0 || strcmp(st_s, "1.0") == 0)) {
				fail(x, stn, f, "1 (a slice good only when every event is) is not "
						"supported: slo's slice targets are below 1");
				goto out;
			}
			if (fraction_value(x, stn, f, pct, sizeof pct, &frac) ||
			    run_opt(x, r, stn, f, "--slice-target", pct))
				goto out;
		}
	}
	rc = 0;
out:
	run_free(&base);
	return rc;
}

static int openslo_doc(struct cx *x, const yaml_node_t *root)
{
	yaml_node_t *api = get(x, root, "apiVersion"), *kn = get(x, root, "kind");
	const char *a = scalar(api), *k = scalar(kn);
	if (!a || strcmp(a, "openslo/v1") != 0)
		return fail(x, api, "apiVersion", "\"%s\": slo reads openslo/v1 (and sloth's "
						  "prometheus/v1, and its own format)", a ? a : "?");
	if (!k)
		return fail(x, root, "kind", "an OpenSLO document needs a kind");
	if (strcmp(k, "SLO") == 0)
		return openslo_slo(x, root);
	/* SLIs are found through indicatorRef; the rest is not evaluated */
	static const char *const others[] = {"SLI", "DataSource", "Service", "AlertPolicy",
					     "AlertCondition", "AlertNotificationTarget", NULL};
	for (size_t i = 0; others[i]; i++)
		if (strcmp(k, others[i]) == 0)
			return 0;
	return fail(x, kn, "kind", "unknown OpenSLO kind \"%s\"", k);
}

/* ---- sloth prometheus/v1 ---- */

static int sloth_doc(struct cx *x, const yaml_node_t *root)
{
	struct slocfg *c = x->c;
	yaml_node_t *slos = get(x, root, "slos"), *v;
	const char *service = scalar(get(x, root, "service"));
	char field[64], f[256], pct[48], buf[64];
	int64_t frac;
	if (!slos)
		return fail(x, root, "slos", "expected a list of SLOs");
	if (want_type(x, slos, "slos", YAML_SEQUENCE_NODE))
		return -1;
	int i = 0;
	for (yaml_node_item_t *it = slos->data.sequence.items.start;
	     it < slos->data.sequence.items.top; it++, i++) {
		yaml_node_t *slo = node(x, *it);
		const char *name;
		pathf(field, sizeof field, "slos[%d]", i);
		if (want_type(x, slo, field, YAML_MAPPING_NODE))
			return -1;
		if (c->nruns == SLOCFG_MAX_RUNS)
			return fail(x, slo, field, "more than %d objectives", SLOCFG_MAX_RUNS);
		struct slocfg_run *r = &c->runs[c->nruns];
		memset(r, 0, sizeof *r);
		c->nruns++;
		r->file = x->file;
		r->line = (unsigned)slo->start_mark.line + 1;
		r->format = SLOCFG_SLOTH;
		pathf(f, sizeof f, "%s.name", field);
		if (!(v = get(x, slo, "name")))
			return fail(x, slo, f, "an SLO needs a name");
		if (want_text(x, v, f, &name))
			return -1;
		snprintf(r->slo, sizeof r->slo, "%s", name);
		if (service)
			snprintf(r->name, sizeof r->name, "%s/%s", service, name);
		else
			snprintf(r->name, sizeof r->name, "%s", name);
		/* sloth's objective is a percentage; 100 leaves no budget */
		pathf(f, sizeof f, "%s.objective", field);
		if (!(v = get(x, slo, "objective")))
			return fail(x, slo, f, "an SLO needs an objective (a percentage)");
		if (percent_value(x, v, f, pct, sizeof pct, &frac) ||
		    run_opt(x, r, v, f, "--target", pct))
			return -1;
		/* sloth's SLO period: 30 days unless its --default-slo-period
		 * says otherwise, which a file does not carry */
		seconds_text(30 * NS_PER_DAY, buf, sizeof buf);
		if (run_opt(x, r, slo, field, "--window", buf))
			return -1;
		yaml_node_t *sli = get(x, slo, "sli");
		pathf(f, sizeof f, "%s.sli", field);
		if (!sli)
			return fail(x, slo, f, "an SLO needs an sli");
		if (get(x, sli, "plugin"))
			return fail(x, get(x, sli, "plugin"), f, "a sloth plugin SLI is Prometheus "
				    "rules that slo cannot run");
		if (!get(x, sli, "events") && !get(x, sli, "raw"))
			return fail(x, key_of(x, slo, "sli"), f, "expected events or raw");
		/* slo.input/ annotations: the service's, then the SLO's (keys
		 * of slo's own, not of sloth's spec) */
		struct ann ann[MAX_ANN];
		size_t nann = 0;
		pathf(f, sizeof f, "%s.annotations", field);
		if (collect_ann(x, get(x, root, "annotations"), "annotations", ann, &nann) ||
		    collect_ann(x, get(x, slo, "annotations"), f, ann, &nann))
			return -1;
		if (nann == 0) {
			pathf(f, sizeof f, "%s.sli", field);
			return fail(x, key_of(x, slo, "sli"), f, "a Prometheus query that slo cannot run: say which "
				    "records to read with slo.input/ annotations (slo(1), sloth)");
		}
		struct input_state st = {0};
		const struct ann *vu;
		if (apply_ann(r, &st, ann, nann, &vu))
			return -1;
		if (vu)
			return fail(vu->x, vu->n, vu->field, "sloth objectives have no value: "
				    "value-unit is for OpenSLO thresholds");
	}
	return 0;
}

/* ---- files ---- */

struct slocfg *slocfg_new(const struct slocfg_checks *checks)
{
	struct slocfg *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->runs = calloc(SLOCFG_MAX_RUNS, sizeof *c->runs);
	if (!c->runs) {
		free(c);
		return NULL;
	}
	if (checks)
		c->ck = *checks;
	return c;
}

void slocfg_free(struct slocfg *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nruns; i++)
		run_free(&c->runs[i]);
	for (size_t i = 0; i < c->ndocs; i++)
		yaml_document_delete(&c->docs[i].d);
	for (size_t i = 0; i < c->nfiles; i++)
		free(c->files[i]);
	free(c->files);
	free(c->docs);
	free(c->runs);
	free(c);
}

static int load(struct slocfg *c, const char *name, yaml_parser_t *p, char *err, size_t errlen)
{
	char **nf = realloc(c->files, (c->nfiles + 1) * sizeof *nf);
	if (!nf) {
		snprintf(err, errlen, "%s: out of memory", name);
		return -1;
	}
	c->files = nf;
	if (!(c->files[c->nfiles] = strdup(name))) {
		snprintf(err, errlen, "%s: out of memory", name);
		return -1;
	}
	const char *file = c->files[c->nfiles++];
	size_t before = c->ndocs;
	for (;;) {
		if (c->ndocs == c->capdocs) {
			size_t cap = c->capdocs ? c->capdocs * 2 : 8;
			struct doc *d = realloc(c->docs, cap * sizeof *d);
			if (!d) {
				snprintf(err, errlen, "%s: out of memory", name);
				return -1;
			}
			c->docs = d;
			c->capdocs = cap;
		}
		struct doc *d = &c->docs[c->ndocs];
		if (!yaml_parser_load(p, &d->d)) {
			/* libyaml's marks count from 0 */
			const yaml_mark_t *m = p->problem_mark.line || p->problem_mark.column
						       ? &p->problem_mark : &p->context_mark;
			snprintf(err, errlen, "%s:%lu: not valid YAML: %s%s%s", file,
				 (unsigned long)m->line + 1, p->problem ? p->problem : "a syntax error",
				 p->context ? " " : "", p->context ? p->context : "");
			return -1;
		}
		d->file = file;
		if (!yaml_document_get_root_node(&d->d)) {
			/* the end of the stream */
			yaml_document_delete(&d->d);
			break;
		}
		c->ndocs++;
	}
	if (c->ndocs == before) {
		snprintf(err, errlen, "%s:1: the file holds no YAML document", file);
		return -1;
	}
	return 0;
}

int slocfg_add_text(struct slocfg *c, const char *name, const char *text, size_t len, char *err,
		    size_t errlen)
{
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		snprintf(err, errlen, "%s: out of memory", name);
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	int rc = load(c, name, &p, err, errlen);
	yaml_parser_delete(&p);
	return rc;
}

int slocfg_add_file(struct slocfg *c, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	yaml_parser_t p;
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (!yaml_parser_initialize(&p)) {
		fclose(f);
		snprintf(err, errlen, "%s: out of memory", path);
		return -1;
	}
	yaml_parser_set_input_file(&p, f);
	int rc = load(c, path, &p, err, errlen);
	if (rc == 0 && ferror(f)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	yaml_parser_delete(&p);
	fclose(f);
	return rc;
}

int slocfg_finish(struct slocfg *c, char *err, size_t errlen)
{
	for (size_t i = 0; i < c->ndocs; i++) {
		struct cx x = {.c = c, .d = &c->docs[i].d, .file = c->docs[i].file, .err = err,
			       .errlen = errlen};
		yaml_node_t *root = yaml_document_get_root_node(x.d);
		if (is_null(root))
			continue;
		if (root->type != YAML_MAPPING_NODE)
			return fail(&x, root, "(top)", "expected a mapping: slos: (slo's format), "
						       "apiVersion: openslo/v1, or version: "
						       "prometheus/v1 (sloth)");
		const char *version = scalar(get(&x, root, "version"));
		int rc;
		if (get(&x, root, "apiVersion"))
			rc = openslo_doc(&x, root);
		else if (version && strcmp(version, "prometheus/v1") == 0)
			rc = sloth_doc(&x, root);
		else if (get(&x, root, "slos"))
			rc = native_doc(&x, root);
		else
			rc = fail(&x, root, "(top)", "not an SLO file: expected slos: (slo's format), "
						     "apiVersion: openslo/v1, or version: "
						     "prometheus/v1 (sloth)");
		if (rc)
			return -1;
	}
	if (c->nruns == 0) {
		snprintf(err, errlen, "%s: no SLO to evaluate", c->nfiles ? c->files[0] : "(none)");
		return -1;
	}
	return 0;
}

size_t slocfg_count(const struct slocfg *c)
{
	return c->nruns;
}

const struct slocfg_run *slocfg_run(const struct slocfg *c, size_t i)
{
	return i < c->nruns ? &c->runs[i] : NULL;
}
