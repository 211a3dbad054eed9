/* Inside config/: what the walks of the three SLO file formats share --
 * the loaded documents, errors naming file, line and field, node access,
 * the runs being built, and the input keys and annotations.  Not for use
 * outside src/config (slo_config.h is the interface). */
#ifndef SLO_CONFIG_WALK_H
#define SLO_CONFIG_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <yaml.h>

#include "config/slo_config.h"

struct doc {
	yaml_document_t d;
	const char *file; /* owned by files[] */
};

struct slocfg {
	struct slocfg_checks ck;
	struct doc *docs;
	size_t ndocs, capdocs;
	char **files; /* the config files' names */
	size_t nfiles;
	struct slocfg_run *runs; /* SLOCFG_MAX_RUNS of them */
	size_t nruns;
};

/* Where a walk is: the document, its file, and where errors go. */
struct cx {
	struct slocfg *c;
	yaml_document_t *d;
	const char *file;
	char *err;
	size_t errlen;
};

#define ANN_PREFIX "slo.input/"
#define MAX_ANN 48

/* Writes "FILE:LINE: FIELD: message" (the line of node n, 1 without
 * one) into x->err; returns -1. */
int cfg_fail(struct cx *x, const yaml_node_t *n, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* A field's path into buf ("slos[2].input.files[0]"), cut short at the
 * buffer's end. */
void cfg_pathf(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

yaml_node_t *cfg_node(struct cx *x, int id);
/* A scalar's text, or NULL for a mapping or a list. */
const char *cfg_scalar(const yaml_node_t *n);
/* A plain ~, null or empty scalar: YAML's null. */
bool cfg_is_null(const yaml_node_t *n);
/* The value of key in a mapping, or NULL (a null value reads as absent). */
yaml_node_t *cfg_get(struct cx *x, const yaml_node_t *map, const char *key);
/* The key node itself: a mapping or list value starts on the line after
 * its key, which is the line to name. */
yaml_node_t *cfg_key_of(struct cx *x, const yaml_node_t *map, const char *key);
/* These return 0, or -1 after cfg_fail. */
int cfg_want_text(struct cx *x, const yaml_node_t *n, const char *field, const char **out);
int cfg_want_type(struct cx *x, const yaml_node_t *n, const char *field, yaml_node_type_t t);
int cfg_known_keys(struct cx *x, const yaml_node_t *map, const char *field,
		   const char *const *known);

/* Runs: options added as separate strings, copied (owned by the run). */
int cfg_run_arg(struct cx *x, struct slocfg_run *r, const yaml_node_t *n, const char *field,
		const char *s);
int cfg_run_opt(struct cx *x, struct slocfg_run *r, const yaml_node_t *n, const char *field,
		const char *opt, const char *value);
void cfg_run_free(struct slocfg_run *r);
int cfg_run_copy(struct slocfg_run *to, const struct slocfg_run *from);
/* An input file: relative names are of x->file's directory. */
int cfg_run_file(struct cx *x, struct slocfg_run *r, const yaml_node_t *n, const char *field,
		 const char *name);

/* Values: a percentage (99.9, 99.9%), a fraction strictly between 0 and
 * 1, both written as the percentage --target takes; a duration. */
int cfg_percent_value(struct cx *x, const yaml_node_t *n, const char *field, char *pct,
		      size_t pctlen, int64_t *frac);
int cfg_fraction_value(struct cx *x, const yaml_node_t *n, const char *field, char *pct,
		       size_t pctlen, int64_t *frac);
int cfg_duration_value(struct cx *x, const yaml_node_t *n, const char *field, int64_t *ns);
/* ns as an option value in seconds: "2592000s". */
void cfg_seconds_text(int64_t ns, char *buf, size_t len);
/* OpenSLO's duration shorthand, "28d", "1M": 0, or -1 when s is not one. */
int cfg_shorthand(const char *s, uint64_t *count, char *unit);
int64_t cfg_shorthand_ns(uint64_t count, char unit);

/* The input keys (input.c). */
struct input_key;

/* What an SLO's input says beyond options. */
struct input_state {
	bool any;    /* some input setting was given */
	bool uptime; /* samples: the objective is of time */
	bool has_files;
};

const struct input_key *cfg_input_key(const char *k);
/* The keys, separated by ", ", each after prefix. */
void cfg_input_key_list(char *buf, size_t len, const char *prefix);
/* A setting from a YAML node (a list for files and where). */
int cfg_input_node(struct cx *x, struct slocfg_run *r, struct input_state *st,
		   const struct input_key *k, const yaml_node_t *n, const char *field);
/* A setting from an annotation's text (files separated by commas, where
 * conditions by lines). */
int cfg_input_text(struct cx *x, struct slocfg_run *r, struct input_state *st,
		   const struct input_key *k, const yaml_node_t *n, const char *field,
		   const char *v);
/* A zone, checked; one zone an SLO. */
int cfg_zone_value(struct cx *x, struct slocfg_run *r, const yaml_node_t *n, const char *field);

/* A slo.input/ annotation and where it was. */
struct ann {
	const char *key, *value;
	const yaml_node_t *n;
	struct cx *x; /* its document */
	char field[320];
};

/* Collects the slo.input/ annotations of a mapping; a later one of the
 * same key replaces an earlier. */
int cfg_collect_ann(struct cx *x, const yaml_node_t *map, const char *field, struct ann *a,
		    size_t *na);
/* Applies annotations to a run; value-unit comes back apart. */
int cfg_apply_ann(struct slocfg_run *r, struct input_state *st, const struct ann *a, size_t na,
		  const struct ann **value_unit);

/* The documents of each format, root a mapping: 0, or -1 after cfg_fail. */
int cfg_native_doc(struct cx *x, const yaml_node_t *root);
int cfg_openslo_doc(struct cx *x, const yaml_node_t *root);
int cfg_sloth_doc(struct cx *x, const yaml_node_t *root);

#endif
