/* eval/burndown: burn rates over the alert windows at the end of a window,
 * the rules that fire, exhaustion (past and projected), and the budget
 * per day, hour or week. */
#include "testing.h"

#include "eval/burn.h"
#include "eval/burndown.h"
#include "eval/evaluator.h"
#include "util/calendar.h"
#include "util/duration.h"
#include "util/timestamp.h"

#define S INT64_C(1000000000)
#define M NS_PER_MIN
#define H NS_PER_HOUR
/* 2026-10-01T12:00:00Z, a whole minute: 1790856000 s (day 20727 + 12 h) */
#define T0 (INT64_C(1790856000) * S)
#define D0 (INT64_C(20727) * NS_PER_DAY) /* 2026-10-01T00:00:00Z */
#define T99 INT64_C(990000000)           /* 99 % */
#define EPS 1e-9

static const struct objective objs[1] = {{"availability", OBJ_EVENTS, T99, 0}};

static void near(double got, double want)
{
	assert_true(got > want - EPS && got < want + EPS);
}

static struct evaluator *make(void)
{
	enum eval_err err = EVAL_NOMEM;
	struct evaluator *ev = eval_new(objs, 1, 0, &err);
	assert_non_null(ev);
	assert_int_equal(eval_enable_timeline(ev), 0);
	return ev;
}

static void row(struct evaluator *ev, int64_t t, uint64_t total, uint64_t bad)
{
	struct slo_record r = {.time = t, .total = total, .bad = bad, .has_time = true};
	assert_int_equal(eval_add(ev, &r), EVAL_OK);
}

static void rule(struct alert_rule *r, const char *spec)
{
	char why[200];
	assert_int_equal(alert_parse(spec, r, why, sizeof why), 0);
}

static int free_ev(void **state)
{
	eval_free(*state);
	*state = NULL;
	return 0;
}

/* 60 minutes of 100 events from T0, 2 bad in each of the last 5: 10 bad
 * of 6000 at 99 % over a 1 h window.  The budget is 0.01 x 6000 = 60 bad
 * events, 10 spent: 5/6 left.  Burn over the last 5 min: 10 / 500 / 0.01
 * = 2; 30 min: 10 / 3000 / 0.01 = 1/3; 1 h: 10 / 6000 / 0.01 = 1/6. */
static struct evaluator *last_five(void)
{
	struct evaluator *ev = make();
	for (int m = 0; m < 60; m++)
		row(ev, T0 + m * M + 30 * S, 100, m >= 55 ? 2 : 0);
	return ev;
}

static void test_rates_and_alerts(void **state)
{
	struct evaluator *ev = last_five();
	struct alert_rule r[5];
	struct burndown b;

	*state = ev; /* freed by free_ev, also after a failed assertion */
	rule(&r[0], "30m/5m:0.3");  /* 1/3 > 0.3 and 2 > 0.3: fires */
	rule(&r[1], "1h/5m:0.1");   /* 1/6 > 0.1 and 2 > 0.1: fires */
	rule(&r[2], "1h/5m:0.2");   /* 1/6 < 0.2: quiet */
	rule(&r[3], "30m/5m:2");    /* 5 min burns at exactly 2: not faster, quiet */
	rule(&r[4], "5m/5m:1.9");   /* 2 > 1.9 both: fires */
	burndown_compute(ev, 0, T99, T0, T0 + H, H, 5.0 / 6.0, r, 5, &b);
	assert_true(b.ok);
	/* the windows: each once, shortest first */
	assert_int_equal(b.nspans, 3);
	assert_true(b.span[0] == 5 * M);
	assert_true(b.span[1] == 30 * M);
	assert_true(b.span[2] == H);
	near(b.rate[0], 2.0);
	near(b.rate[1], 1.0 / 3.0);
	near(b.rate[2], 1.0 / 6.0);
	assert_true(b.has_data[0] && b.has_data[1] && b.has_data[2]);
	assert_int_equal(b.nalerts, 5);
	assert_string_equal(b.rule[0].name, "alert-30m-5m");
	assert_true(b.firing[0]);
	assert_true(b.firing[1]);
	assert_false(b.firing[2]);
	assert_false(b.firing[3]);
	assert_true(b.firing[4]);
	/* at the last hour's rate, 1/6, the 5/6 left lasts 5/6 x 1 h / (1/6)
	 * = 5 h */
	near(b.current_rate, 1.0 / 6.0);
	assert_true(b.exhausted_at == INT64_MIN);
	assert_true(b.exhaustion > T0 + 6 * H - 1000 && b.exhaustion < T0 + 6 * H + 1000);
}

/* The spans are cut at the window's start. */
static void test_rates_from_start(void **state)
{
	struct evaluator *ev = last_five();
	struct alert_rule r[1];
	struct burndown b;

	*state = ev; /* freed by free_ev, also after a failed assertion */
	rule(&r[0], "1h/5m:0.3");
	/* a window from T0 + 30 min: the hour is its 30 minutes, 1/3 */
	burndown_compute(ev, 0, T99, T0 + 30 * M, T0 + H, 30 * M, 0.5, r, 1, &b);
	assert_int_equal(b.nspans, 2);
	near(b.rate[0], 2.0);
	near(b.rate[1], 1.0 / 3.0);
	assert_true(b.firing[0]);
	near(b.current_rate, 1.0 / 3.0);
	/* 0.5 x 30 min / (1/3) = 45 min */
	assert_true(b.exhaustion > T0 + H + 45 * M - 1000 && b.exhaustion < T0 + H + 45 * M + 1000);
}

/* No bad event in the last hour: "not at this rate"; a span without
 * events has no data and fires nothing. */
static void test_not_at_this_rate(void **state)
{
	struct evaluator *ev = make();
	struct alert_rule r[2];
	struct burndown b;

	*state = ev; /* freed by free_ev, also after a failed assertion */
	/* 110 minutes of 100 events, 10 bad in minute 5; nothing in the last
	 * 10 minutes of the 2 h window.  Budget 0.01 x 11000 = 110: 10/11 left */
	for (int m = 0; m < 110; m++)
		row(ev, T0 + m * M, 100, m == 5 ? 10 : 0);
	rule(&r[0], "2h/5m:0.01");  /* 5 min: no data */
	rule(&r[1], "2h/1h:0.01");  /* 1 h: 5000 events, none bad */
	burndown_compute(ev, 0, T99, T0, T0 + 2 * H, 2 * H, 10.0 / 11.0, r, 2, &b);
	assert_true(b.ok);
	assert_int_equal(b.nspans, 3);
	assert_false(b.has_data[0]); /* 5 min */
	near(b.rate[0], 0.0);
	assert_true(b.has_data[1]);  /* 1 h */
	near(b.rate[1], 0.0);
	near(b.rate[2], 10.0 / 11000.0 / 0.01); /* 2 h: 0.0909... */
	assert_false(b.firing[0]);
	assert_false(b.firing[1]);
	near(b.current_rate, 0.0);
	assert_true(b.exhaustion == INT64_MIN);
	assert_true(b.exhausted_at == INT64_MIN);
}

/* Overspent: the minute in which the bad events passed the budget. */
static void test_exhausted_in_the_past(void **state)
{
	struct evaluator *ev = make();
	struct burndown b;

	*state = ev; /* freed by free_ev, also after a failed assertion */
	/* 60 minutes of 100, 25 bad in minutes 10, 20 and 30: 75 of a budget
	 * of 60, 25 % overspent.  The sum is 25, 50, 75: past 60 in minute
	 * 30, which ends at T0 + 31 min. */
	for (int m = 0; m < 60; m++)
		row(ev, T0 + m * M + 59 * S, 100, m == 10 || m == 20 || m == 30 ? 25 : 0);
	burndown_compute(ev, 0, T99, T0, T0 + H, H, 1.0 - 75.0 / 60.0, NULL, 0, &b);
	assert_true(b.ok);
	assert_int_equal(b.nspans, 0);
	assert_int_equal(b.nalerts, 0);
	assert_true(b.exhausted_at == T0 + 31 * M);
	assert_true(b.exhaustion == INT64_MIN);
	near(b.current_rate, 75.0 / 6000.0 / 0.01); /* 1.25 */
}

/* The same over days: the search goes a day at a time, then by minute. */
static void test_exhausted_days_ago(void **state)
{
	struct evaluator *ev = make();
	struct burndown b;

	*state = ev; /* freed by free_ev, also after a failed assertion */
	/* 3 days from T0, a row of 100 an hour at :30; 50 bad at T0 + 10h30m
	 * and 30 at T0 + 30h30m: 80 of a budget of 0.01 x 7200 = 72, passed
	 * in the minute from T0 + 30h30m */
	for (int h = 0; h < 72; h++)
		row(ev, T0 + h * H + 30 * M, 100, h == 10 ? 50 : h == 30 ? 30 : 0);
	burndown_compute(ev, 0, T99, T0, T0 + 72 * H, 72 * H, 1.0 - 80.0 / 72.0, NULL, 0, &b);
	assert_true(b.exhausted_at == T0 + 30 * H + 31 * M);
	assert_true(b.exhaustion == INT64_MIN);
	/* the last hour: one row of 100, none bad */
	near(b.current_rate, 0.0);
}

/* Exactly the whole budget spent: nothing remains, so it ran out (SPEC:
 * exhaustion is "when the remaining budget reaches zero") in the minute
 * the bad events reached it, and is not "not at this rate". */
static void test_exhausted_exactly(void **state)
{
	struct evaluator *ev = make();
	struct burndown b;

	*state = ev;
	/* 60 minutes of 100, 30 bad in minutes 10 and 40: 60 of 60 */
	for (int m = 0; m < 60; m++)
		row(ev, T0 + m * M, 100, m == 10 || m == 40 ? 30 : 0);
	burndown_compute(ev, 0, T99, T0, T0 + H, H, 0.0, NULL, 0, &b);
	assert_true(b.exhaustion == INT64_MIN);
	assert_true(b.exhausted_at == T0 + 41 * M);
}

/* Time-based: the budget is b x W of downtime.  An incident list over a
 * 10 h window at 99 %: 6 minutes allowed. */
static struct evaluator *incidents_10h(int64_t first_len)
{
	struct evaluator *ev = make();
	struct slo_record r = {.total = 1, .bad = 1, .has_time = true, .has_until = true};
	eval_set_incidents(ev);
	eval_set_bounds(ev, T0, T0 + 10 * H);
	r.time = T0 + H;
	r.until = T0 + H + first_len;
	assert_int_equal(eval_add(ev, &r), EVAL_OK);
	r.time = T0 + 2 * H;
	r.until = T0 + 2 * H + 4 * M;
	assert_int_equal(eval_add(ev, &r), EVAL_OK);
	assert_int_equal(eval_finish(ev, INT64_MAX), EVAL_OK);
	return ev;
}

static void test_exhausted_time(void **state)
{
	struct evaluator *ev = incidents_10h(4 * M + 30 * S);
	struct burndown b;

	*state = ev; /* freed by free_ev, also after a failed assertion */
	/* 4.5 min down from T0 + 1h, 4 from T0 + 2h: 8.5 of 6 minutes.  The
	 * sum passes 6 min at T0 + 2h + 1.5 min, in the minute that ends at
	 * T0 + 2h + 2 min. */
	burndown_compute(ev, 0, T99, T0, T0 + 10 * H, 10 * H, 1.0 - 8.5 / 6.0, NULL, 0, &b);
	assert_true(b.ok);
	assert_true(b.exhausted_at == T0 + 2 * H + 2 * M);
	assert_true(b.exhaustion == INT64_MIN);
}

/* Downtime that reaches the budget on a whole minute: 4 + 2 minutes at
 * T0 + 2h + 2 min, when nothing remains. */
static void test_exhausted_time_on_the_minute(void **state)
{
	struct evaluator *ev = incidents_10h(4 * M);
	struct burndown b;

	*state = ev;
	burndown_compute(ev, 0, T99, T0, T0 + 10 * H, 10 * H, 1.0 - 8.0 / 6.0, NULL, 0, &b);
	assert_true(b.exhausted_at == T0 + 2 * H + 2 * M);
}

/* An incident list's burn rates: an hour with 4.5 min down of 60 is
 * 4.5 / 60 / 0.01 = 7.5; the hours after it, all up, 0. */
static void test_rates_incidents(void **state)
{
	struct evaluator *ev = incidents_10h(4 * M + 30 * S);
	struct alert_rule r[1];
	struct burndown b;

	*state = ev;
	rule(&r[0], "1h/5m:1");
	burndown_compute(ev, 0, T99, T0, T0 + H + 30 * M, 10 * H, 0.5, r, 1, &b);
	/* the hour [T0 + 30 min, T0 + 90 min) holds the 4.5 min: 7.5; the
	 * 5 min from T0 + 85 min are up: 0 */
	assert_int_equal(b.nspans, 2);
	assert_true(b.has_data[0]);
	near(b.rate[0], 0.0);
	near(b.rate[1], 7.5);
	assert_false(b.firing[0]);
}

/* 6 days from 2026-10-01T12:00Z to 2026-10-07T12:00Z, a row of 100 an
 * hour at :30 (14400 events, a budget of 144 at 99 %); bad: 6 at
 * Oct 1 13:30, 12 at Oct 2 05:30 and 24 at Oct 6 08:30. */
static struct evaluator *six_days(void)
{
	struct evaluator *ev = make();
	for (int h = 0; h < 144; h++)
		row(ev, T0 + h * H + 30 * M, 100, h == 1 ? 6 : h == 17 ? 12 : h == 116 ? 24 : 0);
	return ev;
}

static void check_row(const struct period_row *r, int64_t start, int64_t end, uint64_t total,
		      uint64_t bad, double spent, double remaining)
{
	assert_true(r->start == start);
	assert_true(r->end == end);
	assert_true(r->total == total);
	assert_true(r->bad == bad);
	near(r->spent, spent);
	near(r->remaining, remaining);
}

static void test_periods_days(void **state)
{
	struct evaluator *ev = six_days();
	struct period_row rows[10];

	*state = ev; /* freed by free_ev, also after a failed assertion */
	assert_int_equal(burndown_periods(ev, 0, CAL_DAY, T0, T0 + 144 * H, 144.0, rows, 10), 7);
	/* Oct 1 from 12:00: 12 rows; spent 6/144, left 138/144 */
	check_row(&rows[0], T0, D0 + NS_PER_DAY, 1200, 6, 6.0 / 144, 138.0 / 144);
	check_row(&rows[1], D0 + NS_PER_DAY, D0 + 2 * NS_PER_DAY, 2400, 12, 12.0 / 144,
		  126.0 / 144);
	check_row(&rows[2], D0 + 2 * NS_PER_DAY, D0 + 3 * NS_PER_DAY, 2400, 0, 0, 126.0 / 144);
	check_row(&rows[3], D0 + 3 * NS_PER_DAY, D0 + 4 * NS_PER_DAY, 2400, 0, 0, 126.0 / 144);
	check_row(&rows[4], D0 + 4 * NS_PER_DAY, D0 + 5 * NS_PER_DAY, 2400, 0, 0, 126.0 / 144);
	check_row(&rows[5], D0 + 5 * NS_PER_DAY, D0 + 6 * NS_PER_DAY, 2400, 24, 24.0 / 144,
		  102.0 / 144);
	/* Oct 7 to 12:00 */
	check_row(&rows[6], D0 + 6 * NS_PER_DAY, T0 + 144 * H, 1200, 0, 0, 102.0 / 144);
	/* at most max rows */
	assert_int_equal(burndown_periods(ev, 0, CAL_DAY, T0, T0 + 144 * H, 144.0, rows, 3), 3);
	check_row(&rows[2], D0 + 2 * NS_PER_DAY, D0 + 3 * NS_PER_DAY, 2400, 0, 0, 126.0 / 144);
	/* an empty range: none */
	assert_int_equal(burndown_periods(ev, 0, CAL_DAY, T0, T0, 144.0, rows, 10), 0);
}

static void test_periods_weeks(void **state)
{
	struct evaluator *ev = six_days();
	struct period_row rows[10];

	*state = ev; /* freed by free_ev, also after a failed assertion */
	/* Thursday Oct 1 12:00 to Monday Oct 5 (84 h), then to Oct 7 12:00
	 * (60 h) */
	assert_int_equal(burndown_periods(ev, 0, CAL_WEEK, T0, T0 + 144 * H, 144.0, rows, 10), 2);
	check_row(&rows[0], T0, D0 + 4 * NS_PER_DAY, 8400, 18, 18.0 / 144, 126.0 / 144);
	check_row(&rows[1], D0 + 4 * NS_PER_DAY, T0 + 144 * H, 6000, 24, 24.0 / 144, 102.0 / 144);
}

static void test_periods_hours(void **state)
{
	struct evaluator *ev = six_days();
	struct period_row rows[10];

	*state = ev; /* freed by free_ev, also after a failed assertion */
	assert_int_equal(burndown_periods(ev, 0, CAL_NONE, T0, T0 + 3 * H, 144.0, rows, 10), 3);
	check_row(&rows[0], T0, T0 + H, 100, 0, 0, 1);
	check_row(&rows[1], T0 + H, T0 + 2 * H, 100, 6, 6.0 / 144, 138.0 / 144);
	check_row(&rows[2], T0 + 2 * H, T0 + 3 * H, 100, 0, 0, 138.0 / 144);
	/* from half past: the first and last hours are cut; the row at
	 * T0 + 2h30m is at the end, outside */
	assert_int_equal(burndown_periods(ev, 0, CAL_NONE, T0 + 30 * M, T0 + 150 * M, 144.0, rows,
					  10), 3);
	check_row(&rows[0], T0 + 30 * M, T0 + H, 100, 0, 0, 1);
	check_row(&rows[1], T0 + H, T0 + 2 * H, 100, 6, 6.0 / 144, 138.0 / 144);
	check_row(&rows[2], T0 + 2 * H, T0 + 150 * M, 0, 0, 0, 138.0 / 144);
}

/* Days and hours are the zone's. */
static void test_periods_zones(void **state)
{
	struct evaluator *ev = six_days();
	struct period_row rows[10];

	*state = ev; /* freed by free_ev, also after a failed assertion */
	assert_int_equal(ts_set_zone("Europe/Berlin"), 0);
	/* T0 is 14:00 CEST; days start at 22:00Z: 10 rows to the first
	 * midnight, 24, then 14 to T0 + 48 h */
	assert_int_equal(burndown_periods(ev, 0, CAL_DAY, T0, T0 + 48 * H, 144.0, rows, 10), 3);
	check_row(&rows[0], T0, D0 + 22 * H, 1000, 6, 6.0 / 144, 138.0 / 144);
	check_row(&rows[1], D0 + 22 * H, D0 + 46 * H, 2400, 12, 12.0 / 144, 126.0 / 144);
	check_row(&rows[2], D0 + 46 * H, T0 + 48 * H, 1400, 0, 0, 126.0 / 144);
	/* Asia/Kolkata is +5:30: T0 is 17:30, its hours start at :30 UTC */
	assert_int_equal(ts_set_zone("Asia/Kolkata"), 0);
	assert_int_equal(burndown_periods(ev, 0, CAL_NONE, T0, T0 + 2 * H, 144.0, rows, 10), 3);
	check_row(&rows[0], T0, T0 + 30 * M, 0, 0, 0, 1);
	check_row(&rows[1], T0 + 30 * M, T0 + 90 * M, 100, 0, 0, 1);
	check_row(&rows[2], T0 + 90 * M, T0 + 2 * H, 100, 6, 6.0 / 144, 138.0 / 144);
	assert_int_equal(ts_set_zone("UTC"), 0);
}

/* Time-based rows: ns of time and of downtime, against b x W. */
static void test_periods_time(void **state)
{
	struct evaluator *ev = make();
	struct period_row rows[4];
	struct slo_record r = {.total = 1, .time = T0, .has_time = true};

	*state = ev; /* freed by free_ev, also after a failed assertion */
	/* state changes: up from T0, down from T0 + 1h50m, up from T0 + 2h10m,
	 * until T0 + 3h; 99 % of 3 h allows 1.8 min = 108 s */
	eval_set_time(ev, 0, true);
	assert_int_equal(eval_add(ev, &r), EVAL_OK);
	r.time = T0 + 110 * M;
	r.bad = 1;
	assert_int_equal(eval_add(ev, &r), EVAL_OK);
	r.time = T0 + 130 * M;
	r.bad = 0;
	assert_int_equal(eval_add(ev, &r), EVAL_OK);
	assert_int_equal(eval_finish(ev, T0 + 3 * H), EVAL_OK);
	const double allowed = 0.01 * (double)(3 * H);
	assert_int_equal(burndown_periods(ev, 0, CAL_NONE, T0, T0 + 3 * H, allowed, rows, 4), 3);
	/* 10 min down in each of the last two hours: 600 s / 108 s each */
	check_row(&rows[0], T0, T0 + H, (uint64_t)H, 0, 0, 1);
	check_row(&rows[1], T0 + H, T0 + 2 * H, (uint64_t)H, (uint64_t)(10 * M), 600.0 / 108,
		  1 - 600.0 / 108);
	check_row(&rows[2], T0 + 2 * H, T0 + 3 * H, (uint64_t)H, (uint64_t)(10 * M), 600.0 / 108,
		  1 - 1200.0 / 108);
}

static int free_ev_utc(void **state)
{
	free_ev(state);
	return ts_set_zone("UTC");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_rates_and_alerts, free_ev),
		cmocka_unit_test_teardown(test_rates_from_start, free_ev),
		cmocka_unit_test_teardown(test_not_at_this_rate, free_ev),
		cmocka_unit_test_teardown(test_exhausted_in_the_past, free_ev),
		cmocka_unit_test_teardown(test_exhausted_days_ago, free_ev),
		cmocka_unit_test_teardown(test_exhausted_exactly, free_ev),
		cmocka_unit_test_teardown(test_exhausted_time, free_ev),
		cmocka_unit_test_teardown(test_exhausted_time_on_the_minute, free_ev),
		cmocka_unit_test_teardown(test_rates_incidents, free_ev),
		cmocka_unit_test_teardown(test_periods_days, free_ev),
		cmocka_unit_test_teardown(test_periods_weeks, free_ev),
		cmocka_unit_test_teardown(test_periods_hours, free_ev),
		cmocka_unit_test_teardown(test_periods_zones, free_ev_utc),
		cmocka_unit_test_teardown(test_periods_time, free_ev),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
