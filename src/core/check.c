/* check.c - memberdesk check
 *
 * Each check is a query whose rows are findings, with the sentence that
 * explains one.  Nothing here writes (the FTS check runs in a savepoint
 * that is rolled back).
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/check.h"
#include "core/db_sql.h"
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
	{"SELECT m.card, m.wallet_principal, coalesce(sum(w.principal), 0) FROM members m"
	 " LEFT JOIN wallet_ledger w ON w.member_id = m.id GROUP BY m.id"
	 " HAVING m.wallet_principal <> coalesce(sum(w.principal), 0)",
	 N_("member %s: cached stored value principal %s, but the ledger adds up to %s")},
	{"SELECT m.card, m.wallet_bonus, coalesce(sum(w.bonus), 0) FROM members m"
	 " LEFT JOIN wallet_ledger w ON w.member_id = m.id GROUP BY m.id"
	 " HAVING m.wallet_bonus <> coalesce(sum(w.bonus), 0)",
	 N_("member %s: cached stored value bonus %s, but the ledger adds up to %s")},
	{"SELECT card, points, wallet_principal || '/' || wallet_bonus FROM members"
	 " WHERE points < 0 OR wallet_principal < 0 OR wallet_bonus < 0",
	 N_("member %s has a negative balance (points %s, stored value %s)")},
	{"SELECT s.id, s.points_earned, coalesce((SELECT sum(delta) FROM points_ledger l"
	 "   WHERE l.sale_id = s.id AND l.kind = 'earn'), 0) AS e FROM sales s"
	 " WHERE s.points_earned <> e",
	 N_("sale %s earned %s points, but the ledger credited %s")},
	{"SELECT s.id, s.points_used, -coalesce((SELECT sum(delta) FROM points_ledger l"
	 "   WHERE l.sale_id = s.id AND l.kind = 'redeem'), 0) AS r FROM sales s"
	 " WHERE s.points_used <> r",
	 N_("sale %s used %s points, but the ledger took %s")},
	{"SELECT s.id, s.wallet_principal + s.wallet_bonus, -coalesce((SELECT"
	 "   sum(principal + bonus) FROM wallet_ledger w WHERE w.sale_id = s.id"
	 "   AND w.kind = 'spend'), 0) AS w FROM sales s"
	 " WHERE s.wallet_principal + s.wallet_bonus <> w",
	 N_("sale %s paid %s from stored value, but the ledger took %s")},
	{"SELECT m.card, coalesce(t.name, m.tier_id), m.status FROM members m"
	 " LEFT JOIN tiers t ON t.id = m.tier_id"
	 " WHERE m.status IN ('active', 'frozen') AND (t.id IS NULL OR t.rank IS NULL)",
	 N_("member %s (%s, %s) is not in an active tier")},
	{"SELECT card, status, coalesce(merged_into, '') FROM members"
	 " WHERE (status = 'merged') <> (merged_into IS NOT NULL)",
	 N_("member %s is %s but merged_into is \"%s\"")},
	{"SELECT \"table\", rowid, parent FROM pragma_foreign_key_check",
	 N_("table %s row %s points at a missing %s")},
};

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

int
check_run(struct md *md, int (*cb)(void *arg, const char *finding), void *arg,
	  int64_t *found)
{
	size_t i;
	int rc;

	*found = 0;
	if ((rc = db_check_storage(md, cb, arg, found)))
		return rc;
	for (i = 0; i < sizeof checks / sizeof *checks; i++)
		if ((rc = run_one(md, &checks[i], cb, arg, found)))
			return rc;
	return MD_OK;
}
