/* cli_settings.c - "memberdesk settings show|set" */
#include <config.h>

#include <string.h>

#include "cli/cli.h"
#include "core/settings.h"
#include "i18n.h"

static const struct table_col settings_cols[] = {
	{"key", N_("Setting"), .kind = COL_TEXT},
	{"value", N_("Value"), .kind = COL_TEXT},
	{"default", N_("Default"), .kind = COL_TEXT},
	{"description", N_("Description"), .kind = COL_TEXT, .only = TABLE_PEOPLE},
};

static int
setting_row(struct cli *cli, struct table *t, const struct setting_def *def)
{
	char value[SETTING_MAX];
	const struct table_cell cells[] = {
		TABLE_STR(def->key), TABLE_STR(value), TABLE_STR(def->def),
		TABLE_STR(_(def->help)),
	};
	int rc = settings_get(cli->md, def->key, value);

	return rc ? rc : table_row(t, cells);
}

static const struct option show_opts[] = {
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define SHOW_SYNOPSIS N_("settings show [KEY] [--format FMT]")
#define SHOW_HELP N_( \
	"Show the settings (or one of them) with their defaults.\n" \
	"      --format FMT     table (default), csv or tsv\n")

static int
settings_show_cmd(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct setting_def *defs;
	struct table *t;
	size_t n, i;
	int c, st, rc = MD_OK;

	const struct cli_opts o = {"settings show", SHOW_SYNOPSIS, SHOW_HELP, "",
				   show_opts, &fmt, NULL};

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (argc - optind > 1)
		return cli_usage("settings show", _("give at most one setting"));
	if (optind < argc && (!settings_find(argv[optind]) ||
			      settings_find(argv[optind])->hidden))
		return cli_usage("settings show", _("unknown setting \"%s\""),
				 argv[optind]);
	if ((rc = cli_open(cli)))
		return cli_fail(cli, rc);
	defs = settings_defs(&n);
	if (!(t = cli_table_open(cli, fmt, settings_cols)))
		return cli_fail(cli, MD_ENOMEM);
	for (i = 0; i < n && rc == MD_OK; i++)
		if (!defs[i].hidden &&
		    (optind == argc || !strcmp(defs[i].key, argv[optind])))
			rc = setting_row(cli, t, &defs[i]);
	rc = table_close(t, rc);
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

static const struct option set_opts[] = {
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define SET_SYNOPSIS N_("settings set KEY VALUE")
#define SET_HELP N_("Change a setting (\"settings show\" lists them).\n")

static int
settings_set_cmd(struct cli *cli, int argc, char **argv)
{
	int c, st, rc;

	static const struct cli_opts o = {"settings set", SET_SYNOPSIS, SET_HELP, "",
					  set_opts, NULL, NULL};

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (argc - optind != 2)
		return cli_usage("settings set", _("give a setting and its value"));
	if ((rc = cli_open(cli)) ||
	    (rc = settings_set(cli->md, argv[optind], argv[optind + 1])))
		return cli_fail(cli, rc);
	return EXIT_OK;
}

static const struct cli_command settings_cmds[] = {
	{"show", settings_show_cmd, SHOW_SYNOPSIS, N_("show the settings")},
	{"set", settings_set_cmd, SET_SYNOPSIS, N_("change a setting")},
	{NULL, NULL, NULL, NULL},
};

int
cli_settings(struct cli *cli, int argc, char **argv)
{
	if (argc == 1)	/* "settings" alone shows them */
		return settings_show_cmd(cli, argc, argv);
	return cli_dispatch(cli, "settings", settings_cmds, argc, argv);
}
