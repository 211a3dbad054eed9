/* A progress bar on standard error while slo reads large inputs on a
 * terminal: bytes read of the total, the rate and the time left.  The
 * line is made by a pure function (progress_format); the meter around it
 * keeps the time and redraws at most ten times a second. */
#ifndef SLO_REPORT_PROGRESS_H
#define SLO_REPORT_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Writes the bar for `done` bytes of `total` (0: unknown, as for a pipe)
 * after `elapsed` seconds, in at most `width` columns (and size - 1
 * bytes): "reading  42% [=====>     ] 1.2 GiB of 2.8 GiB, 310 MiB/s, 0:05
 * left"; without a total, "reading 1.2 GiB, 310 MiB/s".  Narrow
 * terminals lose the bar first, then the rate.  Returns buf. */
char *progress_format(char *buf, size_t size, uint64_t done, uint64_t total, double elapsed,
		      int width);

/* Writes a byte count for people: "812 B", "64.0 KiB", "1.2 GiB". */
char *progress_bytes(uint64_t n, char *buf, size_t size);

/* The meter; zeroed, it draws nothing (progress_add is then a no-op). */
struct progress {
	FILE *out;
	bool on;
	int width;
	uint64_t done, total;
	double start, last;  /* seconds on the monotonic clock */
	bool drawn;          /* a bar is on the screen */
};

/* Starts a meter on out (a terminal) for total bytes (0: unknown), width
 * columns wide.  Nothing is drawn during the first second, so that short
 * runs never flicker. */
void progress_start(struct progress *p, FILE *out, uint64_t total, int width);

/* Counts bytes read; redraws when a tenth of a second has passed.  The
 * signature of a source's read callback (source_on_read). */
void progress_add(void *p, size_t bytes);

/* Erases the bar, if one is drawn, before other text goes to the
 * terminal; the next progress_add draws it again. */
void progress_hide(void);

/* Erases the bar and stops the meter. */
void progress_end(struct progress *p);

#endif
