/* sloth's prometheus/v1 service files: an events objective an SLO, over
 * sloth's default period of 30 days. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/walk.h"
#include "util/duration.h"
#include "util/num.h"

int cfg_sloth_doc(struct cx *x, const yaml_node_t *root)
{
	struct slocfg *c = x->c;
	yaml_node_t *slos = cfg_get(x, root, "slos"), *v;
	const char *service = cfg_scalar(cfg_get(x, root, "service"));
	char field[64], f[256], pct[48], buf[64];
	int64_t frac;
	if (!slos)
		return cfg_fail(x, root, "slos", "expected a list of SLOs");
	if (cfg_want_type(x, slos, "slos", YAML_SEQUENCE_NODE))
		return -1;
	int i = 0;
	for (yaml_node_item_t *it = slos->data.sequence.items.start;
	     it < slos->data.sequence.items.top; it++, i++) {
		yaml_node_t *slo = cfg_node(x, *it);
		const char *name;
		cfg_pathf(field, sizeof field, "slos[%d]", i);
		if (cfg_want_type(x, slo, field, YAML_MAPPING_NODE))
			return -1;
		if (c->nruns == SLOCFG_MAX_RUNS)
			return cfg_fail(x, slo, field, "more than %d objectives", SLOCFG_MAX_RUNS);
		struct slocfg_run *r = &c->runs[c->nruns];
		memset(r, 0, sizeof *r);
		c->nruns++;
		r->file = x->file;
		r->line = (unsigned)slo->start_mark.line + 1;
		r->format = SLOCFG_SLOTH;
		cfg_pathf(f, sizeof f, "%s.name", field);
		if (!(v = cfg_get(x, slo, "name")))
			return cfg_fail(x, slo, f, "an SLO needs a name");
		if (cfg_want_text(x, v, f, &name))
			return -1;
		snprintf(r->slo, sizeof r->slo, "%s", name);
		if (service)
			snprintf(r->name, sizeof r->name, "%s/%s", service, name);
		else
			snprintf(r->name, sizeof r->name, "%s", name);
		/* sloth's objective is a percentage; 100 leaves no budget */
		cfg_pathf(f, sizeof f, "%s.objective", field);
		if (!(v = cfg_get(x, slo, "objective")))
			return cfg_fail(x, slo, f, "an SLO needs an objective (a percentage)");
		if (cfg_percent_value(x, v, f, pct, sizeof pct, &frac) ||
		    cfg_run_opt(x, r, v, f, "--target", pct))
			return -1;
		/* sloth's SLO period: 30 days unless its --default-slo-period
		 * says otherwise, which a file does not carry */
		cfg_seconds_text(30 * NS_PER_DAY, buf, sizeof buf);
		if (cfg_run_opt(x, r, slo, field, "--window", buf))
			return -1;
		yaml_node_t *sli = cfg_get(x, slo, "sli");
		cfg_pathf(f, sizeof f, "%s.sli", field);
		if (!sli)
			return cfg_fail(x, slo, f, "an SLO needs an sli");
		if (cfg_get(x, sli, "plugin"))
			return cfg_fail(x, cfg_get(x, sli, "plugin"), f,
					"a sloth plugin SLI is Prometheus "
					"rules that slo cannot run");
		if (!cfg_get(x, sli, "events") && !cfg_get(x, sli, "raw"))
			return cfg_fail(x, cfg_key_of(x, slo, "sli"), f, "expected events or raw");
		/* slo.input/ annotations: the service's, then the SLO's (keys
		 * of slo's own, not of sloth's spec) */
		struct ann ann[MAX_ANN];
		size_t nann = 0;
		cfg_pathf(f, sizeof f, "%s.annotations", field);
		if (cfg_collect_ann(x, cfg_get(x, root, "annotations"), "annotations", ann,
				    &nann) ||
		    cfg_collect_ann(x, cfg_get(x, slo, "annotations"), f, ann, &nann))
			return -1;
		if (nann == 0) {
			cfg_pathf(f, sizeof f, "%s.sli", field);
			return cfg_fail(x, cfg_key_of(x, slo, "sli"), f,
					"a Prometheus query that slo cannot run: say which "
					"records to read with slo.input/ annotations (slo(1), sloth)");
		}
		struct input_state st = {0};
		const struct ann *vu;
		if (cfg_apply_ann(r, &st, ann, nann, &vu))
			return -1;
		if (vu)
			return cfg_fail(vu->x, vu->n, vu->field, "sloth objectives have no value: "
					"value-unit is for OpenSLO thresholds");
	}
	return 0;
}
