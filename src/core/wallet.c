/* wallet.c - stored value
 *
 * The member row caches wallet_principal and wallet_bonus; every change
 * is a wallet_ledger row in the same transaction.  Spending takes the
 * customer's own money (principal) first and the shop's gift (bonus)
 * last, and only unspent principal can be refunded.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/db_sql.h"
#include "core/money.h"
#include "core/operator.h"
#include "core/payment.h"
#include "core/settings.h"
#include "core/text.h"
#include "core/wallet.h"
#include "i18n.h"

int
wallet_rules_get(struct md *md, struct wallet_rule rules[WALLET_RULES_MAX], int *n)
{
	char buf[SETTING_MAX];
	int rc;

	if ((rc = settings_get(md, "wallet_rules", buf)))
		return rc;
	return wallet_rules_parse(md, buf, rules, n);
}

int
wallet_rules_set(struct md *md, const char *s)
{
	return settings_set(md, "wallet_rules", s);
}

int
wallet_bonus_for(struct md *md, int64_t amount, int64_t *bonus)
{
	struct wallet_rule rules[WALLET_RULES_MAX];
	int n, i, rc;

	*bonus = 0;
	if ((rc = wallet_rules_get(md, rules, &n)))
		return rc;
	for (i = 0; i < n; i++)
		if (amount >= rules[i].amount)
			*bonus = rules[i].bonus;
	return MD_OK;
}

int
wallet_post(struct md *md, int64_t member_id, const char *kind,
	    int64_t principal, int64_t bonus, int64_t sale_id, const char *at,
	    const char *payment, const char *reason)
{
	struct db_stmt *st;
	int64_t p, b;
	int rc;

	rc = db_stmt(md, "UPDATE members SET wallet_principal = wallet_principal + ?,"
		     " wallet_bonus = wallet_bonus + ? WHERE id = ?"
		     " RETURNING wallet_principal, wallet_bonus", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, principal);
	db_bind_int(st, 2, bonus);
	db_bind_int(st, 3, member_id);
	if (!db_row(md, st, &rc)) {
		db_reset(st);
		return rc ? rc : md_fail(md, MD_ENOTFOUND, _("no member with id %lld"),
					 (long long)member_id);
	}
	p = db_col_int(st, 0);
	b = db_col_int(st, 1);
	db_run(md, st);		/* to the end of the statement */
	/* The callers check first and say it better; this is the floor. */
	if (p < 0 || b < 0)
		return md_fail(md, MD_EINVAL, _("stored value cannot go below zero"));
	rc = db_stmt(md, "INSERT INTO wallet_ledger(member_id, at, kind, principal,"
		     " bonus, sale_id, payment, reason, operator)"
		     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, member_id);
	db_bind_copy(st, 2, at);
	db_bind_text(st, 3, kind);
	db_bind_int(st, 4, principal);
	db_bind_int(st, 5, bonus);
	if (sale_id)
		db_bind_int(st, 6, sale_id);
	db_bind_text_or_null(st, 7, payment);
	db_bind_copy(st, 8, reason ? reason : "");
	db_bind_text(st, 9, md->operator_name);
	return db_run(md, st);
}

int
wallet_split(struct md *md, const struct member *m, int64_t amount,
	     int64_t *principal, int64_t *bonus)
{
	char need[40], have[40];

	if (amount > m->wallet_principal + m->wallet_bonus) {
		money_human(md, amount, need);
		money_human(md, m->wallet_principal + m->wallet_bonus, have);
		return md_fail(md, MD_EINVAL,
			       _("stored value %s of %s (%s) is not enough to pay %s"),
			       have, m->card, m->name, need);
	}
	*principal = amount < m->wallet_principal ? amount : m->wallet_principal;
	*bonus = amount - *principal;
	return MD_OK;
}

/* The member KEY, who must be able to take stored-value operations. */
static int
wallet_member(struct md *md, const char *key, bool allow_frozen, struct member *m)
{
	int rc = member_get(md, key, m);

	if (rc)
		return rc;
	if (m->status == MEMBER_ACTIVE || (allow_frozen && m->status == MEMBER_FROZEN))
		return MD_OK;
	if (m->status == MEMBER_FROZEN)
		return md_fail(md, MD_ECONFLICT, _("member %s (%s) is %s"), m->card, m->name,
			       member_status_label(m->status));
	return member_require_current(md, m);
}

static void
result(struct wallet_result *out, const struct member *m, int64_t p, int64_t b)
{
	if (!out)
		return;
	strcpy(out->card, m->card);
	strcpy(out->name, m->name);
	out->principal = p;
	out->bonus = b;
	out->principal_after = m->wallet_principal + p;
	out->bonus_after = m->wallet_bonus + b;
}

static int
recharge_locked(struct md *md, const char *key, int64_t amount,
		const char *payment, const char *note, struct wallet_result *out)
{
	char now[20], a[32], b[32];
	struct member m;
	int64_t bonus;
	int rc;

	if ((rc = wallet_member(md, key, false, &m)) ||
	    (rc = wallet_bonus_for(md, amount, &bonus)))
		return rc;
	if (m.wallet_principal + m.wallet_bonus + amount + bonus > MONEY_MAX)
		return md_fail(md, MD_EINVAL, _("the stored value would be too large"));
	clock_timestamp(md, now);
	if ((rc = wallet_post(md, m.id, "recharge", amount, bonus, 0, now, payment, note)))
		return rc;
	money_format(amount, a);
	money_format(bonus, b);
	if ((rc = audit_log_pairs(md, ACTION_WALLET_RECHARGE, m.id, "amount", a,
				  "bonus", b, "payment", payment, NULL)))
		return rc;
	result(out, &m, amount, bonus);
	return MD_OK;
}

static int
refund_locked(struct md *md, const char *key, int64_t amount,
	      const char *payment, const char *reason, struct wallet_result *out)
{
	char now[20], a[32], f[32], have[40];
	struct member m;
	int64_t forfeit;
	int rc;

	if ((rc = wallet_member(md, key, true, &m)))
		return rc;
	if (amount > m.wallet_principal) {
		money_human(md, m.wallet_principal, have);
		return md_fail(md, MD_EINVAL,
			       _("only %s of unspent principal can be refunded to %s (%s); bonus is not refundable"),
			       have, m.card, m.name);
	}
	/* The bonus came with the principal; it leaves with it, in
	 * proportion, and entirely when all principal goes back. */
	forfeit = amount == m.wallet_principal ? m.wallet_bonus :
		  money_mul_div(m.wallet_bonus, amount, m.wallet_principal);
	clock_timestamp(md, now);
	if ((rc = wallet_post(md, m.id, "refund", -amount, -forfeit, 0, now,
			      payment, reason)))
		return rc;
	money_format(amount, a);
	money_format(forfeit, f);
	if ((rc = audit_log_pairs(md, ACTION_WALLET_REFUND, m.id, "amount", a,
				  "bonus_forfeited", f, "payment", payment,
				  "reason", reason, NULL)))
		return rc;
	result(out, &m, -amount, -forfeit);
	return MD_OK;
}

/* Recharge or refund: the checks they share, then one transaction. */
static int
change(struct md *md, const char *key, const char *amount, const char *payment,
       const char *text, struct wallet_result *out,
       int (*locked)(struct md *, const char *, int64_t, const char *,
		     const char *, struct wallet_result *))
{
	char clean[MEMBER_NOTE_MAX], pay[PAYMENT_KEY_MAX];
	int64_t fen;
	int rc;

	if ((rc = money_parse(md, _("amount"), amount, &fen, 0)) ||
	    (rc = payment_check(md, payment, true, pay)) ||
	    (rc = member_check_note(md, text ? text : "", clean)))
		return rc;
	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, locked(md, key, fen, pay, clean, out));
}

int
wallet_recharge(struct md *md, const char *key, const char *amount,
		const char *payment, const char *note, struct wallet_result *out)
{
	return change(md, key, amount, payment, note, out, recharge_locked);
}

int
wallet_refund(struct md *md, const char *key, const char *amount,
	      const char *payment, const char *reason, struct wallet_result *out)
{
	int rc = operator_may(md, ACTION_WALLET_REFUND);

	return rc ? rc : change(md, key, amount, payment, reason, out, refund_locked);
}

int
wallet_merge(struct md *md, int64_t keep, int64_t drop)
{
	struct member d;
	char now[20];
	int rc;

	if ((rc = member_get_id(md, drop, &d)))
		return rc;
	if (!d.wallet_principal && !d.wallet_bonus)
		return MD_OK;
	clock_timestamp(md, now);
	if ((rc = wallet_post(md, drop, "merge", -d.wallet_principal,
			      -d.wallet_bonus, 0, now, NULL, "")))
		return rc;
	return wallet_post(md, keep, "merge", d.wallet_principal, d.wallet_bonus,
			   0, now, NULL, "");
}

int
wallet_history(struct md *md, const char *key,
	       int (*cb)(void *arg, const struct wallet_entry *e), void *arg)
{
	struct wallet_entry e;
	struct db_stmt *st;
	int64_t id;
	int rc;

	if ((rc = member_resolve(md, key, &id)))
		return rc;
	rc = db_prepare(md, "SELECT id, at, kind, principal, bonus,"
			"  sum(principal + bonus) OVER (ORDER BY id),"
			"  coalesce(sale_id, 0), coalesce(payment, ''), reason, operator"
			"  FROM wallet_ledger WHERE member_id = ? ORDER BY id", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	while (db_row(md, st, &rc)) {
		e.id = db_col_int(st, 0);
		e.at = db_col_text(st, 1);
		e.kind = db_col_text(st, 2);
		e.principal = db_col_int(st, 3);
		e.bonus = db_col_int(st, 4);
		e.balance = db_col_int(st, 5);
		e.sale_id = db_col_int(st, 6);
		e.payment = db_col_text(st, 7);
		e.reason = db_col_text(st, 8);
		e.operator_name = db_col_text(st, 9);
		if ((rc = cb(arg, &e)))
			goto out;
	}
out:
	db_finalize(st);
	return rc;
}

/* The ledger's kinds, for people. */
static const struct text_label kinds[] = {
	{"recharge", N_("recharge")}, {"spend", N_("spent")},
	{"refund", N_("refund")}, {"void", N_("void")},
	{"import", N_("imported")}, {"merge", N_("merged")},
};

const char *
wallet_kind_label(const char *kind)
{
	return text_label(kinds, sizeof kinds / sizeof *kinds, kind);
}
