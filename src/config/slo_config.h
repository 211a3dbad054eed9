/* SLO definitions from YAML files (slo eval --config): slo's own format,
 * OpenSLO v1 and sloth's prometheus/v1, each turned into evaluations --
 * one per objective -- written as the `slo eval` options that say the
 * same, so that a file and a command line mean exactly the same thing.
 * Pure: reads the files it is given and prints nothing; every error is
 * one line "FILE:LINE: FIELD: what was expected". */
#ifndef SLO_CONFIG_SLO_CONFIG_H
#define SLO_CONFIG_SLO_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#define SLOCFG_MAX_ARGS 128
#define SLOCFG_MAX_FILES 64
#define SLOCFG_MAX_RUNS 256

enum slocfg_format { SLOCFG_NATIVE, SLOCFG_OPENSLO, SLOCFG_SLOTH };

/* One evaluation: one objective of one SLO. */
struct slocfg_run {
	char name[64];          /* the report's name: "search-slo", "svc/slo: SLA" */
	char slo[128];          /* the SLO's own name */
	const char *file;       /* the config file it came from (owned here) */
	unsigned line;          /* the line the SLO starts on */
	enum slocfg_format format;
	char *tz;               /* the window's zone, or NULL (owned) */
	/* `slo eval` options, option and value in separate strings (owned) */
	char *argv[SLOCFG_MAX_ARGS];
	size_t argc;
	/* input files, joined to the config file's directory (owned); none:
	 * the command line's, or standard input */
	char *files[SLOCFG_MAX_FILES];
	size_t nfiles;
};

/* Checks the caller can do and the parser cannot without side effects
 * (the zone database is global state); NULL skips the check.  Each
 * returns 0 when the value is usable, else -1 with why (may be left
 * empty). */
struct slocfg_checks {
	int (*zone)(const char *name, char *why, size_t whylen);
	int (*format)(const char *name, char *why, size_t whylen);   /* --input */
	int (*log_format)(const char *fmt, char *why, size_t whylen);
};

struct slocfg;

struct slocfg *slocfg_new(const struct slocfg_checks *checks);
void slocfg_free(struct slocfg *c);

/* Reads every YAML document of a file.  Returns 0, or -1 with the error
 * in err. */
int slocfg_add_file(struct slocfg *c, const char *path, char *err, size_t errlen);

/* The same from text in memory; name stands for the file in messages and
 * its directory is where relative input files are. */
int slocfg_add_text(struct slocfg *c, const char *name, const char *text, size_t len, char *err,
		    size_t errlen);

/* Once every file is read (an OpenSLO indicatorRef may name an SLI of
 * another file): turns the SLOs into runs.  Returns 0, or -1 with err. */
int slocfg_finish(struct slocfg *c, char *err, size_t errlen);

size_t slocfg_count(const struct slocfg *c);
const struct slocfg_run *slocfg_run(const struct slocfg *c, size_t i);

#endif
