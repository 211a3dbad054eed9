/* input/access_log: detecting the built-in layouts, and turning matched lines into records. */
#include "testing.h"

#include <stdio.h>
#include <string.h>

#include "input/access_log.h"
#include "util/duration.h"

#define S INT64_C(1000000000)
/* 10/Oct/2000:13:55:36 -0700 is 20:55:36Z */
#define T0 INT64_C(971211336)

/* The combined part every built-in layout starts with. */
#define HEAD "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" "
#define COMBINED(status) HEAD status " 2326 \"http://www.example.com/start.html\" " \
			 "\"Mozilla/4.08 [en] (Win98; I ;Nav)\""

/* Runs access_log_detect on a NULL-terminated list; returns the score and
 * the layout's name in name (empty when none). */
static size_t detect(const char *const *lines, char *name, size_t size)
{
	size_t lens[16], n = 0;
	struct log_format f;
	for (; lines[n]; n++) {
		assert_true(n < 16);
		lens[n] = strlen(lines[n]);
	}
	memset(&f, 0, sizeof f);
	size_t score = access_log_detect(lines, lens, n, &f);
	snprintf(name, size, "%s", score ? f.name : "");
	if (score)
		log_format_free(&f);
	return score;
}

#define assert_detects(lines, want_name, want_score)                           \
	do {                                                                   \
		char name_[32];                                                \
		size_t score_ = detect((lines), name_, sizeof name_);          \
		if (score_ != (want_score) || strcmp(name_, (want_name)) != 0) \
			fail_msg("detected %s (%zu), want %s (%d)", name_, score_, \
				 (want_name), (int)(want_score));              \
	} while (0)

static void test_builtins_compile(void **state)
{
	char err[128];
	(void)state;

	/* every built-in compiles, and knows a time and a status */
	for (int i = 0; access_builtins[i].name; i++) {
		struct log_format f;
		if (log_format_compile(&f, access_builtins[i].name, access_builtins[i].spec, err,
				       sizeof err))
			fail_msg("%s: %s", access_builtins[i].name, err);
		assert_string_equal(f.name, access_builtins[i].name);
		assert_int_equal(f.has[LF_TIME_CLF], 1);
		assert_int_equal(f.has[LF_STATUS], 1);
		log_format_free(&f);
	}
}

static void test_detect_each(void **state)
{
	(void)state;

	const char *common[] = {
		"127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" "
		"200 2326",
		"127.0.0.1 - - [10/Oct/2000:13:55:37 -0700] \"GET / HTTP/1.0\" 503 -",
		NULL};
	assert_detects(common, "common", 2);

	const char *combined[] = {COMBINED("200"), COMBINED("404"), COMBINED("502"), NULL};
	assert_detects(combined, "combined", 3);

	/* X-Forwarded-For is a quoted list: spaces are fine */
	const char *xff[] = {COMBINED("200") " \"203.0.113.7, 10.0.0.1\"",
			     COMBINED("200") " \"-\"", NULL};
	assert_detects(xff, "combined+xff", 2);

	const char *timed[] = {COMBINED("200") " 0.123", COMBINED("500") " 1.000", NULL};
	assert_detects(timed, "nginx-timed", 2);

	/* the upstream may be "-" (no upstream) or a list */
	const char *upstream[] = {COMBINED("200") " 0.123 0.120",
				  COMBINED("200") " 0.105 0.004, 0.100",
				  COMBINED("404") " 0.000 -", NULL};
	assert_detects(upstream, "nginx-upstream", 3);

	const char *upstream2[] = {COMBINED("200") " 0.123 0.001 0.100 0.120",
				   COMBINED("200") " 0.123 0.001, 0.002 0.100, 0.050 0.120, 0.060",
				   NULL};
	assert_detects(upstream2, "nginx-upstream2", 2);

	/* ingress-nginx's default log-format-upstream */
	const char *ingress[] = {
		COMBINED("200") " 512 0.104 [default-web-80] [] 10.0.0.1:80 1234 0.104 200 "
				"5b6f0d3c1e2a4f6b8c9d0e1f2a3b4c5d",
		COMBINED("502") " 498 0.105 [default-web-80] [] 10.0.0.1:80, 10.0.0.2:80 0, 1234 "
				"0.004, 0.100 502, 200 6c7f0d3c1e2a4f6b8c9d0e1f2a3b4c5d",
		NULL};
	assert_detects(ingress, "ingress-nginx", 2);
}

/* The best layout wins when not every line fits one. */
static void test_detect_mixed(void **state)
{
	(void)state;

	const char *lines[] = {COMBINED("200"), COMBINED("200") " 0.123",
			       COMBINED("200") " 0.200", "garbage", NULL};
	assert_detects(lines, "nginx-timed", 2);
}

/* nginx writes $request_time as "0.123": an integer there is another
 * layout (Apache's %D, microseconds), which no built-in describes. */
static void test_detect_needs_decimal_point(void **state)
{
	(void)state;

	const char *apache_d[] = {COMBINED("200") " 1234", COMBINED("200") " 56", NULL};
	assert_detects(apache_d, "", 0);
	const char *one[] = {COMBINED("200") " 1234", COMBINED("200") " 0.056", NULL};
	assert_detects(one, "nginx-timed", 1);
}

/* What a line must hold beyond its shape: a CLF time and a 3-digit status. */
static void test_detect_plausible(void **state)
{
	(void)state;

	const char *bad_time[] = {
		"127.0.0.1 - - [yesterday at noon] \"GET / HTTP/1.0\" 200 2326", NULL};
	assert_detects(bad_time, "", 0);
	const char *bad_status[] = {
		"127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 2000 2326", NULL};
	assert_detects(bad_status, "", 0);
}

static void test_detect_none(void **state)
{
	(void)state;

	const char *garbage[] = {"hello world", "", "foo bar baz", NULL};
	assert_detects(garbage, "", 0);
	const char *csv[] = {"time,status,latency_ms", "2026-10-01T12:00:00Z,200,12",
			     "2026-10-01T12:00:01Z,503,250", NULL};
	assert_detects(csv, "", 0);
	const char *json[] = {"{\"status\":200,\"duration\":0.1}", NULL};
	assert_detects(json, "", 0);
	const char *none[] = {NULL};
	assert_detects(none, "", 0);
}

/* Compiles the built-in layout name. */
static void builtin(struct log_format *f, const char *name)
{
	char err[128];
	for (int i = 0; access_builtins[i].name; i++)
		if (strcmp(access_builtins[i].name, name) == 0) {
			if (log_format_compile(f, name, access_builtins[i].spec, err, sizeof err))
				fail_msg("%s: %s", name, err);
			return;
		}
	fail_msg("no built-in %s", name);
}

static struct status_set default_set;

/* Matches line with f and converts it; returns access_log_record's result. */
static int record(const struct log_format *f, const char *line, bool need_latency,
		  struct slo_record *rec, char *why, size_t whylen)
{
	struct log_match m;
	size_t where;
	status_set_default(&default_set);
	if (log_format_match(f, line, strlen(line), &m, &where) != 0)
		fail_msg("\"%s\" does not match %s at item %zu", line, f->name, where);
	why[0] = '\0';
	return access_log_record(&m, &default_set, need_latency, rec, why, whylen);
}

static void test_record_time(void **state)
{
	struct log_format f;
	struct slo_record rec;
	char why[256];
	(void)state;

	builtin(&f, "common");
	assert_int_equal(record(&f, HEAD "200 2326", false, &rec, why, sizeof why), 0);
	assert_true(rec.has_time && rec.time == T0 * S);
	assert_true(rec.total == 1 && rec.bad == 0);
	assert_false(rec.has_latency);
	/* 13:55:36 at +03:30 is 10:25:36Z, 10.5 hours before 20:55:36Z */
	assert_int_equal(record(&f, "1.2.3.4 - - [10/Oct/2000:13:55:36 +0330] \"GET / HTTP/1.1\" "
				    "200 1", false, &rec, why, sizeof why), 0);
	assert_true(rec.time == (T0 - 37800) * S);
	assert_int_equal(record(&f, "1.2.3.4 - - [10/Oct/2000:13:55:36 +0000] \"GET / HTTP/1.1\" "
				    "200 1", false, &rec, why, sizeof why), 0);
	assert_true(rec.time == (T0 - 25200) * S);
	/* -0700 across midnight: 23:30 on the 9th is 06:30Z on the 10th */
	assert_int_equal(record(&f, "1.2.3.4 - - [09/Oct/2000:23:30:00 -0700] \"GET / HTTP/1.1\" "
				    "200 1", false, &rec, why, sizeof why), 0);
	assert_true(rec.time == INT64_C(971159400) * S);

	assert_int_equal(record(&f, "1.2.3.4 - - [10/Foo/2000:13:55:36 -0700] \"GET / HTTP/1.1\" "
				    "200 1", false, &rec, why, sizeof why), -1);
	assert_string_equal(why, "time \"10/Foo/2000:13:55:36 -0700\" is not a valid time");
	assert_int_equal(record(&f, "1.2.3.4 - - [30/Feb/2000:13:55:36 -0700] \"GET / HTTP/1.1\" "
				    "200 1", false, &rec, why, sizeof why), -1);
	assert_string_equal(why, "time \"30/Feb/2000:13:55:36 -0700\" is out of range");
	log_format_free(&f);

	/* $time_iso8601 and $msec in a layout of the user's */
	char err[128];
	assert_int_equal(log_format_compile(&f, "custom", "$time_iso8601 $status", err, sizeof err),
			 0);
	assert_int_equal(record(&f, "2000-10-10T13:55:36-07:00 200", false, &rec, why, sizeof why),
			 0);
	assert_true(rec.has_time && rec.time == T0 * S);
	assert_int_equal(record(&f, "2000-10-10 200", false, &rec, why, sizeof why), 0);
	assert_true(rec.time == INT64_C(971136000) * S); /* midnight UTC */
	log_format_free(&f);
	assert_int_equal(log_format_compile(&f, "custom", "$msec $status", err, sizeof err), 0);
	assert_int_equal(record(&f, "971211336.250 200", false, &rec, why, sizeof why), 0);
	assert_true(rec.time == T0 * S + 250000000);
	assert_int_equal(record(&f, "soon 200", false, &rec, why, sizeof why), -1);
	assert_string_equal(why, "time \"soon\" is not a valid time");
	log_format_free(&f);

	/* Apache's %t is written with its brackets */
	assert_int_equal(log_format_compile(&f, "custom", "%h %l %u %t \\\"%r\\\" %>s %b", err,
					    sizeof err),
			 0);
	assert_int_equal(record(&f, HEAD "503 2326", false, &rec, why, sizeof why), 0);
	assert_true(rec.has_time && rec.time == T0 * S);
	assert_true(rec.bad == 1);
	log_format_free(&f);

	/* no time in the layout: a record without one, not an error */
	assert_int_equal(log_format_compile(&f, "custom", "$status $request_time", err, sizeof err),
			 0);
	assert_int_equal(record(&f, "200 0.5", true, &rec, why, sizeof why), 0);
	assert_false(rec.has_time);
	log_format_free(&f);
}

static void test_record_status(void **state)
{
	struct log_format f;
	struct slo_record rec;
	char why[256];
	(void)state;

	builtin(&f, "common");
	assert_int_equal(record(&f, HEAD "503 0", false, &rec, why, sizeof why), 0);
	assert_true(rec.total == 1 && rec.bad == 1);
	assert_int_equal(record(&f, HEAD "500 0", false, &rec, why, sizeof why), 0);
	assert_true(rec.bad == 1);
	assert_int_equal(record(&f, HEAD "599 0", false, &rec, why, sizeof why), 0);
	assert_true(rec.bad == 1);
	/* 4xx are the client's errors: good by default */
	assert_int_equal(record(&f, HEAD "404 0", false, &rec, why, sizeof why), 0);
	assert_true(rec.bad == 0);
	assert_int_equal(record(&f, HEAD "499 0", false, &rec, why, sizeof why), 0);
	assert_true(rec.bad == 0);
	assert_int_equal(record(&f, HEAD "2x0 0", false, &rec, why, sizeof why), -1);
	assert_string_equal(why, "status \"2x0\" is not an HTTP status (100-599)");
	assert_int_equal(record(&f, HEAD "600 0", false, &rec, why, sizeof why), -1);
	assert_string_equal(why, "status \"600\" is not an HTTP status (100-599)");
	assert_int_equal(record(&f, HEAD "- 0", false, &rec, why, sizeof why), -1);
	assert_string_equal(why, "status \"-\" is not an HTTP status (100-599)");

	/* another bad set */
	struct status_set set;
	char item[32];
	struct log_match m;
	size_t where;
	const char *line = HEAD "429 0";
	assert_int_equal(status_set_parse(&set, "429", item, sizeof item), 0);
	assert_int_equal(log_format_match(&f, line, strlen(line), &m, &where), 0);
	assert_int_equal(access_log_record(&m, &set, false, &rec, why, sizeof why), 0);
	assert_true(rec.bad == 1);
	log_format_free(&f);
}

static void test_record_latency(void **state)
{
	struct log_format f;
	struct slo_record rec;
	char why[256];
	(void)state;

	builtin(&f, "nginx-timed");
	/* $request_time is seconds */
	assert_int_equal(record(&f, COMBINED("200") " 0.123", true, &rec, why, sizeof why), 0);
	assert_true(rec.has_latency && rec.latency == 123 * NS_PER_MS);
	assert_int_equal(record(&f, COMBINED("200") " 12.000", true, &rec, why, sizeof why), 0);
	assert_true(rec.latency == 12 * NS_PER_S);
	/* without a latency objective the field is not read at all */
	assert_int_equal(record(&f, COMBINED("200") " x", false, &rec, why, sizeof why), 0);
	assert_false(rec.has_latency);
	assert_int_equal(record(&f, COMBINED("200") " x", true, &rec, why, sizeof why), -1);
	assert_string_equal(why, "latency \"x\" is not a number");
	assert_int_equal(record(&f, COMBINED("200") " -1", true, &rec, why, sizeof why), -1);
	assert_string_equal(why, "latency \"-1\" is not a number");
	log_format_free(&f);

	/* $request_time is preferred to the upstream's time */
	builtin(&f, "nginx-upstream");
	assert_int_equal(record(&f, COMBINED("200") " 0.123 0.120", true, &rec, why, sizeof why),
			 0);
	assert_true(rec.latency == 123 * NS_PER_MS);
	log_format_free(&f);

	/* only the upstream's time: a list of tries sums, 4 + 100 ms */
	char err[128];
	assert_int_equal(log_format_compile(&f, "custom", "$status $upstream_response_time", err,
					    sizeof err),
			 0);
	assert_int_equal(record(&f, "502 0.004, 0.100", true, &rec, why, sizeof why), 0);
	assert_true(rec.has_latency && rec.latency == 104 * NS_PER_MS);
	assert_int_equal(record(&f, "200 0.250", true, &rec, why, sizeof why), 0);
	assert_true(rec.latency == 250 * NS_PER_MS);
	/* "-": no upstream answered (nginx refused a bad request itself); the
	 * request counts for availability but has no latency to judge */
	assert_int_equal(record(&f, "400 -", true, &rec, why, sizeof why), 0);
	assert_false(rec.has_latency);
	assert_true(rec.total == 1 && rec.bad == 0);
	assert_int_equal(record(&f, "504 -", true, &rec, why, sizeof why), 0);
	assert_false(rec.has_latency);
	assert_true(rec.bad == 1);
	/* a "-" among tries is one that got no answer: the others sum */
	assert_int_equal(record(&f, "502 0.004, -", true, &rec, why, sizeof why), 0);
	assert_true(rec.has_latency && rec.latency == 4 * NS_PER_MS);
	assert_int_equal(record(&f, "502 0.004, x", true, &rec, why, sizeof why), -1);
	assert_string_equal(why, "latency \"0.004, x\" is not a number");
	log_format_free(&f);

	/* Apache %D is microseconds, %{ms}T milliseconds */
	assert_int_equal(log_format_compile(&f, "custom", "%>s %D", err, sizeof err), 0);
	assert_int_equal(record(&f, "200 1234", true, &rec, why, sizeof why), 0);
	assert_true(rec.latency == 1234 * NS_PER_US);
	log_format_free(&f);
	assert_int_equal(log_format_compile(&f, "custom", "%>s %{ms}T", err, sizeof err), 0);
	assert_int_equal(record(&f, "200 250", true, &rec, why, sizeof why), 0);
	assert_true(rec.latency == 250 * NS_PER_MS);
	log_format_free(&f);

	/* no latency field in the layout at all */
	builtin(&f, "combined");
	assert_int_equal(record(&f, COMBINED("200"), true, &rec, why, sizeof why), -1);
	assert_string_equal(why, "no latency field in this log format");
	assert_int_equal(record(&f, COMBINED("200"), false, &rec, why, sizeof why), 0);
	log_format_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtins_compile),
		cmocka_unit_test(test_detect_each),
		cmocka_unit_test(test_detect_mixed),
		cmocka_unit_test(test_detect_needs_decimal_point),
		cmocka_unit_test(test_detect_plausible),
		cmocka_unit_test(test_detect_none),
		cmocka_unit_test(test_record_time),
		cmocka_unit_test(test_record_status),
		cmocka_unit_test(test_record_latency),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
