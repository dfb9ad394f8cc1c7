/* cli_report_birthdays.c - "memberdesk report birthdays": who to greet */
#include <config.h>

#include "cli/cli.h"
#include "cli/cli_report.h"
#include "core/clock.h"
#include "core/outfile.h"
#include "core/report.h"
#include "i18n.h"

static const struct table_col birthday_cols[] = {
	{"date", N_("Date"), .kind = COL_TEXT},
	{"card", N_("Card"), .kind = COL_TEXT},
	{"name", N_("Name"), .kind = COL_TEXT},
	{"phone", N_("Phone"), .kind = COL_TEXT},
	{"age", N_("Age"), .kind = COL_COUNT},
};

static int
birthday_row(void *arg, const struct report_birthday *b)
{
	const struct table_cell cells[] = {
		TABLE_STR(b->date), TABLE_STR(b->card), TABLE_STR(b->name),
		TABLE_STR(b->phone), b->age ? TABLE_INT(b->age) : TABLE_BLANK,
	};

	return table_row(arg, cells);
}

static const struct option birthday_opts[] = {
	{"within", required_argument, NULL, 'w'},
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define BIRTHDAYS_SYNOPSIS N_("report birthdays [--within DAYS] [--format FMT] [-o FILE]")
#define BIRTHDAYS_HELP N_( \
	"Active and frozen members whose birthday falls in the next DAYS days,\n" \
	"today included, by date; with the age they reach when the year of\n" \
	"birth is known.\n" \
	"      --within DAYS    1 to 366 (default 7)\n" \
	"      --format FMT     table (default), csv, tsv or pdf (A4)\n" \
	"  -o, --output FILE    write there (default: standard output)\n")

int
cli_report_birthdays(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"report birthdays", BIRTHDAYS_SYNOPSIS,
				   BIRTHDAYS_HELP, "o:", birthday_opts, &fmt, NULL};
	const char *within = NULL, *file = NULL;
	struct outfile of;
	struct table *t;
	int c, st, rc, days = 7;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (c == -2)
			return st;
		if (c == 'w')
			within = optarg;
		if (c == 'o')
			file = optarg;
	}
	if (optind < argc)
		return cli_usage(o.cmd, _("unexpected argument \"%s\""), argv[optind]);
	if ((within && (rc = report_days_parse(cli->md, "--within", within, &days))) ||
	    (rc = cli_open(cli)) || (rc = cli_output_begin(cli, file, &of)))
		return cli_fail(cli, rc);
	if ((t = cli_table_open(cli, fmt, birthday_cols))) {
		table_set_title(t, _("Birthdays coming"));
		rc = report_birthdays(cli->md, clock_today(cli->md), days, birthday_row, t);
		rc = table_close(t, rc);
	} else {
		rc = MD_ENOMEM;
	}
	rc = cli_output_end(cli, file, &of, rc);
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}
