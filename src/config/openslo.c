/* OpenSLO v1: SLO documents, their indicators (inline or an SLI
 * document), windows, budgeting methods and objectives, one run an
 * objective; what slo cannot evaluate is refused, naming the field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/walk.h"
#include "util/duration.h"
#include "util/num.h"
#include "util/timestamp.h"

/* The metric source's type, for messages: "a Prometheus query". */
static const char *source_type(struct cx *x, const yaml_node_t *metric)
{
	static const char *const parts[] = {"good", "bad", "total", "raw", NULL};
	yaml_node_t *ms = cfg_get(x, metric, "metricSource");
	for (size_t i = 0; !ms && parts[i]; i++)
		ms = cfg_get(x, cfg_get(x, metric, parts[i]), "metricSource");
	const char *t = cfg_scalar(cfg_get(x, ms, "type"));
	if (!t)
		t = cfg_scalar(cfg_get(x, ms, "metricSourceRef"));
	return t ? t : "metric";
}

static int openslo_window(struct cx *x, struct slocfg_run *r, const yaml_node_t *tw)
{
	const char *field = "spec.timeWindow";
	char f[128], buf[64];
	if (cfg_want_type(x, tw, field, YAML_SEQUENCE_NODE))
		return -1;
	if (tw->data.sequence.items.top - tw->data.sequence.items.start != 1)
		return cfg_fail(x, tw, field, "expected exactly one time window");
	yaml_node_t *w = cfg_node(x, *tw->data.sequence.items.start);
	if (cfg_want_type(x, w, "spec.timeWindow[0]", YAML_MAPPING_NODE))
		return -1;
	yaml_node_t *dn = cfg_get(x, w, "duration"), *rn = cfg_get(x, w, "isRolling"),
		    *cn = cfg_get(x, w, "calendar");
	const char *d, *rolling = rn ? cfg_scalar(rn) : NULL;
	uint64_t count;
	char unit;
	if (!dn)
		return cfg_fail(x, w, "spec.timeWindow[0].duration",
				"a time window needs a duration");
	if (cfg_want_text(x, dn, "spec.timeWindow[0].duration", &d))
		return -1;
	if (cfg_shorthand(d, &count, &unit))
		return cfg_fail(x, dn, "spec.timeWindow[0].duration",
				"expected a duration shorthand such "
				"as 28d, 4w or 1M (m h d w M Q Y), got \"%s\"", d);
	if (rn && (!rolling || (strcmp(rolling, "true") && strcmp(rolling, "false"))))
		return cfg_fail(x, rn, "spec.timeWindow[0].isRolling", "expected true or false");
	bool is_rolling = rolling ? strcmp(rolling, "true") == 0 : !cn;
	if (is_rolling) {
		if (cn)
			return cfg_fail(x, cn, "spec.timeWindow[0].calendar",
					"a calendar is for isRolling: false");
		cfg_seconds_text(cfg_shorthand_ns(count, unit), buf, sizeof buf);
		return cfg_run_opt(x, r, dn, "spec.timeWindow[0].duration", "--window", buf);
	}
	if (!cn)
		return cfg_fail(x, rn, "spec.timeWindow[0].isRolling",
				"a window that is not rolling needs a calendar (startTime, timeZone)");
	if (cfg_want_type(x, cn, "spec.timeWindow[0].calendar", YAML_MAPPING_NODE))
		return -1;
	static const char *const names[] = {"week", "month", "quarter", "year"};
	int kind = unit == 'w' ? 0 : unit == 'M' ? 1 : unit == 'Q' ? 2 : unit == 'Y' ? 3 : -1;
	if (count != 1 || kind < 0)
		return cfg_fail(x, dn, "spec.timeWindow[0].duration",
				"a calendar window of %s%s: slo's calendar windows are 1w, 1M, 1Q and "
				"1Y", d, unit == 'm' ? " (m is minutes; M is months)" : "");
	yaml_node_t *zn = cfg_get(x, cn, "timeZone"), *sn = cfg_get(x, cn, "startTime");
	if (zn && cfg_zone_value(x, r, zn, "spec.timeWindow[0].calendar.timeZone"))
		return -1;
	if (sn) {
		/* slo's calendar periods start on the zone's calendar: the
		 * start time must fall on one of their starts */
		const char *s;
		int y, mo, dd, hh, mi, ss;
		char sep;
		cfg_pathf(f, sizeof f, "spec.timeWindow[0].calendar.startTime");
		if (cfg_want_text(x, sn, f, &s))
			return -1;
		if (sscanf(s, "%4d-%2d-%2d%c%2d:%2d:%2d", &y, &mo, &dd, &sep, &hh, &mi, &ss) != 7 ||
		    (sep != ' ' && sep != 'T') || mo < 1 || mo > 12 || dd < 1 || dd > 31)
			return cfg_fail(x, sn, f,
					"expected a date and time such as 2022-01-01 00:00:00, "
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
						     /* one string: clang asks for the
						      * parentheses to be sure */
						     ("the 1st of January, April, July or October at "
						      "00:00"),
						     "the 1st of January at 00:00"};
		if (!aligned)
			return cfg_fail(x, sn, f,
					"%s: slo's calendar %ss start on %s (in the zone)", s,
					names[kind], starts[kind]);
	}
	return cfg_run_opt(x, r, dn, "spec.timeWindow[0].duration", "--calendar", names[kind]);
}

/* Finds an SLI document by name in every file read. */
static int find_sli(struct slocfg *c, const char *name, struct cx *out)
{
	for (size_t i = 0; i < c->ndocs; i++) {
		struct cx y = {.c = c, .d = &c->docs[i].d, .file = c->docs[i].file};
		yaml_node_t *root = yaml_document_get_root_node(y.d);
		const char *api = cfg_scalar(cfg_get(&y, root, "apiVersion"));
		const char *kind = cfg_scalar(cfg_get(&y, root, "kind"));
		const char *n = cfg_scalar(cfg_get(&y, cfg_get(&y, root, "metadata"), "name"));
		if (api && kind && n && strcmp(api, "openslo/v1") == 0 &&
		    strcmp(kind, "SLI") == 0 &&
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
	yaml_node_t *meta = cfg_get(x, root, "metadata"), *spec = cfg_get(x, root, "spec"), *v;
	const char *name;
	char f[256], pct[48], buf[96];

	if (!meta)
		return cfg_fail(x, root, "metadata", "an SLO needs metadata with a name");
	if (!(v = cfg_get(x, meta, "name")))
		return cfg_fail(x, meta, "metadata.name", "an SLO needs a name");
	if (cfg_want_text(x, v, "metadata.name", &name))
		return -1;
	if (!spec)
		return cfg_fail(x, root, "spec", "an SLO needs a spec");
	if (cfg_want_type(x, spec, "spec", YAML_MAPPING_NODE))
		return -1;

	struct slocfg_run base;
	memset(&base, 0, sizeof base);
	base.file = x->file;
	base.line = (unsigned)root->start_mark.line + 1;
	base.format = SLOCFG_OPENSLO;
	snprintf(base.slo, sizeof base.slo, "%s", name);
	int rc = -1;

	/* the indicator: inline, or an SLI document of the same files */
	yaml_node_t *ind = cfg_get(x, spec, "indicator"), *ref = cfg_get(x, spec, "indicatorRef");
	struct cx ix = *x;
	const yaml_node_t *ispec;
	const char *iprefix = "spec.indicator.";
	if (ind && ref) {
		cfg_fail(x, ref, "spec.indicatorRef", "give indicator or indicatorRef, not both");
		goto out;
	}
	if (!ind && !ref) {
		cfg_fail(x, spec, "spec.indicator", "an SLO needs an indicator or an indicatorRef");
		goto out;
	}
	if (ref) {
		const char *rn;
		if (cfg_want_text(x, ref, "spec.indicatorRef", &rn))
			goto out;
		if (find_sli(c, rn, &ix)) {
			cfg_fail(x, ref, "spec.indicatorRef", "no SLI named \"%s\" (kind: SLI, "
				 "metadata.name) in the files read", rn);
			goto out;
		}
		ind = yaml_document_get_root_node(ix.d);
		iprefix = "";
	}
	if (cfg_want_type(&ix, ind, ref ? "(SLI)" : "spec.indicator", YAML_MAPPING_NODE))
		goto out;
	ispec = cfg_get(&ix, ind, "spec");
	cfg_pathf(f, sizeof f, "%sspec", iprefix);
	if (!ispec) {
		cfg_fail(&ix, ind, f,
			 "an indicator needs a spec with a ratioMetric or thresholdMetric");
		goto out;
	}
	yaml_node_t *ratio = cfg_get(&ix, ispec, "ratioMetric");
	yaml_node_t *thresh = cfg_get(&ix, ispec, "thresholdMetric");
	if (!ratio == !thresh) {
		cfg_fail(&ix, ispec, f,
			 "an indicator has a ratioMetric or a thresholdMetric (one)");
		goto out;
	}

	/* slo.input/ annotations: the indicator's, then the SLO's */
	struct ann ann[MAX_ANN];
	size_t nann = 0;
	cfg_pathf(f, sizeof f, "%smetadata.annotations", iprefix);
	if (cfg_collect_ann(&ix, cfg_get(&ix, cfg_get(&ix, ind, "metadata"), "annotations"), f, ann,
			    &nann) ||
	    cfg_collect_ann(x, cfg_get(x, meta, "annotations"), "metadata.annotations", ann, &nann))
		goto out;
	if (nann == 0) {
		cfg_pathf(f, sizeof f, "%sspec.%s", iprefix,
			  ratio ? "ratioMetric" : "thresholdMetric");
		cfg_fail(&ix, cfg_key_of(&ix, ispec, ratio ? "ratioMetric" : "thresholdMetric"), f,
			 "a query of metric source \"%s\" that slo "
			 "cannot run: say which records to read with slo.input/ annotations "
			 "(slo(1), OpenSLO)", source_type(&ix, ratio ? ratio : thresh));
		goto out;
	}
	struct input_state st = {0};
	const struct ann *vu = NULL;
	if (cfg_apply_ann(&base, &st, ann, nann, &vu))
		goto out;
	if (st.uptime && thresh) {
		cfg_fail(&ix, thresh, "thresholdMetric",
			 "uptime samples (slo.input/samples) have no "
			 "latency: use a ratioMetric");
		goto out;
	}
	int64_t value_unit = 0;
	if (vu) {
		const char *u = vu->value;
		value_unit = strcmp(u, "s") == 0 ? NS_PER_S : strcmp(u, "ms") == 0 ? NS_PER_MS
			   : strcmp(u, "us") == 0 ? NS_PER_US : strcmp(u, "ns") == 0 ? 1 : 0;
		if (!value_unit) {
			cfg_fail(vu->x, vu->n, vu->field, "expected s, ms, us or ns, got \"%s\"",
				 u);
			goto out;
		}
	}

	if ((v = cfg_get(x, spec, "timeWindow")) && openslo_window(x, &base, v))
		goto out;
	const char *budgeting = "Occurrences";
	if ((v = cfg_get(x, spec, "budgetingMethod"))) {
		if (cfg_want_text(x, v, "spec.budgetingMethod", &budgeting))
			goto out;
		const char *opt = strcmp(budgeting, "Timeslices") == 0 ? "timeslices"
				  : strcmp(budgeting, "RatioTimeslices") == 0 ? "ratio-timeslices"
				  : NULL;
		if (!opt && strcmp(budgeting, "Occurrences") != 0) {
			cfg_fail(x, v, "spec.budgetingMethod",
				 "expected Occurrences, Timeslices or "
				 "RatioTimeslices, got \"%s\"", budgeting);
			goto out;
		}
		if (opt && cfg_run_opt(x, &base, v, "spec.budgetingMethod", "--budgeting", opt))
			goto out;
	}
	bool sliced = strcmp(budgeting, "Occurrences") != 0;
	if ((v = cfg_get(x, spec, "alertPolicies")) &&
	    (v->type != YAML_SEQUENCE_NODE ||
	     v->data.sequence.items.top != v->data.sequence.items.start)) {
		cfg_fail(x, cfg_key_of(x, spec, "alertPolicies"), "spec.alertPolicies",
			 "alert policies need an alerting backend; slo "
			 "reports burn-rate alerts with its own policy (--alert): leave them out");
		goto out;
	}

	/* the objectives: one run each */
	yaml_node_t *objs = cfg_get(x, spec, "objectives");
	if (!objs) {
		cfg_fail(x, spec, "spec.objectives", "an SLO needs objectives");
		goto out;
	}
	if (cfg_want_type(x, objs, "spec.objectives", YAML_SEQUENCE_NODE))
		goto out;
	size_t nobj = (size_t)(objs->data.sequence.items.top - objs->data.sequence.items.start);
	if (nobj == 0) {
		cfg_fail(x, objs, "spec.objectives", "an SLO needs objectives");
		goto out;
	}
	if (thresh && nobj > 1) {
		cfg_fail(x, objs, "spec.objectives",
			 "a thresholdMetric has one objective (OpenSLO)");
		goto out;
	}
	for (size_t i = 0; i < nobj; i++) {
		yaml_node_t *o = cfg_node(x, objs->data.sequence.items.start[i]);
		char of[64];
		int64_t frac;
		cfg_pathf(of, sizeof of, "spec.objectives[%zu]", i);
		if (cfg_want_type(x, o, of, YAML_MAPPING_NODE))
			goto out;
		if (c->nruns == SLOCFG_MAX_RUNS) {
			cfg_fail(x, o, of, "more than %d objectives", SLOCFG_MAX_RUNS);
			goto out;
		}
		struct slocfg_run *r = &c->runs[c->nruns];
		if (cfg_run_copy(r, &base)) {
			cfg_run_free(r);
			cfg_fail(x, o, of, "out of memory");
			goto out;
		}
		c->nruns++; /* freed with the rest from here on */
		const char *oname = cfg_scalar(cfg_get(x, o, "displayName"));
		if (!oname)
			oname = cfg_scalar(cfg_get(x, o, "name"));
		if (nobj == 1)
			snprintf(r->name, sizeof r->name, "%s", name);
		else if (oname)
			snprintf(r->name, sizeof r->name, "%s: %s", name, oname);
		else
			snprintf(r->name, sizeof r->name, "%s: objectives[%zu]", name, i);

		yaml_node_t *t = cfg_get(x, o, "target"), *tp = cfg_get(x, o, "targetPercent");
		if (t && tp) {
			cfg_fail(x, tp, of, "give target or targetPercent, not both");
			goto out;
		}
		if (!t && !tp) {
			cfg_fail(x, o, of,
				 "an objective needs a target (0 to 1) or a targetPercent");
			goto out;
		}
		cfg_pathf(f, sizeof f, "%s.%s", of, t ? "target" : "targetPercent");
		if (t ? cfg_fraction_value(x, t, f, pct, sizeof pct, &frac)
		    : cfg_percent_value(x, tp, f, pct, sizeof pct, &frac))
			goto out;
		yaml_node_t *opn = cfg_get(x, o, "op"), *valn = cfg_get(x, o, "value");
		if (thresh) {
			const char *op, *val;
			int64_t ns;
			cfg_pathf(f, sizeof f, "%s.op", of);
			if (!opn) {
				cfg_fail(x, o, f,
					 "a threshold objective needs op (lt or lte) and value");
				goto out;
			}
			if (cfg_want_text(x, opn, f, &op))
				goto out;
			if (strcmp(op, "gt") == 0 || strcmp(op, "gte") == 0) {
				cfg_fail(x, opn, f,
					 "%s counts values above the threshold as good; slo judges "
					 "latencies, good at or under it: use lt or lte", op);
				goto out;
			}
			if (strcmp(op, "lt") && strcmp(op, "lte")) {
				cfg_fail(x, opn, f, "expected lt, lte, gt or gte, got \"%s\"", op);
				goto out;
			}
			cfg_pathf(f, sizeof f, "%s.value", of);
			if (!valn) {
				cfg_fail(x, o, f, "a threshold objective needs a value");
				goto out;
			}
			if (cfg_want_text(x, valn, f, &val))
				goto out;
			if (!value_unit) {
				cfg_fail(x, valn, f, "%s has no unit: say it with the annotation "
					 ANN_PREFIX "value-unit: s, ms, us or ns", val);
				goto out;
			}
			if (num_parse_times(val, strlen(val), value_unit, &ns) != NUM_OK ||
			    ns <= 0) {
				cfg_fail(x, valn, f, "expected a positive number, got \"%s\"", val);
				goto out;
			}
			/* lt: good below the value; latencies are whole ns */
			if (strcmp(op, "lt") == 0)
				ns -= 1;
			if (ns <= 0) {
				cfg_fail(x, valn, f, "lt %s leaves no latency good", val);
				goto out;
			}
			snprintf(buf, sizeof buf, "%lldns:%s", (long long)ns, pct);
			if (cfg_run_opt(x, r, valn, f, "--latency", buf))
				goto out;
		} else {
			/* op is for thresholdMetric (OpenSLO): left alone on a ratio */
			if (valn) {
				cfg_pathf(f, sizeof f, "%s.value", of);
				cfg_fail(x, valn, f,
					 "a value is for a thresholdMetric; this indicator is a "
					 "ratioMetric");
				goto out;
			}
			if (cfg_run_opt(x, r, t ? t : tp, f, "--target", pct))
				goto out;
		}
		yaml_node_t *sw = cfg_get(x, o, "timeSliceWindow");
		yaml_node_t *stn = cfg_get(x, o, "timeSliceTarget");
		if (sliced && !sw) {
			cfg_fail(x, o, of, "%s budgeting needs a timeSliceWindow", budgeting);
			goto out;
		}
		if (sw && sliced) {
			const char *w;
			uint64_t count, u64;
			char unit = 0;
			int64_t ns;
			cfg_pathf(f, sizeof f, "%s.timeSliceWindow", of);
			if (cfg_want_text(x, sw, f, &w))
				goto out;
			/* a bare number is minutes (OpenSLO) */
			if (num_parse_u64(w, strlen(w), &u64) == NUM_OK && u64 > 0 && u64 < 1000000)
				ns = (int64_t)u64 * NS_PER_MIN;
			else if (!cfg_shorthand(w, &count, &unit))
				ns = cfg_shorthand_ns(count, unit);
			else {
				cfg_fail(x, sw, f,
					 "expected minutes or a duration shorthand such as 1m or "
					 "5m, got \"%s\"", w);
				goto out;
			}
			if (ns % NS_PER_MIN || (unit == 'M' || unit == 'Q' || unit == 'Y')) {
				cfg_fail(x, sw, f, "slices are whole minutes, got \"%s\"", w);
				goto out;
			}
			snprintf(buf, sizeof buf, "%lldm", (long long)(ns / NS_PER_MIN));
			if (cfg_run_opt(x, r, sw, f, "--slice", buf))
				goto out;
		}
		if (sliced && strcmp(budgeting, "Timeslices") == 0 && !stn) {
			cfg_fail(x, o, of, "Timeslices budgeting needs a timeSliceTarget");
			goto out;
		}
		if (stn && sliced) {
			cfg_pathf(f, sizeof f, "%s.timeSliceTarget", of);
			const char *st_s = cfg_scalar(stn);
			if (st_s && (strcmp(st_s, "1") == 0 || strcmp(st_s, "1.0") == 0)) {
				cfg_fail(x, stn, f,
					 "1 (a slice good only when every event is) is not "
					 "supported: slo's slice targets are below 1");
				goto out;
			}
			if (cfg_fraction_value(x, stn, f, pct, sizeof pct, &frac) ||
			    cfg_run_opt(x, r, stn, f, "--slice-target", pct))
				goto out;
		}
	}
	rc = 0;
out:
	cfg_run_free(&base);
	return rc;
}

int cfg_openslo_doc(struct cx *x, const yaml_node_t *root)
{
	yaml_node_t *api = cfg_get(x, root, "apiVersion"), *kn = cfg_get(x, root, "kind");
	const char *a = cfg_scalar(api), *k = cfg_scalar(kn);
	if (!a || strcmp(a, "openslo/v1") != 0)
		return cfg_fail(x, api, "apiVersion", "\"%s\": slo reads openslo/v1 (and sloth's "
				"prometheus/v1, and its own format)", a ? a : "?");
	if (!k)
		return cfg_fail(x, root, "kind", "an OpenSLO document needs a kind");
	if (strcmp(k, "SLO") == 0)
		return openslo_slo(x, root);
	/* SLIs are found through indicatorRef; the rest is not evaluated */
	static const char *const others[] = {"SLI", "DataSource", "Service", "AlertPolicy",
					     "AlertCondition", "AlertNotificationTarget", NULL};
	for (size_t i = 0; others[i]; i++)
		if (strcmp(k, others[i]) == 0)
			return 0;
	return cfg_fail(x, kn, "kind", "unknown OpenSLO kind \"%s\"", k);
}
