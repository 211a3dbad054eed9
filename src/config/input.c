/* How an SLO's records are read: the `input:` keys of slo's format and
 * the same as OpenSLO `slo.input/` annotations, each checked and turned
 * into the `slo eval` option of its name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/walk.h"
#include "input/filter.h"
#include "input/status.h"
#include "util/duration.h"
#include "util/num.h"

/* ---- the input: native `input:` keys and OpenSLO `slo.input/` annotations ---- */

enum vtype { V_FILES, V_STR, V_FLAG, V_FORMAT, V_LOGFMT, V_DELIM, V_UNIT, V_STATUS, V_WHERE,
	     V_SAMPLES, V_DURATION };

struct input_key {
	const char *key; /* the native key, and the annotation's name */
	const char *opt; /* the `slo eval` option it stands for */
	enum vtype type;
};

static const struct input_key input_keys[] = {
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

const struct input_key *cfg_input_key(const char *k)
{
	for (size_t i = 0; i < NINPUT; i++)
		if (strcmp(input_keys[i].key, k) == 0)
			return &input_keys[i];
	return NULL;
}

void cfg_input_key_list(char *buf, size_t len, const char *prefix)
{
	buf[0] = '\0';
	for (size_t i = 0; i < NINPUT; i++) {
		size_t l = strlen(buf);
		snprintf(buf + l, len - l, "%s%s%s", i ? ", " : "", prefix, input_keys[i].key);
	}
}

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
		return cfg_run_file(x, r, n, field, v);
	case V_STR:
		if (!*v)
			return cfg_fail(x, n, field, "expected a name, got nothing");
		return cfg_run_opt(x, r, n, field, k->opt, v);
	case V_FLAG:
		if (strcmp(v, "true") == 0 || strcmp(v, "yes") == 0)
			return cfg_run_opt(x, r, n, field, k->opt, NULL);
		if (strcmp(v, "false") == 0 || strcmp(v, "no") == 0)
			return 0;
		return cfg_fail(x, n, field, "expected true or false, got \"%s\"", v);
	case V_FORMAT:
		if (x->c->ck.format && x->c->ck.format(v, why, sizeof why))
			return cfg_fail(x, n, field, "\"%s\" is not a format slo reads%s%s", v,
				    *why ? ": use one of " : "", why);
		return cfg_run_opt(x, r, n, field, k->opt, v);
	case V_LOGFMT:
		if (x->c->ck.log_format && x->c->ck.log_format(v, why, sizeof why))
			return cfg_fail(x, n, field, "%s", why);
		return cfg_run_opt(x, r, n, field, k->opt, v);
	case V_DELIM:
		if (strcmp(v, ",") && strcmp(v, ";") && strcmp(v, "tab") && strcmp(v, "\t"))
			return cfg_fail(x, n, field, "expected , ; or tab, got \"%s\"", v);
		return cfg_run_opt(x, r, n, field, k->opt, strcmp(v, "\t") == 0 ? "tab" : v);
	case V_UNIT:
		if (strcmp(v, "s") && strcmp(v, "ms") && strcmp(v, "us") && strcmp(v, "ns"))
			return cfg_fail(x, n, field, "expected s, ms, us or ns, got \"%s\"", v);
		return cfg_run_opt(x, r, n, field, k->opt, v);
	case V_STATUS: {
		struct status_set set;
		if (status_set_parse(&set, v, why, sizeof why))
			return cfg_fail(x, n, field,
					"\"%s\" is not a status code (100-599), a class such "
					"as 5xx, or a range such as 500-504", why);
		return cfg_run_opt(x, r, n, field, k->opt, v);
	}
	case V_WHERE: {
		struct filter f = {0};
		int bad = filter_add(&f, v, why, sizeof why);
		filter_free(&f);
		if (bad)
			return cfg_fail(x, n, field, "%s", why);
		return cfg_run_opt(x, r, n, field, k->opt, v);
	}
	case V_SAMPLES:
		if (strcmp(v, "probes") && strcmp(v, "changes") && strcmp(v, "incidents"))
			return cfg_fail(x, n, field,
					"expected probes, changes or incidents, got \"%s\"", v);
		st->uptime = true;
		snprintf(why, sizeof why, "--%s", v);
		return cfg_run_opt(x, r, n, field, why, NULL);
	case V_DURATION:
		if (duration_parse(v, &ns) != NUM_OK)
			return cfg_fail(x, n, field,
					"expected a duration such as 1m or 30s, got \"%s\"", v);
		return cfg_run_opt(x, r, n, field, k->opt, v);
	}
	return 0;
}

/* A setting from a YAML node: a value, or a list for files and where. */
int cfg_input_node(struct cx *x, struct slocfg_run *r, struct input_state *st,
		   const struct input_key *k, const yaml_node_t *n, const char *field)
{
	st->any = true;
	if (n->type == YAML_SEQUENCE_NODE && (k->type == V_FILES || k->type == V_WHERE)) {
		char f[256];
		int i = 0;
		for (yaml_node_item_t *it = n->data.sequence.items.start;
		     it < n->data.sequence.items.top; it++, i++) {
			const char *v;
			yaml_node_t *in = cfg_node(x, *it);
			cfg_pathf(f, sizeof f, "%s[%d]", field, i);
			if (cfg_want_text(x, in, f, &v) || input_item(x, r, st, k, in, f, v))
				return -1;
		}
		return 0;
	}
	const char *v;
	if (cfg_want_text(x, n, field, &v))
		return -1;
	return input_item(x, r, st, k, n, field, v);
}

/* An annotation's value: files are separated by commas, where conditions
 * by lines (annotations are strings). */
int cfg_input_text(struct cx *x, struct slocfg_run *r, struct input_state *st,
		   const struct input_key *k, const yaml_node_t *n, const char *field,
		   const char *v)
{
	st->any = true;
	if (k->type != V_FILES && k->type != V_WHERE)
		return input_item(x, r, st, k, n, field, v);
	char sep = k->type == V_FILES ? ',' : '\n';
	char *copy = strdup(v), *p = copy;
	if (!copy)
		return cfg_fail(x, n, field, "out of memory");
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

int cfg_zone_value(struct cx *x, struct slocfg_run *r, const yaml_node_t *n, const char *field)
{
	const char *s;
	char why[256] = "";
	if (cfg_want_text(x, n, field, &s))
		return -1;
	if (x->c->ck.zone && x->c->ck.zone(s, why, sizeof why))
		return cfg_fail(x, n, field,
				"\"%s\" is not a zone of the time zone database (an IANA "
				"name such as Europe/Berlin, or UTC)", s);
	if (r->tz && strcmp(r->tz, s) != 0)
		return cfg_fail(x, n, field, "zone %s, and %s elsewhere: slo reads one zone an SLO",
				s,
				r->tz);
	free(r->tz);
	if (!(r->tz = strdup(s)))
		return cfg_fail(x, n, field, "out of memory");
	return 0;
}

/* ---- annotations (OpenSLO metadata, sloth extension) ---- */

/* Collects the slo.input/ annotations of a mapping of annotations; a
 * later one of the same key replaces an earlier. */
int cfg_collect_ann(struct cx *x, const yaml_node_t *map, const char *field, struct ann *a,
		    size_t *na)
{
	if (!map)
		return 0;
	if (cfg_want_type(x, map, field, YAML_MAPPING_NODE))
		return -1;
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *kn = cfg_node(x, p->key), *vn = cfg_node(x, p->value);
		const char *k = cfg_scalar(kn);
		char f[320];
		if (!k || strncmp(k, ANN_PREFIX, strlen(ANN_PREFIX)) != 0)
			continue;
		cfg_pathf(f, sizeof f, "%s.\"%s\"", field, k);
		const char *v;
		if (cfg_want_text(x, vn, f, &v))
			return -1;
		size_t i = 0;
		while (i < *na && strcmp(a[i].key, k) != 0)
			i++;
		if (i == MAX_ANN)
			return cfg_fail(x, kn, f, "more than %d slo annotations", MAX_ANN);
		a[i] = (struct ann){.key = k, .value = v, .n = vn, .x = x};
		cfg_pathf(a[i].field, sizeof a[i].field, "%s", f);
		if (i == *na)
			(*na)++;
	}
	return 0;
}

/* Applies annotations to a run; value-unit and tz come back apart. */
int cfg_apply_ann(struct slocfg_run *r, struct input_state *st, const struct ann *a, size_t na,
		  const struct ann **value_unit)
{
	char known[700];
	*value_unit = NULL;
	for (size_t i = 0; i < na; i++) {
		const char *name = a[i].key + strlen(ANN_PREFIX);
		const struct input_key *k = cfg_input_key(name);
		struct cx *x = a[i].x;
		st->any = true;
		if (strcmp(name, "value-unit") == 0) {
			*value_unit = &a[i];
			continue;
		}
		if (strcmp(name, "tz") == 0) {
			if (cfg_zone_value(x, r, a[i].n, a[i].field))
				return -1;
			continue;
		}
		if (!k) {
			cfg_input_key_list(known, sizeof known, ANN_PREFIX);
			return cfg_fail(x, a[i].n, a[i].field, "unknown slo annotation (known: %s, "
					ANN_PREFIX "value-unit, " ANN_PREFIX "tz)",
					known);
		}
		if (cfg_input_text(x, r, st, k, a[i].n, a[i].field, a[i].value))
			return -1;
	}
	return 0;
}
