/* Saved state files: reading, checking and writing them. */
#include "cli/state.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "cli/cli.h"
#include "util/bytes.h"

static const char magic[] = "slo-state\n";
#define MAGIC_LEN (sizeof magic - 1)
/* a state holds a timeline of 20 years of minutes at the most: far less
 * than this, which only stops a file that is not a state from being read
 * whole into memory */
#define STATE_MAX_BYTES ((size_t)1 << 34)

static void put_input(struct bytes *b, const struct report_input *in)
{
	bytes_put_str(b, in->name ? in->name : "-");
	bytes_put_str(b, in->format);
	bytes_put_u64(b, (unsigned char)in->delim);
	bytes_put_str(b, in->columns);
	bytes_put_u64(b, in->rows);
	bytes_put_u64(b, in->skipped);
}

int state_save(const char *path, char *const *opts, size_t nopts, const struct report_eval *rep,
	       const struct evaluator *ev, const struct groups *groups)
{
	struct bytes b = {0};
	bytes_put(&b, magic, MAGIC_LEN);
	bytes_put_u64(&b, STATE_VERSION);
	bytes_put_u64(&b, nopts);
	for (size_t i = 0; i < nopts; i++)
		bytes_put_str(&b, opts[i]);
	bytes_put_u64(&b, rep->read);
	bytes_put_u64(&b, rep->skipped);
	bytes_put_u64(&b, rep->filtered);
	bytes_put_u64(&b, rep->more_inputs);
	bytes_put_u64(&b, rep->ninputs);
	for (size_t i = 0; i < rep->ninputs; i++)
		put_input(&b, &rep->inputs[i]);
	eval_encode(ev, &b);
	bytes_put_u64(&b, groups != NULL);
	if (groups)
		groups_encode(groups, &b);
	/* a checksum of all the rest, so that a damaged file is refused
	 * rather than merged into wrong numbers */
	uLong crc = crc32(0L, Z_NULL, 0);
	for (size_t off = 0; !b.failed && off < b.len;) {
		uInt n = b.len - off > 1u << 30 ? 1u << 30 : (uInt)(b.len - off);
		crc = crc32(crc, b.p + off, n);
		off += n;
	}
	unsigned char tail[4] = {(unsigned char)crc, (unsigned char)(crc >> 8),
				 (unsigned char)(crc >> 16), (unsigned char)(crc >> 24)};
	bytes_put(&b, tail, 4);
	if (b.failed) {
		bytes_free(&b);
		cli_error("%s: out of memory for the state", path);
		return EXIT_INPUT;
	}

	size_t plen = strlen(path);
	char *tmp = malloc(plen + 32);
	if (!tmp) {
		bytes_free(&b);
		cli_error("out of memory");
		return EXIT_INPUT;
	}
	/* a name of this process's own beside the state, so that the rename
	 * stays on one file system */
	snprintf(tmp, plen + 32, "%s.%ld.tmp", path, (long)getpid());
	FILE *f = fopen(tmp, "wb");
	int st = 0;
	if (!f) {
		cli_error("%s: %s", path, strerror(errno));
		st = EXIT_INPUT;
	} else {
		size_t w = fwrite(b.p, 1, b.len, f);
		int e = w == b.len ? 0 : errno;
		if (fclose(f) && !e)
			e = errno;
		if (w != b.len || e) {
			cli_error("%s: %s", path, strerror(e ? e : EIO));
			remove(tmp);
			st = EXIT_INPUT;
		} else if (rename(tmp, path)) {
			cli_error("%s: %s", path, strerror(errno));
			remove(tmp);
			st = EXIT_INPUT;
		}
	}
	free(tmp);
	bytes_free(&b);
	return st;
}

/* Reads a whole state file and checks its magic, version and checksum;
 * r is set past the version.  Returns 0, or EXIT_INPUT after saying why. */
static int load(const char *path, struct bytes *buf, struct bytes_reader *r)
{
	FILE *f = fopen(path, "rb");
	const char *name = path;
	if (!f) {
		cli_error("%s: %s", path, strerror(errno));
		return EXIT_INPUT;
	}
	unsigned char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && buf->len < STATE_MAX_BYTES)
		bytes_put(buf, chunk, n);
	int err = ferror(f) ? errno : 0;
	fclose(f);
	if (err) {
		cli_error("%s: %s", name, strerror(err));
		return EXIT_INPUT;
	}
	if (buf->failed || buf->len >= STATE_MAX_BYTES) {
		cli_error("%s: too large for a saved state", name);
		return EXIT_INPUT;
	}
	if (buf->len < MAGIC_LEN + 5 || memcmp(buf->p, magic, MAGIC_LEN) != 0) {
		cli_error("%s: not a state saved by slo eval --save-state", name);
		return EXIT_INPUT;
	}
	size_t body = buf->len - 4;
	const unsigned char *t = buf->p + body;
	uLong want = (uLong)t[0] | (uLong)t[1] << 8 | (uLong)t[2] << 16 | (uLong)t[3] << 24;
	uLong crc = crc32(0L, Z_NULL, 0);
	for (size_t off = 0; off < body;) {
		uInt k = body - off > 1u << 30 ? 1u << 30 : (uInt)(body - off);
		crc = crc32(crc, buf->p + off, k);
		off += k;
	}
	if (crc != want) {
		cli_error("%s: damaged saved state (checksum does not match)", name);
		return EXIT_INPUT;
	}
	*r = (struct bytes_reader){buf->p, body, MAGIC_LEN, false};
	uint64_t version = bytes_get_u64(r);
	if (r->bad || version != STATE_VERSION) {
		cli_error("%s: saved state of version %llu; this slo reads version %d", name,
			  (unsigned long long)version, STATE_VERSION);
		return EXIT_INPUT;
	}
	return 0;
}

char **state_options(const char *path, size_t *nopts)
{
	struct bytes buf = {0};
	struct bytes_reader r;
	char **opts = NULL;
	if (load(path, &buf, &r) == 0) {
		/* every option is at least its length byte */
		uint64_t n = bytes_get_count(&r, 1);
		size_t room = r.len - r.pos;
		/* pointers, then the strings, in one block */
		opts = r.bad ? NULL : malloc((size_t)(n + 1) * sizeof *opts + room + (size_t)n);
		char *s = opts ? (char *)(opts + n + 1) : NULL;
		for (uint64_t i = 0; opts && i < n; i++) {
			size_t left = room + (size_t)n - (size_t)(s - (char *)(opts + n + 1));
			bytes_get_str(&r, s, left);
			opts[i] = s;
			s += strlen(s) + 1;
		}
		if (opts && r.bad) {
			cli_error("%s: damaged saved state", path);
			free(opts);
			opts = NULL;
		} else if (opts) {
			opts[n] = NULL;
			*nopts = (size_t)n;
		} else if (r.bad) {
			cli_error("%s: damaged saved state", path);
		} else {
			cli_error("out of memory");
		}
	}
	bytes_free(&buf);
	return opts;
}

int state_merge(const char *path, struct report_eval *rep, struct evaluator *ev,
		struct groups *groups)
{
	struct bytes buf = {0};
	struct bytes_reader r;
	int st = load(path, &buf, &r);
	if (st) {
		bytes_free(&buf);
		return st;
	}
	uint64_t n = bytes_get_count(&r, 1);
	for (uint64_t i = 0; i < n && !r.bad; i++)
		bytes_skip_str(&r); /* the options: read by state_options */
	uint64_t read = bytes_get_u64(&r), skipped = bytes_get_u64(&r);
	uint64_t filtered = bytes_get_u64(&r), more = bytes_get_u64(&r);
	uint64_t ninputs = bytes_get_count(&r, 6);
	if (!r.bad && (read > UINT64_MAX - rep->read || skipped > read))
		r.bad = true;
	rep->read += read;
	rep->skipped += skipped;
	rep->filtered += filtered;
	rep->more_inputs += more;
	static char names[REPORT_MAX_INPUTS][4096];
	for (uint64_t i = 0; i < ninputs && !r.bad; i++) {
		struct report_input in = {0};
		char name[4096];
		uint64_t delim;
		bytes_get_str(&r, name, sizeof name);
		bytes_get_str(&r, in.format, sizeof in.format);
		delim = bytes_get_u64(&r);
		bytes_get_str(&r, in.columns, sizeof in.columns);
		in.rows = bytes_get_u64(&r);
		in.skipped = bytes_get_u64(&r);
		if (delim > 255)
			r.bad = true;
		in.delim = (char)delim;
		if (rep->ninputs < REPORT_MAX_INPUTS) {
			memcpy(names[rep->ninputs], name, sizeof name);
			in.name = names[rep->ninputs];
			rep->inputs[rep->ninputs++] = in;
		} else {
			rep->more_inputs++;
		}
	}
	enum eval_err e = r.bad ? EVAL_CORRUPT : eval_decode_merge(ev, &r);
	uint64_t has_groups = e == EVAL_OK ? bytes_get_u64(&r) : 0;
	if (e == EVAL_OK && !r.bad && has_groups != (groups != NULL))
		e = EVAL_MISMATCH;
	if (e == EVAL_OK && groups)
		e = groups_decode_merge(groups, &r);
	if (e == EVAL_OK && (r.bad || r.pos != r.len))
		e = EVAL_CORRUPT;
	bytes_free(&buf);
	switch (e) {
	case EVAL_OK:
		return 0;
	case EVAL_MISMATCH:
		cli_error("%s: saved with other objectives, window or --group-by than this merge has",
			  path);
		break;
	case EVAL_OVERFLOW:
		cli_error("%s: its counts overflow the sum of the counts (2^64 events)", path);
		break;
	case EVAL_NOMEM:
		cli_error("out of memory");
		break;
	case EVAL_CORRUPT:
	case EVAL_WINDOW_TOO_FINE:
	case EVAL_NO_TIME:
	case EVAL_OUT_OF_ORDER:
		cli_error("%s: damaged saved state", path);
		break;
	}
	return EXIT_INPUT;
}
