/* cli_audit.c - "memberdesk audit [KEY]": who changed what */
#include <config.h>

#include "cli/cli.h"
#include "core/audit.h"
#include "core/member.h"
#include "i18n.h"

static const struct table_col audit_cols[] = {
	{"at", N_("When"), .kind = COL_TEXT},
	{"operator", N_("Operator"), .kind = COL_TEXT},
	{"action", N_("Action"), .kind = COL_TEXT},
	{"card", N_("Card"), .kind = COL_TEXT},
	{"old", N_("Before"), .kind = COL_TEXT},
	{"new", N_("After"), .kind = COL_TEXT},
};

static int
audit_row(void *arg, const struct audit_row *r)
{
	const struct table_cell cells[] = {
		TABLE_STR(r->at), TABLE_STR(r->operator_name), TABLE_STR(r->action),
		TABLE_STR(r->card), TABLE_STR(r->old_json), TABLE_STR(r->new_json),
	};

	return table_row(arg, cells);
}

static const struct option audit_opts[] = {
	{"format", required_argument, NULL, 'f'},
	{"limit", required_argument, NULL, 'l'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define AUDIT_SYNOPSIS N_("audit [KEY] [--limit N] [--format FMT]")
#define AUDIT_HELP N_( \
	"Show the audit log, newest first: every change, who made it and when,\n" \
	"with the values before and after.  KEY limits it to one member.\n" \
	"      --limit N        at most N entries (default 50)\n" \
	"      --format FMT     table (default), csv or tsv\n")

int
cli_audit(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	int c, st, rc, limit = 50;
	int64_t id = 0;
	struct table *t;

	const struct cli_opts o = {"audit", AUDIT_SYNOPSIS, AUDIT_HELP, "",
				   audit_opts, &fmt, &limit};

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (argc - optind > 1)
		return cli_usage("audit", _("give at most one card or phone number"));
	if ((rc = cli_open(cli)))
		return cli_fail(cli, rc);
	if (optind < argc && (rc = member_resolve(cli->md, argv[optind], &id)))
		return cli_fail(cli, rc);
	if (!(t = cli_table_open(cli, fmt, audit_cols)))
		return cli_fail(cli, MD_ENOMEM);
	rc = table_close(t, audit_list(cli->md, id, limit, audit_row, t));
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}
