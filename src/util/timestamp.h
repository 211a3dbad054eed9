/* Timestamps: int64_t nanoseconds since 1970-01-01T00:00:00Z, which spans
 * the years 1679 to 2261 (TS_MAX); anything outside is out of range. */
#ifndef SLO_UTIL_TIMESTAMP_H
#define SLO_UTIL_TIMESTAMP_H

#include <stddef.h>
#include <stdint.h>

#include "util/duration.h"
#include "util/num.h"

/* The latest time (and, negated, the earliest) a timestamp may have: a
 * year short of the int64_t limit, so that rounding a time up to its
 * minute or adding a window to it cannot overflow. */
#define TS_MAX (INT64_MAX - INT64_C(31556952000000000))

/* t rounded down to a multiple of unit, before 1970 too (C's division
 * rounds toward zero). */
int64_t ts_floor(int64_t t, int64_t unit);

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
int64_t ts_days_from_civil(int64_t y, int m, int d);

/* The date of a day count from ts_days_from_civil. */
void ts_civil_from_days(int64_t days, int64_t *y, int *m, int *d);

/* Parses s[0..len): RFC 3339 / ISO 8601 ("2026-10-01T12:00:00Z",
 * "2026-10-01 12:00:00.250+02:00", "2026-10-01T12:00", "2026-10-01"; no
 * zone means UTC), or a Unix epoch number, integer or decimal, whose unit
 * is told by its magnitude: below 1e11 seconds, below 1e14 milliseconds,
 * below 1e17 microseconds, else nanoseconds; or a Common Log Format time
 * (ts_parse_clf); or a syslog stamp (ts_parse_syslog).  Inline: a Unix
 * time of digits only, the commonest in CSV exports, takes no call past
 * num_digits; ts_parse_text reads the rest. */
enum num_err ts_parse_text(const char *s, size_t len, int64_t *ns_out);

/* A Unix time written in digits only: its magnitude says the unit. */
static inline enum num_err ts_epoch_digits(uint64_t v, int64_t *ns_out)
{
	int64_t unit = v < UINT64_C(100000000000) ? NS_PER_S
		       : v < UINT64_C(100000000000000) ? NS_PER_MS
		       : v < UINT64_C(100000000000000000) ? NS_PER_US : 1;
	i128 t = (i128)v * unit;
	if (t > TS_MAX)
		return NUM_RANGE;
	*ns_out = (int64_t)t;
	return NUM_OK;
}

static inline enum num_err ts_parse(const char *s, size_t len, int64_t *ns_out)
{
	uint64_t v;
	if (len == 0 || len > 19 || num_digits(s, len, &v) != len)
		return ts_parse_text(s, len, ns_out);
	return ts_epoch_digits(v, ns_out);
}

/* The month (1-12) whose English abbreviation, "Jan" to "Dec", starts
 * at p (3 bytes are read), or 0; and the abbreviation of month m. */
int ts_month_abbr(const char *p);
const char *ts_month_name(int m);

/* Parses a syslog stamp (RFC 3164), "Feb 25 16:19:49" or "Feb  5
 * 16:19:49", with an optional fraction of a second and an optional year
 * after it ("Feb 25 16:19:49 2019"), in the zone of ts_set_zone.  A stamp
 * without a year takes the one ts_set_year chose. */
enum num_err ts_parse_syslog(const char *s, size_t len, int64_t *ns_out);

/* The year of syslog stamps that have none.  The file ends in a month:
 * stamps of that month or earlier are of its year, later ones of the year
 * before (a log last written in January holds December's lines).  That
 * month is `year`-`month` when both are given (--year 2019-03), else the
 * month of `ref` in the zone of ts_set_zone, ref being when the file was
 * last written; `year` alone (--year 2019) puts every stamp in it.  Until
 * this is called, ref is the time of the first parse. */
void ts_set_year(int year, int month, int64_t ref);

/* What ts_set_year chose: the year of every stamp; or 0, with the year
 * and month (1-12) the file ends in in *end_year and *end_month. */
int ts_year(int *end_year, int *end_month);

/* Parses a Common Log Format time, "10/Oct/2000:13:55:36 -0700", with
 * optional surrounding brackets, an optional fraction of a second
 * (HAProxy's "25/Feb/2019:16:19:48.143") and an optional zone (none means
 * UTC).  ts_parse also accepts this form. */
enum num_err ts_parse_clf(const char *s, size_t len, int64_t *ns_out);

/* Sets the zone that times written without one are in (RFC 3339 without
 * an offset, CLF without one, HAProxy's accept date), for every later
 * parse: an IANA name ("Europe/Berlin") from the C library's zone
 * database, or "UTC", the default.  Returns 0, or -1 when the database
 * has no such zone.  Epoch numbers are UTC whatever the zone. */
int ts_set_zone(const char *name);

/* The zone set by ts_set_zone: "UTC" or the name given. */
const char *ts_zone_name(void);

/* The civil date and time of t in the zone of ts_set_zone (UTC unless
 * set); wday is 1 (Monday) to 7 (Sunday). */
void ts_to_local(int64_t t, int64_t *y, int *m, int *d, int *hh, int *mm, int *ss, int *wday);

/* The time of a civil date and time in the zone of ts_set_zone; NUM_RANGE
 * when out of range. */
enum num_err ts_from_local(int64_t y, int m, int d, int hh, int mm, int ss, int64_t *t);

/* Writes the local date of t in the zone of ts_set_zone, "2026-10-25",
 * or with hours and minutes, "2026-10-25 03:00"; returns buf. */
char *ts_format_local(int64_t t, int with_time, char *buf, size_t size);

/* Writes t as RFC 3339 in UTC, with a fraction only when it has one
 * ("2026-10-01T00:00:00Z", "2026-10-01T00:00:00.25Z"); returns buf. */
char *ts_format_rfc3339(int64_t t, char *buf, size_t size);

#endif
