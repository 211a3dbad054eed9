/* The latency percentiles every report gives, one list for all formats. */
#include "report/report.h"

const int64_t report_pcts[REPORT_PCTS] = {500000000, 900000000, 950000000, 990000000,
					  999000000};
const char *const report_pct_names[REPORT_PCTS] = {"p50", "p90", "p95", "p99", "p99.9"};
