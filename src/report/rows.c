/* The rows of slo eval's results, taken as eval_json.c takes them. */
#include "report/rows.h"

#include <string.h>

static size_t shown_groups(const struct report_eval *r)
{
	return r->top && r->top < r->ngroups ? r->top : r->ngroups;
}

size_t rows_count(const struct report_eval *r)
{
	/* a time-based report has one objective, uptime */
	size_t per = r->time_based ? 1 : r->nobj;
	return r->group_by ? shown_groups(r) * per : per;
}

void rows_get(const struct report_eval *r, size_t k, struct report_row *row)
{
	size_t per = r->time_based ? 1 : r->nobj;
	const struct report_group *gr = r->group_by ? &r->groups[k / per] : NULL;
	size_t i = k % per;
	const struct objective *o = &r->obj[i];

	memset(row, 0, sizeof *row);
	row->name = o->name;
	row->group = gr ? gr->key : NULL;
	row->target = o->target;
	row->burn = !gr && r->has_burn ? &r->burn[i] : NULL;
	row->below = gr ? gr->below[i] : r->below[i];
	row->failed = gr ? gr->failed[i] : r->failed[i];
	if (r->time_based) {
		const struct report_time *tm = gr ? &gr->time : &r->time;
		row->kind = "time";
		row->time = true;
		row->up = tm->up;
		row->down = tm->down;
		row->unknown = tm->unknown;
		row->allowed_down = tm->b.allowed;
		row->has_data = tm->has_data;
		row->sli = tm->sli;
		row->consumed = tm->b.consumed;
		row->remaining = tm->b.remaining;
		row->burn_rate = tm->b.consumed;
		row->met = tm->has_data && tm->b.met;
		return;
	}
	const struct budget_events *b = gr ? &gr->budget[i] : &r->budget[i];
	row->kind = o->kind == OBJ_LATENCY ? "latency" : r->sliced_time ? "time" : "events";
	row->threshold = o->kind == OBJ_LATENCY ? o->threshold : 0;
	row->counts = true;
	row->total = b->total;
	row->good = b->good;
	row->bad = b->bad;
	row->allowed_bad_scaled = b->allowed_bad_scaled;
	row->has_data = b->has_data;
	row->sli = b->sli;
	row->consumed = b->consumed;
	row->remaining = b->remaining;
	row->burn_rate = b->burn_rate;
	row->met = b->has_data && b->met;
}

bool rows_all_ok(const struct report_eval *r)
{
	bool ok = true;
	for (size_t i = 0; i < r->nobj; i++)
		ok = ok && !r->failed[i];
	for (size_t g = 0; g < r->ngroups; g++)
		for (size_t i = 0; i < r->nobj; i++)
			ok = ok && !r->groups[g].failed[i];
	return ok;
}
