/* Reading `slo eval`'s inputs into the evaluator: each file's format is
 * told (or given), its records counted, and its malformed records skipped
 * with a file:line message -- the first few shown, all counted. */
#ifndef SLO_CLI_INGEST_H
#define SLO_CLI_INGEST_H

#include <stdbool.h>
#include <stdint.h>

#include "eval/evaluator.h"
#include "eval/groups.h"
#include "input/filter.h"
#include "input/csv_columns.h"
#include "report/report.h"
#include "util/bytes.h"

struct ingest {
	/* set by the caller */
	const struct csv_columns_config *cfg;
	const char *input;      /* --input: NULL/"auto", "csv", or a layout */
	const char *log_format; /* --log-format, or NULL */
	const char *status_field, *latency_field, *time_field; /* JSON lines */
	const char *total_series, *bad_series, *good_series;  /* Prometheus */
	char delim;             /* --delimiter, or 0 */
	bool strict;
	bool time_based;         /* samples of a state (--probes, --changes) */
	bool bad_status_given;   /* --bad-status */
	bool explain;            /* say how each file is read, on stderr */
	bool detect_only;        /* say it on stdout and read no records */
	bool quiet;              /* --quiet: no message for a skipped record */
	void (*on_read)(void *arg, size_t bytes); /* bytes read, or NULL */
	void *on_read_arg;
	struct evaluator *ev;
	const struct filter *where; /* --where, or NULL */
	const char *group_by;       /* --group-by field, or NULL */
	struct groups *groups;      /* with group_by */
	struct report_eval *rep; /* inputs[], read, skipped, filtered go here */
	unsigned jobs;           /* processes for a large file: 0 for one a
				    core, 1 for no other */
	int year, year_month;    /* --year YEAR[-MM]: of syslog stamps; 0:
				    each file's last change */
	/* kept by ingest */
	uint64_t shown;
	bool unclosed;           /* the last CSV file ended in an open quote */
	uint64_t lines;          /* physical lines of the last file read */
	struct bytes *skips;     /* in a reader of a share of a file: the
				    skip messages, for its parent to say */
};

/* How a file reads, for readers that share it (ingest_parallel). */
struct ingest_kind {
	char input[32];  /* the --input that reads it so; "" for --log-format */
	bool line_based; /* a record a line, each line on its own */
	bool has_header; /* CSV with a header line */
};

/* Tells a file's format as ingest_file would, saying nothing; -1 when it
 * cannot be told (ingest_file will say why). */
int ingest_probe(struct ingest *g, const char *path, struct ingest_kind *k);

/* ingest_file's reading of an open source; the source is closed. */
struct source;
int ingest_source(struct ingest *g, const char *path, struct source *src,
		  struct report_input *in);

/* Reads a large regular file with g->jobs processes (cli/parallel.c):
 * each reads a share of its lines into an evaluator of its own, and the
 * shares are merged as slo merge does.  Returns the status, or -1 when
 * the file is not one to share (small, compressed, not a record a line,
 * or a share that did not end where the next began): then nothing was
 * counted and the caller reads it alone. */
int ingest_parallel(struct ingest *g, const char *path);

/* Reads one file ("-" is standard input).  Returns 0, or the exit status
 * that ends the run (after printing why). */
int ingest_file(struct ingest *g, const char *path);

/* Says how many skip messages were not shown. */
void ingest_finish(struct ingest *g);

/* The names --input accepts, for messages: "auto, csv, common, ...". */
const char *ingest_formats(void);

/* Checks an --input value; returns 0 when known. */
int ingest_check_format(const char *name);

#endif
