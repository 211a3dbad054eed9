/* Access-log layouts as the web servers write them down: an nginx
 * log_format string ("$remote_addr - $remote_user [$time_local] ...") or
 * an Apache LogFormat string ("%h %l %u %t \"%r\" %>s %b"), compiled once
 * into literals and fields, then matched against each line by scanning
 * for the literal that follows each field: no regular expressions. */
#ifndef SLO_INPUT_LOG_FORMAT_H
#define SLO_INPUT_LOG_FORMAT_H

#include <stddef.h>
#include <stdint.h>

/* What a field means to slo; everything else is matched and ignored. */
enum log_field {
	LF_IGNORE,
	LF_TIME_CLF,     /* $time_local, %t: 10/Oct/2000:13:55:36 -0700 */
	LF_TIME_ISO,     /* $time_iso8601 */
	LF_TIME_EPOCH,   /* $msec, %{msec}t: 1716723772.601 */
	LF_REQUEST,      /* $request, %r: GET /path?q HTTP/1.1 */
	LF_METHOD,       /* $request_method, %m */
	LF_PATH,         /* $request_uri, $uri, %U */
	LF_HOST,         /* $host, $server_name, %v, %{Host}i */
	LF_STATUS,       /* $status, %>s, %s */
	LF_LATENCY,      /* $request_time (s), %D (us), %T (s), %{ms}T ... */
	LF_UPSTREAM_TIME, /* $upstream_response_time: "0.004, 0.100" or "-" */
	LF_COUNT_
};

#define LOG_FORMAT_MAX_ITEMS 64

struct log_item {
	const char *lit;   /* a literal to match, or NULL for a field */
	size_t lit_len;
	enum log_field field;
	int64_t unit;      /* LF_LATENCY / LF_UPSTREAM_TIME: ns per unit */
	int list;          /* the value may hold ", "-separated lists */
	int spaces;        /* the value may hold spaces: it stands between
			      quotes or brackets */
	char name[32];     /* the variable, for messages: "request_time" */
};

/* A field as matching needs it, worked out when the layout is compiled:
 * a line's match walks these, 24 bytes a field, not the items. */
struct log_step {
	const char *next_lit;    /* the literal after the field; NULL: none */
	unsigned next_len;
	unsigned char ends;      /* how its end is found (log_format.c) */
	unsigned char list;      /* as the item's */
	unsigned char spaces;
	unsigned char quote;     /* next_lit begins with a quote */
	unsigned char field;     /* enum log_field */
	unsigned char first_of_kind; /* no field before it has its meaning */
	unsigned char item;      /* its index in item[] */
};

struct log_format {
	char name[32];     /* "combined", "nginx-ingress", "custom" */
	char *text;        /* the literals point into this copy */
	struct log_item item[LOG_FORMAT_MAX_ITEMS];
	size_t n;
	struct log_step step[LOG_FORMAT_MAX_ITEMS]; /* the fields, in order */
	size_t nstep;
	int has[LF_COUNT_]; /* how many fields of each kind */
	const char *mods;   /* while compiling: the Apache modifiers (">") */
	size_t nmods;
};

/* Compiles an nginx or Apache format string (the style is told by the
 * first '$' or '%').  Returns 0, or -1 with a message in err (naming the
 * unknown directive, for instance).  Free with log_format_free. */
int log_format_compile(struct log_format *f, const char *name, const char *spec,
		       char *err, size_t errlen);
void log_format_free(struct log_format *f);

/* A matched line: each known field's value, pointing into the line. */
struct log_match {
	const char *v[LF_COUNT_];
	size_t len[LF_COUNT_];
	int64_t unit[LF_COUNT_];
	const char *item_v[LOG_FORMAT_MAX_ITEMS]; /* every field, by item */
	size_t item_len[LOG_FORMAT_MAX_ITEMS];
};

/* Matches a whole line (no newline).  Returns 0, or -1 with the item
 * number that failed in *where (for messages and detection scores). */
int log_format_match(const struct log_format *f, const char *line, size_t len,
		     struct log_match *m, size_t *where);

/* A field of a matched line by name, for --where and --group-by: a
 * variable of the layout ("http_user_agent", "remote_addr", or an Apache
 * directive as written, "%h"), or a part of the request line: "method",
 * "path" (without the query string), "query", "protocol".  Returns 0, or
 * -1 when the layout has no such field. */
int log_format_field(const struct log_format *f, const struct log_match *m, const char *name,
		     const char **v, size_t *len);

/* Splits a request line "GET /a?b=1 HTTP/1.1" into a part: 0 method,
 * 1 path without query, 2 query, 3 protocol. */
void log_request_part(const char *req, size_t len, int part, const char **v, size_t *vlen);

#endif
