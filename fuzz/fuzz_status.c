/* libFuzzer harness: bad-status lists and --where conditions.  The input
 * (NUL-terminated) is a status list, then judged against the default and
 * the parsed set; each line of it is a --where condition, matched against
 * a record whose every field is the input. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "input/filter.h"
#include "input/status.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct value {
	const char *s;
	size_t len;
};

static int get(void *ctx, const char *field, const char **v, size_t *len)
{
	const struct value *x = ctx;
	if (strcmp(field, "nofield") == 0)
		return -1;
	*v = x->s;
	*len = x->len;
	return 0;
}

/* Whether two sets hold the same codes. */
static bool same(const struct status_set *a, const struct status_set *b)
{
	return memcmp(a->bad + STATUS_MIN, b->bad + STATUS_MIN, STATUS_MAX - STATUS_MIN + 1) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *z = fuzz_dup(data, size, 1);
	char *s = fuzz_dup(data, size, 0);
	struct status_set set, dflt, again;
	char item[64], desc[2048];

	status_set_default(&dflt);
	(void)status_judge(&dflt, s, size);
	if (status_set_parse(&set, z, item, sizeof item) == 0) {
		for (int c = 0; c < STATUS_MIN; c++)
			FUZZ_ASSERT(!set.bad[c]);
		(void)status_judge(&set, s, size);
		/* the description, without its spaces, is a list that gives the
		 * same set back */
		status_set_describe(&set, desc, sizeof desc);
		size_t o = 0;
		for (size_t i = 0; desc[i]; i++)
			if (desc[i] != ' ')
				desc[o++] = desc[i];
		desc[o] = '\0';
		if (strcmp(desc, "none") != 0)
			FUZZ_ASSERT(status_set_parse(&again, desc, item, sizeof item) == 0 &&
				    same(&set, &again));
	} else {
		FUZZ_ASSERT(memchr(item, '\0', sizeof item) != NULL);
	}

	/* every line a condition: the specs must live until filter_free */
	struct filter f;
	memset(&f, 0, sizeof f);
	char *p = z;
	while (p) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		char why[256];
		size_t before = f.n;
		if (filter_add(&f, p, why, sizeof why) == 0)
			FUZZ_ASSERT(f.n == before + 1);
		else
			FUZZ_ASSERT(f.n == before && memchr(why, '\0', sizeof why) != NULL);
		p = nl ? nl + 1 : NULL;
	}
	struct value v = {s, size};
	const char *unknown = NULL;
	(void)filter_match(&f, get, &v, &unknown);
	filter_free(&f);
	FUZZ_ASSERT(f.n == 0);
	free(z);
	free(s);
	return 0;
}
