/* input/status: judging status words and HTTP codes, and parsing bad-code lists. */
#include "testing.h"

#include <ctype.h>
#include <string.h>

#include "input/status.h"

static enum status_verdict judge(const struct status_set *set, const char *s)
{
	return status_judge(set, s, strlen(s));
}

/* Judges word in lower, upper and alternating case. */
static void judge_cases(const struct status_set *set, const char *word,
			enum status_verdict want)
{
	char up[64], mixed[64];
	size_t n = strlen(word);
	assert_true(n < sizeof up);
	for (size_t i = 0; i <= n; i++) {
		up[i] = (char)toupper((unsigned char)word[i]);
		mixed[i] = (char)(i % 2 ? toupper((unsigned char)word[i])
					: tolower((unsigned char)word[i]));
	}
	if (judge(set, word) != want || judge(set, up) != want || judge(set, mixed) != want)
		fail_msg("\"%s\" / \"%s\" / \"%s\": want %d", word, up, mixed, (int)want);
}

static void test_every_word(void **state)
{
	struct status_set set;
	size_t good = 0, bad = 0;
	(void)state;

	status_set_default(&set);
	for (size_t i = 0; status_good_words[i]; i++, good++)
		judge_cases(&set, status_good_words[i], STATUS_GOOD);
	for (size_t i = 0; status_bad_words[i]; i++, bad++)
		judge_cases(&set, status_bad_words[i], STATUS_BAD);
	/* at least the five pairs SPEC names */
	assert_true(good >= 5 && bad >= 5);
}

/* The pairs SPEC names: up/down, ok/fail, true/false, 1/0, success/failure. */
static void test_spec_words(void **state)
{
	struct status_set set;
	(void)state;

	status_set_default(&set);
	assert_int_equal(judge(&set, "up"), STATUS_GOOD);
	assert_int_equal(judge(&set, "down"), STATUS_BAD);
	assert_int_equal(judge(&set, "OK"), STATUS_GOOD);
	assert_int_equal(judge(&set, "fail"), STATUS_BAD);
	assert_int_equal(judge(&set, "True"), STATUS_GOOD);
	assert_int_equal(judge(&set, "FALSE"), STATUS_BAD);
	assert_int_equal(judge(&set, "1"), STATUS_GOOD);
	assert_int_equal(judge(&set, "0"), STATUS_BAD);
	assert_int_equal(judge(&set, "success"), STATUS_GOOD);
	assert_int_equal(judge(&set, "failure"), STATUS_BAD);
	/* surrounding spaces are ignored for words too */
	assert_int_equal(judge(&set, "  down "), STATUS_BAD);
	/* a word must match whole */
	assert_int_equal(judge(&set, "upp"), STATUS_INVALID);
	assert_int_equal(judge(&set, "u"), STATUS_INVALID);
	assert_int_equal(judge(&set, "ok!"), STATUS_INVALID);
	/* only len bytes are judged: "up" of "upstream" */
	assert_int_equal(status_judge(&set, "upstream", 2), STATUS_GOOD);
}

static void test_codes_default(void **state)
{
	struct status_set set;
	(void)state;

	status_set_default(&set);
	assert_int_equal(judge(&set, "100"), STATUS_GOOD);
	assert_int_equal(judge(&set, "200"), STATUS_GOOD);
	assert_int_equal(judge(&set, "304"), STATUS_GOOD);
	assert_int_equal(judge(&set, "429"), STATUS_GOOD);
	assert_int_equal(judge(&set, "499"), STATUS_GOOD);
	assert_int_equal(judge(&set, "500"), STATUS_BAD);
	assert_int_equal(judge(&set, "503"), STATUS_BAD);
	assert_int_equal(judge(&set, "599"), STATUS_BAD);
	assert_int_equal(judge(&set, " 503 "), STATUS_BAD);
	assert_int_equal(judge(&set, "600"), STATUS_INVALID);
	assert_int_equal(judge(&set, "99"), STATUS_INVALID);
	assert_int_equal(judge(&set, "42"), STATUS_INVALID);
	assert_int_equal(judge(&set, "099"), STATUS_INVALID);
	assert_int_equal(judge(&set, "2OO"), STATUS_INVALID); /* letter O */
	assert_int_equal(judge(&set, ""), STATUS_INVALID);
	assert_int_equal(judge(&set, "   "), STATUS_INVALID);
	assert_int_equal(judge(&set, "5xx"), STATUS_INVALID);
	assert_int_equal(judge(&set, "+50"), STATUS_INVALID);
	assert_int_equal(judge(&set, "-"), STATUS_INVALID);
	assert_int_equal(judge(&set, "200.0"), STATUS_INVALID);
	assert_int_equal(judge(&set, "5 03"), STATUS_INVALID);
}

static void test_default_set(void **state)
{
	struct status_set set;
	(void)state;

	status_set_default(&set);
	for (int c = 0; c <= STATUS_MAX; c++)
		if (set.bad[c] != (c >= 500))
			fail_msg("default set: code %d is %d", c, set.bad[c]);
}

static void test_set_parse(void **state)
{
	struct status_set set;
	char item[32];
	(void)state;

	assert_int_equal(status_set_parse(&set, "5xx,429", item, sizeof item), 0);
	for (int c = 0; c <= STATUS_MAX; c++)
		if (set.bad[c] != (c >= 500 || c == 429))
			fail_msg("5xx,429: code %d is %d", c, set.bad[c]);
	assert_int_equal(judge(&set, "429"), STATUS_BAD);
	assert_int_equal(judge(&set, "428"), STATUS_GOOD);

	assert_int_equal(status_set_parse(&set, "500-504", item, sizeof item), 0);
	for (int c = 0; c <= STATUS_MAX; c++)
		if (set.bad[c] != (c >= 500 && c <= 504))
			fail_msg("500-504: code %d is %d", c, set.bad[c]);
	assert_int_equal(judge(&set, "505"), STATUS_GOOD);

	assert_int_equal(status_set_parse(&set, "4xx", item, sizeof item), 0);
	for (int c = 0; c <= STATUS_MAX; c++)
		if (set.bad[c] != (c >= 400 && c <= 499))
			fail_msg("4xx: code %d is %d", c, set.bad[c]);
	assert_int_equal(judge(&set, "500"), STATUS_GOOD); /* the list replaces 5xx */

	assert_int_equal(status_set_parse(&set, "5XX", item, sizeof item), 0);
	assert_int_equal(judge(&set, "599"), STATUS_BAD);
	assert_int_equal(status_set_parse(&set, "1xx,599,100-101", item, sizeof item), 0);
	assert_int_equal(judge(&set, "199"), STATUS_BAD);
	assert_int_equal(judge(&set, "200"), STATUS_GOOD);
	assert_int_equal(judge(&set, "599"), STATUS_BAD);
	assert_int_equal(status_set_parse(&set, "503-503", item, sizeof item), 0);
	assert_int_equal(judge(&set, "503"), STATUS_BAD);
	assert_int_equal(judge(&set, "502"), STATUS_GOOD);
}

/* Parses list, expecting failure with want reported as the bad item. */
static void parse_bad(const char *list, const char *want)
{
	struct status_set set;
	char item[32];
	strcpy(item, "untouched");
	if (status_set_parse(&set, list, item, sizeof item) != -1 || strcmp(item, want) != 0)
		fail_msg("status_set_parse(\"%s\"): item \"%s\", want -1 and \"%s\"", list, item,
			 want);
}

static void test_set_parse_bad(void **state)
{
	(void)state;
	parse_bad("6xx", "6xx");
	parse_bad("0xx", "0xx");
	parse_bad("abc", "abc");
	parse_bad("504-500", "504-500");
	parse_bad("", "");
	parse_bad("5xx,", "");
	parse_bad(",5xx", "");
	parse_bad("500,abc,429", "abc");
	parse_bad("600", "600");
	parse_bad("99", "99");
	parse_bad("500-600", "500-600");
	parse_bad("500-", "500-");
	parse_bad("-500", "-500");
	parse_bad("5x", "5x");
	parse_bad("5xxx", "5xxx");
	parse_bad(" 500", " 500");
	/* the item is cut to the buffer, still terminated */
	struct status_set set;
	char small[3];
	assert_int_equal(status_set_parse(&set, "abcdef", small, sizeof small), -1);
	assert_string_equal(small, "ab");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_word),
		cmocka_unit_test(test_spec_words),
		cmocka_unit_test(test_codes_default),
		cmocka_unit_test(test_default_set),
		cmocka_unit_test(test_set_parse),
		cmocka_unit_test(test_set_parse_bad),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
