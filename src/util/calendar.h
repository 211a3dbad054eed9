/* Calendar periods (SPEC "Windows"): the day, ISO week, month, quarter or
 * year holding a time, or one named ("2026-10", "2026-Q3", "2026-W44",
 * "2026"), in the zone of ts_set_zone (UTC unless set).  A month in a zone
 * with daylight saving is an hour longer or shorter when the clocks
 * change in it. */
#ifndef SLO_UTIL_CALENDAR_H
#define SLO_UTIL_CALENDAR_H

#include <stdint.h>

#include "util/num.h"

enum cal_kind { CAL_NONE, CAL_DAY, CAL_WEEK, CAL_MONTH, CAL_QUARTER, CAL_YEAR };

/* "day", "week", "month", "quarter", "year" → the kind; CAL_NONE else. */
enum cal_kind cal_kind_parse(const char *s);
const char *cal_kind_name(enum cal_kind k);

/* The period of kind k holding t: [start, end) in ns. */
enum num_err cal_period(enum cal_kind k, int64_t t, int64_t *start, int64_t *end);

/* The period a name gives: "2026-10" (month), "2026-Q3" (quarter),
 * "2026-W44" (ISO week), "2026" (year), "2026-10-05" (day). */
enum num_err cal_named(const char *s, enum cal_kind *k, int64_t *start, int64_t *end);

#endif
