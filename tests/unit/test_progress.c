/* report/progress: the progress bar's line, a pure function of bytes,
 * total, time and width. */
#include "testing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/progress.h"

#define MIB (UINT64_C(1) << 20)

static void line(uint64_t done, uint64_t total, double elapsed, int width, const char *want)
{
	char buf[512];
	progress_format(buf, sizeof buf, done, total, elapsed, width);
	if (strcmp(buf, want) != 0)
		fail_msg("progress_format(%llu, %llu, %g, %d) = \"%s\"; want \"%s\"",
			 (unsigned long long)done, (unsigned long long)total, elapsed, width, buf,
			 want);
	if (width >= 0 && strlen(buf) > (size_t)width)
		fail_msg("\"%s\" is wider than %d columns", buf, width);
}

static void test_bytes(void **state)
{
	char b[32];
	(void)state;
	assert_string_equal(progress_bytes(0, b, sizeof b), "0 B");
	assert_string_equal(progress_bytes(1023, b, sizeof b), "1023 B");
	assert_string_equal(progress_bytes(1024, b, sizeof b), "1.0 KiB");
	assert_string_equal(progress_bytes(1536, b, sizeof b), "1.5 KiB");
	assert_string_equal(progress_bytes(64 * MIB, b, sizeof b), "64.0 MiB");
	assert_string_equal(progress_bytes(3 * 1024 * MIB / 2, b, sizeof b), "1.5 GiB");
	assert_string_equal(progress_bytes(UINT64_MAX, b, sizeof b), "16384.0 PiB");
}

/* 40 % of 100 MiB in 2 s: 20 MiB/s, 60 MiB to go, 3 s left.  The bar
 * takes what the text leaves of the width: 80 - 14 ("reading  40% [")
 * - 1 ("]") - 45 (the rest) = 20 columns, 40 % of them (8) full. */
static void test_known_total(void **state)
{
	(void)state;
	line(40 * MIB, 100 * MIB, 2.0, 80,
	     "reading  40% [========>           ] 40.0 MiB of 100.0 MiB, 20.0 MiB/s, 0:03 left");
	/* no time yet: no rate, no time left; 60 - 15 - 17 columns of bar */
	line(0, 100 * MIB, 0.0, 60, "reading   0% [>                           ] 0 B of 100.0 MiB");
	/* all read: 80 - 15 - 46 columns, all full */
	line(100 * MIB, 100 * MIB, 4.0, 80,
	     "reading 100% [===================] 100.0 MiB of 100.0 MiB, 25.0 MiB/s, 0:00 left");
	/* a file that grew while read stays at 100 % */
	line(120 * MIB, 100 * MIB, 4.0, 40, "reading 100% 100.0 MiB of 100.0 MiB");
}

static void test_eta_hours(void **state)
{
	(void)state;
	/* 1 MiB/s with 3723 MiB to go: 1:02:03; a bar of 100 - 15 - 44 */
	line(1 * MIB, 3724 * MIB, 1.0, 100,
	     "reading   0% [>                                        ] 1.0 MiB of 3.6 GiB, "
	     "1.0 MiB/s, 1:02:03 left");
	/* never more than 50 columns of bar */
	line(1 * MIB, 3724 * MIB, 1.0, 200,
	     "reading   0% [>                                                 ] 1.0 MiB of 3.6 GiB, "
	     "1.0 MiB/s, 1:02:03 left");
}

/* Without a total (a pipe): bytes and the rate only. */
static void test_unknown_total(void **state)
{
	(void)state;
	line(300 * MIB, 0, 10.0, 80, "reading 300.0 MiB, 30.0 MiB/s");
	line(300 * MIB, 0, 0.05, 80, "reading 300.0 MiB");
	line(300 * MIB, 0, 10.0, 20, "reading 300.0 MiB");
	line(300 * MIB, 0, 10.0, 10, "reading 30");
}

/* Narrow terminals lose the rate, then the bar, never the line's width. */
static void test_narrow(void **state)
{
	(void)state;
	/* 50 - 15 - 22: a bar of 13, 5 of them full */
	line(40 * MIB, 100 * MIB, 2.0, 50, "reading  40% [=====>       ] 40.0 MiB of 100.0 MiB");
	line(40 * MIB, 100 * MIB, 2.0, 30, "reading  40% 40.0 MiB of 100.0");
	line(40 * MIB, 100 * MIB, 2.0, 0, "");
}

/* A meter that was never started draws nothing and ends quietly. */
static void test_meter_off(void **state)
{
	struct progress p;
	(void)state;
	memset(&p, 0, sizeof p);
	progress_add(&p, 1000);
	assert_int_equal(p.done, 0);
	progress_end(&p);
	progress_hide();
}

/* Within its first second a meter counts but draws nothing, and ending
 * it then erases nothing: short runs never flicker. */
static void test_meter_quiet_at_first(void **state)
{
	struct progress p;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	(void)state;
	assert_non_null(out);
	progress_start(&p, out, 1000, 80);
	progress_add(&p, 400);
	progress_add(&p, 600);
	assert_int_equal(p.done, 1000);
	progress_hide();
	progress_end(&p);
	fclose(out);
	assert_int_equal(len, 0);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bytes),        cmocka_unit_test(test_known_total),
		cmocka_unit_test(test_eta_hours),    cmocka_unit_test(test_unknown_total),
		cmocka_unit_test(test_narrow),       cmocka_unit_test(test_meter_off),
		cmocka_unit_test(test_meter_quiet_at_first),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
