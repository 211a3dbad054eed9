/* libFuzzer harness: saved state (slo eval --save-state, slo merge), read
 * by the file layer (cli/state.c: magic, version, options, counts, inputs,
 * checksum) and by the decoders under it (eval_decode_merge,
 * groups_decode_merge, the timeline's rows, the sketches, the varints).
 *
 * The first byte chooses the evaluator's settings, made as slo eval makes
 * them from its options (a state merges only into the settings it was
 * saved with, so each seed carries those of its run):
 *   bit 0      --latency 300ms beside --target 99 (and its percentiles)
 *   bits 1-2   no window; --window 1h, 90s (30 s buckets) or 1d
 *   bits 3-4   without a window: no bounds; --from 2026-10-01 --to
 *              2026-10-02; --calendar month; --from 2026-10-01 alone
 *   bit 5      --exclude 2026-10-01T02:00Z/2h
 *   bit 6      --group-by (no timeline then, as slo eval does)
 *   bit 7      with bit 6: 2 groups at most before "(other)", else 1000
 *              (slo eval allows 100000: tables of that size would make
 *              each run slow to set up)
 * The low two bits of the second byte say what the rest is:
 *   0  the body of a state file, from past its version to before its
 *      checksum: the harness adds magic, version and the right CRC-32, or
 *      the checksum would refuse nearly every input before the decoders
 *   1  a whole state file, as is
 *   2  states as eval_encode writes them, each followed by the groups
 *      flag and groups_encode's bytes (a file's tail): merged one after
 *      another into the same evaluator, as slo merge adds its files up
 *   3  as 0, the file merged twice (slo merge F F): the second merge
 *      finds a window already started, a calendar period already set
 *
 * Errors are fine.  Findings, beside crashes, leaks and sanitizer
 * reports: a merged state whose counts break an invariant (bad <= total
 * for every objective, group and timeline span; percentiles in order; a
 * window or span that ends after it starts); a state that does not
 * decode to what it encoded from (encode, decode, encode again: the same
 * bytes and results); in mode 2, a state that merges alone but is called
 * damaged after another, or a merge of decoded states (eval_merge) whose
 * results differ from decoding one into the other; in the file modes, a
 * saved file that does not merge back into the same file. */
#include <stdbool.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "cli/state.h"
#include "eval/evaluator.h"
#include "eval/groups.h"
#include "fuzz.h"
#include "util/bytes.h"
#include "util/duration.h"
#include "util/num.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* state.c says why a file is refused through cli_error: here the message
 * is formatted (so that a bad format or argument still shows) and
 * dropped, or every refused input would print a line into the log. */
void cli_error(const char *fmt, ...)
{
	char msg[8192];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	FUZZ_ASSERT(n > 0);
}

#define DAY1 (INT64_C(1790812800) * NS_PER_S) /* 2026-10-01T00:00:00Z */

struct setup {
	struct objective obj[2];
	size_t nobj;
	int64_t window;
	bool bounded;
	int64_t b_start, b_end;
	enum cal_kind cal;
	bool exclude;
	bool groups;
	size_t max_groups;
};

static struct setup setup_of(unsigned c)
{
	static const int64_t windows[] = {0, NS_PER_HOUR, 90 * NS_PER_S, NS_PER_DAY};
	struct setup s = {.obj = {{"availability", OBJ_EVENTS, 990000000, 0},
				  {"latency 300ms", OBJ_LATENCY, 990000000, 300 * NS_PER_MS}},
			  .nobj = c & 1 ? 2 : 1,
			  .window = windows[c >> 1 & 3],
			  .b_start = EVAL_OPEN_START,
			  .b_end = EVAL_OPEN_END,
			  .cal = CAL_NONE,
			  .exclude = c >> 5 & 1,
			  .groups = c >> 6 & 1,
			  .max_groups = c >> 7 ? 2 : 1000};
	if (!s.window) {
		switch (c >> 3 & 3) {
		case 1:
			s.bounded = true;
			s.b_start = DAY1;
			s.b_end = DAY1 + NS_PER_DAY;
			break;
		case 2:
			s.cal = CAL_MONTH;
			break;
		case 3:
			s.bounded = true;
			s.b_start = DAY1;
			break;
		}
	}
	return s;
}

/* The evaluator of all records, as slo eval sets it up. */
static struct evaluator *make_eval(const struct setup *s)
{
	enum eval_err err;
	struct evaluator *ev = eval_new(s->obj, s->nobj, s->window, &err);
	if (!ev)
		abort();
	if (s->exclude)
		eval_exclude(ev, DAY1 + 2 * NS_PER_HOUR, DAY1 + 4 * NS_PER_HOUR);
	if (s->bounded)
		eval_set_bounds(ev, s->b_start, s->b_end);
	else if (s->cal != CAL_NONE)
		eval_set_calendar(ev, s->cal);
	if (s->nobj > 1 && eval_enable_percentiles(ev, false))
		abort();
	if (!s->groups && eval_enable_timeline(ev))
		abort();
	return ev;
}

static struct groups *make_groups(const struct setup *s)
{
	if (!s->groups)
		return NULL;
	enum eval_err err;
	struct groups *g =
		groups_new(s->obj, s->nobj, s->window, s->max_groups, (size_t)1 << 29, &err);
	if (!g)
		abort();
	if (s->bounded || s->cal != CAL_NONE)
		groups_set_bounds(g, s->b_start, s->b_end, s->cal);
	if (s->exclude)
		groups_exclude(g, DAY1 + 2 * NS_PER_HOUR, DAY1 + 4 * NS_PER_HOUR);
	return g;
}

/* A state file's tail, as state_merge reads it. */
static enum eval_err decode_tail(struct evaluator *ev, struct groups *g, struct bytes_reader *r)
{
	enum eval_err e = eval_decode_merge(ev, r);
	if (e != EVAL_OK)
		return e;
	uint64_t has_groups = bytes_get_u64(r);
	if (r->bad)
		return EVAL_CORRUPT;
	if (has_groups != (g != NULL))
		return EVAL_MISMATCH;
	if (g)
		e = groups_decode_merge(g, r);
	return e == EVAL_OK && r->bad ? EVAL_CORRUPT : e;
}

static void encode_tail(const struct evaluator *ev, const struct groups *g, struct bytes *b)
{
	eval_encode(ev, b);
	bytes_put_u64(b, g != NULL);
	if (g)
		groups_encode(g, b);
	if (b->failed)
		abort();
}

static void check_result(const struct eval_result *res, size_t nobj)
{
	FUZZ_ASSERT(res->n == nobj);
	for (size_t i = 0; i < nobj; i++)
		FUZZ_ASSERT(res->obj[i].bad <= res->obj[i].total);
	if (res->has_span) {
		/* reports take the window's length */
		int64_t len;
		FUZZ_ASSERT(res->start <= res->end);
		FUZZ_ASSERT(!__builtin_sub_overflow(res->end, res->start, &len));
	}
}

static const int64_t ps[] = {0, 1, 500000000, 990000000, 999000000, FRAC_ONE};
#define NPS (sizeof ps / sizeof ps[0])

/* What can be asked of an evaluator, checked and kept for comparing. */
struct seen {
	struct eval_result res;
	int range[2];
	uint64_t total[2], bad[2];
	int pct;
	int64_t p[NPS];
	uint64_t count;
};

static void look(struct evaluator *ev, size_t nobj, struct seen *w)
{
	memset(w, 0, sizeof *w);
	eval_result(ev, &w->res);
	check_result(&w->res, nobj);
	/* the whole timeline: minute by minute bad <= total adds up to it */
	for (size_t i = 0; i < nobj; i++) {
		w->range[i] = eval_range(ev, i, INT64_MIN, INT64_MAX, &w->total[i], &w->bad[i]);
		if (w->range[i] == 0)
			FUZZ_ASSERT(w->bad[i] <= w->total[i]);
	}
	w->pct = eval_percentiles(ev, ps, NPS, w->p, &w->count);
	if (w->pct != 0)
		return;
	for (size_t k = 0; k < NPS; k++) {
		if (w->count == 0) {
			FUZZ_ASSERT(w->p[k] == -1);
			continue;
		}
		FUZZ_ASSERT(w->p[k] >= 0);
		FUZZ_ASSERT(k == 0 || w->p[k] >= w->p[k - 1]);
	}
}

static void check_groups(const struct groups *g, size_t nobj)
{
	if (!g)
		return;
	size_t n = groups_count(g);
	FUZZ_ASSERT(n <= groups_limit(g) + 1);
	for (size_t i = 0; i < n; i++) {
		struct eval_result res;
		const char *key = groups_key(g, i);
		FUZZ_ASSERT(key != NULL && strlen(key) <= GROUPS_KEY_MAX);
		groups_result(g, i, &res);
		check_result(&res, nobj);
	}
}

static bool same_results(const struct eval_result *a, const struct eval_result *b)
{
	if (a->n != b->n || a->has_span != b->has_span || a->used != b->used ||
	    a->excluded != b->excluded || a->excluded_ns != b->excluded_ns ||
	    a->outside_window != b->outside_window)
		return false;
	if (a->has_span && (a->start != b->start || a->end != b->end))
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (a->obj[i].total != b->obj[i].total || a->obj[i].bad != b->obj[i].bad)
			return false;
	return true;
}

static bool same_seen(const struct seen *a, const struct seen *b, size_t nobj)
{
	if (!same_results(&a->res, &b->res) || a->pct != b->pct)
		return false;
	for (size_t i = 0; i < nobj; i++)
		if (a->range[i] != b->range[i] ||
		    (a->range[i] == 0 && (a->total[i] != b->total[i] || a->bad[i] != b->bad[i])))
			return false;
	if (a->pct == 0 && (a->count != b->count || memcmp(a->p, b->p, sizeof a->p) != 0))
		return false;
	return true;
}

static void free_both(struct evaluator *ev, struct groups *g)
{
	eval_free(ev);
	groups_free(g);
}

/* Checks a merged state, and that it encodes to bytes that decode to it:
 * a fixed point after one round, in bytes and in what can be asked. */
static void check_and_round_trip(const struct setup *s, struct evaluator *a, struct groups *ga)
{
	struct seen wa, wb;
	look(a, s->nobj, &wa);
	check_groups(ga, s->nobj);

	struct bytes e1 = {0}, e2 = {0};
	encode_tail(a, ga, &e1);
	struct evaluator *b = make_eval(s);
	struct groups *gb = make_groups(s);
	struct bytes_reader r = {e1.p, e1.len, 0, false};
	enum eval_err e = decode_tail(b, gb, &r);
	FUZZ_ASSERT(e == EVAL_OK);
	FUZZ_ASSERT(r.pos == r.len);
	encode_tail(b, gb, &e2);
	FUZZ_ASSERT(e2.len == e1.len && memcmp(e1.p, e2.p, e1.len) == 0);
	look(b, s->nobj, &wb);
	FUZZ_ASSERT(same_seen(&wa, &wb, s->nobj));
	for (size_t i = 0; ga && i < groups_count(ga); i++) {
		struct eval_result ra, rb;
		FUZZ_ASSERT(i < groups_count(gb) && strcmp(groups_key(ga, i), groups_key(gb, i)) == 0);
		groups_result(ga, i, &ra);
		groups_result(gb, i, &rb);
		FUZZ_ASSERT(same_results(&ra, &rb));
	}
	FUZZ_ASSERT(!ga || groups_count(ga) == groups_count(gb));
	bytes_free(&e1);
	bytes_free(&e2);
	free_both(b, gb);
}

/* Mode 2: states one after another, each decoded alone first. */
static void merge_states(const struct setup *s, const uint8_t *p, size_t n)
{
	struct evaluator *acc = make_eval(s), *mem = s->groups ? NULL : make_eval(s);
	struct groups *gacc = make_groups(s);
	size_t pos = 0, merged = 0;
	bool ok = true;
	while (pos < n && merged < 4 && ok) {
		struct evaluator *one = make_eval(s);
		struct groups *gone = make_groups(s);
		struct bytes_reader r = {p, n, pos, false};
		enum eval_err e1 = decode_tail(one, gone, &r);
		if (e1 != EVAL_OK) {
			free_both(one, gone);
			ok = merged > 0; /* what was merged so far is whole */
			break;
		}
		size_t end = r.pos;
		check_and_round_trip(s, one, gone);
		/* the same bytes, merged after those before them: a state good
		 * on its own is not damaged for coming second */
		struct bytes_reader r2 = {p, end, pos, false};
		enum eval_err e2 = decode_tail(acc, gacc, &r2);
		FUZZ_ASSERT(e2 != EVAL_CORRUPT);
		if (e2 == EVAL_OK)
			FUZZ_ASSERT(r2.pos == end);
		if (mem) {
			/* and merged as evaluators, the same counts */
			enum eval_err em = eval_merge(mem, one);
			FUZZ_ASSERT((em == EVAL_OK) == (e2 == EVAL_OK));
			if (em == EVAL_OK && e2 == EVAL_OK) {
				struct seen wa, wm;
				look(acc, s->nobj, &wa);
				look(mem, s->nobj, &wm);
				FUZZ_ASSERT(same_seen(&wa, &wm, s->nobj));
			}
		}
		free_both(one, gone);
		ok = e2 == EVAL_OK;
		pos = end;
		merged++;
	}
	if (ok && merged)
		check_and_round_trip(s, acc, gacc);
	eval_free(mem);
	free_both(acc, gacc);
}

/* A directory of this process's own for the files state_save writes. */
static char out_dir[4096];

static void remove_out_dir(void)
{
	char f[4200];
	snprintf(f, sizeof f, "%s/1", out_dir);
	unlink(f);
	snprintf(f, sizeof f, "%s/2", out_dir);
	unlink(f);
	rmdir(out_dir);
}

static const char *out_path(int k)
{
	static char f[2][4200];
	if (!out_dir[0]) {
		const char *dir = getenv("TMPDIR");
		snprintf(out_dir, sizeof out_dir, "%s/slo-fuzz-state-XXXXXX",
			 dir && *dir ? dir : "/tmp");
		if (!mkdtemp(out_dir))
			abort();
		atexit(remove_out_dir);
		snprintf(f[0], sizeof f[0], "%s/1", out_dir);
		snprintf(f[1], sizeof f[1], "%s/2", out_dir);
	}
	return f[k];
}

static struct bytes slurp(const char *path)
{
	struct bytes b = {0};
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n;
	if (!f)
		abort();
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		bytes_put(&b, buf, n);
	fclose(f);
	if (b.failed)
		abort();
	return b;
}

static struct report_eval rep, rep2;

/* Modes 0, 1 and 3: a file, through state_options and state_merge. */
static void merge_file(const struct setup *s, const uint8_t *p, size_t n, bool twice)
{
	const char *path = fuzz_file(p, n);
	size_t nopts = 0;
	char **opts = state_options(path, &nopts);
	for (size_t i = 0; opts && i < nopts; i++)
		FUZZ_ASSERT(opts[i] != NULL);
	FUZZ_ASSERT(!opts || opts[nopts] == NULL);

	memset(&rep, 0, sizeof rep);
	struct evaluator *ev = make_eval(s);
	struct groups *g = make_groups(s);
	int st = state_merge(path, &rep, ev, g);
	if (st == 0 && twice)
		st = state_merge(path, &rep, ev, g);
	if (st != 0) {
		free(opts);
		free_both(ev, g);
		return;
	}
	FUZZ_ASSERT(opts != NULL);
	FUZZ_ASSERT(rep.skipped <= rep.read);
	FUZZ_ASSERT(rep.ninputs <= REPORT_MAX_INPUTS);
	for (size_t i = 0; i < rep.ninputs; i++) {
		FUZZ_ASSERT(rep.inputs[i].name != NULL);
		FUZZ_ASSERT(memchr(rep.inputs[i].format, '\0', sizeof rep.inputs[i].format));
		FUZZ_ASSERT(memchr(rep.inputs[i].columns, '\0', sizeof rep.inputs[i].columns));
	}
	check_and_round_trip(s, ev, g);

	/* saved, merged back and saved again: the same file */
	const char *f1 = out_path(0), *f2 = out_path(1);
	FUZZ_ASSERT(state_save(f1, opts, nopts, &rep, ev, g) == 0);
	size_t n2 = 0;
	char **opts2 = state_options(f1, &n2);
	FUZZ_ASSERT(opts2 != NULL && n2 == nopts);
	for (size_t i = 0; i < nopts; i++)
		FUZZ_ASSERT(strcmp(opts[i], opts2[i]) == 0);
	memset(&rep2, 0, sizeof rep2);
	struct evaluator *ev2 = make_eval(s);
	struct groups *g2 = make_groups(s);
	FUZZ_ASSERT(state_merge(f1, &rep2, ev2, g2) == 0);
	FUZZ_ASSERT(state_save(f2, opts2, n2, &rep2, ev2, g2) == 0);
	struct bytes b1 = slurp(f1), b2 = slurp(f2);
	FUZZ_ASSERT(b1.len == b2.len && memcmp(b1.p, b2.p, b1.len) == 0);
	bytes_free(&b1);
	bytes_free(&b2);
	free(opts2);
	free_both(ev2, g2);
	free(opts);
	free_both(ev, g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	struct setup s = setup_of(data[0]);
	unsigned mode = data[1] & 3;
	const uint8_t *p = data + 2;
	size_t n = size - 2;

	if (mode == 1) {
		merge_file(&s, p, n, false);
		return 0;
	}
	if (mode == 2) {
		merge_states(&s, p, n);
		return 0;
	}
	/* magic, version 1, the body, its CRC-32 (least significant byte
	 * first), as state_save writes them */
	static const char head[] = "slo-state\n\001";
	size_t hl = sizeof head - 1;
	unsigned char *file = malloc(hl + n + 4);
	if (!file)
		abort();
	memcpy(file, head, hl);
	if (n)
		memcpy(file + hl, p, n);
	uLong crc = crc32(crc32(0L, Z_NULL, 0), file, (uInt)(hl + n));
	for (int k = 0; k < 4; k++)
		file[hl + n + (size_t)k] = (unsigned char)(crc >> (8 * k));
	merge_file(&s, file, hl + n + 4, mode == 3);
	free(file);
	return 0;
}
