/* cli_backup.c - "memberdesk backup [FILE]" and "memberdesk restore FILE" */
#include <config.h>

#include "cli/cli.h"
#include "core/backup.h"
#include "i18n.h"

static const struct option help_only[] = {
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define BACKUP_SYNOPSIS N_("backup [FILE]")
#define BACKUP_HELP N_( \
	"Write a verified copy of the database; safe while memberdesk is in use\n" \
	"and sales go on.  Without FILE the copy is a dated file in the backups\n" \
	"folder beside the database, which keeps the newest backup_keep of them.\n" \
	"FILE may be a folder (a dated file in it) or a file (replaced whole).\n" \
	"Prints the name of the backup.\n")

int
cli_backup(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"backup", BACKUP_SYNOPSIS, BACKUP_HELP, "",
				   help_only, NULL, NULL};
	struct backup_result res = {0};
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (argc - optind > 1)
		return cli_usage("backup", _("give at most one FILE"));
	if (optind < argc && !*argv[optind])
		return cli_usage("backup", _("the FILE name is empty"));
	cli->no_daily_backup = true;
	if (!(rc = cli_open_only(cli)))
		rc = backup_make(cli->md, optind < argc ? argv[optind] : NULL, &res);
	if (*res.path)
		printf("%s\n", res.path);
	if (rc)
		return cli_fail(cli, rc);
	if (res.pruned) {
		fflush(stdout);
		fprintf(stderr, P_("%s: removed %d older backup (backup_keep is %lld)\n",
				   "%s: removed %d older backups (backup_keep is %lld)\n",
				   res.pruned), PACKAGE, res.pruned, (long long)res.keep);
	}
	return EXIT_OK;
}

#define RESTORE_SYNOPSIS N_("restore FILE")
#define RESTORE_HELP N_( \
	"Put the backup FILE in place of the database, even while another\n" \
	"memberdesk has it open.  FILE is proved first (SQLite's integrity check,\n" \
	"a memberdesk database, a schema no newer than this memberdesk's) and\n" \
	"upgraded when it is older; the database it replaces is kept in the\n" \
	"backups folder.  A FILE that is refused leaves the database as it was.\n")

static void
say_restored(const char *file, const struct backup_restored *r)
{
	if (r->from_version < r->to_version)
		printf(_("Restored %s (schema %d, upgraded to %d).\n"), file,
		       r->from_version, r->to_version);
	else
		printf(_("Restored %s.\n"), file);
	if (!*r->kept.path)
		printf(_("The database it replaced was empty.\n"));
	else if (r->kept.damaged)
		printf(_("The database it replaced failed SQLite's integrity check; it is kept in %s.\n"),
		       r->kept.path);
	else
		printf(_("The database it replaced is kept in %s.\n"), r->kept.path);
	if (r->problems) {
		fflush(stdout);
		fprintf(stderr, P_("%s: the restored database has %lld problem: \"memberdesk check\" lists it\n",
				   "%s: the restored database has %lld problems: \"memberdesk check\" lists them\n",
				   r->problems), PACKAGE, (long long)r->problems);
	}
}

int
cli_restore(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"restore", RESTORE_SYNOPSIS, RESTORE_HELP, "",
				   help_only, NULL, NULL};
	struct backup_restored r;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (argc - optind != 1 || !*argv[optind])
		return cli_usage("restore", _("give the backup FILE to restore"));
	cli->no_daily_backup = true;
	if ((rc = cli_open_only(cli)) || (rc = backup_restore(cli->md, argv[optind], &r)))
		return cli_fail(cli, rc);
	say_restored(argv[optind], &r);
	return EXIT_OK;
}
