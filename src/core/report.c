/* report.c - what the weekly report says, gathered from the database
 *
 * Every figure is one aggregate over an index: the week's sales by
 * sales_time, the ledgers by their time indexes, the segments from the
 * stored snapshots.  Only the lists people act on (the calls, the
 * birthdays) are held in memory, and they grow with members, never
 * with sales.
 */
#include <config.h>

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/db_sql.h"
#include "core/money.h"
#include "core/operator.h"
#include "core/report.h"
#include "i18n.h"

int
report_week_parse(struct md *md, const char *s, struct date *week_end)
{
	static const char *const days[] = {
		N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
		N_("Friday"), N_("Saturday"), N_("Sunday"),
	};
	struct date today = clock_today(md);
	int rc;

	if (!s) {
		*week_end = date_week_end(today);
		return MD_OK;
	}
	if ((rc = date_parse(md, md_input(md, "--week-ending"), s, week_end, false)))
		return rc;
	if (date_weekday(*week_end) != 7)
		return md_fail(md, MD_EINVAL,
			       _("%s %s is a %s: weeks run Monday to Sunday"),
			       md_input(md, "--week-ending"), s, _(days[date_weekday(*week_end) - 1]));
	if (date_to_days(*week_end) > date_to_days(today))
		return md_fail(md, MD_EINVAL, _("the week ending %s has not ended yet"), s);
	return MD_OK;
}

const struct report_kpi report_kpi_defs[REPORT_KPIS] = {
	{"members", N_("Members"), offsetof(struct report_kpis, members), false},
	{"new_members", N_("New members"), offsetof(struct report_kpis, new_members), false},
	{"active_members", N_("Members who bought"), offsetof(struct report_kpis, active_members), false},
	{"sales", N_("Sales"), offsetof(struct report_kpis, sales), false},
	{"paid", N_("Sales amount"), offsetof(struct report_kpis, paid), true},
	{"average_ticket", N_("Average ticket"), offsetof(struct report_kpis, average_ticket), true},
	{"points_issued", N_("Points issued"), offsetof(struct report_kpis, points_issued), false},
	{"points_redeemed", N_("Points redeemed"), offsetof(struct report_kpis, points_redeemed), false},
	{"points_expired", N_("Points expired"), offsetof(struct report_kpis, points_expired), false},
	{"wallet_recharged", N_("Stored value recharged"), offsetof(struct report_kpis, wallet_recharged), true},
	{"wallet_spent", N_("Stored value spent"), offsetof(struct report_kpis, wallet_spent), true},
	{"coupons_issued", N_("Coupons issued"), offsetof(struct report_kpis, coupons_issued), false},
	{"coupons_redeemed", N_("Coupons redeemed"), offsetof(struct report_kpis, coupons_redeemed), false},
};

int64_t
report_kpi(const struct report_kpis *k, size_t i)
{
	return *(const int64_t *)((const char *)k + report_kpi_defs[i].offset);
}

/* ?1 and ?2 bound the week as times: at >= ?1 AND at < ?2. */
static const char kpi_sql[] =
	"WITH s AS ("
	"  SELECT count(*) AS n, coalesce(sum(paid), 0) AS paid,"
	"         count(DISTINCT member_id) AS buyers,"
	"         coalesce(sum(wallet_principal + wallet_bonus), 0) AS wallet"
	"    FROM sales WHERE sold_at >= ?1 AND sold_at < ?2 AND voided_at IS NULL),"
	" m AS ("
	"  SELECT count(*) FILTER (WHERE joined < ?2) AS total,"
	"         count(*) FILTER (WHERE joined >= ?1 AND joined < ?2) AS new"
	"    FROM members WHERE status IN ('active', 'frozen')),"
	/* Points of a voided sale were given back: they were never issued. */
	" p AS ("
	"  SELECT coalesce(sum(delta) FILTER (WHERE kind IN ('earn', 'referral', 'birthday')), 0)"
	"           AS issued,"
	"         coalesce(-sum(delta) FILTER (WHERE kind = 'redeem'), 0) AS redeemed,"
	"         coalesce(-sum(delta) FILTER (WHERE kind = 'expire'), 0) AS expired"
	"    FROM points_ledger l WHERE at >= ?1 AND at < ?2"
	"     AND NOT EXISTS (SELECT 1 FROM sales v WHERE v.id = l.sale_id"
	"                     AND v.voided_at IS NOT NULL)),"
	" w AS ("
	"  SELECT coalesce(sum(principal), 0) AS recharged FROM wallet_ledger"
	"   WHERE kind = 'recharge' AND at >= ?1 AND at < ?2),"
	/* A coupon redeemed by a sale that was voided went back: it is
	 * counted only while its sale stands, in the sale's week. */
	" k AS ("
	"  SELECT (SELECT count(*) FROM coupons WHERE issued_at >= ?1 AND issued_at < ?2)"
	"           AS issued,"
	"         (SELECT count(*) FROM sales v JOIN coupons c ON c.sale_id = v.id"
	"           WHERE v.sold_at >= ?1 AND v.sold_at < ?2 AND v.voided_at IS NULL)"
	"           AS redeemed)"
	" SELECT m.total, m.new, s.buyers, s.n, s.paid, p.issued, p.redeemed,"
	"        p.expired, w.recharged, s.wallet, k.issued, k.redeemed"
	"   FROM s, m, p, w, k";

static int
kpis(struct md *md, struct date week_end, struct report_kpis *k)
{
	int64_t end = date_to_days(week_end);
	char lo[11], hi[11];
	struct db_stmt *st;
	int rc;

	date_format(date_from_days(end - 6), lo);
	date_format(date_from_days(end + 1), hi);
	if ((rc = db_stmt(md, kpi_sql, &st)))
		return rc;
	db_bind_text(st, 1, lo);
	db_bind_text(st, 2, hi);
	if (!db_row(md, st, &rc)) {
		db_reset(st);
		return rc ? rc : md_fail(md, MD_EDB, _("the key figures gave no row"));
	}
	k->members = db_col_int(st, 0);
	k->new_members = db_col_int(st, 1);
	k->active_members = db_col_int(st, 2);
	k->sales = db_col_int(st, 3);
	k->paid = db_col_int(st, 4);
	k->points_issued = db_col_int(st, 5);
	k->points_redeemed = db_col_int(st, 6);
	k->points_expired = db_col_int(st, 7);
	k->wallet_recharged = db_col_int(st, 8);
	k->wallet_spent = db_col_int(st, 9);
	k->coupons_issued = db_col_int(st, 10);
	k->coupons_redeemed = db_col_int(st, 11);
	k->average_ticket = k->sales ? money_mul_div(k->paid, 1, k->sales) : 0;
	db_reset(st);
	return MD_OK;
}

/* A stored segment key; a member absent from a snapshot had no purchase. */
static int
segment_of(const char *key)
{
	int i = rfm_segment_find(key);

	return i < 0 ? RFM_NO_PURCHASE : i;
}

/* The members of each segment in the snapshot of WEEK, as counted when
 * it was stored. */
static int
counts(struct md *md, const char *week, int64_t seg[RFM_SEGMENTS])
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, "SELECT c.segment, c.members FROM rfm_week_segments c"
			  " JOIN rfm_weeks w ON w.week = c.week AND w.writer IS NULL"
			  " WHERE c.week = ?1"
			  " UNION ALL SELECT 'no_purchase', no_purchase FROM rfm_weeks"
			  " WHERE week = ?1 AND writer IS NULL", &st)))
		return rc;
	db_bind_text(st, 1, week);
	while (db_row(md, st, &rc))
		seg[segment_of(db_col_text(st, 0))] +=
			db_col_int(st, 1);
	db_reset(st);
	return rc;
}

/* Who moved into important_winback or important_keep since the earlier
 * snapshot: the members worth a call, the biggest spenders first. */
static int
calls(struct md *md, struct report_weekly *w, const char *week)
{
	struct db_stmt *st;
	size_t cap = 0;
	int rc;

	if ((rc = db_prepare(md, "SELECT mb.card, mb.name, mb.phone, c.segment,"
			     "  p.segment, c.recency, c.monetary"
			     " FROM rfm_snapshots c JOIN members mb ON mb.id = c.member_id"
			     " LEFT JOIN rfm_snapshots p ON p.week = ?2 AND p.member_id = c.member_id"
			     " WHERE c.week = ?1"
			     "   AND c.segment IN ('important_winback', 'important_keep')"
			     "   AND p.segment IS NOT c.segment"
			     "   AND mb.status IN ('active', 'frozen')"
			     " ORDER BY c.segment = 'important_keep', c.monetary DESC, mb.card",
			     &st)))
		return rc;
	db_bind_text(st, 1, week);
	db_bind_text(st, 2, w->before);
	while (db_row(md, st, &rc)) {
		struct report_call *c;

		if (!md_grow(md, &w->calls, &cap, w->ncalls, sizeof *w->calls)) {
			rc = MD_ENOMEM;
			goto out;
		}
		c = &w->calls[w->ncalls++];
		db_column_text(st, 0, c->card, sizeof c->card);
		db_column_text(st, 1, c->name, sizeof c->name);
		db_column_text(st, 2, c->phone, sizeof c->phone);
		c->segment = segment_of(db_col_text(st, 3));
		c->was = segment_of(db_col_text(st, 4));
		date_format(date_from_days(date_to_days(w->week_end) -
					   db_col_int(st, 5)), c->last);
		c->monetary = db_col_int(st, 6);
	}
out:
	db_finalize(st);
	return rc;
}

/* This week's segments, the latest earlier snapshot's, and the calls. */
static int
segments(struct md *md, struct report_weekly *w)
{
	char week[11];
	struct db_stmt *st;
	int rc;

	date_format(w->week_end, week);
	if ((rc = rfm_snapshot(md, w->week_end, NULL)) ||
	    (rc = counts(md, week, w->segments)) ||
	    (rc = db_stmt(md, "SELECT max(week) FROM rfm_weeks"
			      " WHERE week < ? AND writer IS NULL", &st)))
		return rc;
	db_bind_text(st, 1, week);
	w->before[0] = '\0';
	if (db_row(md, st, &rc))
		db_column_text(st, 0, w->before, sizeof w->before);
	db_reset(st);
	if (rc || !*w->before)
		return rc;
	if ((rc = counts(md, w->before, w->segments_before)))
		return rc;
	return calls(md, w, week);
}

/* What was paid on each of the 14 days up to WEEK_END. */
static int
days(struct md *md, struct date week_end, int64_t out[14])
{
	int64_t first = date_to_days(week_end) - 13;
	char lo[11], hi[11];
	struct db_stmt *st;
	int rc;

	date_format(date_from_days(first), lo);
	date_format(date_from_days(first + 14), hi);
	if ((rc = db_stmt(md, "SELECT CAST(julianday(substr(sold_at, 1, 10)) - julianday(?1)"
			  "            AS INTEGER), sum(paid)"
			  "  FROM sales WHERE sold_at >= ?1 AND sold_at < ?2"
			  "   AND voided_at IS NULL GROUP BY 1", &st)))
		return rc;
	db_bind_text(st, 1, lo);
	db_bind_text(st, 2, hi);
	while (db_row(md, st, &rc)) {
		int64_t d = db_col_int(st, 0);

		if (d >= 0 && d < 14)
			out[d] = db_col_int(st, 1);
	}
	db_reset(st);
	return rc;
}

struct gather {
	struct md *md;
	struct report_weekly *w;
	size_t cap;
};

static int
add_birthday(void *arg, const struct report_birthday *b)
{
	struct gather *g = arg;

	if (!md_grow(g->md, &g->w->birthdays, &g->cap, g->w->nbirthdays,
		     sizeof *g->w->birthdays))
		return MD_ENOMEM;
	g->w->birthdays[g->w->nbirthdays++] = *b;
	return MD_OK;
}

int
report_weekly(struct md *md, struct date week_end, struct report_weekly *w)
{
	struct date next = date_from_days(date_to_days(week_end) + 1);
	struct gather g = {md, w, 0};
	int rc;

	memset(w, 0, sizeof *w);
	if ((rc = operator_may(md, ACTION_REPORT_VIEW)))
		return rc;
	w->week_end = week_end;
	clock_timestamp(md, w->generated);
	if ((rc = settings_get(md, "shop_name", w->shop)) ||
	    (rc = segments(md, w)) ||
	    (rc = kpis(md, week_end, &w->week)) ||
	    (rc = kpis(md, date_from_days(date_to_days(week_end) - 7), &w->previous)) ||
	    (rc = value_types_summary(md, week_end, &w->types)) ||
	    (rc = days(md, week_end, w->days)))
		return rc;
	return report_birthdays(md, next, 7, add_birthday, &g);
}

void
report_weekly_free(struct report_weekly *w)
{
	free(w->calls);
	free(w->birthdays);
	w->calls = NULL;
	w->birthdays = NULL;
	w->ncalls = w->nbirthdays = 0;
}
