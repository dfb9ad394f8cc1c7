/* cli_coupon_slip.c - "memberdesk coupon slip": a coupon on the receipt printer */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_coupon.h"
#include "core/printer.h"
#include "core/receipt.h"
#include "core/settings.h"
#include "i18n.h"

struct slip {
	struct md *md;
	const struct coupon *k;
	const char *shop;
	int width;
};

static int
write_slip(FILE *fp, const void *arg)
{
	const struct slip *s = arg;

	return receipt_coupon_slip(s->md, fp, s->k, s->shop, s->width);
}

int
cli_coupon_print_slip(struct cli *cli, const struct coupon *k, int width, bool print)
{
	char shop[SETTING_MAX], shown[COUPON_SHOWN_MAX];
	struct slip s = {cli->md, k, shop, width};
	size_t n;
	int rc;

	if ((rc = settings_get(cli->md, "shop_name", shop)))
		return cli_fail(cli, rc);
	if (!print) {
		if (write_slip(cli->out, &s) < 0)
			return cli_fail(cli, md_fail(cli->md, MD_EIO, _("write error")));
		return EXIT_OK;
	}
	if ((rc = printer_print(cli->md, write_slip, &s, cli->out))) {
		coupon_code_show(k->code, shown);
		n = strlen(cli->md->err);
		snprintf(cli->md->err + n, sizeof cli->md->err - n,
			 _("; the coupon stands: print it later with coupon slip %s --print"), shown);
		return cli_fail(cli, rc);
	}
	return EXIT_OK;
}

static const struct option slip_opts[] = {
	{"print", no_argument, NULL, 'p'},
	{"width", required_argument, NULL, 'w'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define SLIP_SYNOPSIS N_("coupon slip CODE [--print] [--width 32|48]")

int
cli_coupon_slip(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"coupon slip", SLIP_SYNOPSIS,
				   N_("A coupon as a slip for the customer: its offer, code and days of\n"
				      "use, for the receipt printer.\n"
				      "      --print          send it to the default printer (lp)\n"
				      "      --width N        32 (default, 58 mm paper) or 48 columns (80 mm)\n"),
				   "", slip_opts, NULL, NULL};
	struct coupon k;
	bool print = false;
	int c, st, rc, width = 32;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (c == -2)
			return st;
		if (c == 'p')
			print = true;
		if (c == 'w' && !cli_slip_width("coupon slip", optarg, &width))
			return EXIT_USAGE;
	}
	if (argc - optind != 1)
		return cli_usage("coupon slip", _("give the coupon's code"));
	if ((rc = cli_open(cli)) || (rc = coupon_get(cli->md, argv[optind], &k)))
		return cli_fail(cli, rc);
	return cli_coupon_print_slip(cli, &k, width, print);
}

bool
cli_slip_width(const char *cmd, const char *arg, int *width)
{
	if (!strcmp(arg, "32") || !strcmp(arg, "48")) {
		*width = atoi(arg);
		return true;
	}
	cli_usage(cmd, _("--width must be 32 or 48, not \"%s\""), arg);
	return false;
}
