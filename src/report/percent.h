/* Numbers for people: as few decimals as say the truth, never so few that
 * a value lands on the wrong side of what it is compared with. */
#ifndef SLO_REPORT_PERCENT_H
#define SLO_REPORT_PERCENT_H

#include <stddef.h>

/* Writes frac (0.99911 is 99.911 %) as a percentage with `decimals`
 * decimals, trailing zeros trimmed, and a "%".  More decimals are added
 * (up to 9) while rounding would put the value on the other side of, or
 * onto, ref, 0 or 1: an SLI of 99.89998 % against a 99.9 % target is not
 * shown as 99.9 %, nor 100.004 % consumed as 100 %.  Returns buf. */
char *pct_format(double frac, int decimals, double ref, char *buf, size_t size);

/* Writes a ratio (a burn rate) the same way, without exponents: 3472.22,
 * 1.0002 (not 1 when above 1), 0.5.  Returns buf. */
char *ratio_format(double v, double ref, char *buf, size_t size);

#endif
