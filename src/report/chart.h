/* Charts for the text report: the budget remaining across the window (a
 * burn-down against the ideal straight line) and a strip of days by how
 * fast each burned.  Unicode blocks, or plain ASCII; colour only when
 * asked (a terminal without NO_COLOR). */
#ifndef SLO_REPORT_CHART_H
#define SLO_REPORT_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define CHART_COLS 60
#define CHART_ROWS 8

struct chart {
	size_t ncols;
	double remaining[CHART_COLS]; /* at the end of each column's span */
	bool has[CHART_COLS];         /* the column's span has data */
	size_t ndays;                 /* the strip: a day a cell */
	double day_burn[CHART_COLS];  /* each day's burn rate; < 0 no data */
	int64_t start, end;           /* the window */
	int64_t first_day;            /* the strip's first day's start */
};

struct chart_style {
	bool ascii;
	bool colour;
};

void chart_print(FILE *out, const struct chart *c, const struct chart_style *st);

#endif
