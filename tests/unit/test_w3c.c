/* input/w3c: IIS W3C extended logs, #Fields: layouts and data lines. */
#include "testing.h"

#include <string.h>

#include "input/w3c.h"
#include "util/duration.h"

#define S INT64_C(1000000000)
/* 2026-10-01T12:00:00Z */
#define NOON INT64_C(1790856000)

#define IIS_FIELDS "#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port " \
		   "cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus "  \
		   "sc-win32-status time-taken"

static struct status_set default_set;

static int directive(struct w3c *w, const char *line, bool need_latency, char *why,
		     size_t whylen)
{
	why[0] = '\0';
	return w3c_directive(w, line, strlen(line), need_latency, why, whylen);
}

static int record(const struct w3c *w, const char *line, bool need_latency,
		  struct slo_record *rec, char *why, size_t whylen)
{
	status_set_default(&default_set);
	why[0] = '\0';
	return w3c_record(w, line, strlen(line), &default_set, need_latency, rec, why, whylen);
}

static void test_is_directive(void **state)
{
	(void)state;
#define D(s) w3c_is_directive((s), strlen(s))
	assert_true(D("#Software: Microsoft Internet Information Services 10.0"));
	assert_true(D("#Version: 1.0"));
	assert_true(D("#Date: 2026-10-01 00:00:00"));
	assert_true(D(IIS_FIELDS));
	assert_true(D("#Start-Date: 2026-10-01 00:00:00"));
	assert_true(D("#End-Date: 2026-10-01 23:59:59"));
	assert_true(D("#Remark: rotated"));
	assert_false(D("#Fields"));    /* no colon */
	assert_false(D("# a comment"));
	assert_false(D("#fields: date")); /* directives are case-sensitive */
	assert_false(D("2026-10-01 12:00:00 GET / 200 15"));
	assert_false(D(""));
#undef D
}

static void test_fields_iis(void **state)
{
	struct w3c w = {0};
	char why[256];
	(void)state;

	/* other directives are read and leave the layout alone */
	assert_int_equal(directive(&w, "#Software: Microsoft Internet Information Services 10.0",
				   true, why, sizeof why),
			 0);
	assert_int_equal(w.nfields, 0);
	assert_int_equal(directive(&w, IIS_FIELDS, true, why, sizeof why), 0);
	assert_int_equal(w.nfields, 15);
	assert_int_equal(w.date, 0);
	assert_int_equal(w.time, 1);
	assert_int_equal(w.status, 11);
	assert_int_equal(w.taken, 14);
}

/* The fields may come in any order, and a later #Fields replaces it. */
static void test_fields_order(void **state)
{
	struct w3c w = {0};
	char why[256];
	(void)state;

	assert_int_equal(directive(&w, "#Fields: time-taken sc-status time date", true, why,
				   sizeof why),
			 0);
	assert_int_equal(w.taken, 0);
	assert_int_equal(w.status, 1);
	assert_int_equal(w.time, 2);
	assert_int_equal(w.date, 3);
	assert_int_equal(w.nfields, 4);

	assert_int_equal(directive(&w, "#Fields: cs-method sc-status", false, why, sizeof why), 0);
	assert_int_equal(w.nfields, 2);
	assert_int_equal(w.status, 1);
	assert_int_equal(w.date, -1);
	assert_int_equal(w.time, -1);
	assert_int_equal(w.taken, -1);
	/* names compare whole: sc-substatus is not sc-status */
	assert_int_equal(directive(&w, "#Fields: sc-substatus sc-status", false, why, sizeof why),
			 0);
	assert_int_equal(w.status, 1);
}

static void test_fields_errors(void **state)
{
	struct w3c w = {0};
	char why[256];
	(void)state;

	assert_int_equal(directive(&w, "#Fields: date time cs-method time-taken", false, why,
				   sizeof why),
			 -1);
	assert_string_equal(why, "#Fields: has no sc-status");
	/* no time-taken: fine for availability, an error for latency */
	assert_int_equal(directive(&w, "#Fields: date time sc-status", false, why, sizeof why), 0);
	assert_int_equal(w.taken, -1);
	assert_int_equal(directive(&w, "#Fields: date time sc-status", true, why, sizeof why), -1);
	assert_string_equal(why, "#Fields: has no time-taken, and a latency objective needs it");
	assert_int_equal(directive(&w, "#Fields:", false, why, sizeof why), -1);
	assert_string_equal(why, "#Fields: names no field, or more than 64");
	assert_int_equal(directive(&w, "#Fields:   ", false, why, sizeof why), -1);
}

static void test_record(void **state)
{
	struct w3c w = {0};
	struct slo_record rec;
	char why[256];
	(void)state;

	assert_int_equal(directive(&w, IIS_FIELDS, true, why, sizeof why), 0);
	/* date and time are UTC; time-taken is ms */
	assert_int_equal(record(&w, "2026-10-01 12:00:00 10.0.0.1 GET /index.html - 443 - "
				    "203.0.113.9 Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 15",
				true, &rec, why, sizeof why),
			 0);
	assert_true(rec.has_time && rec.time == NOON * S);
	assert_true(rec.total == 1 && rec.bad == 0);
	assert_true(rec.has_latency && rec.latency == 15 * NS_PER_MS);

	assert_int_equal(record(&w, "2026-10-01 12:00:01 10.0.0.1 POST /api q=1 443 bob "
				    "203.0.113.9 curl/8.0 - 503 0 64 30000",
				true, &rec, why, sizeof why),
			 0);
	assert_true(rec.time == (NOON + 1) * S);
	assert_true(rec.bad == 1);
	assert_true(rec.latency == 30 * NS_PER_S);
}

static void test_record_errors(void **state)
{
	struct w3c w = {0};
	struct slo_record rec;
	char why[256];
	(void)state;

	assert_int_equal(record(&w, "2026-10-01 12:00:00 200 15", false, &rec, why, sizeof why),
			 -1);
	assert_string_equal(why, "data before any #Fields: directive");

	assert_int_equal(directive(&w, "#Fields: date time sc-status time-taken", true, why,
				   sizeof why),
			 0);
	assert_int_equal(record(&w, "2026-10-01 12:00:00 200", true, &rec, why, sizeof why), -1);
	assert_string_equal(why, "line has 3 fields, #Fields: names 4");
	assert_int_equal(record(&w, "2026-10-01 12:00:00 200 15 x", true, &rec, why, sizeof why),
			 -1);
	assert_string_equal(why, "line has 5 fields, #Fields: names 4");

	assert_int_equal(record(&w, "2026-13-01 12:00:00 200 15", true, &rec, why, sizeof why), -1);
	assert_string_equal(why, "date and time \"2026-13-01 12:00:00\" are not a valid time");
	assert_int_equal(record(&w, "2026-10-01 noon 200 15", true, &rec, why, sizeof why), -1);
	assert_string_equal(why, "date and time \"2026-10-01 noon\" are not a valid time");

	assert_int_equal(record(&w, "2026-10-01 12:00:00 2OO 15", true, &rec, why, sizeof why), -1);
	assert_string_equal(why, "sc-status \"2OO\" is not an HTTP status (100-599)");

	/* time-taken: a whole number of ms, read only for latency */
	assert_int_equal(record(&w, "2026-10-01 12:00:00 200 -", true, &rec, why, sizeof why), -1);
	assert_string_equal(why, "time-taken \"-\" is not a whole number of ms");
	assert_int_equal(record(&w, "2026-10-01 12:00:00 200 1.5", true, &rec, why, sizeof why),
			 -1);
	assert_string_equal(why, "time-taken \"1.5\" is not a whole number of ms");
	assert_int_equal(record(&w, "2026-10-01 12:00:00 200 -", false, &rec, why, sizeof why), 0);
	assert_false(rec.has_latency);
	assert_true(rec.has_time);
}

/* Without date and time in the layout, records have no time. */
static void test_record_no_time(void **state)
{
	struct w3c w = {0};
	struct slo_record rec;
	char why[256];
	(void)state;

	assert_int_equal(directive(&w, "#Fields: cs-uri-stem sc-status", false, why, sizeof why),
			 0);
	assert_int_equal(record(&w, "/health 500", false, &rec, why, sizeof why), 0);
	assert_false(rec.has_time);
	assert_true(rec.bad == 1);
	/* a date alone is no time either */
	assert_int_equal(directive(&w, "#Fields: date sc-status", false, why, sizeof why), 0);
	assert_int_equal(record(&w, "2026-10-01 200", false, &rec, why, sizeof why), 0);
	assert_false(rec.has_time);
}

/* The value w3c_field finds for name, or "(none)" for -1 (static). */
static const char *field(const struct w3c *w, const char *line, const char *name)
{
	static char buf[128];
	const char *v;
	size_t len;
	if (w3c_field(w, line, strlen(line), name, &v, &len) != 0)
		return "(none)";
	assert_true(len < sizeof buf);
	memcpy(buf, v, len);
	buf[len] = '\0';
	return buf;
}

static void test_field_by_name(void **state)
{
	struct w3c w = {0};
	char why[256];
	const char *line = "2026-10-01 12:00:00 10.0.0.1 GET /index.html - 443 - 203.0.113.9 "
			   "Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 15";
	(void)state;

	assert_int_equal(directive(&w, IIS_FIELDS, true, why, sizeof why), 0);
	assert_string_equal(field(&w, line, "cs-uri-stem"), "/index.html");
	assert_string_equal(field(&w, line, "cs(User-Agent)"), "Mozilla/5.0+(Windows+NT+10.0)");
	assert_string_equal(field(&w, line, "sc-status"), "200");
	/* the aliases */
	assert_string_equal(field(&w, line, "path"), "/index.html");
	assert_string_equal(field(&w, line, "method"), "GET");
	/* "-" is an empty value */
	assert_string_equal(field(&w, line, "query"), "");
	/* IIS_FIELDS has no cs-host: a field the #Fields block lacks reads
	 * as empty, since a later block may have it */
	assert_string_equal(field(&w, line, "host"), "");
	assert_string_equal(field(&w, line, "sc-bytes"), "");
	assert_string_equal(field(&w, line, "cs-uri"), ""); /* names compare whole */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_is_directive),
		cmocka_unit_test(test_fields_iis),
		cmocka_unit_test(test_fields_order),
		cmocka_unit_test(test_fields_errors),
		cmocka_unit_test(test_record),
		cmocka_unit_test(test_record_errors),
		cmocka_unit_test(test_record_no_time),
		cmocka_unit_test(test_field_by_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
