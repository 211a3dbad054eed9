/* Honest rounding for display. */
#include "report/percent.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Does `shown` stand on the same side of r as v does? */
static int same_side(double v, double shown, double r)
{
	if (v < r)
		return shown < r;
	if (v > r)
		return shown > r;
	return 1;
}

static void trim(char *s)
{
	char *dot = strchr(s, '.');
	if (!dot)
		return;
	char *e = s + strlen(s) - 1;
	while (e > dot && *e == '0')
		*e-- = '\0';
	if (e == dot)
		*e = '\0';
	if (strcmp(s, "-0") == 0)
		strcpy(s, "0");
}

/* v with the fewest decimals from `decimals` up that keep it on its side
 * of each reference, scaled by `scale` for display. */
static void honest(double v, double scale, int decimals, const double *refs, size_t nrefs,
		   char *out, size_t size)
{
	for (;; decimals++) {
		snprintf(out, size, "%.*f", decimals, v * scale);
		double shown = strtod(out, NULL) / scale;
		size_t i = 0;
		while (i < nrefs && same_side(v, shown, refs[i]))
			i++;
		if (i == nrefs || decimals >= 9)
			break;
	}
	trim(out);
}

char *pct_format(double frac, int decimals, double ref, char *buf, size_t size)
{
	const double refs[] = {0.0, 1.0, ref};
	char tmp[64];
	honest(frac, 100.0, decimals, refs, ref >= 0 ? 3 : 2, tmp, sizeof tmp);
	snprintf(buf, size, "%s%%", tmp);
	return buf;
}

char *ratio_format(double v, double ref, char *buf, size_t size)
{
	const double refs[] = {0.0, ref};
	honest(v, 1.0, 2, refs, 2, buf, size);
	return buf;
}
