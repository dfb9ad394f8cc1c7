/* cli_sale.c - "memberdesk sale add|void|list|show|receipt" */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_sale.h"
#include "core/payment.h"
#include "core/receipt.h"
#include "core/sale.h"
#include "core/settings.h"
#include "i18n.h"

/* "voided" or nothing. */
static const char *
status_label(const char *key)
{
	return *key ? _("voided") : "";
}

/* Scripts get every column, people the ones a list needs. */
static const struct table_col sale_cols[] = {
	{"sale", N_("Sale"), .kind = COL_COUNT},
	{"sold_at", N_("Time"), .kind = COL_TEXT},
	{"card", N_("Card"), .kind = COL_TEXT},
	{"name", N_("Name"), .kind = COL_TEXT},
	{"amount", N_("Amount"), .kind = COL_MONEY},
	{"tier_discount", N_("Discount"), .kind = COL_MONEY, .only = TABLE_SCRIPTS},
	{"coupon_discount", N_("Coupon"), .kind = COL_MONEY, .only = TABLE_SCRIPTS},
	{"coupon", N_("Coupon code"), .kind = COL_TEXT, .only = TABLE_SCRIPTS},
	{"points_used", N_("Points used"), .kind = COL_COUNT, .only = TABLE_SCRIPTS},
	{"points_value", N_("Points value"), .kind = COL_MONEY, .only = TABLE_SCRIPTS},
	{"paid", N_("Paid"), .kind = COL_MONEY},
	{"payment", N_("Payment"), .kind = COL_LABEL, .label = payment_label},
	{"wallet_principal", N_("From principal"), .kind = COL_MONEY, .only = TABLE_SCRIPTS},
	{"wallet_bonus", N_("From bonus"), .kind = COL_MONEY, .only = TABLE_SCRIPTS},
	{"points_earned", N_("Points"), .kind = COL_COUNT},
	{"category", N_("Category"), .kind = COL_TEXT, .only = TABLE_SCRIPTS},
	{"promo", N_("Promotion"), .kind = COL_COUNT, .only = TABLE_SCRIPTS},
	{"ticket", N_("Ticket"), .kind = COL_TEXT, .only = TABLE_SCRIPTS},
	{"status", N_("Status"), .kind = COL_LABEL, .label = status_label},
};

static int
sale_row(void *arg, const struct sale *s)
{
	const struct table_cell cells[] = {
		TABLE_INT(s->id), TABLE_STR(s->sold_at), TABLE_STR(s->card),
		TABLE_STR(s->name), TABLE_INT(s->amount),
		TABLE_INT(s->tier_discount), TABLE_INT(s->coupon_discount),
		TABLE_STR(s->coupons),
		TABLE_INT(s->points_used), TABLE_INT(s->points_value),
		TABLE_INT(s->paid), TABLE_STR(s->payment),
		TABLE_INT(s->wallet_principal), TABLE_INT(s->wallet_bonus),
		TABLE_INT(s->points_earned), TABLE_STR(s->category),
		TABLE_INT(s->promo), TABLE_STR(s->ticket),
		TABLE_STR(*s->voided_at ? "voided" : ""),
	};

	return table_row(arg, cells);
}

/* SALE as one row of the sales table. */
static int
print_sale(struct cli *cli, enum table_format fmt, const struct sale *s)
{
	struct table *t = cli_table_open(cli, fmt, sale_cols);

	return t ? table_close(t, sale_row(t, s)) : MD_ENOMEM;
}

static int
print_receipt(struct cli *cli, const struct sale *s, int width)
{
	char shop[SETTING_MAX];
	int rc;

	if ((rc = settings_get(cli->md, "shop_name", shop)))
		return rc;
	/* Flushed here: a receipt that never reached the terminal or the
	 * file is said now, while the sale's number is at hand. */
	if (receipt_write(cli->md, cli->out, s, shop, width) < 0 || fflush(cli->out) != 0)
		return md_fail(cli->md, MD_EIO, _("cannot write the receipt: %s"),
			       strerror(errno));
	return MD_OK;
}

bool
cli_sale_width(const char *cmd, const char *arg, int *width)
{
	if (!strcmp(arg, "32") || !strcmp(arg, "48")) {
		*width = atoi(arg);
		return true;
	}
	cli_usage(cmd, _("--width must be 32 or 48, not \"%s\""), arg);
	return false;
}

static const struct option add_opts[] = {
	{"amount", required_argument, NULL, 'a'},
	{"at", required_argument, NULL, 'A'},
	{"category", required_argument, NULL, 'c'},
	{"promo", no_argument, NULL, 'P'},
	{"pay", required_argument, NULL, 'p'},
	{"use-points", required_argument, NULL, 'u'},
	{"coupon", required_argument, NULL, 'C'},
	{"ticket", required_argument, NULL, 't'},
	{"note", required_argument, NULL, 'N'},
	{"dry-run", no_argument, NULL, 'n'},
	{"width", required_argument, NULL, 'w'},
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define ADD_SYNOPSIS N_("sale add [MEMBER] --amount AMOUNT [OPTION]...")
#define ADD_HELP N_( \
	"Record a sale and print its receipt.  Without MEMBER it is a walk-in\n" \
	"sale: it counts in the shop's totals but earns no points.\n" \
	"  -a, --amount AMOUNT  the bill before discounts, in yuan (128, 1,280.50)\n" \
	"      --at TIME        when it happened (YYYY-MM-DD [HH:MM]); default now\n" \
	"      --category C     what was sold\n" \
	"      --promo          a promotion sale (no tier discount unless\n" \
	"                       promo_tier_discount is yes)\n" \
	"  -p, --pay METHOD     cash (default), wechat, alipay, card, wallet, other\n" \
	"  -u, --use-points N   pay part of the bill with N points\n" \
	"      --coupon CODE    take a coupon's discount (after the tier\n" \
	"                       discount, before points); again for another\n" \
	"  -t, --ticket NO      the ticket number; the same number twice is refused\n" \
	"      --note TEXT      a note\n" \
	"  -n, --dry-run        work out the bill without recording anything\n" \
	"      --width N        receipt width: 32 (default) or 48 columns\n" \
	"      --format FMT     table (the receipt) or csv (one row)\n")

static int
sale_add_cmd(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"sale add", ADD_SYNOPSIS, ADD_HELP, "a:p:u:t:n",
				   add_opts, &fmt, NULL};
	struct sale_input in = {0};
	const char *coupons[SALE_COUPONS_MAX + 1];
	bool dry = false;
	struct sale s;
	int c, st, rc, width = 32;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		switch (c) {
		case -2: return st;
		case 'a': in.amount = optarg; break;
		case 'A': in.at = optarg; break;
		case 'c': in.category = optarg; break;
		case 'P': in.promo = true; break;
		case 'p': in.payment = optarg; break;
		case 'u': in.use_points = optarg; break;
		case 'C':
			/* One more than may be: the core says how many. */
			if (in.ncoupons <= SALE_COUPONS_MAX)
				coupons[in.ncoupons++] = optarg;
			break;
		case 't': in.ticket = optarg; break;
		case 'N': in.note = optarg; break;
		case 'n': dry = true; break;
		case 'w':
			if (!cli_sale_width("sale add", optarg, &width))
				return EXIT_USAGE;
			break;
		}
	}
	if (argc - optind > 1)
		return cli_usage("sale add", _("give at most one member"));
	if (optind < argc)
		in.member = argv[optind];
	if (!in.amount)
		return cli_usage("sale add", _("--amount is required"));
	in.coupons = coupons;
	if ((rc = cli_open(cli)))
		return cli_fail(cli, rc);
	rc = dry ? sale_quote(cli->md, &in, &s) : sale_add(cli->md, &in, &s);
	if (rc)
		return cli_fail(cli, rc);
	rc = fmt == TABLE_TEXT ? print_receipt(cli, &s, width) : print_sale(cli, fmt, &s);
	if (rc && !dry) {
		/* Whoever reads this must not ring the sale up again. */
		size_t n = strlen(cli->md->err);

		snprintf(cli->md->err + n, sizeof cli->md->err - n,
			 _("; sale %lld is recorded all the same (sale receipt %lld shows it again)"),
			 (long long)s.id, (long long)s.id);
	}
	if (!rc && !dry)
		rc = cli_sale_autoprint(cli, &s, width);
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

static const struct option void_opts[] = {
	{"reason", required_argument, NULL, 'r'},
	{"forgive-points", no_argument, NULL, 'F'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define VOID_SYNOPSIS N_("sale void SALE --reason TEXT [--forgive-points]")
#define VOID_HELP N_( \
	"Void a sale: points earned and used, stored value, the referrer's\n" \
	"reward and a tier upgrade it brought are all given back through new\n" \
	"ledger entries.  SALE is the sale number or its ticket number.\n" \
	"  -r, --reason TEXT    why (required)\n" \
	"      --forgive-points when the member already spent the points the sale\n" \
	"                       earned, take back only what is left\n")

static int
sale_void_cmd(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"sale void", VOID_SYNOPSIS, VOID_HELP, "r:",
				   void_opts, NULL, NULL};
	const char *reason = NULL;
	bool forgive = false;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		switch (c) {
		case -2: return st;
		case 'r': reason = optarg; break;
		case 'F': forgive = true; break;
		}
	}
	if (argc - optind != 1)
		return cli_usage("sale void", _("give one sale number"));
	if (!reason)
		return cli_usage("sale void", _("--reason is required"));
	if ((rc = cli_open(cli)) ||
	    (rc = sale_void(cli->md, argv[optind], reason, forgive)))
		return cli_fail(cli, rc);
	return EXIT_OK;
}

static const struct option list_opts[] = {
	{"from", required_argument, NULL, 'F'},
	{"to", required_argument, NULL, 'T'},
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define LIST_SYNOPSIS N_("sale list [MEMBER] [--from DATE] [--to DATE] [--format FMT]")
#define LIST_HELP N_( \
	"List sales by time, voided ones included (marked).\n" \
	"      --from DATE      from this day on\n" \
	"      --to DATE        up to and including this day\n" \
	"      --format FMT     table (default), csv or tsv (all the columns)\n")

static int
sale_list_cmd(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"sale list", LIST_SYNOPSIS, LIST_HELP, "",
				   list_opts, &fmt, NULL};
	struct sale_filter f = {0};
	struct table *t;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		switch (c) {
		case -2: return st;
		case 'F': f.from = optarg; break;
		case 'T': f.to = optarg; break;
		}
	}
	if (argc - optind > 1)
		return cli_usage("sale list", _("give at most one member"));
	if (optind < argc)
		f.member = argv[optind];
	if ((rc = cli_open(cli)))
		return cli_fail(cli, rc);
	if (!(t = cli_table_open(cli, fmt, sale_cols)))
		return cli_fail(cli, MD_ENOMEM);
	rc = table_close(t, sale_list(cli->md, &f, sale_row, t));
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

static const struct option show_opts[] = {
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define SHOW_SYNOPSIS N_("sale show SALE [--format FMT]")
#define SHOW_HELP N_( \
	"Show one sale: its receipt (48 columns), note, operator and, for a\n" \
	"voided sale, when, by whom and why.  csv gives one row.\n" \
	"      --format FMT     table (default), csv or tsv\n")

static int
sale_show_cmd(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"sale show", SHOW_SYNOPSIS, SHOW_HELP, "",
				   show_opts, &fmt, NULL};
	int c, st, rc, width = 48;
	struct sale s;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (argc - optind != 1)
		return cli_usage(o.cmd, _("give one sale number"));
	if ((rc = cli_open(cli)) || (rc = sale_get(cli->md, argv[optind], &s)))
		return cli_fail(cli, rc);
	if (fmt != TABLE_TEXT)
		return (rc = print_sale(cli, fmt, &s)) ? cli_fail(cli, rc) : EXIT_OK;
	if ((rc = print_receipt(cli, &s, width)))
		return cli_fail(cli, rc);
	printf(_("Recorded by %s\n"), s.operator_name);
	if (*s.note)
		printf(_("Note: %s\n"), s.note);
	if (*s.voided_at)
		printf(_("Voided at %s by %s: %s\n"), s.voided_at, s.voided_by,
		       s.void_reason);
	return EXIT_OK;
}

static const struct cli_command sale_cmds[] = {
	{"add", sale_add_cmd, ADD_SYNOPSIS, N_("record a sale")},
	{"void", sale_void_cmd, VOID_SYNOPSIS, N_("void a sale, giving back what it did")},
	{"list", sale_list_cmd, LIST_SYNOPSIS, N_("list sales")},
	{"show", sale_show_cmd, SHOW_SYNOPSIS, N_("show one sale")},
	{"receipt", cli_sale_receipt, NULL, N_("print a receipt")},
	{NULL, NULL, NULL, NULL},
};

int
cli_sale(struct cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "sale", sale_cmds, argc, argv);
}
