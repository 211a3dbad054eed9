/* Checked parsing of the numbers a user or a file hands us, and the exact
 * fixed-point fraction type that targets and budgets are computed in. */
#ifndef SLO_UTIL_NUM_H
#define SLO_UTIL_NUM_H

#include <stddef.h>
#include <stdint.h>

/* A fraction of one in billionths: 99.9 % is 999000000.  Targets are decimal
 * strings, and keeping them as integers is what makes 99.9 % of 30 days
 * exactly 43m 12s instead of 43m 11.999s. */
#define FRAC_ONE INT64_C(1000000000)
#define FRAC_DIGITS 9 /* decimal digits of FRAC_ONE */

/* 128-bit intermediates for products of counts, durations and fractions;
 * __extension__ keeps -Wpedantic quiet about a type every supported
 * compiler (gcc, clang) has. */
__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

enum num_err {
	NUM_OK = 0,
	NUM_EMPTY,     /* nothing to parse */
	NUM_SYNTAX,    /* not a number, or trailing junk */
	NUM_RANGE,     /* a number, but outside what the caller accepts */
	NUM_PRECISION, /* more decimals than can be held exactly */
};

/* A short English reason for an error, for "is not ..." messages. */
const char *num_strerror(enum num_err e);

/* Parses a non-negative decimal "123" or "12.5" from s[0..len) into an
 * integer scaled by 10^scale_digits (so "12.5" with 3 digits is 12500).
 * Rejects signs, exponents, NaN/inf, spaces and more than scale_digits
 * decimals (NUM_PRECISION), and values that do not fit (NUM_RANGE). */
enum num_err num_parse_scaled(const char *s, size_t len, int scale_digits,
			      int64_t *out);

/* Parses a non-negative decimal "12.5" in s[0..len) and multiplies it by
 * unit, exactly, rounding half up to a whole number: "1.5" with unit
 * 3600000000000 (an hour in ns) is 5400000000000.  The whole part and
 * the fraction (at most 9 digits) are kept apart, so "10000000000" ns is
 * fine although 1e10 x 1e9 is not an int64_t.  NUM_RANGE when the result
 * does not fit. */
enum num_err num_parse_times(const char *s, size_t len, int64_t unit, int64_t *out);

/* Reads the decimal digits at the start of s[0..len), at most 19 (they
 * cannot pass 2^64), into *v; returns how many it read, 0 when s does not
 * start with a digit.  The hot path of every time, status and latency
 * cell: eight digits at a time where the input has them. */
size_t num_digits(const char *s, size_t len, uint64_t *v);

/* Parses a whole non-negative number into a uint64_t. */
enum num_err num_parse_u64(const char *s, size_t len, uint64_t *out);

/* Parses a percentage "99.9" or "99.9%" that must lie strictly between 0
 * and 100, into a FRAC_ONE fraction (999000000).  At most 7 decimals. */
enum num_err num_parse_percent(const char *s, int64_t *frac_out);

/* Writes the FRAC_ONE fraction f as a percentage with trailing zeros
 * trimmed ("99.95", "100", "-3.2") into buf; returns buf. */
char *num_format_percent(int64_t f, char *buf, size_t size);

/* Writes the exact decimal num / 10^digits with trailing zeros trimmed
 * ("44.64", "3", "0.000001"); returns buf.  digits <= 18. */
char *num_format_scaled(i128 num, int digits, char *buf, size_t size);

#endif
