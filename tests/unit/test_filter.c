/* input/filter: --where conditions, and the regular expressions refused
 * because glibc would take gigabytes to compile them. */
#include "testing.h"

#include <string.h>

#include "input/filter.h"

static int get(void *ctx, const char *field, const char **v, size_t *len)
{
	if (strcmp(field, "path") != 0)
		return -1;
	*v = ctx;
	*len = strlen(ctx);
	return 0;
}

/* Adds spec to a fresh filter; returns filter_add's result, frees. */
static int add(const char *spec, char *why, size_t whylen)
{
	struct filter f;
	memset(&f, 0, sizeof f);
	why[0] = '\0';
	int rc = filter_add(&f, spec, why, whylen);
	filter_free(&f);
	return rc;
}

static void test_conditions(void **state)
{
	struct filter f;
	char why[256];
	const char *unknown = NULL;
	(void)state;

	memset(&f, 0, sizeof f);
	assert_int_equal(filter_add(&f, "path~^/api/v[0-9]+/(users|orders)/[0-9a-f]{4}$", why,
				    sizeof why),
			 0);
	assert_int_equal(filter_add(&f, "path!=/api/v1/users/dead", why, sizeof why), 0);
	assert_true(filter_match(&f, get, "/api/v2/orders/beef", &unknown));
	assert_false(filter_match(&f, get, "/api/v1/users/dead", &unknown));
	assert_false(filter_match(&f, get, "/api/v1/carts/beef", &unknown));
	assert_int_equal(filter_add(&f, "host=x", why, sizeof why), 0);
	assert_false(filter_match(&f, get, "/api/v2/orders/beef", &unknown));
	assert_string_equal(unknown, "host");
	filter_free(&f);
	assert_int_equal(f.n, 0);
}

/* Found by fuzz/fuzz_status (fuzz/regressions/status-regcomp-*): each took
 * glibc's regcomp past 2 GB or 10 s. */
static void test_regex_blowup(void **state)
{
	char why[256];
	(void)state;

	/* repetitions in a row: undefined in POSIX, exponential in glibc */
	assert_int_equal(add("p~x++++++++++++++++++++++", why, sizeof why), -1);
	assert_string_equal(why, "\"x++++++++++++++++++++++\": two repetitions in a row (\"+\"), "
				 "which POSIX leaves undefined; put the first in a group");
	assert_int_equal(add("p~x{9}{9}{9}{9}{9}{9}{9}{9}", why, sizeof why), -1);
	assert_non_null(strstr(why, "(\"{9}\")"));
	assert_int_equal(add("t~^1******************************", why, sizeof why), -1);
	assert_int_equal(add("$~]]]~4++*$~]]]~4++*++++++++++", why, sizeof why), -1);
	assert_int_equal(add("p~.*?", why, sizeof why), -1);

	/* copies that multiply through groups */
	assert_int_equal(add("p~(((x{9}){9}){9}){9}", why, sizeof why), -1);
	assert_string_equal(why, "\"(((x{9}){9}){9}){9}\": its repetitions make more than 1000 "
				 "copies of its parts; write it more simply");
	assert_int_equal(add("p~((((((((((((((((x+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+", why,
			     sizeof why),
			 -1);
	assert_int_equal(add("p~(a|b{300}){200}", why, sizeof why), -1);
	assert_int_equal(add("p~(x{1000,}){40}", why, sizeof why), -1);
	assert_int_equal(add("p~x{1001}", why, sizeof why), -1);
	assert_int_equal(add("p~((x*)*){400}", why, sizeof why), -1);

	/* what people write passes */
	assert_int_equal(add("p~x{1000}", why, sizeof why), 0);
	assert_int_equal(add("p~x{0,999}", why, sizeof why), 0);
	assert_int_equal(add("p~[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}", why, sizeof why), 0);
	assert_int_equal(add("p~[[:digit:]]{3}[]{}+*]{99}", why, sizeof why), 0);
	assert_int_equal(add("p~\\{9}\\{9}\\{9}\\{9}\\{9}\\{9}\\{9}", why, sizeof why), 0);
	assert_int_equal(add("p~\\**\\++", why, sizeof why), 0);
	assert_int_equal(add("p~(x{10}){90}", why, sizeof why), 0);
	assert_int_equal(add("p~((x*)*)*", why, sizeof why), 0);
	assert_int_equal(add("p!~^/(health|ready|live)z?$", why, sizeof why), 0);

	/* 32 groups deep are fine, 33 are not */
	char spec[128] = "p~";
	memset(spec + 2, '(', 33);
	spec[35] = 'x';
	memset(spec + 36, ')', 33);
	spec[69] = '\0';
	assert_int_equal(add(spec, why, sizeof why), -1);
	assert_non_null(strstr(why, "groups nested more than 32 deep"));
	memmove(spec + 2, spec + 3, strlen(spec + 3) + 1); /* one ( less */
	spec[strlen(spec) - 1] = '\0';                     /* one ) less */
	assert_int_equal(add(spec, why, sizeof why), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conditions),
		cmocka_unit_test(test_regex_blowup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
