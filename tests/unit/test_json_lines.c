/* input/json_lines: Caddy, Traefik and other JSON-lines access logs through json-c. */
#include "testing.h"

#include <string.h>

#include "input/json_lines.h"
#include "util/duration.h"

#define S INT64_C(1000000000)

/* A Caddy access log line (Caddy 2 docs, "Structured logs"). */
#define CADDY "{\"level\":\"info\",\"ts\":1646861401.5241024,\"logger\":\"http.log.access\"," \
	      "\"msg\":\"handled request\",\"request\":{\"remote_ip\":\"127.0.0.1\","         \
	      "\"remote_port\":\"41342\",\"proto\":\"HTTP/2.0\",\"method\":\"GET\","         \
	      "\"host\":\"localhost\",\"uri\":\"/\",\"headers\":{\"User-Agent\":"            \
	      "[\"curl/7.82.0\"]},\"tls\":{\"resumed\":false,\"version\":772}},"             \
	      "\"user_id\":\"\",\"duration\":0.000721,\"size\":0,\"status\":200,"            \
	      "\"resp_headers\":{\"Server\":[\"Caddy\"]}}"
/* 1646861401.5241024 s: the 7 decimals are 524102400 ns */
#define CADDY_TS (INT64_C(1646861401) * S + 524102400)

/* A Traefik access log line: Duration in ns, DownstreamStatus. */
#define TRAEFIK "{\"ClientAddr\":\"172.18.0.1:56942\",\"DownstreamContentSize\":19,"       \
		"\"DownstreamStatus\":503,\"Duration\":2510000,\"OriginStatus\":0,"       \
		"\"RequestMethod\":\"GET\",\"RequestPath\":\"/\",\"StartUTC\":"           \
		"\"2024-05-26T11:42:52.601481Z\",\"level\":\"info\",\"msg\":\"\","        \
		"\"time\":\"2024-05-26T11:42:52Z\"}"
/* 2024-05-26T11:42:52Z */
#define TRAEFIK_TIME INT64_C(1716723772)

static struct status_set default_set;

static struct json_lines_config config(bool need_latency)
{
	struct json_lines_config c;
	memset(&c, 0, sizeof c);
	status_set_default(&default_set);
	c.bad_status = &default_set;
	c.need_latency = need_latency;
	return c;
}

/* Converts one line with a fresh reader made from cfg. */
static int record(const struct json_lines_config *cfg, const char *line, struct slo_record *rec,
		  char *why, size_t whylen)
{
	struct json_lines *j = json_lines_new(cfg);
	assert_non_null(j);
	why[0] = '\0';
	int r = json_lines_record(j, line, strlen(line), rec, why, whylen);
	json_lines_free(j);
	return r;
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

static void test_detect(void **state)
{
	(void)state;
#define D(s) json_lines_detect((s), strlen(s))
	assert_true(D(CADDY));
	assert_true(D("{}"));
	assert_true(D("caddy  | " CADDY));
	assert_false(D("[1,2]"));
	assert_false(D("\"a\" {\"status\":200}")); /* a JSON value before it */
	assert_false(D("{\"status\":200} tail"));
	assert_false(D("status=200 duration=1"));
#undef D
}

/* json_lines.h: detect is true "when the line holds a JSON object"; JSON
 * allows white space after a value, and json_lines_record reads such a line. */
static void test_detect_trailing_space(void **state)
{
	struct json_lines_config cfg = config(false);
	struct slo_record rec;
	char why[256];
	const char *line = "{\"status\":200} ";
	(void)state;

	assert_int_equal(record(&cfg, line, &rec, why, sizeof why), 0);
	assert_true(json_lines_detect(line, strlen(line)));
}

static void test_caddy(void **state)
{
	struct json_lines_config cfg = config(true);
	struct json_lines *j = json_lines_new(&cfg);
	struct slo_record rec;
	char why[256], desc[128];
	(void)state;

	assert_non_null(j);
	if (json_lines_record(j, CADDY, strlen(CADDY), &rec, why, sizeof why) != 0)
		fail_msg("caddy: %s", why);
	assert_true(rec.has_time && rec.time == CADDY_TS);
	assert_true(rec.total == 1 && rec.bad == 0);
	/* duration is seconds as a float: 0.000721 s */
	assert_true(rec.has_latency && rec.latency == 721000);
	json_lines_describe(j, desc, sizeof desc);
	assert_string_equal(desc, "status=status time=ts latency=duration (s)");

	/* docker compose's prefix before the object */
	const char *prefixed = "caddy  | " CADDY;
	assert_int_equal(json_lines_record(j, prefixed, strlen(prefixed), &rec, why, sizeof why),
			 0);
	assert_true(rec.latency == 721000);
	json_lines_free(j);
}

static void test_traefik(void **state)
{
	struct json_lines_config cfg = config(true);
	struct json_lines *j = json_lines_new(&cfg);
	struct slo_record rec;
	char why[256], desc[128];
	(void)state;

	assert_non_null(j);
	if (json_lines_record(j, TRAEFIK, strlen(TRAEFIK), &rec, why, sizeof why) != 0)
		fail_msg("traefik: %s", why);
	/* "time" comes before StartUTC in the names tried */
	assert_true(rec.has_time && rec.time == TRAEFIK_TIME * S);
	assert_true(rec.bad == 1); /* DownstreamStatus 503, not OriginStatus 0 */
	/* Duration is an integer of ns */
	assert_true(rec.has_latency && rec.latency == 2510000);
	json_lines_describe(j, desc, sizeof desc);
	assert_string_equal(desc, "status=DownstreamStatus time=time latency=Duration (ns)");
	json_lines_free(j);
}

static void test_not_requests(void **state)
{
	struct json_lines_config cfg = config(false);
	struct slo_record rec;
	char why[256];
	(void)state;

	/* Caddy's own start-up message has no status */
	assert_int_equal(record(&cfg, "{\"level\":\"info\",\"ts\":1646861401.52,\"msg\":\"serving "
				      "initial configuration\"}",
				&rec, why, sizeof why),
			 JSON_LINES_NOT_REQUEST);
	assert_string_equal(why,
			    "no status field: not a request (\"serving initial configuration\")");
	assert_int_equal(record(&cfg, "{\"level\":\"info\"}", &rec, why, sizeof why),
			 JSON_LINES_NOT_REQUEST);
	assert_string_equal(why, "no status field: not a request");
	assert_int_equal(record(&cfg, "{\"status\":\"weird\"}", &rec, why, sizeof why), -1);
	assert_string_equal(why, "status weird is not an HTTP status (100-599)");
	assert_int_equal(record(&cfg, "{\"status\":600}", &rec, why, sizeof why), -1);
	assert_string_equal(why, "status 600 is not an HTTP status (100-599)");
	/* a status as a string, or a word, is judged like any other */
	assert_int_equal(record(&cfg, "{\"status\":\"502\"}", &rec, why, sizeof why), 0);
	assert_true(rec.bad == 1);
	assert_false(rec.has_time);
}

static void test_invalid_json(void **state)
{
	struct json_lines_config cfg = config(false);
	struct slo_record rec;
	char why[256];
	(void)state;

	assert_int_equal(record(&cfg, "{\"status\":200,", &rec, why, sizeof why), -1);
	assert_string_equal(why, "not valid JSON: the object is cut off");
	assert_int_equal(record(&cfg, "{\"status\":20x}", &rec, why, sizeof why), -1);
	assert_starts(why, "not valid JSON: ");
	assert_int_equal(record(&cfg, "{\"status\":200} trailing", &rec, why, sizeof why), -1);
	assert_string_equal(why, "not valid JSON: text after the object");
	assert_int_equal(record(&cfg, "{\"status\":200}{\"status\":500}", &rec, why, sizeof why),
			 -1);
	assert_string_equal(why, "not valid JSON: text after the object");
	assert_int_equal(record(&cfg, "status=200", &rec, why, sizeof why), -1);
	assert_string_equal(why, "no JSON object on the line");
	/* a quote before the brace: the object is inside another value */
	assert_int_equal(record(&cfg, "\"x\" {\"status\":200}", &rec, why, sizeof why), -1);
	assert_string_equal(why, "no JSON object on the line");
	assert_int_equal(record(&cfg, "{\"time\":\"yesterday\",\"status\":200}", &rec, why,
				sizeof why),
			 -1);
	assert_string_equal(why, "time yesterday is not a time");
}

static void test_paths(void **state)
{
	struct json_lines_config cfg = config(false);
	struct slo_record rec;
	char why[256];
	(void)state;

	/* ECS nests it; the name tried is the dotted path */
	assert_int_equal(record(&cfg, "{\"http\":{\"response\":{\"status_code\":503}}}", &rec, why,
				sizeof why),
			 0);
	assert_true(rec.bad == 1);
	/* a key that itself holds dots is found whole */
	assert_int_equal(record(&cfg, "{\"http.response.status_code\":503}", &rec, why, sizeof why),
			 0);
	assert_true(rec.bad == 1);
	/* and any split of the path between nesting and dotted keys */
	assert_int_equal(record(&cfg, "{\"http\":{\"response.status_code\":503}}", &rec, why,
				sizeof why),
			 0);
	assert_true(rec.bad == 1);
	assert_int_equal(record(&cfg, "{\"http.response\":{\"status_code\":503}}", &rec, why,
				sizeof why),
			 0);
	assert_true(rec.bad == 1);
	/* a path through a value that is not an object finds nothing */
	assert_int_equal(record(&cfg, "{\"http\":\"x\",\"msg\":\"m\"}", &rec, why, sizeof why),
			 JSON_LINES_NOT_REQUEST);
	assert_string_equal(why, "no status field: not a request (\"m\")");

	/* a path the user gives */
	cfg.status_field = "request.status";
	cfg.time_field = "request.at";
	assert_int_equal(record(&cfg, "{\"request\":{\"method\":\"GET\",\"status\":500,"
				      "\"at\":\"2024-05-26T11:42:52Z\"},\"status\":200}",
				&rec, why, sizeof why),
			 0);
	assert_true(rec.bad == 1); /* request.status, not status */
	assert_true(rec.has_time && rec.time == TRAEFIK_TIME * S);
}

static void test_latency_units(void **state)
{
	struct json_lines_config cfg = config(true);
	struct slo_record rec;
	char why[256];
	(void)state;

	/* names with a unit */
	assert_int_equal(record(&cfg, "{\"status\":200,\"latency_ms\":250}", &rec, why, sizeof why),
			 0);
	assert_true(rec.latency == 250 * NS_PER_MS);
	assert_int_equal(record(&cfg, "{\"status\":200,\"request_time\":0.25}", &rec, why,
				sizeof why),
			 0);
	assert_true(rec.latency == 250 * NS_PER_MS);
	/* --latency-unit wins over the name: Caddy's duration read as ms */
	cfg.latency_unit = NS_PER_MS;
	assert_int_equal(record(&cfg, "{\"status\":200,\"duration\":250}", &rec, why, sizeof why),
			 0);
	assert_true(rec.latency == 250 * NS_PER_MS);
	cfg.latency_unit = 0;

	/* Go's time.Duration as text carries its own unit */
	assert_int_equal(record(&cfg, "{\"status\":200,\"latency\":\"250ms\"}", &rec, why,
				sizeof why),
			 0);
	assert_true(rec.latency == 250 * NS_PER_MS);
	assert_int_equal(record(&cfg, "{\"status\":200,\"duration\":\"1.5s\"}", &rec, why,
				sizeof why),
			 0);
	assert_true(rec.latency == 1500 * NS_PER_MS);
	/* a number as a string is a number */
	assert_int_equal(record(&cfg, "{\"status\":200,\"duration\":\"0.5\"}", &rec, why,
				sizeof why),
			 0);
	assert_true(rec.latency == 500 * NS_PER_MS);

	/* a bare number in a field without a unit */
	assert_int_equal(record(&cfg, "{\"status\":200,\"latency\":250}", &rec, why, sizeof why),
			 -1);
	assert_string_equal(why, "latency 250 has no unit; give --latency-unit");
	cfg.latency_unit = NS_PER_US;
	assert_int_equal(record(&cfg, "{\"status\":200,\"latency\":250}", &rec, why, sizeof why),
			 0);
	assert_true(rec.latency == 250 * NS_PER_US);
	cfg.latency_unit = 0;

	assert_int_equal(record(&cfg, "{\"status\":200,\"duration\":-1}", &rec, why, sizeof why),
			 -1);
	assert_string_equal(why, "latency -1 is not a duration");
	assert_int_equal(record(&cfg, "{\"status\":200,\"duration\":\"soon\"}", &rec, why,
				sizeof why),
			 -1);
	assert_string_equal(why, "latency soon is not a duration");
	assert_int_equal(record(&cfg, "{\"status\":200}", &rec, why, sizeof why), -1);
	assert_string_equal(why,
			    "no latency field (looked for duration, Duration, request_time, ...)");
}

static void test_explicit_fields_missing(void **state)
{
	struct json_lines_config cfg = config(true);
	struct slo_record rec;
	char why[256];
	(void)state;

	cfg.status_field = "code";
	assert_int_equal(record(&cfg, "{\"status\":200,\"duration\":0.1,\"msg\":\"x\"}", &rec, why,
				sizeof why),
			 JSON_LINES_NOT_REQUEST);
	assert_string_equal(why, "no code field: not a request (\"x\")");
	cfg.status_field = NULL;
	cfg.latency_field = "took";
	assert_int_equal(record(&cfg, "{\"status\":200,\"duration\":0.1}", &rec, why, sizeof why),
			 -1);
	assert_string_equal(why, "no latency field (looked for took)");
	cfg.latency_field = "resp.took";
	assert_int_equal(record(&cfg, "{\"status\":200,\"resp\":{\"took\":\"20ms\"}}", &rec, why,
				sizeof why),
			 0);
	assert_true(rec.latency == 20 * NS_PER_MS);
}

/* SPEC: latency units come from the name (_ms, _us, _s), as they do for a
 * CSV column the user names (test_csv_columns); json_lines.h: latency_unit
 * 0 is "from the name".  duration_ms is even a default field in ms. */
static void test_explicit_latency_unit_from_name(void **state)
{
	struct json_lines_config cfg = config(true);
	struct slo_record rec;
	char why[256];
	(void)state;

	cfg.latency_field = "duration_ms";
	if (record(&cfg, "{\"status\":200,\"duration_ms\":250}", &rec, why, sizeof why) != 0)
		fail_msg("--latency-field duration_ms: %s", why);
	assert_true(rec.latency == 250 * NS_PER_MS);
	cfg.latency_field = "upstream_ms";
	if (record(&cfg, "{\"status\":200,\"upstream_ms\":250}", &rec, why, sizeof why) != 0)
		fail_msg("--latency-field upstream_ms: %s", why);
	assert_true(rec.latency == 250 * NS_PER_MS);
}

/* The value json_lines_field finds for name after line, or "(none)" for
 * -1 (static). */
static const char *field(struct json_lines *j, const char *name)
{
	static char buf[128];
	const char *v;
	size_t len;
	if (json_lines_field(j, name, &v, &len) != 0)
		return "(none)";
	assert_true(len < sizeof buf);
	memcpy(buf, v, len);
	buf[len] = '\0';
	return buf;
}

static void test_field_by_name(void **state)
{
	struct json_lines_config cfg = config(false);
	struct json_lines *j = json_lines_new(&cfg);
	struct slo_record rec;
	char why[256];
	const char *line;
	(void)state;

	assert_non_null(j);
	/* nothing read yet */
	assert_string_equal(field(j, "status"), "(none)");
	assert_int_equal(json_lines_record(j, CADDY, strlen(CADDY), &rec, why, sizeof why), 0);
	assert_string_equal(field(j, "request.proto"), "HTTP/2.0");
	assert_string_equal(field(j, "logger"), "http.log.access");
	assert_string_equal(field(j, "status"), "200");
	/* the aliases, for Caddy */
	assert_string_equal(field(j, "path"), "/");
	assert_string_equal(field(j, "method"), "GET");
	assert_string_equal(field(j, "host"), "localhost");
	/* a field this record lacks is empty (others may have it) */
	assert_string_equal(field(j, "request.nothing"), "");

	line = "{\"status\":200,\"request\":{\"uri\":\"/a/b?c=d\"}}";
	assert_int_equal(json_lines_record(j, line, strlen(line), &rec, why, sizeof why), 0);
	assert_string_equal(field(j, "path"), "/a/b"); /* no query */
	assert_string_equal(field(j, "request.uri"), "/a/b?c=d");

	/* and for Traefik */
	assert_int_equal(json_lines_record(j, TRAEFIK, strlen(TRAEFIK), &rec, why, sizeof why), 0);
	assert_string_equal(field(j, "path"), "/");
	assert_string_equal(field(j, "method"), "GET");
	assert_string_equal(field(j, "ClientAddr"), "172.18.0.1:56942");
	json_lines_free(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_detect_trailing_space),
		cmocka_unit_test(test_caddy),
		cmocka_unit_test(test_traefik),
		cmocka_unit_test(test_not_requests),
		cmocka_unit_test(test_invalid_json),
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_latency_units),
		cmocka_unit_test(test_explicit_fields_missing),
		cmocka_unit_test(test_field_by_name),
		cmocka_unit_test(test_explicit_latency_unit_from_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
