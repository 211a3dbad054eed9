/* The output formats of --format besides text and JSON: CSV and TSV for
 * spreadsheets and scripts, the Prometheus text exposition for
 * node_exporter's textfile collector, and markdown for CI job summaries.
 * Their columns and metrics are documented in slo(1) and only grow. */
#ifndef SLO_REPORT_FORMATS_H
#define SLO_REPORT_FORMATS_H

#include <stdio.h>

#include "report/cells.h"
#include "report/report.h"

enum report_format {
	REPORT_TEXT,
	REPORT_JSON,
	REPORT_CSV,
	REPORT_TSV,
	REPORT_PROM,
	REPORT_MARKDOWN,
};

/* Parses a --format name (text, json, csv, tsv, prom, markdown); returns
 * 0, or -1 when it is none of them. */
int report_format_parse(const char *s, enum report_format *f);

/* The names, for messages: "text, json, csv, tsv, prom or markdown". */
const char *report_format_names(void);

/* slo eval: a header and a row per objective (per group and objective
 * with --group-by); kind is CELLS_CSV or CELLS_TSV.  Flags for the
 * reports of several runs one after the other (slo eval -c): no header
 * row, and a group column even without --group-by. */
#define REPORT_TABLE_NO_HEADER 1u
#define REPORT_TABLE_GROUP 2u
void report_eval_table(FILE *out, const struct report_eval *r, enum cells_kind kind,
		       unsigned flags);

/* slo eval: Prometheus text exposition, each metric family once.
 * labels[0..nlabels) are "NAME=VALUE" pairs (checked: report_prom_label)
 * added to every sample, so that the files of several runs can be read
 * side by side.  run_slo, when not NULL, labels the samples of the whole
 * run (window, records) slo=run_slo, as each SLO of a config file has a
 * window of its own. */
void report_eval_prom(FILE *out, const struct report_eval *r, const char *const *labels,
		      size_t nlabels, const char *run_slo);

/* Checks a --label "NAME=VALUE": a Prometheus label name that is not one
 * of slo's own (slo, group, window, alert, severity) nor reserved (__);
 * returns 0, or -1 with the reason in why. */
int report_prom_label(const char *s, char *why, size_t size);

/* slo eval: a GitHub-flavoured markdown table and a one-line verdict. */
void report_eval_markdown(FILE *out, const struct report_eval *r);

/* slo calc: a row per window, as CSV, TSV or markdown. */
void report_calc_table(FILE *out, const struct report_calc *c, enum cells_kind kind);

/* slo alerts --replay: a row per firing of a rule, as CSV, TSV or
 * markdown (with the incidents after it, in markdown). */
void report_replay_table(FILE *out, const struct report_eval *r, const struct replay *rp,
			 enum cells_kind kind);

#endif
