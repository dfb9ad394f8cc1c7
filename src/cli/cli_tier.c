/* cli_tier.c - "memberdesk tier list|add|edit|delete|evaluate|assign" */
#include <config.h>

#include <string.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/tier.h"
#include "i18n.h"

static const struct table_col tier_cols[] = {
	{"rank", N_("Rank"), .kind = COL_COUNT},
	{"name", N_("Tier"), .kind = COL_TEXT},
	{"min_spend", N_("Min spend"), .kind = COL_MONEY},
	{"min_visits", N_("Min visits"), .kind = COL_COUNT},
	{"keep_spend", N_("Keep spend"), .kind = COL_MONEY},
	{"discount", N_("Discount %"), .kind = COL_COUNT},
	{"points_rate", N_("Points x"), .kind = COL_DECIMAL},	/* 150 -> "1.5" */
	{"members", N_("Members"), .kind = COL_COUNT},
};

static int
tier_row(void *arg, const struct tier *t)
{
	const struct table_cell cells[] = {
		TABLE_INT(t->rank), TABLE_STR(t->name), TABLE_INT(t->min_spend),
		TABLE_INT(t->min_visits), TABLE_INT(t->keep_spend),
		TABLE_INT(t->discount), TABLE_INT(t->points_rate),
		TABLE_INT(t->members),
	};

	return table_row(arg, cells);
}

static const struct option list_opts[] = {
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define LIST_SYNOPSIS N_("tier list [--format FMT]")
#define LIST_HELP N_( \
	"The tiers, lowest first: what qualifies (spend or visits over the tier\n" \
	"window), what keeps it (retention spend), the discount (percentage\n" \
	"paid: 95 is 9.5折), the points multiplier, and how many members hold it.\n" \
	"      --format FMT     table (default), csv or tsv\n")

static int
list_cmd(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"tier list", LIST_SYNOPSIS, LIST_HELP, "",
				   list_opts, &fmt, NULL};
	struct table *t;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (optind < argc)
		return cli_usage("tier list", _("unexpected argument \"%s\""), argv[optind]);
	if ((rc = cli_open(cli)))
		return cli_fail(cli, rc);
	if (!(t = cli_table_open(cli, fmt, tier_cols)))
		return cli_fail(cli, MD_ENOMEM);
	rc = table_close(t, tier_list(cli->md, tier_row, t));
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

static const struct option edit_opts[] = {
	{"name", required_argument, NULL, 'n'},
	{"min-spend", required_argument, NULL, 's'},
	{"min-visits", required_argument, NULL, 'v'},
	{"keep-spend", required_argument, NULL, 'k'},
	{"discount", required_argument, NULL, 'd'},
	{"points-rate", required_argument, NULL, 'r'},
	{"rank", required_argument, NULL, 'R'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define ADD_SYNOPSIS N_("tier add NAME [--min-spend AMOUNT] [--min-visits N] [OPTION]...")
#define ADD_HELP N_( \
	"Add a tier, on top unless --rank says where.\n" \
	"      --min-spend AMOUNT   qualifies with this spend in the window (yuan)\n" \
	"      --min-visits N       or with purchases on N days in the window\n" \
	"      --keep-spend AMOUNT  spend needed in a window to keep the tier\n" \
	"      --discount P         percentage paid: 95 means 9.5折 (default 100)\n" \
	"      --points-rate R      points multiplier, such as 1.5 (default 1)\n" \
	"      --rank N             its place: 1 is just above the base tier\n")
#define EDIT_SYNOPSIS N_("tier edit NAME [OPTION]...")
#define EDIT_HELP N_( \
	"Change a tier's rules.\n" \
	"      --name NEW           rename it\n" \
	"      --min-spend AMOUNT   qualifies with this spend in the window (yuan)\n" \
	"      --min-visits N       or with purchases on N days in the window\n" \
	"      --keep-spend AMOUNT  spend needed in a window to keep the tier\n" \
	"      --discount P         percentage paid: 95 means 9.5折\n" \
	"      --points-rate R      points multiplier, such as 1.5\n" \
	"      --rank N             move it: 1 is just above the base tier; the\n" \
	"                           tiers between shift by one\n")

static int
add_edit(struct cli *cli, int argc, char **argv, bool add)
{
	const struct cli_opts o = add ?
		(struct cli_opts){"tier add", ADD_SYNOPSIS, ADD_HELP, "", edit_opts, NULL, NULL} :
		(struct cli_opts){"tier edit", EDIT_SYNOPSIS, EDIT_HELP, "", edit_opts, NULL, NULL};
	struct tier_input in = {0};
	bool any = false;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		any = true;
		switch (c) {
		case -2: return st;
		case 'n':
			if (add)
				return cli_usage(o.cmd, _("the name is the first argument"));
			in.name = optarg;
			break;
		case 's': in.min_spend = optarg; break;
		case 'v': in.min_visits = optarg; break;
		case 'k': in.keep_spend = optarg; break;
		case 'd': in.discount = optarg; break;
		case 'r': in.points_rate = optarg; break;
		case 'R': in.rank = optarg; break;
		}
	}
	if (argc - optind != 1)
		return cli_usage(o.cmd, _("give one tier name"));
	if (!add && !any)
		return cli_usage(o.cmd, _("nothing to change"));
	if (add)
		in.name = argv[optind];
	if ((rc = cli_open(cli)))
		return cli_fail(cli, rc);
	rc = add ? tier_add(cli->md, &in) : tier_edit(cli->md, argv[optind], &in);
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

static int
add_cmd(struct cli *cli, int argc, char **argv)
{
	return add_edit(cli, argc, argv, true);
}

static int
edit_cmd(struct cli *cli, int argc, char **argv)
{
	return add_edit(cli, argc, argv, false);
}

static const struct option delete_opts[] = {
	{"move-to", required_argument, NULL, 'm'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define DELETE_SYNOPSIS N_("tier delete NAME [--move-to TIER]")
#define DELETE_HELP N_( \
	"Delete a tier.  While members hold it, --move-to must say which tier\n" \
	"they go to (each move is kept in their tier history).\n")

static int
delete_cmd(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"tier delete", DELETE_SYNOPSIS, DELETE_HELP, "",
				   delete_opts, NULL, NULL};
	const char *move_to = NULL;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (c == -2)
			return st;
		if (c == 'm')
			move_to = optarg;
	}
	if (argc - optind != 1)
		return cli_usage("tier delete", _("give one tier name"));
	if ((rc = cli_open(cli)) || (rc = tier_delete(cli->md, argv[optind], move_to)))
		return cli_fail(cli, rc);
	return EXIT_OK;
}

/* Why a member moves: "upgrade" or "downgrade". */
static const char *
reason_label(const char *reason)
{
	return !strcmp(reason, "upgrade") ? _("upgrade") : _("downgrade");
}

static const struct table_col move_cols[] = {
	{"card", N_("Card"), .kind = COL_TEXT},
	{"name", N_("Name"), .kind = COL_TEXT},
	{"from", N_("From"), .kind = COL_TEXT},
	{"to", N_("To"), .kind = COL_TEXT},
	{"reason", N_("Why"), .kind = COL_LABEL, .label = reason_label},
	{"spend", N_("Spend"), .kind = COL_MONEY},
	{"visits", N_("Visits"), .kind = COL_COUNT},
	{"keep_spend", N_("Keep spend"), .kind = COL_MONEY},
};

static int
move_row(void *arg, const struct tier_move *mv)
{
	const struct table_cell cells[] = {
		TABLE_STR(mv->card), TABLE_STR(mv->name), TABLE_STR(mv->from),
		TABLE_STR(mv->to), TABLE_STR(mv->reason), TABLE_INT(mv->spend),
		TABLE_INT(mv->visits), TABLE_INT(mv->keep_spend),
	};

	return table_row(arg, cells);
}

static const struct option evaluate_opts[] = {
	{"as-of", required_argument, NULL, 'd'},
	{"dry-run", no_argument, NULL, 'n'},
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define EVALUATE_SYNOPSIS N_("tier evaluate [--as-of DATE] [--dry-run] [--format FMT]")
#define EVALUATE_HELP N_( \
	"Review every member's tier as of DATE (default today): upgrade who\n" \
	"qualifies higher; downgrade who has held a tier for a whole window and\n" \
	"spent less than its keep spend in it, to the highest tier they still\n" \
	"qualify for.  Lists who moves and why.  memberdesk does this by itself\n" \
	"the first time it runs each day.\n" \
	"  -n, --dry-run        only list who would move (DATE may be ahead)\n" \
	"      --format FMT     table (default), csv or tsv\n")

static int
evaluate_cmd(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"tier evaluate", EVALUATE_SYNOPSIS, EVALUATE_HELP,
				   "n", evaluate_opts, &fmt, NULL};
	const char *as_of = NULL;
	bool dry = false;
	struct table *t;
	int64_t moved;
	struct date d;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		switch (c) {
		case -2: return st;
		case 'd': as_of = optarg; break;
		case 'n': dry = true; break;
		}
	}
	if (optind < argc)
		return cli_usage("tier evaluate", _("unexpected argument \"%s\""), argv[optind]);
	if ((rc = cli_open_only(cli)))
		return cli_fail(cli, rc);
	d = clock_today(cli->md);
	if (as_of && (rc = date_parse(cli->md, "--as-of", as_of, &d, false)))
		return cli_fail(cli, rc);
	if (!(t = cli_table_open(cli, fmt, move_cols)))
		return cli_fail(cli, MD_ENOMEM);
	rc = table_close(t, tier_evaluate(cli->md, d, dry, move_row, t, &moved));
	if (rc)
		return cli_fail(cli, rc);
	fprintf(stderr, dry ? P_("%lld member would move\n", "%lld members would move\n", moved) :
		P_("%lld member moved\n", "%lld members moved\n", moved), (long long)moved);
	return EXIT_OK;
}

static const struct option assign_opts[] = {
	{"reason", required_argument, NULL, 'r'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define ASSIGN_SYNOPSIS N_("tier assign MEMBER TIER --reason TEXT")
#define ASSIGN_HELP N_( \
	"Put a member in a tier by hand (a VIP, a migrated card).  The tier is\n" \
	"then held like any other: reviewed after a whole window.\n" \
	"  -r, --reason TEXT    why (required)\n")

static int
assign_cmd(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"tier assign", ASSIGN_SYNOPSIS, ASSIGN_HELP, "r:",
				   assign_opts, NULL, NULL};
	const char *reason = NULL;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (c == -2)
			return st;
		if (c == 'r')
			reason = optarg;
	}
	if (argc - optind != 2)
		return cli_usage("tier assign", _("give a member and a tier"));
	if (!reason)
		return cli_usage("tier assign", _("--reason is required"));
	if ((rc = cli_open(cli)) ||
	    (rc = tier_assign(cli->md, argv[optind], argv[optind + 1], reason)))
		return cli_fail(cli, rc);
	return EXIT_OK;
}

static const struct cli_command tier_cmds[] = {
	{"list", list_cmd, LIST_SYNOPSIS, N_("show the tiers and their rules")},
	{"add", add_cmd, ADD_SYNOPSIS, N_("add a tier")},
	{"edit", edit_cmd, EDIT_SYNOPSIS, N_("change a tier's rules")},
	{"delete", delete_cmd, DELETE_SYNOPSIS, N_("delete a tier")},
	{"evaluate", evaluate_cmd, EVALUATE_SYNOPSIS, N_("review upgrades, retention and downgrades")},
	{"assign", assign_cmd, ASSIGN_SYNOPSIS, N_("put a member in a tier by hand")},
	{NULL, NULL, NULL, NULL},
};

int
cli_tier(struct cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "tier", tier_cmds, argc, argv);
}
