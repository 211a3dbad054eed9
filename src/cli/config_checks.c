#include "cli/config_checks.h"

#include <stdio.h>

#include "cli/ingest.h"
#include "input/log_format.h"
#include "util/timestamp.h"

static const char *zone_after = "UTC";

void config_checks_zone_after(const char *zone)
{
	zone_after = zone;
}

static int check_zone(const char *name, char *why, size_t whylen)
{
	(void)why;
	(void)whylen;
	int bad = ts_set_zone(name);
	ts_set_zone(zone_after);
	return bad ? -1 : 0;
}

static int check_format(const char *name, char *why, size_t whylen)
{
	snprintf(why, whylen, "%s", ingest_formats());
	return ingest_check_format(name) ? -1 : 0;
}

static int check_log_format(const char *fmt, char *why, size_t whylen)
{
	struct log_format lf;
	if (log_format_compile(&lf, "custom", fmt, why, whylen))
		return -1;
	log_format_free(&lf);
	return 0;
}

const struct slocfg_checks config_checks = {check_zone, check_format, check_log_format};
