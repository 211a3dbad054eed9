/* `slo calc TARGET [WINDOW]`: the error-budget calculator. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "eval/budget.h"
#include "report/formats.h"
#include "report/report.h"
#include "util/duration.h"
#include "util/num.h"

static const char calc_usage[] =
	"usage: slo calc [--format FORMAT] [--events N] TARGET [WINDOW]\n"
	"       slo calc [--format FORMAT] --downtime DURATION TARGET WINDOW\n"
	"\n"
	"Allowed downtime for TARGET (a percentage such as 99.9) per day, week,\n"
	"28d, 30d, month, quarter and year, or over WINDOW (30d, 1h30m, month, ...).\n"
	"\n"
	"  -e, --events N         allowed bad events out of N\n"
	"  -d, --downtime DUR     availability and budget spent by DUR of downtime\n"
	"                         in WINDOW; exit status 1 when it exceeds the budget\n"
	"      --format FORMAT    text (default), json, csv, tsv or markdown\n"
	"  -j, --json             --format json\n"
	"  -q, --quiet            print nothing: the exit status tells\n"
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
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{"json", no_argument, NULL, 'j'},
		{"quiet", no_argument, NULL, 'q'},
		{NULL, 0, NULL, 0},
	};
	struct report_calc c = {0};
	struct calc_row one;
	enum report_format format = REPORT_TEXT;
	bool quiet = false;
	int ch;

	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":d:e:hjq", longopts, NULL)) != -1) {
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
		case 'f':
			if (report_format_parse(optarg, &format))
				return cli_usage("calc", "--format \"%s\": use text, json, csv, tsv or "
							 "markdown", optarg);
			if (format == REPORT_PROM)
				return cli_usage("calc", "--format prom is for slo eval; slo calc prints "
							 "text, json, csv, tsv or markdown");
			break;
		case 'j':
			format = REPORT_JSON;
			break;
		case 'q':
			quiet = true;
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
	if (quiet)
		; /* the exit status alone */
	else if (format == REPORT_JSON)
		report_calc_json(stdout, &c);
	else if (format == REPORT_CSV)
		report_calc_table(stdout, &c, CELLS_CSV);
	else if (format == REPORT_TSV)
		report_calc_table(stdout, &c, CELLS_TSV);
	else if (format == REPORT_MARKDOWN)
		report_calc_table(stdout, &c, CELLS_MARKDOWN);
	else
		report_calc_text(stdout, &c);
	bool over = c.has_downtime && !budget_time(c.target, one.window, c.downtime).met;
	return cli_finish(over ? EXIT_VIOLATED : EXIT_MET);
}
