/* `slo calc TARGET [WINDOW]`: the error-budget calculator. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "eval/budget.h"
#include "report/report.h"
#include "util/duration.h"
#include "util/num.h"

static const char calc_usage[] =
	"usage: slo calc [--json] [--events N] TARGET [WINDOW]\n"
	"       slo calc [--json] --downtime DURATION TARGET WINDOW\n"
	"\n"
	"Allowed downtime for TARGET (a percentage such as 99.9) per day, week,\n"
	"28d, 30d, month, quarter and year, or over WINDOW (30d, 1h30m, month, ...).\n"
	"\n"
	"  -e, --events N         allowed bad events out of N\n"
	"  -d, --downtime DUR     availability and budget spent by DUR of downtime\n"
	"                         in WINDOW; exit status 1 when it exceeds the budget\n"
	"  -j, --json             print JSON instead of text\n"
	"  -h, --help             print this help\n";

static const struct calc_row standard_rows[] = {
	{"day", NS_PER_DAY},      {"week", NS_PER_WEEK},   {"28d", 28 * NS_PER_DAY},
	{"30d", 30 * NS_PER_DAY}, {"month", NS_PER_MONTH}, {"quarter", NS_PER_QUARTER},
	{"year", NS_PER_YEAR},
};

int cmd_calc(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"downtime", required_argument, NULL, 'd'},
		{"events", required_argument, NULL, 'e'},
		{"help", no_argument, NULL, 'h'},
		{"json", no_argument, NULL, 'j'},
		{NULL, 0, NULL, 0},
	};
	struct report_calc c = {0};
	struct calc_row one;
	bool json = false;
	int ch;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":d:e:hj", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			if (cli_duration("calc", "--downtime", optarg, &c.downtime))
				return EXIT_USAGE;
			c.has_downtime = true;
			break;
		case 'e':
			if (num_parse_u64(optarg, strlen(optarg), &c.events) != NUM_OK ||
			    c.events == 0)
				return cli_usage("calc", "--events \"%s\" is not a positive whole number",
						 optarg);
			c.has_events = true;
			break;
		case 'h':
			fputs(calc_usage, stdout);
			return cli_finish(EXIT_MET);
		case 'j':
			json = true;
			break;
		default:
			return cli_option_error("calc", ch, argv);
		}
	}
	argc -= optind;
	argv += optind;

	if (argc < 1)
		return cli_usage("calc", "missing TARGET, e.g. slo calc 99.9");
	if (argc > 2)
		return cli_usage("calc", "too many arguments: \"%s\"", argv[2]);
	if (cli_percent("calc", "TARGET", argv[0], &c.target))
		return EXIT_USAGE;
	if (c.has_downtime && argc < 2)
		return cli_usage("calc", "--downtime needs a WINDOW, e.g. slo calc --downtime 30m 99.9 30d");
	if (argc == 2) {
		if (cli_duration("calc", "WINDOW", argv[1], &one.window))
			return EXIT_USAGE;
		one.label = argv[1];
		c.rows = &one;
		c.nrows = 1;
	} else {
		c.rows = standard_rows;
		c.nrows = sizeof standard_rows / sizeof standard_rows[0];
	}
	if (json)
		report_calc_json(stdout, &c);
	else
		report_calc_text(stdout, &c);
	bool over = c.has_downtime && !budget_time(c.target, one.window, c.downtime).met;
	return cli_finish(over ? EXIT_VIOLATED : EXIT_MET);
}
