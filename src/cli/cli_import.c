/* cli_import.c - "memberdesk import" */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/csvio.h"
#include "core/import.h"
#include "core/outfile.h"
#include "core/rejects.h"
#include "i18n.h"

#define MAX_MAPS 64
#define SHOWN_PROBLEMS 5	/* rejected rows named on stderr */

static const struct option import_opts[] = {
	{"encoding", required_argument, NULL, 'e'},
	{"delimiter", required_argument, NULL, 'd'},
	{"map", required_argument, NULL, 'm'},
	{"on-duplicate", required_argument, NULL, 'u'},
	{"dry-run", no_argument, NULL, 'n'},
	{"errors", required_argument, NULL, 'E'},
	{"rejected", required_argument, NULL, 'R'},
	{"skip-bad", no_argument, NULL, 's'},
	{"create-members", no_argument, NULL, 'c'},
	{"create-tiers", no_argument, NULL, 'T'},
	{"returns", required_argument, NULL, 'r'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define IMPORT_SYNOPSIS N_("import members|sales|points|wallet FILE [OPTION]...")
#define IMPORT_HELP N_( \
	"Import another system's CSV export in one transaction: every row, or\n" \
	"(when a row is rejected, without --skip-bad) none.  Headers are matched\n" \
	"by name, Chinese or English (卡号, 手机号码, 当前积分, InvoiceNo, ...); see\n" \
	"the man page for every name each field accepts.  The same file is never\n" \
	"imported twice.\n" \
	"  -e, --encoding ENC     auto (default), utf-8, gb18030 (gbk), big5\n" \
	"  -d, --delimiter D      , or ; or tab (default: from the header row)\n" \
	"  -m, --map COLUMN=FIELD the file's COLUMN is FIELD (- ignores it)\n" \
	"  -u, --on-duplicate X   a member already registered: skip (default),\n" \
	"                         update, fail\n" \
	"  -n, --dry-run          check everything and say what would happen\n" \
	"  -E, --errors FILE      write the rejected rows there as CSV:\n" \
	"                         line,column,value,problem\n" \
	"  -R, --rejected FILE    write the rejected rows themselves there, as\n" \
	"                         the file has them and why, to fix and import\n" \
	"  -s, --skip-bad         import the good rows even when some are rejected\n" \
	"  -c, --create-members   sales: register cards that are not members yet\n" \
	"  -T, --create-tiers     members: a level no tier matches becomes a new\n" \
	"                         tier above the others (its rules set after)\n" \
	"  -r, --returns X        sales: skip (default) or net returns against\n" \
	"                         their ticket\n" \
	"Fields: members: card name phone gender birthday points balance bonus\n" \
	"tier joined referrer note tags status; sales: card phone sold_at amount\n" \
	"quantity unit_price category promo payment ticket; points: card phone\n" \
	"points expires reason; wallet: card phone balance bonus reason.\n")

/* What the import tells us as it goes. */
struct run {
	const char *path;
	struct outfile errors;
	bool have_errors;
	/* For --rejected: every problem, kept. */
	bool keep;
	struct rejects_kept kept;
	struct md *md;
	int64_t shown;
	bool tty;
	struct timespec last;
	bool progressed;
};

static int
on_reject(void *arg, const struct import_problem *p)
{
	struct run *r = arg;
	char line[32];

	if (r->shown++ < SHOWN_PROBLEMS) {
		if (*p->column)
			fprintf(stderr, _("%s: line %lld, %s \"%s\": %s\n"), r->path,
				(long long)p->line, p->column, p->value, p->problem);
		else
			fprintf(stderr, _("%s: line %lld: %s\n"), r->path,
				(long long)p->line, p->problem);
	}
	if (r->keep && rejects_keep(r->md, &r->kept, p))
		return MD_ENOMEM;
	if (r->have_errors) {
		static const bool text[4] = { false, true, true, true };
		const char *row[4] = { line, p->column, p->value, p->problem };

		snprintf(line, sizeof line, "%lld", (long long)p->line);
		if (csvio_write_row(r->errors.fp, row, text, 4, ',', "\r\n") < 0)
			return MD_EIO;
	}
	return MD_OK;
}

static void
on_notice(void *arg, const char *message)
{
	struct run *r = arg;

	fprintf(stderr, _("%s: note: %s\n"), r->path, message);
}

/* A line a second on a log, a running percentage on a terminal. */
static void
on_progress(void *arg, int64_t done, int64_t total)
{
	struct run *r = arg;
	struct timespec now;
	int pct = total > 0 ? (int)(done * 100 / total) : 100;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!r->last.tv_sec) {
		r->last = now;
		return;
	}
	if (now.tv_sec - r->last.tv_sec < 1 && !(r->tty && r->progressed))
		return;
	if (r->tty && (now.tv_sec - r->last.tv_sec) * 1000000000L +
		      (now.tv_nsec - r->last.tv_nsec) < 200000000L)
		return;
	r->last = now;
	r->progressed = true;
	if (r->tty) {
		char bar[21];

		memset(bar, '#', (size_t)(pct / 5));
		memset(bar + pct / 5, '.', (size_t)(20 - pct / 5));
		bar[20] = '\0';
		fprintf(stderr, "\r[%s] ", bar);
		fprintf(stderr, _("%s: reading, %d%%"), r->path, pct);
	} else {
		fprintf(stderr, _("%s: reading, %d%% (%lld of %lld bytes)\n"), r->path, pct,
			(long long)done, (long long)total);
	}
}

static bool
parse_map(const char *arg, struct import_map *m)
{
	const char *eq = strrchr(arg, '=');

	if (!eq || eq == arg || !eq[1])
		return false;
	m->column = strndup(arg, (size_t)(eq - arg));
	m->field = eq + 1;
	return m->column != NULL;
}

#define COUNT(n, one, many) \
	do { \
		if (n) { \
			fprintf(fp, "  "); \
			fprintf(fp, P_(one, many, (n)), (long long)(n)); \
			fputc('\n', fp); \
		} \
	} while (0)

static void
summary(FILE *fp, const struct import_opts *o, const struct import_result *r)
{
	const char *delim = r->delim == '\t' ? "tab" : r->delim == ';' ? ";" : ",";

	fprintf(fp, P_("%s (%s, delimiter %s): %lld row read\n",
		  "%s (%s, delimiter %s): %lld rows read\n", r->rows),
	       o->path, csvio_encoding_name(r->encoding), delim, (long long)r->rows);
	switch (o->kind) {
	case IMPORT_MEMBERS:
		COUNT(r->inserted, "%lld member added", "%lld members added");
		COUNT(r->updated, "%lld member updated", "%lld members updated");
		COUNT(r->tiers_created, "%lld tier created for the file's levels (set its rules: tier edit)",
		      "%lld tiers created for the file's levels (set their rules: tier edit)");
		break;
	case IMPORT_SALES:
		COUNT(r->inserted, "%lld sale added", "%lld sales added");
		COUNT(r->walk_ins, "%lld of them without a member (walk-in)",
		      "%lld of them without a member (walk-in)");
		COUNT(r->created, "%lld member registered from the sales",
		      "%lld members registered from the sales");
		break;
	default:
		COUNT(r->inserted, "%lld opening balance added", "%lld opening balances added");
	}
	COUNT(r->duplicates, "%lld duplicate skipped (already there)",
	      "%lld duplicates skipped (already there)");
	if (o->returns_net)
		COUNT(r->returns, "%lld return row netted against its ticket",
		      "%lld return rows netted against their tickets");
	else
		COUNT(r->returns, "%lld return row skipped (--returns net nets them)",
		      "%lld return rows skipped (--returns net nets them)");
	COUNT(r->netted_out, "%lld ticket left nothing to pay after returns",
	      "%lld tickets left nothing to pay after returns");
	COUNT(r->free_lines, "%lld row with nothing to add, skipped",
	      "%lld rows with nothing to add, skipped");
	COUNT(r->rejected, "%lld row rejected", "%lld rows rejected");
	if (r->committed)
		fprintf(fp, _("Imported as import #%lld.\n"), (long long)r->import_id);
	else if (o->dry_run)
		fprintf(fp, _("Dry run: nothing was written.\n"));
	else
		fprintf(fp, _("Nothing was written.\n"));
}

static int
import_opt(struct import_opts *io, struct import_map *maps, int c, const char *arg)
{
	switch (c) {
	case 'e':
		if (!csvio_encoding_parse(arg, &io->encoding) || io->encoding == CSVIO_UTF16)
			return cli_usage("import", _("unknown encoding \"%s\" (auto, utf-8, gb18030, big5)"), arg);
		break;
	case 'd':
		if (!strcmp(arg, "tab") || !strcmp(arg, "\t"))
			io->delim = '\t';
		else if (!strcmp(arg, ",") || !strcmp(arg, ";"))
			io->delim = arg[0];
		else
			return cli_usage("import", _("--delimiter is , or ; or tab"));
		break;
	case 'm':
		if (io->nmaps == MAX_MAPS || !parse_map(arg, &maps[io->nmaps]))
			return cli_usage("import", _("--map takes COLUMN=FIELD, not \"%s\""), arg);
		io->nmaps++;
		break;
	case 'u':
		if (!strcmp(arg, "skip"))
			io->on_duplicate = IMPORT_DUP_SKIP;
		else if (!strcmp(arg, "update"))
			io->on_duplicate = IMPORT_DUP_UPDATE;
		else if (!strcmp(arg, "fail"))
			io->on_duplicate = IMPORT_DUP_FAIL;
		else
			return cli_usage("import", _("--on-duplicate is skip, update or fail"));
		break;
	case 'r':
		if (strcmp(arg, "skip") && strcmp(arg, "net"))
			return cli_usage("import", _("--returns is skip or net"));
		io->returns_net = !strcmp(arg, "net");
		break;
	case 'n': io->dry_run = true; break;
	case 's': io->skip_bad = true; break;
	case 'c': io->create_members = true; break;
	case 'T': io->create_tiers = true; break;
	}
	return EXIT_OK;
}

/* --rejected FILE: the rows the import rejected, to fix and import. */
static int
write_rejected(struct cli *cli, const struct import_opts *io, const struct run *r,
	       const struct import_result *res, const char *path)
{
	int64_t rows;
	int rc;

	if (!r->kept.n) {
		fprintf(stderr, _("%s: no row was rejected: %s is not written\n"), io->path, path);
		return MD_OK;
	}
	if ((rc = rejects_write(cli->md, io, res->sha256, &r->kept, path, &rows)))
		return rc;
	fprintf(stderr, P_("%s: %lld rejected row written to %s: fix it there and import that file\n",
			   "%s: %lld rejected rows written to %s: fix them there and import that file\n",
			   rows),
		io->path, (long long)rows, path);
	return MD_OK;
}

static int
run_import(struct cli *cli, struct import_opts *io, const char *errors, const char *rejected)
{
	struct run r = { .path = io->path, .tty = isatty(2), .keep = rejected != NULL,
			 .md = cli->md };
	struct import_result res;
	int rc, rc2 = MD_OK;

	io->progress = on_progress;
	io->reject = on_reject;
	io->notice = on_notice;
	io->arg = &r;
	if ((rc = cli_open(cli)))
		return cli_fail(cli, rc);
	if (errors) {
		if ((rc = outfile_open(cli->md, errors, NULL, true, &r.errors)))
			return cli_fail(cli, rc);
		r.have_errors = true;
		csvio_write_row(r.errors.fp, (const char *[]){ "line", "column", "value", "problem" },
				NULL, 4, ',', "\r\n");
	}
	rc = import_run(cli->md, io, &res);
	if (r.progressed && r.tty)
		fputc('\n', stderr);
	if (r.shown > SHOWN_PROBLEMS && errors)
		fprintf(stderr, P_("%s: ... and %lld more rejected row: see %s\n",
				   "%s: ... and %lld more rejected rows: see %s\n",
				   r.shown - SHOWN_PROBLEMS),
			io->path, (long long)(r.shown - SHOWN_PROBLEMS), errors);
	else if (r.shown > SHOWN_PROBLEMS)
		fprintf(stderr, P_("%s: ... and %lld more rejected row (--errors FILE lists them all)\n",
				   "%s: ... and %lld more rejected rows (--errors FILE lists them all)\n",
				   r.shown - SHOWN_PROBLEMS),
			io->path, (long long)(r.shown - SHOWN_PROBLEMS));
	if (r.have_errors) {
		char saved[sizeof cli->md->err];

		memcpy(saved, cli->md->err, sizeof saved);
		rc2 = outfile_commit(cli->md, &r.errors);
		if (!rc2)
			memcpy(cli->md->err, saved, sizeof saved);
	}
	/* The rows of a run that read the file, whether it then wrote them
	 * or refused because of them. */
	if (rejected && !rc2 && (rc == MD_OK || (rc == MD_EINVAL && r.kept.n))) {
		char saved[sizeof cli->md->err];

		memcpy(saved, cli->md->err, sizeof saved);
		if (!(rc2 = write_rejected(cli, io, &r, &res, rejected)))
			memcpy(cli->md->err, saved, sizeof saved);
	}
	rejects_free(&r.kept);
	/* The counts are the answer to a dry run or an import; after a
	 * failure they only explain it, on stderr with the message. */
	if (rc != MD_ECONFLICT && (rc == MD_OK || res.rows))
		summary(rc == MD_OK ? stdout : stderr, io, &res);
	if (rc)
		return cli_fail(cli, rc);
	return rc2 ? cli_fail(cli, rc2) : EXIT_OK;
}

int
cli_import(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"import", IMPORT_SYNOPSIS, IMPORT_HELP,
				   "e:d:m:u:nE:R:scTr:", import_opts, NULL, NULL};
	struct import_map maps[MAX_MAPS];
	struct import_opts io = { .maps = maps };
	const char *errors = NULL, *rejected = NULL;
	int c, st, rc = EXIT_OK;

	while (rc == EXIT_OK && (c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (c == -2) {
			rc = st;
			break;
		}
		if (c == 'E')
			errors = optarg;
		else if (c == 'R')
			rejected = optarg;
		else
			rc = import_opt(&io, maps, c, optarg);
	}
	if (rc == EXIT_OK && argc - optind != 2)
		rc = cli_usage("import", _("give what to import (members, sales, points, wallet) and the file"));
	else if (rc == EXIT_OK && !import_kind_parse(argv[optind], &io.kind))
		rc = cli_usage("import", _("cannot import \"%s\": members, sales, points or wallet"),
			       argv[optind]);
	if (rc == EXIT_OK) {
		io.path = argv[optind + 1];
		rc = run_import(cli, &io, errors, rejected);
	}
	for (size_t i = 0; i < io.nmaps; i++)
		free((char *)maps[i].column);
	return rc;
}
