/* cli_coupon_rules.c - "memberdesk coupon rules": the automatic coupons */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli/cli_coupon.h"
#include "core/coupon_auto.h"
#include "i18n.h"

static const char *
rule_key(int r)
{
	return coupon_rule_key((enum coupon_rule)r);
}

static const char *
rule_label(int r)
{
	return coupon_rule_label((enum coupon_rule)r);
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

static const struct table_col rule_cols[] = {
	{"rule", N_("Rule"), .kind = COL_ENUM, .enum_key = rule_key, .enum_label = rule_label},
	{"campaign", N_("Campaign"), .kind = COL_TEXT},
	{"status", N_("Status"), .kind = COL_ENUM, .enum_key = status_key,
	 .enum_label = status_label},
	{"days", N_("Days before"), .kind = COL_COUNT},
};

static const struct option list_opts[] = {
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define LIST_SYNOPSIS N_("coupon rules [list] [--format FMT]")

static int
list_cmd(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"coupon rules", LIST_SYNOPSIS,
				   N_("The automatic coupon rules that are set, each with its campaign.\n"
				      "      --format FMT     table (default), csv or tsv\n"),
				   "", list_opts, &fmt, NULL};
	struct coupon_rule_def defs[COUPON_RULES];
	struct table *t;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (optind < argc)
		return cli_usage("coupon rules", _("unexpected argument \"%s\""), argv[optind]);
	if ((rc = cli_open(cli)) || (rc = coupon_rule_list(cli->md, defs)))
		return cli_fail(cli, rc);
	if (!(t = cli_table_open(cli, fmt, rule_cols)))
		return cli_fail(cli, MD_ENOMEM);
	for (int i = 0; i < COUPON_RULES && rc == MD_OK; i++) {
		const struct table_cell cells[] = {
			TABLE_INT(i), TABLE_STR(defs[i].campaign.name),
			TABLE_INT(defs[i].campaign.status),
			i == COUPON_RULE_BIRTHDAY ? TABLE_INT(defs[i].days) : TABLE_BLANK,
		};

		if (defs[i].set)
			rc = table_row(t, cells);
	}
	rc = table_close(t, rc);
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

static const struct option set_opts[] = {
	{"days", required_argument, NULL, 'd'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define SET_SYNOPSIS N_("coupon rules set welcome|birthday|upgrade|winback CAMPAIGN [--days N]")

static int
set_cmd(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"coupon rules set", SET_SYNOPSIS,
				   N_("Give the campaign's coupons automatically: welcome on registration\n"
				      "at the counter, birthday N days before the birthday, upgrade when a\n"
				      "sale lifts a member into a higher tier, winback to members who moved\n"
				      "into important win-back or became sleeping in the last week.\n"
				      "  -d, --days N         birthday: days before it (default 7, 0 to 60)\n"),
				   "d:", set_opts, NULL, NULL};
	const char *days = NULL;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (c == -2)
			return st;
		if (c == 'd')
			days = optarg;
	}
	if (argc - optind != 2)
		return cli_usage("coupon rules set", _("give the rule and the campaign"));
	if ((rc = cli_open(cli)) ||
	    (rc = coupon_rule_set(cli->md, argv[optind], argv[optind + 1], days)))
		return cli_fail(cli, rc);
	return EXIT_OK;
}

#define UNSET_SYNOPSIS N_("coupon rules unset RULE")

static int
unset_cmd(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"coupon rules unset", UNSET_SYNOPSIS,
				   N_("Stop a rule: no more of its coupons (those given stay).\n"),
				   "", list_opts, NULL, NULL};
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (argc - optind != 1)
		return cli_usage("coupon rules unset", _("give the rule"));
	if ((rc = cli_open(cli)) || (rc = coupon_rule_unset(cli->md, argv[optind])))
		return cli_fail(cli, rc);
	return EXIT_OK;
}

#define RUN_SYNOPSIS N_("coupon rules run")

static void
say_result(struct cli *cli, enum coupon_rule i, const struct coupon_rule_result *r)
{
	fprintf(cli->out, "%s: ", coupon_rule_key(i));
	if (r->idle)
		fprintf(cli->out, "%s", _("its campaign gives no coupons now"));
	else
		fprintf(cli->out, P_("%lld coupon issued", "%lld coupons issued", r->issued),
			(long long)r->issued);
	if (r->at_limit)
		fprintf(cli->out, P_("; %lld member has as many as one may",
				     "; %lld members have as many as one may", r->at_limit),
			(long long)r->at_limit);
	if (r->over_total)
		fprintf(cli->out, P_("; %lld more would pass the campaign's total",
				     "; %lld more would pass the campaign's total", r->over_total),
			(long long)r->over_total);
	fputc('\n', cli->out);
}

static int
run_cmd(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"coupon rules run", RUN_SYNOPSIS,
				   N_("Give today's birthday coupons and the latest week's win-back\n"
				      "coupons now (the daily rules do so at the first use of a day); never\n"
				      "twice to a member for the same birthday or week.\n"),
				   "", list_opts, NULL, NULL};
	struct coupon_rule_result r[COUPON_RULES];
	bool any = false;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (optind < argc)
		return cli_usage("coupon rules run", _("unexpected argument \"%s\""), argv[optind]);
	if ((rc = cli_open(cli)) || (rc = coupon_rules_run(cli->md, r)))
		return cli_fail(cli, rc);
	for (int i = COUPON_RULE_BIRTHDAY; i < COUPON_RULES; i++) {
		if (i == COUPON_RULE_UPGRADE || !r[i].set)
			continue;
		say_result(cli, (enum coupon_rule)i, &r[i]);
		any = true;
	}
	if (!any)
		fprintf(cli->out, "%s\n", _("no birthday or win-back rule is set"));
	return EXIT_OK;
}

static const struct cli_command rule_cmds[] = {
	{"list", list_cmd, LIST_SYNOPSIS, N_("list the rules")},
	{"set", set_cmd, SET_SYNOPSIS, N_("set a rule")},
	{"unset", unset_cmd, UNSET_SYNOPSIS, N_("stop a rule")},
	{"run", run_cmd, RUN_SYNOPSIS, N_("give the coupons due today (for cron)")},
	{NULL, NULL, NULL, NULL},
};

int
cli_coupon_rules(struct cli *cli, int argc, char **argv)
{
	/* "coupon rules" alone, or with list's options, lists them. */
	if (argc < 2 || (argv[1][0] == '-' && strcmp(argv[1], "--help") && strcmp(argv[1], "-h"))) {
		cli->restart_getopt = true;
		return list_cmd(cli, argc, argv);
	}
	return cli_dispatch(cli, "coupon rules", rule_cmds, argc, argv);
}
