/* A small streaming JSON writer: pretty-printed, escaped, with commas
 * and nesting tracked for the caller.  Output only; input JSON is a
 * library's job. */
#ifndef SLO_REPORT_JSON_WRITER_H
#define SLO_REPORT_JSON_WRITER_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JW_MAX_DEPTH 16

struct jw {
	FILE *out;
	int depth;
	bool first[JW_MAX_DEPTH]; /* nothing written yet at this level */
	bool after_key;
};

void jw_init(struct jw *w, FILE *out);
void jw_object(struct jw *w);   /* { */
void jw_array(struct jw *w);    /* [ */
void jw_end_object(struct jw *w);
void jw_end_array(struct jw *w);
void jw_key(struct jw *w, const char *key);
void jw_string(struct jw *w, const char *s);
void jw_int(struct jw *w, int64_t v);
void jw_uint(struct jw *w, uint64_t v);
/* The shortest decimal that reads back as v; null for NaN/inf. */
void jw_double(struct jw *w, double v);
/* An exact decimal already formatted ("2592", "0.864"). */
void jw_raw_number(struct jw *w, const char *num);
void jw_bool(struct jw *w, bool v);
void jw_null(struct jw *w);

#endif
