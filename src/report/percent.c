/* Percentage formatting. */
#include "report/percent.h"

#include <stdio.h>
#include <string.h>

char *pct_format(double frac, int decimals, char *buf, size_t size)
{
	double p = frac * 100.0;
	char tmp[64];

	for (;; decimals++) {
		snprintf(tmp, sizeof tmp, "%.*f", decimals, p);
		/* never round a shortfall up to 100 or a loss down to 0 */
		int shows_100 = strcmp(tmp, "100") == 0 || strncmp(tmp, "100.", 4) == 0;
		double back;
		sscanf(tmp, "%lf", &back);
		if (decimals >= 9 || !((shows_100 && frac < 1.0) ||
				       (back <= 0.0 && back >= 0.0 && frac > 0.0)))
			break;
	}
	char *dot = strchr(tmp, '.');
	if (dot) {
		char *e = tmp + strlen(tmp) - 1;
		while (e > dot && *e == '0')
			*e-- = '\0';
		if (e == dot)
			*e = '\0';
	}
	if (strcmp(tmp, "-0") == 0)
		strcpy(tmp, "0");
	snprintf(buf, size, "%s%%", tmp);
	return buf;
}
