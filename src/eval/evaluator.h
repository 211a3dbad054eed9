/* Streams records into per-objective counts over a window, in memory that
 * does not grow with the number of records.
 *
 * Without a window length the window is the span of the data.  With one
 * (a rolling window ending at the last record), counts are kept in a ring
 * of time buckets; a bucket that falls out of the window as later records
 * arrive is moved to the outside-window count.  The window ends at the end
 * of the minute that holds the last record (of the second, for windows
 * under a minute), so that its start is a bucket boundary and every record
 * is counted in or out exactly. */
#ifndef SLO_EVAL_EVALUATOR_H
#define SLO_EVAL_EVALUATOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "eval/objective.h"
#include "util/calendar.h"
#include "record.h"
#include "util/bytes.h"

#define EVAL_MAX_OBJECTIVES 16

struct evaluator;

enum eval_err {
	EVAL_OK = 0,
	EVAL_NOMEM,
	EVAL_WINDOW_TOO_FINE, /* the window needs more buckets than allowed */
	EVAL_NO_TIME,         /* a record without a time under a window, or a
				 probe sample without a time */
	EVAL_OUT_OF_ORDER,    /* a probe sample older than those already
				 placed (more than EVAL_REORDER samples late) */
	EVAL_OVERFLOW,        /* the events counted would pass 2^64 */
	EVAL_MISMATCH,        /* eval_merge: evaluators of other settings,
				 or of uptime samples */
	EVAL_CORRUPT,         /* eval_decode_merge: bytes not eval_encode's */
};

/* Probe samples may arrive this many samples out of order. */
#define EVAL_REORDER 64
/* The probe interval, when not given, is the median gap of this many
 * first samples. */
#define EVAL_INFER_SAMPLES 1025

/* Creates an evaluator for n objectives (copied) and a rolling window of
 * window_ns (0: the span of the data).  Returns NULL with *err set. */
struct evaluator *eval_new(const struct objective *objs, size_t n,
			   int64_t window_ns, enum eval_err *err);
void eval_free(struct evaluator *ev);

/* Time-based evaluation (SPEC, uptime probes): records are samples of a
 * state, up (bad == 0) or down.  In probe mode each sample stands for the
 * time until the next one, at most `interval` (0: the median gap of the
 * first samples); with `changes` each state holds until the next sample.
 * Time no sample covers is unknown.  Call before the first eval_add. */
void eval_set_time(struct evaluator *ev, int64_t interval, bool changes);

/* Incident lists (SPEC): records are downtime intervals, time to until,
 * over a window that is up otherwise; overlapping ones count once.  They
 * must come sorted by start, and are EVAL_OUT_OF_ORDER otherwise.  The
 * result's up time is the window less the downtime.  Call before the
 * first eval_add. */
void eval_set_incidents(struct evaluator *ev);

/* A window known in advance: [start, end) (--from, --to); records outside
 * it are counted as outside.  A time-based evaluator with bounds sums its
 * up and down time from its timeline: enable one (eval_enable_timeline).  For an evaluator made without a window
 * length; call before the first eval_add. */
void eval_set_bounds(struct evaluator *ev, int64_t start, int64_t end);

/* Bounds for a window open at one end; the data closes it. */
#define EVAL_OPEN_START INT64_MIN
#define EVAL_OPEN_END INT64_MAX

/* A calendar window (--calendar): the period of kind k (in the zone of
 * ts_set_zone) that holds the newest record; the records of an earlier
 * period count as outside.  For an evaluator made without a window
 * length; call before the first eval_add. */
void eval_set_calendar(struct evaluator *ev, enum cal_kind k);

/* An excluded period (maintenance, SPEC): records in [start, end) count
 * neither good nor bad (result.excluded counts them), and time in it is
 * neither up nor down; a time-based budget's window shrinks by it.  Call
 * before the first eval_add; at most EVAL_MAX_EXCLUDED, overlaps merged. */
#define EVAL_MAX_EXCLUDED 64
int eval_exclude(struct evaluator *ev, int64_t start, int64_t end);

/* Keeps a per-minute timeline of the records (eval/timeline.h) for
 * burn rates over spans of the window; call before the first eval_add.
 * Returns -1 when out of memory. */
int eval_enable_timeline(struct evaluator *ev);

/* Keeps the latencies of the records counted in the window, for
 * percentiles: in a sketch within 0.1 % (eval/sketch.h, bounded memory)
 * or, exact, every value (memory grows with the records).  In a rolling
 * window that records outlast, the sketch keeps latencies by blocks of a
 * 64th of the window, and counts the oldest block the window touches
 * whole: the percentiles then cover from eval_percentiles_from.  Call
 * before the first eval_add; -1 when out of memory. */
int eval_enable_percentiles(struct evaluator *ev, bool exact);

/* The nearest-rank percentiles ps[0..n) (FRAC_ONE fractions) of the
 * latencies in the window, in ns, into out[0..n) (-1 each when there are
 * none), and how many latencies there are.  -1 without percentiles, or
 * when memory ran out for them.  Not const: exact values are sorted. */
int eval_percentiles(struct evaluator *ev, const int64_t *ps, size_t n, int64_t *out,
		     uint64_t *count);

/* Where the sketch's percentiles start (ns): before the window's start
 * when its oldest block is counted whole, else INT64_MIN. */
int64_t eval_percentiles_from(const struct evaluator *ev);

/* Bytes the percentiles hold. */
size_t eval_percentiles_memory(const struct evaluator *ev);

/* True for time-based evaluators (eval_set_time, eval_set_incidents). */
bool eval_time_based(const struct evaluator *ev);

/* Objective i over [from, to) (ns; whole minutes, from the timeline):
 * its total and bad events, or in time mode up + down and down ns.
 * Returns -1 without a timeline, or when the timeline gave up (a span of
 * more than TIMELINE_MAX_DAYS). */
int eval_range(const struct evaluator *ev, size_t i, int64_t from, int64_t to,
	       uint64_t *total, uint64_t *bad);

/* Counts one record.  A record needs a time when there is a window; one
 * without a latency counts for availability, not for latency objectives. */
enum eval_err eval_add(struct evaluator *ev, const struct slo_record *r);

/* Counts r[0..n) in order, as n calls of eval_add would, the records of
 * one minute's bucket summed before they are added.  Stops at the first
 * record eval_add refuses: returns its error, *done its index (those
 * before it are counted); else EVAL_OK, *done n. */
enum eval_err eval_add_many(struct evaluator *ev, const struct slo_record *r, size_t n,
			    size_t *done);

struct eval_objective_result {
	uint64_t total, bad;
};

struct eval_result {
	size_t n;
	bool time_based;         /* eval_set_time: up, down and interval hold */
	int64_t up, down;        /* ns of up and down time in the window */
	int64_t interval;        /* the probe interval used, ns */
	struct eval_objective_result obj[EVAL_MAX_OBJECTIVES];
	uint64_t used;           /* records counted in the window */
	uint64_t excluded;       /* records in an excluded period */
	int64_t excluded_ns;     /* of the window, in excluded periods */
	uint64_t outside_window; /* records before the window's start */
	bool has_span;           /* some record had a time */
	int64_t start, end;      /* the window, ns, when has_span: with a
				    window length [start, end), else the
				    first and last record's times */
};

/* Places the probe samples still held for reordering, and the last
 * sample's time: until min(until, its time + interval) in probe mode, or
 * until `until` with changes.  INT64_MAX means "its own end": the
 * interval, or nothing with changes.  Then eval_result may be called.
 * Returns EVAL_NO_TIME when an interval was to be inferred from fewer
 * than two samples.  No-op for event objectives. */
enum eval_err eval_finish(struct evaluator *ev, int64_t until);

/* The end of the time the samples cover (after eval_finish), or of the
 * last record for events. */
int64_t eval_last(const struct evaluator *ev);

/* Moves the window's end forward to the minute of `last` (a time seen by
 * another evaluator over the same data), so that evaluators of groups of
 * records share the window of all of them.  No-op without a window. */
void eval_close_at(struct evaluator *ev, int64_t last);

/* Bytes of counters the evaluator holds (its bucket ring). */
size_t eval_memory(const struct evaluator *ev);

/* The counts so far; can be called at any time. */
void eval_result(const struct evaluator *ev, struct eval_result *out);

/* Results that merge (slo merge, and readers working side by side): adds
 * src's records to dst as if dst had counted them too, in whatever order.
 * Both must be made with the same objectives, window, bounds or calendar
 * and exclusions (the caller's to ensure), and count events: uptime
 * samples depend on their order and are EVAL_MISMATCH.  A rolling window
 * ends at the newer of the two ends, and every bucket older than its
 * start is counted outside, as one evaluator fed all the records would;
 * a calendar window takes the newer period. */
enum eval_err eval_merge(struct evaluator *dst, const struct evaluator *src);

/* Forgets every record counted, keeping the settings: an evaluator that
 * counts a share of the input apart, to be merged.  -1 for uptime
 * samples, or when memory runs out. */
int eval_reset(struct evaluator *ev);

/* Appends the state eval_merge would add (counts, buckets holding a
 * count, the timeline's minutes holding one) to b, as varints; the
 * settings are not written.  The layout is documented in slo(1), SAVED
 * STATE. */
void eval_encode(const struct evaluator *ev, struct bytes *b);

/* Reads what eval_encode wrote and merges it into dst, whose settings must
 * be those the state was made with.  EVAL_CORRUPT for bytes that are not
 * such a state (never trusted: counts are checked against the bytes left
 * before anything is allocated for them). */
enum eval_err eval_decode_merge(struct evaluator *dst, struct bytes_reader *r);

#endif
