/* Record selection, --where: FIELD=VALUE, FIELD!=VALUE, FIELD~REGEX and
 * FIELD!~REGEX (POSIX extended regular expressions), all of which must
 * hold.  Fields are read through the reader's own getter, so the same
 * conditions work on CSV columns, log-format variables and JSON paths. */
#ifndef SLO_INPUT_FILTER_H
#define SLO_INPUT_FILTER_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>

#define FILTER_MAX 16

enum filter_op { FILTER_EQ, FILTER_NE, FILTER_MATCH, FILTER_NOMATCH };

struct filter_cond {
	char field[64];
	enum filter_op op;
	const char *value; /* the user's text, for = and != */
	regex_t re;        /* for ~ and !~ */
};

struct filter {
	struct filter_cond c[FILTER_MAX];
	size_t n;
};

/* Adds a condition "path!~^/health".  Returns 0, or -1 with why. */
int filter_add(struct filter *f, const char *spec, char *why, size_t whylen);
void filter_free(struct filter *f);

/* Reads a field of the current record: sets *v, *len (a missing field
 * reads as empty) and returns 0; -1 when the format has no such field. */
typedef int (*filter_get_fn)(void *ctx, const char *field, const char **v, size_t *len);

/* True when every condition holds.  A field the format does not have
 * makes the result false and sets *unknown to its name. */
bool filter_match(const struct filter *f, filter_get_fn get, void *ctx, const char **unknown);

#endif
