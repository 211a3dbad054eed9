/* Durations: parsing what users write ("1h30m", "1.5h", "30d", "month")
 * and writing them back for humans ("43m 12s") and machines (seconds).
 * All durations are int64_t nanoseconds. */
#ifndef SLO_UTIL_DURATION_H
#define SLO_UTIL_DURATION_H

#include <stddef.h>
#include <stdint.h>

#include "util/num.h"

#define NS_PER_US INT64_C(1000)
#define NS_PER_MS INT64_C(1000000)
#define NS_PER_S INT64_C(1000000000)
#define NS_PER_MIN (60 * NS_PER_S)
#define NS_PER_HOUR (3600 * NS_PER_S)
#define NS_PER_DAY (86400 * NS_PER_S)
#define NS_PER_WEEK (7 * NS_PER_DAY)
/* Gregorian mean year, 365.2425 days, and its twelfth and quarter, as the
 * common uptime tables use them (SPEC "Words"). */
#define NS_PER_YEAR (31556952 * NS_PER_S)
#define NS_PER_MONTH (2629746 * NS_PER_S)
#define NS_PER_QUARTER (7889238 * NS_PER_S)

/* Parses a duration: one or more <number><unit> parts ("1h30m", "1.5h",
 * "250ms", "1h 30m"), or a period word ("day", "week", "month", "quarter",
 * "year").  Units: ns us µs ms s m h d w, and the words sec min hour day
 * week month quarter year (singular or plural), mo, y.  A bare number has
 * no unit and is NUM_SYNTAX.  The result must be positive.  Fractions are
 * exact to the nanosecond. */
enum num_err duration_parse(const char *s, int64_t *ns_out);

/* Writes ns for humans (SPEC): largest unit first, parts separated by
 * spaces, zero parts left out; whole seconds from one hour up ("8h 45m
 * 57s"), tenths from one minute up ("43m 49.7s"), up to three decimals
 * below ("8.64s"), then ms, µs, ns.  Rounds to nearest.  Returns buf. */
char *duration_format_human(int64_t ns, char *buf, size_t size);

/* Writes ns as exact decimal seconds ("2592", "0.864"); returns buf. */
char *duration_format_seconds(int64_t ns, char *buf, size_t size);

#endif
