/* cli_export.c - "memberdesk export": CSV in the import's own columns, and coupons */
#include <config.h>

#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "core/export.h"
#include "core/outfile.h"
#include "i18n.h"

static const struct option export_opts[] = {
	{"output", required_argument, NULL, 'o'},
	{"encoding", required_argument, NULL, 'e'},
	{"bom", no_argument, NULL, 'b'},
	{"from", required_argument, NULL, 'F'},
	{"to", required_argument, NULL, 'T'},
	{"headers", required_argument, NULL, 'H'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define EXPORT_SYNOPSIS N_("export members|sales|points|wallet|coupons [-o FILE] [OPTION]...")
#define EXPORT_HELP N_( \
	"Write CSV in the import's own columns, so that an export imports back\n" \
	"unchanged.  Money with two decimals and no currency sign, dates ISO\n" \
	"8601.  Files are created private (mode 0600: they hold phone numbers)\n" \
	"and appear only when completely written.\n" \
	"  -o, --output FILE    write there (default: standard output)\n" \
	"  -e, --encoding ENC   utf-8 (default) or gb18030 (for old Excel)\n" \
	"      --bom            start with a byte order mark: Excel then reads\n" \
	"                       UTF-8 correctly\n" \
	"      --from DATE      members who joined, sales made or coupons issued on\n" \
	"                       or after\n" \
	"      --to DATE        ... on or before DATE\n" \
	"      --headers zh|en  Chinese headers (卡号, 姓名, ...) or the keys\n" \
	"Columns: members: card name phone gender birthday tier points balance\n" \
	"bonus joined referrer tags note status; sales: ticket sold_at card\n" \
	"amount category promo payment; points (one row per batch of points with\n" \
	"its expiry): card points expires; wallet: card balance bonus; coupons\n" \
	"(not for import): code campaign card status issued_at expires sale kind\n" \
	"value.\n")

int
cli_export(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"export", EXPORT_SYNOPSIS, EXPORT_HELP,
				   "o:e:", export_opts, NULL, NULL};
	struct export_opts eo = { .kind = EXPORT_MEMBERS };
	const char *path = NULL, *encoding = NULL;
	struct outfile of;
	bool bom = false;
	int64_t rows;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		switch (c) {
		case -2: return st;
		case 'o': path = optarg; break;
		case 'e': encoding = optarg; break;
		case 'b': bom = true; break;
		case 'F': eo.from = optarg; break;
		case 'T': eo.to = optarg; break;
		case 'H':
			if (strcmp(optarg, "zh") && strcmp(optarg, "en"))
				return cli_usage("export", _("--headers is zh or en"));
			eo.zh = !strcmp(optarg, "zh");
			break;
		}
	}
	if (argc - optind != 1)
		return cli_usage("export",
				 _("give what to export: members, sales, points, wallet or coupons"));
	if (!export_kind_parse(argv[optind], &eo.kind))
		return cli_usage("export",
				 _("cannot export \"%s\": members, sales, points, wallet or coupons"),
				 argv[optind]);
	if (!outfile_encoding_ok(encoding))
		return cli_usage("export", _("unknown encoding \"%s\" (utf-8 or gb18030)"), encoding);
	if (bom && encoding && strcasecmp(encoding, "utf-8") && strcasecmp(encoding, "utf8"))
		return cli_usage("export", _("--bom goes with UTF-8 only"));
	if ((rc = cli_open(cli)) || (rc = outfile_open(cli->md, path, encoding, bom, &of)))
		return cli_fail(cli, rc);
	eo.dest = path && strcmp(path, "-") ? path : NULL;
	if ((rc = export_run(cli->md, &eo, of.fp, &rows))) {
		outfile_abort(&of);
		return cli_fail(cli, rc);
	}
	if ((rc = outfile_commit(cli->md, &of)))
		return cli_fail(cli, rc);
	if (path && strcmp(path, "-"))
		fprintf(stderr, P_("%s: %lld row written to %s\n", "%s: %lld rows written to %s\n", rows),
			PACKAGE, (long long)rows, path);
	return EXIT_OK;
}
