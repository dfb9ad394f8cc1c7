/* cli_operator.c - "memberdesk operator add|list|passwd|role|disable|enable" */
#include <config.h>

#include <string.h>

#include <sodium.h>

#include "cli/cli.h"
#include "core/operator.h"
#include "i18n.h"

/* The new PIN: $MEMBERDESK_NEW_PIN, or asked twice on the terminal. */
static int
new_pin(struct cli *cli, const char *name, char pin[64])
{
	char prompt[160], again[64];
	int rc;

	if (getenv("MEMBERDESK_NEW_PIN"))
		return cli_read_pin(cli, "MEMBERDESK_NEW_PIN", "", pin, 64);
	snprintf(prompt, sizeof prompt, _("New PIN for %s (4 to 8 digits): "), name);
	if ((rc = cli_read_pin(cli, "MEMBERDESK_NEW_PIN", prompt, pin, 64)) ||
	    (rc = operator_check_pin(cli->md, pin)))
		return rc;
	if ((rc = cli_read_pin(cli, "MEMBERDESK_NEW_PIN", _("The same PIN again: "), again,
			       sizeof again)))
		return rc;
	if (strcmp(pin, again))
		rc = md_fail(cli->md, MD_EINVAL, _("the two PINs differ: nothing was changed"));
	sodium_memzero(again, sizeof again);
	return rc;
}

static bool
parse_role(const char *cmd, const char *s, enum operator_role *r)
{
	if (role_parse(s, r))
		return true;
	cli_usage(cmd, _("--role is owner or staff, not \"%s\""), s);
	return false;
}

static const struct option add_opts[] = {
	{"role", required_argument, NULL, 'r'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define ADD_SYNOPSIS N_("operator add NAME --role owner|staff")
#define ADD_HELP N_( \
	"Add an operator.  The PIN (4 to 8 digits) is asked twice on the\n" \
	"terminal, or read from MEMBERDESK_NEW_PIN.  The first operator is an\n" \
	"owner; from then on every command says who is there (--operator).\n" \
	"      --role ROLE      owner (everything) or staff (the counter)\n")

static int
add_cmd(struct cli *cli, int argc, char **argv)
{
	enum operator_role role = OPERATOR_NOBODY;
	char pin[64] = "";
	int c, st, rc;

	static const struct cli_opts o = {"operator add", ADD_SYNOPSIS, ADD_HELP, "",
					  add_opts, NULL, NULL};

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (c == -2)
			return st;
		if (c == 'r' && !parse_role("operator add", optarg, &role))
			return EXIT_USAGE;
	}
	if (argc - optind != 1)
		return cli_usage("operator add", _("give the operator's name"));
	if (role == OPERATOR_NOBODY)
		return cli_usage("operator add", _("--role is required (owner or staff)"));
	if ((rc = cli_open(cli)) || (rc = operator_may(cli->md, ACTION_OPERATOR_ADD)) ||
	    (rc = new_pin(cli, argv[optind], pin)) ||
	    (rc = operator_add(cli->md, argv[optind], role, pin))) {
		sodium_memzero(pin, sizeof pin);
		return cli_fail(cli, rc);
	}
	sodium_memzero(pin, sizeof pin);
	fprintf(cli->out, _("Operator %s added (%s)\n"), argv[optind], role_label(role));
	return EXIT_OK;
}

static const struct table_col operator_cols[] = {
	{"name", N_("Operator"), .kind = COL_TEXT},
	{"role", N_("Role"), .kind = COL_TEXT},
	{"active", N_("Active"), .kind = COL_TEXT},
	{"locked_until", N_("Locked until"), .kind = COL_TEXT},
	{"created_at", N_("Added"), .kind = COL_TEXT},
};

struct rows {
	struct table *t;
	bool people;		/* words for people, or keys for scripts */
};

static int
operator_row(void *arg, const struct operator *op)
{
	const struct rows *r = arg;
	bool people = r->people;
	const struct table_cell cells[] = {
		TABLE_STR(op->name),
		TABLE_STR(people ? role_label(op->role) : role_key(op->role)),
		TABLE_STR(op->active ? (people ? _("yes") : "yes") : (people ? _("no") : "no")),
		TABLE_STR(op->locked_until), TABLE_STR(op->created_at),
	};

	return table_row(r->t, cells);
}

static const struct option list_opts[] = {
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define LIST_SYNOPSIS N_("operator list [--format FMT]")
#define LIST_HELP N_( \
	"List the operators: role, whether they may sign in, a lock after\n" \
	"wrong PINs.  Never the PINs, which are kept only as slow hashes.\n" \
	"      --format FMT     table (default), csv or tsv\n")

static int
list_cmd(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	struct rows r;
	int c, st, rc;

	const struct cli_opts o = {"operator list", LIST_SYNOPSIS, LIST_HELP, "",
				   list_opts, &fmt, NULL};

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (optind < argc)
		return cli_usage("operator list", _("unexpected argument \"%s\""), argv[optind]);
	if ((rc = cli_open(cli)) || (rc = operator_may(cli->md, ACTION_OPERATOR_ADD)))
		return cli_fail(cli, rc);
	r.people = fmt == TABLE_TEXT;
	if (!(r.t = cli_table_open(cli, fmt, operator_cols)))
		return cli_fail(cli, MD_ENOMEM);
	rc = table_close(r.t, operator_list(cli->md, operator_row, &r));
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

static const struct option passwd_opts[] = {
	{"recover", no_argument, NULL, 'R'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define PASSWD_SYNOPSIS N_("operator passwd NAME [--recover]")
#define PASSWD_HELP N_( \
	"Set NAME's PIN: one's own, or anyone's as an owner.  The new PIN is\n" \
	"asked twice, or read from MEMBERDESK_NEW_PIN.\n" \
	"      --recover        a forgotten PIN, without signing in: only for\n" \
	"                       the system account that owns the database file\n")

static int
passwd_cmd(struct cli *cli, int argc, char **argv)
{
	bool recover = false;
	char pin[64] = "";
	int c, st, rc;

	static const struct cli_opts o = {"operator passwd", PASSWD_SYNOPSIS, PASSWD_HELP, "",
					  passwd_opts, NULL, NULL};

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (c == -2)
			return st;
		if (c == 'R')
			recover = true;
	}
	if (argc - optind != 1)
		return cli_usage("operator passwd", _("give the operator's name"));
	cli->no_login = recover;
	if ((rc = cli_open(cli)) ||
	    (!recover && (rc = operator_may_passwd(cli->md, argv[optind]))) ||
	    (rc = new_pin(cli, argv[optind], pin)) ||
	    (rc = (recover ? operator_recover : operator_passwd)(cli->md, argv[optind], pin))) {
		sodium_memzero(pin, sizeof pin);
		return cli_fail(cli, rc);
	}
	sodium_memzero(pin, sizeof pin);
	fprintf(cli->out, _("PIN of %s changed\n"), argv[optind]);
	return EXIT_OK;
}

static const struct option plain_opts[] = {
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define ROLE_SYNOPSIS N_("operator role NAME owner|staff")
#define ROLE_HELP N_("Make NAME an owner, or staff.  The last active owner stays one.\n")
#define DISABLE_SYNOPSIS N_("operator disable NAME")
#define DISABLE_HELP N_( \
	"Stop NAME from signing in (their name stays in the audit log).  The\n" \
	"last active owner cannot be disabled.\n")
#define ENABLE_SYNOPSIS N_("operator enable NAME")
#define ENABLE_HELP N_("Let a disabled operator sign in again.\n")

/* role, disable and enable: NAME and, for role, the role. */
static int
change_cmd(struct cli *cli, int argc, char **argv, const struct cli_opts *o, int args)
{
	enum operator_role role = OPERATOR_NOBODY;
	int c, st, rc;

	while ((c = cli_next_option(cli, o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (argc - optind != args)
		return cli_usage(o->cmd, args == 2 ? _("give the operator's name and a role")
						   : _("give the operator's name"));
	if (args == 2 && !parse_role(o->cmd, argv[optind + 1], &role))
		return EXIT_USAGE;
	if ((rc = cli_open(cli)))
		return cli_fail(cli, rc);
	if (args == 2)
		rc = operator_set_role(cli->md, argv[optind], role);
	else
		rc = operator_set_active(cli->md, argv[optind], !strcmp(o->cmd, "operator enable"));
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

static int
role_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct cli_opts o = {"operator role", ROLE_SYNOPSIS, ROLE_HELP, "",
					  plain_opts, NULL, NULL};

	return change_cmd(cli, argc, argv, &o, 2);
}

static int
disable_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct cli_opts o = {"operator disable", DISABLE_SYNOPSIS, DISABLE_HELP, "",
					  plain_opts, NULL, NULL};

	return change_cmd(cli, argc, argv, &o, 1);
}

static int
enable_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct cli_opts o = {"operator enable", ENABLE_SYNOPSIS, ENABLE_HELP, "",
					  plain_opts, NULL, NULL};

	return change_cmd(cli, argc, argv, &o, 1);
}

static const struct cli_command operator_cmds[] = {
	{"add", add_cmd, ADD_SYNOPSIS, N_("add an operator with a role and a PIN")},
	{"list", list_cmd, LIST_SYNOPSIS, N_("list the operators")},
	{"passwd", passwd_cmd, PASSWD_SYNOPSIS, N_("set an operator's PIN")},
	{"role", role_cmd, ROLE_SYNOPSIS, N_("make an operator an owner or staff")},
	{"disable", disable_cmd, DISABLE_SYNOPSIS, N_("stop an operator from signing in")},
	{"enable", enable_cmd, ENABLE_SYNOPSIS, N_("let an operator sign in again")},
	{NULL, NULL, NULL, NULL},
};

int
cli_operator(struct cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "operator", operator_cmds, argc, argv);
}
