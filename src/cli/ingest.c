/* Input reading for `slo eval`: format detection and the two record
 * paths, CSV rows and access-log lines. */
#include "cli/ingest.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "input/access_log.h"
#include "input/csv_direct.h"
#include "input/csv_reader.h"
#include "input/haproxy.h"
#include "input/json_lines.h"
#include "input/line_reader.h"
#include "input/log_format.h"
#include "input/nginx_plus.h"
#include "input/prom.h"
#include "input/rails.h"
#include "input/source.h"
#include "input/w3c.h"
#include "util/bytes.h"
#include "report/progress.h"
#include "util/duration.h"
#include "util/timestamp.h"

/* Malformed records quoted on stderr before the rest are only counted. */
#define SHOW_SKIPS 5
/* How much of a file detection looks at, and how many lines of it. */
#define PEEK_BYTES (64u << 10)
#define PEEK_LINES 50

enum input_kind {
	FMT_CSV,
	FMT_ACCESS,
	FMT_W3C,
	FMT_HAPROXY,
	FMT_JSON,
	FMT_PROM,
	FMT_RAILS,
	FMT_NGINX_PLUS,
};

/* Records of the CSV direct path counted together (eval_add_many). */
#define DIRECT_BATCH 64

struct file {
	struct ingest *g;
	const char *name;
	struct report_input *in; /* this file's line in the report, or NULL */
	int fatal;               /* an exit status that stops everything */
	/* CSV */
	struct csv_columns cols;
	bool have_cols;
	/* line formats */
	int kind; /* enum input_kind */
	struct nginx_plus *np;
	const char *cur_zone;
	struct rails rails;
	struct prom *prom;
	size_t cur_series;
	struct json_lines *json;
	struct log_format fmt;
	struct w3c w3c;
	bool need_latency;
	size_t detect_score, detect_lines; /* layout lines matched of those tried */
	bool syslog;             /* access-log lines behind a syslog prefix */
	const struct csv_read_info *csv_info; /* the delimiter, once known */
	struct csv_direct direct; /* rows of plain numbers, when direct_ok */
	bool direct_ok;
	/* records the direct path read, not yet counted (flush_direct), and
	 * their lines */
	struct slo_record batch[DIRECT_BATCH];
	uint64_t batch_line[DIRECT_BATCH];
	size_t nbatch;
	/* the record being read, for --where and --group-by */
	const struct csv_field *cur_fields;
	size_t cur_n;
	const char *cur_line;
	size_t cur_len;
	struct log_match cur_match;
	/* CSV columns of the --where fields (in order) and of --group-by */
	int where_col[FILTER_MAX];
	int group_col;
	bool explained;
};

const char *ingest_formats(void)
{
	static char list[256];
	if (!list[0]) {
		size_t o = (size_t)snprintf(list, sizeof list, "auto, csv, json, w3c, haproxy, rails, nginx-plus, prometheus");
		for (int i = 0; access_builtins[i].name && o < sizeof list; i++)
			o += (size_t)snprintf(list + o, sizeof list - o, ", %s", access_builtins[i].name);
	}
	return list;
}

int ingest_check_format(const char *name)
{
	if (strcmp(name, "auto") == 0 || strcmp(name, "csv") == 0 || strcmp(name, "w3c") == 0 ||
	    strcmp(name, "haproxy") == 0 || strcmp(name, "json") == 0 ||
	    strcmp(name, "prometheus") == 0 || strcmp(name, "rails") == 0 ||
	    strcmp(name, "nginx-plus") == 0)
		return 0;
	for (int i = 0; access_builtins[i].name; i++)
		if (strcmp(name, access_builtins[i].name) == 0)
			return 0;
	return -1;
}

static void skip_as(struct file *x, uint64_t line, uint64_t last_line, const char *why,
		    bool malformed);

static void skip(struct file *x, uint64_t line, uint64_t last_line, const char *why)
{
	skip_as(x, line, last_line, why, true);
}

/* A line that is not a request (a server's start-up message) is counted
 * and reported like a malformed one, but --strict lets it pass. */
static void skip_as(struct file *x, uint64_t line, uint64_t last_line, const char *why,
		    bool malformed)
{
	char where[64];

	x->g->rep->skipped++;
	if (x->in)
		x->in->skipped++;
	if (last_line > line)
		snprintf(where, sizeof where, ":%llu-%llu", (unsigned long long)line,
			 (unsigned long long)last_line);
	else if (line)
		snprintf(where, sizeof where, ":%llu", (unsigned long long)line);
	else
		where[0] = '\0'; /* a record of a JSON document has no line */
	if (x->g->strict && malformed) {
		cli_error("%s%s: %s (--strict)", x->name, where, why);
		x->fatal = EXIT_INPUT;
		return;
	}
	if (x->g->skips) {
		/* a reader working on a share of the file: its parent says it */
		if (x->g->shown++ < SHOW_SKIPS) {
			char msg[1024];
			snprintf(msg, sizeof msg, "%s; %s skipped", why,
				 x->have_cols ? "row" : line ? "line" : "sample");
			bytes_put_u64(x->g->skips, line);
			bytes_put_u64(x->g->skips, last_line);
			bytes_put_str(x->g->skips, msg);
		}
		return;
	}
	if (!x->g->quiet && x->g->shown++ < SHOW_SKIPS)
		cli_error("%s%s: %s; %s skipped", x->name, where, why,
			  x->have_cols ? "row" : line ? "line" : "sample");
}

/* What a kind of input is called in messages. */
static const char *kind_name(int kind)
{
	switch (kind) {
	case FMT_CSV:
		return "CSV";
	case FMT_JSON:
		return "JSON lines";
	case FMT_W3C:
		return "a W3C log";
	case FMT_HAPROXY:
		return "a HAProxy log";
	case FMT_PROM:
		return "a Prometheus answer";
	case FMT_RAILS:
		return "a Rails log";
	case FMT_NGINX_PLUS:
		return "NGINX Plus snapshots";
	default:
		return "an access log";
	}
}

/* Counts a record read; returns 0, or non-zero to stop (--strict). */
/* A CSV column by header name (compared as csv_columns compares them)
 * or by number from 1; -1 when there is none. */
static int csv_column(const struct file *x, const char *name, const struct csv_field *f, size_t n)
{
	struct csv_columns_config one = {.status_col = name, .no_header = x->g->cfg->no_header};
	struct csv_columns c;
	char err[256];
	if (csv_columns_resolve(&one, f, n, &c, err, sizeof err))
		return -1;
	return c.col[ROLE_STATUS];
}

/* Reads a field of the current record for --where and --group-by. */
static int get_field(void *p, const char *name, const char **v, size_t *len)
{
	struct file *x = p;
	const struct ingest *g = x->g;

	switch (x->kind) {
	case FMT_CSV: {
		int col = -1;
		if (g->group_by && strcmp(name, g->group_by) == 0)
			col = x->group_col;
		for (size_t i = 0; col < 0 && g->where && i < g->where->n; i++)
			if (strcmp(name, g->where->c[i].field) == 0)
				col = x->where_col[i];
		if (col < 0)
			return -1;
		*v = (size_t)col < x->cur_n ? x->cur_fields[col].s : "";
		*len = (size_t)col < x->cur_n ? x->cur_fields[col].len : 0;
		return 0;
	}
	case FMT_ACCESS:
		return log_format_field(&x->fmt, &x->cur_match, name, v, len);
	case FMT_W3C:
		return w3c_field(&x->w3c, x->cur_line, x->cur_len, name, v, len);
	case FMT_HAPROXY:
		return haproxy_field(x->cur_line, x->cur_len, name, v, len);
	case FMT_JSON:
		return json_lines_field(x->json, name, v, len);
	case FMT_PROM:
		return prom_label(x->prom, x->cur_series, name, v, len);
	case FMT_RAILS:
		return rails_field(&x->rails, name, v, len);
	case FMT_NGINX_PLUS:
		if (strcmp(name, "zone") != 0 && strcmp(name, "server_zone") != 0)
			return -1;
		*v = x->cur_zone;
		*len = strlen(x->cur_zone);
		return 0;
	}
	return -1;
}

/* A field the format does not have is the user's mistake, found on the
 * first record: one message, not one per line. */
static int unknown_field(struct file *x, const char *opt, const char *name)
{
	cli_error("%s: %s %s: this %s has no field \"%s\"", x->name, opt, name,
		  x->kind == FMT_CSV ? "file" : "log format", name);
	x->fatal = EXIT_USAGE;
	return 1;
}

/* What a record eval_add (or groups_add) refused becomes. */
static int refused(struct file *x, enum eval_err e, uint64_t line, uint64_t last)
{
	switch (e) {
	case EVAL_OK:
		return 0;
	case EVAL_NO_TIME:
		skip(x, line, last, "record has no time, and a window or samples need one");
		return x->fatal;
	case EVAL_OUT_OF_ORDER:
		skip(x, line, last, "sample older than those before it (by more than 64 samples)");
		return x->fatal;
	case EVAL_OVERFLOW:
		skip(x, line, last, "its count overflows the sum of the counts (2^64 events)");
		return x->fatal;
	case EVAL_NOMEM:
	case EVAL_WINDOW_TOO_FINE:
	case EVAL_MISMATCH:
	case EVAL_CORRUPT:
		break;
	}
	cli_error("out of memory");
	x->fatal = EXIT_INPUT;
	return 1;
}

/* Filters a record (--where), groups it (--group-by) and counts it.  Not
 * inlined: add, without these, then needs no frame. */
static int add_filtered(struct file *x, const struct slo_record *rec, uint64_t line,
			uint64_t last) __attribute__((noinline));

static int add_filtered(struct file *x, const struct slo_record *rec, uint64_t line,
			uint64_t last)
{
	struct ingest *g = x->g;
	const char *key = NULL, *unknown = NULL;
	size_t klen = 0;

	if (g->where && g->where->n && !filter_match(g->where, get_field, x, &unknown)) {
		if (unknown)
			return unknown_field(x, "--where", unknown);
		g->rep->filtered++;
		return 0;
	}
	if (g->group_by && get_field(x, g->group_by, &key, &klen))
		return unknown_field(x, "--group-by", g->group_by);
	enum eval_err e = eval_add(g->ev, rec);
	if (e == EVAL_OK && g->groups) {
		/* paths are grouped without their query string */
		const char *q = memchr(key, '?', klen);
		if (q && (strstr(g->group_by, "path") || strstr(g->group_by, "url") ||
			  strstr(g->group_by, "uri")))
			klen = (size_t)(q - key);
		e = groups_add(g->groups, key, klen, rec);
	}
	return e == EVAL_OK ? 0 : refused(x, e, line, last);
}

/* Whether records are filtered or grouped (--where, --group-by): then
 * they need the fields of their row. */
static bool filtered(const struct ingest *g)
{
	return (g->where && g->where->n) || g->group_by || g->groups;
}

static int add(struct file *x, const struct slo_record *rec, uint64_t line, uint64_t last)
{
	struct ingest *g = x->g;
	if (filtered(g))
		return add_filtered(x, rec, line, last);
	enum eval_err e = eval_add(g->ev, rec);
	return e == EVAL_OK ? 0 : refused(x, e, line, last);
}

static const char *unit_name(int64_t unit)
{
	return unit == NS_PER_S ? "s" : unit == NS_PER_MS ? "ms" : unit == NS_PER_US ? "us" : "ns";
}

static void describe_columns(const struct csv_columns *c, char *out, size_t size)
{
	size_t o = 0;
	out[0] = '\0';
	for (int r = 0; r < ROLE_N; r++) {
		if (c->col[r] < 0)
			continue;
		int w = snprintf(out + o, size - o, "%s%s=%s", o ? " " : "",
				 csv_role_name((enum csv_role)r), c->name[r]);
		if (w < 0 || (size_t)w >= size - o)
			return;
		o += (size_t)w;
		if (r == ROLE_LATENCY && c->latency_unit) {
			w = snprintf(out + o, size - o, " (bare numbers in %s: %s)",
				     unit_name(c->latency_unit), c->unit_from);
			if (w < 0 || (size_t)w >= size - o)
				return;
			o += (size_t)w;
		}
	}
}

static void describe_layout(const struct log_format *f, bool need_latency, char *out, size_t size)
{
	size_t o = 0;
	static const struct {
		enum log_field f;
		const char *role;
	} shown[] = {{LF_TIME_CLF, "time"}, {LF_TIME_ISO, "time"}, {LF_TIME_EPOCH, "time"},
		     {LF_STATUS, "status"}, {LF_LATENCY, "latency"}, {LF_UPSTREAM_TIME, "latency"}};
	bool latency_done = false;

	out[0] = '\0';
	for (size_t k = 0; k < sizeof shown / sizeof shown[0]; k++)
		for (size_t i = 0; i < f->n; i++) {
			const struct log_item *it = &f->item[i];
			if (it->lit || it->field != shown[k].f)
				continue;
			bool is_latency = strcmp(shown[k].role, "latency") == 0;
			if (is_latency && (latency_done || !need_latency))
				continue;
			int w = snprintf(out + o, size - o, "%s%s=%s%s%s%s", o ? " " : "",
					 shown[k].role, it->name, is_latency ? " (" : "",
					 is_latency ? unit_name(it->unit) : "", is_latency ? ")" : "");
			if (w < 0 || (size_t)w >= size - o)
				return;
			o += (size_t)w;
			latency_done = latency_done || is_latency;
			break;
		}
}

static const char *const time_help =
	"RFC 3339 / ISO 8601, Unix epoch (s, ms, us or ns by size), Common Log Format or "
	"syslog";

/* Says which year a syslog stamp without one is read in: the file's last
 * change is left unsaid, for the same words whenever a file was copied. */
static const char *year_help(const struct ingest *g, char *buf, size_t size)
{
	if (!g->year)
		snprintf(buf, size, "the year of the file's last change (before it for a "
				    "later month)");
	else if (!g->year_month || g->year_month == 12)
		snprintf(buf, size, "%d (--year)", g->year);
	else
		snprintf(buf, size, "%d, or %d after %s (--year)", g->year, g->year - 1,
			 ts_month_name(g->year_month));
	return buf;
}

/* Says how a file is read: format, which field is what, units, zone, and
 * what makes an event bad.  Once per file, when that is known. */
static void explain(struct file *x)
{
	struct ingest *g = x->g;
	FILE *out = g->detect_only ? stdout : stderr;
	char bad[128], cols[sizeof x->in->columns], year[96];

	if (x->explained)
		return;
	x->explained = true;
	progress_hide(); /* a later file's lines would garble the bar */
	status_set_describe(g->cfg->bad_status, bad, sizeof bad);
	switch (x->kind) {
	case FMT_CSV: {
		const struct csv_columns *c = &x->cols;
		fprintf(out, "%s: csv, delimiter %s, %s\n", x->name,
			x->csv_info->delim == '\t' ? "tab" : x->csv_info->delim == ';' ? "';'" : "','",
			g->cfg->no_header ? "no header (columns by number)" : "header on line 1");
		if (c->col[ROLE_TIME] >= 0)
			fprintf(out, "  time      %s: %s; no zone means %s; no year, %s\n",
				c->name[ROLE_TIME], time_help, ts_zone_name(),
				year_help(g, year, sizeof year));
		else
			fprintf(out, "  time      none: no window; the report covers every row\n");
		if (c->col[ROLE_TOTAL] >= 0)
			fprintf(out, "  counts    %s events per row, %s %s\n", c->name[ROLE_TOTAL],
				c->col[ROLE_BAD] >= 0 ? c->name[ROLE_BAD] : c->name[ROLE_GOOD],
				c->col[ROLE_BAD] >= 0 ? "of them bad" : "of them good");
		else if (c->col[ROLE_STATUS] >= 0)
			fprintf(out, "  status    %s: bad when an HTTP status in %s, or a word: "
				     "down, false, fail, failed, failure, unhealthy, 0\n",
				c->name[ROLE_STATUS], bad);
		else
			fprintf(out, "  status    none found\n");
		if (c->col[ROLE_LATENCY] >= 0 && c->latency_unit)
			fprintf(out, "  latency   %s: bare numbers in %s (%s); values may carry a unit\n",
				c->name[ROLE_LATENCY], unit_name(c->latency_unit), c->unit_from);
		else if (c->col[ROLE_LATENCY] >= 0)
			fprintf(out, "  latency   %s: unit unknown: values need a unit (250ms) or "
				     "--latency-unit\n", c->name[ROLE_LATENCY]);
		else
			fprintf(out, "  latency   none found\n");
		return;
	}
	case FMT_ACCESS:
		describe_layout(&x->fmt, true, cols, sizeof cols);
		if (x->detect_lines)
			fprintf(out, "%s: access log%s, layout %s (%smatched %zu of the first %zu lines)\n",
				x->name, x->syslog ? " behind a syslog prefix" : "", x->fmt.name,
				g->log_format || g->input ? "given; " : "", x->detect_score,
				x->detect_lines);
		else
			fprintf(out, "%s: access log, layout %s (given)\n", x->name, x->fmt.name);
		fprintf(out, "  fields    %s\n", cols[0] ? cols : "none that slo uses");
		break;
	case FMT_W3C:
		fprintf(out, "%s: W3C extended log (IIS); #Fields: directives name the fields\n"
			     "  fields    time=date+time (UTC) status=sc-status latency=time-taken (ms)\n",
			x->name);
		break;
	case FMT_HAPROXY:
		fprintf(out, "%s: HAProxy HTTP log through syslog\n"
			     "  fields    time=accept date (no zone: %s) status=status code "
			     "latency=Ta, the last timer (ms)\n",
			x->name, ts_zone_name());
		break;
	case FMT_JSON:
		json_lines_describe(x->json, cols, sizeof cols);
		fprintf(out, "%s: JSON lines\n  fields    %s\n", x->name, cols);
		break;
	case FMT_NGINX_PLUS:
		fprintf(out, "%s: NGINX Plus status snapshots\n"
			     "  counts    per server zone, the differences of responses.total and "
			     "responses.5xx between snapshots (a restart starts them again)\n"
			     "  time      timestamp (epoch ms); group with --group-by zone\n", x->name);
		return;
	case FMT_RAILS:
		fprintf(out, "%s: Rails request log\n"
			     "  fields    time=the Started or Processing line (no zone: %s) "
			     "status and latency=the Completed line (s, or ms when written)\n",
			x->name, ts_zone_name());
		break;
	case FMT_PROM:
		fprintf(out, "%s: Prometheus range query, %zu series\n"
			     "  samples   [time, value]: up when the value is not 0 (probe_success, "
			     "up)\n", x->name, x->prom ? prom_series(x->prom) : 0);
		return;
	}
	fprintf(out, "  bad       an HTTP status in %s\n", bad);
}

/* Counts the records the direct path read, in order; a record refused
 * is skipped with its line, as on_row would. */
static int flush_direct(struct file *x)
{
	size_t at = 0;
	while (at < x->nbatch) {
		size_t done;
		enum eval_err e = eval_add_many(x->g->ev, x->batch + at, x->nbatch - at, &done);
		at += done;
		if (e == EVAL_OK)
			break;
		int st = refused(x, e, x->batch_line[at], x->batch_line[at]);
		at++;
		if (st) {
			x->nbatch = 0;
			return st;
		}
	}
	x->nbatch = 0;
	return 0;
}

static int on_row(void *p, const struct csv_field *f, size_t n, uint64_t line,
		  uint64_t last_line)
{
	struct file *x = p;
	const struct csv_columns_config *cfg = x->g->cfg;
	char why[1024];
	struct slo_record rec;

	if (!f && !x->have_cols) {
		cli_error("%s:%llu: the first row is too large to be a CSV header (over %zu MiB, or "
			  "over %zu fields)",
			  x->name, (unsigned long long)line, CSV_MAX_RECORD >> 20, CSV_MAX_FIELDS);
		x->fatal = EXIT_INPUT;
		return 1;
	}
	if (!x->have_cols) {
		if (csv_columns_resolve(cfg, f, n, &x->cols, why, sizeof why)) {
			cli_error("%s:%llu: %s", x->name, (unsigned long long)line, why);
			x->fatal = EXIT_INPUT;
			return 1;
		}
		x->have_cols = true;
		if (x->in)
			describe_columns(&x->cols, x->in->columns, sizeof x->in->columns);
		x->group_col = x->g->group_by ? csv_column(x, x->g->group_by, f, n) : -1;
		for (size_t i = 0; x->g->where && i < x->g->where->n; i++)
			x->where_col[i] = csv_column(x, x->g->where->c[i].field, f, n);
		if (x->g->explain || x->g->detect_only)
			explain(x);
		if (x->g->detect_only)
			return 1;
		x->direct_ok = !filtered(x->g) &&
			       csv_direct_init(&x->direct, &x->cols, cfg, x->csv_info->delim);
		if (!cfg->no_header)
			return 0;
	}
	/* the direct path's records first: counted in the file's order */
	if (x->nbatch && flush_direct(x))
		return x->fatal;
	x->g->rep->read++;
	if (x->in)
		x->in->rows++;
	x->cur_fields = f;
	x->cur_n = n;
	if (!f)
		snprintf(why, sizeof why, "row too large to read (over %zu MiB, or over %zu fields)",
			 CSV_MAX_RECORD >> 20, CSV_MAX_FIELDS);
	else if (csv_columns_record(&x->cols, cfg, f, n, &rec, why, sizeof why) == 0)
		return add(x, &rec, line, last_line);
	skip(x, line, last_line, why);
	return x->fatal;
}

/* Lines of plain cells, taken whole (csv_direct.h) once the columns are
 * known; the first line it leaves goes to on_row.  There is no --where,
 * no --group-by (direct_ok): the records wait in the batch to be counted. */
static int on_plain_lines(void *p, const char *s, size_t max, uint64_t line, uint64_t *taken,
			  const char **next)
{
	struct file *x = p;

	*next = s;
	if (!x->direct_ok)
		return 0;
	for (;;) {
		size_t room = DIRECT_BATCH - x->nbatch;
		size_t n = csv_direct_records(&x->direct, *next, max, x->batch + x->nbatch, room, next);
		for (size_t i = 0; i < n; i++)
			x->batch_line[x->nbatch + i] = line + *taken + i;
		x->nbatch += n;
		*taken += n;
		x->g->rep->read += n;
		if (x->in)
			x->in->rows += n;
		if (x->nbatch == DIRECT_BATCH && flush_direct(x))
			return 1;
		if (n < room)
			return 0;
	}
}

/* The message of a syslog line: what follows "<PRI>Mmm dd hh:mm:ss host
 * tag[pid]: " (nginx's access_log syslog:, or a file rsyslog wrote).
 * Returns the line itself when it has no such prefix. */
static const char *syslog_message(const char *line, size_t *len)
{
	const char *p = line, *end = line + *len;
	if (p < end && *p == '<') { /* <190> */
		const char *gt = memchr(p, '>', (size_t)(end - p) < 6 ? (size_t)(end - p) : 6);
		if (!gt)
			return line;
		p = gt + 1;
	}
	if (end - p < 16 || p[3] != ' ' || p[6] != ' ' || p[9] != ':' || p[12] != ':' || p[15] != ' ')
		return line;
	if (!ts_month_abbr(p))
		return line;
	/* the host, then the tag up to ": " */
	const char *q = memchr(p + 16, ' ', (size_t)(end - p - 16));
	if (!q)
		return line;
	for (const char *c = q + 1; c + 1 < end; c++) {
		if (c[0] == ':' && c[1] == ' ') {
			*len = (size_t)(end - c - 2);
			return c + 2;
		}
		if (*c == ' ')
			break; /* a tag has no spaces */
	}
	return line;
}

static int on_line(void *p, const char *line, size_t len, uint64_t lineno)
{
	struct file *x = p;
	char why[256];
	struct slo_record rec;
	size_t where;

	if (line && len == 0)
		return 0; /* a blank line is no record */
	if ((x->g->explain || x->g->detect_only) && x->kind != FMT_JSON && x->kind != FMT_W3C) {
		/* the file's first line says it; for Rails, the first request */
		explain(x);
		if (x->g->detect_only)
			return 1;
	}
	if (x->kind == FMT_W3C && line && w3c_is_directive(line, len)) {
		if (w3c_directive(&x->w3c, line, len, x->need_latency, why, sizeof why) == 0) {
			if ((x->g->explain || x->g->detect_only) && x->w3c.nfields)
				explain(x);
			return x->g->detect_only && x->explained;
		}
		cli_error("%s:%llu: %s", x->name, (unsigned long long)lineno, why);
		x->fatal = EXIT_INPUT;
		return 1;
	}
	if (x->kind == FMT_NGINX_PLUS && line) {
		/* a snapshot holds a record a zone: the events since the last */
		struct slo_record recs[NGINX_PLUS_MAX_ZONES];
		const char *zones[NGINX_PLUS_MAX_ZONES];
		int n = nginx_plus_line(x->np, line, len, recs, zones, why, sizeof why);
		if (n < 0) {
			x->g->rep->read++;
			if (x->in)
				x->in->rows++;
			skip(x, lineno, lineno, why);
			return x->fatal;
		}
		for (int i = 0; i < n; i++) {
			x->g->rep->read++;
			if (x->in)
				x->in->rows++;
			x->cur_zone = zones[i];
			if (add(x, &recs[i], lineno, lineno))
				return 1;
		}
		return 0;
	}
	if (x->kind == FMT_RAILS && line) {
		/* only a Completed line is a record; the others set its context */
		int rc = rails_line(&x->rails, line, len, x->g->cfg->bad_status, &rec, why,
				    sizeof why);
		if (rc == 0)
			return 0;
		x->g->rep->read++;
		if (x->in)
			x->in->rows++;
		if (rc > 0)
			return add(x, &rec, lineno, lineno);
		skip(x, lineno, lineno, why);
		return x->fatal;
	}
	x->g->rep->read++;
	if (x->in)
		x->in->rows++;
	if (x->syslog && line)
		line = syslog_message(line, &len);
	x->cur_line = line;
	x->cur_len = len;
	if (!line) {
		snprintf(why, sizeof why, "line of %zu bytes is too long (over %u MiB)", len,
			 LINE_MAX_BYTES >> 20);
	} else if (x->kind == FMT_W3C) {
		if (w3c_record(&x->w3c, line, len, x->g->cfg->bad_status, x->need_latency, &rec,
			       why, sizeof why) == 0)
			return add(x, &rec, lineno, lineno);
	} else if (x->kind == FMT_JSON) {
		int rc = json_lines_record(x->json, line, len, &rec, why, sizeof why);
		if (rc == JSON_LINES_NOT_REQUEST && !x->g->detect_only) {
			skip_as(x, lineno, lineno, why, false);
			return x->fatal;
		}
		if (rc == 0) {
			if (x->g->explain || x->g->detect_only)
				explain(x);
			if (x->g->detect_only)
				return 1;
			return add(x, &rec, lineno, lineno);
		}
		if (x->g->detect_only)
			return 0; /* look further for a request line */
	} else if (x->kind == FMT_HAPROXY) {
		int rc = haproxy_record(line, len, x->g->cfg->bad_status, x->need_latency, &rec, why,
					sizeof why);
		if (rc == 0)
			return add(x, &rec, lineno, lineno);
		if (rc == HAPROXY_NOT_REQUEST) {
			skip_as(x, lineno, lineno, why, false);
			return x->fatal;
		}
	} else if (log_format_match(&x->fmt, line, len, &x->cur_match, &where)) {
		const struct log_item *it = &x->fmt.item[where < x->fmt.n ? where : x->fmt.n - 1];
		if (where >= x->fmt.n)
			snprintf(why, sizeof why, "line goes on after the %s layout ends", x->fmt.name);
		else if (it->lit)
			snprintf(why, sizeof why, "line does not match the %s layout: expected \"%.*s\"",
				 x->fmt.name, (int)it->lit_len, it->lit);
		else
			snprintf(why, sizeof why, "line does not match the %s layout at %s%s",
				 x->fmt.name, it->name[0] == '%' ? "" : "$", it->name);
	} else if (access_log_record(&x->cur_match, x->g->cfg->bad_status, x->need_latency, &rec, why,
				     sizeof why) == 0) {
		return add(x, &rec, lineno, lineno);
	}
	skip(x, lineno, lineno, why);
	return x->fatal;
}

/* Splits the peeked bytes into whole lines for detection. */
static size_t first_lines(const char *buf, size_t len, const char **lines, size_t *lens)
{
	size_t n = 0;
	const char *p = buf, *end = buf + len, *nl;
	while (n < PEEK_LINES && (nl = memchr(p, '\n', (size_t)(end - p)))) {
		size_t l = (size_t)(nl - p);
		if (l && p[l - 1] == '\r')
			l--;
		if (l) {
			lines[n] = p;
			lens[n++] = l;
		}
		p = nl + 1;
	}
	if (n == 0 && p < end) { /* one line, no newline */
		lines[n] = p;
		lens[n++] = (size_t)(end - p);
	}
	return n;
}

/* For a layout given, not found: how many of the first lines it matches,
 * so that slo detect can say when it is the wrong one. */
static void score_given(struct file *x, struct source *src)
{
	const char *buf, *why, *lines[PEEK_LINES];
	size_t lens[PEEK_LINES];
	ssize_t n = source_peek(src, &buf, PEEK_BYTES, &why);
	if (n <= 0)
		return;
	x->detect_lines = first_lines(buf, (size_t)n, lines, lens);
	for (size_t i = 0; i < x->detect_lines; i++) {
		struct log_match m;
		size_t where;
		x->detect_score += log_format_match(&x->fmt, lines[i], lens[i], &m, &where) == 0;
	}
}

/* Decides how to read the file: sets x->kind (compiling x->fmt for an
 * access log) and returns 0, or an exit status after printing why. */
static int choose_format(struct file *x, struct source *src)
{
	struct ingest *g = x->g;
	char err[256];

	if (g->log_format) {
		if (log_format_compile(&x->fmt, "custom", g->log_format, err, sizeof err)) {
			cli_error("--log-format: %s", err);
			return EXIT_USAGE;
		}
		x->kind = FMT_ACCESS;
		if (g->detect_only)
			score_given(x, src);
		return 0;
	}
	x->kind = FMT_CSV;
	if (g->input && strcmp(g->input, "csv") == 0)
		return 0;
	if (g->input && strcmp(g->input, "w3c") == 0) {
		x->kind = FMT_W3C;
		return 0;
	}
	if (g->input && strcmp(g->input, "haproxy") == 0) {
		x->kind = FMT_HAPROXY;
		return 0;
	}
	if (g->input && strcmp(g->input, "json") == 0) {
		x->kind = FMT_JSON;
		return 0;
	}
	if (g->input && strcmp(g->input, "nginx-plus") == 0) {
		x->kind = FMT_NGINX_PLUS;
		return 0;
	}
	if (g->input && strcmp(g->input, "rails") == 0) {
		x->kind = FMT_RAILS;
		return 0;
	}
	if (g->input && strcmp(g->input, "prometheus") == 0) {
		x->kind = FMT_PROM;
		return 0;
	}
	if (g->input && strcmp(g->input, "auto") != 0) {
		for (int i = 0; access_builtins[i].name; i++)
			if (strcmp(g->input, access_builtins[i].name) == 0) {
				log_format_compile(&x->fmt, access_builtins[i].name,
						   access_builtins[i].spec, err, sizeof err);
				x->kind = FMT_ACCESS;
				if (g->detect_only)
					score_given(x, src);
			}
		return 0;
	}
	const char *buf, *why = NULL;
	ssize_t n = source_peek(src, &buf, PEEK_BYTES, &why);
	if (n < 0) {
		cli_error("%s: read error: %s", x->name, why);
		return EXIT_INPUT;
	}
	const char *lines[PEEK_LINES];
	size_t lens[PEEK_LINES];
	if (prom_detect(buf, (size_t)n)) {
		x->kind = FMT_PROM;
		return 0;
	}
	size_t nl = first_lines(buf, (size_t)n, lines, lens);
	if (nl && w3c_is_directive(lines[0], lens[0])) {
		x->kind = FMT_W3C;
		return 0;
	}
	if (nl && haproxy_detect(lines[0], lens[0])) {
		x->kind = FMT_HAPROXY;
		return 0;
	}
	if (nl && nginx_plus_detect(lines[0], lens[0])) {
		x->kind = FMT_NGINX_PLUS;
		return 0;
	}
	if (nl && json_lines_detect(lines[0], lens[0])) {
		x->kind = FMT_JSON;
		return 0;
	}

	for (size_t i = 0; i < nl && i < 5; i++)
		if (rails_detect(lines[i], lens[i])) {
			x->kind = FMT_RAILS;
			return 0;
		}
	/* an access log when a layout matches most of the first lines: a
	 * few broken lines must not turn a log into a CSV file */
	size_t score = nl ? access_log_detect(lines, lens, nl, &x->fmt) : 0;
	x->detect_score = score;
	x->detect_lines = nl;
	if (score > 0 && score * 2 >= nl) {
		x->kind = FMT_ACCESS;
		return 0;
	}
	if (score > 0)
		log_format_free(&x->fmt);
	/* the same, behind a syslog prefix */
	if (nl) {
		const char *msgs[PEEK_LINES];
		size_t mlens[PEEK_LINES], stripped = 0;
		for (size_t i = 0; i < nl; i++) {
			mlens[i] = lens[i];
			msgs[i] = syslog_message(lines[i], &mlens[i]);
			stripped += msgs[i] != lines[i];
		}
		size_t sscore = stripped * 2 >= nl ? access_log_detect(msgs, mlens, nl, &x->fmt) : 0;
		if (sscore > 0 && sscore * 2 >= nl) {
			x->kind = FMT_ACCESS;
			x->syslog = true;
			x->detect_score = sscore;
			return 0;
		}
		if (sscore > 0)
			log_format_free(&x->fmt);
	}
	/* a JSON document of another kind (an array, a pretty-printed
	 * object) is not records slo can read: say so, rather than call it
	 * CSV */
	const char *l0 = nl ? lines[0] : "";
	size_t n0 = nl ? lens[0] : 0;
	if (n0 && !g->delim && !g->cfg->no_header &&
	    ((n0 == 1 && (l0[0] == '[' || l0[0] == '{')) ||
	     (l0[0] == '[' && (l0[1] == '{' || l0[1] == '[' || l0[1] == '"' || l0[1] == ']')))) {
		cli_error("%s: a JSON document, but neither JSON lines (an object a line) nor a "
			  "Prometheus range-query answer", x->name);
		return EXIT_INPUT;
	}
	/* CSV needs a delimiter in its header; without one, say what was
	 * tried instead of failing on a "header" that is a log line */
	if (nl && !g->delim && !g->cfg->no_header &&
	    !memchr(lines[0], ',', lens[0]) && !memchr(lines[0], ';', lens[0]) &&
	    !memchr(lines[0], '\t', lens[0]) && memchr(lines[0], ' ', lens[0])) {
		cli_error("%s: not a known access-log layout, nor CSV (no delimiter in the first "
			  "line); give the layout with --log-format or --input", x->name);
		return EXIT_INPUT;
	}
	return 0;
}

static int finish_status(struct file *x, int io_status, const char *why, bool have_header)
{
	switch (io_status) {
	case 0:
		if (x->g->detect_only && !x->explained) {
			cli_error("%s: no record found to tell how it is laid out", x->name);
			return EXIT_INPUT;
		}
		if (!have_header) {
			cli_error("%s: no header line", x->name);
			return EXIT_INPUT;
		}
		return 0;
	case 1:
		cli_error("%s: empty file", x->name);
		return EXIT_INPUT;
	case 2:
		cli_error("%s: read error: %s", x->name, why);
		return EXIT_INPUT;
	case 3:
		cli_error("%s: out of memory", x->name);
		return EXIT_INPUT;
	default:
		if (x->g->detect_only && x->explained && !x->fatal)
			return 0;
		return x->fatal ? x->fatal : EXIT_INPUT;
	}
}

/* A series picked by a label match, or an error. */
static long pick_series(struct file *x, const char *opt, const char *match)
{
	long s = prom_find(x->prom, match);
	if (s == -1)
		cli_error("%s: %s %s: no series has that label", x->name, opt, match);
	else if (s == -2)
		cli_error("%s: %s %s: several series have it; name one", x->name, opt, match);
	return s;
}

/* Prometheus counts: a total series and a bad (or good) one, such as
 * sum(increase(requests[1m])) and the same for 5xx; each step's pair is
 * a pre-aggregated record.  increase() extrapolates, so a step's value
 * is rounded to whole events. */
static int read_prom_counts(struct file *x)
{
	struct ingest *g = x->g;
	const char *part_opt = g->bad_series ? "--bad-series" : "--good-series";
	long ts = pick_series(x, "--total-series", g->total_series);
	long ps = ts < 0 ? -1
			 : pick_series(x, part_opt, g->bad_series ? g->bad_series : g->good_series);
	char why[256];

	if (ts < 0 || ps < 0)
		return EXIT_USAGE;
	if (x->in)
		snprintf(x->in->columns, sizeof x->in->columns, "counts: total=%s %s=%s",
			 g->total_series, g->bad_series ? "bad" : "good",
			 g->bad_series ? g->bad_series : g->good_series);
	size_t nt = prom_samples(x->prom, (size_t)ts), np = prom_samples(x->prom, (size_t)ps);
	size_t j = 0;
	for (size_t i = 0; i < nt; i++) {
		int64_t t, tp = 0;
		double total, part = 0;
		g->rep->read++;
		if (x->in)
			x->in->rows++;
		if (prom_sample(x->prom, (size_t)ts, i, &t, &total, why, sizeof why)) {
			skip(x, 0, 0, why);
			if (x->fatal)
				return x->fatal;
			continue;
		}
		/* the other series' sample at the same step: both are sorted; a
		 * step missing there means none of that kind (Prometheus drops
		 * series without samples) */
		while (j < np && prom_sample(x->prom, (size_t)ps, j, &tp, &part, why, sizeof why) == 0 &&
		       tp < t)
			j++;
		if (!(j < np && tp == t))
			part = 0;
		struct slo_record rec = {.time = t, .has_time = true};
		rec.total = (uint64_t)(total + 0.5);
		uint64_t p = (uint64_t)(part + 0.5);
		if (p > rec.total)
			p = rec.total;
		rec.bad = g->bad_series ? p : rec.total - p;
		x->cur_series = (size_t)ts;
		if (add(x, &rec, 0, 0))
			return x->fatal ? x->fatal : EXIT_INPUT;
	}
	return 0;
}

/* A Prometheus range query: every sample of every series selected. */
static int read_prom(struct file *x, struct source *src)
{
	struct ingest *g = x->g;
	char why[256];

	if (x->in) {
		snprintf(x->in->format, sizeof x->in->format, "prometheus");
		x->in->delim = ' ';
		snprintf(x->in->columns, sizeof x->in->columns, "samples: up when the value is not 0");
	}
	if (g->total_series && g->time_based) {
		cli_error("%s: --total-series counts events; --probes samples states: one or the other",
			  x->name);
		return EXIT_USAGE;
	}
	if (!g->time_based && !g->detect_only && !g->total_series) {
		cli_error("%s: Prometheus samples are states over time: add --probes (and "
			  "--interval STEP), or name count series with --total-series and "
			  "--bad-series", x->name);
		return EXIT_USAGE;
	}
	x->prom = prom_read(src, why, sizeof why);
	if (!x->prom) {
		cli_error("%s: %s", x->name, why);
		return EXIT_INPUT;
	}
	if (g->explain || g->detect_only)
		explain(x);
	int status = 0;
	if (g->detect_only)
		goto out;
	if (g->total_series) {
		status = read_prom_counts(x);
		goto out;
	}
	/* the series --where keeps; more than one needs --group-by, since
	 * the samples of two series are not one timeline */
	size_t kept = 0, first = 0;
	const char *unknown;
	for (size_t s = 0; s < prom_series(x->prom); s++) {
		x->cur_series = s;
		if (!g->where || filter_match(g->where, get_field, x, &unknown)) {
			if (!kept++)
				first = s;
		}
	}
	/* a group is one timeline: two series in one group would interleave */
	for (size_t a = 0; g->group_by && a < prom_series(x->prom); a++) {
		const char *ka, *kb;
		size_t la, lb;
		x->cur_series = a;
		if (g->where && !filter_match(g->where, get_field, x, &unknown))
			continue;
		prom_label(x->prom, a, g->group_by, &ka, &la);
		for (size_t b = a + 1; b < prom_series(x->prom); b++) {
			x->cur_series = b;
			if (g->where && !filter_match(g->where, get_field, x, &unknown))
				continue;
			prom_label(x->prom, b, g->group_by, &kb, &lb);
			if (la == lb && memcmp(ka, kb, la) == 0) {
				cli_error("%s: --group-by %s: several series have %s=\"%.*s\"; group "
					  "by a label that tells them apart (instance?)", x->name,
					  g->group_by, g->group_by, (int)la, ka);
				status = EXIT_USAGE;
				goto out;
			}
		}
	}
	if (kept > 1 && !g->group_by) {
		char a[160], b[160];
		prom_labels(x->prom, first, a, sizeof a);
		prom_labels(x->prom, first + 1, b, sizeof b);
		cli_error("%s: %zu series (%s, %s%s): pick one with --where LABEL=VALUE or "
			  "split them with --group-by LABEL", x->name, kept, a, b,
			  kept > 2 ? ", ..." : "");
		status = EXIT_USAGE;
		goto out;
	}
	for (size_t s = 0; s < prom_series(x->prom) && !status; s++) {
		x->cur_series = s;
		for (size_t i = 0; i < prom_samples(x->prom, s); i++) {
			struct slo_record rec;
			g->rep->read++;
			if (x->in)
				x->in->rows++;
			if (prom_record(x->prom, s, i, &rec, why, sizeof why) == 0) {
				if (add(x, &rec, 0, 0)) {
					status = x->fatal ? x->fatal : EXIT_INPUT;
					break;
				}
				continue;
			}
			char labels[160], msg[512];
			prom_labels(x->prom, s, labels, sizeof labels);
			snprintf(msg, sizeof msg, "series %s: %s", labels, why);
			skip(x, 0, 0, msg);
			if (x->fatal) {
				status = x->fatal;
				break;
			}
		}
	}
out:
	prom_free(x->prom);
	return status;
}

int ingest_file(struct ingest *g, const char *path)
{
	struct report_input *in = NULL;

	/* a large regular file is read by several processes at once */
	if (g->jobs != 1 && !g->detect_only && !g->explain && !g->time_based &&
	    strcmp(path, "-") != 0) {
		int st = ingest_parallel(g, path);
		if (st >= 0)
			return st;
	}
	if (g->rep->ninputs < REPORT_MAX_INPUTS)
		in = &g->rep->inputs[g->rep->ninputs++];
	else
		g->rep->more_inputs++;

	struct source *src = source_open(path);
	if (!src) {
		cli_error("%s: %s", strcmp(path, "-") == 0 ? "(stdin)" : path, strerror(errno));
		return EXIT_INPUT;
	}
	/* a gzip file inflates on the other core while this one parses */
	source_background(src);
	return ingest_source(g, path, src, in);
}

int ingest_source(struct ingest *g, const char *path, struct source *src, struct report_input *in)
{
	struct file x = {.g = g};
	x.in = in;
	x.name = source_name(src);
	/* syslog stamps take their year from when the file was written */
	int64_t written = source_mtime(src);
	if (written == INT64_MIN)
		written = (int64_t)time(NULL) * NS_PER_S;
	ts_set_year(g->year, g->year_month, written);
	if (g->on_read)
		source_on_read(src, g->on_read, g->on_read_arg);
	if (in)
		in->name = strcmp(path, "-") == 0 ? "(stdin)" : path;

	int status = choose_format(&x, src);
	if (status) {
		source_close(src);
		return status;
	}
	/* an option for another kind of input is a mistake, not a no-op */
	const struct csv_columns_config *c = g->cfg;
	const char *csv_opt = c->time_col ? "--time-col" : c->status_col ? "--status-col"
			      : c->latency_col ? "--latency-col" : c->total_col ? "--total-col"
			      : c->bad_col ? "--bad-col" : c->good_col ? "--good-col"
			      : c->no_header ? "--no-header" : g->delim ? "--delimiter" : NULL;
	const char *json_opt = g->status_field ? "--status-field" : g->latency_field
			       ? "--latency-field" : g->time_field ? "--time-field" : NULL;
	if ((x.kind != FMT_CSV && csv_opt) || (x.kind != FMT_JSON && json_opt)) {
		cli_usage("eval", "%s: %s is for %s input, and this file is read as %s", x.name,
			  x.kind != FMT_CSV && csv_opt ? csv_opt : json_opt,
			  x.kind != FMT_CSV && csv_opt ? "CSV" : "JSON-lines",
			  kind_name(x.kind));
		if (x.kind == FMT_ACCESS)
			log_format_free(&x.fmt);
		nginx_plus_free(x.np);
		source_close(src);
		return EXIT_USAGE;
	}
	if ((x.kind == FMT_NGINX_PLUS || x.kind == FMT_PROM) && g->bad_status_given) {
		cli_error("%s: --bad-status judges HTTP statuses, and %s have none", x.name,
			  kind_name(x.kind));
		source_close(src);
		return EXIT_USAGE;
	}
	if (x.kind == FMT_NGINX_PLUS && g->time_based) {
		cli_error("%s: NGINX Plus snapshots count responses: they are events, not uptime "
			  "samples (--probes, --changes, --incidents)", x.name);
		source_close(src);
		return EXIT_USAGE;
	}
	x.need_latency = g->cfg->need_latency;
	if (x.kind == FMT_ACCESS && x.need_latency && !x.fmt.has[LF_LATENCY] &&
	    !x.fmt.has[LF_UPSTREAM_TIME]) {
		cli_error("%s: the %s layout has no latency field; give the server's layout "
			  "with --log-format, including $request_time or %%D",
			  x.name, x.fmt.name);
		log_format_free(&x.fmt);
		source_close(src);
		return EXIT_INPUT;
	}
	if (x.kind == FMT_PROM) {
		status = read_prom(&x, src);
		source_close(src);
		return status;
	}
	if (x.kind == FMT_NGINX_PLUS) {
		if (x.need_latency) {
			cli_error("%s: status snapshots count responses; they have no latency",
				  x.name);
			source_close(src);
			return EXIT_USAGE;
		}
		x.np = nginx_plus_new();
		if (!x.np) {
			source_close(src);
			cli_error("out of memory");
			return EXIT_INPUT;
		}
	}
	if (x.kind == FMT_JSON) {
		struct json_lines_config jc = {
			.status_field = g->status_field, .latency_field = g->latency_field,
			.time_field = g->time_field, .latency_unit = g->cfg->latency_unit,
			.bad_status = g->cfg->bad_status, .need_latency = x.need_latency,
			.want_latency = g->detect_only || g->explain};
		x.json = json_lines_new(&jc);
		if (!x.json) {
			source_close(src);
			cli_error("out of memory");
			return EXIT_INPUT;
		}
	}
	if (x.kind != FMT_CSV) {
		struct line_read_info info;
		if (in) {
			/* copied: the layout dies with this function */
			snprintf(in->format, sizeof in->format, "%s",
				 x.kind == FMT_W3C ? "w3c" : x.kind == FMT_HAPROXY ? "haproxy"
				 : x.kind == FMT_RAILS ? "rails"
				 : x.kind == FMT_NGINX_PLUS ? "nginx-plus" : x.fmt.name);
			in->delim = ' ';
			if (x.kind == FMT_NGINX_PLUS)
				snprintf(in->columns, sizeof in->columns,
					 "counts=server_zones.*.responses (differences) time=timestamp");
			else if (x.kind == FMT_RAILS)
				snprintf(in->columns, sizeof in->columns,
					 "time=Started/Processing line status=Completed line%s",
					 x.need_latency ? " latency=Completed in (s or ms)" : "");
			else if (x.kind == FMT_HAPROXY)
				snprintf(in->columns, sizeof in->columns,
					 "time=accept_date (%s) status=status_code%s", ts_zone_name(),
					 x.need_latency ? " latency=Ta (ms)" : "");
			else if (x.kind == FMT_W3C)
				snprintf(in->columns, sizeof in->columns,
					 "time=date+time (UTC) status=sc-status%s",
					 x.need_latency ? " latency=time-taken (ms)" : "");
			else
				describe_layout(&x.fmt, x.need_latency, in->columns,
						sizeof in->columns);
		}
		enum line_read_status st = line_read(src, on_line, &x, &info);
		g->lines = info.lines;
		nginx_plus_free(x.np);
		x.np = NULL;
		if (x.kind == FMT_JSON) {
			if (in) {
				snprintf(in->format, sizeof in->format, "json");
				json_lines_describe(x.json, in->columns, sizeof in->columns);
			}
			json_lines_free(x.json);
		}
		status = finish_status(&x,
				       st == LINE_READ_OK ? 0 : st == LINE_READ_EMPTY ? 1
					: st == LINE_READ_IO ? 2 : st == LINE_READ_NOMEM ? 3 : 4,
				       info.why, true);
		if (x.kind == FMT_ACCESS)
			log_format_free(&x.fmt);
	} else {
		struct csv_read_info info;
		if (in)
			snprintf(in->format, sizeof in->format, "csv");
		x.csv_info = &info;
		struct csv_read_opts opts = {.lines = on_plain_lines};
		enum csv_read_status st = csv_read_with(src, g->delim, &opts, on_row, &x, &info);
		if (x.nbatch && flush_direct(&x) && st == CSV_READ_OK)
			st = CSV_READ_STOPPED;
		g->lines = info.lines;
		if (in)
			in->delim = info.delim;
		g->unclosed = info.unclosed_line != 0;
		if (info.unclosed_line && x.have_cols && !x.fatal) {
			/* the rest of the file after an open quote is one field */
			g->rep->read++;
			if (in)
				in->rows++;
			skip(&x, info.unclosed_line, info.unclosed_last,
			     "a quoted field is not closed by the end of the file");
			if (x.fatal)
				st = CSV_READ_STOPPED;
		}
		status = finish_status(&x,
				       st == CSV_READ_OK ? 0 : st == CSV_READ_EMPTY ? 1
					: st == CSV_READ_IO ? 2 : st == CSV_READ_NOMEM ? 3 : 4,
				       info.why, x.have_cols);
	}
	source_close(src);
	return status;
}

void ingest_finish(struct ingest *g)
{
	if (g->shown > SHOW_SKIPS)
		cli_error("%llu more malformed record%s skipped without a message",
			  (unsigned long long)(g->shown - SHOW_SKIPS),
			  g->shown - SHOW_SKIPS == 1 ? "" : "s");
}

int ingest_probe(struct ingest *g, const char *path, struct ingest_kind *k)
{
	struct file x = {.g = g};
	struct source *src = source_open(path);
	memset(k, 0, sizeof *k);
	if (!src)
		return -1;
	x.name = source_name(src);
	int st = choose_format(&x, src);
	source_close(src);
	if (st)
		return -1;
	if (x.kind == FMT_CSV) {
		snprintf(k->input, sizeof k->input, "csv");
		k->has_header = !g->cfg->no_header;
	} else if (x.kind == FMT_JSON) {
		snprintf(k->input, sizeof k->input, "json");
	} else if (x.kind == FMT_HAPROXY) {
		snprintf(k->input, sizeof k->input, "haproxy");
	} else if (x.kind == FMT_ACCESS && !x.syslog) {
		/* a layout given, or a built-in one found */
		snprintf(k->input, sizeof k->input, "%s", g->log_format ? "" : x.fmt.name);
		k->line_based = g->log_format || ingest_check_format(x.fmt.name) == 0;
	}
	if (x.kind == FMT_ACCESS)
		log_format_free(&x.fmt);
	/* CSV without a header: each share would tell the delimiter from
	 * its own first line */
	if ((x.kind == FMT_CSV && (!g->cfg->no_header || g->delim)) || x.kind == FMT_JSON ||
	    x.kind == FMT_HAPROXY)
		k->line_based = true;
	return 0;
}
