/* Groups of records: a hash table of evaluators. */
#include "eval/groups.h"

#include <stdlib.h>
#include <string.h>

struct group {
	char *key;
	struct evaluator *ev;
};

struct groups {
	struct objective obj[EVAL_MAX_OBJECTIVES];
	size_t nobj;
	int64_t window;
	struct group *list;  /* in order of first appearance */
	size_t n, limit;
	size_t *slots;       /* open addressing: index + 1 into list, 0 empty */
	size_t nslots;       /* a power of two, more than twice limit */
	size_t other;        /* index of "(other)" + 1, 0 while none */
	bool time_mode, changes, incidents;
	int64_t interval;
	bool bounded;
	int64_t b_start, b_end;
	enum cal_kind cal;
	int64_t excl[EVAL_MAX_EXCLUDED][2];
	size_t nexcl;
};

static uint64_t hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603u; /* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

struct groups *groups_new(const struct objective *objs, size_t n, int64_t window_ns,
			  size_t max_groups, size_t max_bytes, enum eval_err *err)
{
	struct evaluator *probe = eval_new(objs, n, window_ns, err);
	if (!probe)
		return NULL;
	size_t per = eval_memory(probe);
	eval_free(probe);
	size_t limit = per ? max_bytes / per : max_groups;
	if (limit > max_groups)
		limit = max_groups;
	if (limit < 1)
		limit = 1;

	struct groups *g = calloc(1, sizeof *g);
	if (!g) {
		*err = EVAL_NOMEM;
		return NULL;
	}
	memcpy(g->obj, objs, n * sizeof *objs);
	g->nobj = n;
	g->window = window_ns;
	g->limit = limit;
	g->nslots = 16;
	while (g->nslots < 2 * (limit + 1))
		g->nslots *= 2;
	g->slots = calloc(g->nslots, sizeof *g->slots);
	g->list = calloc(limit + 1, sizeof *g->list);
	if (!g->slots || !g->list) {
		groups_free(g);
		*err = EVAL_NOMEM;
		return NULL;
	}
	return g;
}

void groups_free(struct groups *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->n; i++) {
		free(g->list[i].key);
		eval_free(g->list[i].ev);
	}
	free(g->list);
	free(g->slots);
	free(g);
}

/* The group of a key, created when new; NULL when out of memory. */
static struct group *find(struct groups *g, const char *key, size_t len, enum eval_err *err)
{
	size_t mask = g->nslots - 1, i = (size_t)hash(key, len) & mask;
	for (; g->slots[i]; i = (i + 1) & mask) {
		struct group *gr = &g->list[g->slots[i] - 1];
		if (strlen(gr->key) == len && memcmp(gr->key, key, len) == 0)
			return gr;
	}
	if (g->n >= g->limit) {
		if (g->other)
			return &g->list[g->other - 1];
		key = GROUPS_OTHER;
		len = strlen(GROUPS_OTHER);
	}
	struct group *gr = &g->list[g->n];
	gr->key = malloc(len + 1);
	gr->ev = gr->key ? eval_new(g->obj, g->nobj, g->window, err) : NULL;
	if (!gr->ev) {
		free(gr->key);
		gr->key = NULL;
		*err = EVAL_NOMEM;
		return NULL;
	}
	memcpy(gr->key, key, len);
	gr->key[len] = '\0';
	if (g->incidents)
		eval_set_incidents(gr->ev);
	else if (g->time_mode)
		eval_set_time(gr->ev, g->interval, g->changes);
	for (size_t k = 0; k < g->nexcl; k++)
		eval_exclude(gr->ev, g->excl[k][0], g->excl[k][1]);
	if (g->bounded) {
		if (g->cal != CAL_NONE)
			eval_set_calendar(gr->ev, g->cal);
		else
			eval_set_bounds(gr->ev, g->b_start, g->b_end);
		/* bounded time is summed from the timeline */
		if ((g->time_mode || g->incidents) && eval_enable_timeline(gr->ev)) {
			*err = EVAL_NOMEM;
			return NULL;
		}
	}
	g->n++;
	if (g->n > g->limit)
		g->other = g->n; /* "(other)" is never looked up by its name */
	else
		g->slots[i] = g->n;
	return gr;
}

enum eval_err groups_add(struct groups *g, const char *key, size_t len,
			 const struct slo_record *r)
{
	enum eval_err err = EVAL_OK;
	struct group *gr = find(g, key, len, &err);
	return gr ? eval_add(gr->ev, r) : err;
}

void groups_set_time(struct groups *g, int64_t interval, bool changes)
{
	g->time_mode = true;
	g->interval = interval;
	g->changes = changes;
}

void groups_set_bounds(struct groups *g, int64_t start, int64_t end, enum cal_kind k)
{
	g->bounded = true;
	g->b_start = start;
	g->b_end = end;
	g->cal = k;
}

int groups_exclude(struct groups *g, int64_t start, int64_t end)
{
	if (g->nexcl == EVAL_MAX_EXCLUDED)
		return -1;
	g->excl[g->nexcl][0] = start;
	g->excl[g->nexcl][1] = end;
	g->nexcl++;
	return 0;
}

void groups_set_incidents(struct groups *g)
{
	g->incidents = true;
}

enum eval_err groups_finish(struct groups *g, int64_t until)
{
	enum eval_err first = EVAL_OK;
	for (size_t i = 0; i < g->n; i++) {
		enum eval_err e = eval_finish(g->list[i].ev, until);
		if (e != EVAL_OK && first == EVAL_OK)
			first = e;
	}
	return first;
}

void groups_close_at(struct groups *g, int64_t last)
{
	for (size_t i = 0; i < g->n; i++)
		eval_close_at(g->list[i].ev, last);
}

size_t groups_count(const struct groups *g)
{
	return g->n;
}

size_t groups_limit(const struct groups *g)
{
	return g->limit;
}

const char *groups_key(const struct groups *g, size_t i)
{
	return g->list[i].key;
}

void groups_result(const struct groups *g, size_t i, struct eval_result *out)
{
	eval_result(g->list[i].ev, out);
}

void groups_encode(const struct groups *g, struct bytes *b)
{
	bytes_put_u64(b, g->n);
	for (size_t i = 0; i < g->n; i++) {
		bytes_put_str(b, g->list[i].key);
		eval_encode(g->list[i].ev, b);
	}
}

enum eval_err groups_decode_merge(struct groups *g, struct bytes_reader *r)
{
	/* a group is at least its key's length and an evaluator's fields */
	uint64_t n = bytes_get_count(r, 12);
	char *key = malloc(GROUPS_KEY_MAX + 1);
	enum eval_err err = key ? EVAL_OK : EVAL_NOMEM;
	for (uint64_t i = 0; i < n && err == EVAL_OK; i++) {
		bytes_get_str(r, key, GROUPS_KEY_MAX + 1);
		if (r->bad) {
			err = EVAL_CORRUPT;
			break;
		}
		struct group *gr = find(g, key, strlen(key), &err);
		if (gr)
			err = eval_decode_merge(gr->ev, r);
	}
	if (r->bad && err == EVAL_OK)
		err = EVAL_CORRUPT;
	free(key);
	return err;
}

void groups_reset(struct groups *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->list[i].key);
		eval_free(g->list[i].ev);
	}
	memset(g->list, 0, (g->limit + 1) * sizeof *g->list);
	memset(g->slots, 0, g->nslots * sizeof *g->slots);
	g->n = 0;
	g->other = 0;
}
