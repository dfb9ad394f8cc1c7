/* cli_report_weekly.c - "memberdesk report weekly|birthdays|sales" */
#include <config.h>

#include <errno.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_report.h"
#include "core/clock.h"
#include "core/money.h"
#include "core/outfile.h"
#include "core/payment.h"
#include "core/printer.h"
#include "core/report.h"
#include "core/text.h"
#include "i18n.h"

static int
write_weekly(struct cli *cli, FILE *fp, const struct report_weekly *w, bool csv)
{
	if ((csv ? report_weekly_csv : report_weekly_text)(fp, w) < 0)
		return md_fail(cli->md, MD_EIO, _("write error"));
	return MD_OK;
}

static int
print_weekly(struct cli *cli, const struct report_weekly *w, bool csv)
{
	FILE *tmp = tmpfile();
	size_t n;
	int rc;

	if (!tmp)
		return md_fail(cli->md, MD_EIO, _("cannot print: %s"), strerror(errno));
	if (!(rc = write_weekly(cli, tmp, w, csv)) &&
	    (rc = printer_send(cli->md, tmp, cli->out))) {
		n = strlen(cli->md->err);
		snprintf(cli->md->err + n, sizeof cli->md->err - n, "%s",
			 _("; use -o FILE to save the report"));
	}
	fclose(tmp);
	return rc;
}

/* To FILE and/or the printer, or else to standard output. */
static int
deliver(struct cli *cli, const struct report_weekly *w, bool csv,
	const char *file, bool print)
{
	struct outfile of;
	int rc;

	if (file) {
		if ((rc = outfile_open(cli->md, file, NULL, false, &of)))
			return rc;
		if ((rc = write_weekly(cli, of.fp, w, csv))) {
			outfile_abort(&of);
			return rc;
		}
		if ((rc = outfile_commit(cli->md, &of)))
			return rc;
	}
	if (print)
		return print_weekly(cli, w, csv);
	return file ? MD_OK : write_weekly(cli, cli->out, w, csv);
}

static const struct option weekly_opts[] = {
	{"week-ending", required_argument, NULL, 'e'},
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"print", no_argument, NULL, 'p'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define WEEKLY_SYNOPSIS N_("report weekly [--week-ending DATE] [--format text|csv] [-o FILE] [--print]")
#define WEEKLY_HELP N_( \
	"The weekly report for the owner: key figures against the week before,\n" \
	"RFM segments and how they moved, value types, the members to call\n" \
	"back, and the birthdays of the next week.  A4 pages of 80 columns.\n" \
	"      --week-ending DATE  the Sunday that ends the week (weeks run\n" \
	"                       Monday to Sunday; default: the last Sunday on\n" \
	"                       or before today)\n" \
	"      --format FMT     text (default) or csv\n" \
	"  -o, --output FILE    write the report to FILE instead\n" \
	"      --print          send it to the default printer (lp)\n")

int
cli_report_weekly(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"report weekly", WEEKLY_SYNOPSIS, WEEKLY_HELP,
				   "o:", weekly_opts, NULL, NULL};
	const char *week = NULL, *file = NULL;
	bool csv = false, print = false;
	struct report_weekly w;
	struct date end;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		switch (c) {
		case -2: return st;
		case 'e': week = optarg; break;
		case 'o': file = optarg; break;
		case 'p': print = true; break;
		case 'f':
			if (strcmp(optarg, "text") && strcmp(optarg, "csv"))
				return cli_usage(o.cmd, _("format \"%s\" is not one of text, csv"),
						 optarg);
			csv = !strcmp(optarg, "csv");
			break;
		}
	}
	if (optind < argc)
		return cli_usage(o.cmd, _("unexpected argument \"%s\""), argv[optind]);
	if ((rc = report_week_parse(cli->md, week, &end)) || (rc = cli_open(cli)))
		return cli_fail(cli, rc);
	if (!(rc = report_weekly(cli->md, end, &w)))
		rc = deliver(cli, &w, csv, file, print);
	report_weekly_free(&w);
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

static const struct table_col birthday_cols[] = {
	{"date", N_("Date"), false},
	{"card", N_("Card"), false},
	{"name", N_("Name"), false},
	{"phone", N_("Phone"), false},
	{"age", N_("Age"), true},
};

static int
birthday_row(void *arg, const struct report_birthday *b)
{
	char age[16] = "";
	const char *cells[] = {b->date, b->card, b->name, b->phone, age};

	if (b->age)
		snprintf(age, sizeof age, "%d", b->age);
	return table_row(arg, cells) < 0 ? MD_EIO : MD_OK;
}

static const struct option birthday_opts[] = {
	{"within", required_argument, NULL, 'w'},
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define BIRTHDAYS_SYNOPSIS N_("report birthdays [--within DAYS] [--format FMT]")
#define BIRTHDAYS_HELP N_( \
	"Active and frozen members whose birthday falls in the next DAYS days,\n" \
	"today included, by date; with the age they reach when the year of\n" \
	"birth is known.\n" \
	"      --within DAYS    1 to 366 (default 7)\n" \
	"      --format FMT     table (default), csv or tsv\n")

int
cli_report_birthdays(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"report birthdays", BIRTHDAYS_SYNOPSIS,
				   BIRTHDAYS_HELP, "", birthday_opts, &fmt, NULL};
	const char *within = NULL;
	struct table *t;
	int c, st, rc, days = 7;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (c == -2)
			return st;
		if (c == 'w')
			within = optarg;
	}
	if (optind < argc)
		return cli_usage(o.cmd, _("unexpected argument \"%s\""), argv[optind]);
	if ((within && (rc = report_days_parse(cli->md, "--within", within, &days))) ||
	    (rc = cli_open(cli)))
		return cli_fail(cli, rc);
	if (!(t = cli_table_open(cli, fmt, birthday_cols, 5)))
		return cli_fail(cli, MD_ENOMEM);
	rc = report_birthdays(cli->md, clock_today(cli->md), days, birthday_row, t);
	rc = cli_table_close(cli, t, rc);
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

/* The first column is named by what the sales are grouped by. */
static const struct table_col by_cols[] = {
	[REPORT_BY_DAY] = {"day", N_("Day"), false},
	[REPORT_BY_WEEK] = {"week", N_("Week ending"), false},
	[REPORT_BY_MONTH] = {"month", N_("Month"), false},
	[REPORT_BY_CATEGORY] = {"category", N_("Category"), false},
	[REPORT_BY_PAYMENT] = {"payment", N_("Payment"), false},
};

static int
sales_line(struct table *t, bool text, const char *key, int64_t sales,
	   int64_t paid, int64_t all)
{
	char n[32], p[40], a[40], s[32] = "";
	const char *cells[] = {key, n, p, a, s};

	snprintf(n, sizeof n, "%lld", (long long)sales);
	(text ? money_format_human : money_format)(paid, p);
	(text ? money_format_human : money_format)(money_mul_div(paid, 1, sales), a);
	if (all)
		text_format_ratio(100 * paid, all, s);
	return table_row(t, cells) < 0 ? MD_EIO : MD_OK;
}

static int
sales_rows(struct cli *cli, enum table_format fmt, enum report_by by,
	   const struct report_sales *s)
{
	struct table_col cols[] = {
		by_cols[by],
		{"sales", N_("Sales"), true},
		{"paid", N_("Paid"), true},
		{"average_ticket", N_("Average ticket"), true},
		{"share", N_("Share %"), true},
	};
	bool text = fmt == TABLE_TEXT;
	struct table *t = cli_table_open(cli, fmt, cols, 5);
	int rc = MD_OK;
	size_t i;

	if (!t)
		return MD_ENOMEM;
	for (i = 0; i < s->n && rc == MD_OK; i++) {
		const char *key = s->rows[i].key;

		if (text && by == REPORT_BY_PAYMENT)
			key = payment_label(key);
		else if (text && !*key)
			key = _("(none)");
		rc = sales_line(t, text, key, s->rows[i].sales, s->rows[i].paid, s->paid);
	}
	if (text && rc == MD_OK && s->n)
		rc = sales_line(t, text, _("Total"), s->sales, s->paid, s->paid);
	return cli_table_close(cli, t, rc);
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
