/* cli_coupon.c - "memberdesk coupon ...": campaigns and their coupons */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_coupon.h"
#include "core/campaign.h"
#include "core/coupon.h"
#include "core/money.h"
#include "core/text.h"
#include "i18n.h"

static const char *
kind_key(int k)
{
	return campaign_kind_key((enum campaign_kind)k);
}

static const char *
kind_label(int k)
{
	return campaign_kind_label((enum campaign_kind)k);
}

static const char *
status_key(int s)
{
	return campaign_status_key((enum campaign_status)s);
}

static const char *
status_label(int s)
{
	return campaign_status_label((enum campaign_status)s);
}

static const char *
coupon_key(int s)
{
	return coupon_status_key((enum coupon_status)s);
}

static const char *
coupon_label(int s)
{
	return coupon_status_label((enum coupon_status)s);
}

/* ---- Campaigns ----------------------------------------------------------- */

static const struct option campaign_opts[] = {
	{"name", required_argument, NULL, 'N'},
	{"kind", required_argument, NULL, 'k'},
	{"value", required_argument, NULL, 'v'},
	{"min", required_argument, NULL, 'm'},
	{"cap", required_argument, NULL, 'c'},
	{"from", required_argument, NULL, 'F'},
	{"to", required_argument, NULL, 'T'},
	{"days", required_argument, NULL, 'd'},
	{"not-on", required_argument, NULL, 'o'},
	{"per-member", required_argument, NULL, 'p'},
	{"total", required_argument, NULL, 't'},
	{"points", required_argument, NULL, 'P'},
	{"target", required_argument, NULL, 'g'},
	{"exclude-blacklist", no_argument, NULL, 'x'},
	{"include-blacklist", no_argument, NULL, 'X'},
	{"draft", no_argument, NULL, 'D'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define CAMPAIGN_OPTIONS_HELP N_( \
	"  -k, --kind KIND      cash (满减), percent (折扣), voucher (代金券) or gift\n" \
	"                       (礼品券)\n" \
	"      --value V        yuan off (cash, voucher), the percentage paid (percent:\n" \
	"                       85 is 8.5折) or the gift (gift)\n" \
	"      --min YUAN       the spend, after the tier discount, it needs\n" \
	"      --cap YUAN       percent: at most this off\n" \
	"      --from D --to D  the days its coupons may be used, or:\n" \
	"      --days N         N days from the day each coupon is issued\n" \
	"      --not-on DAYS    weekends, or FROM..TO (again for more)\n" \
	"      --per-member N   coupons one member may have (default 1)\n" \
	"      --total N        coupons in all\n" \
	"      --points N       members may buy a coupon for N points\n" \
	"      --target T       all (default), tier:NAME, tag:NAME, segment:KEY,\n" \
	"                       type:KEY, birthday-month:M, joined-within:N or\n" \
	"                       file:PATH (a card or phone a line)\n" \
	"      --exclude-blacklist  not for the promotion blacklist (bargain_rare)\n")

/* The options shared by add and edit, into IN; NOT_ON gathers repeated
 * --not-on.  -2 with *ST when the command should stop. */
static int
campaign_options(struct cli *cli, const struct cli_opts *o, int argc, char **argv,
		 struct campaign_input *in, char *not_on, size_t n, int *st)
{
	size_t used = 0;
	int c;

	in->exclude_blacklist = -1;
	while ((c = cli_next_option(cli, o, argc, argv, st)) != -1) {
		switch (c) {
		case -2: return -2;
		case 'N': in->name = optarg; break;
		case 'k': in->kind = optarg; break;
		case 'v': in->value = optarg; break;
		case 'm': in->min = optarg; break;
		case 'c': in->cap = optarg; break;
		case 'F': in->from = optarg; break;
		case 'T': in->to = optarg; break;
		case 'd': in->days = optarg; break;
		case 'o':
			used += (size_t)snprintf(not_on + used, used < n ? n - used : 0, "%s%s",
						 used ? "," : "", optarg);
			in->not_on = not_on;
			break;
		case 'p': in->per_member = optarg; break;
		case 't': in->total = optarg; break;
		case 'P': in->points = optarg; break;
		case 'g': in->target = optarg; break;
		case 'x': in->exclude_blacklist = 1; break;
		case 'X': in->exclude_blacklist = 0; break;
		case 'D': in->draft = true; break;
		}
	}
	return 0;
}

#define ADD_SYNOPSIS N_("coupon campaign add NAME --kind KIND --value V [OPTION]...")

static int
campaign_add_cmd(struct cli *cli, int argc, char **argv)
{
	static char help[2048];
	const struct cli_opts o = {"coupon campaign add", ADD_SYNOPSIS, help, "k:v:",
				   campaign_opts, NULL, NULL};
	struct campaign_input in = {0};
	char not_on[CAMPAIGN_NOT_ON_MAX * 2] = "";
	int64_t id;
	int st, rc;

	snprintf(help, sizeof help, "%s%s%s",
		 _("Add a coupon campaign, active (or a draft with --draft), and print its\n"
		   "number.\n"), _(CAMPAIGN_OPTIONS_HELP),
		 _("      --draft          a draft: start it with coupon campaign start\n"));
	if (campaign_options(cli, &o, argc, argv, &in, not_on, sizeof not_on, &st) == -2)
		return st;
	if (argc - optind != 1)
		return cli_usage("coupon campaign add", _("give the campaign's name"));
	in.name = argv[optind];
	if ((rc = cli_open(cli)) || (rc = campaign_add(cli->md, &in, &id)))
		return cli_fail(cli, rc);
	fprintf(cli->out, "%lld\n", (long long)id);
	return EXIT_OK;
}

#define EDIT_SYNOPSIS N_("coupon campaign edit CAMPAIGN [OPTION]...")

static int
campaign_edit_cmd(struct cli *cli, int argc, char **argv)
{
	static char help[2048];
	const struct cli_opts o = {"coupon campaign edit", EDIT_SYNOPSIS, help, "k:v:",
				   campaign_opts, NULL, NULL};
	struct campaign_input in = {0};
	char not_on[CAMPAIGN_NOT_ON_MAX * 2] = "";
	int st, rc;

	snprintf(help, sizeof help, "%s%s",
		 _("Change a campaign: a draft in anything; an active one only widens (a\n"
		   "later end, more coupons, more per member, a new name).\n"
		   "      --name NAME      a new name\n"), _(CAMPAIGN_OPTIONS_HELP));
	if (campaign_options(cli, &o, argc, argv, &in, not_on, sizeof not_on, &st) == -2)
		return st;
	if (argc - optind != 1)
		return cli_usage("coupon campaign edit", _("give the campaign (its number or name)"));
	if ((rc = cli_open(cli)) || (rc = campaign_edit(cli->md, argv[optind], &in)))
		return cli_fail(cli, rc);
	return EXIT_OK;
}

static const struct table_col campaign_cols[] = {
	{"campaign", N_("No."), .kind = COL_COUNT},
	{"name", N_("Campaign"), .kind = COL_TEXT},
	{"kind", N_("Kind"), .kind = COL_ENUM, .enum_key = kind_key, .enum_label = kind_label},
	{"offer", N_("Offer"), .kind = COL_TEXT, .only = TABLE_PEOPLE},
	{"off", N_("Off"), .kind = COL_MONEY, .only = TABLE_SCRIPTS},
	{"percent_paid", N_("Percent paid"), .kind = COL_COUNT, .only = TABLE_SCRIPTS},
	{"gift", N_("Gift"), .kind = COL_TEXT, .only = TABLE_SCRIPTS},
	{"min_spend", N_("Minimum"), .kind = COL_MONEY, .only = TABLE_SCRIPTS},
	{"cap", N_("Cap"), .kind = COL_MONEY, .only = TABLE_SCRIPTS},
	{"from", N_("First day"), .kind = COL_TEXT},
	{"to", N_("Last day"), .kind = COL_TEXT, .only = TABLE_SCRIPTS},
	{"until", N_("Last day"), .kind = COL_TEXT, .only = TABLE_PEOPLE},
	{"days", N_("Days"), .kind = COL_COUNT, .only = TABLE_SCRIPTS},
	{"not_on", N_("Not on"), .kind = COL_TEXT, .only = TABLE_SCRIPTS},
	{"per_member", N_("Per member"), .kind = COL_COUNT, .only = TABLE_SCRIPTS},
	{"total", N_("Total"), .kind = COL_COUNT, .only = TABLE_SCRIPTS},
	{"points", N_("Points"), .kind = COL_COUNT, .only = TABLE_SCRIPTS},
	{"target", N_("Target"), .kind = COL_TEXT, .only = TABLE_SCRIPTS},
	{"status", N_("Status"), .kind = COL_ENUM, .enum_key = status_key,
	 .enum_label = status_label},
	{"issued", N_("Issued"), .kind = COL_NUMBER},
	{"redeemed", N_("Redeemed"), .kind = COL_NUMBER},
};

struct rows {
	struct md *md;
	struct table *t;
};

static int
campaign_row(void *arg, const struct campaign *c)
{
	struct rows *r = arg;
	char offer[200], to[32], target[CAMPAIGN_TARGET_MAX * 2];
	int rc;

	campaign_offer(r->md, c, offer, sizeof offer);
	if ((rc = campaign_target_key(r->md, c, target, sizeof target)))
		return rc;
	if (c->valid_days)
		snprintf(to, sizeof to, P_("%d day", "%d days", c->valid_days), c->valid_days);
	else
		snprintf(to, sizeof to, "%s", c->valid_to);
	bool money = c->kind == CAMPAIGN_CASH || c->kind == CAMPAIGN_VOUCHER;
	const struct table_cell cells[] = {
		TABLE_INT(c->id), TABLE_STR(c->name), TABLE_INT(c->kind), TABLE_STR(offer),
		TABLE_INT(money ? c->value : 0),
		TABLE_INT(c->kind == CAMPAIGN_PERCENT ? c->value : 0), TABLE_STR(c->gift),
		TABLE_INT(c->min_spend), TABLE_INT(c->cap),
		TABLE_STR(c->valid_from), TABLE_STR(c->valid_to), TABLE_STR(to),
		TABLE_INT(c->valid_days), TABLE_STR(c->not_on), TABLE_INT(c->per_member),
		TABLE_INT(c->total), TABLE_INT(c->points),
		TABLE_STR(target), TABLE_INT(c->status), TABLE_INT(c->issued),
		TABLE_INT(c->redeemed),
	};

	return table_row(r->t, cells);
}

static const struct option list_opts[] = {
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define CLIST_SYNOPSIS N_("coupon campaign list [--format FMT]")

static int
campaign_list_cmd(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"coupon campaign list", CLIST_SYNOPSIS,
				   N_("The campaigns, with their offer, days, status and coupons.\n"
				      "      --format FMT     table (default), csv or tsv\n"),
				   "", list_opts, &fmt, NULL};
	struct rows r = {cli->md, NULL};
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (optind < argc)
		return cli_usage("coupon campaign list", _("unexpected argument \"%s\""),
				 argv[optind]);
	if ((rc = cli_open(cli)))
		return cli_fail(cli, rc);
	if (!(r.t = cli_table_open(cli, fmt, campaign_cols)))
		return cli_fail(cli, MD_ENOMEM);
	rc = table_close(r.t, campaign_list(cli->md, campaign_row, &r));
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

#define SHOW_SYNOPSIS N_("coupon campaign show CAMPAIGN")

static int
campaign_show_cmd(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"coupon campaign show", SHOW_SYNOPSIS,
				   N_("One campaign: its offer, days, target, limits and coupons.\n"),
				   "", list_opts, NULL, NULL};
	char offer[200], target[200], total[32], points[32];
	struct campaign c;
	int64_t reach;
	int ch, st, rc;

	while ((ch = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (ch == -2)
			return st;
	if (argc - optind != 1)
		return cli_usage("coupon campaign show", _("give the campaign (its number or name)"));
	if ((rc = cli_open(cli)) || (rc = campaign_get(cli->md, argv[optind], &c)) ||
	    (rc = campaign_target_text(cli->md, &c, target, sizeof target)) ||
	    (rc = coupon_reach(cli->md, &c, &reach)))
		return cli_fail(cli, rc);
	campaign_offer(cli->md, &c, offer, sizeof offer);
	text_format_int(c.total, total);
	text_format_int(c.points, points);
	fprintf(cli->out, _("Campaign %lld: %s (%s)\n"), (long long)c.id, c.name,
		campaign_status_label(c.status));
	fprintf(cli->out, _("  Offer      %s, %s\n"), campaign_kind_label(c.kind), offer);
	if (c.valid_days)
		fprintf(cli->out, P_("  Valid      %d day from the day it is issued\n",
				     "  Valid      %d days from the day it is issued\n",
				     c.valid_days), c.valid_days);
	else
		fprintf(cli->out, _("  Valid      %s to %s\n"), c.valid_from, c.valid_to);
	if (*c.not_on)
		fprintf(cli->out, _("  Not on     %s\n"), c.not_on);
	fprintf(cli->out, P_("  Target     %s: %lld member now\n", "  Target     %s: %lld members now\n",
			     reach), target, (long long)reach);
	fprintf(cli->out, _("  Limits     %d per member, %s in all\n"), c.per_member,
		c.total ? total : _("no total"));
	if (c.points)
		fprintf(cli->out, _("  For sale   %s points\n"), points);
	fprintf(cli->out, _("  Coupons    %lld issued, %lld redeemed\n"), (long long)c.issued,
		(long long)c.redeemed);
	return EXIT_OK;
}

#define START_SYNOPSIS N_("coupon campaign start|end CAMPAIGN")

static int
campaign_status_cmd(struct cli *cli, int argc, char **argv,
		    int (*fn)(struct md *, const char *), const char *cmd)
{
	const struct cli_opts o = {cmd, START_SYNOPSIS,
				   N_("start: a draft becomes active.  end: an active campaign ends;\n"
				      "its coupons can no longer be used.\n"),
				   "", list_opts, NULL, NULL};
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (argc - optind != 1)
		return cli_usage(cmd, _("give the campaign (its number or name)"));
	if ((rc = cli_open(cli)) || (rc = fn(cli->md, argv[optind])))
		return cli_fail(cli, rc);
	return EXIT_OK;
}

static int
campaign_start_cmd(struct cli *cli, int argc, char **argv)
{
	return campaign_status_cmd(cli, argc, argv, campaign_start, "coupon campaign start");
}

static int
campaign_end_cmd(struct cli *cli, int argc, char **argv)
{
	return campaign_status_cmd(cli, argc, argv, campaign_end, "coupon campaign end");
}

static const struct cli_command campaign_cmds[] = {
	{"add", campaign_add_cmd, ADD_SYNOPSIS, N_("add a campaign")},
	{"edit", campaign_edit_cmd, EDIT_SYNOPSIS, N_("change a campaign")},
	{"list", campaign_list_cmd, CLIST_SYNOPSIS, N_("list the campaigns")},
	{"show", campaign_show_cmd, SHOW_SYNOPSIS, N_("show one campaign")},
	{"start", campaign_start_cmd, START_SYNOPSIS, N_("start a draft")},
	{"end", campaign_end_cmd, START_SYNOPSIS, N_("end a campaign")},
	{NULL, NULL, NULL, NULL},
};

static int
campaign_cmd(struct cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "coupon campaign", campaign_cmds, argc, argv);
}

/* ---- Coupons --------------------------------------------------------------- */

static const struct option issue_opts[] = {
	{"dry-run", no_argument, NULL, 'n'},
	{"members", no_argument, NULL, 'M'},
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static const struct table_col target_cols[] = {
	{"card", N_("Card"), .kind = COL_TEXT},
	{"name", N_("Name"), .kind = COL_TEXT},
	{"phone", N_("Phone"), .kind = COL_TEXT},
};

static int
target_row(void *arg, const struct coupon_target *t)
{
	const struct table_cell cells[] = {
		TABLE_STR(t->card), TABLE_STR(t->name), TABLE_STR(t->phone),
	};

	return table_row(arg, cells);
}

#define ISSUE_SYNOPSIS N_("coupon issue CAMPAIGN [--dry-run [--members]]")

static int
issue_cmd(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_CSV;
	const struct cli_opts o = {"coupon issue", ISSUE_SYNOPSIS,
				   N_("One coupon to each member the campaign targets, within its limits.\n"
				      "  -n, --dry-run        say how many, and write nothing\n"
				      "      --members        with --dry-run: to whom (csv: card,name,phone)\n"),
				   "n", issue_opts, &fmt, NULL};
	struct coupon_issue_result r;
	struct campaign k;
	struct table *t = NULL;
	bool dry = false, members = false;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (c == -2)
			return st;
		if (c == 'n')
			dry = true;
		if (c == 'M')
			members = true;
	}
	if (argc - optind != 1)
		return cli_usage("coupon issue", _("give the campaign (its number or name)"));
	if (members && !dry)
		return cli_usage("coupon issue", _("--members goes with --dry-run"));
	/* The campaign first: a header on stdout says there are rows to come. */
	if ((rc = cli_open(cli)) || (rc = campaign_get(cli->md, argv[optind], &k)))
		return cli_fail(cli, rc);
	if (members && !(t = cli_table_open(cli, fmt, target_cols)))
		return cli_fail(cli, MD_ENOMEM);
	rc = coupon_issue(cli->md, argv[optind], dry, members ? target_row : NULL, t, &r);
	if (t)
		rc = table_close(t, rc);
	if (rc)
		return cli_fail(cli, rc);
	if (!members)
		fprintf(cli->out, dry ?
			P_("%lld coupon would be issued", "%lld coupons would be issued", r.issued) :
			P_("%lld coupon issued", "%lld coupons issued", r.issued),
			(long long)r.issued);
	if (!members && r.at_limit)
		fprintf(cli->out, P_("; %lld member has as many as one may",
				     "; %lld members have as many as one may", r.at_limit),
			(long long)r.at_limit);
	if (!members && r.over_total)
		fprintf(cli->out, P_("; %lld member got none: the campaign's total is reached",
				     "; %lld members got none: the campaign's total is reached",
				     r.over_total),
			(long long)r.over_total);
	if (!members)
		fputc('\n', cli->out);
	return EXIT_OK;
}

/* A coupon as people read it, after give, buy and show. */
static void
print_coupon(struct cli *cli, const struct coupon *k, bool all)
{
	char shown[COUPON_SHOWN_MAX], offer[200], paid[40];

	coupon_code_show(k->code, shown);
	campaign_offer(cli->md, &k->campaign, offer, sizeof offer);
	fprintf(cli->out, _("Coupon %s: %s, %s\n"), shown, k->campaign.name, offer);
	fprintf(cli->out, _("  For        %s (%s)\n"), k->card, k->name);
	fprintf(cli->out, _("  Valid      %s to %s\n"), k->valid_from, k->expires);
	if (k->points_paid) {
		text_format_int(k->points_paid, paid);
		fprintf(cli->out, _("  Paid       %s points\n"), paid);
	}
	if (!all)
		return;
	fprintf(cli->out, _("  Status     %s\n"), coupon_status_label(k->status));
	fprintf(cli->out, _("  Issued     %s, %s\n"), k->issued_at, coupon_how_label(k->how));
	if (k->sale_id) {
		money_human(cli->md, k->discount, paid);
		fprintf(cli->out, _("  Used in    sale %lld, %s off\n"), (long long)k->sale_id, paid);
	}
	if (*k->reason)
		fprintf(cli->out, _("  Revoked    %s: %s\n"), k->ended_at, k->reason);
}

static const struct option plain_opts[] = {
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static const struct option give_opts[] = {
	{"print", no_argument, NULL, 'p'},
	{"width", required_argument, NULL, 'w'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define GIVE_SYNOPSIS N_("coupon give|buy CAMPAIGN MEMBER [--print [--width 32|48]]")

static int
give_cmd(struct cli *cli, int argc, char **argv, bool buy)
{
	const char *cmd = buy ? "coupon buy" : "coupon give";
	const struct cli_opts o = {cmd, GIVE_SYNOPSIS,
				   N_("give: one coupon of the campaign to the member.  buy: the same,\n"
				      "paid with the campaign's points price.\n"
				      "      --print          print the coupon's slip on the default printer\n"
				      "      --width N        the slip: 32 (default) or 48 columns\n"),
				   "", give_opts, NULL, NULL};
	struct coupon k;
	bool print = false;
	int c, st, rc, width = 32;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (c == -2)
			return st;
		if (c == 'p')
			print = true;
		if (c == 'w' && !cli_slip_width(cmd, optarg, &width))
			return EXIT_USAGE;
	}
	if (argc - optind != 2)
		return cli_usage(cmd, _("give the campaign and the member"));
	if ((rc = cli_open(cli)))
		return cli_fail(cli, rc);
	rc = buy ? coupon_buy(cli->md, argv[optind], argv[optind + 1], &k) :
		   coupon_give(cli->md, argv[optind], argv[optind + 1], &k);
	if (rc)
		return cli_fail(cli, rc);
	print_coupon(cli, &k, false);
	return print ? cli_coupon_print_slip(cli, &k, width, true) : EXIT_OK;
}

static int
give_only_cmd(struct cli *cli, int argc, char **argv)
{
	return give_cmd(cli, argc, argv, false);
}

static int
buy_cmd(struct cli *cli, int argc, char **argv)
{
	return give_cmd(cli, argc, argv, true);
}

static const struct table_col coupon_cols[] = {
	{"code", N_("Code"), .kind = COL_TEXT},
	{"campaign", N_("Campaign"), .kind = COL_TEXT},
	{"card", N_("Card"), .kind = COL_TEXT},
	{"status", N_("Status"), .kind = COL_ENUM, .enum_key = coupon_key,
	 .enum_label = coupon_label},
	{"issued_at", N_("Issued"), .kind = COL_TEXT},
	{"expires", N_("Expires"), .kind = COL_TEXT},
	{"sale", N_("Sale"), .kind = COL_TEXT},
};

static int
coupon_row(void *arg, const struct coupon *k)
{
	char shown[COUPON_SHOWN_MAX], sale[24] = "";

	coupon_code_show(k->code, shown);
	if (k->sale_id)
		snprintf(sale, sizeof sale, "%lld", (long long)k->sale_id);
	const struct table_cell cells[] = {
		TABLE_STR(shown), TABLE_STR(k->campaign.name), TABLE_STR(k->card),
		TABLE_INT(k->status), TABLE_STR(k->issued_at), TABLE_STR(k->expires),
		TABLE_STR(sale),
	};

	return table_row(arg, cells);
}

static const struct option clist_opts[] = {
	{"campaign", required_argument, NULL, 'c'},
	{"status", required_argument, NULL, 's'},
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define LIST_SYNOPSIS N_("coupon list [MEMBER] [--campaign C] [--status S] [--format FMT]")

static int
list_cmd(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"coupon list", LIST_SYNOPSIS,
				   N_("Coupons, newest first: a member's, a campaign's, in a state.\n"
				      "      --campaign C     of campaign C (its number or name)\n"
				      "      --status S       issued, redeemed, expired or revoked\n"
				      "      --format FMT     table (default), csv or tsv\n"),
				   "", clist_opts, &fmt, NULL};
	struct coupon_filter f = { .status = -1 };
	const char *campaign = NULL, *status = NULL;
	enum coupon_status s;
	struct campaign c;
	struct table *t;
	int ch, st, rc;

	while ((ch = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (ch == -2)
			return st;
		if (ch == 'c')
			campaign = optarg;
		if (ch == 's')
			status = optarg;
	}
	if (argc - optind > 1)
		return cli_usage("coupon list", _("give at most one member"));
	if (status) {
		if (!coupon_status_parse(status, &s))
			return cli_usage("coupon list",
					 _("status \"%s\" is not one of issued, redeemed, expired, revoked"),
					 status);
		f.status = s;
	}
	if ((rc = cli_open(cli)) ||
	    (optind < argc && (rc = member_resolve(cli->md, argv[optind], &f.member_id))) ||
	    (campaign && (rc = campaign_get(cli->md, campaign, &c))))
		return cli_fail(cli, rc);
	if (campaign)
		f.campaign_id = c.id;
	if (!(t = cli_table_open(cli, fmt, coupon_cols)))
		return cli_fail(cli, MD_ENOMEM);
	rc = table_close(t, coupon_list(cli->md, &f, coupon_row, t));
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

#define CSHOW_SYNOPSIS N_("coupon show CODE")

static int
show_cmd(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"coupon show", CSHOW_SYNOPSIS,
				   N_("One coupon: its offer, member, days and what became of it.\n"),
				   "", plain_opts, NULL, NULL};
	struct coupon k;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (argc - optind != 1)
		return cli_usage("coupon show", _("give the coupon's code"));
	if ((rc = cli_open(cli)) || (rc = coupon_get(cli->md, argv[optind], &k)))
		return cli_fail(cli, rc);
	print_coupon(cli, &k, true);
	return EXIT_OK;
}

static const struct option revoke_opts[] = {
	{"reason", required_argument, NULL, 'r'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define REVOKE_SYNOPSIS N_("coupon revoke CODE --reason TEXT")

static int
revoke_cmd(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"coupon revoke", REVOKE_SYNOPSIS,
				   N_("Take back an unused coupon; one bought with points gives them back.\n"
				      "  -r, --reason TEXT    why (required)\n"),
				   "r:", revoke_opts, NULL, NULL};
	const char *reason = NULL;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (c == -2)
			return st;
		if (c == 'r')
			reason = optarg;
	}
	if (argc - optind != 1)
		return cli_usage("coupon revoke", _("give the coupon's code"));
	if (!reason)
		return cli_usage("coupon revoke", _("--reason is required"));
	if ((rc = cli_open(cli)) || (rc = coupon_revoke(cli->md, argv[optind], reason)))
		return cli_fail(cli, rc);
	return EXIT_OK;
}

static const struct cli_command coupon_cmds[] = {
	{"campaign", campaign_cmd, NULL, N_("campaigns: add, edit, list, show, start, end")},
	{"issue", issue_cmd, ISSUE_SYNOPSIS, N_("issue a campaign's coupons to its members")},
	{"give", give_only_cmd, GIVE_SYNOPSIS, N_("give one member a coupon")},
	{"buy", buy_cmd, GIVE_SYNOPSIS, N_("sell one member a coupon for points")},
	{"list", list_cmd, LIST_SYNOPSIS, N_("list coupons")},
	{"show", show_cmd, CSHOW_SYNOPSIS, N_("show one coupon")},
	{"revoke", revoke_cmd, REVOKE_SYNOPSIS, N_("take back an unused coupon")},
	{"rules", cli_coupon_rules, NULL, N_("automatic coupons: list, set, unset, run")},
	{"stats", cli_coupon_stats, NULL, N_("a campaign's figures: did it pay off")},
	{"slip", cli_coupon_slip, NULL, N_("a coupon's slip, for the receipt printer")},
	{NULL, NULL, NULL, NULL},
};

int
cli_coupon(struct cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "coupon", coupon_cmds, argc, argv);
}
