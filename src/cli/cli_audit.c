/* cli_audit.c - "memberdesk audit [KEY]": who changed what */
#include <config.h>

#include <string.h>

#include "cli/cli.h"
#include "core/audit.h"
#include "core/date.h"
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
	{"by", required_argument, NULL, 'b'},
	{"action", required_argument, NULL, 'a'},
	{"from", required_argument, NULL, 'F'},
	{"to", required_argument, NULL, 'T'},
	{"format", required_argument, NULL, 'f'},
	{"limit", required_argument, NULL, 'l'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define AUDIT_SYNOPSIS N_("audit [KEY] [--by NAME] [--action A] [--from DATE] [--to DATE] [--limit N] [--format FMT]")
#define AUDIT_HELP N_( \
	"Show the audit log, newest first: every change, who made it and when,\n" \
	"with the values before and after.  KEY limits it to one member.  The\n" \
	"log cannot be changed; \"memberdesk check\" proves its chain of hashes.\n" \
	"      --by NAME        only what the operator NAME did\n" \
	"      --action A       only the action A (e.g. points.adjust)\n" \
	"      --from DATE      from that day on\n" \
	"      --to DATE        up to that day, included\n" \
	"      --limit N        at most N entries (default 50; with --from or\n" \
	"                       --to, all of them)\n" \
	"      --format FMT     table (default), csv or tsv\n")

/* --from/--to DATE as the log's text bounds: FROM's day, and the day
 * after TO's (the filter is "before"). */
static int
day_bound(struct cli *cli, const char *what, const char *s, int after, char out[11])
{
	struct date d;
	int rc;

	if ((rc = date_parse(cli->md, what, s, &d, false)))
		return rc;
	date_format(date_from_days(date_to_days(d) + after), out);
	return MD_OK;
}

int
cli_audit(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	struct audit_filter f = {.limit = -1};
	const char *from = NULL, *to = NULL;
	char lo[11], hi[11];
	enum action a;
	int c, st, rc;
	struct table *t;

	const struct cli_opts o = {"audit", AUDIT_SYNOPSIS, AUDIT_HELP, "",
				   audit_opts, &fmt, &f.limit};

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		switch (c) {
		case -2: return st;
		case 'b': f.by = optarg; break;
		case 'a': f.action = optarg; break;
		case 'F': from = optarg; break;
		case 'T': to = optarg; break;
		}
	}
	if (argc - optind > 1)
		return cli_usage("audit", _("give at most one card or phone number"));
	if (f.action && !action_parse(f.action, &a))
		return cli_usage("audit", _("unknown action \"%s\" (the log names them as points.adjust, sale.void, ...)"),
				 f.action);
	if (f.limit < 0)
		f.limit = from || to ? 0 : 50;
	if ((rc = cli_open(cli)))
		return cli_fail(cli, rc);
	if ((from && (rc = day_bound(cli, "--from", from, 0, lo))) ||
	    (to && (rc = day_bound(cli, "--to", to, 1, hi))))
		return cli_fail(cli, rc);
	f.from = from ? lo : NULL;
	f.to = to ? hi : NULL;
	if (from && to && strcmp(lo, hi) >= 0)
		return cli_usage("audit", _("--from %s is after --to %s"), from, to);
	if (optind < argc && (rc = member_resolve(cli->md, argv[optind], &f.member_id)))
		return cli_fail(cli, rc);
	if (!(t = cli_table_open(cli, fmt, audit_cols)))
		return cli_fail(cli, MD_ENOMEM);
	rc = table_close(t, audit_list(cli->md, &f, audit_row, t));
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}
