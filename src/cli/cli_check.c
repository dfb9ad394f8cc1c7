/* cli_check.c - "memberdesk check": every balance against its ledger */
#include <config.h>

#include "cli/cli.h"
#include "core/check.h"
#include "i18n.h"

static int
finding(void *arg, const char *line)
{
	(void)arg;
	printf("%s\n", line);
	return MD_OK;
}

static const struct option check_opts[] = {
	{"full", no_argument, NULL, 'F'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define CHECK_SYNOPSIS N_("check [--full]")
#define CHECK_HELP N_( \
	"Prove the database: every cached points and stored-value balance equals\n" \
	"the sum of its ledger, no lot has a negative remainder, every sale\n" \
	"matches its ledger entries, nothing points at a missing row, and\n" \
	"SQLite's own check of the file passes.  Prints one line per finding and\n" \
	"exits 1 when there is any.\n" \
	"\n" \
	"      --full         also compare every index with its table (SQLite's\n" \
	"                     integrity check; ten times as long on a large shop)\n")

int
cli_check(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"check", CHECK_SYNOPSIS, CHECK_HELP, "",
				   check_opts, NULL, NULL};
	bool full = false;
	int64_t found;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (c == -2)
			return st;
		full = true;	/* --full, the only option */
	}
	if (optind < argc)
		return cli_usage("check", _("unexpected argument \"%s\""), argv[optind]);
	if ((rc = cli_open_only(cli)) || (rc = check_run(cli->md, full, finding, NULL, &found)))
		return cli_fail(cli, rc);
	cli_show_notice(cli);
	if (found) {
		fflush(stdout);
		fprintf(stderr, P_("%s: %lld problem found\n", "%s: %lld problems found\n",
				   found), PACKAGE, (long long)found);
		return EXIT_REJECTED;
	}
	fprintf(stderr, _("%s: everything adds up\n"), PACKAGE);
	return EXIT_OK;
}
