/* Eight bytes at a time in a 64-bit word ("SIMD within a register"), for
 * the scans every input line goes through: finding a delimiter, a quote
 * or the end of a field.  Little-endian only (SWAR_OK): the first byte of
 * the input is the lowest of the word, so the lowest bit set in a mask is
 * the first match; elsewhere the callers scan a byte at a time. */
#ifndef SLO_UTIL_SWAR_H
#define SLO_UTIL_SWAR_H

#include <stdint.h>
#include <string.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SWAR_OK 1
#else
#define SWAR_OK 0
#endif

#define SWAR_ONES UINT64_C(0x0101010101010101)
#define SWAR_HIGHS (SWAR_ONES << 7)

static inline uint64_t swar_load(const char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	return w;
}

/* Bit 7 of each byte of w equal to c.  The lowest bit set is always a true
 * match (a borrow may also mark a byte above one), which is all that a
 * scan for the first match asks of it. */
static inline uint64_t swar_equal(uint64_t w, unsigned char c)
{
	uint64_t t = w ^ (SWAR_ONES * c);
	return (t - SWAR_ONES) & ~t & SWAR_HIGHS;
}

/* Bit 7 of each byte of w below n (n <= 128), exact for the lowest; a
 * byte of 128 or more (UTF-8) is never marked. */
static inline uint64_t swar_below(uint64_t w, unsigned n)
{
	return (w - SWAR_ONES * n) & ~w & SWAR_HIGHS;
}

/* The index (0-7) of the first byte a non-zero mask marks. */
static inline unsigned swar_first(uint64_t mask)
{
	return (unsigned)__builtin_ctzll(mask) >> 3;
}

#endif
