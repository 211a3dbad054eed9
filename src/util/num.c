/* Checked number parsing and exact fixed-point formatting. */
#include "util/num.h"

#include <stdio.h>
#include <string.h>

const char *num_strerror(enum num_err e)
{
	switch (e) {
	case NUM_OK:
		return "ok";
	case NUM_EMPTY:
		return "empty";
	case NUM_SYNTAX:
		return "not a number";
	case NUM_RANGE:
		return "out of range";
	case NUM_PRECISION:
		return "too precise";
	}
	return "invalid";
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The eight bytes at s less '0' each, the first in the lowest byte; -1
 * (all bits) when one is not a digit.  Each byte less '0' must be below
 * 10, which adding 118 (0x76) turns into "bit 7 stays clear". */
static uint64_t digit_values(const char *s)
{
	uint64_t w;
	memcpy(&w, s, 8);
	uint64_t d = w - UINT64_C(0x3030303030303030);
	if ((w | d | (d + UINT64_C(0x7676767676767676))) & UINT64_C(0x8080808080808080))
		return UINT64_MAX;
	return d;
}

/* The number the eight digit values of d make, the first the highest:
 * pairs, then fours, then all eight, each step multiplying the upper
 * half of a field by its weight and adding the lower. */
static uint64_t digits_value(uint64_t d)
{
	d = (d * 10 + (d >> 8)) & UINT64_C(0x00ff00ff00ff00ff);
	d = (d * 100 + (d >> 16)) & UINT64_C(0x0000ffff0000ffff);
	return (d * 10000 + (d >> 32)) & UINT64_C(0x00000000ffffffff);
}

static int64_t eight_digits(const char *s)
{
	uint64_t d = digit_values(s);
	return d == UINT64_MAX ? -1 : (int64_t)digits_value(d);
}

/* 9 to 16 digits (a Unix time in ms is 13), all of s[0..len): the word
 * at the end and the word at the start, whose bytes past the first
 * len - 8 are shifted out; -1 when a byte is not a digit. */
static int64_t nine_to_16_digits(const char *s, size_t len)
{
	uint64_t hi = digit_values(s), lo = digit_values(s + len - 8);
	if (hi == UINT64_MAX || lo == UINT64_MAX)
		return -1;
	return (int64_t)(digits_value(hi << (8 * (16 - len))) * 100000000 + digits_value(lo));
}
#define HAVE_NINE_TO_16 1
#else
static int64_t eight_digits(const char *s)
{
	int64_t v = 0;
	for (int i = 0; i < 8; i++) {
		unsigned d = (unsigned char)s[i] - '0';
		if (d > 9)
			return -1;
		v = v * 10 + d;
	}
	return v;
}
#endif

size_t num_digits(const char *s, size_t len, uint64_t *v)
{
	size_t i = 0, max = len < 19 ? len : 19;
	uint64_t r = 0;
	int64_t e;
#ifdef HAVE_NINE_TO_16
	if (len >= 9 && len <= 16 && (e = nine_to_16_digits(s, len)) >= 0) {
		*v = (uint64_t)e;
		return len;
	}
#endif
	while (i + 8 <= max && (e = eight_digits(s + i)) >= 0) {
		r = r * 100000000 + (uint64_t)e;
		i += 8;
	}
	for (unsigned d; i < max && (d = (unsigned char)s[i] - '0') <= 9; i++)
		r = r * 10 + d;
	*v = r;
	return i;
}

enum num_err num_parse_scaled(const char *s, size_t len, int scale_digits,
			      int64_t *out)
{
	size_t i = 0;
	int64_t v = 0;
	int digits = 0, decimals = -1;

	if (len == 0)
		return NUM_EMPTY;
	for (; i < len; i++) {
		char c = s[i];
		if (c == '.') {
			if (decimals >= 0)
				return NUM_SYNTAX;
			decimals = 0;
			continue;
		}
		if (c < '0' || c > '9')
			return NUM_SYNTAX;
		digits++;
		if (decimals >= 0) {
			/* zeros past the scale are harmless: 99.90000000000 */
			if (++decimals > scale_digits) {
				if (c != '0')
					return NUM_PRECISION;
				continue;
			}
		}
		if (v > (INT64_MAX - (c - '0')) / 10)
			return NUM_RANGE;
		v = v * 10 + (c - '0');
	}
	if (digits == 0)
		return NUM_SYNTAX;
	if (decimals < 0)
		decimals = 0;
	if (decimals > scale_digits)
		decimals = scale_digits;
	for (int k = decimals; k < scale_digits; k++) {
		if (v > INT64_MAX / 10)
			return NUM_RANGE;
		v *= 10;
	}
	*out = v;
	return NUM_OK;
}

/* whole x unit + frac / 10^9 x unit, rounded half up; frac < 10^9. */
static enum num_err times(uint64_t whole, uint64_t frac, int64_t unit, int64_t *out)
{
	/* with a unit up to 9 x 10^9 (seconds in ns) frac x unit fits in 64
	 * bits, and a 128-bit division is slow */
	i128 v = (i128)whole * unit +
		 (unit > 0 && unit <= INT64_MAX / FRAC_ONE
			  ? ((int64_t)frac * unit + FRAC_ONE / 2) / FRAC_ONE
			  : ((i128)frac * unit + FRAC_ONE / 2) / FRAC_ONE);
	if (v > INT64_MAX)
		return NUM_RANGE;
	*out = (int64_t)v;
	return NUM_OK;
}

/* num_digits, with the short runs (most cells: "170", "0.170") read a
 * byte at a time here, without a call. */
static inline size_t digits_of(const char *s, size_t len, uint64_t *v)
{
	if (len > 8)
		return num_digits(s, len, v);
	size_t i = 0;
	uint64_t r = 0;
	for (unsigned d; i < len && (d = (unsigned char)s[i] - '0') <= 9; i++)
		r = r * 10 + d;
	*v = r;
	return i;
}

enum num_err num_parse_times(const char *s, size_t len, int64_t unit, int64_t *out)
{
	static const uint32_t pow10[10] = {1,      10,      100,      1000,      10000,
					   100000, 1000000, 10000000, 100000000, 1000000000};
	size_t dot = 0;
	uint64_t whole = 0, frac = 0;

	if (len == 0)
		return NUM_EMPTY;
	/* the usual cells, one pass each: a whole number (most latencies in
	 * ms or us), or one with up to 9 decimals ("0.170" s) */
	if (len <= 18) {
		size_t i = digits_of(s, len, &whole);
		int64_t r;
		if (i == len && unit > 0 && !__builtin_mul_overflow((int64_t)whole, unit, &r)) {
			*out = r;
			return NUM_OK;
		}
		size_t fd = len - i - 1;
		if (i > 0 && i < len && s[i] == '.' && fd >= 1 && fd <= FRAC_DIGITS &&
		    digits_of(s + i + 1, fd, &frac) == fd)
			return times(whole, frac * pow10[FRAC_DIGITS - fd], unit, out);
		whole = frac = 0;
	}
	while (dot < len && s[dot] != '.')
		dot++;
	size_t fd = dot < len ? len - dot - 1 : 0;
	if ((dot == 0 && fd == 0) || (dot < len && fd == 0 && dot == 0))
		return NUM_SYNTAX;
	if (dot > 0) {
		enum num_err e = num_parse_u64(s, dot, &whole);
		if (e != NUM_OK)
			return e;
	}
	if (fd > 0) {
		enum num_err e = num_parse_u64(s + dot + 1, fd > FRAC_DIGITS ? FRAC_DIGITS : fd, &frac);
		if (e != NUM_OK)
			return NUM_SYNTAX;
		for (size_t i = FRAC_DIGITS; i < fd; i++)
			if (s[dot + 1 + i] < '0' || s[dot + 1 + i] > '9')
				return NUM_SYNTAX;
			else if (s[dot + 1 + i] != '0')
				return NUM_PRECISION;
		for (size_t i = fd; i < FRAC_DIGITS; i++)
			frac *= 10;
	}
	return times(whole, frac, unit, out);
}

enum num_err num_parse_u64(const char *s, size_t len, uint64_t *out)
{
	uint64_t v = 0;

	if (len == 0)
		return NUM_EMPTY;
	/* 19 digits cannot pass 2^64: the common case needs no range check */
	if (len <= 19) {
		if (num_digits(s, len, &v) != len)
			return NUM_SYNTAX;
		*out = v;
		return NUM_OK;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned d = (unsigned char)s[i] - '0';
		if (d > 9)
			return NUM_SYNTAX;
		if (v > (UINT64_MAX - d) / 10)
			return NUM_RANGE;
		v = v * 10 + d;
	}
	*out = v;
	return NUM_OK;
}

enum num_err num_parse_percent(const char *s, int64_t *frac_out)
{
	size_t len = strlen(s);
	int64_t v;
	enum num_err e;

	if (len > 0 && s[len - 1] == '%')
		len--;
	/* percent with 7 decimals is a fraction with 9 */
	e = num_parse_scaled(s, len, FRAC_DIGITS - 2, &v);
	if (e != NUM_OK)
		return e;
	if (v <= 0 || v >= FRAC_ONE)
		return NUM_RANGE;
	*frac_out = v;
	return NUM_OK;
}

char *num_format_scaled(i128 num, int digits, char *buf, size_t size)
{
	char tmp[64];
	int neg = num < 0;
	u128 u = neg ? (u128)(-num) : (u128)num;
	int n = 0;

	/* digits of u, least significant first, padded to digits+1 */
	do {
		tmp[n++] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u > 0 || n <= digits);

	char out[80];
	size_t o = 0;
	if (neg)
		out[o++] = '-';
	for (int i = n - 1; i >= digits; i--)
		out[o++] = tmp[i];
	int last = 0; /* lowest non-zero decimal, counting from the point */
	for (int i = digits - 1; i >= 0; i--)
		if (tmp[i] != '0')
			last = digits - i;
	if (last > 0) {
		out[o++] = '.';
		for (int i = digits - 1; i >= digits - last; i--)
			out[o++] = tmp[i];
	}
	out[o] = '\0';
	snprintf(buf, size, "%s", out);
	return buf;
}

char *num_format_percent(int64_t f, char *buf, size_t size)
{
	return num_format_scaled(f, FRAC_DIGITS - 2, buf, size);
}
