/* cli_member.c - "memberdesk member ...": register, find and manage */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/coupon_auto.h"
#include "core/member.h"
#include "core/merge.h"
#include "core/money.h"
#include "core/operator.h"
#include "core/points.h"
#include "core/rfm.h"
#include "core/text.h"
#include "core/tier.h"
#include "i18n.h"

/* member_status_key() and _label() take the enum. */
static const char *
status_key(int s)
{
	return member_status_key(s);
}

static const char *
status_label(int s)
{
	return member_status_label(s);
}

/* A member list's columns and cells; "member show" adds to them. */
#define MEMBER_COLS \
	{"card", N_("Card"), .kind = COL_TEXT}, \
	{"phone", N_("Phone"), .kind = COL_TEXT}, \
	{"name", N_("Name"), .kind = COL_TEXT}, \
	{"gender", N_("Gender"), .kind = COL_ENUM, \
	 .enum_key = member_gender_key, .enum_label = member_gender_label}, \
	{"birthday", N_("Birthday"), .kind = COL_TEXT}, \
	{"joined", N_("Joined"), .kind = COL_TEXT}, \
	{"tier", N_("Tier"), .kind = COL_TEXT}, \
	{"points", N_("Points"), .kind = COL_COUNT}, \
	{"wallet", N_("Wallet"), .kind = COL_MONEY}, \
	{"status", N_("Status"), .kind = COL_ENUM, \
	 .enum_key = status_key, .enum_label = status_label}, \
	{"tags", N_("Tags"), .kind = COL_TEXT}

#define MEMBER_CELLS(m) \
	TABLE_STR((m)->card), TABLE_STR((m)->phone), TABLE_STR((m)->name), \
	TABLE_INT((m)->gender), TABLE_STR((m)->birthday), TABLE_STR((m)->joined), \
	TABLE_STR((m)->tier), TABLE_INT((m)->points), \
	TABLE_INT((m)->wallet_principal + (m)->wallet_bonus), \
	TABLE_INT((m)->status), TABLE_STR((m)->tags)

static const struct table_col member_cols[] = {MEMBER_COLS};

struct rows {
	struct table *t;
	int count;
};

/* One member as table cells. */
static int
member_row(void *arg, const struct member *m)
{
	struct rows *r = arg;
	const struct table_cell cells[] = {MEMBER_CELLS(m)};

	r->count++;
	return table_row(r->t, cells);
}

/* A search (FIND set) or a listing (FILTER). */
struct member_query {
	const char *find;
	int limit;
	bool all;
	struct member_filter filter;
};

/* Stream the members Q selects as a table; *COUNT gets how many. */
static int
print_members(struct cli *cli, enum table_format fmt,
	      const struct member_query *q, int *count)
{
	struct rows r;
	int rc;

	/* A list for a program (csv, tsv) is an export of personal data:
	 * the owner's, as "export members" is. */
	if (fmt != TABLE_TEXT && (rc = operator_may(cli->md, ACTION_EXPORT_MEMBERS)))
		return rc;
	r = (struct rows){cli_table_open(cli, fmt, member_cols), 0};
	if (!r.t)
		return MD_ENOMEM;
	if (q->find)
		rc = member_find(cli->md, q->find, q->limit, q->all, member_row, &r);
	else
		rc = member_list(cli->md, &q->filter, member_row, &r);
	*count = r.count;
	return table_close(r.t, rc);
}

static const struct option member_opts[] = {
	{"phone", required_argument, NULL, 'p'},
	{"name", required_argument, NULL, 'n'},
	{"birthday", required_argument, NULL, 'b'},
	{"gender", required_argument, NULL, 'g'},
	{"referrer", required_argument, NULL, 'r'},
	{"tag", required_argument, NULL, 't'},
	{"note", required_argument, NULL, 'N'},
	{"card", required_argument, NULL, 'c'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define ADD_SYNOPSIS N_("member add --phone PHONE --name NAME [OPTION]...")
#define ADD_HELP N_( \
	"Register a member and print the new card number.\n" \
	"  -p, --phone PHONE    mobile number (required unless phone_required is no)\n" \
	"  -n, --name NAME      name, at most 32 columns (a Chinese character takes 2)\n" \
	"  -b, --birthday DATE  YYYY-MM-DD, or MM-DD when the year is unknown\n" \
	"  -g, --gender G       male, female or unknown (also \xE7\x94\xB7/\xE5\xA5\xB3, M/F)\n" \
	"  -r, --referrer KEY   card or phone of the member who referred them\n" \
	"  -t, --tag TAG        a tag such as VIP; repeat for more\n" \
	"      --note TEXT      a free note\n" \
	"      --card CARD      use this card number instead of generating one\n")

static int
member_add_cmd(struct cli *cli, int argc, char **argv)
{
	const char *tags[MEMBER_TAGS_MAX + 1];
	struct member_input in = {0};
	char card[CARD_MAX], shown[COUPON_SHOWN_MAX];
	struct coupon welcome;
	bool welcomed;
	int c, st, rc;

	static const struct cli_opts o = {"member add", ADD_SYNOPSIS, ADD_HELP,
					  "p:n:b:g:r:t:", member_opts, NULL, NULL};

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		switch (c) {
		case -2: return st;
		case 'p': in.phone = optarg; break;
		case 'n': in.name = optarg; break;
		case 'b': in.birthday = optarg; break;
		case 'g': in.gender = optarg; break;
		case 'r': in.referrer = optarg; break;
		case 'N': in.note = optarg; break;
		case 'c': in.card = optarg; break;
		case 't':
			if (in.ntags == MEMBER_TAGS_MAX)
				return cli_usage("member add", _("at most %d tags"),
						 MEMBER_TAGS_MAX);
			tags[in.ntags++] = optarg;
			break;
		}
	}
	if (optind < argc)
		return cli_usage("member add", _("unexpected argument \"%s\""),
				 argv[optind]);
	if (!in.name)
		return cli_usage("member add", _("--name is required"));
	in.tags = tags;
	/* Registered at the counter: the welcome coupon comes with it. */
	if ((rc = cli_open(cli)) ||
	    (rc = coupon_auto_member_add(cli->md, &in, card, &welcome, &welcomed)))
		return cli_fail(cli, rc);
	printf("%s\n", card);
	if (welcomed) {
		coupon_code_show(welcome.code, shown);
		fprintf(stderr, _("%s: welcome coupon %s (%s), valid %s to %s\n"), PACKAGE,
			shown, welcome.campaign.name, welcome.valid_from, welcome.expires);
	}
	return EXIT_OK;
}

/* A "Label   value" line of member show, labels padded by display width. */
static void
show_line(const char *label, const char *value, int width)
{
	const char *nl;

	if (!*value) {		/* no trailing blanks */
		printf("%s\n", label);
		return;
	}
	text_put_cell(stdout, label, width, false);
	fputs("  ", stdout);
	/* Multi-line notes continue under the value column. */
	while ((nl = strchr(value, '\n'))) {
		fwrite(value, 1, nl - value, stdout);
		printf("\n%*s", width + 2, "");
		value = nl + 1;
	}
	printf("%s\n", value);
}

/* What member show adds to the member: tier progress, expiring points,
 * the segment of the latest weekly snapshot (-1: none). */
struct standing {
	struct tier_progress tp;
	int64_t expiring;
	char expiring_on[11];
	int segment;
	char segment_week[11];
};

static int
standing_of(struct md *md, const struct member *m, struct standing *s)
{
	int rc;

	if ((rc = tier_progress(md, m->id, &s->tp)) ||
	    (rc = points_soonest(md, m->id, &s->expiring, s->expiring_on)))
		return rc;
	/* The latest week, as the daily rules keep it: taken now when this
	 * is the first command of the week. */
	if ((rc = rfm_week_ensure(md, NULL)))
		return rc;
	return rfm_member_segment(md, m->id, s->segment_week, &s->segment);
}

/* The tier's progress, as lines under the Tier label. */
static void
tier_lines(struct cli *cli, const struct standing *st, int w)
{
	char lines[TIER_LINES_MAX][TIER_LINE_MAX];
	int i, n;

	tier_progress_lines(cli->md, &st->tp, lines, &n);
	for (i = 0; i < n; i++)
		show_line("", lines[i], w);
}

/* Only a member the latest week scored has a segment; a blank line
 * would read as if it were unknown for another reason. */
static void
segment_line(const char *label, const struct standing *st, int w)
{
	char buf[256];

	if (st->segment < 0)
		return;
	snprintf(buf, sizeof buf, _("%s (the week to %s)"),
		 rfm_segment_label(st->segment), st->segment_week);
	show_line(label, buf, w);
}

static void
show_text(struct cli *cli, const struct member *m, const struct standing *st)
{
	char wallet[200], points[160], n[32], e[32], referrer[CARD_MAX + MEMBER_NAME_MAX + 2];
	char p[40], b[40], t[40];
	const char *labels[] = {
		_("Card"), _("Name"), _("Phone"), _("Gender"), _("Birthday"),
		_("Joined"), _("Referrer"), _("Tier"), _("Points"), _("Wallet"),
		_("Tags"), _("Status"), _("Note"), _("Segment"),
	};
	int w = 0;
	size_t i;

	for (i = 0; i < sizeof labels / sizeof *labels; i++)
		if (text_width(labels[i]) > w)
			w = text_width(labels[i]);
	text_format_int(m->points, n);
	if (st->expiring) {
		text_format_int(st->expiring, e);
		snprintf(points, sizeof points, _("%s (%s expire after %s)"), n, e,
			 st->expiring_on);
	} else {
		snprintf(points, sizeof points, "%s", n);
	}
	money_human(cli->md, m->wallet_principal + m->wallet_bonus, t);
	money_human(cli->md, m->wallet_principal, p);
	money_human(cli->md, m->wallet_bonus, b);
	snprintf(wallet, sizeof wallet, _("%s (principal %s, bonus %s)"), t, p, b);
	snprintf(referrer, sizeof referrer, "%s%s%s", m->referrer_card,
		 *m->referrer_card ? " " : "", m->referrer_name);
	show_line(labels[0], m->card, w);
	show_line(labels[1], m->name, w);
	show_line(labels[2], m->phone, w);
	show_line(labels[3], member_gender_label(m->gender), w);
	show_line(labels[4], m->birthday, w);
	show_line(labels[5], m->joined, w);
	show_line(labels[6], referrer, w);
	show_line(labels[7], m->tier, w);
	tier_lines(cli, st, w);
	show_line(labels[8], points, w);
	show_line(labels[9], wallet, w);
	segment_line(labels[13], st, w);
	show_line(labels[10], m->tags, w);
	if (*m->merged_into) {
		char status[128];

		snprintf(status, sizeof status, _("merged into %s"), m->merged_into);
		show_line(labels[11], status, w);
	} else {
		show_line(labels[11], member_status_label(m->status), w);
	}
	show_line(labels[12], m->note, w);
}

static const struct table_col show_cols[] = {
	MEMBER_COLS,
	{"referrer", N_("Referrer"), .kind = COL_TEXT},
	{"merged_into", N_("Merged into"), .kind = COL_TEXT},
	{"note", N_("Note"), .kind = COL_TEXT},
	{"wallet_principal", N_("Principal"), .kind = COL_MONEY},
	{"wallet_bonus", N_("Bonus"), .kind = COL_MONEY},
	{"tier_spend", N_("Tier spend"), .kind = COL_MONEY},
	{"tier_visits", N_("Tier visits"), .kind = COL_COUNT},
	{"next_tier", N_("Next tier"), .kind = COL_TEXT},
	{"to_next_tier", N_("To next tier"), .kind = COL_MONEY},
	{"to_keep_tier", N_("To keep tier"), .kind = COL_MONEY},
	{"points_expiring", N_("Points expiring"), .kind = COL_COUNT},
	{"points_expiring_after", N_("Expiring after"), .kind = COL_TEXT},
	{"segment", N_("Segment"), .kind = COL_ENUM,
	 .enum_key = rfm_segment_key, .enum_label = rfm_segment_label},
};

/* Everything about one member as one row, for scripts. */
static int
show_machine(struct cli *cli, const struct member *m, const struct standing *st,
	     enum table_format fmt)
{
	bool next = st->tp.has_next;
	const struct table_cell cells[] = {
		MEMBER_CELLS(m), TABLE_STR(m->referrer_card),
		TABLE_STR(m->merged_into), TABLE_STR(m->note),
		TABLE_INT(m->wallet_principal), TABLE_INT(m->wallet_bonus),
		TABLE_INT(st->tp.spend), TABLE_INT(st->tp.visits),
		TABLE_STR(next ? st->tp.next.name : ""),
		next ? TABLE_INT(st->tp.to_next_spend) : TABLE_BLANK,
		TABLE_INT(st->tp.to_keep), TABLE_INT(st->expiring),
		TABLE_STR(st->expiring_on), TABLE_INT(st->segment),
	};
	struct table *t = cli_table_open(cli, fmt, show_cols);

	return t ? table_close(t, table_row(t, cells)) : MD_ENOMEM;
}

static const struct option format_opts[] = {
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define SHOW_SYNOPSIS N_("member show KEY [--format FMT]")
#define SHOW_HELP N_( \
	"Show everything about one member.  KEY is a card or phone number.\n" \
	"      --format FMT     table (default), csv or tsv\n")

static int
member_show_cmd(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"member show", SHOW_SYNOPSIS, SHOW_HELP, "",
				   format_opts, &fmt, NULL};
	struct standing st;
	struct member m;
	int c, status, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &status)) != -1)
		if (c == -2)
			return status;
	if (argc - optind != 1)
		return cli_usage("member show", _("give one card or phone number"));
	if ((rc = cli_open(cli)) || (rc = member_get(cli->md, argv[optind], &m)) ||
	    (rc = standing_of(cli->md, &m, &st)))
		return cli_fail(cli, rc);
	if (fmt == TABLE_TEXT)
		show_text(cli, &m, &st);
	else if ((rc = show_machine(cli, &m, &st, fmt)))
		return cli_fail(cli, rc);
	return EXIT_OK;
}

#define EDIT_SYNOPSIS N_("member edit KEY [OPTION]...")
#define EDIT_HELP N_( \
	"Change a member's details; an empty value clears an optional field.\n" \
	"  -p, --phone PHONE    new mobile number\n" \
	"  -n, --name NAME      new name\n" \
	"  -b, --birthday DATE  YYYY-MM-DD or MM-DD\n" \
	"  -g, --gender G       male, female or unknown\n" \
	"  -r, --referrer KEY   card or phone of the referrer\n" \
	"      --note TEXT      the note\n" \
	"      --card CARD      a new card number (a replaced card)\n")

static int
member_edit_cmd(struct cli *cli, int argc, char **argv)
{
	struct member_input in = {0};
	int c, st, rc;
	bool any = false;

	static const struct cli_opts o = {"member edit", EDIT_SYNOPSIS, EDIT_HELP,
					  "p:n:b:g:r:", member_opts, NULL, NULL};

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		any = true;
		switch (c) {
		case -2: return st;
		case 'p': in.phone = optarg; break;
		case 'n': in.name = optarg; break;
		case 'b': in.birthday = optarg; break;
		case 'g': in.gender = optarg; break;
		case 'r': in.referrer = optarg; break;
		case 'N': in.note = optarg; break;
		case 'c': in.card = optarg; break;
		case 't':
			return cli_usage("member edit",
					 _("use \"member tag\" and \"member untag\" for tags"));
		}
	}
	if (argc - optind != 1)
		return cli_usage("member edit", _("give one card or phone number"));
	if (!any)
		return cli_usage("member edit", _("nothing to change"));
	if ((rc = cli_open(cli)) || (rc = member_edit(cli->md, argv[optind], &in)))
		return cli_fail(cli, rc);
	return EXIT_OK;
}

static const struct option help_opts[] = {
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* member tag/untag KEY TAG... */
static int
retag_cmd(struct cli *cli, int argc, char **argv, bool add)
{
	static const struct cli_opts tag_o = {
		"member tag", N_("member tag KEY TAG..."),
		N_("Give a member one or more tags.\n"), "", help_opts, NULL, NULL};
	static const struct cli_opts untag_o = {
		"member untag", N_("member untag KEY TAG..."),
		N_("Take one or more tags off a member.\n"), "", help_opts, NULL, NULL};
	const char *cmd = add ? tag_o.cmd : untag_o.cmd;
	int c, st, rc;

	while ((c = cli_next_option(cli, add ? &tag_o : &untag_o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (argc - optind < 2)
		return cli_usage(cmd, _("give a card or phone number and at least one tag"));
	if ((rc = cli_open(cli)))
		return cli_fail(cli, rc);
	rc = (add ? member_tag : member_untag)(cli->md, argv[optind],
					       (const char *const *)argv + optind + 1,
					       argc - optind - 1);
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

static int
member_tag_cmd(struct cli *cli, int argc, char **argv)
{
	return retag_cmd(cli, argc, argv, true);
}

static int
member_untag_cmd(struct cli *cli, int argc, char **argv)
{
	return retag_cmd(cli, argc, argv, false);
}

/* freeze, unfreeze, delete, restore: KEY and nothing else. */
static const struct status_cmd {
	struct cli_opts o;
	int (*fn)(struct md *, const char *);
} status_cmds[] = {
	{{"member freeze", N_("member freeze KEY"),
	  N_("Freeze a member: no sales, points or stored value until unfrozen.\n"),
	  "", help_opts, NULL, NULL}, member_freeze},
	{{"member unfreeze", N_("member unfreeze KEY"),
	  N_("Unfreeze a frozen member.\n"), "", help_opts, NULL, NULL},
	 member_unfreeze},
	{{"member delete", N_("member delete KEY"),
	  N_("Delete a member from the listing.  History is kept, and the card\n"
	     "and phone stay reserved; \"member restore\" undoes it.\n"),
	  "", help_opts, NULL, NULL}, member_delete},
	{{"member restore", N_("member restore KEY"),
	  N_("Bring back a deleted member.\n"), "", help_opts, NULL, NULL},
	 member_restore},
};

static int
status_cmd(struct cli *cli, int argc, char **argv, const struct status_cmd *s)
{
	int c, st, rc;

	while ((c = cli_next_option(cli, &s->o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (argc - optind != 1)
		return cli_usage(s->o.cmd, _("give one card or phone number"));
	if ((rc = cli_open(cli)) || (rc = s->fn(cli->md, argv[optind])))
		return cli_fail(cli, rc);
	return EXIT_OK;
}

static int member_freeze_cmd(struct cli *c, int n, char **v) { return status_cmd(c, n, v, &status_cmds[0]); }
static int member_unfreeze_cmd(struct cli *c, int n, char **v) { return status_cmd(c, n, v, &status_cmds[1]); }
static int member_delete_cmd(struct cli *c, int n, char **v) { return status_cmd(c, n, v, &status_cmds[2]); }
static int member_restore_cmd(struct cli *c, int n, char **v) { return status_cmd(c, n, v, &status_cmds[3]); }

#define MERGE_SYNOPSIS N_("member merge KEEP DROP")
#define MERGE_HELP N_( \
	"Fold the member DROP into KEEP: tags, referrals, history and balances\n" \
	"move to KEEP, and DROP is marked merged.\n")

static int
member_merge_cmd(struct cli *cli, int argc, char **argv)
{
	int c, st, rc;

	static const struct cli_opts o = {"member merge", MERGE_SYNOPSIS, MERGE_HELP,
					  "", help_opts, NULL, NULL};

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (argc - optind != 2)
		return cli_usage("member merge", _("give the member to keep and the one to merge into it"));
	if ((rc = cli_open(cli)) ||
	    (rc = merge_members(cli->md, argv[optind], argv[optind + 1])))
		return cli_fail(cli, rc);
	return EXIT_OK;
}

static const struct option find_opts[] = {
	{"format", required_argument, NULL, 'f'},
	{"limit", required_argument, NULL, 'l'},
	{"all", no_argument, NULL, 'a'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define FIND_SYNOPSIS N_("member find QUERY [--limit N] [--all] [--format FMT]")
#define FIND_HELP N_( \
	"Find members by card number, phone, the last 4 digits of the phone, or\n" \
	"part of the name; best matches first.  Exits 1 when nothing matches.\n" \
	"      --limit N        show at most N matches (default 20)\n" \
	"      --all            include deleted and merged members\n" \
	"      --format FMT     table (default), csv or tsv\n")

static int
member_find_cmd(struct cli *cli, int argc, char **argv)
{
	struct member_query q = {.limit = 20};
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"member find", FIND_SYNOPSIS, FIND_HELP, "",
				   find_opts, &fmt, &q.limit};
	int c, st, rc, count;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (c == -2)
			return st;
		if (c == 'a')
			q.all = true;
	}
	if (argc - optind != 1)
		return cli_usage("member find", _("give one thing to search for"));
	q.find = argv[optind];
	if ((rc = cli_open(cli)) || (rc = print_members(cli, fmt, &q, &count)))
		return cli_fail(cli, rc);
	if (count == 0)
		return cli_fail(cli, md_fail(cli->md, MD_ENOTFOUND,
					     _("no member matches \"%s\""), q.find));
	return EXIT_OK;
}

static const struct option list_opts[] = {
	{"format", required_argument, NULL, 'f'},
	{"tier", required_argument, NULL, 'T'},
	{"tag", required_argument, NULL, 't'},
	{"status", required_argument, NULL, 's'},
	{"segment", required_argument, NULL, 'S'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define LIST_SYNOPSIS N_("member list [--tier T] [--tag TAG] [--status S] [--segment KEY] [--format FMT]")
#define LIST_HELP N_( \
	"List members in the order they joined.\n" \
	"      --tier T         only members in this tier\n" \
	"      --tag TAG        only members with this tag\n" \
	"      --status S       active, frozen, deleted, merged or all\n" \
	"                       (default: active and frozen)\n" \
	"      --segment KEY    only members in this RFM segment as of today\n" \
	"                       (important_value, ..., no_purchase; see\n" \
	"                       \"report rfm\")\n" \
	"      --format FMT     table (default), csv or tsv\n")

static int
member_list_cmd(struct cli *cli, int argc, char **argv)
{
	struct member_query q = {0};
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"member list", LIST_SYNOPSIS, LIST_HELP, "",
				   list_opts, &fmt, NULL};
	const char *tier = NULL;
	struct tier t;
	int c, st, rc, count;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		switch (c) {
		case -2: return st;
		case 't': q.filter.tag = optarg; break;
		case 'T': tier = optarg; break;
		case 's': q.filter.status = optarg; break;
		case 'S': q.filter.segment = optarg; break;
		}
	}
	if (optind < argc)
		return cli_usage("member list", _("unexpected argument \"%s\""),
				 argv[optind]);
	if ((rc = cli_open(cli)))
		return cli_fail(cli, rc);
	if (tier) {
		if ((rc = tier_get(cli->md, tier, &t)))
			return cli_fail(cli, rc);
		q.filter.tier_id = t.id;
	}
	if ((rc = print_members(cli, fmt, &q, &count)))
		return cli_fail(cli, rc);
	return EXIT_OK;
}

static const struct cli_command member_cmds[] = {
	{"add", member_add_cmd, ADD_SYNOPSIS, N_("register a member")},
	{"show", member_show_cmd, SHOW_SYNOPSIS, N_("show one member")},
	{"edit", member_edit_cmd, EDIT_SYNOPSIS, N_("change a member's details")},
	{"tag", member_tag_cmd, NULL, N_("add tags")},
	{"untag", member_untag_cmd, NULL, N_("remove tags")},
	{"freeze", member_freeze_cmd, NULL, N_("freeze a member")},
	{"unfreeze", member_unfreeze_cmd, NULL, N_("unfreeze a member")},
	{"delete", member_delete_cmd, NULL, N_("delete a member (history is kept)")},
	{"restore", member_restore_cmd, NULL, N_("restore a deleted member")},
	{"merge", member_merge_cmd, MERGE_SYNOPSIS, N_("merge two records of one customer")},
	{"find", member_find_cmd, FIND_SYNOPSIS, N_("search by phone, last 4 digits, card or name")},
	{"list", member_list_cmd, LIST_SYNOPSIS, N_("list members")},
	{NULL, NULL, NULL, NULL},
};

int
cli_member(struct cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "member", member_cmds, argc, argv);
}
