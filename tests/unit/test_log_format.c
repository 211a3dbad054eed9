/* input/log_format: compiling nginx and Apache layouts, and matching lines against them. */
#include "testing.h"

#include <string.h>

#include "input/log_format.h"
#include "util/duration.h"

/* Compiles spec, expecting success. */
static void compile_ok(struct log_format *f, const char *spec)
{
	char err[256] = "";
	if (log_format_compile(f, "custom", spec, err, sizeof err) != 0)
		fail_msg("compile \"%s\": %s", spec, err);
}

/* Compiles spec, expecting failure; returns the message. */
static const char *compile_err(const char *spec)
{
	static char err[256];
	struct log_format f;
	err[0] = '\0';
	if (log_format_compile(&f, "custom", spec, err, sizeof err) != -1) {
		log_format_free(&f);
		fail_msg("compile \"%s\" succeeded", spec);
	}
	return err;
}

/* Matches a whole string; returns the log_format_match result. */
static int match(const struct log_format *f, const char *line, struct log_match *m,
		 size_t *where)
{
	*where = 9999;
	return log_format_match(f, line, strlen(line), m, where);
}

/* The matched value of one field, as a string (static). */
static const char *val(const struct log_match *m, enum log_field lf)
{
	static char buf[256];
	assert_true(m->len[lf] < sizeof buf);
	memcpy(buf, m->v[lf], m->len[lf]);
	buf[m->len[lf]] = '\0';
	return buf;
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

/* The item that holds field name, or fails. */
static const struct log_item *item(const struct log_format *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (!f->item[i].lit && strcmp(f->item[i].name, name) == 0)
			return &f->item[i];
	fail_msg("no item \"%s\"", name);
	return NULL;
}

static void assert_lit(const struct log_item *it, const char *want)
{
	assert_non_null(it->lit);
	if (it->lit_len != strlen(want) || memcmp(it->lit, want, it->lit_len) != 0)
		fail_msg("literal \"%.*s\", want \"%s\"", (int)it->lit_len, it->lit, want);
}

static void test_nginx_compile(void **state)
{
	struct log_format f;
	(void)state;

	compile_ok(&f, "$remote_addr - $remote_user [$time_local] \"$request\" $status "
		       "$body_bytes_sent");
	/* 6 fields, 5 literals between them */
	assert_int_equal(f.n, 11);
	assert_string_equal(f.name, "custom");
	assert_null(f.item[0].lit);
	assert_string_equal(f.item[0].name, "remote_addr");
	assert_lit(&f.item[1], " - ");
	assert_lit(&f.item[3], " [");
	assert_lit(&f.item[5], "] \"");
	assert_lit(&f.item[7], "\" ");
	assert_int_equal(f.item[4].field, LF_TIME_CLF);
	assert_int_equal(f.item[6].field, LF_REQUEST);
	assert_int_equal(f.item[8].field, LF_STATUS);
	assert_int_equal(f.item[10].field, LF_IGNORE);
	/* after '[' or '"' a value may hold spaces; a bare one may not */
	assert_true(f.item[4].spaces && f.item[6].spaces);
	assert_false(f.item[8].spaces || f.item[10].spaces || f.item[0].spaces);
	assert_int_equal(f.has[LF_TIME_CLF], 1);
	assert_int_equal(f.has[LF_STATUS], 1);
	assert_int_equal(f.has[LF_IGNORE], 3); /* remote_addr, remote_user, bytes */
	log_format_free(&f);
	assert_null(f.text);

	/* ${var} is the same variable; the text after the brace is a literal */
	compile_ok(&f, "${status}|${request_time}s $upstream_response_time");
	assert_int_equal(f.n, 5);
	assert_int_equal(f.item[0].field, LF_STATUS);
	assert_string_equal(f.item[0].name, "status");
	assert_lit(&f.item[1], "|");
	assert_int_equal(f.item[2].field, LF_LATENCY);
	assert_true(f.item[2].unit == NS_PER_S); /* nginx writes seconds */
	assert_false(f.item[2].list);
	assert_lit(&f.item[3], "s ");
	assert_int_equal(f.item[4].field, LF_UPSTREAM_TIME);
	assert_true(f.item[4].unit == NS_PER_S);
	assert_true(f.item[4].list);
	log_format_free(&f);

	/* the other known variables */
	compile_ok(&f, "$time_iso8601 $msec $request_method $request_uri $uri $host "
		       "$server_name $http_host $upstream_addr $my_own_var");
	assert_int_equal(item(&f, "time_iso8601")->field, LF_TIME_ISO);
	assert_int_equal(item(&f, "msec")->field, LF_TIME_EPOCH);
	assert_int_equal(item(&f, "request_method")->field, LF_METHOD);
	assert_int_equal(item(&f, "request_uri")->field, LF_PATH);
	assert_int_equal(item(&f, "uri")->field, LF_PATH);
	assert_int_equal(item(&f, "host")->field, LF_HOST);
	assert_int_equal(item(&f, "server_name")->field, LF_HOST);
	assert_int_equal(item(&f, "http_host")->field, LF_HOST);
	/* ignored, but may hold "a, b" lists */
	assert_int_equal(item(&f, "upstream_addr")->field, LF_IGNORE);
	assert_true(item(&f, "upstream_addr")->list);
	/* an unknown variable is matched and ignored, not an error */
	assert_int_equal(item(&f, "my_own_var")->field, LF_IGNORE);
	assert_false(item(&f, "my_own_var")->list);
	assert_int_equal(f.has[LF_HOST], 3);
	assert_int_equal(f.has[LF_PATH], 2);
	log_format_free(&f);

	/* a prefix of a known name is another variable */
	compile_ok(&f, "$request_time_x $statusx");
	assert_int_equal(f.has[LF_LATENCY], 0);
	assert_int_equal(f.has[LF_STATUS], 0);
	log_format_free(&f);
}

static void test_nginx_errors(void **state)
{
	const char *e;
	(void)state;

	e = compile_err("$status $ x");
	assert_string_equal(e, "log format: \"$\" at offset 8 is not followed by a variable name");
	e = compile_err("${status");
	assert_starts(e, "log format: \"$\" at offset 0");
	e = compile_err("$status ${}");
	assert_starts(e, "log format: \"$\" at offset 8");
	/* nothing between two fields tells where the first ends */
	e = compile_err("$status$request_time");
	assert_string_equal(e, "log format: status and request_time touch: nothing tells where "
			       "one ends");
	e = compile_err("${status}${body_bytes_sent}");
	assert_starts(e, "log format: status and body_bytes_sent touch");
	e = compile_err("just text");
	assert_string_equal(e, "log format: no $variable or %directive in \"just text\"");
	e = compile_err("");
	assert_starts(e, "log format: no $variable");
}

static void test_apache_compile(void **state)
{
	struct log_format f;
	(void)state;

	/* as pasted from httpd.conf, with the quotes escaped */
	compile_ok(&f, "%h %l %u %t \\\"%r\\\" %>s %b");
	assert_int_equal(f.n, 13);
	assert_string_equal(f.item[0].name, "%h");
	assert_int_equal(f.item[6].field, LF_TIME_CLF);
	assert_lit(&f.item[7], " \""); /* the backslash is gone */
	assert_int_equal(f.item[8].field, LF_REQUEST);
	assert_true(f.item[8].spaces);
	assert_lit(&f.item[9], "\" ");
	/* %>s: named as written, modifier and all */
	assert_int_equal(f.item[10].field, LF_STATUS);
	assert_string_equal(f.item[10].name, "%>s");
	assert_int_equal(f.item[12].field, LF_IGNORE);
	log_format_free(&f);

	/* unescaped quotes are fine too */
	compile_ok(&f, "%h \"%r\" %s");
	assert_lit(&f.item[1], " \"");
	assert_int_equal(f.item[2].field, LF_REQUEST);
	log_format_free(&f);

	/* latency directives and their units */
	compile_ok(&f, "%D %T %{ms}T %{us}T %{s}T");
	assert_int_equal(f.has[LF_LATENCY], 5);
	assert_true(item(&f, "%D")->unit == NS_PER_US);
	assert_true(item(&f, "%T")->unit == NS_PER_S);
	assert_true(item(&f, "%{ms}T")->unit == NS_PER_MS);
	assert_true(item(&f, "%{us}T")->unit == NS_PER_US);
	assert_true(item(&f, "%{s}T")->unit == NS_PER_S);
	log_format_free(&f);

	/* headers: Host is the host, any other is ignored; %v %V are hosts */
	compile_ok(&f, "%{Referer}i %{Host}i %v %V %m %U %{msec}t");
	assert_int_equal(item(&f, "%{Referer}i")->field, LF_IGNORE);
	assert_int_equal(item(&f, "%{Host}i")->field, LF_HOST);
	assert_int_equal(item(&f, "%v")->field, LF_HOST);
	assert_int_equal(item(&f, "%V")->field, LF_HOST);
	assert_int_equal(item(&f, "%m")->field, LF_METHOD);
	assert_int_equal(item(&f, "%U")->field, LF_PATH);
	assert_int_equal(item(&f, "%{msec}t")->field, LF_TIME_EPOCH);
	log_format_free(&f);

	/* every ignored directive of the list compiles */
	compile_ok(&f, "%a %A %b %B %e %f %h %H %k %l %L %n %o %p %P %q %R %u %X %I %O %S %C %x");
	assert_int_equal(f.n, 47);
	assert_int_equal(f.has[LF_IGNORE], 24);
	log_format_free(&f);
}

/* A strftime time, %{...}t, has '%' inside its braces; it is matched and
 * ignored (log_format.h: only $time_iso8601 is LF_TIME_ISO). */
static void test_apache_strftime_time(void **state)
{
	struct log_format f;
	struct log_match m;
	size_t where;
	(void)state;

	compile_ok(&f, "[%{%Y-%m-%dT%H:%M:%S%z}t] %>s");
	assert_int_equal(f.n, 4);
	assert_string_equal(f.item[1].name, "%{%Y-%m-%dT%H:%M:%S%z}t");
	assert_int_equal(f.item[1].field, LF_IGNORE);
	assert_true(f.item[1].spaces);
	assert_int_equal(match(&f, "[2000-10-10T13:55:36-0700] 200", &m, &where), 0);
	assert_string_equal(val(&m, LF_STATUS), "200");
	log_format_free(&f);
}

/* "%%" is one percent sign in the line. */
static void test_apache_percent(void **state)
{
	struct log_format f;
	struct log_match m;
	size_t where;
	(void)state;

	compile_ok(&f, "%>s 100%% %D");
	assert_int_equal(match(&f, "503 100% 1234", &m, &where), 0);
	assert_string_equal(val(&m, LF_STATUS), "503");
	assert_string_equal(val(&m, LF_LATENCY), "1234");
	assert_true(m.unit[LF_LATENCY] == NS_PER_US);
	assert_int_equal(match(&f, "503 100%% 1234", &m, &where), -1);
	log_format_free(&f);

	/* the literal around "%%" is one item, first in the layout or after
	 * a field: a mismatch names it, or the field it ends */
	compile_ok(&f, "100%% %h %>s");
	assert_int_equal(f.n, 4);
	assert_lit(&f.item[0], "100% ");
	assert_int_equal(match(&f, "100% 10.0.0.1 200", &m, &where), 0);
	assert_string_equal(val(&m, LF_STATUS), "200");
	assert_int_equal(match(&f, "100%x10.0.0.1 200", &m, &where), -1);
	assert_int_equal(where, 0);
	log_format_free(&f);
	compile_ok(&f, "%h %% %>s");
	assert_int_equal(f.n, 3);
	assert_lit(&f.item[1], " % ");
	assert_int_equal(match(&f, "10.0.0.1 % 200", &m, &where), 0);
	assert_string_equal(val(&m, LF_STATUS), "200");
	assert_int_equal(match(&f, "10.0.0.1 %x200", &m, &where), -1);
	assert_int_equal(where, 0);
	log_format_free(&f);
}

static void test_apache_errors(void **state)
{
	const char *e;
	(void)state;

	e = compile_err("%h %Z %s");
	assert_string_equal(e, "log format: unknown Apache directive %Z");
	e = compile_err("%h %{foo}Y");
	assert_string_equal(e, "log format: unknown Apache directive %{foo}Y");
	e = compile_err("%>s %{x}T");
	assert_string_equal(e, "log format: %{x}T: the unit must be s, ms or us");
	e = compile_err("%>s %{msec}T");
	assert_starts(e, "log format: %{msec}T: the unit");
	e = compile_err("%h %{Referer");
	assert_string_equal(e, "log format: unclosed %{");
	e = compile_err("%h %");
	assert_string_equal(e, "log format: \"%\" at the end");
	e = compile_err("%h %>");
	assert_string_equal(e, "log format: \"%\" at the end");
	e = compile_err("%D%T");
	assert_string_equal(e, "log format: %D and %T touch: nothing tells where one ends");
	e = compile_err("%h %{Host}i%>s");
	assert_starts(e, "log format: %{Host}i and %>s touch");
}

/* More parts than a layout holds is an error, not an overflow. */
static void test_too_many_parts(void **state)
{
	char spec[1024] = "";
	const char *e;
	(void)state;

	/* 40 fields and 40 literals: 80 items */
	for (int i = 0; i < 40; i++)
		strcat(spec, "$a ");
	e = compile_err(spec);
	assert_string_equal(e, "log format: more than 64 parts");
	spec[0] = '\0';
	for (int i = 0; i < 40; i++)
		strcat(spec, "%h ");
	e = compile_err(spec);
	assert_string_equal(e, "log format: more than 64 parts");
}

#define COMBINED "$remote_addr $ident $remote_user [$time_local] \"$request\" $status " \
		 "$body_bytes_sent \"$http_referer\" \"$http_user_agent\""

static void test_match_combined(void **state)
{
	struct log_format f;
	struct log_match m;
	size_t where;
	(void)state;

	compile_ok(&f, COMBINED);
	assert_int_equal(match(&f,
			       "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "
			       "\"GET /apache_pb.gif HTTP/1.0\" 200 2326 "
			       "\"http://www.example.com/start.html\" "
			       "\"Mozilla/4.08 [en] (Win98; I ;Nav)\"",
			       &m, &where),
			 0);
	assert_string_equal(val(&m, LF_TIME_CLF), "10/Oct/2000:13:55:36 -0700");
	assert_string_equal(val(&m, LF_REQUEST), "GET /apache_pb.gif HTTP/1.0");
	assert_string_equal(val(&m, LF_STATUS), "200");
	assert_int_equal(m.len[LF_LATENCY], 0);
	assert_int_equal(m.len[LF_HOST], 0);

	/* Apache writes a quote inside the request as \": the quote that
	 * ends the field is the first unescaped one */
	assert_int_equal(match(&f,
			       "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET /a\\\"b HTTP/1.1\" "
			       "404 0 \"-\" \"curl/8.0\"",
			       &m, &where),
			 0);
	assert_string_equal(val(&m, LF_REQUEST), "GET /a\\\"b HTTP/1.1");
	assert_string_equal(val(&m, LF_STATUS), "404");
	/* an escaped quote followed by a space, as if the request ended */
	assert_int_equal(match(&f,
			       "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET /a\\\" 500 b\" "
			       "200 0 \"-\" \"curl/8.0\"",
			       &m, &where),
			 0);
	assert_string_equal(val(&m, LF_REQUEST), "GET /a\\\" 500 b");
	assert_string_equal(val(&m, LF_STATUS), "200");
	log_format_free(&f);
}

/* Apache escapes a backslash as "\\": a value that ends in one ends with
 * \\" and its closing quote is not escaped. */
static void test_match_escaped_backslash(void **state)
{
	struct log_format f;
	struct log_match m;
	size_t where;
	(void)state;

	compile_ok(&f, "\\\"%{User-agent}i\\\" %>s");
	int plain = match(&f, "\"curl\" 200", &m, &where);
	/* the user agent is "curl" and a backslash */
	int slash = match(&f, "\"curl\\\\\" 503", &m, &where);
	size_t len = m.len[LF_STATUS];
	log_format_free(&f);
	assert_int_equal(plain, 0);
	if (slash != 0)
		fail_msg("\"curl\\\\\" 503: no match at item %zu", where);
	assert_int_equal(len, 3);
}

static void test_match_lists(void **state)
{
	struct log_format f;
	struct log_match m;
	size_t where;
	(void)state;

	/* ingress-nginx tried two upstreams: ", " inside the list fields */
	compile_ok(&f, "$status $request_time $upstream_addr $upstream_response_time "
		       "$upstream_status $req_id");
	assert_int_equal(match(&f, "502 0.105 10.0.0.1:80, 10.0.0.2:80 0.004, 0.100 502, 200 abc",
			       &m, &where),
			 0);
	assert_string_equal(val(&m, LF_STATUS), "502");
	assert_string_equal(val(&m, LF_LATENCY), "0.105");
	assert_string_equal(val(&m, LF_UPSTREAM_TIME), "0.004, 0.100");
	assert_true(m.unit[LF_UPSTREAM_TIME] == NS_PER_S);
	/* a single value and "-" are lists of one */
	assert_int_equal(match(&f, "200 0.010 10.0.0.1:80 0.009 200 abc", &m, &where), 0);
	assert_string_equal(val(&m, LF_UPSTREAM_TIME), "0.009");
	assert_int_equal(match(&f, "499 0.010 - - - abc", &m, &where), 0);
	assert_string_equal(val(&m, LF_UPSTREAM_TIME), "-");
	/* a space without a comma before it ends a list item */
	assert_int_equal(match(&f, "200 0.010 10.0.0.1:80 0.004 0.100 200 abc", &m, &where), -1);
	log_format_free(&f);

	/* a field that is not a list does not take ", " */
	compile_ok(&f, "$status $request_time $req_id");
	/* $request_time stops at "0.004," and leaves "0.100 abc" to $req_id */
	assert_int_equal(match(&f, "200 0.004, 0.100 abc", &m, &where), -1);
	assert_int_equal(where, 4);
	log_format_free(&f);
}

static void test_match_failures(void **state)
{
	struct log_format f;
	struct log_match m;
	size_t where;
	(void)state;

	/* a bare field is one token: "$body_bytes_sent" must not swallow the
	 * referer and user agent of a combined line */
	compile_ok(&f, "$remote_addr $ident $remote_user [$time_local] \"$request\" $status "
		       "$body_bytes_sent");
	assert_int_equal(match(&f,
			       "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 12 "
			       "\"-\" \"curl/8.0\"",
			       &m, &where),
			 -1);
	assert_int_equal(where, 12); /* the last item, $body_bytes_sent */
	/* a short line: $time_local (item 6) finds no "] \"" to end at */
	assert_int_equal(match(&f, "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700]", &m, &where), -1);
	assert_int_equal(where, 6);
	/* $remote_addr finds no " " to end at */
	assert_int_equal(match(&f, "1.2.3.4", &m, &where), -1);
	assert_int_equal(where, 0);
	assert_int_equal(match(&f, "", &m, &where), -1);
	assert_int_equal(where, 0);
	/* a bare field with a space in it fails at that field */
	assert_int_equal(match(&f, "1.2.3.4 - frank smith [10/Oct/2000:13:55:36 -0700] "
				   "\"GET / HTTP/1.1\" 200 12", &m, &where), -1);
	assert_int_equal(where, 4);
	assert_int_equal(match(&f, "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" "
				   "200 12", &m, &where), 0);
	log_format_free(&f);

	/* trailing junk after a layout that ends in a literal: where = n */
	compile_ok(&f, COMBINED);
	assert_int_equal(match(&f,
			       "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 12 "
			       "\"-\" \"curl/8.0\" 0.123",
			       &m, &where),
			 -1);
	assert_int_equal(where, f.n);
	assert_int_equal(f.n, 18);
	log_format_free(&f);

	/* a literal that is not there fails at the literal */
	compile_ok(&f, "[$time_local] $status");
	assert_int_equal(match(&f, "10/Oct/2000:13:55:36 -0700 200", &m, &where), -1);
	assert_int_equal(where, 0);
	/* a field fails when the literal after it is missing: $time_local */
	assert_int_equal(match(&f, "[10/Oct/2000:13:55:36 -0700]200", &m, &where), -1);
	assert_int_equal(where, 1);
	log_format_free(&f);
}

/* Apache's own common layout on its own example line: %t carries the
 * brackets, so it is a field that may hold a space. */
static void test_apache_match(void **state)
{
	struct log_format f;
	struct log_match m;
	size_t where;
	(void)state;

	compile_ok(&f, "%h %l %u %t \\\"%r\\\" %>s %b %D");
	assert_true(item(&f, "%t")->spaces);
	assert_int_equal(match(&f,
			       "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "
			       "\"GET /apache_pb.gif HTTP/1.0\" 200 2326 1234",
			       &m, &where),
			 0);
	assert_string_equal(val(&m, LF_TIME_CLF), "[10/Oct/2000:13:55:36 -0700]");
	assert_string_equal(val(&m, LF_REQUEST), "GET /apache_pb.gif HTTP/1.0");
	assert_string_equal(val(&m, LF_STATUS), "200");
	assert_string_equal(val(&m, LF_LATENCY), "1234");
	assert_true(m.unit[LF_LATENCY] == NS_PER_US);
	log_format_free(&f);
}

/* A part of a request line, as a string (static). */
static const char *part(const char *req, int k)
{
	static char buf[64];
	const char *v;
	size_t len;
	log_request_part(req, strlen(req), k, &v, &len);
	assert_true(len < sizeof buf);
	memcpy(buf, v, len);
	buf[len] = '\0';
	return buf;
}

static void test_request_part(void **state)
{
	(void)state;

	assert_string_equal(part("GET /a/b?x=1&y=2 HTTP/1.1", 0), "GET");
	assert_string_equal(part("GET /a/b?x=1&y=2 HTTP/1.1", 1), "/a/b");
	assert_string_equal(part("GET /a/b?x=1&y=2 HTTP/1.1", 2), "x=1&y=2");
	assert_string_equal(part("GET /a/b?x=1&y=2 HTTP/1.1", 3), "HTTP/1.1");
	assert_string_equal(part("GET /a/b HTTP/1.1", 2), "");
	/* HTTP/0.9 has no protocol */
	assert_string_equal(part("GET /old", 1), "/old");
	assert_string_equal(part("GET /old", 3), "");
	/* nginx logs a request it could not read as "-" or as garbage */
	assert_string_equal(part("-", 0), "-");
	assert_string_equal(part("-", 1), "");
	assert_string_equal(part("", 0), "");
}

/* The value log_format_field finds for name, or "(none)" for -1 (static). */
static const char *field(const struct log_format *f, const struct log_match *m,
			 const char *name)
{
	static char buf[128];
	const char *v;
	size_t len;
	if (log_format_field(f, m, name, &v, &len) != 0)
		return "(none)";
	assert_true(len < sizeof buf);
	memcpy(buf, v, len);
	buf[len] = '\0';
	return buf;
}

static void test_field_by_name(void **state)
{
	struct log_format f;
	struct log_match m;
	size_t where;
	(void)state;

	compile_ok(&f, COMBINED " $host");
	assert_int_equal(match(&f,
			       "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"POST /api/v1?debug=1 "
			       "HTTP/2.0\" 201 12 \"-\" \"curl/8.0\" example.com",
			       &m, &where),
			 0);
	/* a variable of the layout, with or without its "$" */
	assert_string_equal(field(&f, &m, "http_user_agent"), "curl/8.0");
	assert_string_equal(field(&f, &m, "$remote_addr"), "1.2.3.4");
	assert_string_equal(field(&f, &m, "status"), "201");
	/* parts of $request */
	assert_string_equal(field(&f, &m, "method"), "POST");
	assert_string_equal(field(&f, &m, "path"), "/api/v1");
	assert_string_equal(field(&f, &m, "query"), "debug=1");
	assert_string_equal(field(&f, &m, "protocol"), "HTTP/2.0");
	assert_string_equal(field(&f, &m, "host"), "example.com");
	assert_string_equal(field(&f, &m, "upstream_addr"), "(none)");
	log_format_free(&f);

	/* $request_method and $uri stand on their own; no $request */
	compile_ok(&f, "$request_method $request_uri $status");
	assert_int_equal(match(&f, "GET /x?y=1 200", &m, &where), 0);
	assert_string_equal(field(&f, &m, "method"), "GET");
	assert_string_equal(field(&f, &m, "path"), "/x");
	assert_string_equal(field(&f, &m, "query"), "(none)");
	assert_string_equal(field(&f, &m, "host"), "(none)");
	log_format_free(&f);

	/* Apache directives by their names as written */
	compile_ok(&f, "%h %>s %{Host}i");
	assert_int_equal(match(&f, "1.2.3.4 503 example.org", &m, &where), 0);
	assert_string_equal(field(&f, &m, "%h"), "1.2.3.4");
	assert_string_equal(field(&f, &m, "%>s"), "503");
	assert_string_equal(field(&f, &m, "%s"), "(none)");
	assert_string_equal(field(&f, &m, "host"), "example.org");
	log_format_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nginx_compile),
		cmocka_unit_test(test_nginx_errors),
		cmocka_unit_test(test_apache_compile),
		cmocka_unit_test(test_apache_strftime_time),
		cmocka_unit_test(test_apache_percent),
		cmocka_unit_test(test_apache_errors),
		cmocka_unit_test(test_apache_match),
		cmocka_unit_test(test_too_many_parts),
		cmocka_unit_test(test_match_combined),
		cmocka_unit_test(test_match_escaped_backslash),
		cmocka_unit_test(test_match_lists),
		cmocka_unit_test(test_match_failures),
		cmocka_unit_test(test_request_part),
		cmocka_unit_test(test_field_by_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
