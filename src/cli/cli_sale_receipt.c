/* cli_sale_receipt.c - "memberdesk sale receipt": a receipt as text, PDF
 * or ESC/POS, to the screen, a file or the receipt printer */
#include <config.h>

#include <string.h>

#include "cli/cli_sale.h"
#include "core/outfile.h"
#include "core/receipt.h"
#include "i18n.h"

/* The hint after a failed print: how to print it again. */
static int
print_failed(struct cli *cli, const struct sale *s, int rc)
{
	size_t n = strlen(cli->md->err);

	snprintf(cli->md->err + n, sizeof cli->md->err - n,
		 _("; the sale stands: print it later with sale receipt %lld --print"),
		 (long long)s->id);
	return rc;
}

int
cli_sale_autoprint(struct cli *cli, const struct sale *s, int width)
{
	struct receipt_job j;
	bool on;
	int rc;

	if ((rc = settings_get_bool(cli->md, "receipt_autoprint", &on)) || !on)
		return rc;
	if ((rc = receipt_job(cli->md, s, width, &j)))
		return rc;
	fflush(cli->out);
	if ((rc = receipt_print(cli->md, s, &j, stderr)))
		return print_failed(cli, s, rc);
	return MD_OK;
}

/* FILE in format F, or standard output. */
static int
to_file(struct cli *cli, const struct sale *s, const struct receipt_job *j,
	enum receipt_format f, const char *file)
{
	struct outfile of;
	int rc;

	if (!file)
		return receipt_render(cli->md, cli->out, s, j, f);
	if ((rc = outfile_open(cli->md, file, NULL, false, &of)))
		return rc;
	if ((rc = receipt_render(cli->md, of.fp, s, j, f))) {
		outfile_abort(&of);
		return rc;
	}
	return outfile_commit(cli->md, &of);
}

static const struct option receipt_opts[] = {
	{"width", required_argument, NULL, 'w'},
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"print", no_argument, NULL, 'p'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define RECEIPT_SYNOPSIS N_("sale receipt SALE [--width 32|48] [--format text|pdf|escpos] [-o FILE] [--print]")
#define RECEIPT_HELP N_( \
	"A sale's receipt for a thermal printer, with the member's points and\n" \
	"stored value as they are now.  Once it was printed, it says it is a\n" \
	"copy.\n" \
	"      --width N        32 (58 mm paper, the default) or 48 (80 mm)\n" \
	"      --format FMT     text (default), pdf (at the paper's width) or\n" \
	"                       escpos (the printer's own bytes)\n" \
	"  -o, --output FILE    write it to FILE instead (in FMT)\n" \
	"      --print          send it to the receipt printer: as the setting\n" \
	"                       receipt_mode says, on the queue receipt_printer\n")

int
cli_sale_receipt(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"sale receipt", RECEIPT_SYNOPSIS, RECEIPT_HELP, "o:",
				   receipt_opts, NULL, NULL};
	const char *file = NULL, *format = NULL;
	enum receipt_format f = RECEIPT_TEXT;
	int c, st, rc, width = 32;
	struct receipt_job j;
	bool print = false;
	struct sale s;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		switch (c) {
		case -2: return st;
		case 'o': file = optarg; break;
		case 'p': print = true; break;
		case 'f': format = optarg; break;
		case 'w':
			if (!cli_sale_width(o.cmd, optarg, &width))
				return EXIT_USAGE;
			break;
		}
	}
	if (argc - optind != 1)
		return cli_usage(o.cmd, _("give one sale number"));
	if (format && receipt_format_parse(cli->md, "--format", format, &f))
		return cli_usage(o.cmd, "%s", cli->md->err);
	if ((rc = cli_open(cli)) || (rc = sale_get(cli->md, argv[optind], &s)) ||
	    (rc = receipt_job(cli->md, &s, width, &j)))
		return cli_fail(cli, rc);
	if ((file || !print) && (rc = to_file(cli, &s, &j, f, file)))
		return cli_fail(cli, rc);
	if (print && (rc = receipt_print(cli->md, &s, &j, cli->out)))
		return cli_fail(cli, print_failed(cli, &s, rc));
	return EXIT_OK;
}
