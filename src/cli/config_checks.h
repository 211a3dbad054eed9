/* The checks of a config file's values that need slo's readers or its
 * global zone (slocfg_checks): slo eval -c and the config fuzz harness
 * check with the same ones. */
#ifndef SLO_CLI_CONFIG_CHECKS_H
#define SLO_CLI_CONFIG_CHECKS_H

#include "config/slo_config.h"

/* A zone, an --input format and a --log-format string, checked as the
 * options are. */
extern const struct slocfg_checks config_checks;

/* The zone database is global state: a zone is tried and then this one
 * put back ("UTC" until set); the name must outlive the checks. */
void config_checks_zone_after(const char *zone);

#endif
