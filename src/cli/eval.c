/* `slo eval`: records from CSV files, through the evaluator, to a report
 * and an exit status. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/config_eval.h"
#include "cli/ingest.h"
#include "cli/state.h"
#include "eval/groups.h"
#include "eval/replay.h"
#include "eval/slices.h"
#include "eval/timeline.h"
#include "input/filter.h"
#include "input/log_format.h"
#include "eval/budget.h"
#include "eval/burn.h"
#include "eval/burndown.h"
#include "eval/evaluator.h"
#include "input/csv_columns.h"
#include "input/status.h"
#include "report/formats.h"
#include "report/progress.h"
#include "report/report.h"
#include "util/duration.h"
#include "util/num.h"
#include "util/calendar.h"
#include "util/timestamp.h"

static const char eval_usage[] =
	"usage: slo eval [OPTIONS] [FILE...]\n"
	"\n"
	"Evaluates records from CSV files or web access logs (FILE, or standard\n"
	"input for - or none; .gz is read as is) against objectives, and exits 1\n"
	"when one is not met.\n"
	"\n"
	"Objectives (at least one, or from a file):\n"
	"  -c, --config FILE         SLOs from a YAML file: slo's own, OpenSLO v1\n"
	"                            or sloth prometheus/v1; repeatable\n"
	"  -t, --target PCT          availability: PCT % of events good (5xx or\n"
	"                            a down/false/fail word is bad)\n"
	"  -l, --latency DUR[:PCT]   PCT % of events take at most DUR (PCT\n"
	"                            defaults to --target); repeatable; the report\n"
	"                            adds p50 p90 p95 p99 p99.9 of latency\n"
	"      --exact               those percentiles exact, not within 0.1 %\n"
	"                            (memory then grows with the records)\n"
	"Uptime samples (time-based budget; SPEC):\n"
	"      --probes              each row is a probe's up/down sample, standing\n"
	"                            for one probe interval\n"
	"      --interval DUR        the probe interval (default: the median gap)\n"
	"      --changes             each row is a state change that holds until\n"
	"                            the next one\n"
	"      --incidents           each row is an outage, start to end, in a\n"
	"                            window that is up otherwise (--end-col NAME)\n"
	"Window (default: the span of the data):\n"
	"  -w, --window DUR          rolling window ending with the last record's\n"
	"                            minute, or at --to\n"
	"      --from TIME, --to TIME  the window's bounds (RFC 3339 or a date;\n"
	"                            whole minutes); --now is --to\n"
	"      --calendar PERIOD     the week, month, quarter or year holding the\n"
	"                            end, in --tz\n"
	"      --month 2026-10, --quarter 2026-Q3, --week 2026-W44\n"
	"                            a named calendar period\n"
	"Input (told from the first lines when not given):\n"
	"      --input FORMAT        auto, csv, json, w3c, haproxy, rails, nginx-plus,\n"
	"                            prometheus, or a layout: common, combined,\n"
	"                            combined+xff, nginx-timed, nginx-upstream,\n"
	"                            nginx-upstream2, ingress-nginx, s3, s3-2019, s3-2022\n"
	"      --log-format FMT      the server's layout: an nginx log_format or an\n"
	"                            Apache LogFormat string\n"
	"      --total-series L=V, --bad-series L=V, --good-series L=V\n"
	"                            Prometheus: count series picked by a label\n"
	"      --status-field PATH   JSON lines: the status field (dotted path)\n"
	"      --latency-field PATH  JSON lines: the latency field\n"
	"      --time-field PATH     JSON lines: the time field\n"
	;

/* C11 promises string literals of 4095 bytes only: the help is two */
static const char eval_usage_more[] =
	"CSV columns (found by name when not given; NAME or a number from 1):\n"
	"      --time-col NAME       --status-col NAME      --latency-col NAME\n"
	"      --total-col NAME      --bad-col NAME         --good-col NAME\n"
	"      --no-header           the first line is data; columns by number\n"
	"      --delimiter C         , ; or tab (default: detected)\n"
	"      --latency-unit UNIT   s, ms, us or ns for bare latency numbers\n"
	"      --tz ZONE             the zone of times written without one\n"
	"                            (default UTC), e.g. Europe/Berlin\n"
	"      --year YEAR           the year of syslog stamps (Feb 25 16:19:49);\n"
	"                            default: the file's last change\n"
	"      --bad-status LIST     HTTP statuses that are bad (default 5xx),\n"
	"                            e.g. 5xx,429 or 500-504\n"
	"      --by day|hour|week    a table: each period's events, SLI, the budget\n"
	"                            it spent and what was left at its end\n"
	"      --exclude START/END   a maintenance period: neither good nor bad\n"
	"                            (END may be a duration: START/2h); repeatable\n"
	"      --exclude-file FILE   periods a line, START/END or START,END\n"
	"      --budgeting METHOD    occurrences (default), timeslices (the share of\n"
	"                            good slices) or ratio-timeslices (their mean\n"
	"                            good ratio), as OpenSLO defines them\n"
	"      --slice DUR           the slices' length, whole minutes (default 1m)\n"
	"      --slice-target PCT    a slice is good at this ratio (default: the\n"
	"                            objective's target)\n"
	"Alerts (burn rates at the end of the window):\n"
	"      --alert LONG/SHORT:RATE[:SEVERITY]\n"
	"                            a multiwindow burn-rate rule, e.g. 1h/5m:14.4:page;\n"
	"                            repeatable (default: the SRE workbook's four,\n"
	"                            scaled to the window)\n"
	"Replay (slo alerts --replay):\n"
	"      --bad-minute RATE     a minute is bad when the burn rate over the\n"
	"                            shortest rule window ending with it reaches\n"
	"                            RATE (default: the fastest page rule's)\n"
	"      --gap DUR             bad minutes closer than this are one incident\n"
	"                            (default 5m)\n"
	"Verdict and output:\n"
	"      --ascii               charts in plain ASCII (also when the locale\n"
	"                            is not UTF-8); colours only on a terminal,\n"
	"                            never with NO_COLOR set\n"
	"      --fail-under PCT      also exit 1 when less than PCT % of an\n"
	"                            objective's budget is left\n"
	"      --allow-no-data       an objective without events is not a failure\n"
	"      --strict              exit 3 at the first malformed row\n"
	"      --explain             say on stderr how each file is read\n"
	"      --save-state FILE     also save the counts, for slo merge\n"
	"      --jobs N              processes for a large file (default: one a\n"
	"                            core for files of 32 MiB or more)\n"
	"Selecting and grouping:\n"
	"      --where COND          FIELD=VALUE, FIELD!=VALUE, FIELD~REGEX or\n"
	"                            FIELD!~REGEX; repeatable, all must hold\n"
	"      --group-by FIELD      one line per value of FIELD (path, host,\n"
	"                            method, a column, a JSON path ...)\n"
	"      --top N               show the N groups that spent most budget\n"
	"      --format FORMAT       text (default), json, csv, tsv, prom (Prometheus\n"
	"                            textfile) or markdown (a CI summary table)\n"
	"      --label NAME=VALUE    with --format prom: a label on every sample, e.g.\n"
	"                            service=api; repeatable\n"
	"  -j, --json                --format json\n"
	"  -q, --quiet               nothing on standard output and no skipped-row\n"
	"                            messages: the exit status tells\n"
	"  -h, --help                print this help\n"
	"\n"
	"Exit status: 0 met, 1 violated, 2 usage error, 3 input error.\n";

enum {
	OPT_TIME_COL = 256,
	OPT_STATUS_COL,
	OPT_LATENCY_COL,
	OPT_TOTAL_COL,
	OPT_BAD_COL,
	OPT_GOOD_COL,
	OPT_NO_HEADER,
	OPT_DELIMITER,
	OPT_LATENCY_UNIT,
	OPT_BAD_STATUS,
	OPT_FAIL_UNDER,
	OPT_ALLOW_NO_DATA,
	OPT_STRICT,
	OPT_INPUT,
	OPT_LOG_FORMAT,
	OPT_STATUS_FIELD,
	OPT_LATENCY_FIELD,
	OPT_TIME_FIELD,
	OPT_EXPLAIN,
	OPT_WHERE,
	OPT_SAVE_STATE,
	OPT_EXACT,
	OPT_JOBS,
	OPT_GROUP_BY,
	OPT_TOP,
	OPT_PROBES,
	OPT_CHANGES,
	OPT_INTERVAL,
	OPT_TZ,
	OPT_YEAR,
	OPT_INCIDENTS,
	OPT_END_COL,
	OPT_ALERT,
	OPT_FROM,
	OPT_TO,
	OPT_CALENDAR,
	OPT_MONTH,
	OPT_QUARTER,
	OPT_WEEK,
	OPT_EXCLUDE,
	OPT_EXCLUDE_FILE,
	OPT_BY,
	OPT_REPLAY,
	OPT_BAD_MINUTE,
	OPT_GAP,
	OPT_BUDGETING,
	OPT_SLICE,
	OPT_SLICE_TARGET,
	OPT_ASCII,
	OPT_TOTAL_SERIES,
	OPT_BAD_SERIES,
	OPT_GOOD_SERIES,
	OPT_FORMAT,
	OPT_LABEL,
};

#define MAX_LABELS 16

struct latency_opt {
	int64_t threshold;
	int64_t target; /* 0: take --target */
	const char *text;
};

static int parse_latency_opt(const char *s, struct latency_opt *l)
{
	char dur[64];
	const char *colon = strchr(s, ':');
	size_t len = colon ? (size_t)(colon - s) : strlen(s);

	if (len >= sizeof dur)
		return cli_usage("eval", "--latency \"%s\" is not DURATION[:PCT]", s);
	memcpy(dur, s, len);
	dur[len] = '\0';
	if (cli_duration("eval", "--latency", dur, &l->threshold))
		return EXIT_USAGE;
	l->target = 0;
	l->text = s;
	if (colon && num_parse_percent(colon + 1, &l->target) != NUM_OK)
		return cli_usage("eval", "--latency \"%s\": \"%s\" is not a percentage strictly "
					 "between 0 and 100", s, colon + 1);
	return 0;
}

static int parse_unit(const char *s, int64_t *unit)
{
	static const struct {
		const char *name;
		int64_t ns;
	} units[] = {{"s", NS_PER_S}, {"ms", NS_PER_MS}, {"us", NS_PER_US}, {"ns", 1}};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strcmp(s, units[i].name) == 0) {
			*unit = units[i].ns;
			return 0;
		}
	return cli_usage("eval", "--latency-unit \"%s\": use s, ms, us or ns", s);
}

static int parse_delim(const char *s, char *delim)
{
	if (strcmp(s, ",") == 0 || strcmp(s, ";") == 0)
		*delim = s[0];
	else if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0 || strcmp(s, "\t") == 0)
		*delim = '\t';
	else
		return cli_usage("eval", "--delimiter \"%s\": use , ; or tab", s);
	return 0;
}

/* SPEC's time-based math over a window of window_ns. */
static void time_result(struct report_time *t, const struct eval_result *res, int64_t target,
			int64_t window_ns)
{
	memset(t, 0, sizeof *t);
	t->up = res->up;
	t->down = res->down;
	t->window = window_ns;
	t->unknown = window_ns - res->up - res->down;
	if (t->unknown < 0)
		t->unknown = 0;
	t->has_data = res->up + res->down > 0 && window_ns > 0;
	if (!t->has_data)
		return;
	t->sli = (double)res->up / (double)(res->up + res->down);
	t->b = budget_time(target, window_ns, res->down);
}

/* Less than min (a FRAC_ONE fraction) of the time budget left, exactly:
 * (bW - down) x ONE < min x bW, all in ns scaled by ONE. */
static bool time_below(int64_t target, const struct report_time *t, int64_t min)
{
	i128 bw = (i128)budget_fraction(target) * t->window;
	i128 left = bw - (i128)t->down * FRAC_ONE;
	return left * FRAC_ONE < (i128)min * bw;
}

/* Reads maintenance periods from a file: a period a line, "START/END"
 * (or START,END; "#" starts a comment).  Returns 0, or -1 after a usage
 * error naming the file and line. */
static int read_exclusions(const char *cmd, const char *path, int64_t (*excl)[2], size_t *n)
{
	FILE *f = fopen(path, "r");
	char line[512], what[600];
	unsigned lineno = 0;

	if (!f) {
		cli_usage(cmd, "--exclude-file %s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof line, f)) {
		lineno++;
		line[strcspn(line, "\r\n#")] = '\0';
		size_t l = strlen(line);
		while (l > 0 && (line[l - 1] == ' ' || line[l - 1] == '\t'))
			line[--l] = '\0';
		char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			continue;
		char *comma = strchr(p, ',');
		if (comma)
			*comma = '/';
		if (*n == EVAL_MAX_EXCLUDED) {
			fclose(f);
			cli_usage(cmd, "%s:%u: more than %d excluded periods", path, lineno,
				  EVAL_MAX_EXCLUDED);
			return -1;
		}
		snprintf(what, sizeof what, "%s:%u:", path, lineno);
		if (cli_period(cmd, what, p, &excl[*n][0], &excl[*n][1])) {
			fclose(f);
			return -1;
		}
		(*n)++;
	}
	fclose(f);
	return 0;
}

/* Where burn rates, tables and replays end: a span ends with the minute
 * that holds its last record; other windows at their own end. */
static int64_t data_end(const struct report_eval *rep)
{
	return strcmp(rep->window_kind, "span") == 0 && !rep->time_based
		       ? ts_floor(rep->res.end, NS_PER_MIN) + NS_PER_MIN
		       : rep->res.end;
}

/* Burn rates, alerts and exhaustion of each objective at the end of the
 * window: the SRE workbook's policy scaled to the window unless --alert
 * gave one; rules whose long window is longer than the window are left
 * out. */
static void compute_burn(struct report_eval *rep, const struct evaluator *ev,
			 const struct objective *objs, size_t nobj, const struct alert_rule *given,
			 size_t ngiven)
{
	int64_t start = rep->res.start;
	/* the span ends at its last record: its minute is the last one */
	int64_t end = data_end(rep);
	int64_t w = rep->window_len ? rep->window_len : end - start;
	/* a time budget is of the window less its excluded periods */
	if (rep->time_based)
		w -= rep->res.excluded_ns;
	/* alerts fire at the end of the data, which may come before the end
	 * of a calendar or fixed window */
	int64_t last = eval_last(ev);
	if (!rep->time_based)
		last = ts_floor(last, NS_PER_MIN) + NS_PER_MIN;
	if (last < end && last > start)
		end = last;
	struct alert_rule sre[4], rules[ALERT_MAX_RULES];
	const struct alert_rule *policy = given;
	size_t n = ngiven, kept = 0;

	if (w <= 0)
		return;
	if (!ngiven) {
		n = alert_policy_sre(w, sre);
		policy = sre;
	}
	for (size_t k = 0; k < n; k++)
		if (policy[k].long_ns <= w)
			rules[kept++] = policy[k];
	rep->alerts_left_out = n - kept;
	rep->has_burn = true;
	for (size_t i = 0; i < nobj; i++) {
		double remaining = rep->time_based ? rep->time.b.remaining : rep->budget[i].remaining;
		bool has_data = rep->time_based ? rep->time.has_data : rep->budget[i].has_data;
		burndown_compute(ev, i, objs[i].target, start, end, w, has_data ? remaining : 1.0,
				 rules, kept, &rep->burn[i]);
		if (!rep->burn[i].ok)
			rep->has_burn = false;
		if (rep->time_based)
			break;
	}
}

/* The bytes the inputs hold, for the progress bar: 0 (unknown) unless
 * every one is a regular file.  A .gz counts its compressed size, as the
 * bar counts compressed bytes read. */
static uint64_t input_bytes(char *const *files, size_t nfiles)
{
	uint64_t total = 0;
	for (size_t i = 0; i < nfiles; i++) {
		struct stat st;
		int rc = strcmp(files[i], "-") == 0 ? fstat(STDIN_FILENO, &st) : stat(files[i], &st);
		if (rc != 0 || !S_ISREG(st.st_mode))
			return 0;
		total += (uint64_t)st.st_size;
	}
	return total;
}

/* The terminal's width on standard error, for the progress bar. */
static int terminal_width(void)
{
	struct winsize ws;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* slo eval's report in the format asked for. */
static void print_report(const struct report_eval *rep, enum report_format format,
			 const char *const *labels, size_t nlabels)
{
	switch (format) {
	case REPORT_TEXT:
		report_eval_text(stdout, rep);
		break;
	case REPORT_JSON:
		report_eval_json(stdout, rep);
		break;
	case REPORT_CSV:
		report_eval_table(stdout, rep, CELLS_CSV, 0);
		break;
	case REPORT_TSV:
		report_eval_table(stdout, rep, CELLS_TSV, 0);
		break;
	case REPORT_PROM:
		report_eval_prom(stdout, rep, labels, nlabels, NULL);
		break;
	case REPORT_MARKDOWN:
		report_eval_markdown(stdout, rep);
		break;
	}
}

static bool status_is_error(int status)
{
	return status == EXIT_USAGE || status == EXIT_INPUT;
}

/* slo alerts --replay: each objective's history walked with the rules
 * compute_burn chose; prints the report and returns the exit status (0:
 * a replay judges nothing). */
static int replay_report(struct report_eval *rep, const struct evaluator *ev,
			 const struct objective *objs, size_t nobj, double bad_minute, int64_t gap,
			 enum report_format format, bool quiet)
{
	struct replay *rp = calloc(nobj, sizeof *rp);
	if (!rp || !rep->has_burn) {
		free(rp);
		cli_error(rp ? "no timeline to replay (a span longer than %d days?)" : "out of memory",
			  TIMELINE_MAX_DAYS);
		return EXIT_INPUT;
	}
	int64_t start = rep->res.start;
	int64_t end = data_end(rep);
	int64_t w = rep->window_len ? rep->window_len : end - start;
	for (size_t i = 0; i < nobj; i++) {
		const struct burndown *bd = &rep->burn[i];
		/* by default a bad minute burns as fast as the fastest page rule
		 * asks: an incident is what should wake someone (--bad-minute) */
		double rate = bad_minute;
		for (size_t k = 0; bad_minute <= 0 && k < bd->nalerts; k++)
			if (strcmp(bd->rule[k].severity, "page") == 0 && bd->rule[k].threshold > rate)
				rate = bd->rule[k].threshold;
		for (size_t k = 0; rate <= 0 && k < bd->nalerts; k++)
			if (bd->rule[k].threshold > rate)
				rate = bd->rule[k].threshold;
		if (rate <= 0)
			rate = 1;
		if (replay_run(ev, i, objs[i].target, start, end, w, bd->rule, bd->nalerts, rate, gap,
			       &rp[i])) {
			free(rp);
			cli_error("out of memory");
			return EXIT_INPUT;
		}
		if (rep->time_based)
			break;
	}
	if (quiet)
		; /* the exit status alone */
	else if (format == REPORT_JSON)
		report_replay_json(stdout, rep, rp);
	else if (format == REPORT_CSV || format == REPORT_TSV || format == REPORT_MARKDOWN)
		report_replay_table(stdout, rep, rp, format == REPORT_CSV ? CELLS_CSV
						    : format == REPORT_TSV ? CELLS_TSV : CELLS_MARKDOWN);
	else /* text; prom was refused with the options */
		report_replay_text(stdout, rep, rp);
	free(rp);
	return EXIT_MET;
}

/* --budgeting timeslices / ratio-timeslices: each objective's budget is
 * of slices (OpenSLO), replacing the event or time budget.  Returns true
 * when an objective fails. */
static bool compute_slices(struct report_eval *rep, const struct evaluator *ev,
			   const struct objective *objs, size_t nobj, const char *budgeting,
			   int64_t slice, int64_t slice_target, bool whole_period, bool allow_no_data,
			   bool has_fail_under, int64_t fail_under)
{
	bool failed = false;
	int64_t end = data_end(rep);
	bool ratio = strcmp(budgeting, "ratio-timeslices") == 0;

	rep->budgeting = budgeting;
	rep->slice = slice;
	for (size_t i = 0; i < nobj; i++) {
		struct slices *sl = &rep->sl[i];
		int64_t st = slice_target ? slice_target : objs[i].target;
		rep->slice_target[i] = st;
		if (slices_compute(ev, i, rep->res.start, end, slice, st, whole_period, sl))
			return true;
		if (ratio) {
			/* the mean ratio, judged as an SLI: its budget is 1 - T */
			struct budget_events *b = &rep->budget[i];
			double bf = (double)(FRAC_ONE - objs[i].target) / (double)FRAC_ONE;
			memset(b, 0, sizeof *b);
			b->has_data = sl->slices > 0;
			b->total = sl->slices;
			b->sli = sl->mean_ratio;
			b->consumed = b->has_data ? (1.0 - sl->mean_ratio) / bf : 0;
			b->remaining = 1.0 - b->consumed;
			b->burn_rate = b->consumed;
			b->met = b->has_data && b->consumed <= 1.0;
			b->allowed_bad_scaled = (i128)(FRAC_ONE - objs[i].target) * (i128)sl->slices;
			b->good = sl->good;
			b->bad = sl->bad;
			rep->below[i] = has_fail_under && b->has_data &&
					b->remaining < (double)fail_under / (double)FRAC_ONE;
		} else {
			rep->budget[i] = budget_events(objs[i].target, sl->slices, sl->bad);
			rep->below[i] = has_fail_under && sl->slices > 0 &&
					budget_events_below(objs[i].target, sl->slices, sl->bad,
							    fail_under);
		}
		rep->failed[i] = !rep->budget[i].has_data ? !allow_no_data
							  : !rep->budget[i].met || rep->below[i];
		failed = failed || rep->failed[i];
		if (rep->time_based)
			break;
	}
	/* shown as slices from here on, uptime too */
	rep->sliced_time = rep->time_based;
	rep->time_based = false;
	return failed;
}

/* Whether the terminal reads UTF-8, as the locale variables say. */
static bool utf8_locale(void)
{
	const char *vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strstr(v, "UTF-8") || strstr(v, "utf-8") || strstr(v, "UTF8") ||
			       strstr(v, "utf8");
	}
	return false;
}

/* The burn-down and day strip of each objective, for the text report:
 * drawn for windows of an hour or more. */
static void compute_charts(struct report_eval *rep, const struct evaluator *ev,
			   const struct objective *objs, size_t nobj, bool ascii)
{
	int64_t start = rep->res.start;
	int64_t end = data_end(rep);
	if (end - start < NS_PER_HOUR)
		return;
	rep->has_chart = true;
	rep->style.ascii = ascii || !utf8_locale();
	const char *no_colour = getenv("NO_COLOR");
	rep->style.colour = isatty(STDOUT_FILENO) && !(no_colour && *no_colour);
	int64_t last = eval_last(ev);
	for (size_t i = 0; i < nobj; i++) {
		struct chart *c = &rep->chart[i];
		uint64_t total, bad;
		double b = (double)(FRAC_ONE - objs[i].target) / (double)FRAC_ONE;
		eval_range(ev, i, start, end, &total, &bad);
		double allowed = rep->time_based ? b * (double)rep->time.window : b * (double)total;
		if (rep->budgeting) {
			/* slices: the chart is of the slices' budget */
			allowed = b * (double)rep->sl[i].slices;
		}
		int64_t minutes = (end - start) / NS_PER_MIN;
		c->ncols = minutes < CHART_COLS ? (size_t)minutes : CHART_COLS;
		c->start = start;
		c->end = end;
		/* the bad events from start on, column by column: each column's
		 * range added to the sum of those before (a month of minutes is
		 * not summed again for every column) */
		uint64_t bd = 0;
		int64_t summed_to = start;
		for (size_t k = 0; k < c->ncols; k++) {
			int64_t a = start + (int64_t)((double)(end - start) * (double)k / (double)c->ncols);
			int64_t e = start + (int64_t)((double)(end - start) * (double)(k + 1) /
						      (double)c->ncols);
			if (rep->budgeting) {
				struct slices sl;
				slices_compute(ev, i, start, e, rep->slice, rep->slice_target[i], false, &sl);
				bd = sl.bad;
			} else if (e > summed_to) {
				uint64_t t = 0, more = 0; /* 0 without a timeline */
				eval_range(ev, i, summed_to, e, &t, &more);
				bd += more;
				summed_to = e;
			}
			c->remaining[k] = allowed > 0 ? 1.0 - (double)bd / allowed : 1.0;
			c->has[k] = a < last;
		}
		/* the strip: the zone's days (as --by day has them), the last
		 * CHART_COLS of the window at the most */
		struct period_row days[CHART_COLS * 2];
		int64_t from = end - start > 62 * NS_PER_DAY ? end - 60 * NS_PER_DAY : start;
		size_t nd = burndown_periods(ev, i, CAL_DAY, from, end, 1, days, CHART_COLS * 2);
		size_t skip = nd > CHART_COLS ? nd - CHART_COLS : 0;
		c->ndays = nd - skip;
		c->first_day = nd ? days[skip].start : start;
		for (size_t d = 0; d < c->ndays; d++) {
			const struct period_row *p = &days[skip + d];
			c->day_burn[d] = p->total ? burn_rate(objs[i].target, p->total, p->bad) : -1;
		}
		if (rep->time_based)
			break;
	}
}

/* With --budgeting, a budget of slices runs out with a slice: the end of
 * the one that made the bad slices reach b x the slices (timeslices), or
 * nothing for ratio-timeslices, whose budget is an average. */
static void slices_exhaustion(struct report_eval *rep, const struct evaluator *ev,
			      const struct objective *objs, size_t nobj)
{
	for (size_t i = 0; i < nobj && rep->has_burn; i++) {
		struct burndown *b = &rep->burn[i];
		b->exhausted_at = b->exhaustion = INT64_MIN;
		if (strcmp(rep->budgeting, "timeslices") != 0 || rep->budget[i].remaining > 0 ||
		    !rep->budget[i].has_data)
			continue;
		i128 allowed = rep->budget[i].allowed_bad_scaled, spent = 0;
		int64_t end = rep->res.end;
		for (int64_t t = rep->res.start; t < end; t += rep->slice) {
			struct slices one;
			int64_t e = t + rep->slice < end ? t + rep->slice : end;
			if (slices_compute(ev, i, t, e, rep->slice, rep->slice_target[i], false, &one))
				break;
			spent += (i128)one.bad * FRAC_ONE;
			if (one.bad && spent >= allowed) {
				b->exhausted_at = e;
				break;
			}
		}
		if (rep->sliced_time)
			break;
	}
	(void)objs;
}

/* The --by table of each objective. */
static int compute_periods(struct report_eval *rep, const struct evaluator *ev,
			   const struct objective *objs, size_t nobj, const char *by)
{
	enum cal_kind k = strcmp(by, "day") == 0 ? CAL_DAY : strcmp(by, "week") == 0 ? CAL_WEEK
										 : CAL_NONE;
	rep->by = by;
	for (size_t i = 0; i < nobj; i++) {
		double b = (double)(FRAC_ONE - objs[i].target) / (double)FRAC_ONE;
		double allowed = rep->time_based ? b * (double)rep->time.window
						 : b * (double)rep->budget[i].total;
		rep->rows[i] = calloc(BURNDOWN_MAX_ROWS, sizeof *rep->rows[i]);
		if (!rep->rows[i])
			return -1;
		/* the span's last minute holds its last record: include it */
		int64_t end = data_end(rep);
		rep->nrows[i] = burndown_periods(ev, i, k, rep->res.start, end, allowed, rep->rows[i],
						 BURNDOWN_MAX_ROWS);
		if (rep->time_based)
			break;
	}
	return 0;
}

/* Worst group first: most budget consumed, then by name. */
static int by_worst(const void *a, const void *b)
{
	const struct report_group *x = a, *y = b;
	if (x->worst > y->worst)
		return -1;
	if (x->worst < y->worst)
		return 1;
	return strcmp(x->key, y->key);
}

/* Fills rep->groups from the evaluated groups; returns true when some
 * group fails an objective. */
static bool report_groups(struct report_eval *rep, struct groups *groups,
			  const struct objective *objs, size_t nobj, bool allow_no_data,
			  bool has_fail_under, int64_t fail_under, size_t top)
{
	bool failed = false;
	size_t n = groups_count(groups);

	if (rep->res.has_span && rep->window_len)
		groups_close_at(groups, rep->res.end - 1);
	rep->groups = calloc(n ? n : 1, sizeof *rep->groups);
	if (!rep->groups)
		return true;
	rep->ngroups = n;
	rep->top = top;
	rep->groups_capped = n > groups_limit(groups);
	for (size_t g = 0; g < n; g++) {
		struct report_group *gr = &rep->groups[g];
		struct eval_result res;
		groups_result(groups, g, &res);
		gr->key = groups_key(groups, g);
		gr->worst = -1;
		if (rep->time_based) {
			time_result(&gr->time, &res, objs[0].target,
				    rep->res.end - rep->res.start - rep->res.excluded_ns);
			gr->below[0] = has_fail_under && gr->time.has_data &&
				       time_below(objs[0].target, &gr->time, fail_under);
			gr->failed[0] = !gr->time.has_data ? !allow_no_data
							   : !gr->time.b.met || gr->below[0];
			failed = failed || gr->failed[0];
			gr->worst = gr->time.has_data ? gr->time.b.consumed : -1;
			continue;
		}
		for (size_t i = 0; i < nobj; i++) {
			const struct eval_objective_result *o = &res.obj[i];
			gr->budget[i] = budget_events(objs[i].target, o->total, o->bad);
			gr->below[i] = has_fail_under && o->total > 0 &&
				       budget_events_below(objs[i].target, o->total, o->bad, fail_under);
			gr->failed[i] = o->total == 0 ? !allow_no_data : !gr->budget[i].met || gr->below[i];
			failed = failed || gr->failed[i];
			if (gr->budget[i].has_data && gr->budget[i].consumed > gr->worst)
				gr->worst = gr->budget[i].consumed;
		}
	}
	qsort(rep->groups, n, sizeof *rep->groups, by_worst);
	return failed;
}

/* The options a state is saved with: all but --save-state and "--",
 * moved to the front of opts[0..n); returns how many. */
static size_t saved_options(char **opts, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		/* getopt_long takes "--sa" for --save-state: no other option
		 * starts so */
		if (strncmp(opts[i], "--sa", 4) == 0) {
			if (!strchr(opts[i], '='))
				i++; /* and its argument */
			continue;
		}
		if (strcmp(opts[i], "--") == 0)
			continue;
		opts[k++] = opts[i];
	}
	return k;
}

int cmd_eval(int argc, char **argv);

/* set for the second run of cmd_eval that slo merge makes */
static bool expanded;

static int cmd_eval_expanded(int argc, char **argv)
{
	expanded = true;
	return cmd_eval(argc, argv);
}

/* slo merge: runs eval again with the options the states were saved with,
 * then the user's, over the states. */
static int merge_states(int nfiles, char **files, int nuser, char **user)
{
	size_t nsaved, n;
	char **saved = state_options(files[0], &nsaved);
	if (!saved)
		return cli_finish(EXIT_INPUT);
	for (int i = 1; i < nfiles; i++) {
		char **o = state_options(files[i], &n);
		bool same = o && n == nsaved;
		for (size_t k = 0; same && k < n; k++)
			same = strcmp(o[k], saved[k]) == 0;
		if (o && !same)
			cli_error("%s: saved with other options than %s", files[i], files[0]);
		free(o);
		if (!same) {
			free(saved);
			return cli_finish(EXIT_INPUT);
		}
	}
	size_t ac = 1 + nsaved + (size_t)nuser + 1 + (size_t)nfiles;
	char **av = malloc((ac + 1) * sizeof *av);
	if (!av) {
		free(saved);
		cli_error("out of memory");
		return cli_finish(EXIT_INPUT);
	}
	static char merge_name[] = "merge", dashes[] = "--";
	size_t k = 0;
	av[k++] = merge_name;
	for (size_t i = 0; i < nsaved; i++)
		av[k++] = saved[i];
	for (int i = 0; i < nuser; i++)
		if (strcmp(user[i], "--") != 0)
			av[k++] = user[i];
	av[k++] = dashes;
	for (int i = 0; i < nfiles; i++)
		av[k++] = files[i];
	av[k] = NULL;
	int st = cmd_eval_expanded((int)k, av);
	free(av);
	free(saved);
	return st;
}

int cmd_eval(int argc, char **argv)
{
	return eval_run(argc, argv, NULL);
}

/* Marks the arguments the option just read took (the option, and its
 * value when apart), so that --config can pass the others on. */
static void eval_mark(char **marked, size_t *n, char **argv)
{
	if (optarg && optind >= 2 && argv[optind - 1] == optarg)
		marked[(*n)++] = argv[optind - 2];
	marked[(*n)++] = argv[optind - 1];
}

static bool eval_marked(char *const *marked, size_t n, const char *arg)
{
	for (size_t i = 0; i < n; i++)
		if (marked[i] == arg)
			return true;
	return false;
}

int eval_run(int argc, char **argv, struct eval_sink *sink)
{
	static const struct option longopts[] = {
		{"alert", required_argument, NULL, OPT_ALERT},
		{"ascii", no_argument, NULL, OPT_ASCII},
		{"allow-no-data", no_argument, NULL, OPT_ALLOW_NO_DATA},
		{"bad-col", required_argument, NULL, OPT_BAD_COL},
		{"bad-minute", required_argument, NULL, OPT_BAD_MINUTE},
		{"bad-series", required_argument, NULL, OPT_BAD_SERIES},
		{"bad-status", required_argument, NULL, OPT_BAD_STATUS},
		{"budgeting", required_argument, NULL, OPT_BUDGETING},
		{"by", required_argument, NULL, OPT_BY},
		{"calendar", required_argument, NULL, OPT_CALENDAR},
		{"changes", no_argument, NULL, OPT_CHANGES},
		{"config", required_argument, NULL, 'c'},
		{"delimiter", required_argument, NULL, OPT_DELIMITER},
		{"end-col", required_argument, NULL, OPT_END_COL},
		{"exact", no_argument, NULL, OPT_EXACT},
		{"exclude", required_argument, NULL, OPT_EXCLUDE},
		{"exclude-file", required_argument, NULL, OPT_EXCLUDE_FILE},
		{"explain", no_argument, NULL, OPT_EXPLAIN},
		{"fail-under", required_argument, NULL, OPT_FAIL_UNDER},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"from", required_argument, NULL, OPT_FROM},
		{"gap", required_argument, NULL, OPT_GAP},
		{"good-col", required_argument, NULL, OPT_GOOD_COL},
		{"good-series", required_argument, NULL, OPT_GOOD_SERIES},
		{"group-by", required_argument, NULL, OPT_GROUP_BY},
		{"help", no_argument, NULL, 'h'},
		{"incidents", no_argument, NULL, OPT_INCIDENTS},
		{"input", required_argument, NULL, OPT_INPUT},
		{"interval", required_argument, NULL, OPT_INTERVAL},
		{"jobs", required_argument, NULL, OPT_JOBS},
		{"json", no_argument, NULL, 'j'},
		{"label", required_argument, NULL, OPT_LABEL},
		{"latency", required_argument, NULL, 'l'},
		{"latency-col", required_argument, NULL, OPT_LATENCY_COL},
		{"latency-field", required_argument, NULL, OPT_LATENCY_FIELD},
		{"latency-unit", required_argument, NULL, OPT_LATENCY_UNIT},
		{"log-format", required_argument, NULL, OPT_LOG_FORMAT},
		{"month", required_argument, NULL, OPT_MONTH},
		{"no-header", no_argument, NULL, OPT_NO_HEADER},
		{"now", required_argument, NULL, OPT_TO},
		{"probes", no_argument, NULL, OPT_PROBES},
		{"quarter", required_argument, NULL, OPT_QUARTER},
		{"quiet", no_argument, NULL, 'q'},
		{"replay", no_argument, NULL, OPT_REPLAY},
		{"save-state", required_argument, NULL, OPT_SAVE_STATE},
		{"slice", required_argument, NULL, OPT_SLICE},
		{"slice-target", required_argument, NULL, OPT_SLICE_TARGET},
		{"status-col", required_argument, NULL, OPT_STATUS_COL},
		{"status-field", required_argument, NULL, OPT_STATUS_FIELD},
		{"strict", no_argument, NULL, OPT_STRICT},
		{"target", required_argument, NULL, 't'},
		{"time-col", required_argument, NULL, OPT_TIME_COL},
		{"to", required_argument, NULL, OPT_TO},
		{"time-field", required_argument, NULL, OPT_TIME_FIELD},
		{"top", required_argument, NULL, OPT_TOP},
		{"total-col", required_argument, NULL, OPT_TOTAL_COL},
		{"total-series", required_argument, NULL, OPT_TOTAL_SERIES},
		{"tz", required_argument, NULL, OPT_TZ},
		{"year", required_argument, NULL, OPT_YEAR},
		{"week", required_argument, NULL, OPT_WEEK},
		{"where", required_argument, NULL, OPT_WHERE},
		{"window", required_argument, NULL, 'w'},
		{NULL, 0, NULL, 0},
	};
	struct csv_columns_config cfg = {0};
	struct status_set bad_status;
	struct latency_opt lat[EVAL_MAX_OBJECTIVES];
	size_t nlat = 0;
	int64_t target = 0, window = 0, fail_under = 0;
	bool has_fail_under = false, allow_no_data = false, strict = false, quiet = false;
	enum report_format format = REPORT_TEXT;
	bool format_given = false;
	const char *labels[MAX_LABELS];
	size_t nlabels = 0;
	bool explain = false, bad_status_given = false;
	static struct filter where;
	const char *group_by = NULL;
	uint64_t top = 0;
	bool probes = false, changes = false, incidents = false;
	struct alert_rule rules[ALERT_MAX_RULES];
	size_t nrules = 0;
	const char *from_text = NULL, *to_text = NULL, *period_text = NULL, *period_opt = NULL;
	enum cal_kind calendar = CAL_NONE, calendar_given = CAL_NONE;
	const char *exclude_text[EVAL_MAX_EXCLUDED];
	size_t nexclude = 0;
	const char *exclude_file = NULL, *by = NULL;
	int64_t interval = 0;
	/* `slo detect` is eval that stops once it knows how a file reads */
	const bool detect = strcmp(argv[0], "detect") == 0;
	/* `slo alerts --replay` is eval that walks the history at the end */
	const bool alerts = strcmp(argv[0], "alerts") == 0;
	/* `slo merge` is eval over saved states, with the options they were
	 * saved with before its own */
	const bool merge = strcmp(argv[0], "merge") == 0;
	const bool merge_expanded = expanded;
	const char *cmd = detect ? "detect" : alerts ? "alerts" : merge ? "merge" : "eval";
	const char *save_state = NULL;
	bool exact = false;
	unsigned jobs = 0;
	int year = 0, year_month = 0;
	char **const argv0 = argv;
	bool replay = false;
	double bad_minute = 0;
	int64_t gap = 5 * NS_PER_MIN;
	const char *budgeting = "occurrences";
	int64_t slice = NS_PER_MIN, slice_target = 0;
	bool ascii = false;
	const char *total_series = NULL, *bad_series = NULL, *good_series = NULL;
	const char *input = NULL, *log_format = NULL;
	const char *status_field = NULL, *latency_field = NULL, *time_field = NULL;
	char delim = 0;
	int ch;
	/* --config: the files, and the arguments not passed on to each SLO */
	static char *configs[EVAL_MAX_CONFIGS], *marked[2 * EVAL_MAX_CONFIGS + 2 * 16];
	size_t nconfigs = 0, nmarked = 0;

	status_set_default(&bad_status);
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":c:hjl:qt:w:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			if (nconfigs == EVAL_MAX_CONFIGS)
				return cli_usage(cmd, "more than %d --config files", EVAL_MAX_CONFIGS);
			configs[nconfigs++] = optarg;
			eval_mark(marked, &nmarked, argv);
			break;
		case 'h':
			if (alerts)
				fputs("usage: slo alerts --replay [OPTIONS] [FILE...]\n\n"
				      "Walks the history of each objective minute by minute, as an\n"
				      "alerting system evaluating the burn-rate rules every minute\n"
				      "would, and lists when each rule would have fired and how long\n"
				      "each incident went before an alert.  It takes the options of\n"
				      "slo eval, shown below, and --bad-minute and --gap.\n\n", stdout);
			if (detect)
				fputs("usage: slo detect [OPTIONS] FILE...\n\n"
				      "Says how slo reads each FILE: its format, which field holds\n"
				      "the time, the status and the latency, their units and zone,\n"
				      "and what makes an event bad.  It takes the input options of\n"
				      "slo eval, shown below.\n\n", stdout);
			fputs(eval_usage, stdout);
			fputs(eval_usage_more, stdout);
			return cli_finish(EXIT_MET);
		case 'j':
			format = REPORT_JSON;
			break;
		case 'q':
			quiet = true;
			break;
		case OPT_FORMAT:
			if (report_format_parse(optarg, &format))
				return cli_usage(cmd, "--format \"%s\": use %s", optarg,
						 report_format_names());
			format_given = true;
			break;
		case OPT_LABEL: {
			char why[160];
			if (nlabels == MAX_LABELS)
				return cli_usage(cmd, "more than %d --label", MAX_LABELS);
			if (report_prom_label(optarg, why, sizeof why))
				return cli_usage(cmd, "--label %s", why);
			for (size_t k = 0; k < nlabels; k++)
				if (strcspn(labels[k], "=") == strcspn(optarg, "=") &&
				    strncmp(labels[k], optarg, strcspn(optarg, "=")) == 0)
					return cli_usage(cmd, "--label %.*s given twice",
							 (int)strcspn(optarg, "="), optarg);
			labels[nlabels++] = optarg;
			break;
		}
		case 'l':
			if (nlat == EVAL_MAX_OBJECTIVES - 1)
				return cli_usage(cmd, "too many --latency objectives");
			if (parse_latency_opt(optarg, &lat[nlat]))
				return EXIT_USAGE;
			nlat++;
			break;
		case 't':
			if (target)
				return cli_usage(cmd, "--target given twice");
			if (cli_percent(cmd, "--target", optarg, &target))
				return EXIT_USAGE;
			break;
		case 'w':
			if (cli_duration(cmd, "--window", optarg, &window))
				return EXIT_USAGE;
			if (window % NS_PER_S)
				return cli_usage(cmd, "--window \"%s\": a window is whole seconds", optarg);
			break;
		case OPT_TIME_COL:
			cfg.time_col = optarg;
			break;
		case OPT_STATUS_COL:
			cfg.status_col = optarg;
			break;
		case OPT_LATENCY_COL:
			cfg.latency_col = optarg;
			break;
		case OPT_TOTAL_COL:
			cfg.total_col = optarg;
			break;
		case OPT_BAD_COL:
			cfg.bad_col = optarg;
			break;
		case OPT_GOOD_COL:
			cfg.good_col = optarg;
			break;
		case OPT_NO_HEADER:
			cfg.no_header = true;
			break;
		case OPT_DELIMITER:
			if (parse_delim(optarg, &delim))
				return EXIT_USAGE;
			break;
		case OPT_LATENCY_UNIT:
			if (parse_unit(optarg, &cfg.latency_unit))
				return EXIT_USAGE;
			break;
		case OPT_BAD_STATUS: {
			char item[64];
			bad_status_given = true;
			if (status_set_parse(&bad_status, optarg, item, sizeof item))
				return cli_usage(cmd, "--bad-status: \"%s\" is not a status code "
							 "(100-599), a class such as 5xx, or a range "
							 "such as 500-504", item);
			break;
		}
		case OPT_FAIL_UNDER: {
			const char *s = optarg;
			size_t len = strlen(s);
			if (len && s[len - 1] == '%')
				len--;
			if (num_parse_scaled(s, len, FRAC_DIGITS - 2, &fail_under) != NUM_OK ||
			    fail_under > FRAC_ONE)
				return cli_usage(cmd, "--fail-under \"%s\" is not a percentage "
							 "from 0 to 100", optarg);
			has_fail_under = true;
			break;
		}
		case OPT_ALLOW_NO_DATA:
			allow_no_data = true;
			break;
		case OPT_STRICT:
			strict = true;
			break;
		case OPT_INPUT:
			if (ingest_check_format(optarg))
				return cli_usage(cmd, "--input \"%s\": use one of %s", optarg,
						 ingest_formats());
			input = optarg;
			break;
		case OPT_LOG_FORMAT: {
			struct log_format check;
			char why[256];
			if (log_format_compile(&check, "custom", optarg, why, sizeof why))
				return cli_usage(cmd, "--log-format: %s",
						 strncmp(why, "log format: ", 12) == 0 ? why + 12 : why);
			log_format_free(&check);
			log_format = optarg;
			break;
		}
		case OPT_STATUS_FIELD:
			status_field = optarg;
			break;
		case OPT_LATENCY_FIELD:
			latency_field = optarg;
			break;
		case OPT_TIME_FIELD:
			time_field = optarg;
			break;
		case OPT_EXPLAIN:
			explain = true;
			break;
		case OPT_WHERE: {
			char why[256];
			if (filter_add(&where, optarg, why, sizeof why)) {
				filter_free(&where);
				return cli_usage(cmd, "--where %s", why);
			}
			break;
		}
		case OPT_PROBES:
			probes = true;
			break;
		case OPT_CHANGES:
			changes = true;
			break;
		case OPT_INTERVAL:
			if (cli_duration(cmd, "--interval", optarg, &interval))
				return EXIT_USAGE;
			probes = true;
			break;
		case OPT_ALERT: {
			char why[200];
			if (nrules == ALERT_MAX_RULES)
				return cli_usage(cmd, "more than %d --alert rules", ALERT_MAX_RULES);
			if (alert_parse(optarg, &rules[nrules], why, sizeof why))
				return cli_usage(cmd, "--alert %s", why);
			nrules++;
			break;
		}
		case OPT_EXCLUDE:
			if (nexclude == EVAL_MAX_EXCLUDED)
				return cli_usage(cmd, "more than %d --exclude periods", EVAL_MAX_EXCLUDED);
			exclude_text[nexclude++] = optarg;
			break;
		case OPT_TOTAL_SERIES:
			total_series = optarg;
			break;
		case OPT_BAD_SERIES:
			bad_series = optarg;
			break;
		case OPT_GOOD_SERIES:
			good_series = optarg;
			break;
		case OPT_ASCII:
			ascii = true;
			break;
		case OPT_BUDGETING:
			if (strcmp(optarg, "occurrences") && strcmp(optarg, "timeslices") &&
			    strcmp(optarg, "ratio-timeslices"))
				return cli_usage(cmd, "--budgeting \"%s\": use occurrences, timeslices or "
						      "ratio-timeslices", optarg);
			budgeting = optarg;
			break;
		case OPT_SLICE:
			if (cli_duration(cmd, "--slice", optarg, &slice))
				return EXIT_USAGE;
			if (slice % NS_PER_MIN)
				return cli_usage(cmd, "--slice \"%s\": slices are whole minutes", optarg);
			break;
		case OPT_SLICE_TARGET:
			if (cli_percent(cmd, "--slice-target", optarg, &slice_target))
				return EXIT_USAGE;
			break;
		case OPT_REPLAY:
			replay = true;
			break;
		case OPT_BAD_MINUTE: {
			int64_t v;
			if (num_parse_scaled(optarg, strlen(optarg), FRAC_DIGITS, &v) != NUM_OK || v <= 0)
				return cli_usage(cmd, "--bad-minute \"%s\" is not a positive burn rate",
						 optarg);
			bad_minute = (double)v / (double)FRAC_ONE;
			break;
		}
		case OPT_GAP:
			if (cli_duration(cmd, "--gap", optarg, &gap))
				return EXIT_USAGE;
			break;
		case OPT_BY:
			if (strcmp(optarg, "day") && strcmp(optarg, "hour") && strcmp(optarg, "week"))
				return cli_usage(cmd, "--by \"%s\": use day, hour or week", optarg);
			by = optarg;
			break;
		case OPT_EXCLUDE_FILE:
			exclude_file = optarg;
			break;
		case OPT_FROM:
			from_text = optarg;
			break;
		case OPT_TO:
			to_text = optarg;
			break;
		case OPT_CALENDAR:
			calendar = cal_kind_parse(optarg);
			if (calendar == CAL_NONE || calendar == CAL_DAY)
				return cli_usage(cmd, "--calendar \"%s\": use week, month, quarter or year",
						 optarg);
			break;
		case OPT_MONTH:
		case OPT_QUARTER:
		case OPT_WEEK:
			if (period_text)
				return cli_usage(cmd, "%s and %s: one calendar period at a time", period_opt,
						 ch == OPT_MONTH ? "--month" : ch == OPT_QUARTER ? "--quarter"
											: "--week");
			period_text = optarg;
			period_opt = ch == OPT_MONTH ? "--month" : ch == OPT_QUARTER ? "--quarter" : "--week";
			break;
		case OPT_INCIDENTS:
			incidents = true;
			break;
		case OPT_END_COL:
			cfg.end_col = optarg;
			break;
		case OPT_TZ:
			/* with --config, the default zone of SLOs that name none */
			if (nmarked + 2 > sizeof marked / sizeof marked[0])
				return cli_usage(cmd, "--tz given too many times");
			eval_mark(marked, &nmarked, argv);
			if (ts_set_zone(optarg))
				return cli_usage(cmd, "--tz \"%s\": no such zone in the time zone "
						      "database (an IANA name such as Europe/Berlin, "
						      "or UTC; Debian's tzdata package holds them)",
						 optarg);
			break;
		case OPT_GROUP_BY:
			group_by = optarg;
			break;
		case OPT_TOP:
			if (num_parse_u64(optarg, strlen(optarg), &top) != NUM_OK || top == 0)
				return cli_usage(cmd, "--top \"%s\" is not a positive whole number", optarg);
			break;
		case OPT_SAVE_STATE:
			save_state = optarg;
			break;
		case OPT_EXACT:
			exact = true;
			break;
		case OPT_YEAR: {
			/* YEAR, or YEAR-MM: the month the file ends in */
			uint64_t y, m = 0;
			size_t n = strlen(optarg), ylen = n > 4 && optarg[4] == '-' ? 4 : n;
			if (num_parse_u64(optarg, ylen, &y) != NUM_OK || y < 1970 || y > 2200 ||
			    (ylen < n && (n != 7 || num_parse_u64(optarg + 5, 2, &m) != NUM_OK ||
					  m < 1 || m > 12)))
				return cli_usage(cmd, "--year \"%s\" is not a year from 1970 to 2200, "
						      "or a year and the month the file ends in "
						      "(2019-03)", optarg);
			year = (int)y;
			year_month = (int)m;
			break;
		}
		case OPT_JOBS: {
			uint64_t j;
			if (num_parse_u64(optarg, strlen(optarg), &j) != NUM_OK || j == 0 || j > 64)
				return cli_usage(cmd, "--jobs \"%s\" is not a number of processes from 1 "
						      "to 64", optarg);
			jobs = (unsigned)j;
			break;
		}
		default:
			return cli_option_error(cmd, ch, argv);
		}
	}
	/* the options given, before the files (getopt_long moved them there) */
	const int nopts = optind - 1;
	char **given = argv + 1;
	size_t ngiven = (size_t)optind - 1;
	argc -= optind;
	argv += optind;
	if (nconfigs) {
		int st;
		if (detect || alerts || merge)
			st = cli_usage(cmd, "--config is for slo eval");
		else if (save_state)
			st = cli_usage(cmd, "--save-state saves one evaluation; --config makes one "
					    "an SLO");
		else if (target || nlat || window || from_text || calendar != CAL_NONE || period_text ||
			 probes || changes || incidents || interval || strcmp(budgeting, "occurrences") ||
			 slice != NS_PER_MIN || slice_target)
			st = cli_usage(cmd, "with --config the SLOs' objectives, windows and budgeting "
					    "come from the file: no --target, --latency, --window, "
					    "--from, --calendar, --month, --probes, --budgeting ...");
		else {
			/* the other options apply to every SLO */
			char **pass = calloc(ngiven + 1, sizeof *pass);
			size_t n = 0;
			for (size_t i = 0; pass && i < ngiven; i++)
				if (!eval_marked(marked, nmarked, given[i]))
					pass[n++] = given[i];
			filter_free(&where);
			if (!pass) {
				cli_error("out of memory");
				return EXIT_INPUT;
			}
			st = config_eval(configs, nconfigs, pass, n, argv, (size_t)argc, format,
					 quiet);
			free(pass);
		}
		return st;
	}

	if (merge && !merge_expanded) {
		if (argc == 0)
			return cli_usage(cmd, "which states? e.g. slo merge shard1.state shard2.state");
		for (int i = 0; i < argc; i++)
			if (strcmp(argv[i], "-") == 0)
				return cli_usage(cmd, "states are read twice (their options, then their "
						      "counts): name files, not standard input");
		filter_free(&where);
		return merge_states(argc, argv, nopts, argv0 + 1);
	}
	expanded = false;

	/* every incompatible combination, in one place */
	if (save_state && (detect || alerts || merge))
		return cli_usage(cmd, "--save-state is for slo eval");
	if (exact && nlat == 0)
		return cli_usage(cmd, "--exact is for the percentiles of latency: give --latency");
	if (exact && save_state)
		return cli_usage(cmd, "--exact keeps every latency; a saved state keeps sketches: "
				      "one or the other");
	if (save_state && (probes || changes || incidents))
		return cli_usage(cmd, "--save-state keeps counts of events; uptime samples "
				      "(--probes, --changes, --incidents) depend on their order "
				      "and do not merge");

	if (detect && argc == 0)
		return cli_usage(cmd, "which files? e.g. slo detect access.log");
	if (alerts && !replay)
		return cli_usage(cmd, "slo alerts needs --replay");
	if (!alerts && (replay || bad_minute > 0 || gap != 5 * NS_PER_MIN))
		return cli_usage(cmd, "--replay, --bad-minute and --gap are for slo alerts");
	if ((bad_series || good_series) && !total_series)
		return cli_usage(cmd, "%s needs --total-series", bad_series ? "--bad-series"
									    : "--good-series");
	if (total_series && !bad_series == !good_series)
		return cli_usage(cmd, "--total-series needs --bad-series or --good-series (one)");
	if (total_series && (!strchr(total_series, '=') || !strchr(bad_series ? bad_series
									     : good_series, '=')))
		return cli_usage(cmd, "series are named LABEL=VALUE, e.g. __name__=requests_total");
	if (total_series && nlat)
		return cli_usage(cmd, "count series carry no latency: --latency cannot be judged");
	const bool sliced = strcmp(budgeting, "occurrences") != 0;
	if (sliced && group_by)
		return cli_usage(cmd, "--budgeting %s is not for --group-by yet", budgeting);
	if ((slice != NS_PER_MIN || slice_target) && !sliced)
		return cli_usage(cmd, "--slice and --slice-target are for --budgeting timeslices or "
				      "ratio-timeslices");
	if (by && group_by)
		return cli_usage(cmd, "--by draws one table: no --group-by with it");
	if (alerts && group_by)
		return cli_usage(cmd, "--replay walks one history: no --group-by (use --where)");
	if (nlabels && format != REPORT_PROM)
		return cli_usage(cmd, "--label is for --format prom");
	if (detect && (format_given || quiet))
		return cli_usage(cmd, "detect says in words how each file reads: no %s",
				 quiet ? "--quiet" : "--format");
	if (alerts && format == REPORT_PROM)
		return cli_usage(cmd, "--format prom is for slo eval; a replay prints text, json, "
				      "csv, tsv or markdown");
	if (!detect && !target && nlat == 0)
		return cli_usage(cmd, "no objective: give --target PCT and/or --latency DUR[:PCT]");
	for (size_t i = 0; i < nlat; i++)
		if (!lat[i].target && !target)
			return cli_usage(cmd, "--latency %s needs a percentage: %s:99, or --target",
					 lat[i].text, lat[i].text);
	/* the window: its bounds, known now or by the data */
	bool bounded = false;
	int64_t b_start = EVAL_OPEN_START, b_end = EVAL_OPEN_END;
	if (period_text && (from_text || to_text || window || calendar != CAL_NONE))
		return cli_usage(cmd, "%s names the whole window: no --from, --to, --window or "
				      "--calendar with it", period_opt);
	if (calendar != CAL_NONE && (from_text || window))
		return cli_usage(cmd, "--calendar is a window of its own: no --from or --window with it");
	if (from_text && to_text && window)
		return cli_usage(cmd, "--from, --to and --window: give two of them at most");
	if (from_text && window)
		return cli_usage(cmd, "--window ends at --to or at the last record: no --from with it");
	if (from_text && cli_time(cmd, "--from", from_text, &b_start))
		return EXIT_USAGE;
	if (to_text && cli_time(cmd, "--to", to_text, &b_end))
		return EXIT_USAGE;
	if (from_text && to_text && b_end <= b_start)
		return cli_usage(cmd, "--to %s is not after --from %s", to_text, from_text);
	if (period_text) {
		enum cal_kind k;
		if (cal_named(period_text, &k, &b_start, &b_end) != NUM_OK ||
		    (strcmp(period_opt, "--month") == 0 && k != CAL_MONTH) ||
		    (strcmp(period_opt, "--quarter") == 0 && k != CAL_QUARTER) ||
		    (strcmp(period_opt, "--week") == 0 && k != CAL_WEEK))
			return cli_usage(cmd, "%s \"%s\" is not a %s such as %s", period_opt, period_text,
					 period_opt + 2, strcmp(period_opt, "--month") == 0 ? "2026-10"
					 : strcmp(period_opt, "--quarter") == 0 ? "2026-Q3" : "2026-W44");
		bounded = true;
	} else if (calendar != CAL_NONE && to_text) {
		/* the period that holds the end (--to is past its last moment) */
		if (cal_period(calendar, b_end - 1, &b_start, &b_end) != NUM_OK)
			return cli_usage(cmd, "--to %s: no calendar period", to_text);
		bounded = true;
		calendar_given = calendar;
		calendar = CAL_NONE;
	} else if (window && to_text) {
		b_start = b_end - window;
		window = 0;
		bounded = true;
	} else if (from_text || to_text) {
		bounded = true;
	}
	if (incidents && (probes || changes))
		return cli_usage(cmd, "--incidents are downtime intervals; --probes and --changes "
				      "are samples: one or the other");
	if (cfg.end_col && !incidents)
		return cli_usage(cmd, "--end-col is for --incidents");
	if (incidents && (nlat || cfg.total_col || cfg.bad_col || cfg.good_col || cfg.status_col))
		return cli_usage(cmd, "--incidents rows are a start and an end, with --target only");
	if (incidents)
		changes = true; /* time-based, with no probe interval */
	if ((probes || changes) && nlat)
		return cli_usage(cmd, "--latency is for events; uptime samples (--probes, "
				      "--changes) have --target only");
	if ((probes || changes) && (cfg.total_col || cfg.bad_col || cfg.good_col))
		return cli_usage(cmd, "uptime samples (--probes, --changes) are one state a row, "
				      "not counts (--total-col)");
	if (changes && interval)
		return cli_usage(cmd, "--interval is for --probes; with --changes a state holds "
				      "until the next sample");
	if (nlat && (cfg.total_col || cfg.bad_col || cfg.good_col))
		return cli_usage(cmd, "--latency cannot be judged from pre-aggregated counts "
					 "(--total-col)");
	if (cfg.bad_col && cfg.good_col)
		return cli_usage(cmd, "give --bad-col or --good-col, not both");
	if (cfg.total_col && !cfg.bad_col && !cfg.good_col)
		return cli_usage(cmd, "--total-col needs --bad-col or --good-col");
	if (!cfg.total_col && (cfg.bad_col || cfg.good_col))
		return cli_usage(cmd, "%s needs --total-col", cfg.bad_col ? "--bad-col" : "--good-col");
	if (cfg.no_header) {
		const char *named[] = {cfg.time_col, cfg.status_col, cfg.latency_col,
				       cfg.total_col, cfg.bad_col, cfg.good_col};
		for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
			uint64_t v;
			if (named[i] && (num_parse_u64(named[i], strlen(named[i]), &v) != NUM_OK || !v))
				return cli_usage(cmd, "--no-header: columns are numbers from 1, not "
							 "\"%s\"", named[i]);
		}
	}
	if (cfg.no_header && !cfg.status_col && !cfg.total_col && target)
		return cli_usage(cmd, "--no-header needs --status-col N (or --total-col)");
	if (cfg.no_header && nlat && !cfg.latency_col)
		return cli_usage(cmd, "--no-header needs --latency-col N");
	if (cfg.no_header && window && !cfg.time_col)
		return cli_usage(cmd, "--no-header needs --time-col N with --window");

	struct objective objs[EVAL_MAX_OBJECTIVES];
	size_t nobj = 0;
	if (target) {
		objs[nobj] = (struct objective){.kind = OBJ_EVENTS, .target = target};
		snprintf(objs[nobj].name, sizeof objs[nobj].name, "availability");
		nobj++;
	}
	for (size_t i = 0; i < nlat; i++) {
		char d[48];
		objs[nobj] = (struct objective){.kind = OBJ_LATENCY,
						.target = lat[i].target ? lat[i].target : target,
						.threshold = lat[i].threshold};
		snprintf(objs[nobj].name, sizeof objs[nobj].name, "latency %s",
			 duration_format_human(lat[i].threshold, d, sizeof d));
		nobj++;
	}
	cfg.bad_status = &bad_status;
	cfg.need_status = target != 0 && !incidents;
	cfg.need_end = incidents;
	cfg.need_latency = nlat > 0;
	cfg.need_time = window > 0 || probes || changes || bounded || calendar != CAL_NONE;
	cfg.want_all = detect || explain;

	enum eval_err eerr;
	struct evaluator *ev = eval_new(objs, nobj, window, &eerr);
	if (!ev) {
		if (eerr == EVAL_WINDOW_TOO_FINE)
			return cli_usage(cmd, "--window needs too many time buckets; "
						 "use a whole number of minutes");
		cli_error("out of memory");
		return EXIT_INPUT;
	}

	if (probes || changes) {
		/* with groups, each group has its own timeline; the evaluator of
		 * all records only counts them and finds the window */
		if (!group_by && incidents)
			eval_set_incidents(ev);
		else if (!group_by)
			eval_set_time(ev, interval, changes);
		snprintf(objs[0].name, sizeof objs[0].name, "uptime");
	}
	/* maintenance periods: from options and a file */
	int64_t excl[EVAL_MAX_EXCLUDED][2];
	size_t nexcl = 0;
	for (size_t i = 0; i < nexclude; i++) {
		if (cli_period(cmd, "--exclude", exclude_text[i], &excl[nexcl][0], &excl[nexcl][1])) {
			eval_free(ev);
			return EXIT_USAGE;
		}
		nexcl++;
	}
	if (exclude_file && read_exclusions(cmd, exclude_file, excl, &nexcl)) {
		eval_free(ev);
		return EXIT_USAGE;
	}
	for (size_t i = 0; i < nexcl; i++)
		eval_exclude(ev, excl[i][0], excl[i][1]);
	if (bounded)
		eval_set_bounds(ev, b_start, b_end);
	else if (calendar != CAL_NONE)
		eval_set_calendar(ev, calendar);
	/* latency percentiles, of all the records (not by group) */
	if (nlat && !detect && eval_enable_percentiles(ev, exact)) {
		eval_free(ev);
		cli_error("out of memory");
		return EXIT_INPUT;
	}
	/* a timeline for burn rates and alerts; groups are judged without */
	if (!group_by && eval_enable_timeline(ev)) {
		eval_free(ev);
		cli_error("out of memory");
		return EXIT_INPUT;
	}
	struct groups *groups = NULL;
	if (group_by) {
		/* a window's buckets for every group: bounded, the rest "(other)" */
		groups = groups_new(objs, nobj, window, 100000, (size_t)1 << 29, &eerr);
		if (!groups) {
			eval_free(ev);
			cli_error("out of memory");
			return EXIT_INPUT;
		}
		if (bounded || calendar != CAL_NONE)
			groups_set_bounds(groups, b_start, b_end, calendar);
		for (size_t i = 0; i < nexcl; i++)
			groups_exclude(groups, excl[i][0], excl[i][1]);
		if (incidents)
			groups_set_incidents(groups);
		else if (probes || changes)
			groups_set_time(groups, interval, changes);
	}

	static struct report_eval rep;
	memset(&rep, 0, sizeof rep);
	struct ingest g = {.cfg = &cfg, .input = input, .log_format = log_format,
			   .status_field = status_field, .latency_field = latency_field,
			   .time_field = time_field,
			   .delim = delim, .strict = strict, .ev = ev, .rep = &rep,
			   .explain = explain, .detect_only = detect, .where = &where,
			   .group_by = group_by, .groups = groups,
			   .time_based = probes || changes, .bad_status_given = bad_status_given,
			   .total_series = total_series, .bad_series = bad_series,
			   .good_series = good_series,
			   /* exact percentiles keep values a saved state does not */
			   .jobs = exact ? 1 : jobs, .year = year,
			   .year_month = year_month};
	static char *const stdin_only[] = {"-", NULL};
	char *const *files = argc ? argv : stdin_only;
	size_t nfiles = argc ? (size_t)argc : 1;
	int status = 0;

	if (detect) {
		/* every file gets its answer; the status is the worst */
		for (size_t i = 0; i < nfiles; i++) {
			int st = ingest_file(&g, files[i]);
			if (st > status)
				status = st;
		}
		eval_free(ev);
		return cli_finish(status);
	}
	/* a progress bar for a person waiting at a terminal; it shows itself
	 * only after a second, so that short runs never flicker */
	static struct progress meter;
	g.quiet = quiet;
	if (!quiet && isatty(STDERR_FILENO)) {
		progress_start(&meter, stderr, input_bytes(files, nfiles), terminal_width());
		g.on_read = progress_add;
		g.on_read_arg = &meter;
	}
	for (size_t i = 0; i < nfiles && !status; i++)
		status = merge ? state_merge(files[i], &rep, ev, groups) : ingest_file(&g, files[i]);
	progress_end(&meter);
	ingest_finish(&g);
	if (!status && save_state) {
		size_t nsaved = saved_options(argv0 + 1, (size_t)nopts);
		status = state_save(save_state, argv0 + 1, nsaved, &rep, ev, groups);
	}
	if (!status && rep.read == rep.skipped) {
		cli_error("no usable record in %s", nfiles > 1 ? "the files"
			  : strcmp(files[0], "-") == 0 ? "(stdin)" : files[0]);
		status = EXIT_INPUT;
	}
	if (status) {
		eval_free(ev);
		groups_free(groups);
		filter_free(&where);
		return cli_finish(status);
	}

	if ((probes || changes) &&
	    (eval_finish(ev, INT64_MAX) != EVAL_OK ||
	     (groups && groups_finish(groups, changes ? eval_last(ev) : INT64_MAX) != EVAL_OK))) {
		cli_error("too few samples to tell the probe interval; give --interval");
		eval_free(ev);
		groups_free(groups);
		filter_free(&where);
		return cli_finish(EXIT_INPUT);
	}
	eval_result(ev, &rep.res);
	if (nlat) {
		rep.has_pct = eval_percentiles(ev, report_pcts, REPORT_PCTS, rep.pct, &rep.pct_n) == 0;
		rep.pct_exact = exact;
		rep.pct_from = eval_percentiles_from(ev);
	}
	if (groups && (probes || changes) && !window) {
		/* the span covers the last sample's time in every group */
		for (size_t k = 0; k < groups_count(groups); k++) {
			struct eval_result gres;
			groups_result(groups, k, &gres);
			if (gres.has_span && gres.end > rep.res.end)
				rep.res.end = gres.end;
			rep.res.interval = gres.interval;
		}
	}
	rep.obj = objs;
	rep.group_by = group_by;
	rep.nobj = nobj;
	rep.window_len = window;
	bool is_calendar = calendar != CAL_NONE || calendar_given != CAL_NONE || period_text;
	rep.window_kind = window ? "rolling" : is_calendar ? "calendar" : bounded ? "fixed" : "span";
	if (is_calendar) {
		/* name the period the window is: "month 2026-10" */
		int64_t y;
		int mo, d, hh, mi, ss, wd;
		if (rep.res.has_span) {
			ts_to_local(rep.res.start, &y, &mo, &d, &hh, &mi, &ss, &wd);
			enum cal_kind k = calendar != CAL_NONE ? calendar : calendar_given;
			if (period_text)
				cal_named(period_text, &k, &b_start, &b_end);
			if (k == CAL_MONTH)
				snprintf(rep.window_name, sizeof rep.window_name, "month %04lld-%02d",
					 (long long)y, mo);
			else if (k == CAL_QUARTER)
				snprintf(rep.window_name, sizeof rep.window_name, "quarter %04lld-Q%d",
					 (long long)y, (mo - 1) / 3 + 1);
			else if (k == CAL_YEAR)
				snprintf(rep.window_name, sizeof rep.window_name, "year %04lld", (long long)y);
			else
				snprintf(rep.window_name, sizeof rep.window_name, "week from %04lld-%02d-%02d",
					 (long long)y, mo, d);
			if (strcmp(ts_zone_name(), "UTC") != 0) {
				size_t l = strlen(rep.window_name);
				snprintf(rep.window_name + l, sizeof rep.window_name - l, " in %s",
					 ts_zone_name());
			}
		}
	}
	rep.has_fail_under = has_fail_under;
	rep.fail_under = fail_under;
	status = EXIT_MET;
	rep.time_based = probes || changes;
	rep.changes = changes && !incidents;
	rep.incidents = incidents;
	if (rep.time_based) {
		time_result(&rep.time, &rep.res, objs[0].target,
			    rep.res.end - rep.res.start - rep.res.excluded_ns);
		rep.below[0] = has_fail_under && rep.time.has_data &&
			       time_below(objs[0].target, &rep.time, fail_under);
		rep.failed[0] = !rep.time.has_data ? !allow_no_data : !rep.time.b.met || rep.below[0];
		if (rep.failed[0])
			status = EXIT_VIOLATED;
	}
	for (size_t i = 0; i < nobj && !rep.time_based; i++) {
		const struct eval_objective_result *o = &rep.res.obj[i];
		rep.budget[i] = budget_events(objs[i].target, o->total, o->bad);
		rep.below[i] = has_fail_under && o->total > 0 &&
			       budget_events_below(objs[i].target, o->total, o->bad, fail_under);
		rep.failed[i] = o->total == 0 ? !allow_no_data : !rep.budget[i].met || rep.below[i];
		if (rep.failed[i])
			status = EXIT_VIOLATED;
	}
	if (sliced && rep.res.has_span &&
	    compute_slices(&rep, ev, objs, nobj, budgeting, slice, slice_target,
			   calendar != CAL_NONE || calendar_given != CAL_NONE || period_text,
			   allow_no_data, has_fail_under,
			   fail_under))
		status = EXIT_VIOLATED;
	else if (sliced)
		status = EXIT_MET;
	if (!groups && rep.res.has_span) {
		compute_burn(&rep, ev, objs, nobj, rules, nrules);
		if (sliced)
			slices_exhaustion(&rep, ev, objs, nobj);
		if (format == REPORT_TEXT && rep.has_burn)
			compute_charts(&rep, ev, objs, nobj, ascii);
		if (by && compute_periods(&rep, ev, objs, nobj, by)) {
			cli_error("out of memory");
			status = EXIT_INPUT;
		}
	}
	if (groups) {
		/* grouped, the verdict is each group's: the whole is not judged */
		status = EXIT_MET;
		memset(rep.failed, 0, sizeof rep.failed);
		memset(rep.below, 0, sizeof rep.below);
		if (report_groups(&rep, groups, objs, nobj, allow_no_data, has_fail_under,
				  fail_under, (size_t)top))
			status = EXIT_VIOLATED;
	}
	if (alerts && !status_is_error(status)) {
		status = replay_report(&rep, ev, objs, nobj, bad_minute, gap,
				       format, quiet);
	} else if (sink) {
		sink->labels = labels;
		sink->nlabels = nlabels;
		status = sink->report(sink, &rep, status);
	} else if (!quiet) {
		print_report(&rep, format, labels, nlabels);
	}
	free(rep.groups);
	for (size_t i = 0; i < nobj; i++)
		free(rep.rows[i]);
	groups_free(groups);
	eval_free(ev);
	filter_free(&where);
	return cli_finish(status);
}
