/* cli.c - what every command shares: errors, help, options, dispatch */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cli/cli.h"
#include "core/backup.h"
#include "core/db.h"
#include "core/maint.h"
#include "core/operator.h"
#include "core/outfile.h"
#include "core/rfm.h"
#include "i18n.h"

int
cli_fail(struct cli *cli, int rc)
{
	(void)rc;
	fflush(stdout);
	fprintf(stderr, "%s: %s\n", PACKAGE, cli->md->err);
	return EXIT_REJECTED;
}

int
cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", PACKAGE);
	if (cmd && *cmd)
		fprintf(stderr, "%s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (cmd && *cmd)
		fprintf(stderr, _("Try '%s %s --help' for more information.\n"),
			PACKAGE, cmd);
	else
		fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
	return EXIT_USAGE;
}

int
cli_member_table(struct cli *cli, const struct cli_member_table *m, int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {m->cmd, m->synopsis, m->help, "", opts, &fmt, NULL};
	struct table *t;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (argc - optind != 1)
		return cli_usage(m->cmd, _("give one card or phone number"));
	if ((rc = cli_open(cli)))
		return cli_fail(cli, rc);
	if (!(t = table_open(cli->md, cli->out, fmt, m->cols, m->ncols)))
		return cli_fail(cli, MD_ENOMEM);
	rc = table_close(t, m->rows(cli->md, argv[optind], t));
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

int
cli_output_begin(struct cli *cli, const char *file, struct outfile *of)
{
	int rc;

	if (!file)
		return MD_OK;
	if ((rc = outfile_open(cli->md, file, NULL, false, of)))
		return rc;
	cli->out = of->fp;
	return MD_OK;
}

int
cli_output_end(struct cli *cli, const char *file, struct outfile *of, int rc)
{
	if (!file)
		return rc;
	cli->out = stdout;
	if (rc) {
		outfile_abort(of);
		return rc;
	}
	return outfile_commit(cli->md, of);
}

void
cli_show_notice(struct cli *cli)
{
	char *line, *next;

	if (cli->tui)
		return;
	for (line = cli->md->notice; *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else
			next = line + strlen(line);
		fprintf(stderr, "%s: %s\n", PACKAGE, line);
	}
	cli->md->notice[0] = '\0';
}

/* A write waiting behind another memberdesk: say so once, at once when
 * the holder is long work (an import), after 3 s for anything else. */
static bool
waiting(void *arg, int waited_ms, const char *holder)
{
	struct cli *cli = arg;

	if (cli->told_wait || (!holder && waited_ms < 3000))
		return true;
	if (holder)
		fprintf(stderr, _("%s: waiting for %s to finish; this goes on by itself then (Ctrl-C gives up)\n"),
			PACKAGE, holder);
	else
		fprintf(stderr, _("%s: waiting for another memberdesk to finish writing\n"),
			PACKAGE);
	cli->told_wait = true;
	return true;
}

/* In a shop with operators, who is there: --operator or
 * $MEMBERDESK_OPERATOR, and their PIN. */
static int
sign_in(struct cli *cli)
{
	const char *name = cli->operator_name;
	char pin[64], prompt[160];
	int64_t n;
	int rc;

	if ((rc = operator_count(cli->md, &n)) || !n)
		return rc;
	if (!name || !*name)
		name = getenv("MEMBERDESK_OPERATOR");
	if (!name || !*name)
		return md_fail(cli->md, MD_EPERM, _("this shop has operators: say who you are with --operator NAME (or MEMBERDESK_OPERATOR)"));
	snprintf(prompt, sizeof prompt, _("PIN for %s: "), name);
	if ((rc = cli_read_pin(cli, "MEMBERDESK_PIN", prompt, pin, sizeof pin)))
		return rc;
	rc = operator_login(cli->md, name, pin);
	sodium_memzero(pin, sizeof pin);
	return rc;
}

int
cli_open_only(struct cli *cli)
{
	char *path = NULL;
	int rc;

	if (cli->md->db)
		return MD_OK;
	if (cli->db_path) {
		rc = db_open(cli->md, cli->db_path, false);
	} else {
		if (!(path = db_default_path(cli->md)))
			return MD_EINVAL;
		rc = db_open(cli->md, path, true);
		free(path);
	}
	if (rc == MD_OK && !cli->tui)
		db_on_wait(cli->md, waiting, cli);
	if (rc == MD_OK)
		cli_show_notice(cli);
	if (rc == MD_OK && !cli->no_login)
		rc = sign_in(cli);
	return rc;
}

int
cli_open(struct cli *cli)
{
	bool opened = cli->md->db != NULL;
	int rc = cli_open_only(cli);

	if (rc)
		return rc;
	/* The day's time-based rules come before anything reads a balance;
	 * a database open for reading only gets none, and says so. */
	if (cli->md->readonly) {
		if (!cli->tui && !opened)
			fprintf(stderr, _("%s: note: %s is open for reading only, because %s: the daily rules (points expiry, birthday points, tier review) were not applied\n"),
				PACKAGE, cli->md->path, cli->md->readonly_why);
		return MD_OK;
	}
	if ((rc = maint_ensure(cli->md)))
		return rc;
	cli->maintained = true;
	return MD_OK;
}

void
cli_weekly_snapshot(struct cli *cli)
{
	if (!cli->md->db || !cli->maintained)
		return;
	if (rfm_week_ensure(cli->md, NULL) != MD_OK)
		fprintf(stderr, _("%s: the weekly RFM snapshot failed: %s\n"), PACKAGE,
			cli->md->err);
}

void
cli_daily_backup(struct cli *cli)
{
	struct backup_result res;
	bool done;

	if (!cli->md->db || cli->no_daily_backup)
		return;
	if (backup_daily(cli->md, &done, &res) != MD_OK)
		fprintf(stderr, _("%s: the daily backup failed: %s\n"), PACKAGE,
			cli->md->err);
}

static void
help(const struct cli_opts *o)
{
	printf(_("Usage: %s %s\n"), PACKAGE, _(o->synopsis));
	if (o->help && *o->help)
		printf("%s", _(o->help));
	printf(_("  -h, --help           show this help and exit\n"));
}

int
cli_next_option(struct cli *cli, const struct cli_opts *o, int argc,
		char **argv, int *exit_status)
{
	char opts[64];
	int c;

	if (cli->restart_getopt) {
		optind = 0;	/* glibc: 0 restarts getopt on a new argv */
		cli->restart_getopt = false;
	}
	/* No '+': options may follow operands, as people type them
	 * ("member show 100009 --format csv").  The leading ':' makes a
	 * missing value come back as ':' so that we word the message. */
	snprintf(opts, sizeof opts, ":%sh", o->shortopts ? o->shortopts : "");
	opterr = 0;
	for (;;) {
		c = getopt_long(argc, argv, opts, o->longopts, NULL);
		if (c == 'f' && o->format) {
			if (table_format_parse(cli->md, optarg, o->format) == MD_OK)
				continue;
			*exit_status = cli_usage(o->cmd, "%s", cli->md->err);
			return -2;
		}
		if (c == 'l' && o->limit) {
			if (cli_count(o->cmd, "--limit", optarg, o->limit))
				continue;
			*exit_status = EXIT_USAGE;
			return -2;
		}
		break;
	}
	switch (c) {
	case 'h':
		help(o);
		*exit_status = EXIT_OK;
		return -2;
	case '?':
		if (optopt)
			*exit_status = cli_usage(o->cmd, _("unknown option -%c"), optopt);
		else
			*exit_status = cli_usage(o->cmd, _("unknown option %s"),
						 argv[optind - 1]);
		return -2;
	case ':':
		*exit_status = cli_usage(o->cmd, _("option %s needs a value"),
					 argv[optind - 1]);
		return -2;
	}
	return c;
}

bool
cli_count(const char *cmd, const char *opt, const char *arg, int *n)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (!*arg || *end || v < 1 || v > 1000000) {
		cli_usage(cmd, _("%s needs a whole number from 1 to 1000000, not \"%s\""),
			  opt, arg);
		return false;
	}
	*n = (int)v;
	return true;
}

static void
list_commands(const char *group, const struct cli_command *cmds)
{
	const struct cli_command *c;
	int w = 0;

	printf(_("Usage: %s %s COMMAND [OPTION]... [ARG]...\n"), PACKAGE, group);
	printf(_("Commands:\n"));
	for (c = cmds; c->name; c++)
		if ((int)strlen(c->name) > w)
			w = strlen(c->name);
	for (c = cmds; c->name; c++)
		printf("  %-*s  %s\n", w, c->name, _(c->summary));
	printf(_("Run '%s %s COMMAND --help' for the options of a command.\n"),
	       PACKAGE, group);
}

int
cli_dispatch(struct cli *cli, const char *group, const struct cli_command *cmds,
	     int argc, char **argv)
{
	const struct cli_command *c;

	if (argc < 2)
		return cli_usage(group, _("which command? (%s %s --help lists them)"),
				 PACKAGE, group);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		list_commands(group, cmds);
		return EXIT_OK;
	}
	for (c = cmds; c->name; c++) {
		if (!strcmp(c->name, argv[1])) {
			cli->restart_getopt = true;
			return c->run(cli, argc - 1, argv + 1);
		}
	}
	return cli_usage(group, _("unknown command \"%s\""), argv[1]);
}
