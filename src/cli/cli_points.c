/* cli_points.c - "memberdesk points adjust|history|expire" */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/points.h"
#include "core/text.h"
#include "i18n.h"

static const struct option adjust_opts[] = {
	{"reason", required_argument, NULL, 'r'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define ADJUST_SYNOPSIS N_("points adjust MEMBER +N|-N --reason TEXT")
#define ADJUST_HELP N_( \
	"Add or take away points by hand; the reason is kept in the ledger.\n" \
	"Taking away more than the balance is refused.\n" \
	"  -r, --reason TEXT    why (required)\n")

/* "-50" is a points change, not an option: take such arguments out of
 * getopt's sight. */
static const char *
pull_delta(int *argc, char **argv)
{
	const char *found = NULL;
	int i, o;

	for (i = o = 1; i < *argc; i++) {
		const char *a = argv[i];

		if (!found && a[0] == '-' && a[1] >= '0' && a[1] <= '9' &&
		    strspn(a + 1, "0123456789") == strlen(a + 1)) {
			found = a;
			continue;
		}
		argv[o++] = argv[i];
	}
	*argc = o;
	argv[o] = NULL;
	return found;
}

static int
adjust_cmd(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"points adjust", ADJUST_SYNOPSIS, ADJUST_HELP, "r:",
				   adjust_opts, NULL, NULL};
	const char *reason = NULL, *delta = pull_delta(&argc, argv);
	struct points_result r;
	char d[32], b[32];
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (c == -2)
			return st;
		if (c == 'r')
			reason = optarg;
	}
	if (!delta && argc - optind == 2)
		delta = argv[optind + 1];
	else if (!(delta && argc - optind == 1))
		return cli_usage("points adjust", _("give a member and a change such as +100 or -50"));
	if (!reason)
		return cli_usage("points adjust", _("--reason is required"));
	if ((rc = cli_open(cli)) ||
	    (rc = points_adjust(cli->md, argv[optind], delta, reason, &r)))
		return cli_fail(cli, rc);
	text_format_int(r.delta, d);
	text_format_int(r.balance, b);
	printf(_("%s (%s): %s%s points, balance %s\n"), r.card, r.name,
	       r.delta > 0 ? "+" : "", d, b);
	return EXIT_OK;
}

static const struct table_col history_cols[] = {
	{"at", N_("When"), .kind = COL_TEXT},
	{"kind", N_("Kind"), .kind = COL_LABEL, .label = points_kind_label},
	{"delta", N_("Change"), .kind = COL_CHANGE},
	{"balance", N_("Balance"), .kind = COL_NUMBER},
	{"expires", N_("Expires"), .kind = COL_TEXT},
	{"sale", N_("Sale"), .kind = COL_COUNT},
	{"reason", N_("Reason"), .kind = COL_TEXT},
	{"operator", N_("Operator"), .kind = COL_TEXT},
};

static int
history_row(void *arg, const struct points_entry *e)
{
	const struct table_cell cells[] = {
		TABLE_STR(e->at), TABLE_STR(e->kind), TABLE_INT(e->delta),
		TABLE_INT(e->balance), TABLE_STR(e->expires),
		e->sale_id ? TABLE_INT(e->sale_id) : TABLE_BLANK,
		TABLE_STR(e->reason), TABLE_STR(e->operator_name),
	};

	return table_row(arg, cells);
}

#define HISTORY_SYNOPSIS N_("points history MEMBER [--format FMT]")
#define HISTORY_HELP N_( \
	"Every change to a member's points, oldest first, with the balance after\n" \
	"each and the day earned points expire.\n" \
	"      --format FMT     table (default), csv or tsv\n")

static int
history_rows(struct md *md, const char *key, struct table *t)
{
	return points_history(md, key, history_row, t);
}

static int
history_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct cli_member_table m = {"points history", HISTORY_SYNOPSIS,
		HISTORY_HELP, history_cols, TABLE_COLS(history_cols), history_rows};

	return cli_member_table(cli, &m, argc, argv);
}

static const struct table_col lot_cols[] = {
	{"earned_at", N_("Earned"), .kind = COL_TEXT},
	{"kind", N_("Kind"), .kind = COL_LABEL, .label = points_kind_label},
	{"earned", N_("Points"), .kind = COL_NUMBER},
	{"remaining", N_("Remaining"), .kind = COL_NUMBER},
	{"expires", N_("Expires"), .kind = COL_TEXT},
};

static int
lot_row(void *arg, const struct points_lot *l)
{
	const struct table_cell cells[] = {
		TABLE_STR(l->earned_at), TABLE_STR(l->kind), TABLE_INT(l->earned),
		TABLE_INT(l->remaining), TABLE_STR(l->expires),
	};

	return table_row(arg, cells);
}

#define LOTS_SYNOPSIS N_("points lots MEMBER [--format FMT]")
#define LOTS_HELP N_( \
	"The member's points that are not used up yet, lot by lot, soonest to\n" \
	"expire first: when and how each was earned, what is left of it and its\n" \
	"last day (empty: it never expires).\n" \
	"      --format FMT     table (default), csv or tsv\n")

static int
lots_rows(struct md *md, const char *key, struct table *t)
{
	return points_lots(md, key, lot_row, t);
}

static int
lots_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct cli_member_table m = {"points lots", LOTS_SYNOPSIS, LOTS_HELP,
		lot_cols, TABLE_COLS(lot_cols), lots_rows};

	return cli_member_table(cli, &m, argc, argv);
}

static const struct option expire_opts[] = {
	{"as-of", required_argument, NULL, 'd'},
	{"dry-run", no_argument, NULL, 'n'},
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define EXPIRE_SYNOPSIS N_("points expire [--as-of DATE] [--dry-run [--format FMT]]")
#define EXPIRE_HELP N_( \
	"Expire the points whose last day is before DATE (default today).\n" \
	"memberdesk also does this by itself the first time it runs each day;\n" \
	"running it again expires nothing more.\n" \
	"  -n, --dry-run        only list who would lose what (DATE may be ahead)\n" \
	"      --format FMT     table (default), csv or tsv, with --dry-run\n")

static const struct table_col expiring_cols[] = {
	{"card", N_("Card"), .kind = COL_TEXT},
	{"name", N_("Name"), .kind = COL_TEXT},
	{"expires", N_("Last day"), .kind = COL_TEXT},
	{"points", N_("Points"), .kind = COL_NUMBER},
};

static int
expiring_row(void *arg, const struct points_expiring *e)
{
	const struct table_cell cells[] = {
		TABLE_STR(e->card), TABLE_STR(e->name), TABLE_STR(e->expires),
		TABLE_INT(e->points),
	};

	return table_row(arg, cells);
}

/* --dry-run: the table, and its sum on stderr as tier evaluate has it. */
static int
expire_preview(struct cli *cli, enum table_format fmt, struct date d)
{
	int64_t members, points;
	struct table *t;
	char p[32];
	int rc;

	if (!(t = cli_table_open(cli, fmt, expiring_cols)))
		return cli_fail(cli, MD_ENOMEM);
	rc = table_close(t, points_expire_preview(cli->md, d, expiring_row, t,
						  &members, &points));
	if (rc)
		return cli_fail(cli, rc);
	text_format_int(points, p);
	fprintf(stderr, P_("%s points would expire, of %lld member\n",
			   "%s points would expire, of %lld members\n", members),
		p, (long long)members);
	return EXIT_OK;
}

static int
expire_cmd(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"points expire", EXPIRE_SYNOPSIS, EXPIRE_HELP, "n",
				   expire_opts, &fmt, NULL};
	const char *as_of = NULL;
	int64_t members, points;
	bool dry = false;
	struct date d;
	char p[32];
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		switch (c) {
		case -2: return st;
		case 'd': as_of = optarg; break;
		case 'n': dry = true; break;
		}
	}
	if (optind < argc)
		return cli_usage("points expire", _("unexpected argument \"%s\""), argv[optind]);
	if ((rc = cli_open_only(cli)))
		return cli_fail(cli, rc);
	d = clock_today(cli->md);
	if (as_of && (rc = date_parse(cli->md, "--as-of", as_of, &d, false)))
		return cli_fail(cli, rc);
	if (dry)
		return expire_preview(cli, fmt, d);
	if ((rc = points_expire(cli->md, d, &members, &points)))
		return cli_fail(cli, rc);
	text_format_int(points, p);
	printf(P_("%s points expired, of %lld member\n",
		  "%s points expired, of %lld members\n", members),
	       p, (long long)members);
	return EXIT_OK;
}

static const struct cli_command points_cmds[] = {
	{"adjust", adjust_cmd, ADJUST_SYNOPSIS, N_("add or take away points, with a reason")},
	{"history", history_cmd, HISTORY_SYNOPSIS, N_("show a member's points ledger")},
	{"lots", lots_cmd, LOTS_SYNOPSIS, N_("show a member's points lots and when they expire")},
	{"expire", expire_cmd, EXPIRE_SYNOPSIS, N_("expire points that are past their last day")},
	{NULL, NULL, NULL, NULL},
};

int
cli_points(struct cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "points", points_cmds, argc, argv);
}
