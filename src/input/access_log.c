/* Access-log layouts and records. */
#include "input/access_log.h"

#include <stdio.h>
#include <string.h>

#include "util/duration.h"
#include "util/num.h"
#include "util/timestamp.h"

#define COMBINED "$remote_addr $ident $remote_user [$time_local] \"$request\" $status " \
		 "$body_bytes_sent \"$http_referer\" \"$http_user_agent\""

#define S3 "$bucket_owner $bucket [$time_local] $remote_addr $requester $request_id " \
	   "$operation $key \"$request\" $status $error_code $bytes_sent $object_size " \
	   "$s3_total_time $turn_around_time \"$http_referer\" \"$http_user_agent\" $version_id"

/* Most specific first only for readability: detection scores them all. */
const struct access_builtin access_builtins[] = {
	{"common", "$remote_addr $ident $remote_user [$time_local] \"$request\" $status "
		   "$body_bytes_sent"},
	{"combined", COMBINED},
	{"combined+xff", COMBINED " \"$http_x_forwarded_for\""},
	{"nginx-timed", COMBINED " $request_time"},
	{"nginx-upstream", COMBINED " $request_time $upstream_response_time"},
	{"nginx-upstream2", COMBINED " $request_time $upstream_connect_time "
				     "$upstream_header_time $upstream_response_time"},
	{"ingress-nginx", COMBINED " $request_length $request_time [$proxy_upstream_name] "
				   "[$proxy_alternative_upstream_name] $upstream_addr "
				   "$upstream_response_length $upstream_response_time "
				   "$upstream_status $req_id"},
	/* Amazon S3 server access logs: the 2012 layout, and the fields
	 * added since (2019: host id to TLS version; 2022: access point, ACL) */
	{"s3", S3},
	{"s3-2019", S3 " $host_id $signature_version $cipher_suite $authentication_type "
		       "$host_header $tls_version"},
	{"s3-2022", S3 " $host_id $signature_version $cipher_suite $authentication_type "
		       "$host_header $tls_version $access_point_arn $acl_required"},
	{NULL, NULL},
};

/* nginx writes $request_time with a decimal point ("0.123"); a bare
 * integer there means the layout guessed is not the layout written. */
static bool plausible(const struct log_match *m)
{
	int64_t t;
	if (m->len[LF_TIME_CLF] && ts_parse_clf(m->v[LF_TIME_CLF], m->len[LF_TIME_CLF], &t) != NUM_OK)
		return false;
	if (m->len[LF_STATUS] != 3)
		return false;
	if (m->len[LF_LATENCY] && m->unit[LF_LATENCY] == NS_PER_S &&
	    !memchr(m->v[LF_LATENCY], '.', m->len[LF_LATENCY]))
		return false;
	return true;
}

size_t access_log_detect(const char *const *lines, const size_t *lens, size_t n,
			 struct log_format *f)
{
	size_t best = 0, best_items = 0;
	int best_i = -1;
	char err[128];

	for (int i = 0; access_builtins[i].name; i++) {
		struct log_format c;
		if (log_format_compile(&c, access_builtins[i].name, access_builtins[i].spec, err,
				       sizeof err))
			continue;
		size_t score = 0;
		for (size_t k = 0; k < n; k++) {
			struct log_match m;
			size_t where;
			if (log_format_match(&c, lines[k], lens[k], &m, &where) == 0 && plausible(&m))
				score++;
		}
		if (score > best || (score == best && score > 0 && c.n > best_items)) {
			best = score;
			best_items = c.n;
			best_i = i;
		}
		log_format_free(&c);
	}
	if (best_i < 0)
		return 0;
	log_format_compile(f, access_builtins[best_i].name, access_builtins[best_i].spec, err,
			   sizeof err);
	return best;
}

static void quote(const char *s, size_t len, char *out, size_t size)
{
	size_t o = 0;
	for (size_t i = 0; i < len && o + 4 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		if (i == 40) {
			memcpy(out + o, "...", 3);
			o += 3;
			break;
		}
		out[o++] = (c >= 0x20 && c < 0x7f && c != '"') ? (char)c : '?';
	}
	out[o] = '\0';
}

/* A latency in the field's unit; "-" (no upstream) is absent.  A list
 * "0.004, 0.100" (nginx tried two upstreams in turn) sums. */
static int latency(const char *s, size_t len, int64_t unit, int64_t *ns, bool *present)
{
	i128 total = 0;
	*present = false;
	if (len == 1 && s[0] == '-')
		return 0;
	const char *end = s + len;
	while (s < end) {
		while (s < end && (*s == ' ' || *s == ','))
			s++;
		const char *e = s;
		while (e < end && *e != ',' && *e != ' ')
			e++;
		if (e == s)
			break;
		int64_t v;
		if (e - s == 1 && s[0] == '-') {
			s = e;
			continue;
		}
		if (num_parse_times(s, (size_t)(e - s), unit, &v) != NUM_OK)
			return -1;
		total += v;
		*present = true;
		s = e;
	}
	if (total > INT64_MAX)
		return -1;
	*ns = (int64_t)total;
	return 0;
}

int access_log_record(const struct log_match *m, const struct status_set *bad,
		      bool need_latency, struct slo_record *rec, char *why, size_t whylen)
{
	char q[64];
	enum num_err e = NUM_EMPTY;

	memset(rec, 0, sizeof *rec);
	rec->total = 1;
	if (m->len[LF_TIME_CLF])
		e = ts_parse_clf(m->v[LF_TIME_CLF], m->len[LF_TIME_CLF], &rec->time);
	else if (m->len[LF_TIME_ISO])
		e = ts_parse(m->v[LF_TIME_ISO], m->len[LF_TIME_ISO], &rec->time);
	else if (m->len[LF_TIME_EPOCH])
		e = ts_parse(m->v[LF_TIME_EPOCH], m->len[LF_TIME_EPOCH], &rec->time);
	if (e == NUM_OK) {
		rec->has_time = true;
	} else if (m->len[LF_TIME_CLF] || m->len[LF_TIME_ISO] || m->len[LF_TIME_EPOCH]) {
		const char *v = m->len[LF_TIME_CLF] ? m->v[LF_TIME_CLF]
				: m->len[LF_TIME_ISO] ? m->v[LF_TIME_ISO] : m->v[LF_TIME_EPOCH];
		size_t l = m->len[LF_TIME_CLF] ? m->len[LF_TIME_CLF]
			   : m->len[LF_TIME_ISO] ? m->len[LF_TIME_ISO] : m->len[LF_TIME_EPOCH];
		quote(v, l, q, sizeof q);
		snprintf(why, whylen, "time \"%s\" is %s", q,
			 e == NUM_RANGE ? "out of range" : "not a valid time");
		return -1;
	}

	switch (status_judge(bad, m->v[LF_STATUS], m->len[LF_STATUS])) {
	case STATUS_GOOD:
		break;
	case STATUS_BAD:
		rec->bad = 1;
		break;
	case STATUS_INVALID:
		quote(m->v[LF_STATUS], m->len[LF_STATUS], q, sizeof q);
		snprintf(why, whylen, "status \"%s\" is not an HTTP status (100-599)", q);
		return -1;
	}

	if (need_latency) {
		/* the whole request's time; the upstream's only without it */
		enum log_field lf = m->len[LF_LATENCY] ? LF_LATENCY : LF_UPSTREAM_TIME;
		bool present;
		if (!m->len[lf]) {
			snprintf(why, whylen, "no latency field in this log format");
			return -1;
		}
		if (latency(m->v[lf], m->len[lf], m->unit[lf], &rec->latency, &present)) {
			quote(m->v[lf], m->len[lf], q, sizeof q);
			snprintf(why, whylen, "latency \"%s\" is not a number", q);
			return -1;
		}
		/* "-": no upstream answered (a 400 nginx refused, say); the
		 * request still counts for availability */
		rec->has_latency = present;
	}
	return 0;
}
