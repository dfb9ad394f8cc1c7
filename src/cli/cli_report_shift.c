/* cli_report_shift.c - "memberdesk report shift": the end of a shift (交班) */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_report.h"
#include "core/money.h"
#include "core/payment.h"
#include "core/receipt.h"
#include "core/settings.h"
#include "core/shift.h"
#include "i18n.h"

static const struct table_col shift_cols[] = {
	{"item", N_("Item"), .kind = COL_TEXT},
	{"method", N_("Payment"), .kind = COL_TEXT},
	{"count", N_("Count"), .kind = COL_COUNT},
	{"amount", N_("Amount"), .kind = COL_MONEY},
};

static int
csv_row(struct table *t, const char *item, const char *method, int64_t count, int64_t fen)
{
	const struct table_cell cells[] = {
		TABLE_STR(item), TABLE_STR(method), TABLE_INT(count), TABLE_INT(fen),
	};

	return table_row(t, cells);
}

/* The sums of V under ITEM, one row a method that moved anything. */
static int
csv_methods(struct table *t, const char *item, const struct shift_sum *v)
{
	size_t i;
	int rc = MD_OK;

	for (i = 0; i < payment_count() && i < SHIFT_METHODS && !rc; i++)
		if (v[i].count)
			rc = csv_row(t, item, payment_at(i)->key, v[i].count, v[i].amount);
	return rc;
}

static int
shift_csv(struct cli *cli, enum table_format fmt, const struct shift_report *r)
{
	struct table *t = cli_table_open(cli, fmt, shift_cols);
	int rc;

	if (!t)
		return MD_ENOMEM;
	if (!(rc = csv_row(t, "sales", "", r->all_sales.count, r->all_sales.amount)) &&
	    !(rc = csv_methods(t, "sales", r->sales)) &&
	    !(rc = csv_row(t, "sales", "wallet", r->wallet.count, r->wallet.amount)) &&
	    !(rc = csv_row(t, "voids", "", r->all_voids.count, r->all_voids.amount)) &&
	    !(rc = csv_methods(t, "voids", r->voids)) &&
	    !(rc = csv_methods(t, "topped_up", r->recharged)) &&
	    !(rc = csv_row(t, "topped_up_bonus", "", 0, r->recharge_bonus)) &&
	    !(rc = csv_methods(t, "refunded", r->refunded)) &&
	    !(rc = csv_row(t, "points_redeemed", "", r->points.amount, r->points_value)) &&
	    !(rc = csv_row(t, "coupons_redeemed", "", r->coupons.count, r->coupons.amount)))
		rc = csv_row(t, "cash_drawer", "cash", 0, r->cash_drawer);
	return table_close(t, rc);
}

/* The slip, on the terminal or the receipt printer. */
static int
shift_slip(struct cli *cli, const struct shift_report *r, int width, bool print)
{
	char shop[SETTING_MAX], *buf = NULL;
	size_t n = 0;
	FILE *fp;
	int rc;

	if ((rc = settings_get(cli->md, "shop_name", shop)))
		return rc;
	if (!print)
		return shift_text(cli->md, cli->out, r, shop, width) < 0 ?
		       md_fail(cli->md, MD_EIO, _("write error")) : MD_OK;
	if (!(fp = open_memstream(&buf, &n)))
		return md_fail(cli->md, MD_ENOMEM, _("out of memory"));
	if (shift_text(cli->md, fp, r, shop, width) < 0 || fclose(fp) != 0)
		rc = md_fail(cli->md, MD_ENOMEM, _("out of memory"));
	else
		rc = receipt_print_text(cli->md, buf, n, width, cli->out);
	free(buf);
	return rc;
}

static const struct option shift_opts[] = {
	{"by", required_argument, NULL, 'b'},
	{"from", required_argument, NULL, 'F'},
	{"to", required_argument, NULL, 'T'},
	{"width", required_argument, NULL, 'w'},
	{"print", no_argument, NULL, 'p'},
	{"preview", no_argument, NULL, 'P'},
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define SHIFT_SYNOPSIS N_("report shift [--by NAME] [--from TIME] [--to TIME] [--preview] [--print [--width 32|48]] [--format FMT]")
#define SHIFT_HELP N_( \
	"The end of a shift (交班): the sales by payment method, voids, stored\n" \
	"value topped up and refunded by method, points and coupons redeemed,\n" \
	"and the cash that should be in the drawer.  By default from where the\n" \
	"last shift ended (or the start of today) until now, and it closes the\n" \
	"shift there: the next one starts where this one ends.\n" \
	"      --by NAME        only what the operator NAME did\n" \
	"      --from TIME, --to TIME\n" \
	"                       another window (closes nothing)\n" \
	"      --preview        show the shift so far without closing it\n" \
	"      --print          on the receipt printer (receipt_mode, receipt_printer)\n" \
	"      --width 32|48    the receipt's columns (default 48)\n" \
	"      --format FMT     table (default), csv or tsv\n")

int
cli_report_shift(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"report shift", SHIFT_SYNOPSIS, SHIFT_HELP, "",
				   shift_opts, &fmt, NULL};
	const char *by = NULL, *from = NULL, *to = NULL;
	bool print = false, preview = false;
	struct shift_report r;
	int c, st, rc, width = 48;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		switch (c) {
		case -2: return st;
		case 'b': by = optarg; break;
		case 'F': from = optarg; break;
		case 'T': to = optarg; break;
		case 'p': print = true; break;
		case 'P': preview = true; break;
		case 'w':
			if (strcmp(optarg, "32") && strcmp(optarg, "48"))
				return cli_usage(o.cmd, _("--width is 32 or 48"));
			width = atoi(optarg);
			break;
		}
	}
	if (optind < argc)
		return cli_usage(o.cmd, _("unexpected argument \"%s\""), argv[optind]);
	if (print && fmt != TABLE_TEXT)
		return cli_usage(o.cmd, _("--print prints the slip: drop --format"));
	if ((rc = cli_open(cli)) ||
	    (rc = shift_report(cli->md, by, from, to, !preview && !from && !to, &r)))
		return cli_fail(cli, rc);
	rc = fmt == TABLE_TEXT ? shift_slip(cli, &r, width, print) : shift_csv(cli, fmt, &r);
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}
