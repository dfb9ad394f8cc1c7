/* cli_demo.c - "memberdesk demo-data": a made-up shop as CSV files
 *
 * Not listed in --help: it serves make bench and the demo shop, not a
 * shop's day.  The files import like any other system's export.
 */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/clock.h"
#include "core/demo.h"
#include "i18n.h"

static const struct option demo_opts[] = {
	{"members", required_argument, NULL, 'm'},
	{"sales", required_argument, NULL, 's'},
	{"seed", required_argument, NULL, 'S'},
	{"today", required_argument, NULL, 't'},
	{"years", required_argument, NULL, 'y'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define DEMO_SYNOPSIS N_("demo-data [--members N] [--sales N] [--seed N] [--today DATE] [--years N] DIR")
#define DEMO_HELP N_( \
	"Write a made-up shop to DIR/members.csv and DIR/sales.csv, for\n" \
	"'memberdesk import': N members (default 1000) and N sales (default ten\n" \
	"per member) over the years before DATE (default today, 2 years).  The\n" \
	"same seed gives the same files.\n")

static const char *
option_name(int c)
{
	static char name[16];
	const struct option *o;

	for (o = demo_opts; o->name && o->val != c; o++)
		;
	snprintf(name, sizeof name, "--%s", o->name ? o->name : "?");
	return name;
}

static bool
number(const char *opt, const char *arg, int64_t max, int64_t *v)
{
	char *end;
	long long n;

	errno = 0;
	n = strtoll(arg, &end, 10);
	if (!*arg || *end || errno || n < 0 || n > max) {
		cli_usage("demo-data", _("%s needs a whole number from 0 to %lld, not \"%s\""),
			  opt, (long long)max, arg);
		return false;
	}
	*v = n;
	return true;
}

static int
write_files(struct cli *cli, const struct demo_shape *s, const char *dir)
{
	char mpath[4096], spath[4096];
	FILE *m = NULL, *f = NULL;
	int rc;

	snprintf(mpath, sizeof mpath, "%s/members.csv", dir);
	snprintf(spath, sizeof spath, "%s/sales.csv", dir);
	if (!(m = fopen(mpath, "w")) || !(f = fopen(spath, "w"))) {
		rc = md_fail(cli->md, MD_EIO, _("cannot write %s: %s"), m ? spath : mpath,
			     strerror(errno));
		goto out;
	}
	rc = demo_write(cli->md, s, m, f);
out:
	if (m && fclose(m) && !rc)
		rc = md_fail(cli->md, MD_EIO, _("cannot write %s: %s"), mpath, strerror(errno));
	if (f && fclose(f) && !rc)
		rc = md_fail(cli->md, MD_EIO, _("cannot write %s: %s"), spath, strerror(errno));
	return rc;
}

int
cli_demo(struct cli *cli, int argc, char **argv)
{
	const struct cli_opts o = {"demo-data", DEMO_SYNOPSIS, DEMO_HELP, "",
				   demo_opts, NULL, NULL};
	struct demo_shape s = { .members = 1000, .sales = -1, .seed = 1, .years = 2 };
	int64_t v;
	int c, st, rc;

	s.today = clock_today(cli->md);
	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		if (c == -2)
			return st;
		if (c == 't') {
			if (date_parse(cli->md, "--today", optarg, &s.today, false) != MD_OK)
				return cli_usage("demo-data", "%s", cli->md->err);
			continue;
		}
		if (!number(option_name(c), optarg, c == 'S' ? INT64_MAX :
			    c == 's' ? DEMO_MAX_SALES : DEMO_MAX_MEMBERS, &v))
			return EXIT_USAGE;
		if (c == 'm')
			s.members = v;
		else if (c == 's')
			s.sales = v;
		else if (c == 'S')
			s.seed = (uint64_t)v;
		else
			s.years = (int)(v < 100 ? v : 100);
	}
	if (optind == argc)
		return cli_usage("demo-data", "%s", _("which directory?"));
	if (optind + 1 < argc)
		return cli_usage("demo-data", _("unexpected argument \"%s\""), argv[optind + 1]);
	if (s.sales < 0)
		s.sales = s.members * 10;
	if ((rc = write_files(cli, &s, argv[optind])))
		return cli_fail(cli, rc);
	return EXIT_OK;
}
