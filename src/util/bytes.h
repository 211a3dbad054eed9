/* Bytes in a portable layout, for saved state (slo eval --save-state):
 * unsigned numbers as LEB128 varints, signed ones zigzagged first, strings
 * as a length and their bytes.  The reader trusts nothing it reads: every
 * call checks the bounds, and the first failure sticks, so a caller reads
 * a whole structure and asks once whether it was all there. */
#ifndef SLO_UTIL_BYTES_H
#define SLO_UTIL_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A growable buffer; `failed` is set, and stays, when memory runs out. */
struct bytes {
	unsigned char *p;
	size_t len, cap;
	bool failed;
};

void bytes_free(struct bytes *b);
void bytes_put(struct bytes *b, const void *data, size_t n);
void bytes_put_u64(struct bytes *b, uint64_t v);
void bytes_put_i64(struct bytes *b, int64_t v);
void bytes_put_str(struct bytes *b, const char *s);

/* Reads p[0..len); `bad` is set at the first read past the end, varint
 * longer than 64 bits, or string with a NUL or longer than asked. */
struct bytes_reader {
	const unsigned char *p;
	size_t len, pos;
	bool bad;
};

uint64_t bytes_get_u64(struct bytes_reader *r);
int64_t bytes_get_i64(struct bytes_reader *r);
/* Copies a string into out[size] (NUL-terminated); bad when it does not fit. */
void bytes_get_str(struct bytes_reader *r, char *out, size_t size);
/* Skips a string: bad where bytes_get_str, given room, would be (past
 * the end, or holding a NUL). */
void bytes_skip_str(struct bytes_reader *r);
/* A count of items each at least `min_bytes` long: bad (and 0) when the
 * rest of the input could not hold them, so no caller allocates for a
 * count a corrupt file made up. */
uint64_t bytes_get_count(struct bytes_reader *r, size_t min_bytes);

#endif
