/* input/csv_columns: finding columns in a header and turning rows into records. */
#include "testing.h"

#include <stdio.h>
#include <string.h>

#include "input/csv_columns.h"
#include "util/duration.h"

#define MAXF 32

/* A row split on commas (no quoting: the reader's job), kept in a static
 * copy so the fields stay valid. */
struct row {
	char buf[1024];
	struct csv_field f[MAXF];
	size_t n;
};

static void split(struct row *r, const char *text)
{
	size_t len = strlen(text), start = 0;
	assert_true(len < sizeof r->buf);
	memcpy(r->buf, text, len + 1);
	r->n = 0;
	for (size_t i = 0; i <= len; i++)
		if (i == len || r->buf[i] == ',') {
			assert_true(r->n < MAXF);
			r->f[r->n].s = r->buf + start;
			r->f[r->n].len = i - start;
			r->n++;
			start = i + 1;
		}
}

static struct status_set default_set;

static struct csv_columns_config config(bool status, bool latency, bool time)
{
	struct csv_columns_config c;
	memset(&c, 0, sizeof c);
	status_set_default(&default_set);
	c.bad_status = &default_set;
	c.need_status = status;
	c.need_latency = latency;
	c.need_time = time;
	return c;
}

/* Resolves header with cfg, expecting success. */
static void resolve_ok(const struct csv_columns_config *cfg, const char *header,
		       struct csv_columns *cols)
{
	struct row h;
	char err[1024] = "";
	split(&h, header);
	if (csv_columns_resolve(cfg, h.f, h.n, cols, err, sizeof err) != 0)
		fail_msg("resolve \"%s\": %s", header, err);
}

/* Resolves header with cfg, expecting failure; returns the message. */
static const char *resolve_err(const struct csv_columns_config *cfg, const char *header)
{
	static char err[1024];
	struct row h;
	struct csv_columns cols;
	split(&h, header);
	err[0] = '\0';
	if (csv_columns_resolve(cfg, h.f, h.n, &cols, err, sizeof err) != -1)
		fail_msg("resolve \"%s\" succeeded", header);
	return err;
}

static int starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

#define assert_starts(s, prefix)                                               \
	do {                                                                   \
		if (!starts((s), (prefix)))                                    \
			fail_msg("\"%s\" does not start with \"%s\"", (s), (prefix)); \
	} while (0)
#define assert_contains(s, part)                                               \
	do {                                                                   \
		if (!strstr((s), (part)))                                      \
			fail_msg("\"%s\" does not contain \"%s\"", (s), (part)); \
	} while (0)

static void test_discover_basic(void **state)
{
	struct csv_columns_config cfg = config(true, true, true);
	struct csv_columns c;
	(void)state;

	/* "Response Time (ms)" -> response_time_ms: latency, in ms */
	resolve_ok(&cfg, "Time,Status,Response Time (ms)", &c);
	assert_int_equal(c.col[ROLE_TIME], 0);
	assert_int_equal(c.col[ROLE_STATUS], 1);
	assert_int_equal(c.col[ROLE_LATENCY], 2);
	assert_true(c.latency_unit == NS_PER_MS);
	assert_non_null(c.unit_from);
	assert_int_equal(c.nfields, 3);
	assert_string_equal(c.name[ROLE_LATENCY], "Response Time (ms)");
	assert_int_equal(c.col[ROLE_TOTAL], -1);

	resolve_ok(&cfg, "@timestamp,STATUS,latency_ms", &c);
	assert_int_equal(c.col[ROLE_TIME], 0);
	assert_int_equal(c.col[ROLE_STATUS], 1);
	assert_true(c.latency_unit == NS_PER_MS);

	resolve_ok(&cfg, "ts,code,duration_s", &c);
	assert_int_equal(c.col[ROLE_LATENCY], 2);
	assert_true(c.latency_unit == NS_PER_S);

	resolve_ok(&cfg, "date,status_code,responseTime_ms", &c);
	assert_int_equal(c.col[ROLE_STATUS], 1);
	assert_int_equal(c.col[ROLE_LATENCY], 2);
	assert_true(c.latency_unit == NS_PER_MS);

	resolve_ok(&cfg, "time,status,latency_us", &c);
	assert_true(c.latency_unit == NS_PER_US);

	/* a unitless name: found, but no unit */
	resolve_ok(&cfg, "time,status,latency", &c);
	assert_int_equal(c.col[ROLE_LATENCY], 2);
	assert_true(c.latency_unit == 0);

	/* a byte-order mark left on the first cell is not part of the name */
	resolve_ok(&cfg, "\xef\xbb\xbftime,status,latency_ms", &c);
	assert_int_equal(c.col[ROLE_TIME], 0);
}

static void test_discover_jmeter(void **state)
{
	struct csv_columns_config cfg = config(true, true, true);
	struct csv_columns c;
	(void)state;

	resolve_ok(&cfg,
		   "timeStamp,elapsed,label,responseCode,responseMessage,threadName,"
		   "dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,"
		   "URL,Latency,IdleTime,Connect",
		   &c);
	assert_int_equal(c.col[ROLE_TIME], 0);
	/* success (the verdict with assertions) outranks responseCode */
	assert_int_equal(c.col[ROLE_STATUS], 7);
	/* elapsed outranks Latency; JMeter times are ms */
	assert_int_equal(c.col[ROLE_LATENCY], 1);
	assert_true(c.latency_unit == NS_PER_MS);
	assert_string_equal(c.name[ROLE_STATUS], "success");
}

static void test_discover_time_suffix(void **state)
{
	struct csv_columns_config cfg = config(true, false, true);
	struct csv_columns c;
	(void)state;

	resolve_ok(&cfg, "status,commit_time", &c);
	assert_int_equal(c.col[ROLE_TIME], 1);
	resolve_ok(&cfg, "created_at,status", &c);
	assert_int_equal(c.col[ROLE_TIME], 0);
	resolve_ok(&cfg, "status,event_ts", &c);
	assert_int_equal(c.col[ROLE_TIME], 1);
	/* a listed name wins over a suffix anywhere */
	resolve_ok(&cfg, "commit_time,status,timestamp", &c);
	assert_int_equal(c.col[ROLE_TIME], 2);
}

/* request_time and response_time end in "_time" but are latencies: taking
 * one as the time column reads 0.123 s as 1970-01-01T00:00:00.123Z. */
static void test_latency_is_not_time(void **state)
{
	struct csv_columns_config cfg = config(true, true, false);
	struct csv_columns c;
	(void)state;

	resolve_ok(&cfg, "status,request_time", &c);
	assert_int_equal(c.col[ROLE_LATENCY], 1);
	assert_int_equal(c.col[ROLE_TIME], -1);
	resolve_ok(&cfg, "status,response_time", &c);
	assert_int_equal(c.col[ROLE_TIME], -1);
	resolve_ok(&cfg, "status,upstream_response_time", &c);
	assert_int_equal(c.col[ROLE_TIME], -1);
}

static void test_explicit_columns(void **state)
{
	struct csv_columns_config cfg = config(true, true, true);
	struct csv_columns c;
	(void)state;

	/* names compare case-insensitively, separators folded */
	cfg.time_col = "WHEN";
	cfg.status_col = "3";      /* 1-based */
	cfg.latency_col = "took ms";
	resolve_ok(&cfg, "when,x,verdict,took_ms", &c);
	assert_int_equal(c.col[ROLE_TIME], 0);
	assert_int_equal(c.col[ROLE_STATUS], 2);
	assert_int_equal(c.col[ROLE_LATENCY], 3);
	assert_true(c.latency_unit == NS_PER_MS);

	/* --latency-unit wins over the name */
	cfg.latency_unit = NS_PER_US;
	resolve_ok(&cfg, "when,x,verdict,took_ms", &c);
	assert_true(c.latency_unit == NS_PER_US);
	assert_string_equal(c.unit_from, "--latency-unit");
}

/* SPEC: latency units come from the column name (_ms, _us, _s), also for
 * a column the user named that is not one of the known latency names. */
static void test_explicit_latency_unit_suffix(void **state)
{
	struct csv_columns_config cfg = config(true, true, false);
	struct csv_columns c;
	(void)state;

	cfg.latency_col = "backend_ms";
	resolve_ok(&cfg, "status,backend_ms", &c);
	assert_int_equal(c.col[ROLE_LATENCY], 1);
	assert_true(c.latency_unit == NS_PER_MS);
}

static void test_resolve_errors(void **state)
{
	struct csv_columns_config cfg;
	const char *e;
	(void)state;

	cfg = config(true, false, false);
	e = resolve_err(&cfg, "a,b,c");
	assert_starts(e, "no status column");
	assert_contains(e, "--status-col");
	assert_contains(e, "a, b, c");

	cfg = config(false, true, false);
	e = resolve_err(&cfg, "a,b,c");
	assert_starts(e, "no latency column");
	assert_contains(e, "--latency-col");

	cfg = config(false, false, true);
	e = resolve_err(&cfg, "a,b,c");
	assert_starts(e, "no time column");
	assert_contains(e, "--time-col");

	cfg = config(true, false, false);
	cfg.status_col = "verdict";
	e = resolve_err(&cfg, "a,b,c");
	assert_starts(e, "no column \"verdict\" for --status-col");
	assert_contains(e, "a, b, c");

	cfg = config(false, true, false);
	cfg.latency_col = "99"; /* only 3 columns */
	e = resolve_err(&cfg, "a,b,c");
	assert_starts(e, "no column \"99\" for --latency-col");
	cfg.latency_col = "0"; /* numbers are 1-based */
	e = resolve_err(&cfg, "a,b,c");
	assert_starts(e, "no column \"0\"");

	cfg = config(false, false, false);
	cfg.total_col = "total";
	e = resolve_err(&cfg, "total,errors");
	assert_string_equal(e, "--total-col needs --bad-col or --good-col");
	cfg.total_col = NULL;
	cfg.bad_col = "errors";
	e = resolve_err(&cfg, "total,errors");
	assert_string_equal(e, "--bad-col and --good-col need --total-col");
}

static void test_no_header(void **state)
{
	struct csv_columns_config cfg = config(true, false, false);
	struct csv_columns c;
	const char *e;
	(void)state;

	cfg.no_header = true;
	cfg.status_col = "2";
	resolve_ok(&cfg, "2026-10-01T00:00:00Z,200,12", &c);
	assert_int_equal(c.col[ROLE_STATUS], 1);
	assert_int_equal(c.col[ROLE_TIME], -1); /* nothing is guessed */
	assert_int_equal(c.nfields, 3);
	assert_string_equal(c.name[ROLE_STATUS], "column 2");

	cfg.status_col = "status";
	e = resolve_err(&cfg, "2026-10-01T00:00:00Z,200,12");
	assert_starts(e, "--status-col status: without a header");

	/* without a status column named, there is none */
	cfg.status_col = NULL;
	e = resolve_err(&cfg, "2026-10-01T00:00:00Z,200,12");
	assert_starts(e, "no status column");
}

/* With --no-header, numbered columns are checked against the first row
 * (the header's own promise): column 5 of 3 is an error up front, not a
 * malformed row for every line. */
static void test_no_header_column_beyond_row(void **state)
{
	struct csv_columns_config cfg = config(true, false, false);
	(void)state;

	cfg.no_header = true;
	cfg.status_col = "5";
	(void)resolve_err(&cfg, "2026-10-01T00:00:00Z,200,12");
}

/* Converts one data row; returns the csv_columns_record result. */
static int record(const struct csv_columns *c, const struct csv_columns_config *cfg,
		  const char *text, struct slo_record *rec, char *why, size_t whylen)
{
	struct row r;
	split(&r, text);
	why[0] = '\0';
	return csv_columns_record(c, cfg, r.f, r.n, rec, why, whylen);
}

static void test_record_ok(void **state)
{
	struct csv_columns_config cfg = config(true, true, true);
	struct csv_columns c;
	struct slo_record rec;
	char why[256];
	(void)state;

	resolve_ok(&cfg, "time,status,latency_ms", &c);
	/* 2026-10-01T12:00:00Z = 1790856000 s */
	assert_int_equal(record(&c, &cfg, "2026-10-01T12:00:00Z,503,250", &rec, why, sizeof why), 0);
	assert_true(rec.has_time && rec.time == INT64_C(1790856000000000000));
	assert_true(rec.total == 1 && rec.bad == 1);
	assert_true(rec.has_latency && rec.latency == 250 * NS_PER_MS);

	assert_int_equal(record(&c, &cfg, "1790856000,200,0.5", &rec, why, sizeof why), 0);
	assert_true(rec.time == INT64_C(1790856000000000000));
	assert_true(rec.bad == 0);
	assert_true(rec.latency == 500000); /* 0.5 ms */

	/* a latency with its own unit overrides the column's */
	assert_int_equal(record(&c, &cfg, "1790856000,ok,250ms", &rec, why, sizeof why), 0);
	assert_true(rec.latency == 250 * NS_PER_MS);
	assert_int_equal(record(&c, &cfg, "1790856000,DOWN,1.5s", &rec, why, sizeof why), 0);
	assert_true(rec.latency == 1500 * NS_PER_MS);
	assert_true(rec.bad == 1);

	/* spaces around cells are ignored */
	assert_int_equal(record(&c, &cfg, " 1790856000 , 200 , 7 ", &rec, why, sizeof why), 0);
	assert_true(rec.latency == 7 * NS_PER_MS && rec.bad == 0);
}

static void test_record_empty_time(void **state)
{
	struct csv_columns_config cfg = config(true, false, false);
	struct csv_columns c;
	struct slo_record rec;
	char why[256];
	(void)state;

	/* no window: an empty time is allowed, the record just has none */
	resolve_ok(&cfg, "time,status", &c);
	assert_int_equal(record(&c, &cfg, ",200", &rec, why, sizeof why), 0);
	assert_false(rec.has_time);
	/* with a window it is needed */
	cfg.need_time = true;
	assert_int_equal(record(&c, &cfg, ",200", &rec, why, sizeof why), -1);
	assert_string_equal(why, "time \"\" is empty");
}

static void test_record_malformed(void **state)
{
	struct csv_columns_config cfg = config(true, true, false);
	struct csv_columns c;
	struct slo_record rec;
	char why[256];
	(void)state;

	resolve_ok(&cfg, "time,status,latency_ms", &c);
#define BAD(text, prefix)                                                      \
	do {                                                                   \
		assert_int_equal(record(&c, &cfg, (text), &rec, why, sizeof why), -1); \
		assert_starts(why, (prefix));                                  \
	} while (0)
	BAD("1790856000,200", "row has 2 fields");
	BAD("1790856000,200,5,6", "row has 4 fields");
	BAD("1790856000,2OO,5", "status \"2OO\" is not an HTTP status");
	BAD("1790856000,600,5", "status \"600\" is not");
	BAD("1790856000,,5", "status \"\" is not");
	BAD("yesterday,200,5", "time \"yesterday\" is not");
	BAD("2026-13-01,200,5", "time \"2026-13-01\" is out of range");
	BAD("1790856000,200,-5", "latency \"-5\" is negative");
	BAD("1790856000,200,-5ms", "latency \"-5ms\" is negative");
	BAD("1790856000,200,abc", "latency \"abc\" is not a duration");
	BAD("1790856000,200,", "latency \"\" is empty");
	BAD("1790856000,200,1e3", "latency \"1e3\" is not a duration");

	/* a bare number with no unit known */
	resolve_ok(&cfg, "time,status,latency", &c);
	BAD("1790856000,200,250", "latency \"250\" has no unit");
	/* but one with its own unit is fine */
	assert_int_equal(record(&c, &cfg, "1790856000,200,250ms", &rec, why, sizeof why), 0);
	assert_true(rec.latency == 250 * NS_PER_MS);
#undef BAD
}

/* A latency in ns of 10 s is 10^10: it must fit (it does, in int64 ns). */
static void test_record_big_ns_latency(void **state)
{
	struct csv_columns_config cfg = config(false, true, false);
	struct csv_columns c;
	struct slo_record rec;
	char why[256];
	(void)state;

	resolve_ok(&cfg, "latency_ns", &c);
	assert_true(c.latency_unit == 1);
	if (record(&c, &cfg, "10000000000", &rec, why, sizeof why) != 0)
		fail_msg("latency_ns 10000000000: %s", why);
	assert_true(rec.latency == INT64_C(10000000000));
}

static void test_record_aggregated(void **state)
{
	struct csv_columns_config cfg = config(true, false, false);
	struct csv_columns c;
	struct slo_record rec;
	char why[256];
	(void)state;

	cfg.total_col = "requests";
	cfg.bad_col = "errors";
	resolve_ok(&cfg, "hour,requests,errors", &c);
	assert_int_equal(c.col[ROLE_TOTAL], 1);
	assert_int_equal(c.col[ROLE_BAD], 2);
	assert_int_equal(c.col[ROLE_STATUS], -1); /* not needed with counts */
	assert_int_equal(c.col[ROLE_TIME], 0);
	assert_int_equal(record(&c, &cfg, "2026-10-01T12:00:00Z,1000,3", &rec, why, sizeof why), 0);
	assert_true(rec.total == 1000 && rec.bad == 3);
	assert_int_equal(record(&c, &cfg, "2026-10-01T12:00:00Z,5,5", &rec, why, sizeof why), 0);
	assert_int_equal(record(&c, &cfg, "2026-10-01T12:00:00Z,3,10", &rec, why, sizeof why), -1);
	assert_string_equal(why, "bad count 10 is more than the total 3");
	assert_int_equal(record(&c, &cfg, "2026-10-01T12:00:00Z,x,1", &rec, why, sizeof why), -1);
	assert_starts(why, "total count \"x\" is not a whole number");
	assert_int_equal(record(&c, &cfg, "2026-10-01T12:00:00Z,10,-1", &rec, why, sizeof why), -1);
	assert_starts(why, "bad count \"-1\"");
	assert_int_equal(record(&c, &cfg, "2026-10-01T12:00:00Z,10,", &rec, why, sizeof why), -1);
	assert_starts(why, "bad count \"\" is empty");

	/* good instead of bad: bad = total - good */
	cfg.bad_col = NULL;
	cfg.good_col = "ok";
	resolve_ok(&cfg, "hour,requests,ok", &c);
	assert_int_equal(record(&c, &cfg, "2026-10-01T12:00:00Z,10,7", &rec, why, sizeof why), 0);
	assert_true(rec.total == 10 && rec.bad == 3);
	assert_int_equal(record(&c, &cfg, "2026-10-01T12:00:00Z,10,11", &rec, why, sizeof why), -1);
	assert_string_equal(why, "good count 11 is more than the total 10");
}

static void test_role_names(void **state)
{
	(void)state;
	assert_string_equal(csv_role_name(ROLE_TIME), "time");
	assert_string_equal(csv_role_name(ROLE_STATUS), "status");
	assert_string_equal(csv_role_name(ROLE_LATENCY), "latency");
	assert_string_equal(csv_role_name(ROLE_TOTAL), "total");
	assert_string_equal(csv_role_name(ROLE_BAD), "bad");
	assert_string_equal(csv_role_name(ROLE_GOOD), "good");
	/* every name in the discovery tables is found as a header by itself */
	static const char *const *const tables[] = {csv_time_names, csv_status_names,
						    csv_latency_names};
	static const enum csv_role roles[] = {ROLE_TIME, ROLE_STATUS, ROLE_LATENCY};
	for (size_t t = 0; t < 3; t++)
		for (size_t i = 0; tables[t][i]; i++) {
			struct csv_columns_config cfg =
				config(roles[t] == ROLE_STATUS, roles[t] == ROLE_LATENCY,
				       roles[t] == ROLE_TIME);
			struct csv_columns c;
			char header[128];
			snprintf(header, sizeof header, "other,%s", tables[t][i]);
			resolve_ok(&cfg, header, &c);
			if (c.col[roles[t]] != 1)
				fail_msg("%s: \"%s\" not found", csv_role_name(roles[t]),
					 tables[t][i]);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_discover_basic),
		cmocka_unit_test(test_discover_jmeter),
		cmocka_unit_test(test_discover_time_suffix),
		cmocka_unit_test(test_latency_is_not_time),
		cmocka_unit_test(test_explicit_columns),
		cmocka_unit_test(test_explicit_latency_unit_suffix),
		cmocka_unit_test(test_resolve_errors),
		cmocka_unit_test(test_no_header),
		cmocka_unit_test(test_no_header_column_beyond_row),
		cmocka_unit_test(test_record_ok),
		cmocka_unit_test(test_record_empty_time),
		cmocka_unit_test(test_record_malformed),
		cmocka_unit_test(test_record_big_ns_latency),
		cmocka_unit_test(test_record_aggregated),
		cmocka_unit_test(test_role_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
