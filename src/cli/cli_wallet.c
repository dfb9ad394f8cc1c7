/* cli_wallet.c - "memberdesk wallet recharge|refund|history|rules" */
#include <config.h>

#include <string.h>

#include "cli/cli.h"
#include "core/money.h"
#include "core/settings.h"
#include "core/wallet.h"
#include "i18n.h"

static const struct option recharge_opts[] = {
	{"amount", required_argument, NULL, 'a'},
	{"pay", required_argument, NULL, 'p'},
	{"note", required_argument, NULL, 'N'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

static const struct option refund_opts[] = {
	{"amount", required_argument, NULL, 'a'},
	{"pay", required_argument, NULL, 'p'},
	{"reason", required_argument, NULL, 'r'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define RECHARGE_SYNOPSIS N_("wallet recharge MEMBER --amount AMOUNT [--pay METHOD] [--note TEXT]")
#define RECHARGE_HELP N_( \
	"Add stored value.  The bonus rule for the amount applies (see\n" \
	"\"wallet rules\"); the largest rule the amount reaches gives its bonus.\n" \
	"  -a, --amount AMOUNT  yuan paid in\n" \
	"  -p, --pay METHOD     cash (default), wechat, alipay, card, other\n" \
	"      --note TEXT      a note\n")

#define REFUND_SYNOPSIS N_("wallet refund MEMBER --amount AMOUNT [--pay METHOD] [--reason TEXT]")
#define REFUND_HELP N_( \
	"Give back unspent principal.  Spending takes principal first, so what\n" \
	"is left to refund is what the member paid in and has not spent; the\n" \
	"bonus that came with it is forfeited in proportion.\n" \
	"  -a, --amount AMOUNT  yuan to give back\n" \
	"  -p, --pay METHOD     how it is given back: cash (default), wechat, ...\n" \
	"  -r, --reason TEXT    why\n")

static void
report(struct cli *cli, const struct wallet_result *r)
{
	char p[40], b[40], total[40], pa[40], ba[40];

	money_human(cli->md, r->principal < 0 ? -r->principal : r->principal, p);
	money_human(cli->md, r->bonus < 0 ? -r->bonus : r->bonus, b);
	money_human(cli->md, r->principal_after + r->bonus_after, total);
	money_human(cli->md, r->principal_after, pa);
	money_human(cli->md, r->bonus_after, ba);
	if (r->principal >= 0)
		printf(_("%s (%s): recharged %s, bonus %s\n"), r->card, r->name, p, b);
	else
		printf(_("%s (%s): refunded %s, bonus forfeited %s\n"), r->card, r->name,
		       p, b);
	printf(_("Stored value now %s (principal %s, bonus %s)\n"), total, pa, ba);
}

static int
money_cmd(struct cli *cli, int argc, char **argv, bool recharge)
{
	const struct cli_opts o = recharge ?
		(struct cli_opts){"wallet recharge", RECHARGE_SYNOPSIS, RECHARGE_HELP,
				  "a:p:", recharge_opts, NULL, NULL} :
		(struct cli_opts){"wallet refund", REFUND_SYNOPSIS, REFUND_HELP,
				  "a:p:r:", refund_opts, NULL, NULL};
	const char *amount = NULL, *pay = NULL, *text = NULL;
	struct wallet_result r;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		switch (c) {
		case -2: return st;
		case 'a': amount = optarg; break;
		case 'p': pay = optarg; break;
		case 'N':	/* recharge --note */
		case 'r':	/* refund --reason */
			text = optarg;
			break;
		}
	}
	if (argc - optind != 1)
		return cli_usage(o.cmd, _("give one card or phone number"));
	if (!amount)
		return cli_usage(o.cmd, _("--amount is required"));
	if ((rc = cli_open(cli)))
		return cli_fail(cli, rc);
	rc = recharge ? wallet_recharge(cli->md, argv[optind], amount, pay, text, &r) :
	     wallet_refund(cli->md, argv[optind], amount, pay, text, &r);
	if (rc)
		return cli_fail(cli, rc);
	report(cli, &r);
	return EXIT_OK;
}

static int
recharge_cmd(struct cli *cli, int argc, char **argv)
{
	return money_cmd(cli, argc, argv, true);
}

static int
refund_cmd(struct cli *cli, int argc, char **argv)
{
	return money_cmd(cli, argc, argv, false);
}

static const struct table_col history_cols[] = {
	{"at", N_("When"), .kind = COL_TEXT},
	{"kind", N_("Kind"), .kind = COL_LABEL, .label = wallet_kind_label},
	{"principal", N_("Principal"), .kind = COL_MONEY},
	{"bonus", N_("Bonus"), .kind = COL_MONEY},
	{"balance", N_("Balance"), .kind = COL_MONEY},
	{"sale", N_("Sale"), .kind = COL_COUNT},
	{"payment", N_("Payment"), .kind = COL_TEXT},
	{"reason", N_("Reason"), .kind = COL_TEXT},
	{"operator", N_("Operator"), .kind = COL_TEXT},
};

static int
history_row(void *arg, const struct wallet_entry *e)
{
	const struct table_cell cells[] = {
		TABLE_STR(e->at), TABLE_STR(e->kind), TABLE_INT(e->principal),
		TABLE_INT(e->bonus), TABLE_INT(e->balance),
		e->sale_id ? TABLE_INT(e->sale_id) : TABLE_BLANK,
		TABLE_STR(e->payment), TABLE_STR(e->reason),
		TABLE_STR(e->operator_name),
	};

	return table_row(arg, cells);
}

#define HISTORY_SYNOPSIS N_("wallet history MEMBER [--format FMT]")
#define HISTORY_HELP N_( \
	"Every change to a member's stored value, oldest first, principal and\n" \
	"bonus apart, with the balance after each.\n" \
	"      --format FMT     table (default), csv or tsv\n")

static int
history_rows(struct md *md, const char *key, struct table *t)
{
	return wallet_history(md, key, history_row, t);
}

static int
history_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct cli_member_table m = {"wallet history", HISTORY_SYNOPSIS,
		HISTORY_HELP, history_cols, TABLE_COLS(history_cols), history_rows};

	return cli_member_table(cli, &m, argc, argv);
}

static const struct option rules_opts[] = {
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define RULES_SYNOPSIS N_("wallet rules [show | set RULES]")
#define RULES_HELP N_( \
	"Show or set the recharge bonus rules: AMOUNT:BONUS pairs in yuan, such\n" \
	"as 100:20,500:120 (recharge 100 get 20, recharge 500 get 120).  The\n" \
	"largest amount a recharge reaches gives its bonus, once.  An empty\n" \
	"RULES (\"\") or none removes them.\n")

static int
rules_cmd(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"wallet rules", RULES_SYNOPSIS, RULES_HELP, "",
				   rules_opts, NULL, NULL};
	struct wallet_rule rules[WALLET_RULES_MAX];
	char a[40], b[40];
	int c, st, rc, n, i;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (optind < argc && !strcmp(argv[optind], "set")) {
		if (argc - optind != 2)
			return cli_usage("wallet rules", _("give the rules, such as 100:20,500:120"));
		if ((rc = cli_open(cli)) || (rc = wallet_rules_set(cli->md, argv[optind + 1])))
			return cli_fail(cli, rc);
		return EXIT_OK;
	}
	if (optind < argc && (strcmp(argv[optind], "show") || argc - optind > 1))
		return cli_usage("wallet rules", _("unexpected argument \"%s\""), argv[optind]);
	if ((rc = cli_open(cli)) || (rc = wallet_rules_get(cli->md, rules, &n)))
		return cli_fail(cli, rc);
	if (n == 0)
		printf(_("No bonus rules: a recharge gives no bonus.\n"));
	for (i = 0; i < n; i++) {
		money_human(cli->md, rules[i].amount, a);
		money_human(cli->md, rules[i].bonus, b);
		printf(_("Recharge %s or more: bonus %s\n"), a, b);
	}
	return EXIT_OK;
}

static const struct cli_command wallet_cmds[] = {
	{"recharge", recharge_cmd, RECHARGE_SYNOPSIS, N_("add stored value (with the bonus rule)")},
	{"refund", refund_cmd, REFUND_SYNOPSIS, N_("give back unspent principal")},
	{"history", history_cmd, HISTORY_SYNOPSIS, N_("show a member's stored-value ledger")},
	{"rules", rules_cmd, RULES_SYNOPSIS, N_("show or set the recharge bonus rules")},
	{NULL, NULL, NULL, NULL},
};

int
cli_wallet(struct cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "wallet", wallet_cmds, argc, argv);
}
