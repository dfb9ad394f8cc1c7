/* coupon_auto.c - the automatic coupons
 *
 * Every rule is two steps.  One statement puts the members it is due
 * to into temp.coupon_due (birthdays through the birthday index, the
 * week's movers from its snapshot and the sales of one week long ago);
 * then give_due() takes out who is not active or has this period's
 * coupon already, and who holds as many of the campaign's coupons as
 * one may, keeps to the campaign's total, and issues the rest through
 * coupon_insert() with the period, so that the unique index on
 * (campaign, member, how, period) guards against a second one.  The
 * work is in proportion to who is due that day, never to the shop.
 *
 * A rule whose campaign gives nothing now (a draft, ended, its days of
 * use over) is idle: the daily rules go on without it.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/coupon_auto.h"
#include "core/db_sql.h"
#include "core/operator.h"
#include "core/rfm.h"
#include "core/settings.h"
#include "core/text.h"
#include "i18n.h"

static const struct text_label rules[] = {
	[COUPON_RULE_WELCOME] = { "welcome", N_("welcome (on registration)") },
	[COUPON_RULE_BIRTHDAY] = { "birthday", N_("birthday (days before it)") },
	[COUPON_RULE_UPGRADE] = { "upgrade", N_("tier upgrade") },
	[COUPON_RULE_WINBACK] = { "winback", N_("win-back (into important win-back, or sleeping)") },
};

const char *
coupon_rule_key(enum coupon_rule r)
{
	return rules[r].key;
}

const char *
coupon_rule_label(enum coupon_rule r)
{
	return _(rules[r].label);
}

int
coupon_rule_parse(struct md *md, const char *key, enum coupon_rule *r)
{
	for (int i = 0; i < COUPON_RULES; i++) {
		if (!strcmp(key, rules[i].key)) {
			*r = (enum coupon_rule)i;
			return MD_OK;
		}
	}
	return md_fail(md, MD_EINVAL,
		       _("unknown rule \"%s\": welcome, birthday, upgrade or winback"), key);
}

/* ---- The rules as set ---------------------------------------------------- */

int
coupon_rule_list(struct md *md, struct coupon_rule_def out[COUPON_RULES])
{
	struct db_stmt *st;
	enum coupon_rule r;
	int64_t ids[COUPON_RULES] = {0};
	int rc;

	memset(out, 0, COUPON_RULES * sizeof *out);
	if ((rc = db_stmt(md, "SELECT rule, campaign_id, days FROM coupon_rules", &st)))
		return rc;
	while (db_row(md, st, &rc)) {
		if (coupon_rule_parse(md, db_col_text(st, 0), &r))
			continue;	/* the table's CHECK keeps others out */
		out[r].set = true;
		ids[r] = db_col_int(st, 1);
		out[r].days = (int)db_col_int(st, 2);
	}
	db_reset(st);
	for (int i = 0; i < COUPON_RULES && rc == MD_OK; i++)
		if (out[i].set)
			rc = campaign_get_id(md, ids[i], &out[i].campaign);
	return rc;
}

static int
days_of(struct md *md, enum coupon_rule r, const char *s, int *days)
{
	char *end;
	long n;

	*days = r == COUPON_RULE_BIRTHDAY ? COUPON_RULE_DAYS : 0;
	if (!s)
		return MD_OK;
	if (r != COUPON_RULE_BIRTHDAY)
		return md_fail(md, MD_EINVAL, _("%s is for the birthday rule only"),
			       md_input(md, "--days"));
	n = strtol(s, &end, 10);
	if (!*s || *end || n < 0 || n > COUPON_RULE_DAYS_MAX)
		return md_fail(md, MD_EINVAL,
			       _("%s \"%s\" must be a whole number of days from 0 to %d"),
			       md_input(md, "--days"), s, COUPON_RULE_DAYS_MAX);
	*days = (int)n;
	return MD_OK;
}

static int
set_locked(struct md *md, enum coupon_rule r, const char *campaign, int days)
{
	char id[24], d[24];
	struct campaign c;
	struct db_stmt *st;
	int rc;

	if ((rc = campaign_get(md, campaign, &c)))
		return rc;
	if (c.status == CAMPAIGN_ENDED)
		return md_fail(md, MD_ECONFLICT, _("campaign %s has ended"), c.name);
	if ((rc = db_stmt(md, "INSERT INTO coupon_rules(rule, campaign_id, days) VALUES (?, ?, ?)"
			  " ON CONFLICT(rule) DO UPDATE SET campaign_id = excluded.campaign_id,"
			  " days = excluded.days", &st)))
		return rc;
	db_bind_text(st, 1, coupon_rule_key(r));
	db_bind_int(st, 2, c.id);
	db_bind_int(st, 3, days);
	if ((rc = db_run(md, st)))
		return rc;
	snprintf(id, sizeof id, "%lld", (long long)c.id);
	snprintf(d, sizeof d, "%d", days);
	return audit_log_pairs(md, ACTION_COUPON_RULE, 0, "rule", coupon_rule_key(r),
			       "campaign", id, "name", c.name, "days", d, NULL);
}

int
coupon_rule_set(struct md *md, const char *rule, const char *campaign, const char *days)
{
	enum coupon_rule r;
	int d, rc;

	if ((rc = operator_may(md, ACTION_COUPON_RULE)))
		return rc;
	if ((rc = coupon_rule_parse(md, rule, &r)) || (rc = days_of(md, r, days, &d)) ||
	    (rc = db_begin(md)))
		return rc;
	return db_end(md, set_locked(md, r, campaign, d));
}

static int
unset_locked(struct md *md, enum coupon_rule r)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, "DELETE FROM coupon_rules WHERE rule = ?", &st)))
		return rc;
	db_bind_text(st, 1, coupon_rule_key(r));
	if ((rc = db_run(md, st)))
		return rc;
	if (db_changes(md) == 0)
		return md_fail(md, MD_ENOTFOUND, _("the %s rule is not set"), coupon_rule_key(r));
	return audit_log_pairs(md, ACTION_COUPON_RULE, 0, "rule", coupon_rule_key(r),
			       "campaign", "", NULL);
}

int
coupon_rule_unset(struct md *md, const char *rule)
{
	enum coupon_rule r;
	int rc;

	if ((rc = operator_may(md, ACTION_COUPON_RULE)))
		return rc;
	if ((rc = coupon_rule_parse(md, rule, &r)) || (rc = db_begin(md)))
		return rc;
	return db_end(md, unset_locked(md, r));
}

/* ---- Giving ---------------------------------------------------------------- */

static const char due_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS coupon_due(id INTEGER PRIMARY KEY);"
	"DELETE FROM " SQL_TEMP("coupon_due");

/* Start a rule's list of whom it is due to. */
static int
due_clear(struct md *md)
{
	return db_exec(md, due_sql);
}

/* SQL (a string literal) with its text parameters ?1.. = ARGS, run. */
static int
due_fill(struct md *md, const char *sql, const char *const *args, int n)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, sql, &st)))
		return rc;
	for (int i = 0; i < n; i++)
		db_bind_text_or_null(st, i + 1, args[i]);
	return db_run(md, st);
}

/* May C give coupons today?  Active, and its days of use not over. */
static bool
giving(struct md *md, const struct campaign *c)
{
	char from[11], to[11], today[11];

	if (c->status != CAMPAIGN_ACTIVE)
		return false;
	clock_today_text(md, today);
	campaign_validity(c, clock_today(md), from, to);
	return strcmp(to, today) >= 0;
}

/* Take out of temp.coupon_due who gets nothing: not active, this
 * period's coupon given already (quietly: that is the rule working),
 * at the per-member limit (counted in R). */
static int
due_filter(struct md *md, const struct campaign *c, const char *how, const char *period,
	   struct coupon_rule_result *r)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, "DELETE FROM " SQL_TEMP("coupon_due") " WHERE"
			  " (SELECT status FROM members m WHERE m.id = coupon_due.id) <> 'active'"
			  " OR EXISTS (SELECT 1 FROM coupons k WHERE k.campaign_id = ?1"
			  "   AND k.member_id = coupon_due.id AND k.how = ?2 AND k.period = ?3)", &st)))
		return rc;
	db_bind_int(st, 1, c->id);
	db_bind_text(st, 2, how);
	db_bind_text(st, 3, period);
	if ((rc = db_run(md, st)) ||
	    (rc = db_stmt(md, "DELETE FROM " SQL_TEMP("coupon_due") " WHERE"
			  " (SELECT count(*) FROM coupons k WHERE k.campaign_id = ?1"
			  "   AND k.member_id = coupon_due.id) >= ?2", &st)))
		return rc;
	db_bind_int(st, 1, c->id);
	db_bind_int(st, 2, c->per_member);
	if ((rc = db_run(md, st)))
		return rc;
	r->at_limit += db_changes(md);
	return MD_OK;
}

/* Keep to C's total: the members who registered first get the room. */
static int
due_total(struct md *md, const struct campaign *c, int64_t due, int64_t *n,
	  struct coupon_rule_result *r)
{
	struct db_stmt *st;
	int64_t issued, room;
	int rc;

	*n = due;
	if (!c->total)
		return MD_OK;
	if ((rc = db_int_arg(md, "SELECT count(*) FROM coupons WHERE campaign_id = ?",
			     c->id, &issued)))
		return rc;
	room = c->total > issued ? c->total - issued : 0;
	if (due <= room)
		return MD_OK;
	r->over_total += due - room;
	*n = room;
	if ((rc = db_stmt(md, "DELETE FROM " SQL_TEMP("coupon_due") " WHERE id NOT IN"
			  " (SELECT id FROM " SQL_TEMP("coupon_due") " ORDER BY id LIMIT ?)", &st)))
		return rc;
	db_bind_int(st, 1, room);
	return db_run(md, st);
}

/* Issue C's coupons to who is left in temp.coupon_due, for PERIOD, and
 * record the run: one audit row naming the rule and the campaign (with
 * MEMBER_ID when the run is for one member).  *K (may be NULL) gets
 * the last coupon. */
static int
give_due(struct md *md, enum coupon_rule rule, const struct campaign *c, const char *period,
	 int64_t member_id, struct coupon_rule_result *r, struct coupon *k)
{
	const char *how = coupon_rule_key(rule);
	char id[24], n[24];
	struct db_stmt *st;
	int64_t due, give;
	int rc;

	r->set = true;
	if (!giving(md, c)) {
		r->idle = true;
		return MD_OK;
	}
	if ((rc = due_filter(md, c, how, period, r)) ||
	    (rc = db_int(md, "SELECT count(*) FROM " SQL_TEMP("coupon_due"), &due)) ||
	    (rc = due_total(md, c, due, &give, r)) || give == 0)
		return rc;
	if ((rc = db_prepare(md, "SELECT id FROM " SQL_TEMP("coupon_due") " ORDER BY id", &st)))
		return rc;
	while (db_row(md, st, &rc))
		if ((rc = coupon_insert(md, c, db_col_int(st, 0), how, period, k)))
			break;
	db_finalize(st);
	if (rc)
		return rc;
	r->issued += give;
	snprintf(id, sizeof id, "%lld", (long long)c->id);
	snprintf(n, sizeof n, "%lld", (long long)give);
	return audit_log_pairs(md, ACTION_COUPON_AUTO, member_id, "rule", how, "campaign", id,
			       "name", c->name, "period", period, "coupons", n, NULL);
}

/* Give one member RULE's coupon for PERIOD, if the rule is set. */
static int
give_one(struct md *md, enum coupon_rule rule, int64_t member_id, const char *period,
	 struct coupon *k, bool *given)
{
	struct coupon_rule_def defs[COUPON_RULES];
	struct coupon_rule_result r = {0};
	struct db_stmt *st;
	int rc;

	*given = false;
	if ((rc = coupon_rule_list(md, defs)) || !defs[rule].set || (rc = due_clear(md)) ||
	    (rc = db_stmt(md, "INSERT INTO " SQL_TEMP("coupon_due") "(id) VALUES (?)", &st)))
		return rc;
	db_bind_int(st, 1, member_id);
	if ((rc = db_run(md, st)) ||
	    (rc = give_due(md, rule, &defs[rule].campaign, period, member_id, &r, k)))
		return rc;
	*given = r.issued > 0;
	return MD_OK;
}

/* ---- Welcome, upgrade ------------------------------------------------------ */

static int
member_add_locked(struct md *md, const struct member_input *in, char card[CARD_MAX],
		  struct coupon *k, bool *welcomed)
{
	struct member m;
	int rc;

	if ((rc = member_add(md, in, card)) || (rc = member_get(md, card, &m)) ||
	    (rc = give_one(md, COUPON_RULE_WELCOME, m.id, m.joined, k, welcomed)))
		return rc;
	if (*welcomed) {
		text_copy(k->card, sizeof k->card, m.card);
		text_copy(k->name, sizeof k->name, m.name);
	}
	return MD_OK;
}

int
coupon_auto_member_add(struct md *md, const struct member_input *in,
		       char card_out[CARD_MAX], struct coupon *k, bool *welcomed)
{
	int rc;

	*welcomed = false;
	if ((rc = db_begin(md)))
		return rc;
	rc = db_end(md, member_add_locked(md, in, card_out, k, welcomed));
	if (rc)
		*welcomed = false;
	return rc;
}

int
coupon_auto_upgrade_locked(struct md *md, int64_t member_id)
{
	char tier[24];
	int64_t id;
	bool given;
	int rc;

	if ((rc = db_int_arg(md, "SELECT coalesce(tier_id, 0) FROM members WHERE id = ?",
			     member_id, &id)) || !id)
		return rc;
	snprintf(tier, sizeof tier, "%lld", (long long)id);
	return give_one(md, COUPON_RULE_UPGRADE, member_id, tier, NULL, &given);
}

/* ---- Birthday -------------------------------------------------------------- */

/* The members whose birthday is on TARGET: a 29 February birthday is
 * kept on the 28th in a common year.  Through the birthday index: the
 * planner, without statistics, would read every active member. */
static int
birthdays_on(struct md *md, struct date target)
{
	char md1[6], md2[6];
	bool common = !date_valid(target.y, 2, 29);

	snprintf(md1, sizeof md1, "%02u-%02u", (unsigned)target.m % 100u,
		 (unsigned)target.d % 100u);
	strcpy(md2, common && target.m == 2 && target.d == 28 ? "02-29" : md1);
	return due_fill(md, "INSERT INTO " SQL_TEMP("coupon_due") "(id)"
			" SELECT id FROM " SQL_INDEXED_BY("members", "members_birthday")
			" WHERE birthday IS NOT NULL"
			" AND substr(birthday, -5) IN (?1, ?2) AND status = 'active'",
			(const char *[]){ md1, md2 }, 2);
}

/* Each issue day from FROM to TODAY whose birthday (DAYS later) has
 * not passed: its birthdays' coupons, for the birthday's year. */
static int
birthday_rule(struct md *md, const struct coupon_rule_def *def, struct date from,
	      struct date today, struct coupon_rule_result *r)
{
	int64_t d = date_to_days(from), last = date_to_days(today);
	char year[8];
	int rc;

	if (d < last - def->days)
		d = last - def->days;
	for (; d <= last; d++) {
		struct date target = date_from_days(d + def->days);

		snprintf(year, sizeof year, "%d", target.y);
		if ((rc = due_clear(md)) || (rc = birthdays_on(md, target)) ||
		    (rc = give_due(md, COUPON_RULE_BIRTHDAY, &def->campaign, year, 0, r, NULL)))
			return rc;
	}
	return MD_OK;
}

/* ---- Win-back -------------------------------------------------------------- */

/* Who moved into important_winback from the snapshot before WEEK's (none
 * without one), and who became sleeping in that week: their last counted
 * sale was SLEEPING days before one of its days. */
static const char winback_sql[] =
	"INSERT INTO " SQL_TEMP("coupon_due") "(id)"
	" SELECT c.member_id FROM rfm_snapshots c"
	"  WHERE c.week = ?1 AND c.segment = 'important_winback' AND ?2 IS NOT NULL"
	"    AND NOT EXISTS (SELECT 1 FROM rfm_snapshots p WHERE p.week = ?2"
	"      AND p.member_id = c.member_id AND p.segment = 'important_winback')"
	" UNION"
	" SELECT s.member_id FROM sales s"
	"  WHERE s.sold_at >= ?3 AND s.sold_at < ?4 AND s.voided_at IS NULL"
	"    AND s.member_id IS NOT NULL"
	"    AND NOT EXISTS (SELECT 1 FROM sales l WHERE l.member_id = s.member_id"
	"      AND l.voided_at IS NULL AND l.sold_at >= ?4)";

/* The stored week before WEEK into BEFORE ("" when none). */
static int
week_before(struct md *md, const char *week, char before[11])
{
	struct db_stmt *st;
	int rc;

	before[0] = '\0';
	if ((rc = db_stmt(md, "SELECT max(week) FROM rfm_weeks"
			  " WHERE week < ? AND writer IS NULL", &st)))
		return rc;
	db_bind_text(st, 1, week);
	if (db_row(md, st, &rc))
		db_column_text(st, 0, before, 11);
	db_reset(st);
	return rc;
}

static int
winback_rule(struct md *md, const struct coupon_rule_def *def, const char *week,
	     struct coupon_rule_result *r)
{
	char before[11], lo[11], hi[11];
	int64_t sleeping, end;
	struct date w;
	int rc;

	if (!date_parse_iso(week, &w))
		return MD_OK;	/* rfm_weeks holds only days */
	if ((rc = settings_get_int(md, "sleeping_days", &sleeping)) ||
	    (rc = week_before(md, week, before)))
		return rc;
	/* Sleeping from day L + SLEEPING on: in the week when L is from
	 * Monday - SLEEPING to Sunday - SLEEPING. */
	end = date_to_days(w) - sleeping;
	date_format(date_from_days(end - 6), lo);
	date_format(date_from_days(end + 1), hi);
	if ((rc = due_clear(md)) ||
	    (rc = due_fill(md, winback_sql, (const char *[]){ week, before, lo, hi }, 4)))
		return rc;
	return give_due(md, COUPON_RULE_WINBACK, &def->campaign, week, 0, r, NULL);
}

/* ---- Running them ---------------------------------------------------------- */

/* The latest weekly snapshot's week into WEEK ("" when none). */
static int
latest_week(struct md *md, char week[11])
{
	struct db_stmt *st;
	int rc;

	week[0] = '\0';
	if ((rc = db_stmt(md, "SELECT max(week) FROM rfm_weeks WHERE writer IS NULL", &st)))
		return rc;
	if (db_row(md, st, &rc))
		db_column_text(st, 0, week, 11);
	db_reset(st);
	return rc;
}

static int
run_locked(struct md *md, struct date from, struct date today, bool winback,
	   struct coupon_rule_result r[COUPON_RULES])
{
	struct coupon_rule_def defs[COUPON_RULES];
	char week[11];
	int rc;

	memset(r, 0, COUPON_RULES * sizeof *r);
	if ((rc = coupon_rule_list(md, defs)))
		return rc;
	for (int i = 0; i < COUPON_RULES; i++)
		r[i].set = defs[i].set;
	if (defs[COUPON_RULE_BIRTHDAY].set &&
	    (rc = birthday_rule(md, &defs[COUPON_RULE_BIRTHDAY], from, today,
				&r[COUPON_RULE_BIRTHDAY])))
		return rc;
	if (!winback || !defs[COUPON_RULE_WINBACK].set)
		return MD_OK;
	if ((rc = latest_week(md, week)) || !*week)
		return rc;
	return winback_rule(md, &defs[COUPON_RULE_WINBACK], week, &r[COUPON_RULE_WINBACK]);
}

int
coupon_auto_daily_locked(struct md *md, struct date from, struct date today)
{
	struct coupon_rule_result r[COUPON_RULES];

	return run_locked(md, from, today, false, r);
}

int
coupon_auto_winback_locked(struct md *md, const char *week)
{
	struct coupon_rule_def defs[COUPON_RULES];
	struct coupon_rule_result r;
	int rc;

	memset(&r, 0, sizeof r);
	if ((rc = coupon_rule_list(md, defs)) || !defs[COUPON_RULE_WINBACK].set)
		return rc;
	return winback_rule(md, &defs[COUPON_RULE_WINBACK], week, &r);
}

int
coupon_rules_run(struct md *md, struct coupon_rule_result r[COUPON_RULES])
{
	struct date today = clock_today(md);
	int rc;

	if ((rc = operator_may(md, ACTION_COUPON_RULE)))
		return rc;
	/* Win-back looks at the last week: taken first if it is not yet
	 * (giving that week's coupons as the daily rules would). */
	if ((rc = rfm_week_ensure(md, NULL)) || (rc = db_begin(md)))
		return rc;
	return db_end(md, run_locked(md, today, today, true, r));
}
