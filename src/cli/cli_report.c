/* cli_report.c - "memberdesk report rfm|types|weekly|birthdays|sales":
 * RFM and value types here; weekly, birthdays and sales in cli_report_*.c */
#include <config.h>

#include "cli/cli.h"
#include "cli/cli_report.h"
#include "core/clock.h"
#include "core/money.h"
#include "core/outfile.h"
#include "core/rfm.h"
#include "core/value_types.h"
#include "i18n.h"

int
cli_report_as_of(struct cli *cli, const char *s, struct date *d)
{
	*d = clock_today(cli->md);
	return s ? date_parse(cli->md, "--as-of", s, d, false) : MD_OK;
}

#define SEGMENT_COL {"segment", N_("Segment"), .kind = COL_ENUM, \
	.enum_key = rfm_segment_key, .enum_label = rfm_segment_label}

static const struct table_col rfm_cols[] = {
	SEGMENT_COL,
	{"members", N_("Members"), .kind = COL_COUNT},
	{"share", N_("Share %"), .kind = COL_RATIO},
	{"mean_recency", N_("Mean R (days)"), .kind = COL_RATIO},
	{"mean_frequency", N_("Mean F"), .kind = COL_RATIO},
	{"mean_monetary", N_("Mean M"), .kind = COL_YUAN},
	{"total_monetary", N_("Total M"), .kind = COL_YUAN},
};

/* One line of the summary: SEGMENT's totals T, a share of ALL members.
 * The means need scores and members. */
static int
rfm_line(struct table *tb, struct table_cell segment, const struct rfm_totals *t,
	 int64_t all, bool scored, bool total)
{
	int64_t n = scored ? t->members : 0;
	struct table_cell cells[] = {
		segment, TABLE_INT(t->members), TABLE_RATIO(100 * t->members, all),
		TABLE_RATIO(t->recency, n), TABLE_RATIO(t->frequency, n),
		TABLE_BLANK, TABLE_BLANK,
	};

	if (n) {
		cells[5] = TABLE_INT(money_mul_div(t->monetary, 1, n));
		cells[6] = TABLE_INT(t->monetary);
	}
	return table_put(tb, cells, TABLE_COLS(cells), total);
}

static int
rfm_summary_rows(struct cli *cli, enum table_format fmt, struct date d, int window)
{
	struct rfm_summary s;
	struct rfm_totals all = {0};
	struct table *t;
	int rc, i;

	if ((rc = rfm_summary(cli->md, d, window, &s)))
		return rc;
	if (!(t = cli_table_open(cli, fmt, rfm_cols)))
		return MD_ENOMEM;
	for (i = 0; i < RFM_SEGMENTS && rc == MD_OK; i++) {
		rc = rfm_line(t, TABLE_INT(i), &s.seg[i], s.members,
			      i != RFM_NO_PURCHASE, false);
		if (i != RFM_NO_PURCHASE) {
			all.recency += s.seg[i].recency;
			all.frequency += s.seg[i].frequency;
			all.monetary += s.seg[i].monetary;
		}
	}
	/* The scored members together, for people; scripts add up. */
	all.members = s.scored;
	if (rc == MD_OK && s.members)
		rc = rfm_line(t, TABLE_LITERAL(_("Scored members")), &all, s.members,
			      true, true);
	return table_close(t, rc);
}

static const struct table_col rfm_member_cols[] = {
	{"card", N_("Card"), .kind = COL_TEXT},
	{"name", N_("Name"), .kind = COL_TEXT},
	{"phone", N_("Phone"), .kind = COL_TEXT},
	{"recency_days", N_("R (days)"), .kind = COL_COUNT},
	{"frequency", N_("F"), .kind = COL_COUNT},
	{"monetary", N_("M"), .kind = COL_MONEY},
	{"r_score", N_("R score"), .kind = COL_COUNT},
	{"f_score", N_("F score"), .kind = COL_COUNT},
	{"m_score", N_("M score"), .kind = COL_COUNT},
	SEGMENT_COL,
};

static int
rfm_member_row(void *arg, const struct rfm_member *m)
{
	struct table_cell cells[] = {
		TABLE_STR(m->card), TABLE_STR(m->name), TABLE_STR(m->phone),
		TABLE_INT(m->recency), TABLE_INT(m->frequency), TABLE_INT(m->monetary),
		TABLE_INT(m->r), TABLE_INT(m->f), TABLE_INT(m->m),
		TABLE_INT(m->segment),
	};

	/* Members without a counted sale have no recency and no scores. */
	if (m->segment == RFM_NO_PURCHASE)
		cells[3] = cells[6] = cells[7] = cells[8] = TABLE_BLANK;
	return table_row(arg, cells);
}

static const struct option rfm_opts[] = {
	{"as-of", required_argument, NULL, 'd'},
	{"window", required_argument, NULL, 'w'},
	{"members", no_argument, NULL, 'm'},
	{"segment", required_argument, NULL, 's'},
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

#define RFM_SYNOPSIS N_("report rfm [--as-of DATE] [--window DAYS] [--members [--segment KEY]] [--format FMT] [-o FILE]")
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
	"      --format FMT     table (default), csv, tsv or pdf (A4)\n" \
	"  -o, --output FILE    write there (default: standard output)\n")

static int
rfm_cmd(struct cli *cli, int argc, char **argv)
{
	enum table_format fmt = TABLE_TEXT;
	const struct cli_opts o = {"report rfm", RFM_SYNOPSIS, RFM_HELP, "o:",
				   rfm_opts, &fmt, NULL};
	const char *as_of = NULL, *window = NULL, *segment = NULL, *file = NULL;
	struct outfile of;
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
		case 'o': file = optarg; break;
		}
	}
	if (optind < argc)
		return cli_usage(o.cmd, _("unexpected argument \"%s\""), argv[optind]);
	if ((rc = cli_report_as_of(cli, as_of, &d)) ||
	    (window && (rc = rfm_window_parse(cli->md, "--window", window, &days))) ||
	    (segment && (rc = rfm_segment_parse(cli->md, segment, &seg))) ||
	    (rc = cli_open(cli)) || (rc = cli_output_begin(cli, file, &of)))
		return cli_fail(cli, rc);
	if (members) {
		struct table *t = cli_table_open(cli, fmt, rfm_member_cols);

		if (t) {
			table_set_title(t, segment ? rfm_segment_label(seg) : _("RFM scores"));
			rc = table_close(t, rfm_members(cli->md, d, days, seg, rfm_member_row, t));
		} else {
			rc = MD_ENOMEM;
		}
	} else {
		rc = rfm_summary_rows(cli, fmt, d, days);
	}
	rc = cli_output_end(cli, file, &of, rc);
	return rc ? cli_fail(cli, rc) : EXIT_OK;
}

static const struct table_col type_cols[] = {
	{"type", N_("Value type"), .kind = COL_ENUM,
	 .enum_key = value_types_key, .enum_label = value_types_label},
	{"members", N_("Members"), .kind = COL_COUNT},
	{"primary", N_("Primary"), .kind = COL_COUNT},
};

static int
types_summary_rows(struct cli *cli, enum table_format fmt, struct date d)
{
	struct value_types_summary s;
	char avg[40], from[40];
	struct table *t;
	int rc, i;

	if ((rc = value_types_summary(cli->md, d, &s)))
		return rc;
	if (!(t = cli_table_open(cli, fmt, type_cols)))
		return MD_ENOMEM;
	for (i = 0; i < VALUE_TYPES && rc == MD_OK; i++) {
		const struct table_cell cells[] = {
			TABLE_INT(i), TABLE_INT(s.carrying[i]), TABLE_INT(s.primary[i]),
		};

		rc = table_row(t, cells);
	}
	if ((rc = table_close(t, rc)) || fmt != TABLE_TEXT)
		return rc;
	money_human(cli->md, s.average_ticket, avg);
	money_human(cli->md, s.ticket_threshold, from);
	fprintf(cli->out, P_("%lld member bought in the last %d days; average ticket %s,\n",
			     "%lld members bought in the last %d days; average ticket %s,\n",
			     s.buyers), (long long)s.buyers, VALUE_TYPES_YEAR, avg);
	fprintf(cli->out, _("high ticket from %s; %lld bought on promotion.\n"), from,
		(long long)s.promo_buyers);
	return ferror(cli->out) ? md_fail(cli->md, MD_EIO, _("write error")) : MD_OK;
}

static const struct table_col type_member_cols[] = {
	{"card", N_("Card"), .kind = COL_TEXT},
	{"name", N_("Name"), .kind = COL_TEXT},
	{"phone", N_("Phone"), .kind = COL_TEXT},
	{"types", N_("Value types"), .kind = COL_SET,
	 .enum_key = value_types_key, .enum_label = value_types_label},
};

static int
type_member_row(void *arg, const struct value_types_member *m)
{
	const struct table_cell cells[] = {
		TABLE_STR(m->card), TABLE_STR(m->name), TABLE_STR(m->phone),
		TABLE_INT(m->types),
	};

	return table_row(arg, cells);
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
		struct table *t = cli_table_open(cli, fmt, type_member_cols);

		if (!t)
			return cli_fail(cli, MD_ENOMEM);
		rc = table_close(t, value_types_members(cli->md, d, type_member_row, t));
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
	{"shift", cli_report_shift, NULL, N_("the end of a shift: takings by payment method, the cash drawer")},
	{NULL, NULL, NULL, NULL},
};

int
cli_report(struct cli *cli, int argc, char **argv)
{
	return cli_dispatch(cli, "report", report_cmds, argc, argv);
}
