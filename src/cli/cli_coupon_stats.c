/* cli_coupon_stats.c - "memberdesk coupon stats": did a campaign pay off */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli/cli_coupon.h"
#include "core/coupon_stats.h"
#include "core/money.h"
#include "core/text.h"
#include "i18n.h"

static const struct text_label groups[] = {
	{ "all", N_("All") }, { "tier", N_("Tier") }, { "segment", N_("Segment") },
};

static const char *
group_label(const char *key)
{
	return _(text_label(groups, sizeof groups / sizeof *groups, key));
}

/* A segment's key for people; a tier's name is its own. */
static const char *
key_label(const char *key)
{
	int i = rfm_segment_find(key);

	return i >= 0 ? rfm_segment_label(i) : key;
}

static const struct table_col stats_cols[] = {
	{"by", N_("By"), .kind = COL_LABEL, .label = group_label},
	{"key", N_("Group"), .kind = COL_LABEL, .label = key_label},
	{"issued", N_("Issued"), .kind = COL_NUMBER},
	{"redeemed", N_("Redeemed"), .kind = COL_NUMBER},
	{"expired", N_("Expired"), .kind = COL_NUMBER, .only = TABLE_SCRIPTS},
	{"revoked", N_("Revoked"), .kind = COL_NUMBER, .only = TABLE_SCRIPTS},
	{"rate", N_("Rate %"), .kind = COL_RATIO},
	{"discount", N_("Discount"), .kind = COL_YUAN},
	{"revenue", N_("Revenue"), .kind = COL_YUAN},
	{"revenue_per_yuan", N_("Per yuan"), .kind = COL_DECIMAL, .only = TABLE_SCRIPTS},
};

static int
stats_row(struct table *t, const char *by, const struct coupon_stats_row *r)
{
	const struct table_cell cells[] = {
		TABLE_STR(by), TABLE_STR(r->key), TABLE_INT(r->issued), TABLE_INT(r->redeemed),
		TABLE_INT(r->expired), TABLE_INT(r->revoked),
		TABLE_RATIO(100 * r->redeemed, r->issued), TABLE_INT(r->discount),
		TABLE_INT(r->revenue),
		r->discount ? TABLE_INT(money_mul_div(r->revenue, 100, r->discount)) : TABLE_BLANK,
	};

	return table_row(t, cells);
}

/* The figures in words, above the table people read. */
static void
summary(struct cli *cli, const struct coupon_stats *s)
{
	const struct coupon_stats_row *a = &s->all;
	char rate[32], off[40], revenue[40], per[32];

	coupon_stats_rate(a, rate);
	coupon_stats_return(a, per);
	money_human(cli->md, a->discount, off);
	money_human(cli->md, a->revenue, revenue);
	fprintf(cli->out, _("Campaign %lld: %s (%s)\n"), (long long)s->campaign.id,
		s->campaign.name, campaign_status_label(s->campaign.status));
	fprintf(cli->out, _("  Issued     %lld: %lld redeemed (%s), %lld expired, %lld revoked\n"),
		(long long)a->issued, (long long)a->redeemed, *rate ? rate : "-",
		(long long)a->expired, (long long)a->revoked);
	fprintf(cli->out, _("  Discount   %s given; the redeeming sales paid %s\n"), off, revenue);
	if (*per)
		fprintf(cli->out, _("  Return     the sales paid %s times the discount\n"), per);
	fputc('\n', cli->out);
}

static const struct option stats_opts[] = {
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define STATS_SYNOPSIS N_("coupon stats CAMPAIGN [--format FMT]")

int
cli_coupon_stats(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"coupon stats", STATS_SYNOPSIS,
				   N_("A campaign's coupons: issued, redeemed, expired, revoked, the\n"
				      "redemption rate, the discount given, what the redeeming sales paid\n"
				      "and that per yuan of discount; by the tier and the RFM segment the\n"
				      "members were in when the coupons were issued.\n"
				      "      --format FMT     table (default), csv or tsv\n"),
				   "", stats_opts, &fmt, NULL};
	struct coupon_stats s;
	struct table *t;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1)
		if (c == -2)
			return st;
	if (argc - optind != 1)
		return cli_usage("coupon stats", _("give the campaign (its number or name)"));
	if ((rc = cli_open(cli)) || (rc = coupon_stats(cli->md, argv[optind], &s)))
		return cli_fail(cli, rc);
	if (fmt == TABLE_TEXT)
		summary(cli, &s);
	if (!(t = cli_table_open(cli, fmt, stats_cols)))
		return cli_fail(cli, MD_ENOMEM);
	rc = stats_row(t, "all", &s.all);
	for (size_t i = 0; i < s.ntiers && rc == MD_OK; i++)
		rc = stats_row(t, "tier", &s.tiers[i]);
	for (int i = 0; i < RFM_SEGMENTS && rc == MD_OK; i++)
		rc = stats_row(t, "segment", &s.segments[i]);
	rc = table_close(t, rc);
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}
