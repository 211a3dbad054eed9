/* Text charts. */
#include "report/chart.h"

#include "util/timestamp.h"

#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define RED "\033[31m"
#define DIM "\033[2m"
#define RESET "\033[0m"

static void put(FILE *out, const struct chart_style *st, const char *colour, const char *uni,
		char ascii)
{
	if (st->colour && colour)
		fputs(colour, out);
	if (st->ascii)
		fputc(ascii, out);
	else
		fputs(uni, out);
	if (st->colour && colour)
		fputs(RESET, out);
}

void chart_print(FILE *out, const struct chart *c, const struct chart_style *st)
{
	char a[48], b[48];

	if (c->ncols < 2)
		return;
	fprintf(out, "  budget left %s\n", st->ascii ? "(# left, . the even pace, v overspent)"
						     : "(\xe2\x96\x88 left, \xc2\xb7 the even pace, \xe2\x96\xbc overspent)");
	for (int row = CHART_ROWS; row >= 1; row--) {
		/* the row stands for (row - 1) / ROWS .. row / ROWS of the budget */
		double top = (double)row / CHART_ROWS, bottom = (double)(row - 1) / CHART_ROWS;
		/* each row is labelled with the top of its band */
		fprintf(out, "  %4d%% %s", (int)(top * 100 + 0.5), st->ascii ? "|" : "\xe2\x94\xa4");
		for (size_t k = 0; k < c->ncols; k++) {
			double ideal = 1.0 - (double)(k + 1) / (double)c->ncols;
			double r = c->remaining[k];
			const char *colour = r < 0 ? RED : r + 1e-9 < ideal ? YELLOW : GREEN;
			if (!c->has[k] && r >= bottom)
				put(out, st, DIM, " ", ' ');
			else if (r >= top || (r > bottom && r >= (top + bottom) / 2))
				put(out, st, colour, "\xe2\x96\x88", '#');
			else if (r > bottom)
				put(out, st, colour, "\xe2\x96\x84", '#');
			else if (row == 1 && r < 0)
				put(out, st, RED, "\xe2\x96\xbc", 'v');
			else if (ideal >= bottom && ideal < top)
				put(out, st, DIM, "\xc2\xb7", '.');
			else
				fputc(' ', out);
		}
		fputc('\n', out);
	}
	ts_format_rfc3339(c->start, a, sizeof a);
	ts_format_rfc3339(c->end, b, sizeof b);
	a[16] = b[16] = '\0';
	fprintf(out, "        %-*s%s\n", (int)(c->ncols > 16 ? c->ncols - 16 : 0), a, b);
	if (c->ndays < 2)
		return;
	fprintf(out, "  days   ");
	for (size_t d = 0; d < c->ndays; d++) {
		double x = c->day_burn[d];
		if (x < 0)
			put(out, st, NULL, " ", ' ');
		else if (x <= 1)
			put(out, st, GREEN, "\xe2\x96\x81", '_');
		else if (x <= 2)
			put(out, st, YELLOW, "\xe2\x96\x83", '-');
		else if (x <= 10)
			put(out, st, RED, "\xe2\x96\x85", '=');
		else
			put(out, st, RED, "\xe2\x96\x88", '#');
	}
	ts_format_local(c->first_day, 0, a, sizeof a);
	fprintf(out, "  a day a cell from %s, by burn rate: %s\n", a,
		st->ascii ? "_ <=1  - <=2  = <=10  # more" : "\xe2\x96\x81 \xe2\x89\xa4" "1  \xe2\x96\x83 \xe2\x89\xa4" "2  \xe2\x96\x85 \xe2\x89\xa4" "10  \xe2\x96\x88 more");
}
