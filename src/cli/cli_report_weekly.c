/* cli_report_weekly.c - "memberdesk report weekly": to a file or the printer */
#include <config.h>

#include <errno.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_report.h"
#include "core/outfile.h"
#include "core/printer.h"
#include "core/report.h"
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
