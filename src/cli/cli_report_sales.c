/* cli_report_sales.c - "memberdesk report sales": sales by period or kind */
#include <config.h>

#include "cli/cli.h"
#include "cli/cli_report.h"
#include "core/clock.h"
#include "core/money.h"
#include "core/payment.h"
#include "core/report.h"
#include "i18n.h"

/* A group that has no name (sales without a category). */
static const char *
group_label(const char *key)
{
	return *key ? key : _("(none)");
}

/* The first column is named by what the sales are grouped by. */
static const struct table_col by_cols[] = {
	[REPORT_BY_DAY] = {"day", N_("Day"), .kind = COL_LABEL, .label = group_label},
	[REPORT_BY_WEEK] = {"week", N_("Week ending"), .kind = COL_LABEL,
			    .label = group_label},
	[REPORT_BY_MONTH] = {"month", N_("Month"), .kind = COL_LABEL,
			     .label = group_label},
	[REPORT_BY_CATEGORY] = {"category", N_("Category"), .kind = COL_LABEL,
				.label = group_label},
	[REPORT_BY_PAYMENT] = {"payment", N_("Payment"), .kind = COL_LABEL,
			       .label = payment_label},
};

/* A group's line, or the total's (for people). */
static int
sales_line(struct table *t, struct table_cell group, int64_t sales, int64_t paid,
	   int64_t all, bool total)
{
	const struct table_cell cells[] = {
		group, TABLE_INT(sales), TABLE_INT(paid),
		TABLE_INT(money_mul_div(paid, 1, sales)), TABLE_RATIO(100 * paid, all),
	};

	return table_put(t, cells, TABLE_COLS(cells), total);
}

static int
sales_rows(struct cli *cli, enum table_format fmt, enum report_by by,
	   const struct report_sales *s)
{
	const struct table_col cols[] = {
		by_cols[by],
		{"sales", N_("Sales"), .kind = COL_COUNT},
		{"paid", N_("Paid"), .kind = COL_YUAN},
		{"average_ticket", N_("Average ticket"), .kind = COL_YUAN},
		{"share", N_("Share %"), .kind = COL_RATIO},
	};
	struct table *t = cli_table_open(cli, fmt, cols);
	int rc = MD_OK;
	size_t i;

	if (!t)
		return MD_ENOMEM;
	for (i = 0; i < s->n && rc == MD_OK; i++)
		rc = sales_line(t, TABLE_STR(s->rows[i].key), s->rows[i].sales,
				s->rows[i].paid, s->paid, false);
	if (rc == MD_OK && s->n)
		rc = sales_line(t, TABLE_LITERAL(_("Total")), s->sales, s->paid,
				s->paid, true);
	return table_close(t, rc);
}

static const struct option sales_opts[] = {
	{"from", required_argument, NULL, 'F'},
	{"to", required_argument, NULL, 'T'},
	{"by", required_argument, NULL, 'b'},
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define SALES_SYNOPSIS N_("report sales [--from DATE] [--to DATE] [--by WHAT] [--format FMT]")
#define SALES_HELP N_( \
	"Sales that were not voided, walk-ins included: how many, what was\n" \
	"paid, the average ticket and each group's share of what was paid.\n" \
	"      --from DATE      the first day (default: 29 days before --to)\n" \
	"      --to DATE        the last day (default today)\n" \
	"      --by WHAT        day (default), week (named by its Sunday), month,\n" \
	"                       category or payment\n" \
	"      --format FMT     table (default), csv or tsv\n")

int
cli_report_sales(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"report sales", SALES_SYNOPSIS, SALES_HELP, "",
				   sales_opts, &fmt, NULL};
	const char *from_s = NULL, *to_s = NULL, *by_s = NULL;
	enum report_by by = REPORT_BY_DAY;
	struct report_sales s;
	struct date from, to;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		switch (c) {
		case -2: return st;
		case 'F': from_s = optarg; break;
		case 'T': to_s = optarg; break;
		case 'b': by_s = optarg; break;
		}
	}
	if (optind < argc)
		return cli_usage(o.cmd, _("unexpected argument \"%s\""), argv[optind]);
	to = clock_today(cli->md);
	if ((to_s && (rc = date_parse(cli->md, "--to", to_s, &to, false))) ||
	    (by_s && (rc = report_by_parse(cli->md, by_s, &by))))
		return cli_fail(cli, rc);
	from = date_from_days(date_to_days(to) - 29);
	if ((from_s && (rc = date_parse(cli->md, "--from", from_s, &from, false))) ||
	    (rc = cli_open(cli)))
		return cli_fail(cli, rc);
	if (!(rc = report_sales(cli->md, from, to, by, &s)))
		rc = sales_rows(cli, fmt, by, &s);
	report_sales_free(&s);
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}
