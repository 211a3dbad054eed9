/* Column discovery and row conversion for CSV input. */
#include "input/csv_columns.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/duration.h"
#include "util/num.h"
#include "util/timestamp.h"

const char *const csv_time_names[] = {
	"timestamp", "time", "ts", "date", "datetime", "eventtime", "timelocal",
	"timeiso8601", "receivedat", "createdat", "hour", "minute", "day", "period",
	"interval", "bucket", NULL};
/* A boolean verdict (JMeter's success, a prober's up) outranks an HTTP
 * code: it includes assertions the code knows nothing of. */
const char *const csv_status_names[] = {
	"success", "ok", "up", "status", "statuscode", "httpstatus", "code",
	"responsecode", "response", "result", "state", "scstatus", "outcome", NULL};
/* Pre-aggregated exports: a count of events and of bad (or good) ones. */
const char *const csv_total_names[] = {
	"total", "requests", "count", "totalrequests", "requestcount", "requeststotal",
	"events", "totalevents", "calls", NULL};
const char *const csv_bad_names[] = {
	"errors", "bad", "failed", "failures", "errorcount", "badevents", "fails",
	"errorstotal", NULL};
const char *const csv_good_names[] = {
	"good", "goodevents", "successes", "succeeded", "successful", NULL};
/* Incident lists: when each started and ended. */
const char *const csv_start_names[] = {
	"start", "starttime", "startedat", "begin", "begins", "from", "since", "openedat",
	"createdat", "start_ts", NULL};
const char *const csv_end_names[] = {
	"end", "endtime", "endedat", "resolvedat", "resolved", "finish", "finishedat", "until",
	"to", "closedat", "stop", NULL};
const char *const csv_latency_names[] = {
	"elapsed", "latency", "duration", "responsetime", "requesttime",
	"timetaken", "upstreamresponsetime", "rt", "took", NULL};

/* Bare latency numbers whose unit the column's name implies by convention:
 * JMeter's elapsed and IIS's time-taken are ms, nginx's times seconds. */
static const struct {
	const char *name;
	int64_t unit;
	const char *from;
} conventional_units[] = {
	{"elapsed", NS_PER_MS, "JMeter's convention"},
	{"timetaken", NS_PER_MS, "IIS convention for \"time-taken\""},
	{"requesttime", NS_PER_S, "nginx convention for \"request_time\""},
	{"upstreamresponsetime", NS_PER_S, "nginx convention"},
};

static const struct {
	const char *suffix;
	int64_t unit;
} unit_suffixes[] = {
	{"_ns", 1},	       {"_us", NS_PER_US},      {"_usec", NS_PER_US},
	{"_micros", NS_PER_US}, {"_ms", NS_PER_MS},      {"_msec", NS_PER_MS},
	{"_millis", NS_PER_MS}, {"_s", NS_PER_S},        {"_sec", NS_PER_S},
	{"_secs", NS_PER_S},    {"_seconds", NS_PER_S},
};

const char *csv_role_name(enum csv_role r)
{
	static const char *const names[ROLE_N] = {"time", "status", "latency",
						  "total", "bad", "good", "end"};
	return (unsigned)r < ROLE_N ? names[r] : "?";
}

/* Lowercase, every run of non-alphanumerics one '_', none at the ends:
 * "Response Time (ms)" -> "response_time_ms", "@timestamp" -> "timestamp". */
static void normalize(const char *s, size_t len, char *out, size_t size)
{
	size_t o = 0;
	int sep = 0;

	/* a UTF-8 BOM or a quote left on a header cell is not a name */
	for (size_t i = 0; i < len && o + 1 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isalnum(c)) {
			if (sep && o > 0)
				out[o++] = '_';
			if (o + 1 < size)
				out[o++] = (char)tolower(c);
			sep = 0;
		} else {
			sep = 1;
		}
	}
	out[o] = '\0';
}

static void squash(const char *norm, char *out)
{
	for (; *norm; norm++)
		if (*norm != '_')
			*out++ = *norm;
	*out = '\0';
}

static int find_in(const char *const *names, const char *squashed)
{
	for (int i = 0; names[i]; i++)
		if (strcmp(names[i], squashed) == 0)
			return i;
	return -1;
}

/* Copies a cell into a printable, bounded form for messages. */
static void quote_cell(const char *s, size_t len, char *out, size_t size)
{
	size_t o = 0;
	for (size_t i = 0; i < len && o + 5 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		if (i >= 40) {
			out[o++] = '.';
			out[o++] = '.';
			out[o++] = '.';
			break;
		}
		out[o++] = (c >= 0x20 && c < 0x7f && c != '"') ? (char)c : '?';
	}
	out[o] = '\0';
}

/* A column the user named: a header name (compared normalized) or a
 * 1-based number. */
static int named_column(const char *want, const struct csv_field *f, size_t n,
			bool no_header)
{
	uint64_t num;
	if (num_parse_u64(want, strlen(want), &num) == NUM_OK)
		return num >= 1 && num <= n ? (int)(num - 1) : -2;
	if (no_header)
		return -2;
	char w[64], c[64];
	normalize(want, strlen(want), w, sizeof w);
	for (size_t i = 0; i < n; i++) {
		normalize(f[i].s, f[i].len, c, sizeof c);
		if (strcmp(w, c) == 0)
			return (int)i;
	}
	return -2;
}

static void list_header(const struct csv_field *f, size_t n, char *out, size_t size)
{
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n && o + 1 < size; i++) {
		char q[48];
		quote_cell(f[i].s, f[i].len, q, sizeof q);
		int w = snprintf(out + o, size - o, "%s%s", i ? ", " : "", q);
		if (w < 0 || (size_t)w >= size - o)
			break;
		o += (size_t)w;
	}
}

/* The unit a column's name ends in ("backend_ms"), or 0. */
static int64_t suffix_unit(const struct csv_field *f)
{
	char norm[64];
	normalize(f->s, f->len, norm, sizeof norm);
	size_t len = strlen(norm);
	for (size_t k = 0; k < sizeof unit_suffixes / sizeof unit_suffixes[0]; k++) {
		size_t sl = strlen(unit_suffixes[k].suffix);
		if (len > sl && strcmp(norm + len - sl, unit_suffixes[k].suffix) == 0)
			return unit_suffixes[k].unit;
	}
	return 0;
}

/* Best header match for a role from a list of names in preference order;
 * latency names may carry a unit suffix, which sets *unit. */
static int discover(const char *const *names, const struct csv_field *f, size_t n,
		    int with_units, int64_t *unit, int *conventional)
{
	int best = -1, best_rank = 1 << 30;
	for (size_t i = 0; i < n; i++) {
		char norm[64], sq[64];
		int64_t u = 0;
		normalize(f[i].s, f[i].len, norm, sizeof norm);
		size_t len = strlen(norm);
		if (with_units)
			for (size_t k = 0; k < sizeof unit_suffixes / sizeof unit_suffixes[0]; k++) {
				size_t sl = strlen(unit_suffixes[k].suffix);
				if (len > sl && strcmp(norm + len - sl, unit_suffixes[k].suffix) == 0) {
					norm[len - sl] = '\0';
					u = unit_suffixes[k].unit;
					break;
				}
			}
		squash(norm, sq);
		int rank = find_in(names, sq);
		if (rank >= 0 && rank < best_rank) {
			best = (int)i;
			best_rank = rank;
			if (with_units) {
				*unit = u;
				*conventional = -1;
				for (size_t k = 0; !u && k < sizeof conventional_units / sizeof conventional_units[0]; k++)
					if (strcmp(conventional_units[k].name, sq) == 0) {
						*unit = conventional_units[k].unit;
						*conventional = (int)k;
					}
			}
		}
	}
	return best;
}

/* Time columns also match by suffix: commit_time, created_at, event_ts. */
static int discover_time(const struct csv_field *f, size_t n)
{
	int c = discover(csv_time_names, f, n, 0, NULL, NULL);
	if (c >= 0)
		return c;
	static const char *const suffixes[] = {"_time", "_at", "_ts", "_timestamp"};
	for (size_t i = 0; i < n; i++) {
		char norm[64];
		normalize(f[i].s, f[i].len, norm, sizeof norm);
		size_t len = strlen(norm);
		char sq[64];
		squash(norm, sq);
		if (find_in(csv_latency_names, sq) >= 0)
			continue; /* request_time is a duration, not a time */
		for (size_t k = 0; k < 4; k++) {
			size_t sl = strlen(suffixes[k]);
			if (len > sl && strcmp(norm + len - sl, suffixes[k]) == 0)
				return (int)i;
		}
	}
	return -1;
}

/* A header cell is a name; a number or a time there means the file has
 * no header, which deserves a hint in the error. */
static const char *data_hint(const struct csv_field *f, size_t n)
{
	if (n == 1 && (memchr(f[0].s, ',', f[0].len) || memchr(f[0].s, ';', f[0].len) ||
		       memchr(f[0].s, '\t', f[0].len)))
		return "; the header is one field: is the delimiter right?";
	for (size_t i = 0; i < n; i++) {
		int64_t v;
		if (f[i].len && (ts_parse(f[i].s, f[i].len, &v) == NUM_OK ||
				 num_parse_scaled(f[i].s, f[i].len, 3, &v) == NUM_OK))
			return "; the first line looks like data: see --no-header";
	}
	return "";
}

/* A JMeter result file (JTL): its header has these three columns. */
static bool is_jmeter(const struct csv_field *f, size_t n)
{
	int seen = 0;
	for (size_t i = 0; i < n; i++) {
		char norm[64], sq[64];
		normalize(f[i].s, f[i].len, norm, sizeof norm);
		squash(norm, sq);
		seen |= strcmp(sq, "timestamp") == 0 ? 1 : strcmp(sq, "elapsed") == 0 ? 2
			: strcmp(sq, "responsecode") == 0 ? 4 : 0;
	}
	return seen == 7;
}

int csv_columns_resolve(const struct csv_columns_config *cfg,
			const struct csv_field *f, size_t n, struct csv_columns *out,
			char *err, size_t errlen)
{
	const char *given[ROLE_N] = {cfg->time_col, cfg->status_col, cfg->latency_col,
				     cfg->total_col, cfg->bad_col, cfg->good_col, cfg->end_col};
	char cols[512];

	memset(out, 0, sizeof *out);
	/* rows must have as many fields as the header (or, without one, the
	 * first row): a short row is cut off, a long one is something else */
	out->nfields = n;
	list_header(f, n, cols, sizeof cols);
	for (int r = 0; r < ROLE_N; r++) {
		out->col[r] = -1;
		if (!given[r])
			continue;
		out->col[r] = named_column(given[r], f, n, cfg->no_header);
		if (out->col[r] < 0) {
			uint64_t num;
			bool is_num = num_parse_u64(given[r], strlen(given[r]), &num) == NUM_OK;
			if (cfg->no_header && !is_num)
				snprintf(err, errlen, "--%s-col %s: without a header, columns are "
						      "numbers from 1", csv_role_name((enum csv_role)r), given[r]);
			else if (cfg->no_header)
				snprintf(err, errlen, "--%s-col %s: the first row has %zu fields, "
						      "numbered from 1", csv_role_name((enum csv_role)r),
					 given[r], n);
			else
				snprintf(err, errlen, "no column \"%s\" for --%s-col; the header has: %s",
					 given[r], csv_role_name((enum csv_role)r), cols);
			return -1;
		}
	}
	bool aggregated = out->col[ROLE_TOTAL] >= 0;
	if (aggregated && out->col[ROLE_BAD] < 0 && out->col[ROLE_GOOD] < 0) {
		snprintf(err, errlen, "--total-col needs --bad-col or --good-col");
		return -1;
	}
	if (!aggregated && (out->col[ROLE_BAD] >= 0 || out->col[ROLE_GOOD] >= 0)) {
		snprintf(err, errlen, "--bad-col and --good-col need --total-col");
		return -1;
	}
	if (!cfg->no_header) {
		if (cfg->need_end && out->col[ROLE_TIME] < 0 && !cfg->time_col)
			out->col[ROLE_TIME] = discover(csv_start_names, f, n, 0, NULL, NULL);
		if (cfg->need_end && out->col[ROLE_END] < 0 && !cfg->end_col)
			out->col[ROLE_END] = discover(csv_end_names, f, n, 0, NULL, NULL);
		if (out->col[ROLE_TIME] < 0 && !cfg->time_col)
			out->col[ROLE_TIME] = discover_time(f, n);
		if (!aggregated && (cfg->need_status || cfg->want_all) && out->col[ROLE_STATUS] < 0)
			out->col[ROLE_STATUS] = discover(csv_status_names, f, n, 0, NULL, NULL);
		/* no status column: a monitoring export with counts per interval? */
		if (!aggregated && !cfg->status_col && out->col[ROLE_STATUS] < 0 &&
		    (cfg->need_status || cfg->want_all)) {
			int total = discover(csv_total_names, f, n, 0, NULL, NULL);
			int bad = discover(csv_bad_names, f, n, 0, NULL, NULL);
			int good = bad < 0 ? discover(csv_good_names, f, n, 0, NULL, NULL) : -1;
			if (total >= 0 && (bad >= 0 || good >= 0)) {
				out->col[ROLE_TOTAL] = total;
				out->col[ROLE_BAD] = bad;
				out->col[ROLE_GOOD] = good;
				aggregated = true;
			}
		}
	}
	int conventional = -1;
	int64_t unit = 0;
	if ((cfg->need_latency || cfg->want_all) && out->col[ROLE_LATENCY] < 0 && !cfg->no_header)
		out->col[ROLE_LATENCY] = discover(csv_latency_names, f, n, 1, &unit, &conventional);
	else if (out->col[ROLE_LATENCY] >= 0 && !cfg->no_header &&
		 discover(csv_latency_names, f + out->col[ROLE_LATENCY], 1, 1, &unit,
			  &conventional) < 0)
		unit = suffix_unit(&f[out->col[ROLE_LATENCY]]); /* backend_ms */
	if (!unit && out->col[ROLE_LATENCY] >= 0 && is_jmeter(f, n)) {
		/* JMeter writes every time (elapsed, Latency, Connect) in ms */
		unit = NS_PER_MS;
		conventional = 0;
	}
	if (cfg->latency_unit) {
		out->latency_unit = cfg->latency_unit;
		out->unit_from = "--latency-unit";
	} else if (unit) {
		out->latency_unit = unit;
		out->unit_from = conventional >= 0 ? conventional_units[conventional].from
						   : "the column's name";
	}

	if (cfg->need_status && !aggregated && out->col[ROLE_STATUS] < 0) {
		snprintf(err, errlen, "no status column (looked for success, ok, up, status, "
				      "status_code, code, response, result, state, ...); "
				      "name it with --status-col (or give counts with --total-col and "
				      "--bad-col); the header has: %s%s", cols,
			 data_hint(f, n));
		return -1;
	}
	if (cfg->need_latency && out->col[ROLE_LATENCY] < 0) {
		snprintf(err, errlen, "no latency column (looked for elapsed, latency, duration, "
				      "response_time, request_time, time_taken, ...); "
				      "name it with --latency-col; the header has: %s%s", cols,
			 data_hint(f, n));
		return -1;
	}
	if (cfg->need_end && (out->col[ROLE_TIME] < 0 || out->col[ROLE_END] < 0)) {
		snprintf(err, errlen, "no %s column for --incidents (looked for %s); name it with "
				      "%s; the header has: %s",
			 out->col[ROLE_TIME] < 0 ? "start" : "end",
			 out->col[ROLE_TIME] < 0 ? "start, start_time, started_at, begin, from, ..."
						 : "end, end_time, ended_at, resolved_at, until, ...",
			 out->col[ROLE_TIME] < 0 ? "--time-col" : "--end-col", cols);
		return -1;
	}
	if (cfg->need_time && out->col[ROLE_TIME] < 0) {
		snprintf(err, errlen, "no time column for --window (looked for timestamp, time, "
				      "ts, date, *_time, *_at, ...); name it with --time-col; "
				      "the header has: %s%s", cols, data_hint(f, n));
		return -1;
	}
	for (int r = 0; r < ROLE_N; r++)
		if (out->col[r] >= 0 && !cfg->no_header)
			snprintf(out->name[r], sizeof out->name[r], "%.*s",
				 (int)(f[out->col[r]].len < 60 ? f[out->col[r]].len : 60),
				 f[out->col[r]].s);
		else if (out->col[r] >= 0)
			snprintf(out->name[r], sizeof out->name[r], "column %d", out->col[r] + 1);
	return 0;
}

static inline void trim(const char **s, size_t *len)
{
	/* most cells have nothing to trim: one look at each end */
	if (*len > 0 && (*s)[0] > ' ' && (*s)[*len - 1] > ' ')
		return;
	while (*len > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && ((*s)[*len - 1] == ' ' || (*s)[*len - 1] == '\t' ||
			    (*s)[*len - 1] == '\r'))
		(*len)--;
}

/* A latency cell: a bare number in the column's unit, or a number with
 * its own unit ("250ms", "0.25s"). */
static int parse_latency(const struct csv_columns *cols, const char *s, size_t len,
			 int64_t *ns, char *why, size_t whylen)
{
	char q[64];
	enum num_err e = num_parse_times(s, len, cols->latency_unit ? cols->latency_unit : 1, ns);

	if (e == NUM_OK && !cols->latency_unit) {
		quote_cell(s, len, q, sizeof q);
		snprintf(why, whylen, "latency \"%s\" has no unit; name the column "
				      "latency_ms (or _s, _us) or give --latency-unit", q);
		return -1;
	} else if (e == NUM_SYNTAX && len > 0 && len < sizeof q && s[0] != '-') {
		memcpy(q, s, len);
		q[len] = '\0';
		e = duration_parse(q, ns);
	}
	if (e != NUM_OK) {
		quote_cell(s, len, q, sizeof q);
		snprintf(why, whylen, "latency \"%s\" is %s", q,
			 len && s[0] == '-' ? "negative"
			 : e == NUM_RANGE   ? "out of range"
			 : e == NUM_EMPTY   ? "empty"
					    : "not a duration");
		return -1;
	}
	return 0;
}

static int parse_count(const char *what, const char *s, size_t len, uint64_t *v,
		       char *why, size_t whylen)
{
	enum num_err e = num_parse_u64(s, len, v);
	if (e != NUM_OK) {
		char q[64];
		quote_cell(s, len, q, sizeof q);
		snprintf(why, whylen, "%s count \"%s\" is %s", what, q,
			 e == NUM_EMPTY ? "empty" : e == NUM_RANGE ? "too large" : "not a whole number");
		return -1;
	}
	return 0;
}

int csv_columns_record(const struct csv_columns *cols,
		       const struct csv_columns_config *cfg,
		       const struct csv_field *f, size_t n, struct slo_record *rec,
		       char *why, size_t whylen)
{
	char q[64];
	const char *s;
	size_t len;

	memset(rec, 0, sizeof *rec);
	if (n != cols->nfields) {
		snprintf(why, whylen, "row has %zu fields, %s %zu", n,
			 cfg->no_header ? "the first row" : "the header", cols->nfields);
		return -1;
	}
	/* csv_columns_resolve took every column from the nfields of the
	 * header (or first row): a row of nfields has them all */

	if (cols->col[ROLE_TIME] >= 0) {
		s = f[cols->col[ROLE_TIME]].s;
		len = f[cols->col[ROLE_TIME]].len;
		trim(&s, &len);
		enum num_err e = ts_parse(s, len, &rec->time);
		if (e == NUM_OK) {
			rec->has_time = true;
		} else if (cfg->need_time || len > 0) {
			/* a time that is there must be readable: a row placed
			 * at a wrong time is worse than a row skipped */
			quote_cell(s, len, q, sizeof q);
			snprintf(why, whylen, "time \"%s\" is %s", q,
				 e == NUM_EMPTY ? "empty"
				 : e == NUM_RANGE ? "out of range"
						  : "not a time (RFC 3339, Unix epoch, Common "
						    "Log Format or syslog)");
			return -1;
		}
	}

	if (cfg->need_end) {
		/* an incident: down from the time column to this one */
		s = f[cols->col[ROLE_END]].s;
		len = f[cols->col[ROLE_END]].len;
		trim(&s, &len);
		enum num_err e = ts_parse(s, len, &rec->until);
		if (e != NUM_OK) {
			quote_cell(s, len, q, sizeof q);
			snprintf(why, whylen, "end \"%s\" is %s", q,
				 e == NUM_EMPTY ? "empty (an incident still open? give its end)"
						: "not a time");
			return -1;
		}
		if (rec->until < rec->time) {
			snprintf(why, whylen, "the incident ends before it starts");
			return -1;
		}
		rec->has_until = true;
		rec->total = 1;
		rec->bad = 1;
		return 0;
	}
	if (cols->col[ROLE_TOTAL] >= 0) {
		uint64_t total, part;
		s = f[cols->col[ROLE_TOTAL]].s;
		len = f[cols->col[ROLE_TOTAL]].len;
		trim(&s, &len);
		if (parse_count("total", s, len, &total, why, whylen))
			return -1;
		int bad_col = cols->col[ROLE_BAD] >= 0;
		const struct csv_field *pf = &f[cols->col[bad_col ? ROLE_BAD : ROLE_GOOD]];
		s = pf->s;
		len = pf->len;
		trim(&s, &len);
		if (parse_count(bad_col ? "bad" : "good", s, len, &part, why, whylen))
			return -1;
		if (part > total) {
			snprintf(why, whylen, "%s count %llu is more than the total %llu",
				 bad_col ? "bad" : "good", (unsigned long long)part,
				 (unsigned long long)total);
			return -1;
		}
		rec->total = total;
		rec->bad = bad_col ? part : total - part;
	} else {
		rec->total = 1;
		if (cfg->need_status) {
			s = f[cols->col[ROLE_STATUS]].s;
			len = f[cols->col[ROLE_STATUS]].len;
			switch (status_judge(cfg->bad_status, s, len)) {
			case STATUS_GOOD:
				break;
			case STATUS_BAD:
				rec->bad = 1;
				break;
			case STATUS_INVALID:
				quote_cell(s, len, q, sizeof q);
				snprintf(why, whylen, "status \"%s\" is not an HTTP status (100-599) "
						      "or a word such as up/down, true/false", q);
				return -1;
			}
		}
	}

	if (cfg->need_latency) {
		s = f[cols->col[ROLE_LATENCY]].s;
		len = f[cols->col[ROLE_LATENCY]].len;
		trim(&s, &len);
		if (parse_latency(cols, s, len, &rec->latency, why, whylen))
			return -1;
		rec->has_latency = true;
	}
	return 0;
}
