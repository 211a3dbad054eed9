/* slo eval --config: each objective of the config files is evaluated as
 * the `slo eval` command line that says the same (slo_config.h writes
 * it), re-reading its inputs, and the runs' reports are put together:
 * a section an objective in text and markdown, one JSON object whose
 * objectives each carry their own window, records and inputs, one CSV or
 * TSV table (a group column always), one Prometheus exposition whose
 * families hold every SLO's samples.  The exit status is the worst: an
 * error stops at once, a violated objective is 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "cli/cli.h"
#include "cli/config_checks.h"
#include "cli/config_eval.h"
#include "config/slo_config.h"
#include "report/prom_merge.h"
#include "util/timestamp.h"

struct config_sink {
	struct eval_sink base; /* first: the sink is cast back */
	const struct slocfg_run *run;
	enum report_format format;
	bool quiet;
	size_t sections, met, failed;
	json_object *objectives; /* with json */
	struct prom_merge *prom; /* with --format prom */
	bool ok;
	char failed_names[256];
};

/* A run's JSON report, its objectives renamed, merged into the whole:
 * the run's window, records, inputs (everything beside its objectives)
 * go into each of its objectives. */
static int merge_json(struct config_sink *k, const struct report_eval *rep)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		return -1;
	report_eval_json(mem, rep);
	if (fclose(mem)) {
		free(buf);
		return -1;
	}
	json_object *root = json_tokener_parse(buf);
	free(buf);
	json_object *objs, *ok;
	if (!root || !json_object_object_get_ex(root, "objectives", &objs)) {
		json_object_put(root);
		return -1;
	}
	if (json_object_object_get_ex(root, "ok", &ok) && !json_object_get_boolean(ok))
		k->ok = false;
	for (size_t i = 0; i < json_object_array_length(objs); i++) {
		json_object *o = json_object_array_get_idx(objs, i);
		json_object *src = json_object_new_object();
		json_object_object_add(src, "file", json_object_new_string(k->run->file));
		json_object_object_add(src, "line", json_object_new_int((int)k->run->line));
		json_object_object_add(src, "format",
				       json_object_new_string(k->run->format == SLOCFG_OPENSLO ? "openslo"
							      : k->run->format == SLOCFG_SLOTH
								      ? "sloth" : "slo"));
		json_object_object_add(o, "slo", json_object_new_string(k->run->slo));
		json_object_object_add(o, "source", src);
		json_object_object_foreach(root, key, val)
		{
			if (strcmp(key, "version") && strcmp(key, "ok") && strcmp(key, "objectives"))
				json_object_object_add(o, key, json_object_get(val));
		}
		json_object_array_add(k->objectives, json_object_get(o));
	}
	json_object_put(root);
	return 0;
}

static int sink_report(struct eval_sink *s, struct report_eval *rep, int status)
{
	struct config_sink *k = (struct config_sink *)s;
	struct objective objs[EVAL_MAX_OBJECTIVES];
	const struct objective *given = rep->obj;

	/* the report names each objective as the file does */
	memcpy(objs, rep->obj, rep->nobj * sizeof *objs);
	for (size_t i = 0; i < rep->nobj; i++)
		snprintf(objs[i].name, sizeof objs[i].name, "%s", k->run->name);
	rep->obj = objs;
	if (k->format == REPORT_JSON) {
		if (merge_json(k, rep)) {
			cli_error("out of memory");
			status = EXIT_INPUT;
		}
	} else if (k->quiet) {
		/* the exit status alone */
	} else if (k->format == REPORT_CSV || k->format == REPORT_TSV) {
		report_eval_table(stdout, rep, k->format == REPORT_CSV ? CELLS_CSV : CELLS_TSV,
				  REPORT_TABLE_GROUP | (k->sections ? REPORT_TABLE_NO_HEADER : 0));
	} else if (k->format == REPORT_PROM) {
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);
		if (mem)
			report_eval_prom(mem, rep, s->labels, s->nlabels, k->run->name);
		if (!mem || fclose(mem) || prom_merge_add(k->prom, buf, len)) {
			cli_error("out of memory");
			status = EXIT_INPUT;
		}
		free(buf);
	} else if (k->format == REPORT_MARKDOWN) {
		printf("%s### %s (%s:%u)\n\n", k->sections ? "\n" : "", k->run->name, k->run->file,
		       k->run->line);
		report_eval_markdown(stdout, rep);
	} else {
		printf("%s== %s (%s:%u)\n", k->sections ? "\n" : "", k->run->name, k->run->file,
		       k->run->line);
		report_eval_text(stdout, rep);
	}
	rep->obj = given;
	k->sections++;
	if (status == EXIT_VIOLATED) {
		size_t l = strlen(k->failed_names);
		k->failed++;
		if (l + strlen(k->run->name) + 8 < sizeof k->failed_names)
			snprintf(k->failed_names + l, sizeof k->failed_names - l, "%s%s", l ? ", " : "",
				 k->run->name);
		else if (l + 5 < sizeof k->failed_names && strcmp(k->failed_names + l - 3, "...") != 0)
			snprintf(k->failed_names + l, sizeof k->failed_names - l, ", ...");
	} else if (status == EXIT_MET) {
		k->met++;
	}
	return status;
}

/* Whether a run reads standard input: no file of its own or given. */
static bool reads_stdin(const struct slocfg_run *r, char *const *files, size_t nfiles)
{
	char *const *f = nfiles ? files : r->files;
	size_t n = nfiles ? nfiles : r->nfiles;
	if (n == 0)
		return true;
	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i], "-") == 0)
			return true;
	return false;
}

int config_eval(char *const *configs, size_t nconfigs, char *const *opts, size_t nopts,
		char *const *files, size_t nfiles, enum report_format format, bool quiet)
{
	static char zone[128];
	char err[1024];
	int status = EXIT_MET;

	snprintf(zone, sizeof zone, "%s", ts_zone_name());
	config_checks_zone_after(zone);
	struct slocfg *c = slocfg_new(&config_checks);
	if (!c) {
		cli_error("out of memory");
		return EXIT_INPUT;
	}
	for (size_t i = 0; i < nconfigs; i++)
		if (slocfg_add_file(c, configs[i], err, sizeof err)) {
			cli_error("%s", err);
			slocfg_free(c);
			return EXIT_USAGE;
		}
	if (slocfg_finish(c, err, sizeof err)) {
		cli_error("%s", err);
		slocfg_free(c);
		return EXIT_USAGE;
	}
	size_t n = slocfg_count(c), on_stdin = 0;
	const struct slocfg_run *first = NULL;
	for (size_t i = 0; i < n; i++)
		if (reads_stdin(slocfg_run(c, i), files, nfiles) && on_stdin++ == 0)
			first = slocfg_run(c, i);
	if (on_stdin > 1) {
		cli_error("%s:%u: %s: standard input can be read once, and %zu objectives would "
			  "read it: name the files (input files, slo.input/files, or on the command "
			  "line)",
			  first->file, first->line, first->name, on_stdin);
		slocfg_free(c);
		return EXIT_USAGE;
	}

	struct config_sink sink = {.base = {.report = sink_report}, .format = format,
				   .quiet = quiet, .ok = true};
	if ((format == REPORT_JSON && !(sink.objectives = json_object_new_array())) ||
	    (format == REPORT_PROM && !(sink.prom = prom_merge_new()))) {
		cli_error("out of memory");
		slocfg_free(c);
		return EXIT_INPUT;
	}
	for (size_t i = 0; i < n; i++) {
		const struct slocfg_run *r = slocfg_run(c, i);
		size_t nf = nfiles ? nfiles : r->nfiles;
		size_t max = 3 + r->argc + nopts + nf + 1, k = 0;
		char **av = calloc(max, sizeof *av);
		if (!av) {
			cli_error("out of memory");
			status = EXIT_INPUT;
			break;
		}
		/* the command line that says the same; the given options come
		 * after the file's, so that they win where both say a thing */
		av[k++] = "eval";
		av[k++] = "--tz";
		av[k++] = r->tz ? r->tz : zone;
		for (size_t j = 0; j < r->argc; j++)
			av[k++] = r->argv[j];
		for (size_t j = 0; j < nopts; j++)
			av[k++] = opts[j];
		for (size_t j = 0; j < nf; j++)
			av[k++] = nfiles ? files[j] : r->files[j];
		sink.run = r;
		int st = eval_run((int)k, av, &sink.base);
		free(av);
		if (st == EXIT_USAGE || st == EXIT_INPUT) {
			cli_error("%s:%u: SLO %s was not evaluated", r->file, r->line, r->name);
			status = st;
			break;
		}
		if (st > status)
			status = st;
	}
	ts_set_zone(zone);
	if (quiet || status == EXIT_USAGE || status == EXIT_INPUT) {
		/* the exit status alone, or the error said */
	} else if (format == REPORT_JSON) {
		json_object *root = json_object_new_object();
		json_object *cfgs = json_object_new_array();
		for (size_t i = 0; i < nconfigs; i++)
			json_object_array_add(cfgs, json_object_new_string(configs[i]));
		json_object_object_add(root, "version", json_object_new_int(1));
		json_object_object_add(root, "ok", json_object_new_boolean(sink.ok));
		json_object_object_add(root, "objectives", sink.objectives);
		json_object_object_add(root, "config", cfgs);
		sink.objectives = NULL;
		printf("%s\n", json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY |
								    JSON_C_TO_STRING_SPACED |
								    JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(root);
	} else if (format == REPORT_PROM) {
		prom_merge_write(sink.prom, stdout);
	} else if ((format == REPORT_TEXT || format == REPORT_MARKDOWN) && sink.sections) {
		printf(format == REPORT_MARKDOWN ? "\n**%zu objective%s: %zu met, %zu not met%s%s%s**\n"
						 : "\n== %zu objective%s: %zu met, %zu not met%s%s%s\n",
		       sink.sections, sink.sections == 1 ? "" : "s", sink.met, sink.failed,
		       sink.failed ? " (" : "", sink.failed_names, sink.failed ? ")" : "");
	}
	json_object_put(sink.objectives);
	prom_merge_free(sink.prom);
	slocfg_free(c);
	return cli_finish(status);
}
