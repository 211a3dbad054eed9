/* SLO definitions from YAML (see slo_config.h): libyaml's document API
 * loads each document whole, and each kind of file is walked (native.c,
 * openslo.c, sloth.c) into the `slo eval` options that say the same.
 * Node marks give the lines. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config/walk.h"

struct slocfg *slocfg_new(const struct slocfg_checks *checks)
{
	struct slocfg *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->runs = calloc(SLOCFG_MAX_RUNS, sizeof *c->runs);
	if (!c->runs) {
		free(c);
		return NULL;
	}
	if (checks)
		c->ck = *checks;
	return c;
}

void slocfg_free(struct slocfg *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nruns; i++)
		cfg_run_free(&c->runs[i]);
	for (size_t i = 0; i < c->ndocs; i++)
		yaml_document_delete(&c->docs[i].d);
	for (size_t i = 0; i < c->nfiles; i++)
		free(c->files[i]);
	free(c->files);
	free(c->docs);
	free(c->runs);
	free(c);
}

static int load(struct slocfg *c, const char *name, yaml_parser_t *p, char *err, size_t errlen)
{
	char **nf = realloc(c->files, (c->nfiles + 1) * sizeof *nf);
	if (!nf) {
		snprintf(err, errlen, "%s: out of memory", name);
		return -1;
	}
	c->files = nf;
	if (!(c->files[c->nfiles] = strdup(name))) {
		snprintf(err, errlen, "%s: out of memory", name);
		return -1;
	}
	const char *file = c->files[c->nfiles++];
	size_t before = c->ndocs;
	for (;;) {
		if (c->ndocs == c->capdocs) {
			size_t cap = c->capdocs ? c->capdocs * 2 : 8;
			struct doc *d = realloc(c->docs, cap * sizeof *d);
			if (!d) {
				snprintf(err, errlen, "%s: out of memory", name);
				return -1;
			}
			c->docs = d;
			c->capdocs = cap;
		}
		struct doc *d = &c->docs[c->ndocs];
		if (!yaml_parser_load(p, &d->d)) {
			/* libyaml's marks count from 0 */
			const yaml_mark_t *m = p->problem_mark.line || p->problem_mark.column
						       ? &p->problem_mark : &p->context_mark;
			snprintf(err, errlen, "%s:%lu: not valid YAML: %s%s%s", file,
				 (unsigned long)m->line + 1, p->problem ? p->problem : "a syntax error",
				 p->context ? " " : "", p->context ? p->context : "");
			return -1;
		}
		d->file = file;
		if (!yaml_document_get_root_node(&d->d)) {
			/* the end of the stream */
			yaml_document_delete(&d->d);
			break;
		}
		c->ndocs++;
	}
	if (c->ndocs == before) {
		snprintf(err, errlen, "%s:1: the file holds no YAML document", file);
		return -1;
	}
	return 0;
}

int slocfg_add_text(struct slocfg *c, const char *name, const char *text, size_t len, char *err,
		    size_t errlen)
{
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		snprintf(err, errlen, "%s: out of memory", name);
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	int rc = load(c, name, &p, err, errlen);
	yaml_parser_delete(&p);
	return rc;
}

int slocfg_add_file(struct slocfg *c, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	yaml_parser_t p;
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (!yaml_parser_initialize(&p)) {
		fclose(f);
		snprintf(err, errlen, "%s: out of memory", path);
		return -1;
	}
	yaml_parser_set_input_file(&p, f);
	int rc = load(c, path, &p, err, errlen);
	if (rc == 0 && ferror(f)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	yaml_parser_delete(&p);
	fclose(f);
	return rc;
}

int slocfg_finish(struct slocfg *c, char *err, size_t errlen)
{
	for (size_t i = 0; i < c->ndocs; i++) {
		struct cx x = {.c = c, .d = &c->docs[i].d, .file = c->docs[i].file, .err = err,
			       .errlen = errlen};
		yaml_node_t *root = yaml_document_get_root_node(x.d);
		if (cfg_is_null(root))
			continue;
		if (root->type != YAML_MAPPING_NODE)
			return cfg_fail(&x, root, "(top)",
					"expected a mapping: slos: (slo's format), "
					"apiVersion: openslo/v1, or version: "
					"prometheus/v1 (sloth)");
		const char *version = cfg_scalar(cfg_get(&x, root, "version"));
		int rc;
		if (cfg_get(&x, root, "apiVersion"))
			rc = cfg_openslo_doc(&x, root);
		else if (version && strcmp(version, "prometheus/v1") == 0)
			rc = cfg_sloth_doc(&x, root);
		else if (cfg_get(&x, root, "slos"))
			rc = cfg_native_doc(&x, root);
		else
			rc = cfg_fail(&x, root, "(top)",
				      "not an SLO file: expected slos: (slo's format), "
				      "apiVersion: openslo/v1, or version: "
				      "prometheus/v1 (sloth)");
		if (rc)
			return -1;
	}
	if (c->nruns == 0) {
		snprintf(err, errlen, "%s: no SLO to evaluate", c->nfiles ? c->files[0] : "(none)");
		return -1;
	}
	return 0;
}

size_t slocfg_count(const struct slocfg *c)
{
	return c->nruns;
}

const struct slocfg_run *slocfg_run(const struct slocfg *c, size_t i)
{
	return i < c->nruns ? &c->runs[i] : NULL;
}
