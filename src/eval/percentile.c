/* Nearest-rank percentiles. */
#include "eval/percentile.h"

#include "util/num.h"

uint64_t percentile_rank(int64_t p, uint64_t n)
{
	if (n == 0)
		return 0;
	if (p <= 0)
		return 1;
	if (p >= FRAC_ONE)
		return n;
	u128 scaled = (u128)p * n;
	uint64_t rank = (uint64_t)(scaled / FRAC_ONE) + (scaled % FRAC_ONE != 0);
	return rank ? rank : 1;
}
