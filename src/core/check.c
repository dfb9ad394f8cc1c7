/* check.c - memberdesk check
 *
 * Each check is a query whose rows are findings, with the sentence that
 * explains one.  Nothing here writes to the shop's file (the sales and
 * the members' stored value that do not match go to temporary tables of
 * the connection; the FTS check runs in a savepoint that is rolled
 * back).
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/audit.h"
#include "core/backup.h"
#include "core/check.h"
#include "core/db_sql.h"
#include "core/operator.h"
#include "core/settings.h"
#include "i18n.h"

struct check {
	const char *sql;	/* each row: up to four text columns */
	const char *say;	/* N_(): printf with that many %s */
};

static const struct check checks[] = {
	{"SELECT m.card, m.points, coalesce(sum(l.delta), 0) FROM members m"
	 " LEFT JOIN points_ledger l ON l.member_id = m.id GROUP BY m.id"
	 " HAVING m.points <> coalesce(sum(l.delta), 0)",
	 N_("member %s: cached points %s, but the points ledger adds up to %s")},
	{"SELECT m.card, m.points, coalesce(sum(p.remaining), 0) FROM members m"
	 " LEFT JOIN points_lots p ON p.member_id = m.id GROUP BY m.id"
	 " HAVING m.points <> coalesce(sum(p.remaining), 0)",
	 N_("member %s: cached points %s, but the open lots hold %s")},
	{"SELECT p.id, p.remaining, l.delta - coalesce((SELECT sum(amount) FROM points_alloc a"
	 "   WHERE a.lot_id = p.id), 0) AS left FROM points_lots p"
	 " JOIN points_ledger l ON l.id = p.id WHERE p.remaining <> left",
	 N_("points lot %s: %s left, but its entries leave %s")},
	{"SELECT p.id, l.delta, l.member_id || '/' || p.member_id FROM points_lots p"
	 " LEFT JOIN points_ledger l ON l.id = p.id"
	 " WHERE l.id IS NULL OR l.delta <= 0 OR l.member_id <> p.member_id",
	 N_("points lot %s does not match a credit of its member (%s, %s)")},
	{"SELECT l.id, l.delta, coalesce(sum(a.amount), 0) FROM points_ledger l"
	 " LEFT JOIN points_alloc a ON a.entry_id = l.id"
	 " WHERE NOT EXISTS (SELECT 1 FROM points_lots p WHERE p.id = l.id)"
	 " GROUP BY l.id HAVING -l.delta <> coalesce(sum(a.amount), 0)",
	 N_("points entry %s of %s moved %s through lots")},
	{"SELECT card, principal, ledger_principal FROM " SQL_TEMP("check_wallet")
	 " WHERE principal <> ledger_principal",
	 N_("member %s: cached stored value principal %s, but the ledger adds up to %s")},
	{"SELECT card, bonus, ledger_bonus FROM " SQL_TEMP("check_wallet")
	 " WHERE bonus <> ledger_bonus",
	 N_("member %s: cached stored value bonus %s, but the ledger adds up to %s")},
	{"SELECT card, points, wallet_principal || '/' || wallet_bonus FROM members"
	 " WHERE points < 0 OR wallet_principal < 0 OR wallet_bonus < 0",
	 N_("member %s has a negative balance (points %s, stored value %s)")},
	{"SELECT id, earned, credited FROM " SQL_TEMP("check_sales") " WHERE earned <> credited",
	 N_("sale %s earned %s points, but the ledger credited %s")},
	{"SELECT id, used, taken FROM " SQL_TEMP("check_sales") " WHERE used <> taken",
	 N_("sale %s used %s points, but the ledger took %s")},
	{"SELECT id, paid, spent FROM " SQL_TEMP("check_sales") " WHERE paid <> spent",
	 N_("sale %s paid %s from stored value, but the ledger took %s")},
	{"SELECT id, off, coupons FROM " SQL_TEMP("check_sales") " WHERE off <> coupons",
	 N_("sale %s took %s off with coupons, but its coupons took %s")},
	/* A redeemed coupon is the sale's: the same discount on both sides. */
	{"SELECT k.code, k.discount, u.discount FROM coupons k"
	 " JOIN sale_coupons u ON u.sale_id = k.sale_id AND u.coupon_id = k.id"
	 " WHERE k.status = 'redeemed' AND u.discount <> k.discount",
	 N_("coupon %s is redeemed with %s off, but its sale's record of it says %s")},
	{"SELECT k.code, k.sale_id FROM coupons k WHERE k.status = 'redeemed' AND NOT EXISTS"
	 " (SELECT 1 FROM sale_coupons u WHERE u.sale_id = k.sale_id AND u.coupon_id = k.id)",
	 N_("coupon %s is redeemed by sale %s, which has no record of it")},
	/* +m.status: every member read in turn, not nearly all of them
	 * looked up one by one through the status index. */
	{"SELECT m.card, coalesce(t.name, m.tier_id), m.status FROM members m"
	 " LEFT JOIN tiers t ON t.id = m.tier_id"
	 " WHERE +m.status IN ('active', 'frozen') AND (t.id IS NULL OR t.rank IS NULL)",
	 N_("member %s (%s, %s) is not in an active tier")},
	{"SELECT card, status, coalesce(merged_into, '') FROM members"
	 " WHERE (status = 'merged') <> (merged_into IS NOT NULL)",
	 N_("member %s is %s but merged_into is \"%s\"")},
	{"SELECT \"table\", rowid, parent FROM pragma_foreign_key_check",
	 N_("table %s row %s points at a missing %s")},
};

/* Every sale against its ledger rows and its coupons, in one pass over
 * the sales (the ledgers' rows for sales, far fewer, summed first): the
 * sales that do not match, for the four checks above.  A per-sale lookup in each
 * ledger for each of the three read the sales three times. */
static const char passes_sql[] =
	"DROP TABLE IF EXISTS " SQL_TEMP("check_sales") ";"
	"CREATE TEMP TABLE check_sales(id INTEGER PRIMARY KEY, earned, credited,"
	"  used, taken, paid, spent, off, coupons);"
	"WITH p AS MATERIALIZED (SELECT sale_id,"
	"    sum(CASE WHEN kind = 'earn' THEN delta ELSE 0 END) AS credited,"
	"    -sum(CASE WHEN kind = 'redeem' THEN delta ELSE 0 END) AS taken"
	"    FROM points_ledger WHERE sale_id IS NOT NULL GROUP BY sale_id),"
	" w AS MATERIALIZED (SELECT sale_id, -sum(principal + bonus) AS spent"
	"    FROM wallet_ledger WHERE sale_id IS NOT NULL AND kind = 'spend'"
	"    GROUP BY sale_id),"
	" k AS MATERIALIZED (SELECT sale_id, sum(discount) AS coupons FROM sale_coupons"
	"    GROUP BY sale_id)"
	" INSERT INTO " SQL_TEMP("check_sales")
	" SELECT s.id, s.points_earned, coalesce(p.credited, 0), s.points_used,"
	"   coalesce(p.taken, 0), s.wallet_principal + s.wallet_bonus, coalesce(w.spent, 0),"
	"   s.coupon_discount, coalesce(k.coupons, 0)"
	"  FROM sales s LEFT JOIN p ON p.sale_id = s.id LEFT JOIN w ON w.sale_id = s.id"
	"  LEFT JOIN k ON k.sale_id = s.id"
	" WHERE s.points_earned <> coalesce(p.credited, 0)"
	"    OR s.points_used <> coalesce(p.taken, 0)"
	"    OR s.wallet_principal + s.wallet_bonus <> coalesce(w.spent, 0)"
	"    OR s.coupon_discount <> coalesce(k.coupons, 0);"
	/* Each member's stored value against the ledger, principal and
	 * bonus in one pass over the members, for the two checks above. */
	"DROP TABLE IF EXISTS " SQL_TEMP("check_wallet") ";"
	"CREATE TEMP TABLE check_wallet(card, principal, ledger_principal, bonus, ledger_bonus);"
	"INSERT INTO " SQL_TEMP("check_wallet")
	" SELECT m.card, m.wallet_principal, coalesce(sum(w.principal), 0),"
	"   m.wallet_bonus, coalesce(sum(w.bonus), 0) FROM members m"
	"  LEFT JOIN wallet_ledger w ON w.member_id = m.id GROUP BY m.id"
	" HAVING m.wallet_principal <> coalesce(sum(w.principal), 0)"
	"    OR m.wallet_bonus <> coalesce(sum(w.bonus), 0);";

/* The sentences come from the table above, through gettext: a format
 * that is not a literal, with exactly the arguments the table gives. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
say(char *line, size_t n, const char *fmt, const char *const *v)
{
	snprintf(line, n, fmt, v[0], v[1], v[2], v[3]);
}
#pragma GCC diagnostic pop

static int
run_one(struct md *md, const struct check *c,
	int (*cb)(void *arg, const char *finding), void *arg, int64_t *found)
{
	const char *v[4] = {"", "", "", ""};
	char line[1024];
	struct db_stmt *st;
	int rc, i, n;

	if ((rc = db_prepare(md, c->sql, &st)))
		return rc;
	while (db_row(md, st, &rc)) {
		n = db_cols(st);
		for (i = 0; i < n && i < 4; i++) {
			v[i] = db_col_text(st, i);
			if (!v[i])
				v[i] = "NULL";
		}
		say(line, sizeof line, _(c->say), v);
		(*found)++;
		if ((rc = cb(arg, line)))
			goto out;
	}
out:
	db_finalize(st);
	return rc;
}

struct chain_ctx {
	int (*cb)(void *arg, const char *finding);
	void *arg;
	int64_t *found;
};

static int
chain_finding(void *arg, int64_t id, const char *why)
{
	struct chain_ctx *c = arg;
	char line[512];

	snprintf(line, sizeof line, _("audit row %lld: %s"), (long long)id, _(why));
	(*c->found)++;
	return c->cb(c->arg, line);
}

/* The hash of audit row ID into OUT ("" when there is no such row). */
static int
hash_of(struct md *md, int64_t id, char out[AUDIT_HASH_LEN + 1])
{
	struct db_stmt *st;
	int rc;

	*out = '\0';
	if ((rc = db_stmt(md, "SELECT hash FROM audit WHERE id = ?1", &st)))
		return rc;
	db_bind_int(st, 1, id);
	if (db_row(md, st, &rc))
		db_column_text(st, 0, out, AUDIT_HASH_LEN + 1);
	db_reset(st);
	return rc;
}

/* The log's chain of hashes, and its head against the latest backup's:
 * rows cut from the end, or a chain written anew, show there.  A backup
 * without the log's last restore was taken before it (the restore keeps
 * the database it replaces as one): the restored log does not continue
 * it, and is compared with the next backup. */
static int
check_chain(struct md *md, struct chain_ctx *c)
{
	char path[BACKUP_PATH_MAX], line[BACKUP_PATH_MAX + 256];
	char have[AUDIT_HASH_LEN + 1], restore[AUDIT_HASH_LEN + 1], in_backup[AUDIT_HASH_LEN + 1];
	struct audit_chain head, b;
	char id[SETTING_MAX];
	int64_t restored;
	int rc;

	if ((rc = audit_verify(md, chain_finding, c, &head)) ||
	    (rc = db_int(md, "SELECT coalesce(max(id), 0) FROM audit"
			 " WHERE action = 'database.restore'", &restored)) ||
	    (rc = hash_of(md, restored, restore)))
		return rc;
	if ((rc = backup_latest_chain(md, path, &b, restored, in_backup))) {
		/* Not a fault of the log: say it, and go on. */
		snprintf(md->notice, sizeof md->notice,
			 _("the audit log was not compared with the latest backup: %s"), md->err);
		return MD_OK;
	}
	if ((rc = settings_get(md, "database_id", id)))
		return rc;
	/* Another database's backup (a shop started anew beside the old
	 * one's backups) says nothing about this log. */
	if (!b.last_id || strcmp(id, b.database_id) || (restored && strcmp(restore, in_backup)) ||
	    (rc = hash_of(md, b.last_id, have)) || !strcmp(have, b.hash))
		return rc;
	if (head.last_id < b.last_id)
		snprintf(line, sizeof line, _("the audit log ends at row %lld, but the latest backup %s has it up to row %lld: rows were cut from its end"),
			 (long long)head.last_id, path, (long long)b.last_id);
	else
		snprintf(line, sizeof line, _("audit row %lld does not match the latest backup %s: the log was written anew up to there"),
			 (long long)b.last_id, path);
	(*c->found)++;
	return c->cb(c->arg, line);
}

int
check_run(struct md *md, bool full, int (*cb)(void *arg, const char *finding), void *arg,
	  int64_t *found)
{
	size_t i;
	int rc;

	if ((rc = operator_may(md, ACTION_DATABASE_CHECK)))
		return rc;
	*found = 0;
	if ((rc = db_check_storage(md, full, cb, arg, found)) ||
	    (rc = db_exec(md, passes_sql)))
		return rc;
	for (i = 0; i < sizeof checks / sizeof *checks; i++)
		if ((rc = run_one(md, &checks[i], cb, arg, found)))
			return rc;
	return check_chain(md, &(struct chain_ctx){cb, arg, found});
}
