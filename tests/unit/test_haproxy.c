/* input/haproxy: HAProxy HTTP log lines through syslog, and the lines that are not requests. */
#include "testing.h"

#include <string.h>

#include "input/haproxy.h"
#include "util/duration.h"

/* Lines 1, 4, 9 and 14 of lnav's test log logfile_haproxy.0. */
#define STARTED "Feb 25 16:19:38 192.168.4.2 haproxy[1]: Proxy prod_http_in started."
#define REQ1 "Feb 25 16:19:49 192.168.4.2 haproxy[7]: 141.35.244.171:53332 "          \
	     "[25/Feb/2019:16:19:48.143] prod_http_in~ bk_admin/nginx_sonst "        \
	     "0/0/7/1457/1487 200 11394 - - ---- 2/1/0/0/0 0/0 {Mozilla/5.0 (Windows " \
	     "NT 6.1; Win64; x64; rv:65.0) Gecko/20100101 Firefox/65.0} {} \"GET "     \
	     "/admin/colt/administration?survey=130&input_stats=1&ajax=1&&ajax=1&"      \
	     "refresh=1&ihandle=1 HTTP/1.1\""
#define REQ2 "Feb 25 16:20:09 192.168.4.2 haproxy[7]: 89.247.124.65:15564 "           \
	     "[25/Feb/2019:16:20:06.321] prod_http_in~ bk_ktest_kt/nginx_sonst "      \
	     "0/0/1/43/2707 200 26170 - - ---- 3/3/1/1/0 0/0 {Mozilla/5.0 (Windows "   \
	     "NT 10.0; Win64; x64; rv:65.0) Gecko/20100101 Firefox/65.0} {} \"GET "    \
	     "/portal/?Script=934&onlinetest=korrektur&anm=13915&currentPage=0 "        \
	     "HTTP/1.1\""
#define SSL_FAIL "Feb 25 16:20:15 192.168.4.2 haproxy[7]: 95.216.197.33:56224 "       \
		 "[25/Feb/2019:16:20:10.111] prod_http_in/sktst2: SSL handshake failure"

/* A line of the same shape with the timers and status given. */
#define LINE(timers, status) "Feb 25 16:19:49 192.168.4.2 haproxy[7]: 1.2.3.4:5 "     \
			     "[25/Feb/2019:16:19:48.143] fe~ be/srv " timers " " status \
			     " 11394 - - ---- 2/1/0/0/0 0/0 \"GET / HTTP/1.1\""

/* 2019-02-25T16:19:48.143Z in ms */
#define ACCEPT1 INT64_C(1551111588143)

static struct status_set default_set;

static int record(const char *line, bool need_latency, struct slo_record *rec, char *why,
		  size_t whylen)
{
	status_set_default(&default_set);
	why[0] = '\0';
	return haproxy_record(line, strlen(line), &default_set, need_latency, rec, why, whylen);
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
#define D(s) haproxy_detect((s), strlen(s))
	assert_true(D(STARTED));
	assert_true(D(REQ1));
	assert_true(D(SSL_FAIL));
	assert_false(D("127.0.0.1 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.0\" 200 1"));
	assert_false(D("Feb 25 16:19:38 host haproxy: no pid"));
	assert_false(D("Feb 25 16:19:38 host haproxy[1] no colon"));
	assert_false(D("Feb 25 16:19:38 host nginx[1]: started"));
	assert_false(D(""));
#undef D
}

static void test_real_requests(void **state)
{
	struct slo_record rec;
	char why[256];
	(void)state;

	assert_int_equal(record(REQ1, true, &rec, why, sizeof why), 0);
	/* the accept date, with its ms, not the syslog stamp (16:19:49) */
	assert_true(rec.has_time && rec.time == ACCEPT1 * NS_PER_MS);
	assert_true(rec.total == 1 && rec.bad == 0);
	/* Ta, the last timer, in ms */
	assert_true(rec.has_latency && rec.latency == 1487 * NS_PER_MS);

	/* 16:20:06.321 is 18.178 s after ACCEPT1; accepted 3 s before the
	 * syslog stamp because the request took 2707 ms */
	assert_int_equal(record(REQ2, true, &rec, why, sizeof why), 0);
	assert_true(rec.time == (ACCEPT1 + 18178) * NS_PER_MS);
	assert_true(rec.latency == 2707 * NS_PER_MS);
}

static void test_not_requests(void **state)
{
	struct slo_record rec;
	char why[256];
	(void)state;

	/* not requests, but not malformed either */
	assert_int_equal(record(STARTED, false, &rec, why, sizeof why), HAPROXY_NOT_REQUEST);
	assert_string_equal(why, "not an HTTP request line: \"Proxy prod_http_in started.\"");
	assert_int_equal(record(SSL_FAIL, false, &rec, why, sizeof why), HAPROXY_NOT_REQUEST);
	/* the message quoted, cut at 50 bytes */
	assert_string_equal(why, "not an HTTP request line: \"95.216.197.33:56224 "
				 "[25/Feb/2019:16:20:10.111] pro\"");
	assert_int_equal(record("Feb 25 16:19:38 host nginx[1]: x", false, &rec, why, sizeof why),
			 -1);
	assert_string_equal(why, "not a line from haproxy");
	/* a bad accept date: no record either way */
	assert_true(record("Feb 25 16:19:38 h haproxy[7]: 1.2.3.4:5 "
			   "[31/Feb/2019:16:19:48.143] fe be/srv 0/0/0/1/1 200 1",
			   false, &rec, why, sizeof why) < 0);
	assert_starts(why, "not an HTTP request line: ");

	/* option tcplog (HAProxy's manual): Tw/Tc/Tt, then bytes, no status */
	assert_int_equal(record("Feb  6 12:12:56 localhost haproxy[14387]: 10.0.1.2:33313 "
				"[06/Feb/2009:12:12:51.443] fnt bck/srv1 0/0/5007 212 -- "
				"0/0/0/0/3 0/0",
				false, &rec, why, sizeof why),
			 HAPROXY_NOT_REQUEST);
	assert_string_equal(why, "not an HTTP request line: a TCP connection (0/0/5007)");
}

static void test_timers(void **state)
{
	struct slo_record rec;
	char why[256];
	(void)state;

	/* option logasap: "+" marks Ta as the time until the log, an estimate */
	assert_int_equal(record(LINE("9/10/7/14/+30", "200"), true, &rec, why, sizeof why), 0);
	assert_true(rec.latency == 30 * NS_PER_MS);
	/* an aborted request has no total time: an error only for latency */
	assert_int_equal(record(LINE("0/0/0/-1/-1", "200"), true, &rec, why, sizeof why), -1);
	assert_string_equal(why, "no total time (0/0/0/-1/-1): the request was aborted");
	assert_int_equal(record(LINE("0/0/0/-1/-1", "200"), false, &rec, why, sizeof why), 0);
	assert_false(rec.has_latency);
	assert_true(rec.has_time);
	/* a -1 earlier on is fine: the server never answered, 503 after 3 s */
	assert_int_equal(record(LINE("0/0/-1/-1/3001", "503"), true, &rec, why, sizeof why), 0);
	assert_true(rec.latency == 3001 * NS_PER_MS);
	assert_true(rec.bad == 1);
	assert_int_equal(record(LINE("0/0/0/0/0", "200"), true, &rec, why, sizeof why), 0);
	assert_true(rec.has_latency && rec.latency == 0);

	assert_int_equal(record(LINE("1487", "200"), true, &rec, why, sizeof why), -1);
	assert_string_equal(why, "timers \"1487\" are not Tq/Tw/Tc/Tr/Ta");
	assert_int_equal(record(LINE("0/0/0/1/x", "200"), true, &rec, why, sizeof why), -1);
	assert_string_equal(why, "timers \"0/0/0/1/x\" are not Tq/Tw/Tc/Tr/Ta");
	assert_int_equal(record(LINE("0/0/0/1/", "200"), true, &rec, why, sizeof why), -1);
	assert_string_equal(why, "timers \"0/0/0/1/\" are not Tq/Tw/Tc/Tr/Ta");
	assert_int_equal(record(LINE("0/0/1/1", "200"), true, &rec, why, sizeof why), -1);
	assert_string_equal(why, "timers \"0/0/1/1\" are not Tq/Tw/Tc/Tr/Ta");
}

static void test_status(void **state)
{
	struct slo_record rec;
	char why[256];
	(void)state;

	assert_int_equal(record(LINE("0/0/0/1/1", "503"), false, &rec, why, sizeof why), 0);
	assert_true(rec.bad == 1);
	assert_int_equal(record(LINE("0/0/0/1/1", "500"), false, &rec, why, sizeof why), 0);
	assert_true(rec.bad == 1);
	assert_int_equal(record(LINE("0/0/0/1/1", "404"), false, &rec, why, sizeof why), 0);
	assert_true(rec.bad == 0);
	assert_int_equal(record(LINE("0/0/0/1/1", "2x0"), false, &rec, why, sizeof why), -1);
	assert_string_equal(why, "status \"2x0\" is not an HTTP status (100-599)");
	assert_int_equal(record(LINE("0/0/0/1/1", "600"), false, &rec, why, sizeof why), -1);
	assert_string_equal(why, "status \"600\" is not an HTTP status (100-599)");
}

/* The value haproxy_field finds for name, or "(none)" for -1 (static). */
static const char *field(const char *line, const char *name)
{
	static char buf[128];
	const char *v;
	size_t len;
	if (haproxy_field(line, strlen(line), name, &v, &len) != 0)
		return "(none)";
	assert_true(len < sizeof buf);
	memcpy(buf, v, len);
	buf[len] = '\0';
	return buf;
}

static void test_field_by_name(void **state)
{
	(void)state;

	assert_string_equal(field(REQ1, "backend"), "bk_admin");
	assert_string_equal(field(REQ1, "server"), "nginx_sonst");
	assert_string_equal(field(REQ1, "method"), "GET");
	assert_string_equal(field(REQ1, "path"), "/admin/colt/administration");
	assert_string_equal(field(REQ1, "query"),
			    "survey=130&input_stats=1&ajax=1&&ajax=1&refresh=1&ihandle=1");
	assert_string_equal(field(REQ2, "backend"), "bk_ktest_kt");
	assert_string_equal(field(REQ1, "status"), "(none)");
	assert_string_equal(field(REQ1, "user_agent"), "(none)");
	/* a line that is not a request has the field, empty */
	assert_string_equal(field(STARTED, "method"), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_real_requests),
		cmocka_unit_test(test_not_requests),
		cmocka_unit_test(test_timers),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_field_by_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
