/* Percentages for people: enough decimals to tell a value from 100 %. */
#ifndef SLO_REPORT_PERCENT_H
#define SLO_REPORT_PERCENT_H

#include <stddef.h>

/* Writes frac (0.99911 is 99.911 %) with `decimals` decimals, or more
 * when rounding would show 100 for less than 1 (or 0 for more than 0),
 * trailing zeros trimmed, and a "%" sign; returns buf. */
char *pct_format(double frac, int decimals, char *buf, size_t size);

#endif
