/* coupon.c - coupons, from issue to redemption
 *
 * A coupon is one member's copy of a campaign's offer, with a code of
 * its own and the days it may be used, fixed when it is issued.  It
 * moves issued -> redeemed | expired | revoked, and back from redeemed
 * to issued (or expired) when its sale is voided.  Every move is a
 * conditional UPDATE inside the caller's transaction, so two counters
 * redeeming one code at once cannot both succeed.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/coupon.h"
#include "core/db_sql.h"
#include "core/money.h"
#include "core/operator.h"
#include "core/points.h"
#include "core/rfm.h"
#include "core/text.h"
#include "i18n.h"

static const struct text_label statuses[] = {
	[COUPON_ISSUED] = { "issued", N_("issued") },
	[COUPON_REDEEMED] = { "redeemed", N_("redeemed") },
	[COUPON_EXPIRED] = { "expired", N_("expired") },
	[COUPON_REVOKED] = { "revoked", N_("revoked") },
};

static const struct text_label hows[] = {
	{ "issue", N_("issued to a campaign's members") },
	{ "give", N_("given at the counter") },
	{ "buy", N_("bought with points") },
	{ "welcome", N_("welcome coupon") },
	{ "birthday", N_("birthday coupon") },
	{ "upgrade", N_("tier upgrade coupon") },
	{ "winback", N_("win-back coupon") },
};

#define N(a) (sizeof a / sizeof *a)

const char *
coupon_status_key(enum coupon_status s)
{
	return statuses[s].key;
}

const char *
coupon_status_label(enum coupon_status s)
{
	return _(statuses[s].label);
}

bool
coupon_status_parse(const char *key, enum coupon_status *s)
{
	for (size_t i = 0; i < N(statuses); i++) {
		if (key && !strcmp(key, statuses[i].key)) {
			*s = (enum coupon_status)i;
			return true;
		}
	}
	return false;
}

const char *
coupon_how_label(const char *how)
{
	return text_label(hows, N(hows), how);
}

/* ---- Reading ------------------------------------------------------------ */

#define COUPON_SELECT \
	"SELECT k.id, k.code, k.campaign_id, m.id, m.card, m.name, k.status, k.how," \
	"  k.issued_at, k.valid_from, k.expires, coalesce(k.sale_id, 0), k.discount," \
	"  coalesce(-p.delta, 0), coalesce(k.ended_at, ''), k.reason" \
	"  FROM coupons k JOIN members m ON m.id = k.member_id" \
	"  LEFT JOIN points_ledger p ON p.id = k.points_entry"

/* A row into K; its campaign from CACHE when it is the same one. */
static int
from_row(struct md *md, struct db_stmt *st, struct coupon *k, struct campaign *cache)
{
	int64_t campaign = db_col_int(st, 2);
	int rc;

	memset(k, 0, sizeof *k);
	k->id = db_col_int(st, 0);
	db_column_text(st, 1, k->code, sizeof k->code);
	k->member_id = db_col_int(st, 3);
	db_column_text(st, 4, k->card, sizeof k->card);
	db_column_text(st, 5, k->name, sizeof k->name);
	coupon_status_parse(db_col_text(st, 6), &k->status);
	db_column_text(st, 7, k->how, sizeof k->how);
	db_column_text(st, 8, k->issued_at, sizeof k->issued_at);
	db_column_text(st, 9, k->valid_from, sizeof k->valid_from);
	db_column_text(st, 10, k->expires, sizeof k->expires);
	k->sale_id = db_col_int(st, 11);
	k->discount = db_col_int(st, 12);
	k->points_paid = db_col_int(st, 13);
	db_column_text(st, 14, k->ended_at, sizeof k->ended_at);
	db_column_text(st, 15, k->reason, sizeof k->reason);
	if (cache->id != campaign && (rc = campaign_get_id(md, campaign, cache)))
		return rc;
	k->campaign = *cache;
	return MD_OK;
}

int
coupon_get(struct md *md, const char *code, struct coupon *k)
{
	char c[COUPON_CODE_MAX];
	struct campaign cache = {0};
	struct db_stmt *st;
	int rc;

	if ((rc = coupon_code_parse(md, code, c)) ||
	    (rc = db_stmt(md, COUPON_SELECT " WHERE k.code = ?", &st)))
		return rc;
	db_bind_text(st, 1, c);
	/* The campaign is read with a statement of its own, which leaves
	 * this one on its row. */
	if (db_row(md, st, &rc))
		rc = from_row(md, st, k, &cache);
	else if (!rc)
		rc = md_fail(md, MD_ENOTFOUND, _("unknown code"));
	db_reset(st);
	return rc;
}

int
coupon_list(struct md *md, const struct coupon_filter *f,
	    int (*cb)(void *arg, const struct coupon *k), void *arg)
{
	struct campaign cache = {0};
	struct coupon k;
	struct db_stmt *st;
	char today[11];
	int rc;

	clock_today_text(md, today);
	if ((rc = db_prepare(md, COUPON_SELECT
			     " WHERE (?1 = 0 OR k.member_id = ?1) AND (?2 = 0 OR k.campaign_id = ?2)"
			     "   AND (?3 IS NULL OR k.status = ?3)"
			     "   AND (?4 = 0 OR (k.status = 'issued' AND k.valid_from <= ?5"
			     "        AND k.expires >= ?5))"
			     " ORDER BY k.id DESC", &st)))
		return rc;
	db_bind_int(st, 1, f->member_id);
	db_bind_int(st, 2, f->campaign_id);
	if (f->status >= 0)
		db_bind_text(st, 3, coupon_status_key((enum coupon_status)f->status));
	db_bind_int(st, 4, f->usable);
	db_bind_text(st, 5, today);
	while (db_row(md, st, &rc)) {
		/* Campaigns are read with statements of their own, which
		 * leave this prepared one alone. */
		if ((rc = from_row(md, st, &k, &cache)))
			break;
		if (f->usable && k.campaign.status != CAMPAIGN_ACTIVE)
			continue;
		if ((rc = cb(arg, &k)))
			break;
	}
	db_finalize(st);
	return rc;
}

/* ---- Issuing ------------------------------------------------------------ */

/* An active campaign whose coupons can still be used: the first day and
 * the last of a coupon issued today into FROM and TO. */
static int
issuable(struct md *md, const struct campaign *c, char from[11], char to[11])
{
	char today[11];

	if (c->status == CAMPAIGN_DRAFT)
		return md_fail(md, MD_ECONFLICT,
			       _("campaign %s is a draft: start it first (coupon campaign start)"),
			       c->name);
	if (c->status == CAMPAIGN_ENDED)
		return md_fail(md, MD_ECONFLICT, _("campaign %s has ended"), c->name);
	clock_today_text(md, today);
	campaign_validity(c, clock_today(md), from, to);
	if (strcmp(to, today) < 0)
		return md_fail(md, MD_ECONFLICT,
			       _("campaign %s's coupons could be used only until %s"), c->name, to);
	return MD_OK;
}

/* One coupon of C for MEMBER_ID, issued today: a fresh code (one that is
 * taken, once in a few trillion, is drawn again). */
int
coupon_insert(struct md *md, const struct campaign *c, int64_t member_id,
	      const char *how, const char *period, struct coupon *k)
{
	char code[COUPON_CODE_MAX], now[20], from[11], to[11];
	struct db_stmt *st;
	int64_t taken;
	int rc;

	do {
		if ((rc = coupon_code_new(md, code)) ||
		    (rc = db_int_text(md, "SELECT count(*) FROM coupons WHERE code = ?", code,
				      &taken)))
			return rc;
	} while (taken);
	clock_timestamp(md, now);
	campaign_validity(c, clock_today(md), from, to);
	if ((rc = db_stmt(md, "INSERT INTO coupons(code, campaign_id, member_id, how, period,"
			  " status, issued_at, valid_from, expires, tier_id, segment, operator)"
			  " SELECT ?1, ?2, m.id, ?3, ?4, 'issued', ?5, ?6, ?7, m.tier_id,"
			  "  (SELECT s.segment FROM rfm_snapshots s WHERE s.member_id = m.id"
			  "    AND s.week = (SELECT max(week) FROM rfm_weeks WHERE writer IS NULL)), ?8"
			  " FROM members m WHERE m.id = ?9", &st)))
		return rc;
	db_bind_text(st, 1, code);
	db_bind_int(st, 2, c->id);
	db_bind_text(st, 3, how);
	db_bind_text_or_null(st, 4, period);
	db_bind_text(st, 5, now);
	db_bind_text(st, 6, from);
	db_bind_text(st, 7, to);
	db_bind_text(st, 8, md->operator_name);
	db_bind_int(st, 9, member_id);
	if ((rc = db_run(md, st)))
		return rc;
	if (k) {
		memset(k, 0, sizeof *k);
		k->id = db_last_id(md);
		strcpy(k->code, code);
		k->campaign = *c;
		k->member_id = member_id;
		k->status = COUPON_ISSUED;
		snprintf(k->how, sizeof k->how, "%s", how);
		strcpy(k->issued_at, now);
		strcpy(k->valid_from, from);
		strcpy(k->expires, to);
	}
	return MD_OK;
}

static const char targets_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS coupon_targets(id INTEGER PRIMARY KEY);"
	"DELETE FROM " SQL_TEMP("coupon_targets");

/* Who this run gives a coupon to, into temp.coupon_targets: the
 * targeted members below the per-member limit, the first of them by
 * registration as far as the total allows. */
static int
gather(struct md *md, const struct campaign *c, struct coupon_issue_result *r)
{
	char from[1024], sql[1400];
	struct db_stmt *st;
	int64_t targeted, issued, room;
	int rc;

	if ((rc = campaign_targets_sql(md, c, clock_today(md), from, sizeof from)) ||
	    (rc = db_exec(md, targets_sql)))
		return rc;
	snprintf(sql, sizeof sql,
		 "INSERT INTO " SQL_TEMP("coupon_targets") "(id) SELECT t.id FROM (%s) t"
		 " WHERE (SELECT count(*) FROM coupons k WHERE k.campaign_id = ?1"
		 "        AND k.member_id = t.id) < ?2", from);
	if ((rc = db_prepare(md, sql, &st)))
		return rc;
	db_bind_int(st, 1, c->id);
	db_bind_int(st, 2, c->per_member);
	rc = db_run(md, st);
	db_finalize(st);
	if (rc)
		return rc;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM (%s)", from);
	if ((rc = db_prepare(md, sql, &st)))
		return rc;
	db_bind_int(st, 1, c->id);
	targeted = db_row(md, st, &rc) ? db_col_int(st, 0) : 0;
	db_finalize(st);
	if (rc || (rc = db_int(md, "SELECT count(*) FROM " SQL_TEMP("coupon_targets"),
			       &r->issued)))
		return rc;
	r->at_limit = targeted - r->issued;
	if (!c->total)
		return MD_OK;
	if ((rc = db_int_arg(md, "SELECT count(*) FROM coupons WHERE campaign_id = ?",
			     c->id, &issued)))
		return rc;
	room = c->total > issued ? c->total - issued : 0;
	if (r->issued <= room)
		return MD_OK;
	r->over_total = r->issued - room;
	r->issued = room;
	if ((rc = db_stmt(md, "DELETE FROM " SQL_TEMP("coupon_targets") " WHERE id NOT IN"
			  " (SELECT id FROM " SQL_TEMP("coupon_targets") " ORDER BY id LIMIT ?)",
			  &st)))
		return rc;
	db_bind_int(st, 1, room);
	return db_run(md, st);
}

static int
name_targets(struct md *md, int (*cb)(void *arg, const struct coupon_target *t), void *arg)
{
	struct coupon_target t;
	struct db_stmt *st;
	int rc;

	if ((rc = db_prepare(md, "SELECT m.card, m.name, coalesce(m.phone, '') FROM members m"
			     " JOIN " SQL_TEMP("coupon_targets") " t ON t.id = m.id ORDER BY m.card",
			     &st)))
		return rc;
	while (db_row(md, st, &rc)) {
		t.card = db_col_text(st, 0);
		t.name = db_col_text(st, 1);
		t.phone = db_col_text(st, 2);
		if ((rc = cb(arg, &t)))
			break;
	}
	db_finalize(st);
	return rc;
}

static int
issue_locked(struct md *md, const char *key, bool dry_run,
	     int (*cb)(void *arg, const struct coupon_target *t), void *arg,
	     struct coupon_issue_result *r)
{
	char from[11], to[11], n[24], id[24];
	struct campaign c;
	struct db_stmt *st;
	int rc;

	if ((rc = campaign_get(md, key, &c)) || (rc = issuable(md, &c, from, to)) ||
	    (rc = gather(md, &c, r)))
		return rc;
	if (dry_run)
		return cb ? name_targets(md, cb, arg) : MD_OK;
	if ((rc = db_prepare(md, "SELECT id FROM " SQL_TEMP("coupon_targets") " ORDER BY id",
			     &st)))
		return rc;
	while (db_row(md, st, &rc))
		if ((rc = coupon_insert(md, &c, db_col_int(st, 0), "issue", NULL, NULL)))
			break;
	db_finalize(st);
	if (rc || !r->issued)
		return rc;
	snprintf(n, sizeof n, "%lld", (long long)r->issued);
	snprintf(id, sizeof id, "%lld", (long long)c.id);
	return audit_log_pairs(md, ACTION_COUPON_ISSUE, 0, "campaign", id, "name", c.name,
			       "coupons", n, "valid_from", from, "expires", to, NULL);
}

int
coupon_issue(struct md *md, const char *campaign, bool dry_run,
	     int (*cb)(void *arg, const struct coupon_target *t), void *arg,
	     struct coupon_issue_result *r)
{
	int rc;

	memset(r, 0, sizeof *r);
	if ((rc = operator_may(md, ACTION_COUPON_ISSUE)))
		return rc;
	/* Each coupon keeps its member's segment in the last week's
	 * snapshot: taken first if it is still missing. */
	if (!dry_run && (rc = rfm_week_ensure(md, NULL)))
		return rc;
	/* A campaign to every member writes a row and five index entries
	 * each, the codes' at random places: a bounded bigger page cache
	 * (16 MB) keeps those pages from being spilled to the WAL before
	 * the commit. */
	db_cache_size(md, 16384);
	if ((rc = db_begin(md)))
		goto out;
	rc = issue_locked(md, campaign, dry_run, cb, arg, r);
	/* A dry run writes nothing: end it like a failure. */
	if (dry_run && rc == MD_OK) {
		db_end(md, MD_ECONFLICT);
		rc = MD_OK;
		goto out;
	}
	rc = db_end(md, rc);
out:
	db_cache_size(md, 0);
	return rc;
}

int
coupon_reach(struct md *md, const struct campaign *c, int64_t *n)
{
	char from[1024], sql[1100];
	struct db_stmt *st;
	int rc;

	*n = 0;
	if ((rc = campaign_targets_sql(md, c, clock_today(md), from, sizeof from)))
		return rc;
	snprintf(sql, sizeof sql, "SELECT count(*) FROM (%s)", from);
	if ((rc = db_prepare(md, sql, &st)))
		return rc;
	db_bind_int(st, 1, c->id);
	if (db_row(md, st, &rc))
		*n = db_col_int(st, 0);
	db_finalize(st);
	return rc;
}

/* How many coupons of CAMPAIGN the member holds, in any state. */
static int
held(struct md *md, int64_t campaign, int64_t member, int64_t *n)
{
	struct db_stmt *st;
	int rc;

	*n = 0;
	if ((rc = db_stmt(md, "SELECT count(*) FROM coupons WHERE campaign_id = ?"
			  " AND member_id = ?", &st)))
		return rc;
	db_bind_int(st, 1, campaign);
	db_bind_int(st, 2, member);
	if (db_row(md, st, &rc))
		*n = db_col_int(st, 0);
	db_reset(st);
	return rc;
}

/* The member KEY may have one more coupon of C. */
static int
may_have(struct md *md, const struct campaign *c, const char *key, struct member *m)
{
	int64_t have, all;
	int rc;

	if ((rc = member_get(md, key, m)))
		return rc;
	if (m->status != MEMBER_ACTIVE)
		return md_fail(md, MD_ECONFLICT, _("member %s (%s) is %s: coupons go to active members"),
			       m->card, m->name, member_status_label(m->status));
	if ((rc = db_int_arg(md, "SELECT count(*) FROM coupons WHERE campaign_id = ?",
			     c->id, &all)))
		return rc;
	if (c->total && all >= c->total)
		return md_fail(md, MD_ECONFLICT,
			       _("campaign %s has given all its %lld coupons"), c->name,
			       (long long)c->total);
	if ((rc = held(md, c->id, m->id, &have)))
		return rc;
	if (have >= c->per_member)
		return md_fail(md, MD_ECONFLICT,
			       P_("%s (%s) has %lld coupon of campaign %s already, as many as one member may",
				  "%s (%s) has %lld coupons of campaign %s already, as many as one member may",
				  have),
			       m->card, m->name, (long long)have, c->name);
	return MD_OK;
}

static int
give_locked(struct md *md, const char *campaign, const char *key, bool buy,
	    struct coupon *k)
{
	char from[11], to[11], id[24], shown[COUPON_SHOWN_MAX], reason[200];
	struct campaign c;
	struct member m;
	int64_t entry;
	int rc;

	if ((rc = campaign_get(md, campaign, &c)) || (rc = issuable(md, &c, from, to)))
		return rc;
	if (buy && !c.points)
		return md_fail(md, MD_ECONFLICT, _("campaign %s's coupons are not sold for points"),
			       c.name);
	if ((rc = may_have(md, &c, key, &m)))
		return rc;
	if (buy && m.points < c.points)
		return md_fail(md, MD_ECONFLICT,
			       P_("%s (%s) has %lld point; a coupon of %s costs %lld",
				  "%s (%s) has %lld points; a coupon of %s costs %lld", m.points),
			       m.card, m.name, (long long)m.points, c.name, (long long)c.points);
	if ((rc = coupon_insert(md, &c, m.id, buy ? "buy" : "give", NULL, k)))
		return rc;
	strcpy(k->card, m.card);
	strcpy(k->name, m.name);
	coupon_code_show(k->code, shown);
	if (buy) {
		struct db_stmt *st;

		snprintf(reason, sizeof reason, _("coupon %s (%s)"), shown, c.name);
		if ((rc = points_debit(md, m.id, "redeem", c.points, 0, k->issued_at, reason, 0,
				       &entry)) ||
		    (rc = db_stmt(md, "UPDATE coupons SET points_entry = ? WHERE id = ?", &st)))
			return rc;
		db_bind_int(st, 1, entry);
		db_bind_int(st, 2, k->id);
		if ((rc = db_run(md, st)))
			return rc;
		k->points_paid = c.points;
	}
	snprintf(id, sizeof id, "%lld", (long long)c.id);
	return audit_log_pairs(md, buy ? ACTION_COUPON_BUY : ACTION_COUPON_GIVE, m.id,
			       "coupon", shown, "campaign", id, "name", c.name,
			       "expires", k->expires, NULL);
}

int
coupon_give(struct md *md, const char *campaign, const char *member, struct coupon *k)
{
	int rc;

	if ((rc = rfm_week_ensure(md, NULL)) || (rc = db_begin(md)))
		return rc;
	return db_end(md, give_locked(md, campaign, member, false, k));
}

int
coupon_buy(struct md *md, const char *campaign, const char *member, struct coupon *k)
{
	int rc;

	if ((rc = rfm_week_ensure(md, NULL)) || (rc = db_begin(md)))
		return rc;
	return db_end(md, give_locked(md, campaign, member, true, k));
}

/* Why coupon K is not there to be used (or to be revoked), or MD_OK. */
static int
not_issued(struct md *md, const struct coupon *k)
{
	char shown[COUPON_SHOWN_MAX];

	coupon_code_show(k->code, shown);
	switch (k->status) {
	case COUPON_ISSUED:
		return MD_OK;
	case COUPON_REDEEMED:
		return md_fail(md, MD_ECONFLICT, _("coupon %s was used already, in sale %lld"),
			       shown, (long long)k->sale_id);
	case COUPON_REVOKED:
		return md_fail(md, MD_ECONFLICT, _("coupon %s was revoked"), shown);
	case COUPON_EXPIRED:
		return md_fail(md, MD_ECONFLICT, _("coupon %s expired on %s"), shown, k->expires);
	}
	return MD_OK;
}

static int
revoke_locked(struct md *md, const char *code, const char *why)
{
	char shown[COUPON_SHOWN_MAX], now[20], reason[MEMBER_NOTE_MAX + 64];
	struct db_stmt *st;
	struct coupon k;
	int64_t entry = 0;
	int rc;

	if ((rc = coupon_get(md, code, &k)) || (rc = not_issued(md, &k)))
		return rc;
	clock_timestamp(md, now);
	coupon_code_show(k.code, shown);
	if ((rc = db_stmt(md, "UPDATE coupons SET status = 'revoked', reason = ?1, ended_at = ?2"
			  " WHERE id = ?3 AND status = 'issued' RETURNING coalesce(points_entry, 0)",
			  &st)))
		return rc;
	db_bind_text(st, 1, why);
	db_bind_text(st, 2, now);
	db_bind_int(st, 3, k.id);
	if (db_row(md, st, &rc))
		entry = db_col_int(st, 0);
	db_run(md, st);
	if (rc)
		return rc;
	snprintf(reason, sizeof reason, _("coupon %s revoked: %s"), shown, why);
	if (entry && (rc = points_restore(md, entry, 0, now, reason)))
		return rc;
	return audit_log_pairs(md, ACTION_COUPON_REVOKE, k.member_id, "coupon", shown,
			       "campaign", k.campaign.name, "reason", why, NULL);
}

int
coupon_revoke(struct md *md, const char *code, const char *reason)
{
	char why[MEMBER_NOTE_MAX];
	int rc;

	if ((rc = operator_may(md, ACTION_COUPON_REVOKE)))
		return rc;
	if ((rc = points_check_reason(md, reason, why)) || (rc = db_begin(md)))
		return rc;
	return db_end(md, revoke_locked(md, code, why));
}

/* ---- At the counter ------------------------------------------------------ */

/* What the offer takes off BASE (what is left after the tier discount):
 * never more than BASE; a percentage leaves whole units in a shop that
 * counts in them. */
static int64_t
discount_of(struct md *md, const struct campaign *c, int64_t base)
{
	int64_t off;

	switch (c->kind) {
	case CAMPAIGN_CASH:
	case CAMPAIGN_VOUCHER:
		off = c->value;
		break;
	case CAMPAIGN_PERCENT:
		off = base - money_round(md, money_mul_div(base, c->value, 100));
		if (c->cap && off > c->cap)
			off = c->cap;
		break;
	default:
		off = 0;
	}
	return off > base ? base : off;
}

int
coupon_apply(struct md *md, const char *code, int64_t member_id, struct date day,
	     int64_t base, struct coupon *k, int64_t *discount)
{
	char shown[COUPON_SHOWN_MAX], d[11], a[40], b[40];
	int rc;

	*discount = 0;
	if ((rc = coupon_get(md, code, k)))
		return rc;
	coupon_code_show(k->code, shown);
	date_format(day, d);
	if (!member_id)
		return md_fail(md, MD_ECONFLICT,
			       _("coupon %s belongs to a member: sell to the member it was given to"),
			       shown);
	if (k->member_id != member_id)
		return md_fail(md, MD_ECONFLICT, _("coupon %s belongs to another member"), shown);
	if ((rc = not_issued(md, k)))
		return rc;
	if (k->campaign.status == CAMPAIGN_ENDED)
		return md_fail(md, MD_ECONFLICT, _("coupon %s is of campaign %s, which has ended"),
			       shown, k->campaign.name);
	if (strcmp(d, k->expires) > 0)
		return md_fail(md, MD_ECONFLICT, _("coupon %s expired on %s"), shown, k->expires);
	if (strcmp(d, k->valid_from) < 0)
		return md_fail(md, MD_ECONFLICT, _("coupon %s may be used from %s"), shown,
			       k->valid_from);
	if (!campaign_usable_on(&k->campaign, day))
		return md_fail(md, MD_ECONFLICT, _("coupon %s cannot be used on %s (%s)"), shown, d,
			       k->campaign.not_on);
	if (base < k->campaign.min_spend) {
		money_human(md, k->campaign.min_spend, a);
		money_human(md, k->campaign.min_spend - base, b);
		return md_fail(md, MD_ECONFLICT,
			       _("coupon %s needs a spend of %s after the tier discount: %s more"),
			       shown, a, b);
	}
	*discount = discount_of(md, &k->campaign, base);
	return MD_OK;
}

int
coupon_redeem(struct md *md, const struct coupon *k, int64_t sale_id, int64_t discount,
	      const char *at)
{
	char shown[COUPON_SHOWN_MAX];
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, "UPDATE coupons SET status = 'redeemed', sale_id = ?1,"
			  " discount = ?2, ended_at = ?3 WHERE id = ?4 AND status = 'issued'", &st)))
		return rc;
	db_bind_int(st, 1, sale_id);
	db_bind_int(st, 2, discount);
	db_bind_text(st, 3, at);
	db_bind_int(st, 4, k->id);
	if ((rc = db_run(md, st)))
		return rc;
	if (db_changes(md) != 1) {
		coupon_code_show(k->code, shown);
		return md_fail(md, MD_ECONFLICT, _("coupon %s was used already"), shown);
	}
	/* The sale's own record of it, which a void does not undo. */
	if ((rc = db_stmt(md, "INSERT INTO sale_coupons(sale_id, coupon_id, discount)"
			  " VALUES (?, ?, ?)", &st)))
		return rc;
	db_bind_int(st, 1, sale_id);
	db_bind_int(st, 2, k->id);
	db_bind_int(st, 3, discount);
	return db_run(md, st);
}

int
coupon_void(struct md *md, int64_t sale_id, struct date today)
{
	struct db_stmt *st;
	char day[11], now[20];
	int rc;

	date_format(today, day);
	clock_timestamp(md, now);
	if ((rc = db_stmt(md, "UPDATE coupons SET"
			  " status = CASE WHEN expires >= ?2 AND (SELECT c.status FROM campaigns c"
			  "   WHERE c.id = coupons.campaign_id) <> 'ended' THEN 'issued' ELSE 'expired' END,"
			  " ended_at = CASE WHEN expires >= ?2 AND (SELECT c.status FROM campaigns c"
			  "   WHERE c.id = coupons.campaign_id) <> 'ended' THEN NULL ELSE ?3 END,"
			  " sale_id = NULL, discount = 0"
			  " WHERE sale_id = ?1", &st)))
		return rc;
	db_bind_int(st, 1, sale_id);
	db_bind_text(st, 2, day);
	db_bind_text(st, 3, now);
	return db_run(md, st);
}

int
coupon_codes_of_sale(struct md *md, int64_t sale_id, char *out, size_t n)
{
	char shown[COUPON_SHOWN_MAX];
	struct db_stmt *st;
	size_t o = 0;
	int rc;

	out[0] = '\0';
	if (!sale_id)
		return MD_OK;
	if ((rc = db_stmt(md, "SELECT code FROM coupons WHERE sale_id = ? ORDER BY id", &st)))
		return rc;
	db_bind_int(st, 1, sale_id);
	while (db_row(md, st, &rc)) {
		coupon_code_show(db_col_text(st, 0), shown);
		o += (size_t)snprintf(out + o, o < n ? n - o : 0, "%s%s", o ? ";" : "", shown);
	}
	db_reset(st);
	return rc;
}

int
coupon_merge(struct md *md, int64_t keep, int64_t drop)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, "UPDATE coupons SET member_id = ?1 WHERE member_id = ?2", &st)))
		return rc;
	db_bind_int(st, 1, keep);
	db_bind_int(st, 2, drop);
	return db_run(md, st);
}

int
coupon_expire_locked(struct md *md, struct date today, int64_t *n)
{
	char day[11], now[20], count[24];
	struct db_stmt *st;
	int64_t done;
	int rc;

	date_format(today, day);
	clock_timestamp(md, now);
	if ((rc = db_stmt(md, "UPDATE coupons SET status = 'expired', ended_at = ?1"
			  " WHERE status = 'issued' AND expires < ?2", &st)))
		return rc;
	db_bind_text(st, 1, now);
	db_bind_text(st, 2, day);
	if ((rc = db_run(md, st)))
		return rc;
	done = db_changes(md);
	if (n)
		*n = done;
	if (!done)
		return MD_OK;
	snprintf(count, sizeof count, "%lld", (long long)done);
	return audit_log_pairs(md, ACTION_COUPON_EXPIRE, 0, "coupons", count, "before", day, NULL);
}
