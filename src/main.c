/* main.c - memberdesk: global options, then a command or the TUI */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/demo_shop.h"
#include "i18n.h"
#include "tui/tui.h"

static int demo(struct cli *cli, int argc, char **argv);

static const struct cli_command commands[] = {
	{"member", cli_member, NULL, N_("register, find and manage members")},
	{"sale", cli_sale, NULL, N_("record, void and list sales")},
	{"points", cli_points, NULL, N_("adjust points, show their history, expire them")},
	{"wallet", cli_wallet, NULL, N_("stored value: recharge, refund, history, bonus rules")},
	{"coupon", cli_coupon, NULL, N_("coupon campaigns: issue, give, redeem, revoke")},
	{"tier", cli_tier, NULL, N_("tiers: rules, review, manual assignment")},
	{"report", cli_report, NULL, N_("RFM segments, value types, the weekly report, birthdays, sales")},
	{"settings", cli_settings, NULL, N_("show and change the shop's settings")},
	{"audit", cli_audit, NULL, N_("show who changed what, and when")},
	{"check", cli_check, NULL, N_("prove every balance against its ledger")},
	{"import", cli_import, NULL, N_("import another system's CSV: members, sales, balances")},
	{"export", cli_export, NULL, N_("export members, sales and balances as CSV")},
	{"backup", cli_backup, NULL, N_("write a verified copy of the database")},
	{"operator", cli_operator, NULL, N_("operators, their roles and PINs")},
	{"demo", demo, NULL, N_("the full-screen interface on a demo shop, beside your own")},
	{"restore", cli_restore, NULL, N_("put a backup back in place of the database")},
	/* Unlisted: make bench's and the demo shop's made-up data. */
	{"demo-data", cli_demo, NULL, NULL},
	{NULL, NULL, NULL, NULL},
};

static void
usage(void)
{
	const struct cli_command *c;

	printf(_("Usage: %s [--db FILE] [--operator NAME] [COMMAND [ARG]...]\n"), PACKAGE);
	printf(_("Membership, points and stored value for a small shop.\n"
		 "With no COMMAND, open the full-screen interface.\n\n"));
	printf(_("      --db FILE      use the database FILE (default:\n"
		 "                     $XDG_DATA_HOME/memberdesk/memberdesk.db)\n"
		 "      --operator NAME\n"
		 "                     who is at the PC, in a shop with operators (or\n"
		 "                     $MEMBERDESK_OPERATOR; the PIN is asked, or read\n"
		 "                     from $MEMBERDESK_PIN)\n"
		 "  -h, --help         display this help and exit\n"
		 "  -V, --version      output version information and exit\n\n"));
	printf(_("Commands:\n"));
	for (c = commands; c->name; c++)
		if (c->summary)
			printf("  %-10s %s\n", c->name, _(c->summary));
	printf(_("\nRun '%s COMMAND --help' for the commands and options of each.\n"),
	       PACKAGE);
	printf(_("Exit status: 0 on success, 1 when the input is rejected or the\n"
		 "operation fails, 2 when the command line is wrong.\n"));
}

static void
version(void)
{
	printf("%s %s\n", PACKAGE, VERSION);
	printf(_("Copyright (C) 2026 the memberdesk authors.\n"
		 "License MIT: <https://opensource.org/licenses/MIT>.\n"
		 "This is free software: you are free to change and redistribute it.\n"
		 "There is NO WARRANTY, to the extent permitted by law.\n"));
}

static void
init_locale(void)
{
	const char *dir = getenv("MEMBERDESK_LOCALEDIR");

	setlocale(LC_ALL, "");
#if ENABLE_NLS
	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#else
	(void)dir;
#endif
}

/* GNU close_stdout: output that never reached the disk is an error. */
static int
close_stdout(int status)
{
	if (fclose(stdout) != 0) {
		fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("write error"),
			strerror(errno));
		return status ? status : EXIT_REJECTED;
	}
	return status;
}

/* The full-screen interface on CLI's database, signed in as it says. */
static int
screens(struct cli *cli)
{
	int status;

	/* The screens sign the operator in themselves. */
	cli->tui = true;
	cli->no_login = true;
	if ((status = cli_open(cli)) != MD_OK)
		status = cli_fail(cli, status);
	else
		status = tui_run(cli->md, cli->operator_name ? cli->operator_name
							 : getenv("MEMBERDESK_OPERATOR"));
	db_close(cli->md);
	return status;
}

/* "memberdesk demo": the screens on a demo shop beside the real one
 * (demo.db in its folder), made anew each day. */
static int
demo(struct cli *cli, int argc, char **argv)
{
	char *path, *slash;
	int rc;

	(void)argv;
	if (argc > 1)
		return cli_usage("demo", _("demo takes no arguments"));
	if (cli->db_path)
		return cli_usage("demo", _("the demo shop has a database of its own: drop --db"));
	if (!(path = db_default_path(cli->md)) || !(slash = strrchr(path, '/'))) {
		free(path);
		return cli_fail(cli, MD_EINVAL);
	}
	strcpy(slash + 1, "demo.db");	/* shorter than memberdesk.db */
	fprintf(stderr, _("%s: the demo shop is %s (made anew each day; your own shop is not touched)\n"),
		PACKAGE, path);
	rc = demo_shop_open(cli->md, path);
	free(path);
	if (rc)
		return cli_fail(cli, rc);
	return screens(cli);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"operator", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		/* The manual's key table, from the TUI's action table. */
		{"keys-roff", no_argument, NULL, 'K'},
		{NULL, 0, NULL, 0},
	};
	const struct cli_command *c;
	struct md md;
	struct cli cli = {.md = &md, .out = stdout};
	int opt, status;

#ifdef M_TRIM_THRESHOLD
	/* SQLite and FTS5 allocate and free large blocks for every statement
	 * of a bulk import; glibc would give the top of the heap back each
	 * time, and on virtual machines the page-table flushes cost more than
	 * the import (4.5x slower measured).  Keep up to 64 MB. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 16 << 20);
#endif
	init_locale();
	if (md_init(&md) != MD_OK || clock_init(&md) != MD_OK) {
		fprintf(stderr, "%s: %s\n", PACKAGE, md.err);
		return EXIT_USAGE;
	}
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+:hV", opts, NULL)) != -1) {
		switch (opt) {
		case 'd':
			cli.db_path = optarg;
			break;
		case 'o':
			cli.operator_name = optarg;
			break;
		case 'h':
			usage();
			return close_stdout(EXIT_OK);
		case 'K':
			return close_stdout(tui_keys_roff());
		case 'V':
			version();
			return close_stdout(EXIT_OK);
		case ':':
			return cli_usage(NULL, _("option %s needs a value"),
					 argv[optind - 1]);
		default:
			return cli_usage(NULL, _("unknown option %s"), argv[optind - 1]);
		}
	}
	if (optind == argc)
		return close_stdout(screens(&cli));
	for (c = commands; c->name; c++)
		if (!strcmp(c->name, argv[optind]))
			break;
	if (!c->name)
		return cli_usage(NULL, _("unknown command \"%s\""), argv[optind]);
	cli.restart_getopt = true;
	status = close_stdout(c->run(&cli, argc - optind, argv + optind));
	/* Once the command's output is out, and whoever reads it has seen
	 * its end: the day's first customer never waits for the week's
	 * snapshot or the backup (which then holds the snapshot). */
	cli_weekly_snapshot(&cli);
	cli_daily_backup(&cli);
	db_close(&md);
	return status;
}
