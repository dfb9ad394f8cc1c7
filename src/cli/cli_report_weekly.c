/* cli_report_weekly.c - "memberdesk report weekly": text, csv or PDF, to a
 * file or the printer */
#include <config.h>

#include <errno.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cli_report.h"
#include "core/outfile.h"
#include "core/printer.h"
#include "core/report.h"
#include "i18n.h"

enum weekly_format { WEEKLY_TEXT, WEEKLY_CSV, WEEKLY_PDF };

static const char *const weekly_formats[] = {"text", "csv", "pdf"};

static int
write_weekly(struct cli *cli, FILE *fp, const struct report_weekly *w,
	     enum weekly_format fmt)
{
	if (fmt == WEEKLY_PDF)
		return report_weekly_pdf(cli->md, fp, w);
	if ((fmt == WEEKLY_CSV ? report_weekly_csv(fp, w) :
	     report_weekly_text(cli->md, fp, w)) < 0)
		return md_fail(cli->md, MD_EIO, _("write error"));
	return MD_OK;
}

/* The PDF, whatever --format says: a printer is paper. */
static int
print_weekly(struct cli *cli, const struct report_weekly *w)
{
	char queue[SETTING_MAX];
	FILE *tmp;
	size_t n;
	int rc;

	if ((rc = settings_get(cli->md, "report_printer", queue)))
		return rc;
	if (!(tmp = tmpfile()))
		return md_fail(cli->md, MD_EIO, _("cannot print: %s"), strerror(errno));
	if (!(rc = write_weekly(cli, tmp, w, WEEKLY_PDF)) &&
	    (rc = printer_send_to(cli->md, tmp, queue, cli->out))) {
		n = strlen(cli->md->err);
		snprintf(cli->md->err + n, sizeof cli->md->err - n, "%s",
			 _("; use -o FILE to save the report"));
	}
	fclose(tmp);
	return rc;
}

/* To FILE and/or the printer, or else to standard output. */
static int
deliver(struct cli *cli, const struct report_weekly *w, enum weekly_format fmt,
	const char *file, bool print)
{
	struct outfile of;
	int rc;

	if (file) {
		if ((rc = outfile_open(cli->md, file, NULL, false, &of)))
			return rc;
		if ((rc = write_weekly(cli, of.fp, w, fmt))) {
			outfile_abort(&of);
			return rc;
		}
		if ((rc = outfile_commit(cli->md, &of)))
			return rc;
	}
	if (print)
		return print_weekly(cli, w);
	return file ? MD_OK : write_weekly(cli, cli->out, w, fmt);
}

static const struct option weekly_opts[] = {
	{"week-ending", required_argument, NULL, 'e'},
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"print", no_argument, NULL, 'p'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define WEEKLY_SYNOPSIS N_("report weekly [--week-ending DATE] [--format text|csv|pdf] [-o FILE] [--print]")
#define WEEKLY_HELP N_( \
	"The weekly report for the owner: key figures against the week before,\n" \
	"RFM segments and how they moved, value types, the members to call\n" \
	"back, and the birthdays of the next week: as text, A4 pages of 80\n" \
	"columns; as a PDF, A4 pages with charts.\n" \
	"      --week-ending DATE  the Sunday that ends the week (weeks run\n" \
	"                       Monday to Sunday; default: the last Sunday on\n" \
	"                       or before today)\n" \
	"      --format FMT     text (default), csv or pdf\n" \
	"  -o, --output FILE    write the report to FILE instead (in FMT)\n" \
	"      --print          send the PDF to the printer (lp): the queue in\n" \
	"                       the setting report_printer, else the default\n")

int
cli_report_weekly(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"report weekly", WEEKLY_SYNOPSIS, WEEKLY_HELP,
				   "o:", weekly_opts, NULL, NULL};
	const char *week = NULL, *file = NULL;
	enum weekly_format fmt = WEEKLY_TEXT;
	bool print = false;
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
			for (fmt = 0; fmt < 3 && strcmp(optarg, weekly_formats[fmt]); fmt++)
				;
			if (fmt == 3)
				return cli_usage(o.cmd, _("format \"%s\" is not one of text, csv, pdf"),
						 optarg);
			break;
		}
	}
	if (optind < argc)
		return cli_usage(o.cmd, _("unexpected argument \"%s\""), argv[optind]);
	if ((rc = report_week_parse(cli->md, week, &end)) || (rc = cli_open(cli)))
		return cli_fail(cli, rc);
	if (!(rc = report_weekly(cli->md, end, &w)))
		rc = deliver(cli, &w, fmt, file, print);
	report_weekly_free(&w);
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}
