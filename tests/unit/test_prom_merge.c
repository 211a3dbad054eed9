/* report/prom_merge: the expositions of several SLOs made one, each
 * family once, its header from the first, its samples in the order
 * added. */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/prom_merge.h"

static char *written(const struct prom_merge *m)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	assert_non_null(out);
	prom_merge_write(m, out);
	fclose(out);
	return buf;
}

static void add(struct prom_merge *m, const char *s)
{
	assert_int_equal(prom_merge_add(m, s, strlen(s)), 0);
}

static void test_merge(void **state)
{
	(void)state;
	struct prom_merge *m = prom_merge_new();
	assert_non_null(m);
	add(m, "# HELP a_ratio A.\n# TYPE a_ratio gauge\na_ratio{slo=\"x\"} 1\n"
	       "# HELP b_total B.\n# TYPE b_total gauge\nb_total{slo=\"x\"} 2\n");
	/* a family the first had not (c), and one it had (b) in another
	 * order; a help text that differs is not taken */
	add(m, "# HELP c_seconds C.\n# TYPE c_seconds gauge\nc_seconds{slo=\"y\"} 3\n"
	       "# HELP b_total B, again.\n# TYPE b_total gauge\nb_total{slo=\"y\"} 4\n"
	       "b_total{slo=\"y\",group=\"g\"} 5\n");
	char *s = written(m);
	assert_string_equal(s, "# HELP a_ratio A.\n# TYPE a_ratio gauge\na_ratio{slo=\"x\"} 1\n"
			       "# HELP b_total B.\n# TYPE b_total gauge\nb_total{slo=\"x\"} 2\n"
			       "b_total{slo=\"y\"} 4\nb_total{slo=\"y\",group=\"g\"} 5\n"
			       "# HELP c_seconds C.\n# TYPE c_seconds gauge\nc_seconds{slo=\"y\"} 3\n");
	free(s);
	prom_merge_free(m);
}

static void test_empty_and_unterminated(void **state)
{
	(void)state;
	struct prom_merge *m = prom_merge_new();
	assert_non_null(m);
	char *s = written(m);
	assert_string_equal(s, "");
	free(s);
	/* samples before any HELP have no family and are dropped; a last
	 * line without its newline gets one, before the next one's */
	add(m, "orphan 1\n# HELP a A.\n# TYPE a gauge\na 1");
	add(m, "# HELP a A.\n# TYPE a gauge\na{slo=\"z\"} 2\n");
	s = written(m);
	assert_string_equal(s, "# HELP a A.\n# TYPE a gauge\na 1\na{slo=\"z\"} 2\n");
	free(s);
	prom_merge_free(m);
	prom_merge_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_empty_and_unterminated),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
