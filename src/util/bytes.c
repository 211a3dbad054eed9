/* Varints and strings in and out of byte buffers. */
#include "util/bytes.h"

#include <stdlib.h>
#include <string.h>

void bytes_free(struct bytes *b)
{
	free(b->p);
	*b = (struct bytes){0};
}

void bytes_put(struct bytes *b, const void *data, size_t n)
{
	if (b->failed || n == 0)
		return;
	if (n > b->cap - b->len) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap - b->len < n) {
			if (cap > SIZE_MAX / 2) {
				b->failed = true;
				return;
			}
			cap *= 2;
		}
		unsigned char *p = realloc(b->p, cap);
		if (!p) {
			b->failed = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, data, n);
	b->len += n;
}

void bytes_put_u64(struct bytes *b, uint64_t v)
{
	unsigned char buf[10];
	size_t n = 0;
	do {
		buf[n] = (unsigned char)(v & 0x7f);
		v >>= 7;
		if (v)
			buf[n] |= 0x80;
		n++;
	} while (v);
	bytes_put(b, buf, n);
}

void bytes_put_i64(struct bytes *b, int64_t v)
{
	/* zigzag: small magnitudes of either sign stay short */
	uint64_t u = v < 0 ? ~((uint64_t)v << 1) : (uint64_t)v << 1;
	bytes_put_u64(b, u);
}

void bytes_put_str(struct bytes *b, const char *s)
{
	size_t n = strlen(s);
	bytes_put_u64(b, n);
	bytes_put(b, s, n);
}

uint64_t bytes_get_u64(struct bytes_reader *r)
{
	/* most values of a state are below 128: one byte */
	if (!r->bad && r->pos < r->len && r->p[r->pos] < 0x80)
		return r->p[r->pos++];
	uint64_t v = 0;
	for (unsigned shift = 0; !r->bad; shift += 7) {
		if (r->pos >= r->len || shift > 63) {
			r->bad = true;
			break;
		}
		unsigned char c = r->p[r->pos++];
		uint64_t part = (uint64_t)(c & 0x7f);
		/* the tenth byte may hold one bit only */
		if (shift == 63 && part > 1) {
			r->bad = true;
			break;
		}
		v |= part << shift;
		if (!(c & 0x80))
			return v;
	}
	return 0;
}

int64_t bytes_get_i64(struct bytes_reader *r)
{
	uint64_t u = bytes_get_u64(r);
	return (u & 1) ? (int64_t)~(u >> 1) : (int64_t)(u >> 1);
}

void bytes_get_str(struct bytes_reader *r, char *out, size_t size)
{
	uint64_t n = bytes_get_u64(r);
	out[0] = '\0';
	if (r->bad)
		return;
	if (n >= size || n > r->len - r->pos || memchr(r->p + r->pos, '\0', (size_t)n)) {
		r->bad = true;
		return;
	}
	memcpy(out, r->p + r->pos, (size_t)n);
	out[n] = '\0';
	r->pos += (size_t)n;
}

uint64_t bytes_get_count(struct bytes_reader *r, size_t min_bytes)
{
	uint64_t n = bytes_get_u64(r);
	if (r->bad)
		return 0;
	if (min_bytes && n > (r->len - r->pos) / min_bytes) {
		r->bad = true;
		return 0;
	}
	return n;
}

void bytes_skip_str(struct bytes_reader *r)
{
	uint64_t n = bytes_get_u64(r);
	/* a string bytes_get_str would refuse is skipped as badly: state
	 * files skip their options where they merge and read them where
	 * slo merge takes them, and both must say the file is damaged */
	if (!r->bad && (n > r->len - r->pos || memchr(r->p + r->pos, '\0', (size_t)n)))
		r->bad = true;
	if (!r->bad)
		r->pos += (size_t)n;
}
