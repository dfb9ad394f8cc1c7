/* import_ledger.c - opening balances: points and stored value
 *
 * An opening balance is a ledger row of kind "import", tagged with the
 * import it came from, so the history explains every balance.  A member
 * takes an opening balance from one file only: a second file (or the
 * members file's 积分 column after a points file) finds one there and
 * counts the row as a duplicate instead of adding it again.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/db_sql.h"
#include "core/import_priv.h"
#include "core/money.h"
#include "core/points.h"
#include "core/text.h"
#include "core/wallet.h"
#include "i18n.h"

/* A points count as exports write it: "1200", "1,200", "1200.00"
 * (Excel's numbers); never negative or fractional. */
static int
parse_points(struct md *md, const char *s, int64_t *n)
{
	char folded[64];
	const char *p;
	int64_t v = 0;

	if (!text_fold_fullwidth(s, folded, sizeof folded))
		goto bad;	/* longer than any number of points */
	p = folded;
	if (*p == '+')
		p++;
	if (!(*p >= '0' && *p <= '9'))
		goto bad;
	for (; (*p >= '0' && *p <= '9') || *p == ','; p++) {
		if (*p == ',')
			continue;
		v = v * 10 + (*p - '0');
		if (v > POINTS_MAX)
			return md_fail(md, MD_EINVAL, _("points \"%s\" is too large"), s);
	}
	if (*p == '.')
		for (p++; *p == '0'; p++)
			;
	if (*p)
		goto bad;
	*n = v;
	return MD_OK;
bad:
	return md_fail(md, MD_EINVAL,
		       _("points \"%s\" is not a whole number of zero or more"), s);
}

static const char *
reason_of(struct import *im)
{
	const char *r = import_val(im, F_REASON);

	return *r ? r : im->detail;
}

/* The last day the points may be used: the file's, or the rule's. */
static int
expiry(struct import *im, char out[11])
{
	const char *v = import_val(im, F_EXPIRES);
	struct date d, today = clock_today(im->md);
	int rc;

	if (!*v)
		return points_expiry_for(im->md, today, out);
	if ((rc = date_parse(im->md, _("expiry date"), v, &d, false)))
		return rc;
	if (date_to_days(d) < date_to_days(today))
		return md_fail(im->md, MD_EINVAL,
			       _("these points expired on %s"), v);
	date_format(d, out);
	return MD_OK;
}

int
import_check_points(struct import *im, int64_t *n, char expires[11])
{
	const char *v = import_val(im, F_POINTS);
	int rc;

	*n = 0;
	*expires = '\0';
	if (!*v)
		return MD_OK;
	if ((rc = parse_points(im->md, v, n)) || *n == 0)
		return rc;
	return expiry(im, expires);
}

/* Niushop's two parts: the sum is the stored value, the part that
 * cannot be withdrawn is what the shop gave (bonus). */
static int
check_wallet_parts(struct import *im, int64_t *balance, int64_t *bonus)
{
	const char *cash = import_val(im, F_WITHDRAWABLE);
	const char *gift = import_val(im, F_NONWITHDRAWABLE);
	int64_t a = 0;
	int rc;

	im->bad = F_WITHDRAWABLE;
	if (*cash && (rc = money_parse(im->md, _("withdrawable balance"), cash, &a,
				       MONEY_ALLOW_ZERO | MONEY_ANY_CENTS)))
		return rc;
	im->bad = F_NONWITHDRAWABLE;
	if (*gift && (rc = money_parse(im->md, _("non-withdrawable balance"), gift, bonus,
				       MONEY_ALLOW_ZERO | MONEY_ANY_CENTS)))
		return rc;
	if (a > MONEY_MAX - *bonus)
		return md_fail(im->md, MD_EINVAL, _("balance \"%s\" + \"%s\" is too large"),
			       cash, gift);
	*balance = a + *bonus;
	return MD_OK;
}

int
import_check_wallet(struct import *im, int64_t *balance, int64_t *bonus)
{
	const char *v = import_val(im, F_BALANCE);
	int rc;

	*balance = *bonus = 0;
	if (import_has(im, F_WITHDRAWABLE) || import_has(im, F_NONWITHDRAWABLE))
		return check_wallet_parts(im, balance, bonus);
	if (!*v)
		return MD_OK;
	if ((rc = money_parse(im->md, _("balance"), v, balance,
			      MONEY_ALLOW_ZERO | MONEY_ANY_CENTS)))
		return rc;
	v = import_val(im, F_BONUS);
	if (*v && (rc = money_parse(im->md, _("bonus"), v, bonus,
					 MONEY_ALLOW_ZERO | MONEY_ANY_CENTS)))
		return rc;
	if (*bonus > *balance)
		return md_fail(im->md, MD_EINVAL,
			       _("bonus \"%s\" is more than the balance it is part of"), v);
	return MD_OK;
}

int
import_open_points(struct import *im, int64_t member, int64_t n,
		   const char *expires, enum import_outcome *out)
{
	int64_t entry;
	bool has;
	int rc;

	*out = OUT_FREE;
	if (n == 0)
		return MD_OK;
	if ((rc = import_has_opening(im, "points_ledger", member, &has)))
		return rc;
	if (has) {
		*out = OUT_DUPLICATE;
		return MD_OK;
	}
	im->bad = F_POINTS;
	if ((rc = points_credit(im->md, member, "import", n, 0, im->now, expires,
				reason_of(im), &entry)) ||
	    (rc = import_tag_row(im, "points_ledger", entry)))
		return rc;
	im->points_opened++;
	im->points_total += n;
	*out = OUT_INSERTED;
	return MD_OK;
}

int
import_open_wallet(struct import *im, int64_t member, int64_t balance,
		   int64_t bonus, enum import_outcome *out)
{
	bool has;
	int rc;

	*out = OUT_FREE;
	if (balance == 0)
		return MD_OK;
	if ((rc = import_has_opening(im, "wallet_ledger", member, &has)))
		return rc;
	if (has) {
		*out = OUT_DUPLICATE;
		return MD_OK;
	}
	im->bad = F_BALANCE;
	if ((rc = wallet_post(im->md, member, "import", balance - bonus, bonus, 0,
			      im->now, NULL, reason_of(im))))
		return rc;
	if ((rc = import_tag_row(im, "wallet_ledger", db_last_id(im->md))))
		return rc;
	im->wallet_opened++;
	im->wallet_total += balance;
	im->wallet_bonus += bonus;
	*out = OUT_INSERTED;
	return MD_OK;
}

int
import_stage_opening(struct import *im, int64_t member, int64_t points,
		     const char *expires, int64_t balance, int64_t bonus)
{
	struct db_stmt *st;
	int rc;

	if (points == 0 && balance == 0)
		return MD_OK;
	if (!im->openings_staged) {
		if ((rc = db_exec(im->md, "CREATE TEMP TABLE IF NOT EXISTS import_openings("
				  " member_id INTEGER PRIMARY KEY, points INTEGER, expires TEXT,"
				  " balance INTEGER, bonus INTEGER);"
				  "DELETE FROM " SQL_TEMP("import_openings"))))
			return rc;
		im->openings_staged = true;
	}
	rc = db_stmt(im->md, "INSERT INTO " SQL_TEMP("import_openings")
		     "(member_id, points, expires, balance, bonus) VALUES (?, ?, ?, ?, ?)", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, member);
	db_bind_int(st, 2, points);
	db_bind_text_or_null(st, 3, expires);
	db_bind_int(st, 4, balance);
	db_bind_int(st, 5, bonus);
	return db_run(im->md, st);
}

/* The staged openings as import_open_points and import_open_wallet
 * write them one by one (points_credit, wallet_post): the ledger rows
 * in member order, tagged; a lot for each points row (its id is the
 * entry's); the balances.  ?1 now, ?2 operator, ?3 our import, ?4 the
 * reason, ?5 the last points entry before ours. */
static const char *const openings_sql[] = {
	"INSERT INTO points_ledger(member_id, at, kind, delta, expires, reason,"
	" operator, import_id)"
	" SELECT member_id, ?1, 'import', points, expires, ?4, ?2, ?3"
	" FROM " SQL_TEMP("import_openings") " WHERE points > 0 ORDER BY member_id",
	"INSERT INTO points_lots(id, member_id, remaining, expires)"
	" SELECT id, member_id, delta, expires FROM points_ledger WHERE id > ?5 ORDER BY id",
	"UPDATE members SET points = members.points + o.points FROM " SQL_TEMP("import_openings") " o"
	" WHERE members.id = o.member_id AND o.points > 0",
	"INSERT INTO wallet_ledger(member_id, at, kind, principal, bonus, reason,"
	" operator, import_id)"
	" SELECT member_id, ?1, 'import', balance - bonus, bonus, ?4, ?2, ?3"
	" FROM " SQL_TEMP("import_openings") " WHERE balance > 0 ORDER BY member_id",
	"UPDATE members SET wallet_principal = wallet_principal + o.balance - o.bonus,"
	" wallet_bonus = wallet_bonus + o.bonus FROM " SQL_TEMP("import_openings") " o"
	" WHERE members.id = o.member_id AND o.balance > 0",
};

static int
count_openings(struct import *im)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(im->md, "SELECT count(*) FILTER (WHERE points > 0),"
			  " coalesce(sum(points), 0), count(*) FILTER (WHERE balance > 0),"
			  " coalesce(sum(balance), 0), coalesce(sum(bonus), 0)"
			  " FROM " SQL_TEMP("import_openings"), &st)))
		return rc;
	if (db_row(im->md, st, &rc)) {
		im->points_opened += db_col_int(st, 0);
		im->points_total += db_col_int(st, 1);
		im->wallet_opened += db_col_int(st, 2);
		im->wallet_total += db_col_int(st, 3);
		im->wallet_bonus += db_col_int(st, 4);
	}
	db_reset(st);
	return rc;
}

int
import_open_staged(struct import *im)
{
	struct db_stmt *st;
	int64_t last;
	size_t i;
	int rc;

	if (!im->openings_staged)
		return MD_OK;
	if ((rc = count_openings(im)) ||
	    (rc = db_int(im->md, "SELECT coalesce(max(id), 0) FROM points_ledger", &last)))
		return rc;
	for (i = 0; i < sizeof openings_sql / sizeof *openings_sql; i++) {
		if ((rc = db_stmt(im->md, openings_sql[i], &st)))
			return rc;
		db_bind_text(st, 1, im->now);
		db_bind_text(st, 2, im->md->operator_name);
		db_bind_int(st, 3, im->id);
		db_bind_text(st, 4, im->detail);
		db_bind_int(st, 5, last);
		if ((rc = db_run(im->md, st)))
			return rc;
	}
	return MD_OK;
}

/* The member a points or wallet row is for: it must exist. */
static int
member_of(struct import *im, int64_t *id)
{
	const char *card = import_val(im, F_CARD);
	const char *key = *card ? card : import_val(im, F_PHONE);
	int rc;

	if (!*key) {
		im->bad = import_has(im, F_CARD) ? F_CARD : F_PHONE;
		return md_fail(im->md, MD_EINVAL, _("a card or phone number is required"));
	}
	if ((rc = import_find_member(im, id)))
		return rc;
	if (!*id)
		return md_fail(im->md, MD_ENOTFOUND,
			       _("no member has the card or phone number \"%s\""), key);
	return MD_OK;
}

static int
points_row(struct import *im)
{
	char expires[11];
	int64_t id, n;
	int rc;

	if ((rc = member_of(im, &id)))
		return rc;
	if (!*import_val(im, F_POINTS))
		return md_fail(im->md, MD_EINVAL, _("points is empty"));
	if ((rc = import_check_points(im, &n, expires)))
		return rc;
	return import_open_points(im, id, n, expires, &im->outcome);
}

static int
wallet_row(struct import *im)
{
	int64_t id, balance, bonus;
	int rc;

	if ((rc = member_of(im, &id)))
		return rc;
	if (!*import_val(im, F_BALANCE) && !*import_val(im, F_WITHDRAWABLE) &&
	    !*import_val(im, F_NONWITHDRAWABLE)) {
		im->bad = import_has(im, F_BALANCE) ? F_BALANCE : F_WITHDRAWABLE;
		return md_fail(im->md, MD_EINVAL, _("balance is empty"));
	}
	if ((rc = import_check_wallet(im, &balance, &bonus)))
		return rc;
	return import_open_wallet(im, id, balance, bonus, &im->outcome);
}

static int
need_member_column(struct import *im)
{
	if (!import_has(im, F_CARD) && !import_has(im, F_PHONE))
		return md_fail(im->md, MD_EINVAL,
			       _("%s has no column for card or phone: which member is each row for?"),
			       im->o->path);
	return MD_OK;
}

int
import_points_setup(struct import *im)
{
	im->begin = need_member_column;
	im->row = points_row;
	return MD_OK;
}

int
import_wallet_setup(struct import *im)
{
	im->begin = need_member_column;
	im->row = wallet_row;
	return MD_OK;
}
