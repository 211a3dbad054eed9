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
		int64_t scaled = FRAC_ONE;
		if (num_len > 0) {
			enum num_err e = num_parse_scaled(s + num_start, num_len,
							  FRAC_DIGITS, &scaled);
			if (e != NUM_OK)
				return e == NUM_PRECISION ? NUM_PRECISION : e;
		} else if (unit_len < 3) {
			return NUM_SYNTAX; /* "h" alone is a typo, not an hour */
		}
		/* round half up to the nanosecond */
		total += ((i128)scaled * unit + FRAC_ONE / 2) / FRAC_ONE;
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

/* ns rounded to the nearest multiple of q, halves away from zero */
static int64_t round_to(int64_t ns, int64_t q)
{
	return (ns + q / 2) / q * q;
}

char *duration_format_human(int64_t ns, char *buf, size_t size)
{
	const char *sign = "";
	int64_t v;

	if (ns < 0) {
		sign = "-";
		ns = ns == INT64_MIN ? INT64_MAX : -ns;
	}
	/* Each class rounds to its own precision; rounding can carry a value
	 * into the class above (59.96s -> 60.0s), so test after rounding. */
	if ((v = round_to(ns, NS_PER_S)) >= NS_PER_HOUR)
		;
	else if ((v = round_to(ns, 100 * NS_PER_MS)) >= NS_PER_MIN)
		;
	else if ((v = round_to(ns, NS_PER_MS)) >= NS_PER_S)
		;
	else if ((v = round_to(ns, NS_PER_US)) >= NS_PER_MS)
		;
	else
		v = ns;

	char num[48];
	if (v == 0) {
		snprintf(buf, size, "0s");
		return buf;
	}
	if (v < NS_PER_US) {
		snprintf(buf, size, "%s%lldns", sign, (long long)v);
		return buf;
	}
	if (v < NS_PER_MS) {
		snprintf(buf, size, "%s%s\xc2\xb5s", sign, num_format_scaled(v, 3, num, sizeof num));
		return buf;
	}
	if (v < NS_PER_S) {
		snprintf(buf, size, "%s%sms", sign,
			 num_format_scaled(v / NS_PER_US, 3, num, sizeof num));
		return buf;
	}

	static const struct {
		int64_t ns;
		const char *name;
	} big[] = {{NS_PER_DAY, "d"}, {NS_PER_HOUR, "h"}, {NS_PER_MIN, "m"}};
	char out[96];
	size_t o = 0;
	for (size_t k = 0; k < sizeof big / sizeof big[0]; k++) {
		if (v >= big[k].ns) {
			o += (size_t)snprintf(out + o, sizeof out - o, "%s%lld%s",
					      o ? " " : "", (long long)(v / big[k].ns),
					      big[k].name);
			v %= big[k].ns;
		}
	}
	if (v > 0)
		snprintf(out + o, sizeof out - o, "%s%ss", o ? " " : "",
			 num_format_scaled(v, 9, num, sizeof num));
	snprintf(buf, size, "%s%s", sign, out);
	return buf;
}

char *duration_format_seconds(int64_t ns, char *buf, size_t size)
{
	return num_format_scaled(ns, 9, buf, size);
}
