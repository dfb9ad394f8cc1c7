/* cli.h - the command-line face: parse, call the core, print */
#ifndef MD_CLI_H
#define MD_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "core/md.h"
#include "core/table.h"

/* Exit statuses (documented in the man page). */
enum {
	EXIT_OK = 0,
	EXIT_REJECTED = 1,	/* input rejected, conflict, not found, failure */
	EXIT_USAGE = 2,		/* the command line itself is wrong */
};

struct cli {
	struct md *md;
	const char *db_path;	/* --db, or NULL for the default */
	const char *operator_name;	/* --operator, or NULL: $MEMBERDESK_OPERATOR */
	bool no_login;		/* the command signs nobody in (operator passwd --recover) */
	FILE *out;
	bool restart_getopt;	/* set before a command parses its argv */
	bool tui;		/* the screens show md->notice themselves */
	bool told_wait;		/* "waiting for ..." was said */
	bool no_daily_backup;	/* the command dealt with backups itself */
	bool maintained;	/* cli_open applied the day's rules */
};

struct cli_command {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *synopsis;	/* N_() */
	const char *summary;	/* N_() */
};

/* Print md->err as "memberdesk: ..." and return the exit status for
 * core status RC. */
int cli_fail(struct cli *cli, int rc);

/* Print "memberdesk: MESSAGE" and a pointer to --help; returns 2. */
int cli_usage(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Open the database (once) before a command that needs it, and apply
 * the day's time-based rules (maint_ensure). */
int cli_open(struct cli *cli);
/* Open without them: for the commands that apply those rules themselves
 * and report what they did, and for check, which only reads. */
int cli_open_only(struct cli *cli);

/* What the core said to the owner (a database others can read, an
 * empty file), once, on stderr, and clear it: the screens show it
 * themselves. */
void cli_show_notice(struct cli *cli);

/* A PIN: from the environment variable ENV when set (for scripts),
 * else asked on the terminal with PROMPT, without echo.  MD_EINVAL when
 * there is neither. */
int cli_read_pin(struct cli *cli, const char *env, const char *prompt, char *pin, size_t n);

/* After a command that applied the day's rules, once its output is out:
 * the last week's RFM snapshot when it is missing (rfm_week_ensure),
 * with a note on stderr when it failed. */
void cli_weekly_snapshot(struct cli *cli);

/* After a command, once its output is out: today's automatic backup,
 * when due (backup_daily), with a note on stderr when it failed. */
void cli_daily_backup(struct cli *cli);

/* Dispatch argv[0] among CMDS, with "--help"/"help" listing them under
 * GROUP ("member").  Used by every command group. */
int cli_dispatch(struct cli *cli, const char *group,
		 const struct cli_command *cmds, int argc, char **argv);

/* How a subcommand takes its options. */
struct cli_opts {
	const char *cmd;		/* "member find", for messages */
	const char *synopsis;		/* N_() */
	const char *help;		/* N_() */
	const char *shortopts;		/* getopt letters beside -h */
	const struct option *longopts;	/* must include "help" -> 'h' */
	enum table_format *format;	/* non-NULL: --format is taken here */
	int *limit;			/* non-NULL: --limit is taken here */
};

/* The next option of a subcommand, with --help, --format and --limit
 * handled here for every command.  Returns the option, -1 at the end of
 * the options, or -2 when the command should stop with *EXIT_STATUS
 * (after --help, or on a usage error, already reported). */
int cli_next_option(struct cli *cli, const struct cli_opts *o, int argc,
		    char **argv, int *exit_status);

/* A table of the columns COLS (an array) on the command's output, or
 * NULL with the message set; table_close() it. */
#define cli_table_open(cli, fmt, cols) \
	table_open((cli)->md, (cli)->out, (fmt), (cols), TABLE_COLS(cols))

/* -o FILE for a command's table: cli->out writes to FILE (whole or not
 * at all, outfile.h) until cli_output_end, which puts it in place when
 * RC is MD_OK and gives it up otherwise; RC, or the commit's failure.
 * FILE NULL: standard output, nothing to do. */
struct outfile;
int cli_output_begin(struct cli *cli, const char *file, struct outfile *of);
int cli_output_end(struct cli *cli, const char *file, struct outfile *of, int rc);

/* A command "CMD MEMBER [--format FMT]" that lists one member's rows:
 * ROWS walks them into T, each row through table_row. */
struct cli_member_table {
	const char *cmd, *synopsis, *help;	/* N_() the last two */
	const struct table_col *cols;
	size_t ncols;
	int (*rows)(struct md *md, const char *key, struct table *t);
};
int cli_member_table(struct cli *cli, const struct cli_member_table *m, int argc,
		     char **argv);

/* Parse a positive count (--limit N). */
bool cli_count(const char *cmd, const char *opt, const char *arg, int *n);

/* The command groups. */
int cli_member(struct cli *cli, int argc, char **argv);
int cli_settings(struct cli *cli, int argc, char **argv);
int cli_audit(struct cli *cli, int argc, char **argv);
int cli_sale(struct cli *cli, int argc, char **argv);
int cli_points(struct cli *cli, int argc, char **argv);
int cli_wallet(struct cli *cli, int argc, char **argv);
int cli_tier(struct cli *cli, int argc, char **argv);
int cli_check(struct cli *cli, int argc, char **argv);
int cli_demo(struct cli *cli, int argc, char **argv);
int cli_import(struct cli *cli, int argc, char **argv);
int cli_export(struct cli *cli, int argc, char **argv);
int cli_report(struct cli *cli, int argc, char **argv);
int cli_coupon(struct cli *cli, int argc, char **argv);
int cli_backup(struct cli *cli, int argc, char **argv);
int cli_restore(struct cli *cli, int argc, char **argv);
int cli_operator(struct cli *cli, int argc, char **argv);

#endif
