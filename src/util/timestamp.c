/* Timestamp parsing and formatting, by hand: strptime and mktime are slow,
 * locale- and zone-dependent, and sit in the per-record path. */
#include "util/timestamp.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/duration.h"

int64_t ts_floor(int64_t t, int64_t unit)
{
	int64_t q = t / unit;
	return (q - (t % unit != 0 && t < 0)) * unit;
}

/* The days-from-civil algorithm: shift the year to start in March so that
 * the leap day is the last day of the shifted year, then count 400-year
 * eras of 146097 days. */
int64_t ts_days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void ts_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int64_t y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 ? 28 + leap : dm[m - 1];
}

/* Reads exactly n digits at *p into *v; advances *p. */
static int digits(const char **p, const char *end, int n, int *v)
{
	int x = 0;
	for (int i = 0; i < n; i++) {
		if (*p >= end || **p < '0' || **p > '9')
			return 0;
		x = x * 10 + (**p - '0');
		(*p)++;
	}
	*v = x;
	return 1;
}

/* A Unix time with a fraction, or too long: ts_parse took the times of
 * digits only (ts_epoch_digits). */
static enum num_err parse_epoch(const char *s, size_t len, int64_t *ns_out)
{
	size_t int_len = 0;
	while (int_len < len && s[int_len] != '.')
		int_len++;
	for (size_t i = 0; i < len; i++)
		if ((s[i] < '0' || s[i] > '9') && i != int_len)
			return NUM_SYNTAX; /* not a number: say so, whatever its length */
	if (int_len == 0)
		return NUM_SYNTAX;
	if (int_len > 19)
		return NUM_RANGE;
	uint64_t ip;
	enum num_err e = num_parse_u64(s, int_len, &ip);
	if (e != NUM_OK)
		return e;
	/* the magnitude says the unit; the fraction is of that unit */
	int64_t unit = ip < UINT64_C(100000000000) ? NS_PER_S
		       : ip < UINT64_C(100000000000000) ? NS_PER_MS
		       : ip < UINT64_C(100000000000000000) ? NS_PER_US : 1;
	int64_t frac_ns = 0;
	if (int_len < len) {
		int64_t f;
		/* sub-nanosecond digits are dropped, not an error */
		size_t flen = len - int_len - 1, keep = flen > 9 ? 9 : flen;
		for (size_t i = keep; i < flen; i++)
			if (s[int_len + 1 + i] < '0' || s[int_len + 1 + i] > '9')
				return NUM_SYNTAX;
		if (flen == 0)
			return NUM_SYNTAX;
		uint64_t digits_value;
		e = num_parse_u64(s + int_len + 1, keep, &digits_value);
		if (e != NUM_OK)
			return NUM_SYNTAX;
		f = (int64_t)digits_value;
		for (size_t i = keep; i < 9; i++)
			f *= 10; /* ".6" is 600000000 billionths */
		frac_ns = (int64_t)((i128)f * unit / FRAC_ONE);
	}
	i128 t = (i128)ip * unit + frac_ns;
	if (t > TS_MAX)
		return NUM_RANGE;
	*ns_out = (int64_t)t;
	return NUM_OK;
}

/* Reads a fraction of a second ".250" at *p into ns; advances *p. */
static int fraction(const char **p, const char *end, int64_t *ns)
{
	int n = 0;
	int64_t f = 0;
	(*p)++;
	while (*p < end && **p >= '0' && **p <= '9') {
		if (n < 9) {
			f = f * 10 + (**p - '0');
			n++;
		}
		(*p)++;
	}
	if (n == 0)
		return 0;
	for (; n < 9; n++)
		f *= 10;
	*ns = f;
	return 1;
}

/* Reads a zone offset "+0200", "+02:00", "-04" at *p into ns east of
 * UTC; advances *p.  Returns NUM_OK, or the error. */
static enum num_err zone_offset(const char **p, const char *end, int64_t *ns)
{
	int sign = **p == '-' ? -1 : 1, oh, om = 0;
	(*p)++;
	if (!digits(p, end, 2, &oh))
		return NUM_SYNTAX;
	if (*p < end && **p == ':')
		(*p)++;
	if (*p < end && **p >= '0' && **p <= '9' && !digits(p, end, 2, &om))
		return NUM_SYNTAX;
	if (oh > 23 || om > 59)
		return NUM_RANGE;
	*ns = sign * (oh * 3600 + om * 60) * NS_PER_S;
	return NUM_OK;
}

/* The cache of local_offset: one local hour and its offset.  A zone
 * change clears it. */
static int64_t cached_hour = INT64_MIN, cached_off;

/* An offset that says "none was written". */
#define NO_ZONE INT64_MIN

/* Set by ts_set_zone: zone-less times are local times of TZ. */
static int local_zone;

static char zone_name[128] = "UTC";

const char *ts_zone_name(void)
{
	return zone_name;
}

int ts_set_zone(const char *name)
{
	if (strcmp(name, "UTC") == 0 || strcmp(name, "Z") == 0) {
		local_zone = 0;
		cached_hour = INT64_MIN;
		snprintf(zone_name, sizeof zone_name, "UTC");
		return 0;
	}
	/* glibc takes an unknown name for UTC without a word: look first */
	const char *dir = getenv("TZDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir ? dir : "/usr/share/zoneinfo", name);
	struct stat st;
	if (!name[0] || name[0] == '/' || strstr(name, "..") || stat(path, &st) != 0 ||
	    !S_ISREG(st.st_mode))
		return -1; /* "Europe" is a directory of zones, not one */
	setenv("TZ", name, 1);
	tzset();
	local_zone = 1;
	cached_hour = INT64_MIN;
	snprintf(zone_name, sizeof zone_name, "%s", name);
	return 0;
}

/* The offset (s east of UTC) in force at the instant t. */
static int64_t offset_at(int64_t t)
{
	struct tm tm;
	time_t tt = (time_t)t;
	return localtime_r(&tt, &tm) ? tm.tm_gmtoff : 0;
}

/* The UTC offset (s east) to read local civil time `local` (seconds as if
 * it were UTC) with.  The offsets half a day before and after bracket any
 * clock change near it; each gives a candidate instant, valid when its
 * own offset is the one it was made with.  A time in the hour a clock
 * skips has no valid candidate and takes the offset from before the
 * change (02:30 when 02:00 became 03:00 reads as 03:30); one in the hour
 * a clock repeats has two and takes the later, after the change. */
static int64_t local_offset(int64_t local)
{
	if (local / 3600 == cached_hour)
		return cached_off;
	int64_t before = offset_at(local - 14 * 3600), after = offset_at(local + 14 * 3600);
	int64_t off = before;
	if (before != after) {
		bool before_ok = offset_at(local - before) == before;
		bool after_ok = offset_at(local - after) == after;
		off = after_ok ? after : before_ok ? before : before;
	}
	cached_hour = local / 3600;
	cached_off = off;
	return off;
}

static enum num_err civil_to_ns(int y, int mo, int d, int h, int mi, int sec, int64_t frac,
				int64_t offset, int64_t *ns_out)
{
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
		return NUM_RANGE;
	/* 60 is a leap second; it is counted as the next second's start */
	if (h > 23 || mi > 59 || sec > 60)
		return NUM_RANGE;
	i128 secs = (i128)ts_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
	if (offset == NO_ZONE)
		offset = local_zone && secs > INT32_MIN && secs < INT64_C(1) << 40
				 ? local_offset((int64_t)secs) * NS_PER_S : 0;
	i128 t = secs * NS_PER_S + frac - offset;
	if (t > TS_MAX || t < -TS_MAX)
		return NUM_RANGE;
	*ns_out = (int64_t)t;
	return NUM_OK;
}

static const char *const month_names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

int ts_month_abbr(const char *p)
{
	/* every line of an access log asks: the three letters as one number,
	 * compared with twelve, rather than twelve calls to memcmp */
#define ABBR(a, b, c) ((uint32_t)(unsigned char)(a) << 16 | (uint32_t)(unsigned char)(b) << 8 | \
		       (uint32_t)(unsigned char)(c))
	static const uint32_t abbr[12] = {
		ABBR('J', 'a', 'n'), ABBR('F', 'e', 'b'), ABBR('M', 'a', 'r'), ABBR('A', 'p', 'r'),
		ABBR('M', 'a', 'y'), ABBR('J', 'u', 'n'), ABBR('J', 'u', 'l'), ABBR('A', 'u', 'g'),
		ABBR('S', 'e', 'p'), ABBR('O', 'c', 't'), ABBR('N', 'o', 'v'), ABBR('D', 'e', 'c')};
	uint32_t w = ABBR(p[0], p[1], p[2]);
#undef ABBR
	for (int i = 0; i < 12; i++)
		if (w == abbr[i])
			return i + 1;
	return 0;
}

const char *ts_month_name(int m)
{
	return m >= 1 && m <= 12 ? month_names[m - 1] : "?";
}

/* Two digits at p, or -1. */
static int two_digits(const char *p)
{
	unsigned a = (unsigned char)p[0] - '0', b = (unsigned char)p[1] - '0';
	return a > 9 || b > 9 ? -1 : (int)(a * 10 + b);
}

/* The stamp nearly every access log writes, "10/Oct/2000:13:55:36 -0700",
 * read at its fixed places: it is parsed once a line.  NUM_EMPTY when p
 * holds another form (the general parser then reads it). */
static enum num_err clf_usual(const char *p, int64_t *ns_out)
{
	/* the stamp of the last minute read, all but its seconds, and the
	 * time of its second 0: a log has many lines a minute.  A cache of
	 * bytes to a value, so the parse stays a function of its input */
	static char minute[26];
	static int64_t minute_ns;
	if (p[2] != '/' || p[6] != '/' || p[11] != ':' || p[14] != ':' || p[17] != ':' ||
	    p[20] != ' ' || (p[21] != '+' && p[21] != '-'))
		return NUM_EMPTY;
	int s = two_digits(p + 18);
	if (s >= 0 && s <= 60 && memcmp(p, minute, 18) == 0 && memcmp(p + 20, minute + 20, 6) == 0) {
		*ns_out = minute_ns + s * NS_PER_S;
		return NUM_OK;
	}
	int d = two_digits(p), y1 = two_digits(p + 7), y2 = two_digits(p + 9),
	    h = two_digits(p + 12), mi = two_digits(p + 15), sec = two_digits(p + 18),
	    oh = two_digits(p + 22), om = two_digits(p + 24), mo = ts_month_abbr(p + 3);
	if ((d | y1 | y2 | h | mi | sec | oh | om) < 0 || !mo)
		return NUM_SYNTAX;
	if (oh > 23 || om > 59)
		return NUM_RANGE;
	int64_t offset = (p[21] == '-' ? -1 : 1) * (oh * 3600 + om * 60) * NS_PER_S;
	enum num_err e = civil_to_ns(y1 * 100 + y2, mo, d, h, mi, sec, 0, offset, ns_out);
	/* kept when its seconds 0 to 60 are all in range too (civil_to_ns
	 * checks the range of the ns, which a minute may straddle) */
	if (e != NUM_OK)
		return e;
	int64_t zero = *ns_out - sec * NS_PER_S;
	if (zero >= -TS_MAX && zero <= TS_MAX - 60 * NS_PER_S) {
		memcpy(minute, p, sizeof minute);
		minute_ns = zero;
	}
	return NUM_OK;
}

enum num_err ts_parse_clf(const char *s, size_t len, int64_t *ns_out)
{
	const char *p = s, *end = s + len;
	int d, y, h, mi, sec, mo = 0;
	int64_t frac = 0, offset = NO_ZONE;

	if (p < end && *p == '[')
		p++;
	if (end > p && end[-1] == ']')
		end--;
	if (end - p == 26) {
		enum num_err e = clf_usual(p, ns_out);
		if (e != NUM_EMPTY)
			return e;
	}
	if (!digits(&p, end, 2, &d) || p >= end || *p++ != '/' || end - p < 4)
		return NUM_SYNTAX;
	mo = ts_month_abbr(p);
	p += 3;
	if (!mo || p >= end || *p++ != '/' || !digits(&p, end, 4, &y) || p >= end ||
	    *p++ != ':' || !digits(&p, end, 2, &h) || p >= end || *p++ != ':' ||
	    !digits(&p, end, 2, &mi) || p >= end || *p++ != ':' || !digits(&p, end, 2, &sec))
		return NUM_SYNTAX;
	if (p < end && *p == '.' && !fraction(&p, end, &frac))
		return NUM_SYNTAX;
	if (p < end && *p == ' ') {
		p++;
		if (p >= end || (*p != '+' && *p != '-'))
			return NUM_SYNTAX;
		enum num_err e = zone_offset(&p, end, &offset);
		if (e != NUM_OK)
			return e;
	}
	if (p != end)
		return NUM_SYNTAX;
	return civil_to_ns(y, mo, d, h, mi, sec, frac, offset, ns_out);
}

/* Set by ts_set_year: the year given, or the reference year and month. */
static int fixed_year, ref_year, ref_month;

void ts_set_year(int year, int month, int64_t ref)
{
	fixed_year = month ? 0 : year;
	if (year && month) {
		ref_year = year;
		ref_month = month;
		return;
	}
	int64_t y;
	int m, d, hh, mm, ss, wday;
	ts_to_local(ref, &y, &m, &d, &hh, &mm, &ss, &wday);
	ref_year = (int)y;
	ref_month = m;
}

int ts_year(int *year, int *month)
{
	if (!fixed_year && !ref_year)
		ts_set_year(0, 0, (int64_t)time(NULL) * NS_PER_S);
	*year = ref_year;
	*month = ref_month;
	return fixed_year;
}

enum num_err ts_parse_syslog(const char *s, size_t len, int64_t *ns_out)
{
	const char *p = s, *end = s + len;
	int y, mo, d, h, mi, sec;
	int64_t frac = 0;

	if (len < 14 || !(mo = ts_month_abbr(s)) || s[3] != ' ')
		return NUM_SYNTAX;
	p += 4;
	if (*p == ' ') /* "Feb  5": the day padded with a space */
		p++;
	if (!digits(&p, end, 1, &d))
		return NUM_SYNTAX;
	if (p < end && *p >= '0' && *p <= '9')
		d = d * 10 + (*p++ - '0');
	if (p >= end || *p++ != ' ' || !digits(&p, end, 2, &h) || p >= end || *p++ != ':' ||
	    !digits(&p, end, 2, &mi) || p >= end || *p++ != ':' || !digits(&p, end, 2, &sec))
		return NUM_SYNTAX;
	if (p < end && *p == '.' && !fraction(&p, end, &frac))
		return NUM_SYNTAX;
	if (p < end) {
		if (*p++ != ' ' || !digits(&p, end, 4, &y) || p != end)
			return NUM_SYNTAX;
	} else {
		int ry, rm;
		y = ts_year(&ry, &rm);
		if (!y)
			y = mo > rm ? ry - 1 : ry;
	}
	return civil_to_ns(y, mo, d, h, mi, sec, frac, NO_ZONE, ns_out);
}

enum num_err ts_parse_text(const char *s, size_t len, int64_t *ns_out)
{
	const char *p = s, *end = s + len;
	int y, mo, d, h = 0, mi = 0, sec = 0;
	int64_t frac = 0, offset = NO_ZONE;

	if (len == 0)
		return NUM_EMPTY;
	if ((len > 2 && s[2] == '/') || (len > 3 && s[0] == '[' && s[3] == '/'))
		return ts_parse_clf(s, len, ns_out);
	if (s[0] >= 'A' && s[0] <= 'S')
		return ts_parse_syslog(s, len, ns_out);
	if (len < 10 || s[4] != '-')
		return parse_epoch(s, len, ns_out);
	if (!digits(&p, end, 4, &y) || *p++ != '-' || !digits(&p, end, 2, &mo) ||
	    p >= end || *p++ != '-' || !digits(&p, end, 2, &d))
		return NUM_SYNTAX;
	if (p < end && (*p == 'T' || *p == 't' || *p == ' ')) {
		p++;
		if (!digits(&p, end, 2, &h) || p >= end || *p++ != ':' ||
		    !digits(&p, end, 2, &mi))
			return NUM_SYNTAX;
		if (p < end && *p == ':') {
			p++;
			if (!digits(&p, end, 2, &sec))
				return NUM_SYNTAX;
			if (p < end && (*p == '.' || *p == ',') && !fraction(&p, end, &frac))
				return NUM_SYNTAX;
		}
		if (p < end && (*p == 'Z' || *p == 'z')) {
			offset = 0;
			p++;
		} else if (p < end && (*p == '+' || *p == '-')) {
			enum num_err e = zone_offset(&p, end, &offset);
			if (e != NUM_OK)
				return e;
		}
	}
	if (p != end)
		return NUM_SYNTAX;
	return civil_to_ns(y, mo, d, h, mi, sec, frac, offset, ns_out);
}

char *ts_format_rfc3339(int64_t t, char *buf, size_t size)
{
	int64_t days = t / NS_PER_DAY, rem = t % NS_PER_DAY;
	if (rem < 0) {
		rem += NS_PER_DAY;
		days--;
	}
	int64_t y;
	int m, d;
	ts_civil_from_days(days, &y, &m, &d);
	int64_t secs = rem / NS_PER_S, frac = rem % NS_PER_S;
	int n = snprintf(buf, size, "%04lld-%02d-%02dT%02d:%02d:%02d", (long long)y, m, d,
			 (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
	if (frac > 0 && n > 0 && (size_t)n < size) {
		char f[16];
		num_format_scaled(frac, 9, f, sizeof f); /* "0.25" */
		n += snprintf(buf + n, size - (size_t)n, "%s", f + 1);
	}
	if (n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, "Z");
	return buf;
}

void ts_to_local(int64_t t, int64_t *y, int *m, int *d, int *hh, int *mm, int *ss, int *wday)
{
	int64_t secs = t / NS_PER_S - (t % NS_PER_S < 0);
	if (local_zone) {
		struct tm tm;
		time_t tt = (time_t)secs;
		if (localtime_r(&tt, &tm))
			secs += tm.tm_gmtoff;
	}
	int64_t days = secs / 86400, rem = secs % 86400;
	if (rem < 0) {
		rem += 86400;
		days--;
	}
	ts_civil_from_days(days, y, m, d);
	*hh = (int)(rem / 3600);
	*mm = (int)(rem / 60 % 60);
	*ss = (int)(rem % 60);
	/* 1970-01-01 was a Thursday (4) */
	int64_t w = (days % 7 + 7 + 3) % 7;
	*wday = (int)w + 1;
}

enum num_err ts_from_local(int64_t y, int m, int d, int hh, int mm, int ss, int64_t *t)
{
	if (y < 1679 || y > 2261)
		return NUM_RANGE;
	return civil_to_ns((int)y, m, d, hh, mm, ss, 0, NO_ZONE, t);
}

char *ts_format_local(int64_t t, int with_time, char *buf, size_t size)
{
	int64_t y;
	int m, d, hh, mm, ss, wd;
	ts_to_local(t, &y, &m, &d, &hh, &mm, &ss, &wd);
	if (with_time)
		snprintf(buf, size, "%04lld-%02d-%02d %02d:%02d", (long long)y, m, d, hh, mm);
	else
		snprintf(buf, size, "%04lld-%02d-%02d", (long long)y, m, d);
	return buf;
}
