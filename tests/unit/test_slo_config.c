/* config/slo_config: YAML SLO files (slo's own, OpenSLO v1, sloth) into
 * `slo eval` options, and their errors with file, line and field. */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/slo_config.h"

/* A zone check that knows two zones, as the caller's would. */
static int zone_ok(const char *name, char *why, size_t whylen)
{
	(void)why;
	(void)whylen;
	return strcmp(name, "UTC") == 0 || strcmp(name, "Europe/Berlin") == 0 ? 0 : -1;
}

static const struct slocfg_checks checks = {zone_ok, NULL, NULL};

/* Loads text as the file name; returns the config, or NULL with err. */
static struct slocfg *load(const char *name, const char *text, char *err, size_t errlen)
{
	struct slocfg *c = slocfg_new(&checks);
	assert_non_null(c);
	err[0] = '\0';
	if (slocfg_add_text(c, name, text, strlen(text), err, errlen) ||
	    slocfg_finish(c, err, errlen)) {
		slocfg_free(c);
		return NULL;
	}
	return c;
}

/* A run's options, space-separated. */
static const char *args(const struct slocfg_run *r)
{
	static char buf[2048];
	buf[0] = '\0';
	for (size_t i = 0; i < r->argc; i++) {
		size_t l = strlen(buf);
		snprintf(buf + l, sizeof buf - l, "%s%s", i ? " " : "", r->argv[i]);
	}
	return buf;
}

/* The error text loads gives; the test fails when the text loads. */
static void expect_error(const char *text, const char *want)
{
	char err[1024];
	struct slocfg *c = load("slos.yaml", text, err, sizeof err);
	if (c) {
		slocfg_free(c);
		fail_msg("loaded, expected: %s", want);
	}
	assert_string_equal(err, want);
}

static void test_native(void **state)
{
	char err[1024];
	(void)state;
	struct slocfg *c = load("conf/slos.yaml",
				"version: 1\n"
				"defaults:\n"
				"  window: 30d\n"
				"  input:\n"
				"    files: [a.log, /var/log/b.log]\n"
				"    format: combined\n"
				"slos:\n"
				"  - name: avail\n"
				"    target: 99.9%\n"
				"    input:\n"
				"      bad-status: 5xx,429\n"
				"      where:\n"
				"        - path~^/api\n"
				"        - method!=HEAD\n"
				"  - name: fast\n"
				"    kind: latency\n"
				"    threshold: 250ms\n"
				"    target: 99\n"
				"    window: {calendar: month}\n"
				"    tz: Europe/Berlin\n"
				"    input: {files: c.log}\n"
				"  - name: up\n"
				"    kind: uptime\n"
				"    target: '99.5'\n"
				"    budgeting: timeslices\n"
				"    slice: 5m\n"
				"    slice-target: 95\n"
				"    input: {samples: probes, interval: 1m}\n",
				err, sizeof err);
	if (!c)
		fail_msg("%s", err);
	assert_int_equal(slocfg_count(c), 3);

	const struct slocfg_run *r = slocfg_run(c, 0);
	assert_string_equal(r->name, "avail");
	assert_int_equal(r->line, 8);
	assert_int_equal(r->format, SLOCFG_NATIVE);
	assert_string_equal(args(r), "--target 99.9 --window 2592000s --bad-status 5xx,429 "
				     "--where path~^/api --where method!=HEAD --input combined");
	/* relative files are the config file's directory's */
	assert_int_equal(r->nfiles, 2);
	assert_string_equal(r->files[0], "conf/a.log");
	assert_string_equal(r->files[1], "/var/log/b.log");
	assert_null(r->tz);

	r = slocfg_run(c, 1);
	assert_string_equal(args(r), "--latency 250000000ns:99 --calendar month --input combined");
	assert_string_equal(r->tz, "Europe/Berlin");
	assert_int_equal(r->nfiles, 1);
	assert_string_equal(r->files[0], "conf/c.log");

	r = slocfg_run(c, 2);
	assert_string_equal(args(r), "--target 99.5 --window 2592000s --budgeting timeslices "
				     "--slice 5m --slice-target 95 --probes --interval 1m "
				     "--input combined");
	slocfg_free(c);
}

static void test_native_windows(void **state)
{
	char err[1024];
	(void)state;
	struct slocfg *c = load("s.yaml",
				"slos:\n"
				"  - {name: a, target: 99, window: quarter}\n"
				"  - {name: b, target: 99, window: span}\n"
				"  - {name: c, target: 99, window: {month: 2026-10}}\n"
				"  - {name: d, target: 99, window: {rolling: 1h, to: 2026-10-02},\n"
				"     exclude: [2026-10-01T02:00Z/2h, 2026-10-01T05:00Z/2026-10-01T06:00Z]}\n",
				err, sizeof err);
	if (!c)
		fail_msg("%s", err);
	assert_string_equal(args(slocfg_run(c, 0)), "--target 99 --calendar quarter");
	assert_string_equal(args(slocfg_run(c, 1)), "--target 99");
	assert_string_equal(args(slocfg_run(c, 2)), "--target 99 --month 2026-10");
	assert_string_equal(args(slocfg_run(c, 3)), "--target 99 --window 3600s --to 2026-10-02 "
						     "--exclude 2026-10-01T02:00Z/2h "
						     "--exclude 2026-10-01T05:00Z/2026-10-01T06:00Z");
	slocfg_free(c);
}

static void test_native_errors(void **state)
{
	(void)state;
	expect_error("slos:\n"
		     "  - name: a\n"
		     "    target: 100\n",
		     "slos.yaml:3: slos[0].target: expected a percentage strictly between 0 and "
		     "100 (at most 7 decimals), got \"100\"");
	/* a value's line breaks and control bytes are escaped: one line */
	expect_error("slos:\n"
		     "  - name: a\n"
		     "    target: \"99\\n9\\t\\x01\"\n",
		     "slos.yaml:3: slos[0].target: expected a percentage strictly between 0 and "
		     "100 (at most 7 decimals), got \"99\\n9\\t\\x01\"");
	expect_error("slos:\n"
		     "  - name: a\n"
		     "    taget: 99\n",
		     "slos.yaml:3: slos[0]: unknown key \"taget\" (known: name, description, kind, "
		     "target, threshold, window, tz, budgeting, slice, slice-target, exclude, "
		     "input)");
	expect_error("slos:\n"
		     "  - name: a\n"
		     "    kind: latency\n"
		     "    target: 99\n",
		     "slos.yaml:2: slos[0]: a latency SLO needs a threshold, such as 300ms");
	expect_error("slos:\n"
		     "  - name: a\n"
		     "    target: 99\n"
		     "    window: 30 days\n",
		     "slos.yaml:4: slos[0].window: expected a rolling duration such as 30d, a "
		     "calendar period (week, month, quarter, year) or span, got \"30 days\"");
	expect_error("defaults:\n"
		     "  window: fortnight\n"
		     "slos:\n"
		     "  - {name: a, target: 99}\n",
		     "slos.yaml:2: defaults.window: expected a rolling duration such as 30d, a "
		     "calendar period (week, month, quarter, year) or span, got \"fortnight\"");
	expect_error("slos:\n"
		     "  - name: a\n"
		     "    target: 99\n"
		     "    input:\n"
		     "      status: code\n",
		     "slos.yaml:5: slos[0].input: unknown key \"status\" (known: files, format, "
		     "log-format, time-col, status-col, latency-col, total-col, bad-col, good-col, "
		     "end-col, no-header, delimiter, latency-unit, status-field, latency-field, "
		     "time-field, total-series, bad-series, good-series, bad-status, where, "
		     "group-by, samples, interval)");
	expect_error("slos:\n"
		     "  - name: a\n"
		     "    target: 99\n"
		     "    input:\n"
		     "      bad-status: 5xx,99\n",
		     "slos.yaml:5: slos[0].input.bad-status: \"99\" is not a status code (100-599), "
		     "a class such as 5xx, or a range such as 500-504");
	expect_error("slos:\n"
		     "  - name: a\n"
		     "    target: 99\n"
		     "    input: {where: [path]}\n",
		     "slos.yaml:4: slos[0].input.where[0]: \"path\" is not FIELD=VALUE, "
		     "FIELD!=VALUE, FIELD~REGEX or FIELD!~REGEX");
	expect_error("slos:\n"
		     "  - name: a\n"
		     "    kind: uptime\n"
		     "    target: 99\n",
		     "slos.yaml:2: slos[0]: kind: uptime needs input samples: probes, changes or "
		     "incidents");
	expect_error("slos:\n"
		     "  - name: a\n"
		     "    target: 99\n"
		     "    slice: 5m\n",
		     "slos.yaml:4: slos[0].slice: a slice is for budgeting: timeslices or "
		     "ratio-timeslices");
	expect_error("slos:\n"
		     "  - name: a\n"
		     "    target: 99\n"
		     "    tz: Mars/Olympus\n",
		     "slos.yaml:4: slos[0].tz: \"Mars/Olympus\" is not a zone of the time zone "
		     "database (an IANA name such as Europe/Berlin, or UTC)");
	expect_error("slos:\n"
		     "  - name: a\n"
		     "    target: 99\n"
		     "    window: {rolling: 1d, to: yesterday}\n",
		     "slos.yaml:4: slos[0].window.to: expected a time such as 2026-10-01 or "
		     "2026-10-01T12:00:00Z, got \"yesterday\"");
	expect_error("slos:\n"
		     "  - name: a\n"
		     "    target: 99\n"
		     "    exclude:\n"
		     "      - 2026-10-01T02:00Z/2h\n"
		     "      - 2026-10-01T02:00Z/soon\n",
		     "slos.yaml:6: slos[0].exclude[1]: expected START/END or START/DURATION, such as "
		     "2026-10-01T02:00Z/2h, got \"2026-10-01T02:00Z/soon\"");
	/* what slo eval's --exclude, --from and --to refuse is refused
	 * here, naming the field (the exclusion found by fuzz/fuzz_config):
	 * the run was a usage error of options the user never typed */
	expect_error("slos:\n"
		     "  - name: a\n"
		     "    target: 99\n"
		     "    exclude: 2026-10-01T06:00Z/2026-10-01T02:00Z\n",
		     "slos.yaml:4: slos[0].exclude: \"2026-10-01T06:00Z/2026-10-01T02:00Z\" ends "
		     "before it starts");
	expect_error("slos:\n"
		     "  - name: a\n"
		     "    target: 99\n"
		     "    window: {from: '2026-10-01T00:00:30Z'}\n",
		     "slos.yaml:4: slos[0].window.from: window bounds are whole minutes, got "
		     "\"2026-10-01T00:00:30Z\"");
	expect_error("slos:\n"
		     "  - name: a\n"
		     "    target: 99\n"
		     "    window: {from: 2026-10-02, to: 2026-10-01}\n",
		     "slos.yaml:4: slos[0].window.to: \"2026-10-01\" is not after from \"2026-10-02\"");
	expect_error("slos:\n"
		     "  - target: 99\n",
		     "slos.yaml:2: slos[0]: an SLO needs a name");
	expect_error("slos: []\n", "slos.yaml: no SLO to evaluate");
	expect_error("slos:\n"
		     "  - name: [a\n",
		     "slos.yaml:3: not valid YAML: did not find expected ',' or ']' while parsing a "
		     "flow sequence");
	expect_error("hello: world\n",
		     "slos.yaml:1: (top): not an SLO file: expected slos: (slo's format), "
		     "apiVersion: openslo/v1, or version: prometheus/v1 (sloth)");
}

/* An OpenSLO SLO around one objective, with its indicator's annotations. */
#define OPENSLO_HEAD                                                                             \
	"apiVersion: openslo/v1\n"                                                               \
	"kind: SLO\n"                                                                            \
	"metadata:\n"                                                                            \
	"  name: checkout\n"                                                                     \
	"spec:\n"                                                                                \
	"  indicator:\n"                                                                         \
	"    metadata:\n"                                                                        \
	"      name: ind\n"                                                                      \
	"      annotations:\n"                                                                   \
	"        slo.input/files: a.csv, b.csv\n"                                                \
	"        slo.input/status-col: code\n"                                                   \
	"        slo.input/latency-col: took\n"                                                  \
	"        slo.input/value-unit: ms\n"                                                     \
	"    spec:\n"

static void test_openslo(void **state)
{
	char err[1024];
	(void)state;
	struct slocfg *c = load("d/o.yaml",
				OPENSLO_HEAD
				"      ratioMetric:\n"
				"        good: {metricSource: {type: Prometheus}}\n"
				"        total: {metricSource: {type: Prometheus}}\n"
				"  timeWindow:\n"
				"    - duration: 1M\n"
				"      isRolling: false\n"
				"      calendar:\n"
				"        startTime: 2026-01-01 00:00:00\n"
				"        timeZone: Europe/Berlin\n"
				"  budgetingMethod: Timeslices\n"
				"  objectives:\n"
				"    - displayName: internal\n"
				"      target: 0.995\n"
				"      timeSliceTarget: 0.9\n"
				"      timeSliceWindow: 5\n"
				"    - displayName: SLA\n"
				"      targetPercent: 99\n"
				"      timeSliceTarget: 0.95\n"
				"      timeSliceWindow: 1h\n",
				err, sizeof err);
	if (!c)
		fail_msg("%s", err);
	assert_int_equal(slocfg_count(c), 2);
	const struct slocfg_run *r = slocfg_run(c, 0);
	assert_string_equal(r->name, "checkout: internal");
	assert_string_equal(r->slo, "checkout");
	assert_int_equal(r->line, 1);
	assert_int_equal(r->format, SLOCFG_OPENSLO);
	assert_string_equal(r->tz, "Europe/Berlin");
	assert_string_equal(args(r), "--status-col code --latency-col took --calendar month "
				     "--budgeting timeslices --target 99.5 --slice 5m "
				     "--slice-target 90");
	assert_int_equal(r->nfiles, 2);
	assert_string_equal(r->files[0], "d/a.csv");
	assert_string_equal(r->files[1], "d/b.csv");
	r = slocfg_run(c, 1);
	assert_string_equal(r->name, "checkout: SLA");
	assert_string_equal(args(r), "--status-col code --latency-col took --calendar month "
				     "--budgeting timeslices --target 99 --slice 60m "
				     "--slice-target 95");
	slocfg_free(c);

	/* a threshold: lt is below the value, lte at most the value */
	c = load("o.yaml",
		 OPENSLO_HEAD
		 "      thresholdMetric: {metricSource: {type: Any}}\n"
		 "  timeWindow: [{duration: 28d, isRolling: true}]\n"
		 "  objectives:\n"
		 "    - {op: lt, value: 500, target: 0.99}\n",
		 err, sizeof err);
	if (!c)
		fail_msg("%s", err);
	assert_string_equal(args(slocfg_run(c, 0)), "--status-col code --latency-col took "
						     "--window 2419200s --latency 499999999ns:99");
	slocfg_free(c);
	c = load("o.yaml",
		 OPENSLO_HEAD
		 "      thresholdMetric: {metricSource: {type: Any}}\n"
		 "  objectives:\n"
		 "    - {op: lte, value: 0.25, targetPercent: 99.9}\n",
		 err, sizeof err);
	if (!c)
		fail_msg("%s", err);
	assert_string_equal(args(slocfg_run(c, 0)), "--status-col code --latency-col took "
						     "--latency 250000ns:99.9");
	slocfg_free(c);
}

/* An SLI document referred to from an SLO of another document. */
static void test_openslo_indicator_ref(void **state)
{
	char err[1024];
	(void)state;
	struct slocfg *c = load("m.yaml",
				"apiVersion: openslo/v1\n"
				"kind: SLO\n"
				"metadata: {name: web}\n"
				"spec:\n"
				"  indicatorRef: web-errors\n"
				"  budgetingMethod: Occurrences\n"
				"  objectives: [{target: 0.999}]\n"
				"---\n"
				"apiVersion: openslo/v1\n"
				"kind: DataSource\n"
				"metadata: {name: prom}\n"
				"spec: {type: Prometheus}\n"
				"---\n"
				"apiVersion: openslo/v1\n"
				"kind: SLI\n"
				"metadata:\n"
				"  name: web-errors\n"
				"  annotations: {slo.input/format: combined, slo.input/bad-status: 5xx}\n"
				"spec:\n"
				"  ratioMetric:\n"
				"    bad: {metricSource: {metricSourceRef: prom}}\n"
				"    total: {metricSource: {metricSourceRef: prom}}\n",
				err, sizeof err);
	if (!c)
		fail_msg("%s", err);
	assert_int_equal(slocfg_count(c), 1);
	assert_string_equal(slocfg_run(c, 0)->name, "web");
	assert_string_equal(args(slocfg_run(c, 0)), "--input combined --bad-status 5xx "
						     "--target 99.9");
	assert_int_equal(slocfg_run(c, 0)->nfiles, 0);
	slocfg_free(c);

	expect_error("apiVersion: openslo/v1\n"
		     "kind: SLO\n"
		     "metadata: {name: web}\n"
		     "spec:\n"
		     "  indicatorRef: nowhere\n"
		     "  objectives: [{target: 0.999}]\n",
		     "slos.yaml:5: spec.indicatorRef: no SLI named \"nowhere\" (kind: SLI, "
		     "metadata.name) in the files read");
}

static void test_openslo_errors(void **state)
{
	(void)state;
	expect_error(OPENSLO_HEAD
		     "      ratioMetric: {good: {}, total: {}}\n"
		     "  objectives:\n"
		     "    - target: 99.9\n",
		     "slos.yaml:17: spec.objectives[0].target: expected a number between 0 and 1, "
		     "got \"99.9\"");
	expect_error(OPENSLO_HEAD
		     "      ratioMetric: {good: {}, total: {}}\n"
		     "  objectives:\n"
		     "    - {target: 0.99, targetPercent: 99}\n",
		     "slos.yaml:17: spec.objectives[0]: give target or targetPercent, not both");
	expect_error(OPENSLO_HEAD
		     "      thresholdMetric: {metricSource: {type: Any}}\n"
		     "  objectives:\n"
		     "    - op: gte\n"
		     "      value: 200\n"
		     "      target: 0.99\n",
		     "slos.yaml:17: spec.objectives[0].op: gte counts values above the threshold as "
		     "good; slo judges latencies, good at or under it: use lt or lte");
	expect_error(OPENSLO_HEAD
		     "      ratioMetric: {good: {}, total: {}}\n"
		     "  timeWindow:\n"
		     "    - duration: 1M\n"
		     "      calendar: {startTime: 2026-01-15 00:00:00, timeZone: UTC}\n"
		     "  objectives: [{target: 0.99}]\n",
		     "slos.yaml:18: spec.timeWindow[0].calendar.startTime: 2026-01-15 00:00:00: slo's "
		     "calendar months start on the 1st of a month at 00:00 (in the zone)");
	expect_error(OPENSLO_HEAD
		     "      ratioMetric: {good: {}, total: {}}\n"
		     "  timeWindow: [{duration: 30 days, isRolling: true}]\n"
		     "  objectives: [{target: 0.99}]\n",
		     "slos.yaml:16: spec.timeWindow[0].duration: expected a duration shorthand such "
		     "as 28d, 4w or 1M (m h d w M Q Y), got \"30 days\"");
	/* durations past 64 bits of ns: a signed overflow once */
	expect_error(OPENSLO_HEAD
		     "      ratioMetric: {good: {}, total: {}}\n"
		     "  timeWindow: [{duration: 1000Y, isRolling: true}]\n"
		     "  objectives: [{target: 0.99}]\n",
		     "slos.yaml:16: spec.timeWindow[0].duration: expected a duration shorthand such "
		     "as 28d, 4w or 1M (m h d w M Q Y), got \"1000Y\"");
	expect_error(OPENSLO_HEAD
		     "      ratioMetric: {good: {}, total: {}}\n"
		     "  budgetingMethod: Timeslices\n"
		     "  objectives: [{target: 0.99, timeSliceWindow: 100000w, timeSliceTarget: 0.9}]\n",
		     "slos.yaml:17: spec.objectives[0].timeSliceWindow: expected minutes or a "
		     "duration shorthand such as 1m or 5m, got \"100000w\"");
	expect_error(OPENSLO_HEAD
		     "      ratioMetric: {good: {}, total: {}}\n"
		     "  budgetingMethod: Timeslices\n"
		     "  objectives: [{target: 0.99, timeSliceWindow: 1m}]\n",
		     "slos.yaml:17: spec.objectives[0]: Timeslices budgeting needs a "
		     "timeSliceTarget");
	expect_error(OPENSLO_HEAD
		     "      ratioMetric: {good: {}, total: {}}\n"
		     "  objectives: [{target: 0.99}]\n"
		     "  alertPolicies:\n"
		     "    - alertPolicyRef: page\n",
		     "slos.yaml:17: spec.alertPolicies: alert policies need an alerting backend; "
		     "slo reports burn-rate alerts with its own policy (--alert): leave them out");
	/* without annotations slo cannot read the indicator */
	expect_error("apiVersion: openslo/v1\n"
		     "kind: SLO\n"
		     "metadata: {name: x}\n"
		     "spec:\n"
		     "  indicator:\n"
		     "    metadata: {name: i}\n"
		     "    spec:\n"
		     "      ratioMetric:\n"
		     "        good: {metricSource: {type: Datadog, spec: {query: q}}}\n"
		     "        total: {metricSource: {type: Datadog, spec: {query: q}}}\n"
		     "  objectives: [{target: 0.98}]\n",
		     "slos.yaml:8: spec.indicator.spec.ratioMetric: a query of metric source "
		     "\"Datadog\" that slo cannot run: say which records to read with slo.input/ "
		     "annotations (slo(1), OpenSLO)");
	expect_error("apiVersion: openslo/v1\n"
		     "kind: SLO\n"
		     "metadata:\n"
		     "  name: x\n"
		     "  annotations: {slo.input/status: code}\n"
		     "spec:\n"
		     "  indicator: {metadata: {name: i}, spec: {ratioMetric: {}}}\n"
		     "  objectives: [{target: 0.98}]\n",
		     "slos.yaml:5: metadata.annotations.\"slo.input/status\": unknown slo annotation "
		     "(known: slo.input/files, slo.input/format, slo.input/log-format, "
		     "slo.input/time-col, slo.input/status-col, slo.input/latency-col, "
		     "slo.input/total-col, slo.input/bad-col, slo.input/good-col, slo.input/end-col, "
		     "slo.input/no-header, slo.input/delimiter, slo.input/latency-unit, "
		     "slo.input/status-field, slo.input/latency-field, slo.input/time-field, "
		     "slo.input/total-series, slo.input/bad-series, slo.input/good-series, "
		     "slo.input/bad-status, slo.input/where, slo.input/group-by, slo.input/samples, "
		     "slo.input/interval, slo.input/value-unit, slo.input/tz)");
	expect_error("apiVersion: openslo/v1alpha\n"
		     "kind: SLO\n",
		     "slos.yaml:1: apiVersion: \"openslo/v1alpha\": slo reads openslo/v1 (and "
		     "sloth's prometheus/v1, and its own format)");
	expect_error(OPENSLO_HEAD
		     "      thresholdMetric: {metricSource: {type: Any}}\n"
		     "  objectives: [{op: lt, value: 300, target: 0.99}]\n"
		     "---\n"
		     "apiVersion: openslo/v1\n"
		     "kind: SLO\n"
		     "metadata: {name: y}\n"
		     "spec:\n"
		     "  indicator:\n"
		     "    metadata: {name: i, annotations: {slo.input/latency-col: t}}\n"
		     "    spec: {thresholdMetric: {metricSource: {type: Any}}}\n"
		     "  objectives: [{op: lt, value: 300, target: 0.99}]\n",
		     "slos.yaml:25: spec.objectives[0].value: 300 has no unit: say it with the "
		     "annotation slo.input/value-unit: s, ms, us or ns");
}

static void test_sloth(void **state)
{
	char err[1024];
	(void)state;
	struct slocfg *c = load("sloth.yaml",
				"version: \"prometheus/v1\"\n"
				"service: \"myservice\"\n"
				"labels: {owner: myteam}\n"
				"annotations:\n"
				"  slo.input/files: access.log\n"
				"slos:\n"
				"  - name: \"requests-availability\"\n"
				"    objective: 99.9\n"
				"    annotations: {slo.input/bad-status: \"5xx,429\"}\n"
				"    sli:\n"
				"      events:\n"
				"        error_query: sum(rate(x{code=~\"(5..|429)\"}[{{.window}}]))\n"
				"        total_query: sum(rate(x[{{.window}}]))\n"
				"    alerting:\n"
				"      name: MyServiceHighErrorRate\n"
				"      page_alert: {labels: {severity: pageteam}}\n",
				err, sizeof err);
	if (!c)
		fail_msg("%s", err);
	assert_int_equal(slocfg_count(c), 1);
	const struct slocfg_run *r = slocfg_run(c, 0);
	assert_string_equal(r->name, "myservice/requests-availability");
	assert_int_equal(r->line, 7);
	assert_int_equal(r->format, SLOCFG_SLOTH);
	assert_string_equal(args(r), "--target 99.9 --window 2592000s --bad-status 5xx,429");
	assert_int_equal(r->nfiles, 1);
	assert_string_equal(r->files[0], "access.log");
	slocfg_free(c);

	expect_error("version: prometheus/v1\n"
		     "service: s\n"
		     "slos:\n"
		     "  - name: a\n"
		     "    objective: 99.9\n"
		     "    sli:\n"
		     "      raw:\n"
		     "        error_ratio_query: x\n",
		     "slos.yaml:6: slos[0].sli: a Prometheus query that slo cannot run: say which "
		     "records to read with slo.input/ annotations (slo(1), sloth)");
	expect_error("version: prometheus/v1\n"
		     "service: s\n"
		     "slos:\n"
		     "  - name: a\n"
		     "    objective: 100\n"
		     "    sli: {events: {error_query: x, total_query: y}}\n",
		     "slos.yaml:5: slos[0].objective: expected a percentage strictly between 0 and "
		     "100 (at most 7 decimals), got \"100\"");
	expect_error("version: prometheus/v1\n"
		     "service: s\n"
		     "slos:\n"
		     "  - name: a\n"
		     "    objective: 99\n"
		     "    sli:\n"
		     "      plugin: {id: sloth-common/kubernetes/apiserver/availability}\n",
		     "slos.yaml:7: slos[0].sli: a sloth plugin SLI is Prometheus rules that slo "
		     "cannot run");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_native),
		cmocka_unit_test(test_native_windows),
		cmocka_unit_test(test_native_errors),
		cmocka_unit_test(test_openslo),
		cmocka_unit_test(test_openslo_indicator_ref),
		cmocka_unit_test(test_openslo_errors),
		cmocka_unit_test(test_sloth),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
