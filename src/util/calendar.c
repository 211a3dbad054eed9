/* Calendar periods in a zone. */
#include "util/calendar.h"

#include <string.h>

#include "util/timestamp.h"

static const char *const names[] = {"", "day", "week", "month", "quarter", "year"};

enum cal_kind cal_kind_parse(const char *s)
{
	for (int k = CAL_DAY; k <= CAL_YEAR; k++)
		if (strcmp(s, names[k]) == 0)
			return (enum cal_kind)k;
	return CAL_NONE;
}

const char *cal_kind_name(enum cal_kind k)
{
	return (unsigned)k <= CAL_YEAR ? names[k] : "";
}

/* The local date d days after y-m-d (d may be negative). */
static void add_days(int64_t *y, int *m, int *d, int64_t days)
{
	int64_t n = ts_days_from_civil(*y, *m, *d) + days;
	ts_civil_from_days(n, y, m, d);
}

/* [start, end) from a first day and the first day after, local midnights. */
static enum num_err span(int64_t y0, int m0, int d0, int64_t y1, int m1, int d1, int64_t *start,
			 int64_t *end)
{
	enum num_err e = ts_from_local(y0, m0, d0, 0, 0, 0, start);
	return e != NUM_OK ? e : ts_from_local(y1, m1, d1, 0, 0, 0, end);
}

/* The period of kind k that holds the local date y-m-d (wday 1-7). */
static enum num_err period_of(enum cal_kind k, int64_t y, int m, int d, int wday,
			      int64_t *start, int64_t *end)
{
	int64_t y1 = y;
	int m1 = m, d1 = d;
	switch (k) {
	case CAL_DAY:
		add_days(&y1, &m1, &d1, 1);
		return span(y, m, d, y1, m1, d1, start, end);
	case CAL_WEEK:
		add_days(&y, &m, &d, 1 - wday); /* back to Monday */
		y1 = y;
		m1 = m;
		d1 = d;
		add_days(&y1, &m1, &d1, 7);
		return span(y, m, d, y1, m1, d1, start, end);
	case CAL_MONTH:
		return span(y, m, 1, m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1, start, end);
	case CAL_QUARTER: {
		int q0 = (m - 1) / 3 * 3 + 1;
		return span(y, q0, 1, q0 == 10 ? y + 1 : y, q0 == 10 ? 1 : q0 + 3, 1, start, end);
	}
	case CAL_YEAR:
		return span(y, 1, 1, y + 1, 1, 1, start, end);
	case CAL_NONE:
		break;
	}
	return NUM_SYNTAX;
}

enum num_err cal_period(enum cal_kind k, int64_t t, int64_t *start, int64_t *end)
{
	int64_t y;
	int m, d, hh, mm, ss, wday;
	ts_to_local(t, &y, &m, &d, &hh, &mm, &ss, &wday);
	return period_of(k, y, m, d, wday, start, end);
}

static int digits(const char *s, int n, int *v)
{
	int x = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		x = x * 10 + (s[i] - '0');
	}
	*v = x;
	return 1;
}

enum num_err cal_named(const char *s, enum cal_kind *k, int64_t *start, int64_t *end)
{
	size_t n = strlen(s);
	int y, m, d, w;

	if (n < 4 || !digits(s, 4, &y))
		return NUM_SYNTAX;
	if (n == 4) {
		*k = CAL_YEAR;
		return period_of(CAL_YEAR, y, 1, 1, 1, start, end);
	}
	if (s[4] != '-')
		return NUM_SYNTAX;
	if (n == 7 && digits(s + 5, 2, &m)) {
		if (m < 1 || m > 12)
			return NUM_RANGE;
		*k = CAL_MONTH;
		return period_of(CAL_MONTH, y, m, 1, 1, start, end);
	}
	if (n == 7 && (s[5] == 'Q' || s[5] == 'q') && s[6] >= '1' && s[6] <= '4') {
		*k = CAL_QUARTER;
		return period_of(CAL_QUARTER, y, (s[6] - '1') * 3 + 1, 1, 1, start, end);
	}
	if (n == 8 && (s[5] == 'W' || s[5] == 'w') && digits(s + 6, 2, &w)) {
		/* ISO week 1 holds January 4th; weeks start on Monday */
		int64_t jan4 = ts_days_from_civil(y, 1, 4);
		int64_t wd = ((jan4 % 7) + 7 + 3) % 7 + 1; /* 1 Monday .. 7 Sunday */
		int64_t monday = jan4 - (wd - 1) + (int64_t)(w - 1) * 7;
		int64_t yy;
		int mm, dd;
		/* a year has 52 or 53 weeks: 53 when it starts on a Thursday,
		 * or is a leap year that starts on a Wednesday */
		int64_t next_jan4 = ts_days_from_civil(y + 1, 1, 4);
		int64_t next_wd = ((next_jan4 % 7) + 7 + 3) % 7 + 1;
		int64_t weeks = ((next_jan4 - (next_wd - 1)) - (jan4 - (wd - 1))) / 7;
		if (w < 1 || w > weeks)
			return NUM_RANGE;
		ts_civil_from_days(monday, &yy, &mm, &dd);
		*k = CAL_WEEK;
		return period_of(CAL_WEEK, yy, mm, dd, 1, start, end);
	}
	if (n == 10 && digits(s + 5, 2, &m) && s[7] == '-' && digits(s + 8, 2, &d)) {
		int64_t t;
		if (ts_from_local(y, m, d, 0, 0, 0, &t) != NUM_OK)
			return NUM_RANGE;
		*k = CAL_DAY;
		return cal_period(CAL_DAY, t, start, end);
	}
	return NUM_SYNTAX;
}
