/* Reading one large file with several processes: the file is cut at line
 * boundaries, each process reads its share (after the CSV header) into
 * evaluators of its own, and sends back their state (eval_encode, as
 * --save-state writes it), its counts and its first skip messages
 * through a pipe.  The parent merges the shares in order, so the report
 * is the one a single reader makes; messages get their lines in the
 * whole file.  Processes, not threads: each share runs the same code as
 * a single reader, with nothing shared to lock.  Anything unusual (a
 * share that fails, a quoted CSV field across a cut) makes the parent
 * read the file alone instead, so results never depend on the cut. */
#include "cli/ingest.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"
#include "input/source.h"

#define MAX_JOBS 16
/* Files smaller than this are read alone unless --jobs asks otherwise:
 * starting processes costs more than it saves. */
#define AUTO_MIN_BYTES ((off_t)32 << 20)
#define SHOW_SKIPS 5

/* The number of processes for a file of `size` bytes. */
static unsigned jobs_for(const struct ingest *g, off_t size)
{
	if (g->jobs > 1)
		return g->jobs > MAX_JOBS ? MAX_JOBS : g->jobs;
	if (size < AUTO_MIN_BYTES)
		return 1;
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 2 ? 1 : n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

/* The offset just past the first newline at or after `at`, or -1 when
 * there is none before `end`. */
static off_t next_line(int fd, off_t at, off_t end)
{
	char buf[65536];
	while (at < end) {
		ssize_t n = pread(fd, buf, sizeof buf, at);
		if (n <= 0)
			return -1;
		char *nl = memchr(buf, '\n', (size_t)n);
		if (nl)
			return at + (nl - buf) + 1;
		at += n;
	}
	return -1;
}

static int write_all(int fd, const unsigned char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* A share's process: reads [part] (after the header part, if any) and
 * writes what it counted to fd.  Never returns. */
static void share(struct ingest *g, const char *path, const char *input, const off_t (*parts)[2],
		  int nparts, int fd)
{
	/* its messages are its parent's to say; what else it would say,
	 * the parent says when it reads the file alone */
	int null = open("/dev/null", O_WRONLY);
	if (null >= 0)
		dup2(null, STDERR_FILENO);
	struct bytes skips = {0}, out = {0};
	struct report_input in = {0};
	int st = 0;
	uint64_t lines = 0;
	if (eval_reset(g->ev))
		_exit(100);
	if (g->groups)
		groups_reset(g->groups);
	g->rep->read = g->rep->skipped = g->rep->filtered = 0;
	g->shown = 0;
	g->skips = &skips;
	g->input = input[0] ? input : g->input;
	g->unclosed = false;
	struct source *src = source_open_parts(path, parts, nparts);
	if (!src)
		_exit(101);
	st = ingest_source(g, path, src, &in);
	/* the lines of its own part, without the header the share read
	 * first; a share that did not read to its end fails (st) and the
	 * file is read alone */
	lines = g->lines - (nparts == 2);
	bytes_put_u64(&out, (uint64_t)st);
	bytes_put_u64(&out, g->unclosed);
	bytes_put_u64(&out, lines);
	bytes_put_u64(&out, g->rep->read);
	bytes_put_u64(&out, g->rep->skipped);
	bytes_put_u64(&out, g->rep->filtered);
	bytes_put_u64(&out, g->shown);
	bytes_put_str(&out, in.format);
	bytes_put_u64(&out, (unsigned char)in.delim);
	bytes_put_str(&out, in.columns);
	bytes_put_u64(&out, in.rows);
	bytes_put_u64(&out, in.skipped);
	bytes_put_u64(&out, skips.len);
	bytes_put(&out, skips.p, skips.len);
	eval_encode(g->ev, &out);
	if (g->groups)
		groups_encode(g->groups, &out);
	if (out.failed || write_all(fd, out.p, out.len))
		_exit(103);
	_exit(0);
}

static int read_all(int fd, struct bytes *b)
{
	unsigned char buf[65536];
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		bytes_put(b, buf, (size_t)n);
		if (b->failed)
			return -1;
	}
}

struct share_result {
	struct bytes b;
	struct bytes_reader r;
	uint64_t st, unclosed, lines, read, skipped, filtered, shown, rows, rskipped, delim;
	char format[32], columns[320];
	size_t skips_at, skips_len;
};

static void head_of(struct share_result *s)
{
	struct bytes_reader *r = &s->r;
	*r = (struct bytes_reader){s->b.p, s->b.len, 0, false};
	s->st = bytes_get_u64(r);
	s->unclosed = bytes_get_u64(r);
	s->lines = bytes_get_u64(r);
	s->read = bytes_get_u64(r);
	s->skipped = bytes_get_u64(r);
	s->filtered = bytes_get_u64(r);
	s->shown = bytes_get_u64(r);
	bytes_get_str(r, s->format, sizeof s->format);
	s->delim = bytes_get_u64(r);
	bytes_get_str(r, s->columns, sizeof s->columns);
	s->rows = bytes_get_u64(r);
	s->rskipped = bytes_get_u64(r);
	uint64_t n = bytes_get_u64(r);
	if (!r->bad && n > r->len - r->pos)
		r->bad = true;
	if (!r->bad) {
		s->skips_at = r->pos;
		s->skips_len = (size_t)n;
		r->pos += (size_t)n;
	}
}

int ingest_parallel(struct ingest *g, const char *path)
{
	struct stat sb;
	/* stat before open: opening a FIFO would take its writer's bytes */
	if (stat(path, &sb) || !S_ISREG(sb.st_mode) || jobs_for(g, sb.st_size) < 2)
		return -1;
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	unsigned char magic[2];
	unsigned jobs = 1;
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode))
		jobs = jobs_for(g, sb.st_size);
	/* gzip is one stream: it cannot be cut */
	if (jobs < 2 || pread(fd, magic, 2, 0) != 2 || (magic[0] == 0x1f && magic[1] == 0x8b)) {
		close(fd);
		return -1;
	}
	/* the format, told quietly: when it cannot be, the single reader
	 * says why */
	struct ingest_kind k;
	fflush(stderr);
	int saved = dup(STDERR_FILENO), null = open("/dev/null", O_WRONLY);
	if (saved >= 0 && null >= 0)
		dup2(null, STDERR_FILENO);
	int pk = ingest_probe(g, path, &k);
	if (saved >= 0) {
		dup2(saved, STDERR_FILENO);
		close(saved);
	}
	if (null >= 0)
		close(null);
	if (pk || !k.line_based) {
		close(fd);
		return -1;
	}
	/* the cuts: after the header, then at the first line start past each
	 * equal share */
	off_t head = k.has_header ? next_line(fd, 0, sb.st_size) : 0;
	off_t cut[MAX_JOBS + 1];
	unsigned n = 0;
	if (head < 0) {
		close(fd);
		return -1;
	}
	cut[n++] = head;
	for (unsigned i = 1; i < jobs; i++) {
		off_t at = head + (sb.st_size - head) / jobs * i;
		off_t c = at > cut[n - 1] ? next_line(fd, at - 1, sb.st_size) : -1;
		if (c > cut[n - 1] && c < sb.st_size)
			cut[n++] = c;
	}
	cut[n] = sb.st_size;
	close(fd);
	if (n < 2)
		return -1;

	struct share_result res[MAX_JOBS];
	pid_t pid[MAX_JOBS];
	int pipes[MAX_JOBS];
	memset(res, 0, sizeof res);
	fflush(stdout);
	fflush(stderr);
	unsigned started = 0;
	for (unsigned i = 0; i < n; i++) {
		int p[2];
		if (pipe(p))
			break;
		pid[i] = fork();
		if (pid[i] < 0) {
			close(p[0]);
			close(p[1]);
			break;
		}
		if (pid[i] == 0) {
			close(p[0]);
			for (unsigned j = 0; j < i; j++)
				close(pipes[j]);
			off_t parts[2][2] = {{0, head}, {cut[i], cut[i + 1]}};
			int first = head > 0 ? 0 : 1;
			share(g, path, k.input, (const off_t (*)[2])parts + first, 2 - first, p[1]);
		}
		close(p[1]);
		pipes[i] = p[0];
		started++;
	}
	bool ok = started == n;
	for (unsigned i = 0; i < started; i++) {
		int status = 0;
		if (read_all(pipes[i], &res[i].b))
			ok = false;
		close(pipes[i]);
		while (waitpid(pid[i], &status, 0) < 0 && errno == EINTR)
			;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			ok = false;
		if (ok) {
			head_of(&res[i]);
			/* only the last share may end in an open quote: the
			 * file's own */
			if (res[i].r.bad || res[i].st || (res[i].unclosed && i + 1 < n))
				ok = false;
		}
	}
	if (!ok) {
		for (unsigned i = 0; i < started; i++)
			bytes_free(&res[i].b);
		return -1;
	}

	/* merged in order: messages first, with their lines in the file */
	struct report_input *in = NULL;
	if (g->rep->ninputs < REPORT_MAX_INPUTS)
		in = &g->rep->inputs[g->rep->ninputs++];
	else
		g->rep->more_inputs++;
	if (in) {
		memset(in, 0, sizeof *in);
		in->name = path;
		in->shares = n;
		snprintf(in->format, sizeof in->format, "%s", res[0].format);
		in->delim = (char)res[0].delim;
		snprintf(in->columns, sizeof in->columns, "%s", res[0].columns);
	}
	int status = 0;
	uint64_t before = 0; /* lines of the shares before this one */
	for (unsigned i = 0; i < n; i++) {
		struct share_result *s = &res[i];
		struct bytes_reader m = {s->b.p + s->skips_at, s->skips_len, 0, false};
		uint64_t kept = 0;
		while (m.pos < m.len && !m.bad) {
			char msg[1024];
			uint64_t line = bytes_get_u64(&m), last = bytes_get_u64(&m);
			bytes_get_str(&m, msg, sizeof msg);
			if (m.bad)
				break;
			kept++;
			if (g->quiet || g->shown++ >= SHOW_SKIPS)
				continue;
			if (last > line)
				cli_error("%s:%llu-%llu: %s", path, (unsigned long long)(line + before),
					  (unsigned long long)(last + before), msg);
			else
				cli_error("%s:%llu: %s", path, (unsigned long long)(line + before), msg);
		}
		if (!g->quiet)
			g->shown += s->shown > kept ? s->shown - kept : 0;
		before += s->lines;
		g->rep->read += s->read;
		g->rep->skipped += s->skipped;
		g->rep->filtered += s->filtered;
		if (in) {
			in->rows += s->rows;
			in->skipped += s->rskipped;
		}
		enum eval_err e = eval_decode_merge(g->ev, &s->r);
		if (e == EVAL_OK && g->groups)
			e = groups_decode_merge(g->groups, &s->r);
		if (e != EVAL_OK && !status) {
			cli_error("%s: %s", path, e == EVAL_OVERFLOW
				  ? "its counts overflow the sum of the counts (2^64 events)"
				  : "the shares read side by side did not merge");
			status = EXIT_INPUT;
		}
	}
	g->unclosed = res[n - 1].unclosed != 0;
	/* the shares read the file, not this process: the progress bar
	 * learns it at once */
	if (g->on_read)
		g->on_read(g->on_read_arg, (size_t)sb.st_size);
	for (unsigned i = 0; i < n; i++)
		bytes_free(&res[i].b);
	return status;
}
