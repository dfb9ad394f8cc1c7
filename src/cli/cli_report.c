/* cli_report.c - "memberdesk report rfm|types|weekly|birthdays|sales":
 * RFM and value types here; weekly, birthdays and sales in cli_report_*.c */
#include <config.h>

#include <string.h>

#include "cli/cli.h"
#include "cli/cli_report.h"
#include "core/clock.h"
#include "core/money.h"
#include "core/rfm.h"
#include "core/text.h"
#include "core/value_types.h"
#include "i18n.h"

int
cli_report_as_of(struct cli *cli, const char *s, struct date *d)
{
	*d = clock_today(cli->md);
	return s ? date_parse(cli->md, "--as-of", s, d, false) : MD_OK;
}

static const struct table_col rfm_cols[] = {
	{"segment", N_("Segment"), false},
	{"members", N_("Members"), true},
	{"share", N_("Share %"), true},
	{"mean_recency", N_("Mean R (days)"), true},
	{"mean_frequency", N_("Mean F"), true},
	{"mean_monetary", N_("Mean M"), true},
	{"total_monetary", N_("Total M"), true},
};

/* One line of the summary: NAME and T, a share of ALL members. */
static int
rfm_line(struct table *tb, bool text, const char *name,
	 const struct rfm_totals *t, int64_t all, bool scored)
{
	char v[6][40];
	const char *cells[] = {name, v[0], v[1], v[2], v[3], v[4], v[5]};
	int i;

	for (i = 0; i < 6; i++)
		v[i][0] = '\0';
	snprintf(v[0], sizeof v[0], "%lld", (long long)t->members);
	if (all)
		text_format_ratio(100 * t->members, all, v[1]);
	if (scored && t->members) {
		text_format_ratio(t->recency, t->members, v[2]);
		text_format_ratio(t->frequency, t->members, v[3]);
		(text ? money_format_human : money_format)
			(money_mul_div(t->monetary, 1, t->members), v[4]);
		(text ? money_format_human : money_format)(t->monetary, v[5]);
	}
	return table_row(tb, cells) < 0 ? MD_EIO : MD_OK;
}

static int
rfm_summary_rows(struct cli *cli, enum table_format fmt, struct date d, int window)
{
	struct rfm_summary s;
	struct rfm_totals all = {0};
	bool text = fmt == TABLE_TEXT;
	struct table *t;
	int rc, i;

	if ((rc = rfm_summary(cli->md, d, window, &s)))
		return rc;
	if (!(t = cli_table_open(cli, fmt, rfm_cols, 7)))
		return MD_ENOMEM;
	for (i = 0; i < RFM_SEGMENTS && rc == MD_OK; i++) {
		rc = rfm_line(t, text, text ? rfm_segment_label(i) : rfm_segment_key(i),
			      &s.seg[i], s.members, i != RFM_NO_PURCHASE);
		if (i != RFM_NO_PURCHASE) {
			all.recency += s.seg[i].recency;
			all.frequency += s.seg[i].frequency;
			all.monetary += s.seg[i].monetary;
		}
	}
	/* The scored members together, for people; scripts add up. */
	all.members = s.scored;
	if (text && rc == MD_OK && s.members)
		rc = rfm_line(t, text, _("Scored members"), &all, s.members, true);
	return cli_table_close(cli, t, rc);
}

static const struct table_col rfm_member_cols[] = {
	{"card", N_("Card"), false},
	{"name", N_("Name"), false},
	{"phone", N_("Phone"), false},
	{"recency_days", N_("R (days)"), true},
	{"frequency", N_("F"), true},
	{"monetary", N_("M"), true},
	{"r_score", N_("R score"), true},
	{"f_score", N_("F score"), true},
	{"m_score", N_("M score"), true},
	{"segment", N_("Segment"), false},
};

struct rows {
	struct table *t;
	bool text;
};

static int
rfm_member_row(void *arg, const struct rfm_member *m)
{
	struct rows *r = arg;
	char v[6][32] = {""};
	const char *cells[] = {
		m->card, m->name, m->phone, v[0], v[1], v[2], v[3], v[4], v[5],
		r->text ? rfm_segment_label(m->segment) : rfm_segment_key(m->segment),
	};

	/* Members without a counted sale have no recency and no scores. */
	if (m->segment != RFM_NO_PURCHASE) {
		snprintf(v[0], sizeof v[0], "%lld", (long long)m->recency);
		snprintf(v[3], sizeof v[3], "%d", m->r);
		snprintf(v[4], sizeof v[4], "%d", m->f);
		snprintf(v[5], sizeof v[5], "%d", m->m);
	}
	snprintf(v[1], sizeof v[1], "%lld", (long long)m->frequency);
	money_format(m->monetary, v[2]);
	return table_row(r->t, cells) < 0 ? MD_EIO : MD_OK;
}

static const struct option rfm_opts[] = {
	{"as-of", required_argument, NULL, 'd'},
	{"window", required_argument, NULL, 'w'},
	{"members", no_argument, NULL, 'm'},
	{"segment", required_argument, NULL, 's'},
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define RFM_SYNOPSIS N_("report rfm [--as-of DATE] [--window DAYS] [--members [--segment KEY]] [--format FMT]")
#define RFM_HELP N_( \
	"RFM segments: members, share, mean recency, frequency and spend, and\n" \
	"total spend of each.  The method is in the manual (REPORTS).\n" \
	"      --as-of DATE     score as of this day (default today)\n" \
	"      --window DAYS    count the sales of this many days up to DATE\n" \
	"                       (default 365)\n" \
	"      --members        one row per member, by card, with the scores\n" \
	"      --segment KEY    only the members of this segment (implies\n" \
	"                       --members): important_value, important_develop,\n" \
	"                       important_keep, important_winback, general_value,\n" \
	"                       general_develop, general_keep, general_winback,\n" \
	"                       no_purchase\n" \
	"      --format FMT     table (default), csv or tsv\n")

static int
rfm_cmd(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"report rfm", RFM_SYNOPSIS, RFM_HELP, "",
				   rfm_opts, &fmt, NULL};
	const char *as_of = NULL, *window = NULL, *segment = NULL;
	int c, st, rc, days = RFM_WINDOW, seg = -1;
	bool members = false;
	struct date d;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		switch (c) {
		case -2: return st;
		case 'd': as_of = optarg; break;
		case 'w': window = optarg; break;
		case 'm': members = true; break;
		case 's': segment = optarg; members = true; break;
		}
	}
	if (optind < argc)
		return cli_usage(o.cmd, _("unexpected argument \"%s\""), argv[optind]);
	if ((rc = cli_report_as_of(cli, as_of, &d)) ||
	    (window && (rc = rfm_window_parse(cli->md, "--window", window, &days))) ||
	    (segment && (rc = rfm_segment_parse(cli->md, segment, &seg))) ||
	    (rc = cli_open(cli)))
		return cli_fail(cli, rc);
	if (members) {
		struct rows r = {cli_table_open(cli, fmt, rfm_member_cols, 10),
				 fmt == TABLE_TEXT};

		if (!r.t)
			return cli_fail(cli, MD_ENOMEM);
		rc = cli_table_close(cli, r.t, rfm_members(cli->md, d, days, seg,
							   rfm_member_row, &r));
	} else {
		rc = rfm_summary_rows(cli, fmt, d, days);
	}
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

static const struct table_col type_cols[] = {
	{"type", N_("Value type"), false},
	{"members", N_("Members"), true},
	{"primary", N_("Primary"), true},
};

static int
types_summary_rows(struct cli *cli, enum table_format fmt, struct date d)
{
	struct value_types_summary s;
	bool text = fmt == TABLE_TEXT;
	char n[32], p[32], avg[40], from[40];
	struct table *t;
	int rc, i;

	if ((rc = value_types_summary(cli->md, d, &s)))
		return rc;
	if (!(t = cli_table_open(cli, fmt, type_cols, 3)))
		return MD_ENOMEM;
	for (i = 0; i < VALUE_TYPES && rc == MD_OK; i++) {
		const char *cells[] = {text ? value_types_label(i) : value_types_key(i), n, p};

		snprintf(n, sizeof n, "%lld", (long long)s.carrying[i]);
		snprintf(p, sizeof p, "%lld", (long long)s.primary[i]);
		rc = table_row(t, cells) < 0 ? MD_EIO : MD_OK;
	}
	if ((rc = cli_table_close(cli, t, rc)) || !text)
		return rc;
	money_format_human(s.average_ticket, avg);
	money_format_human(s.ticket_threshold, from);
	fprintf(cli->out, P_("%lld member bought in the last %d days; average ticket %s,\n",
			     "%lld members bought in the last %d days; average ticket %s,\n",
			     s.buyers), (long long)s.buyers, VALUE_TYPES_YEAR, avg);
	fprintf(cli->out, _("high ticket from %s; %lld bought on promotion.\n"), from,
		(long long)s.promo_buyers);
	return ferror(cli->out) ? md_fail(cli->md, MD_EIO, _("write error")) : MD_OK;
}

static const struct table_col type_member_cols[] = {
	{"card", N_("Card"), false},
	{"name", N_("Name"), false},
	{"phone", N_("Phone"), false},
	{"types", N_("Value types"), false},
};

static int
type_member_row(void *arg, const struct value_types_member *m)
{
	struct rows *r = arg;
	char types[256] = "";
	const char *cells[] = {m->card, m->name, m->phone, types};
	int i;

	if (!r->text)
		value_types_format(m->types, types, sizeof types);
	for (i = 0; r->text && i < VALUE_TYPES; i++)
		if (m->types & 1u << i)
			snprintf(types + strlen(types), sizeof types - strlen(types),
				 "%s%s", *types ? ", " : "", value_types_label(i));
	return table_row(r->t, cells) < 0 ? MD_EIO : MD_OK;
}

static const struct option types_opts[] = {
	{"as-of", required_argument, NULL, 'd'},
	{"members", no_argument, NULL, 'm'},
	{"format", required_argument, NULL, 'f'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define TYPES_SYNOPSIS N_("report types [--as-of DATE] [--members] [--format FMT]")
#define TYPES_HELP N_( \
	"Value types: how many members are sleeping, churning, high total,\n" \
	"high ticket, loyal, bargain frequent and bargain rare, and for how\n" \
	"many it is the primary type (the first of these that applies).  The\n" \
	"rules and their settings are in the manual (REPORTS).\n" \
	"      --as-of DATE     as of this day (default today)\n" \
	"      --members        the members with a type, by card\n" \
	"      --format FMT     table (default), csv or tsv\n")

static int
types_cmd(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"report types", TYPES_SYNOPSIS, TYPES_HELP, "",
				   types_opts, &fmt, NULL};
	const char *as_of = NULL;
	bool members = false;
	struct date d;
	int c, st, rc;

	while ((c = cli_next_option(cli, &o, argc, argv, &st)) != -1) {
		switch (c) {
		case -2: return st;
		case 'd': as_of = optarg; break;
		case 'm': members = true; break;
		}
	}
	if (optind < argc)
		return cli_usage(o.cmd, _("unexpected argument \"%s\""), argv[optind]);
	if ((rc = cli_report_as_of(cli, as_of, &d)) || (rc = cli_open(cli)))
		return cli_fail(cli, rc);
	if (members) {
		struct rows r = {cli_table_open(cli, fmt, type_member_cols, 4),
				 fmt == TABLE_TEXT};

		if (!r.t)
			return cli_fail(cli, MD_ENOMEM);
		rc = cli_table_close(cli, r.t, value_types_members(cli->md, d,
								   type_member_row, &r));
	} else {
		rc = types_summary_rows(cli, fmt, d);
	}
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

static const struct cli_command report_cmds[] = {
	{"rfm", rfm_cmd, RFM_SYNOPSIS, N_("RFM segments, or each member's scores")},
	{"types", types_cmd, TYPES_SYNOPSIS, N_("value types, or each member's")},
	{"weekly", cli_report_weekly, NULL, N_("the weekly report to print")},
	{"birthdays", cli_report_birthdays, NULL, N_("members whose birthday is coming")},
	{"sales", cli_report_sales, NULL, N_("sales by day, week, month, category or payment")},
	{NULL, NULL, NULL, NULL},
};

int
cli_report(struct cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "report", report_cmds, argc, argv);
}
