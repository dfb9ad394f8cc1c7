/* points.c - the points ledger
 *
 * points_ledger is append-only.  A credit that can be spent later opens
 * a row in points_lots (its remainder and expiry); a debit records in
 * points_alloc how much it took from which lot, soonest expiring first.
 * Reversing a debit (a voided redemption) writes a new credit with
 * negative allocations, so the points return to their own lots and keep
 * their own expiry.  members.points caches the sum of the ledger.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/db_sql.h"
#include "core/operator.h"
#include "core/points.h"
#include "core/settings.h"
#include "core/text.h"
#include "i18n.h"

int
points_expiry_for(struct md *md, struct date earned, char out[11])
{
	char policy[SETTING_MAX];
	struct date d;
	int rc, n;

	out[0] = '\0';
	if ((rc = settings_get(md, "points_expiry", policy)))
		return rc;
	if (sscanf(policy, "months:%d", &n) == 1) {
		/* Earned 2026-01-15 with months:12: usable through 2027-01-14. */
		d = date_from_days(date_to_days(date_add_months(earned, n)) - 1);
		date_format(d, out);
	} else if (sscanf(policy, "year-end:%d", &n) == 1) {
		d.y = earned.y + n, d.m = 12, d.d = 31;
		date_format(d, out);
	}
	return MD_OK;
}

static int
insert_entry(struct md *md, int64_t member_id, const char *kind, int64_t delta,
	     int64_t sale_id, const char *at, const char *expires,
	     const char *reason, int64_t *entry_id)
{
	struct db_stmt *st;
	int64_t balance;
	int rc;

	rc = db_stmt(md, "UPDATE members SET points = points + ? WHERE id = ?"
		     " RETURNING points", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, delta);
	db_bind_int(st, 2, member_id);
	if (!db_row(md, st, &rc)) {
		db_reset(st);
		return rc ? rc : md_fail(md, MD_ENOTFOUND, _("no member with id %lld"),
					 (long long)member_id);
	}
	balance = db_col_int(st, 0);
	db_run(md, st);		/* to the end of the statement */
	if (balance < 0 || balance > POINTS_MAX)
		return md_fail(md, MD_EINVAL, _("the points balance would be out of range"));
	rc = db_stmt(md, "INSERT INTO points_ledger(member_id, at, kind, delta,"
		     " sale_id, expires, reason, operator)"
		     " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, member_id);
	db_bind_copy(st, 2, at);
	db_bind_text(st, 3, kind);
	db_bind_int(st, 4, delta);
	if (sale_id)
		db_bind_int(st, 5, sale_id);
	db_bind_text_or_null(st, 6, expires);
	db_bind_copy(st, 7, reason ? reason : "");
	db_bind_text(st, 8, md->operator_name);
	if ((rc = db_run(md, st)))
		return rc;
	*entry_id = db_last_id(md);
	return MD_OK;
}

int
points_credit(struct md *md, int64_t member_id, const char *kind, int64_t n,
	      int64_t sale_id, const char *at, const char *expires,
	      const char *reason, int64_t *entry_id)
{
	struct db_stmt *st;
	int64_t id;
	int rc;

	if ((rc = insert_entry(md, member_id, kind, n, sale_id, at, expires,
			       reason, &id)))
		return rc;
	rc = db_stmt(md, "INSERT INTO points_lots(id, member_id, remaining, expires)"
		     " VALUES (?, ?, ?, ?)", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, member_id);
	db_bind_int(st, 3, n);
	db_bind_text_or_null(st, 4, expires);
	if ((rc = db_run(md, st)))
		return rc;
	if (entry_id)
		*entry_id = id;
	return MD_OK;
}

/* Move AMOUNT (negative: give back) between ENTRY and LOT. */
static int
alloc(struct md *md, int64_t entry_id, int64_t lot_id, int64_t amount)
{
	struct db_stmt *st;
	int rc;

	rc = db_stmt(md, "UPDATE points_lots SET remaining = remaining - ? WHERE id = ?",
		     &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, amount);
	db_bind_int(st, 2, lot_id);
	if ((rc = db_run(md, st)))
		return rc;
	rc = db_stmt(md, "INSERT INTO points_alloc(entry_id, lot_id, amount)"
		     " VALUES (?, ?, ?)", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, entry_id);
	db_bind_int(st, 2, lot_id);
	db_bind_int(st, 3, amount);
	return db_run(md, st);
}

/* The open lot to take from next: FIRST when it has points left, else
 * the one that expires soonest (never-expiring lots last, oldest first). */
static int
next_lot(struct md *md, int64_t member_id, int64_t first, int64_t *lot,
	 int64_t *remaining)
{
	struct db_stmt *st;
	int rc;

	rc = db_stmt(md, "SELECT id, remaining FROM points_lots"
		     " WHERE member_id = ?1 AND remaining > 0"
		     " ORDER BY id <> ?2, expires IS NULL, expires, id LIMIT 1", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, member_id);
	db_bind_int(st, 2, first);
	*lot = *remaining = 0;
	if (db_row(md, st, &rc)) {
		*lot = db_col_int(st, 0);
		*remaining = db_col_int(st, 1);
	}
	db_reset(st);
	return rc;
}

static int
balance_of(struct md *md, int64_t member_id, int64_t *balance)
{
	return db_int_arg(md, "SELECT points FROM members WHERE id = ?", member_id,
			  balance);
}

int
points_debit(struct md *md, int64_t member_id, const char *kind, int64_t n,
	     int64_t sale_id, const char *at, const char *reason,
	     int64_t first_lot, int64_t *entry_id)
{
	int64_t balance, id, lot, remaining, take;
	char have[32], want[32];
	int rc;

	if ((rc = balance_of(md, member_id, &balance)))
		return rc;
	if (n > balance) {
		text_format_int(balance, have);
		text_format_int(n, want);
		return md_fail(md, MD_EINVAL,
			       _("the balance is %s points: %s points cannot be taken"),
			       have, want);
	}
	if ((rc = insert_entry(md, member_id, kind, -n, sale_id, at, NULL, reason, &id)))
		return rc;
	while (n > 0) {
		if ((rc = next_lot(md, member_id, first_lot, &lot, &remaining)))
			return rc;
		if (!lot)	/* lots and cache disagree: check would say so */
			return md_fail(md, MD_EDB, _("the points lots do not add up to the balance; run \"memberdesk check\""));
		take = remaining < n ? remaining : n;
		if ((rc = alloc(md, id, lot, take)))
			return rc;
		n -= take;
	}
	if (entry_id)
		*entry_id = id;
	return MD_OK;
}

int
points_restore(struct md *md, int64_t entry_id, int64_t sale_id,
	       const char *at, const char *reason)
{
	struct { int64_t lot, amount; } *back = NULL;
	int64_t member_id = 0, total = 0, id;
	size_t n = 0, cap = 0, i;
	struct db_stmt *st;
	int rc;

	rc = db_prepare(md, "SELECT l.member_id, a.lot_id, a.amount FROM points_alloc a"
			" JOIN points_ledger l ON l.id = a.entry_id"
			" WHERE a.entry_id = ? AND a.amount > 0", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, entry_id);
	while (db_row(md, st, &rc)) {
		if (!md_grow(md, &back, &cap, n, sizeof *back)) {
			rc = MD_ENOMEM;
			goto out;
		}
		member_id = db_col_int(st, 0);
		back[n].lot = db_col_int(st, 1);
		back[n].amount = db_col_int(st, 2);
		total += back[n++].amount;
	}
	if (rc || total == 0)
		goto out;
	if ((rc = insert_entry(md, member_id, "void", total, sale_id, at, NULL,
			       reason, &id)))
		goto out;
	for (i = 0; i < n && rc == MD_OK; i++)
		rc = alloc(md, id, back[i].lot, -back[i].amount);
out:
	db_finalize(st);
	free(back);
	return rc;
}

static int
adjust_locked(struct md *md, const char *key, int64_t delta, const char *reason,
	      struct points_result *out)
{
	char now[20], expires[11], d[32];
	struct member m;
	int rc;

	if ((rc = member_get(md, key, &m)))
		return rc;
	if ((rc = member_require_current(md, &m)))
		return rc;
	clock_timestamp(md, now);
	if (delta > 0) {
		if ((rc = points_expiry_for(md, clock_today(md), expires)))
			return rc;
		rc = points_credit(md, m.id, "adjust", delta, 0, now, expires,
				   reason, NULL);
	} else {
		rc = points_debit(md, m.id, "adjust", -delta, 0, now, reason, 0, NULL);
		if (rc == MD_EINVAL) {
			char have[32];

			text_format_int(m.points, have);
			return md_fail(md, MD_EINVAL,
				       _("%s (%s) has %s points: cannot take away %lld"),
				       m.card, m.name, have, (long long)-delta);
		}
	}
	if (rc)
		return rc;
	snprintf(d, sizeof d, "%+lld", (long long)delta);
	if ((rc = audit_log_pairs(md, ACTION_POINTS_ADJUST, m.id, "delta", d,
				  "reason", reason, NULL)))
		return rc;
	if (out) {
		strcpy(out->card, m.card);
		strcpy(out->name, m.name);
		out->delta = delta;
		out->balance = m.points + delta;
	}
	return MD_OK;
}

int
points_check_delta(struct md *md, const char *delta, int64_t *n)
{
	char folded[64], buf[64], *end;
	long long v;

	if (!text_fold_fullwidth(delta, folded, sizeof folded))
		folded[0] = '\0';	/* longer than any number: refused below */
	text_trim(folded, buf, sizeof buf);
	v = strtoll(buf, &end, 10);
	if (!*buf || *end || (buf[0] != '+' && buf[0] != '-'))
		return md_fail(md, MD_EINVAL,
			       _("points change \"%s\" must be +N or -N, such as +200 or -50"),
			       delta);
	if (v == 0 || v > POINTS_MAX || v < -POINTS_MAX)
		return md_fail(md, MD_EINVAL, _("points change \"%s\" is out of range"),
			       delta);
	*n = v;
	return MD_OK;
}

int
points_check_reason(struct md *md, const char *reason, char out[MEMBER_NOTE_MAX])
{
	int rc;

	if (!reason || (rc = member_check_note(md, reason, out)))
		return reason ? rc : md_fail(md, MD_EINVAL, _("a reason is required"));
	if (!*out)
		return md_fail(md, MD_EINVAL, _("a reason is required"));
	return MD_OK;
}

int
points_adjust(struct md *md, const char *key, const char *delta,
	      const char *reason, struct points_result *out)
{
	char clean[MEMBER_NOTE_MAX];
	int64_t v;
	int rc;

	if ((rc = operator_may(md, ACTION_POINTS_ADJUST)))
		return rc;
	if ((rc = points_check_delta(md, delta, &v)) ||
	    (rc = points_check_reason(md, reason, clean)))
		return rc;
	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, adjust_locked(md, key, v, clean, out));
}

/* One expiry entry: MEMBER's lots that ended on EXPIRES. */
static int
expire_group(struct md *md, int64_t member_id, const char *expires)
{
	struct date d;
	struct db_stmt *st;
	int64_t total = 0, id, lot, amount;
	char at[20];
	int rc;

	/* The moment they expired: the start of the next day. */
	date_parse_iso(expires, &d);
	date_format(date_from_days(date_to_days(d) + 1), at);
	strcat(at, " 00:00:00");
	rc = db_stmt(md, "SELECT sum(remaining) FROM points_lots"
		     " WHERE member_id = ? AND expires = ? AND remaining > 0", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, member_id);
	db_bind_copy(st, 2, expires);
	if (db_row(md, st, &rc))
		total = db_col_int(st, 0);
	db_reset(st);
	if (rc || total == 0)
		return rc;
	if ((rc = insert_entry(md, member_id, "expire", -total, 0, at, NULL, "", &id)))
		return rc;
	for (;;) {
		rc = db_stmt(md, "SELECT id, remaining FROM points_lots"
			     " WHERE member_id = ? AND expires = ? AND remaining > 0"
			     " LIMIT 1", &st);
		if (rc)
			return rc;
		db_bind_int(st, 1, member_id);
		db_bind_copy(st, 2, expires);
		lot = amount = 0;
		if (db_row(md, st, &rc)) {
			lot = db_col_int(st, 0);
			amount = db_col_int(st, 1);
		}
		db_reset(st);
		if (rc)
			return rc;
		if (!lot)
			break;
		if ((rc = alloc(md, id, lot, amount)))
			return rc;
	}
	return MD_OK;
}

int
points_expire_locked(struct md *md, struct date as_of, int64_t *members,
		     int64_t *points)
{
	struct { int64_t member; char expires[11]; int64_t n; } *g = NULL;
	size_t n = 0, cap = 0, i;
	int64_t nm = 0, np = 0, last = 0;
	struct db_stmt *st;
	char before[11];
	int rc;

	date_format(as_of, before);
	/* Collect first: the groups change the rows this query reads. */
	rc = db_prepare(md, "SELECT member_id, expires, sum(remaining) FROM points_lots"
			" WHERE remaining > 0 AND expires IS NOT NULL AND expires < ?"
			" GROUP BY member_id, expires ORDER BY member_id, expires", &st);
	if (rc)
		return rc;
	db_bind_text(st, 1, before);
	while (db_row(md, st, &rc)) {
		if (!md_grow(md, &g, &cap, n, sizeof *g)) {
			rc = MD_ENOMEM;
			goto out;
		}
		g[n].member = db_col_int(st, 0);
		text_copy(g[n].expires, sizeof g[n].expires,
			  db_col_text(st, 1));
		g[n++].n = db_col_int(st, 2);
	}
	db_finalize(st);
	st = NULL;
	for (i = 0; i < n && rc == MD_OK; i++) {
		rc = expire_group(md, g[i].member, g[i].expires);
		if (g[i].member != last)
			nm++, last = g[i].member;
		np += g[i].n;
	}
out:
	db_finalize(st);
	free(g);
	if (members)
		*members = nm;
	if (points)
		*points = np;
	return rc;
}

int
points_expire(struct md *md, struct date as_of, int64_t *members, int64_t *points)
{
	int rc;

	if ((rc = operator_may(md, ACTION_POINTS_EXPIRE)))
		return rc;
	if (date_to_days(as_of) > date_to_days(clock_today(md)))
		return md_fail(md, MD_EINVAL, _("points cannot be expired ahead of time"));
	if ((rc = db_begin_long(md, DB_LONG_EXPIRY, NULL)))
		return rc;
	return db_end(md, points_expire_locked(md, as_of, members, points));
}

int
points_expire_preview(struct md *md, struct date as_of,
		      int (*cb)(void *arg, const struct points_expiring *e),
		      void *arg, int64_t *members, int64_t *points)
{
	struct points_expiring e;
	struct db_stmt *st;
	int64_t last = 0;
	char before[11];
	int rc;

	*members = *points = 0;
	if ((rc = operator_may(md, ACTION_POINTS_EXPIRE)))
		return rc;
	date_format(as_of, before);
	/* The groups points_expire_locked() expires, with who they are. */
	rc = db_prepare(md, "SELECT l.member_id, m.card, m.name, l.expires, sum(l.remaining)"
			"  FROM points_lots l JOIN members m ON m.id = l.member_id"
			" WHERE l.remaining > 0 AND l.expires IS NOT NULL AND l.expires < ?"
			" GROUP BY l.member_id, l.expires ORDER BY l.member_id, l.expires", &st);
	if (rc)
		return rc;
	db_bind_text(st, 1, before);
	while (db_row(md, st, &rc)) {
		e.member_id = db_col_int(st, 0);
		e.card = db_col_text(st, 1);
		e.name = db_col_text(st, 2);
		e.expires = db_col_text(st, 3);
		e.points = db_col_int(st, 4);
		if (e.member_id != last)
			(*members)++, last = e.member_id;
		*points += e.points;
		if (cb && (rc = cb(arg, &e)))
			break;
	}
	db_finalize(st);
	return rc;
}

int
points_lots(struct md *md, const char *key,
	    int (*cb)(void *arg, const struct points_lot *l), void *arg)
{
	struct points_lot l;
	struct db_stmt *st;
	int64_t id;
	int rc;

	if ((rc = member_resolve(md, key, &id)))
		return rc;
	rc = db_prepare(md, "SELECT o.id, e.at, e.kind, e.delta, o.remaining,"
			"  coalesce(o.expires, '') FROM points_lots o"
			"  JOIN points_ledger e ON e.id = o.id"
			" WHERE o.member_id = ? AND o.remaining > 0"
			" ORDER BY o.expires IS NULL, o.expires, o.id", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	while (db_row(md, st, &rc)) {
		l.id = db_col_int(st, 0);
		l.earned_at = db_col_text(st, 1);
		l.kind = db_col_text(st, 2);
		l.earned = db_col_int(st, 3);
		l.remaining = db_col_int(st, 4);
		l.expires = db_col_text(st, 5);
		if ((rc = cb(arg, &l)))
			break;
	}
	db_finalize(st);
	return rc;
}

int
points_soonest(struct md *md, int64_t member_id, int64_t *n, char date[11])
{
	struct db_stmt *st;
	int rc;

	*n = 0;
	date[0] = '\0';
	rc = db_stmt(md, "SELECT expires, sum(remaining) FROM points_lots"
		     " WHERE member_id = ?1 AND remaining > 0 AND expires ="
		     " (SELECT min(expires) FROM points_lots WHERE member_id = ?1"
		     "  AND remaining > 0)", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, member_id);
	if (db_row(md, st, &rc) && !db_col_null(st, 0)) {
		text_copy(date, 11, db_col_text(st, 0));
		*n = db_col_int(st, 1);
	}
	db_reset(st);
	return rc;
}

int
points_merge(struct md *md, int64_t keep, int64_t drop)
{
	struct { int64_t n; char expires[11]; } *lots = NULL;
	size_t n = 0, cap = 0, i;
	int64_t total = 0;
	struct db_stmt *st;
	char now[20];
	int rc;

	rc = db_prepare(md, "SELECT remaining, coalesce(expires, '') FROM points_lots"
			" WHERE member_id = ? AND remaining > 0"
			" ORDER BY expires IS NULL, expires, id", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, drop);
	while (db_row(md, st, &rc)) {
		if (!md_grow(md, &lots, &cap, n, sizeof *lots)) {
			rc = MD_ENOMEM;
			goto out;
		}
		lots[n].n = db_col_int(st, 0);
		text_copy(lots[n].expires, sizeof lots[n].expires,
			  db_col_text(st, 1));
		total += lots[n++].n;
	}
	db_finalize(st);
	st = NULL;
	if (rc || total == 0)
		goto out;
	clock_timestamp(md, now);
	/* One debit empties DROP's lots; each lot reopens on KEEP with its
	 * own expiry. */
	if ((rc = points_debit(md, drop, "merge", total, 0, now, "", 0, NULL)))
		goto out;
	for (i = 0; i < n && rc == MD_OK; i++)
		rc = points_credit(md, keep, "merge", lots[i].n, 0, now,
				   lots[i].expires, "", NULL);
out:
	db_finalize(st);
	free(lots);
	return rc;
}

int
points_history(struct md *md, const char *key,
	       int (*cb)(void *arg, const struct points_entry *e), void *arg)
{
	struct points_entry e;
	struct db_stmt *st;
	int64_t id;
	int rc;

	if ((rc = member_resolve(md, key, &id)))
		return rc;
	rc = db_prepare(md, "SELECT id, at, kind, delta, sum(delta) OVER (ORDER BY id),"
			"  coalesce(expires, ''), coalesce(sale_id, 0), reason, operator"
			"  FROM points_ledger WHERE member_id = ? ORDER BY id", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	while (db_row(md, st, &rc)) {
		e.id = db_col_int(st, 0);
		e.at = db_col_text(st, 1);
		e.kind = db_col_text(st, 2);
		e.delta = db_col_int(st, 3);
		e.balance = db_col_int(st, 4);
		e.expires = db_col_text(st, 5);
		e.sale_id = db_col_int(st, 6);
		e.reason = db_col_text(st, 7);
		e.operator_name = db_col_text(st, 8);
		if ((rc = cb(arg, &e)))
			goto out;
	}
out:
	db_finalize(st);
	return rc;
}

/* The ledger's kinds, for people. */
static const struct text_label kinds[] = {
	{"earn", N_("earned")}, {"redeem", N_("used")},
	{"adjust", N_("adjusted")}, {"expire", N_("expired")},
	{"referral", N_("referral")}, {"birthday", N_("birthday")},
	{"void", N_("void")}, {"import", N_("imported")},
	{"merge", N_("merged")},
};

const char *
points_kind_label(const char *kind)
{
	return text_label(kinds, sizeof kinds / sizeof *kinds, kind);
}
