/* libFuzzer harness: SLO config files (slo eval -c FILE: slo's own YAML,
 * OpenSLO v1, sloth's prometheus/v1), read by slocfg_add_text (libyaml's
 * document loader) and turned into runs by slocfg_finish, with the
 * checks slo eval gives them (zones, --input formats, --log-format).
 *
 * The input is up to four config files separated by NUL bytes (YAML has
 * none): an OpenSLO indicatorRef may name an SLI of another file.  They
 * are named slos.yaml, conf/b.yaml, /etc/slo/c.yaml and d/e/f.yaml, so
 * that relative input files are joined to directories of each kind.
 *
 * Errors are fine when they are one message naming a file read.  A config
 * that loads must hold what slo_config.h promises: 1 to SLOCFG_MAX_RUNS
 * runs, each with a name, its file and line, and `slo eval` options that
 * slo eval takes as they are -- known options, a value where one is due,
 * each value one slo eval's parser accepts (the same functions check it),
 * and exactly one objective (--target or --latency) -- since a run is
 * evaluated as that command line, and a value it refuses would be a
 * usage error of a command the user never typed. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cli/config_checks.h"
#include "cli/ingest.h"
#include "config/slo_config.h"
#include "fuzz.h"
#include "input/filter.h"
#include "input/log_format.h"
#include "input/status.h"
#include "util/calendar.h"
#include "util/duration.h"
#include "util/num.h"
#include "util/timestamp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_CONFIGS 4
static const char *const names[MAX_CONFIGS] = {"slos.yaml", "conf/b.yaml", "/etc/slo/c.yaml",
						"d/e/f.yaml"};

enum value { NONE, TEXT, PCT, LATENCY, WINDOW, CALENDAR, TIME, MONTH, QUARTER, WEEK, BUDGETING,
	     SLICE, PERIOD, FORMAT, LOGFMT, DELIM, UNIT, STATUS, WHERE, DURATION };

/* Every option a config may write, and what its value must be. */
static const struct option_kind {
	const char *name;
	enum value v;
} options[] = {
	{"--target", PCT},           {"--latency", LATENCY},        {"--window", WINDOW},
	{"--calendar", CALENDAR},    {"--from", TIME},              {"--to", TIME},
	{"--month", MONTH},          {"--quarter", QUARTER},        {"--week", WEEK},
	{"--budgeting", BUDGETING},  {"--slice", SLICE},            {"--slice-target", PCT},
	{"--exclude", PERIOD},       {"--input", FORMAT},           {"--log-format", LOGFMT},
	{"--time-col", TEXT},        {"--status-col", TEXT},        {"--latency-col", TEXT},
	{"--total-col", TEXT},       {"--bad-col", TEXT},           {"--good-col", TEXT},
	{"--end-col", TEXT},         {"--no-header", NONE},         {"--delimiter", DELIM},
	{"--latency-unit", UNIT},    {"--status-field", TEXT},      {"--latency-field", TEXT},
	{"--time-field", TEXT},      {"--total-series", TEXT},      {"--bad-series", TEXT},
	{"--good-series", TEXT},     {"--bad-status", STATUS},      {"--where", WHERE},
	{"--group-by", TEXT},        {"--probes", NONE},            {"--changes", NONE},
	{"--incidents", NONE},       {"--interval", DURATION},
};

static bool percent_ok(const char *s)
{
	int64_t f;
	return num_parse_percent(s, &f) == NUM_OK && f > 0 && f < FRAC_ONE;
}

/* As slo eval's --from and --to (cli_time): a time, whole minutes. */
static bool time_ok(const char *s)
{
	int64_t t;
	return ts_parse(s, strlen(s), &t) == NUM_OK && t % NS_PER_MIN == 0;
}

static bool named_ok(const char *s, enum cal_kind want)
{
	enum cal_kind k;
	int64_t a, b;
	return cal_named(s, &k, &a, &b) == NUM_OK && k == want;
}

/* As slo eval's --exclude (cli_period): START/END or START/DURATION,
 * ending after it starts. */
static bool period_ok(const char *s)
{
	const char *slash = strchr(s, '/');
	int64_t start, end, len;
	if (!slash || ts_parse(s, (size_t)(slash - s), &start) != NUM_OK)
		return false;
	if (ts_parse(slash + 1, strlen(slash + 1), &end) != NUM_OK) {
		if (duration_parse(slash + 1, &len) != NUM_OK || start > INT64_MAX - len)
			return false;
		end = start + len;
	}
	return end > start;
}

static bool value_ok(enum value v, const char *s)
{
	int64_t ns;
	char why[256];
	switch (v) {
	case NONE:
		return true;
	case TEXT:
		return *s != '\0';
	case PCT:
		return percent_ok(s);
	case LATENCY: {
		/* DURATION:PCT, as parse_latency_opt reads it */
		const char *colon = strchr(s, ':');
		char dur[64];
		if (!colon || (size_t)(colon - s) >= sizeof dur)
			return false;
		memcpy(dur, s, (size_t)(colon - s));
		dur[colon - s] = '\0';
		return duration_parse(dur, &ns) == NUM_OK && ns > 0 && percent_ok(colon + 1);
	}
	case WINDOW:
		return duration_parse(s, &ns) == NUM_OK && ns > 0 && ns % NS_PER_S == 0;
	case CALENDAR: {
		enum cal_kind k = cal_kind_parse(s);
		return k != CAL_NONE && k != CAL_DAY;
	}
	case TIME:
		return time_ok(s);
	case MONTH:
		return named_ok(s, CAL_MONTH);
	case QUARTER:
		return named_ok(s, CAL_QUARTER);
	case WEEK:
		return named_ok(s, CAL_WEEK);
	case BUDGETING:
		return strcmp(s, "occurrences") == 0 || strcmp(s, "timeslices") == 0 ||
		       strcmp(s, "ratio-timeslices") == 0;
	case SLICE:
		return duration_parse(s, &ns) == NUM_OK && ns > 0 && ns % NS_PER_MIN == 0;
	case PERIOD:
		return period_ok(s);
	case FORMAT:
		return ingest_check_format(s) == 0;
	case LOGFMT:
		return config_checks.log_format(s, why, sizeof why) == 0;
	case DELIM:
		return strcmp(s, ",") == 0 || strcmp(s, ";") == 0 || strcmp(s, "tab") == 0;
	case UNIT:
		return strcmp(s, "s") == 0 || strcmp(s, "ms") == 0 || strcmp(s, "us") == 0 ||
		       strcmp(s, "ns") == 0;
	case STATUS: {
		struct status_set set;
		return status_set_parse(&set, s, why, sizeof why) == 0;
	}
	case WHERE: {
		struct filter f = {0};
		int bad = filter_add(&f, s, why, sizeof why);
		filter_free(&f);
		return bad == 0;
	}
	case DURATION:
		return duration_parse(s, &ns) == NUM_OK && ns > 0;
	}
	return false;
}

static void check_run(const struct slocfg_run *r, size_t nconfigs)
{
	FUZZ_ASSERT(memchr(r->name, '\0', sizeof r->name) && r->name[0]);
	FUZZ_ASSERT(memchr(r->slo, '\0', sizeof r->slo) && r->slo[0]);
	size_t f = 0;
	while (f < nconfigs && !(r->file && strcmp(r->file, names[f]) == 0))
		f++;
	FUZZ_ASSERT(f < nconfigs);
	FUZZ_ASSERT(r->line >= 1);
	FUZZ_ASSERT(r->format == SLOCFG_NATIVE || r->format == SLOCFG_OPENSLO ||
		    r->format == SLOCFG_SLOTH);
	FUZZ_ASSERT(!r->tz || config_checks.zone(r->tz, NULL, 0) == 0);

	FUZZ_ASSERT(r->nfiles <= SLOCFG_MAX_FILES);
	const char *slash = strrchr(r->file, '/');
	size_t dl = slash ? (size_t)(slash - r->file) + 1 : 0;
	for (size_t i = 0; i < r->nfiles; i++) {
		const char *p = r->files[i];
		FUZZ_ASSERT(p && *p);
		/* a relative name is of the config file's directory */
		FUZZ_ASSERT(p[0] == '/' || strcmp(p, "-") == 0 || strncmp(p, r->file, dl) == 0);
	}

	FUZZ_ASSERT(r->argc <= SLOCFG_MAX_ARGS);
	size_t objectives = 0;
	const char *from = NULL, *to = NULL;
	for (size_t i = 0; i < r->argc; i++) {
		const char *o = r->argv[i];
		size_t k = 0;
		FUZZ_ASSERT(o != NULL);
		while (k < sizeof options / sizeof options[0] && strcmp(options[k].name, o) != 0)
			k++;
		if (k == sizeof options / sizeof options[0]) {
			fprintf(stderr, "not an option of slo eval: \"%s\"\n", o);
			FUZZ_ASSERT(!"an option slo eval knows");
		}
		objectives += options[k].v == PCT && strcmp(o, "--target") == 0;
		objectives += options[k].v == LATENCY;
		if (options[k].v == NONE)
			continue;
		FUZZ_ASSERT(i + 1 < r->argc && r->argv[i + 1] != NULL);
		if (!value_ok(options[k].v, r->argv[i + 1])) {
			fprintf(stderr, "slo eval refuses %s \"%s\"\n", o, r->argv[i + 1]);
			FUZZ_ASSERT(!"a value slo eval takes");
		}
		if (strcmp(o, "--from") == 0)
			from = r->argv[i + 1];
		if (strcmp(o, "--to") == 0)
			to = r->argv[i + 1];
		i++;
	}
	FUZZ_ASSERT(objectives == 1);
	/* and of the two bounds, slo eval wants --to after --from */
	int64_t a, b;
	if (from && to && ts_parse(from, strlen(from), &a) == NUM_OK &&
	    ts_parse(to, strlen(to), &b) == NUM_OK && b <= a) {
		fprintf(stderr, "slo eval refuses --from %s --to %s\n", from, to);
		FUZZ_ASSERT(!"a window that ends after it starts");
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[1024];
	struct slocfg *c = slocfg_new(&config_checks);
	if (!c)
		abort();

	/* each file in a block of its exact size: a read past it shows */
	const char *p = (const char *)data, *end = p + size;
	size_t nconfigs = 0;
	int rc = 0;
	while (nconfigs < MAX_CONFIGS && rc == 0) {
		const char *nul = memchr(p, '\0', (size_t)(end - p));
		size_t len = (size_t)((nul && nconfigs + 1 < MAX_CONFIGS ? nul : end) - p);
		char *text = fuzz_dup(p, len, 0);
		err[0] = '\0';
		rc = slocfg_add_text(c, names[nconfigs], text, len, err, sizeof err);
		free(text);
		nconfigs++;
		if (!nul || nconfigs == MAX_CONFIGS)
			break;
		p = nul + 1;
	}
	if (rc == 0) {
		err[0] = '\0';
		rc = slocfg_finish(c, err, sizeof err);
	}
	if (rc != 0) {
		/* "FILE:LINE: FIELD: what was expected", of a file read */
		FUZZ_ASSERT(memchr(err, '\0', sizeof err) && err[0]);
		size_t f = 0;
		while (f < nconfigs && !(strncmp(err, names[f], strlen(names[f])) == 0 &&
					 err[strlen(names[f])] == ':'))
			f++;
		FUZZ_ASSERT(f < nconfigs);
		slocfg_free(c);
		return 0;
	}
	size_t n = slocfg_count(c);
	FUZZ_ASSERT(n >= 1 && n <= SLOCFG_MAX_RUNS);
	for (size_t i = 0; i < n; i++) {
		const struct slocfg_run *r = slocfg_run(c, i);
		FUZZ_ASSERT(r != NULL);
		check_run(r, nconfigs);
	}
	FUZZ_ASSERT(slocfg_run(c, n) == NULL);
	slocfg_free(c);
	return 0;
}
