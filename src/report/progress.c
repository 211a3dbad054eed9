/* The progress bar: a pure line formatter and a meter that draws it. */
#include "report/progress.h"

#include <string.h>
#include <time.h>

/* The meter on the screen, for progress_hide (diagnostics interleave). */
static struct progress *shown;

char *progress_bytes(uint64_t n, char *buf, size_t size)
{
	static const char *const units[] = {"KiB", "MiB", "GiB", "TiB", "PiB"};
	if (n < 1024) {
		snprintf(buf, size, "%llu B", (unsigned long long)n);
		return buf;
	}
	double v = (double)n / 1024;
	size_t u = 0;
	while (v >= 1024 && u + 1 < sizeof units / sizeof units[0]) {
		v /= 1024;
		u++;
	}
	snprintf(buf, size, "%.1f %s", v, units[u]);
	return buf;
}

/* "0:05", "12:34", "1:02:03" */
static void clock_text(double s, char *buf, size_t size)
{
	unsigned long t = s > 359999 ? 359999 : (unsigned long)(s + 0.5);
	if (t >= 3600)
		snprintf(buf, size, "%lu:%02lu:%02lu", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(buf, size, "%lu:%02lu", t / 60, t % 60);
}

char *progress_format(char *buf, size_t size, uint64_t done, uint64_t total, double elapsed,
		      int width)
{
	char d[32], t[32], rate[48], left[64], tail[200];
	size_t max = width > 0 ? (size_t)width : 0;

	if (size == 0)
		return buf;
	if (max > size - 1)
		max = size - 1;
	if (total && done > total)
		done = total; /* a file that grew while it was read */
	progress_bytes(done, d, sizeof d);
	rate[0] = '\0';
	/* a rate needs a moment of history to mean anything */
	if (elapsed >= 0.1) {
		char r[32];
		snprintf(rate, sizeof rate, ", %s/s", progress_bytes((uint64_t)((double)done / elapsed),
								     r, sizeof r));
	}
	if (!total) {
		snprintf(tail, sizeof tail, "reading %s%s", d, rate);
		if (strlen(tail) > max)
			snprintf(tail, sizeof tail, "reading %s", d);
		snprintf(buf, size, "%.*s", (int)max, tail);
		return buf;
	}
	unsigned pct = (unsigned)((double)done * 100 / (double)total);
	left[0] = '\0';
	if (elapsed >= 0.1 && done > 0) {
		char c[48];
		clock_text((double)(total - done) * elapsed / (double)done, c, sizeof c);
		snprintf(left, sizeof left, ", %s left", c);
	}
	progress_bytes(total, t, sizeof t);
	snprintf(tail, sizeof tail, " %s of %s%s%s", d, t, rate, left);
	if (strlen(tail) + 14 + 10 > max)
		snprintf(tail, sizeof tail, " %s of %s", d, t);
	/* "reading 100% [" is 14 columns, "]" one: the bar gets the rest, at
	 * least 10 columns, or is left out */
	size_t fixed = 14 + 1 + strlen(tail);
	if (fixed + 10 > max) {
		char line[256];
		snprintf(line, sizeof line, "reading %3u%%%s", pct, tail);
		snprintf(buf, size, "%.*s", (int)max, line);
		return buf;
	}
	size_t bar = max - fixed;
	if (bar > 50)
		bar = 50;
	size_t full = (size_t)((double)bar * (double)done / (double)total);
	size_t n = (size_t)snprintf(buf, size, "reading %3u%% [", pct);
	for (size_t k = 0; k < bar; k++)
		buf[n++] = k < full ? '=' : k == full ? '>' : ' ';
	snprintf(buf + n, size - n, "]%s", tail);
	return buf;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_start(struct progress *p, FILE *out, uint64_t total, int width)
{
	memset(p, 0, sizeof *p);
	p->out = out;
	p->on = true;
	p->total = total;
	p->width = width > 1 ? width - 1 : 79; /* the last column would wrap */
	p->start = p->last = now();
}

void progress_add(void *arg, size_t bytes)
{
	struct progress *p = arg;
	char line[512];

	if (!p->on)
		return;
	p->done += bytes;
	/* one clock read a block (64 KiB or more), not a line */
	double t = now();
	if (t - p->start < 1.0 || (p->drawn && t - p->last < 0.1))
		return;
	p->last = t;
	p->drawn = true;
	shown = p;
	fprintf(p->out, "\r%s\033[K",
		progress_format(line, sizeof line, p->done, p->total, t - p->start, p->width));
	fflush(p->out);
}

void progress_hide(void)
{
	if (!shown || !shown->drawn)
		return;
	fputs("\r\033[K", shown->out);
	fflush(shown->out);
	shown->drawn = false;
}

void progress_end(struct progress *p)
{
	if (!p->on)
		return;
	progress_hide();
	p->on = false;
	if (shown == p)
		shown = NULL;
}
