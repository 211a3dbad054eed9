/* Duration parsing and formatting. */
#include "util/duration.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

struct unit {
	const char *name;
	int64_t ns;
};

/* Longest names first where one is a prefix of another is not needed:
 * a unit is matched as the whole run of letters after the number. */
static const struct unit units[] = {
	{"ns", 1},
	{"us", NS_PER_US},
	{"\xc2\xb5s", NS_PER_US}, /* µs */
	{"ms", NS_PER_MS},
	{"s", NS_PER_S},
	{"sec", NS_PER_S},
	{"secs", NS_PER_S},
	{"second", NS_PER_S},
	{"seconds", NS_PER_S},
	{"m", NS_PER_MIN},
	{"min", NS_PER_MIN},
	{"mins", NS_PER_MIN},
	{"minute", NS_PER_MIN},
	{"minutes", NS_PER_MIN},
	{"h", NS_PER_HOUR},
	{"hr", NS_PER_HOUR},
	{"hour", NS_PER_HOUR},
	{"hours", NS_PER_HOUR},
	{"d", NS_PER_DAY},
	{"day", NS_PER_DAY},
	{"days", NS_PER_DAY},
	{"w", NS_PER_WEEK},
	{"week", NS_PER_WEEK},
	{"weeks", NS_PER_WEEK},
	{"mo", NS_PER_MONTH},
	{"month", NS_PER_MONTH},
	{"months", NS_PER_MONTH},
	{"q", NS_PER_QUARTER},
	{"quarter", NS_PER_QUARTER},
	{"quarters", NS_PER_QUARTER},
	{"y", NS_PER_YEAR},
	{"year", NS_PER_YEAR},
	{"years", NS_PER_YEAR},
};

static int64_t unit_lookup(const char *s, size_t len)
{
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strlen(units[i].name) == len &&
		    strncasecmp(units[i].name, s, len) == 0) {
			/* "M" is not a month and "S" not a second: units
			 * shorter than three letters are case-sensitive */
			if (len < 3 && strncmp(units[i].name, s, len) != 0)
				continue;
			return units[i].ns;
		}
	return 0;
}

static int is_digit_or_dot(char c)
{
	return (c >= '0' && c <= '9') || c == '.';
}

enum num_err duration_parse(const char *s, int64_t *ns_out)
{
	i128 total = 0;
	int parts = 0;
	size_t i = 0, n = strlen(s);

	if (n == 0)
		return NUM_EMPTY;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		size_t num_start = i;
		while (i < n && is_digit_or_dot(s[i]))
			i++;
		size_t num_len = i - num_start;
		size_t unit_start = i;
		while (i < n && s[i] != ' ' && !is_digit_or_dot(s[i]))
			i++;
		size_t unit_len = i - unit_start;
		int64_t unit = unit_lookup(s + unit_start, unit_len);
		if (unit == 0)
			return NUM_SYNTAX;
		/* a period word alone means one of it: "month" */
		int64_t part = unit;
		if (num_len > 0) {
			enum num_err e = num_parse_times(s + num_start, num_len, unit, &part);
			if (e != NUM_OK)
				return e;
		} else if (unit_len < 3) {
			return NUM_SYNTAX; /* "h" alone is a typo, not an hour */
		}
		total += part;
		if (total > INT64_MAX)
			return NUM_RANGE;
		parts++;
	}
	if (parts == 0)
		return NUM_EMPTY;
	if (total <= 0)
		return NUM_RANGE;
	*ns_out = (int64_t)total;
	return NUM_OK;
}

char *duration_format_human(int64_t ns, char *buf, size_t size)
{
	const char *sign = "";
	uint64_t u;

	if (ns < 0) {
		sign = "-";
		u = (uint64_t)(-(ns + 1)) + 1; /* INT64_MIN too */
	} else {
		u = (uint64_t)ns;
	}
	/* The value decides the precision (59m 59.5s keeps its tenth): q ns.
	 * The rounded value is then written by its own size, so that a carry
	 * (59.9996s to 60.000s) reads "1m", not "60s".  Counting in units of
	 * q keeps INT64_MAX from overflowing. */
	uint64_t q = u >= (uint64_t)NS_PER_HOUR  ? (uint64_t)NS_PER_S
		     : u >= (uint64_t)NS_PER_MIN ? 100 * (uint64_t)NS_PER_MS
		     : u >= (uint64_t)NS_PER_S   ? (uint64_t)NS_PER_MS
		     : u >= (uint64_t)NS_PER_MS  ? (uint64_t)NS_PER_US
						 : 1;
	uint64_t n = u / q + (u % q >= q - q / 2 && q > 1);
	uint64_t per_s = (uint64_t)NS_PER_S / q;
	uint64_t whole = n / per_s, frac = n % per_s;
	int digits = 0;
	for (uint64_t k = per_s; k > 1; k /= 10)
		digits++;
	char num[48];

	if (n == 0) {
		snprintf(buf, size, "0s");
		return buf;
	}
	if (whole == 0) {
		uint64_t v = frac * q; /* ns, below a second */
		if (v >= (uint64_t)NS_PER_MS)
			snprintf(buf, size, "%s%sms", sign,
				 num_format_scaled((i128)(v / (uint64_t)NS_PER_US), 3, num, sizeof num));
		else if (v >= (uint64_t)NS_PER_US)
			snprintf(buf, size, "%s%s\xc2\xb5s", sign, num_format_scaled((i128)v, 3, num, sizeof num));
		else
			snprintf(buf, size, "%s%lluns", sign, (unsigned long long)v);
		return buf;
	}

	static const struct {
		uint64_t s;
		const char *name;
	} big[] = {{86400, "d"}, {3600, "h"}, {60, "m"}};
	char out[96];
	size_t o = 0;
	for (size_t k = 0; k < sizeof big / sizeof big[0]; k++) {
		if (whole >= big[k].s) {
			o += (size_t)snprintf(out + o, sizeof out - o, "%s%llu%s", o ? " " : "",
					      (unsigned long long)(whole / big[k].s), big[k].name);
			whole %= big[k].s;
		}
	}
	if (whole > 0 || frac > 0)
		snprintf(out + o, sizeof out - o, "%s%ss", o ? " " : "",
			 num_format_scaled((i128)(whole * per_s + frac), digits, num, sizeof num));
	snprintf(buf, size, "%s%s", sign, out);
	return buf;
}

char *duration_format_seconds(int64_t ns, char *buf, size_t size)
{
	return num_format_scaled(ns, 9, buf, size);
}
