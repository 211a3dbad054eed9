/* slo's own SLO format: `slos:` and `defaults:`, every key the option of
 * its name (slo(1), CONFIGURATION). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/walk.h"
#include "util/calendar.h"
#include "util/duration.h"
#include "util/num.h"
#include "util/timestamp.h"

static const char *const native_slo_keys[] = {
	"name", "description", "kind", "target", "threshold", "window", "tz", "budgeting", "slice",
	"slice-target", "exclude", "input", NULL};

/* A key of an SLO, or of defaults when the SLO has none; *from says
 * which, for messages. */
static yaml_node_t *native_get(struct cx *x, const yaml_node_t *slo, const yaml_node_t *defaults,
			       const char *key, bool *from_defaults)
{
	yaml_node_t *v = cfg_get(x, slo, key);
	*from_defaults = !v && defaults;
	return v ? v : cfg_get(x, defaults, key);
}

static int native_window(struct cx *x, struct slocfg_run *r, const yaml_node_t *n,
			 const char *field)
{
	char f[320], buf[64];
	int64_t ns;
	if (n->type == YAML_SCALAR_NODE) {
		const char *s = cfg_scalar(n);
		enum cal_kind k = cal_kind_parse(s);
		if (strcmp(s, "span") == 0)
			return 0;
		if (k != CAL_NONE && k != CAL_DAY && !(s[0] >= '0' && s[0] <= '9'))
			return cfg_run_opt(x, r, n, field, "--calendar", cal_kind_name(k));
		if (duration_parse(s, &ns) != NUM_OK)
			return cfg_fail(x, n, field,
					"expected a rolling duration such as 30d, a calendar "
					"period (week, month, quarter, year) or span, got \"%s\"",
					s);
		if (ns % NS_PER_S)
			return cfg_fail(x, n, field, "a window is whole seconds, got \"%s\"", s);
		cfg_seconds_text(ns, buf, sizeof buf);
		return cfg_run_opt(x, r, n, field, "--window", buf);
	}
	static const char *const keys[] = {"rolling", "calendar", "month", "quarter", "week", "from",
					   "to", NULL};
	if (cfg_want_type(x, n, field, YAML_MAPPING_NODE) || cfg_known_keys(x, n, field, keys))
		return -1;
	int64_t from = 0;
	for (size_t i = 0; keys[i]; i++) {
		yaml_node_t *v = cfg_get(x, n, keys[i]);
		const char *s;
		if (!v)
			continue;
		cfg_pathf(f, sizeof f, "%s.%s", field, keys[i]);
		if (i == 0) {
			if (cfg_duration_value(x, v, f, &ns))
				return -1;
			if (ns % NS_PER_S)
				return cfg_fail(x, v, f, "a window is whole seconds");
			cfg_seconds_text(ns, buf, sizeof buf);
			if (cfg_run_opt(x, r, v, f, "--window", buf))
				return -1;
			continue;
		}
		if (cfg_want_text(x, v, f, &s))
			return -1;
		if (i == 1) {
			enum cal_kind k = cal_kind_parse(s);
			if (k == CAL_NONE || k == CAL_DAY)
				return cfg_fail(x, v, f,
						"expected week, month, quarter or year, got \"%s\"", s);
			if (cfg_run_opt(x, r, v, f, "--calendar", cal_kind_name(k)))
				return -1;
			continue;
		}
		if (i <= 4) {
			enum cal_kind k;
			int64_t a, b;
			if (cal_named(s, &k, &a, &b) != NUM_OK ||
			    k != (i == 2 ? CAL_MONTH : i == 3 ? CAL_QUARTER : CAL_WEEK))
				return cfg_fail(x, v, f, "expected a %s such as %s, got \"%s\"",
						keys[i],
						i == 2 ? "2026-10" : i == 3 ? "2026-Q3" : "2026-W44", s);
		}
		int64_t t;
		if (i > 4 && ts_parse(s, strlen(s), &t) != NUM_OK)
			return cfg_fail(x, v, f, "expected a time such as 2026-10-01 or "
					"2026-10-01T12:00:00Z, got \"%s\"", s);
		/* what slo eval's --from and --to refuse is refused here, where
		 * the file and line can be named */
		if (i > 4 && t % NS_PER_MIN)
			return cfg_fail(x, v, f, "window bounds are whole minutes, got \"%s\"", s);
		if (i == 5)
			from = t;
		if (i == 6 && cfg_get(x, n, "from") && t <= from)
			return cfg_fail(x, v, f, "\"%s\" is not after from \"%s\"", s,
					cfg_scalar(cfg_get(x, n, "from")));
		snprintf(buf, sizeof buf, "--%s", keys[i]);
		if (cfg_run_opt(x, r, v, f, buf, s))
			return -1;
	}
	return 0;
}

/* A maintenance period, START/END or START/DURATION, as --exclude takes
 * it (cli_period): one that ends where or before it starts is refused
 * here, naming the file and line, rather than by slo eval. */
static int exclusion(struct cx *x, const yaml_node_t *n, const char *field, const char *s)
{
	const char *slash = strchr(s, '/');
	int64_t start = 0, end = 0, len = 0;
	bool ok = slash && ts_parse(s, (size_t)(slash - s), &start) == NUM_OK;
	if (ok && ts_parse(slash + 1, strlen(slash + 1), &end) != NUM_OK) {
		ok = duration_parse(slash + 1, &len) == NUM_OK && start <= INT64_MAX - len;
		end = ok ? start + len : 0;
	}
	if (!ok)
		return cfg_fail(x, n, field, "expected START/END or START/DURATION, such as "
				"2026-10-01T02:00Z/2h, got \"%s\"", s);
	if (end <= start)
		return cfg_fail(x, n, field, "\"%s\" %s", s,
				end == start ? "is empty: it ends where it starts"
					     : "ends before it starts");
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

	cfg_pathf(field, sizeof field, "slos[%d]", idx);
	if (cfg_want_type(x, slo, field, YAML_MAPPING_NODE) ||
	    cfg_known_keys(x, slo, field, native_slo_keys))
		return -1;
	if (c->nruns == SLOCFG_MAX_RUNS)
		return cfg_fail(x, slo, field, "more than %d objectives", SLOCFG_MAX_RUNS);
	struct slocfg_run *r = &c->runs[c->nruns];
	memset(r, 0, sizeof *r);
	c->nruns++; /* freed with the rest, whatever happens */
	r->file = x->file;
	r->line = (unsigned)slo->start_mark.line + 1;
	r->format = SLOCFG_NATIVE;
	from_def = false;

#define FIELD(key) (cfg_pathf(f, sizeof f, "%s.%s", from_def ? "defaults" : field, key), f)
	if (!(v = cfg_get(x, slo, "name")))
		return cfg_fail(x, slo, field, "an SLO needs a name");
	if (cfg_want_text(x, v, FIELD("name"), &s))
		return -1;
	snprintf(r->slo, sizeof r->slo, "%s", s);
	snprintf(r->name, sizeof r->name, "%s", s);

	const char *kind = "events";
	yaml_node_t *thr = native_get(x, slo, defaults, "threshold", &from_def);
	if ((v = native_get(x, slo, defaults, "kind", &from_def))) {
		if (cfg_want_text(x, v, FIELD("kind"), &kind))
			return -1;
		if (strcmp(kind, "events") && strcmp(kind, "latency") && strcmp(kind, "uptime"))
			return cfg_fail(x, v, f, "expected events, latency or uptime, got \"%s\"",
					kind);
	} else if (thr) {
		kind = "latency";
	}
	if (!(v = native_get(x, slo, defaults, "target", &from_def)))
		return cfg_fail(x, slo, field, "an SLO needs a target, a percentage such as 99.9");
	if (cfg_percent_value(x, v, FIELD("target"), pct, sizeof pct, &frac))
		return -1;
	if (strcmp(kind, "latency") == 0) {
		if (!thr)
			return cfg_fail(x, slo, field,
					"a latency SLO needs a threshold, such as 300ms");
		if (cfg_duration_value(x, thr, FIELD("threshold"), &ns))
			return -1;
		snprintf(buf, sizeof buf, "%lldns:%s", (long long)ns, pct);
		if (cfg_run_opt(x, r, thr, f, "--latency", buf))
			return -1;
	} else {
		if (thr)
			return cfg_fail(x, thr, FIELD("threshold"),
					"a threshold is for kind: latency");
		if (cfg_run_opt(x, r, v, f, "--target", pct))
			return -1;
	}
	if ((v = native_get(x, slo, defaults, "window", &from_def)) &&
	    native_window(x, r, v, FIELD("window")))
		return -1;
	if ((v = native_get(x, slo, defaults, "tz", &from_def)) &&
	    cfg_zone_value(x, r, v, FIELD("tz")))
		return -1;
	bool sliced = false;
	if ((v = native_get(x, slo, defaults, "budgeting", &from_def))) {
		if (cfg_want_text(x, v, FIELD("budgeting"), &s))
			return -1;
		if (strcmp(s, "occurrences") && strcmp(s, "timeslices") &&
		    strcmp(s, "ratio-timeslices"))
			return cfg_fail(x, v, f,
					"expected occurrences, timeslices or ratio-timeslices, "
					"got \"%s\"", s);
		sliced = strcmp(s, "occurrences") != 0;
		if (cfg_run_opt(x, r, v, f, "--budgeting", s))
			return -1;
	}
	if ((v = native_get(x, slo, defaults, "slice", &from_def))) {
		if (cfg_duration_value(x, v, FIELD("slice"), &ns))
			return -1;
		if (!sliced)
			return cfg_fail(x, v, f,
					"a slice is for budgeting: timeslices or ratio-timeslices");
		if (ns % NS_PER_MIN)
			return cfg_fail(x, v, f, "slices are whole minutes, got \"%s\"",
					cfg_scalar(v));
		if (cfg_run_opt(x, r, v, f, "--slice", cfg_scalar(v)))
			return -1;
	}
	if ((v = native_get(x, slo, defaults, "slice-target", &from_def))) {
		if (cfg_percent_value(x, v, FIELD("slice-target"), pct, sizeof pct, &frac))
			return -1;
		if (!sliced)
			return cfg_fail(x, v, f, "a slice target is for budgeting: timeslices or "
					"ratio-timeslices");
		if (cfg_run_opt(x, r, v, f, "--slice-target", pct))
			return -1;
	}
	if ((v = native_get(x, slo, defaults, "exclude", &from_def))) {
		const char *ef = FIELD("exclude");
		if (v->type == YAML_SCALAR_NODE) {
			if (exclusion(x, v, ef, cfg_scalar(v)) ||
			    cfg_run_opt(x, r, v, ef, "--exclude", cfg_scalar(v)))
				return -1;
		} else {
			char ef2[300];
			int i = 0;
			if (cfg_want_type(x, v, ef, YAML_SEQUENCE_NODE))
				return -1;
			for (yaml_node_item_t *it = v->data.sequence.items.start;
			     it < v->data.sequence.items.top; it++, i++) {
				cfg_pathf(ef2, sizeof ef2, "%s[%d]", ef, i);
				if (cfg_want_text(x, cfg_node(x, *it), ef2, &s) ||
				    exclusion(x, cfg_node(x, *it), ef2, s) ||
				    cfg_run_opt(x, r, cfg_node(x, *it), ef2, "--exclude", s))
					return -1;
			}
		}
	}
	/* the input: the SLO's keys, then the defaults' */
	struct input_state st = {0};
	yaml_node_t *in = cfg_get(x, slo, "input");
	yaml_node_t *din = cfg_get(x, defaults, "input");
	char known[600];
	cfg_input_key_list(known, sizeof known, "");
	for (int pass = 0; pass < 2; pass++) {
		yaml_node_t *m = pass ? din : in;
		const char *mf = pass ? "defaults.input" : NULL;
		char inf[64], kf[320];
		if (!m)
			continue;
		if (!mf) {
			cfg_pathf(inf, sizeof inf, "%s.input", field);
			mf = inf;
		}
		if (cfg_want_type(x, m, mf, YAML_MAPPING_NODE))
			return -1;
		for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
		     p++) {
			yaml_node_t *kn = cfg_node(x, p->key), *vn = cfg_node(x, p->value);
			const char *k = cfg_scalar(kn);
			const struct input_key *ik = k ? cfg_input_key(k) : NULL;
			cfg_pathf(kf, sizeof kf, "%s.%s", mf, k ? k : "?");
			if (!ik)
				return cfg_fail(x, kn, mf, "unknown key \"%s\" (known: %s)",
						k ? k : "?", known);
			/* the SLO's own setting wins over the default */
			if (pass && cfg_get(x, in, k))
				continue;
			if (cfg_is_null(vn))
				continue;
			if (cfg_input_node(x, r, &st, ik, vn, kf))
				return -1;
		}
	}
	if (st.uptime != (strcmp(kind, "uptime") == 0))
		return cfg_fail(x, slo, field, st.uptime ? "input samples are for kind: uptime"
				: "kind: uptime needs input samples: probes, "
				"changes or incidents");
#undef FIELD
	return 0;
}

int cfg_native_doc(struct cx *x, const yaml_node_t *root)
{
	static const char *const keys[] = {"version", "defaults", "slos", NULL};
	yaml_node_t *v, *defaults, *slos;
	if (cfg_known_keys(x, root, "(top)", keys))
		return -1;
	if ((v = cfg_get(x, root, "version")) &&
	    (!cfg_scalar(v) || strcmp(cfg_scalar(v), "1") != 0))
		return cfg_fail(x, v, "version", "expected 1, got \"%s\"",
				cfg_scalar(v) ? cfg_scalar(v) : "?");
	if ((defaults = cfg_get(x, root, "defaults"))) {
		if (cfg_want_type(x, defaults, "defaults", YAML_MAPPING_NODE) ||
		    cfg_known_keys(x, defaults, "defaults", native_slo_keys + 1))
			return -1;
	}
	if (!(slos = cfg_get(x, root, "slos")))
		return cfg_fail(x, root, "slos", "expected a list of SLOs");
	if (cfg_want_type(x, slos, "slos", YAML_SEQUENCE_NODE))
		return -1;
	int i = 0;
	for (yaml_node_item_t *it = slos->data.sequence.items.start;
	     it < slos->data.sequence.items.top; it++, i++)
		if (native_slo(x, cfg_node(x, *it), defaults, i))
			return -1;
	return 0;
}
