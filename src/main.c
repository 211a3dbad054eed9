/* slo: SLO and error-budget calculator.  Dispatches to a subcommand. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const char usage[] =
	"usage: slo calc [OPTIONS] TARGET [WINDOW]\n"
	"       slo eval [OPTIONS] [FILE...]\n"
	"       slo eval -c SLOS.yaml [OPTIONS] [FILE...]\n"
	"       slo detect [OPTIONS] FILE...\n"
	"       slo alerts --replay [OPTIONS] [FILE...]\n"
	"       slo merge [OPTIONS] STATE...\n"
	"       slo --version | --help\n"
	"\n"
	"Commands:\n"
	"  calc    allowed downtime and bad events for a target\n"
	"  eval    evaluate records (CSV, access logs, JSON lines) against SLO\n"
	"          targets: SLI, error budget, burn rate; exit status 1 when an\n"
	"          objective is not met\n"
	"  detect  say how slo reads a file: format, fields, units, zone\n"
	"  alerts  --replay: when each burn-rate alert would have fired over the\n"
	"          history, and how long each incident went before one did\n"
	"  merge   one report from the states several runs saved (eval\n"
	"          --save-state), as if one run had read all their inputs\n"
	"\n"
	"'slo COMMAND --help' lists a command's options; slo(1) has the details.\n"
	"Exit status: 0 met, 1 violated, 2 usage error, 3 input error.\n";

int main(int argc, char **argv)
{
	/* `slo eval ... | head -1` should end quietly when head does, even
	 * under a parent (some CI runners) that set SIGPIPE to be ignored */
	signal(SIGPIPE, SIG_DFL);
	if (argc < 2)
		return cli_usage(NULL, "missing command: calc or eval");
	const char *cmd = argv[1];
	if (strcmp(cmd, "calc") == 0)
		return cmd_calc(argc - 1, argv + 1);
	if (strcmp(cmd, "eval") == 0 || strcmp(cmd, "detect") == 0 || strcmp(cmd, "alerts") == 0 ||
	    strcmp(cmd, "merge") == 0)
		return cmd_eval(argc - 1, argv + 1);
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
		fputs(usage, stdout);
		return cli_finish(EXIT_MET);
	}
	if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
		printf("slo %s\n", SLO_VERSION);
		return cli_finish(EXIT_MET);
	}
	return cli_usage(NULL, "unknown command \"%s\"", cmd);
}
