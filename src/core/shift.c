/* shift.c - the end of a shift (交班)
 *
 * Four queries over a window of time, each on an index: the sales rung
 * up in it, the voids done in it, the top-ups and refunds, and where the
 * last shift ended.  A sale counts by its time (sold_at, the time it is
 * recorded for), a void by when it was voided, whoever rang up the sale.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/db_sql.h"
#include "core/money.h"
#include "core/operator.h"
#include "core/payment.h"
#include "core/receipt.h"
#include "core/shift.h"
#include "core/text.h"
#include "i18n.h"

static int
method(const char *key)
{
	size_t i, n = payment_count();

	for (i = 0; i < n && i < SHIFT_METHODS; i++)
		if (!strcmp(payment_at(i)->key, key))
			return (int)i;
	return -1;
}

static void
add(struct shift_sum *s, int64_t count, int64_t amount)
{
	s->count += count;
	s->amount += amount;
}

/* Bind the window and the operator to ST's ?1, ?2 and ?3. */
static void
bind_window(struct db_stmt *st, const struct shift_report *r)
{
	db_bind_text(st, 1, r->from);
	db_bind_text(st, 2, r->to);
	db_bind_text_or_null(st, 3, *r->by ? r->by : NULL);
}

static int
sales(struct md *md, struct shift_report *r)
{
	struct db_stmt *st;
	int rc, m;

	if ((rc = db_prepare(md, "SELECT payment, count(*), sum(paid - wallet_principal - wallet_bonus),"
			     " sum(wallet_principal + wallet_bonus), sum(points_used > 0),"
			     " sum(wallet_principal + wallet_bonus > 0),"
			     " sum(points_used), sum(points_value), sum(coupon_discount > 0),"
			     " sum(coupon_discount) FROM sales WHERE sold_at >= ?1 AND sold_at <= ?2"
			     " AND (?3 IS NULL OR operator = ?3) GROUP BY payment", &st)))
		return rc;
	bind_window(st, r);
	while (db_row(md, st, &rc)) {
		/* What stored value paid is its own line, not a method's. */
		if ((m = method(db_col_text(st, 0))) >= 0 && strcmp(db_col_text(st, 0), "wallet"))
			add(&r->sales[m], db_col_int(st, 1), db_col_int(st, 2));
		add(&r->all_sales, db_col_int(st, 1), db_col_int(st, 2) + db_col_int(st, 3));
		add(&r->wallet, db_col_int(st, 5), db_col_int(st, 3));
		add(&r->points, db_col_int(st, 4), db_col_int(st, 6));
		r->points_value += db_col_int(st, 7);
		add(&r->coupons, db_col_int(st, 8), db_col_int(st, 9));
	}
	db_finalize(st);
	return rc;
}

static int
voids(struct md *md, struct shift_report *r)
{
	struct db_stmt *st;
	int rc, m;

	if ((rc = db_prepare(md, "SELECT payment, count(*), sum(paid - wallet_principal - wallet_bonus),"
			     " sum(paid) FROM sales WHERE voided_at >= ?1 AND voided_at <= ?2"
			     " AND (?3 IS NULL OR voided_by = ?3) GROUP BY payment", &st)))
		return rc;
	bind_window(st, r);
	while (db_row(md, st, &rc)) {
		if ((m = method(db_col_text(st, 0))) >= 0)
			add(&r->voids[m], db_col_int(st, 1), db_col_int(st, 2));
		add(&r->all_voids, db_col_int(st, 1), db_col_int(st, 3));
	}
	db_finalize(st);
	return rc;
}

static int
wallet(struct md *md, struct shift_report *r)
{
	struct db_stmt *st;
	int rc, m;

	if ((rc = db_prepare(md, "SELECT kind, coalesce(payment, 'cash'), count(*), sum(principal),"
			     " sum(bonus) FROM wallet_ledger WHERE at >= ?1 AND at <= ?2"
			     " AND kind IN ('recharge', 'refund')"
			     " AND (?3 IS NULL OR operator = ?3) GROUP BY kind, payment", &st)))
		return rc;
	bind_window(st, r);
	while (db_row(md, st, &rc)) {
		bool in = !strcmp(db_col_text(st, 0), "recharge");

		if ((m = method(db_col_text(st, 1))) < 0)
			continue;
		/* A refund's principal is negative: the shift gave it out. */
		add(in ? &r->recharged[m] : &r->refunded[m], db_col_int(st, 2),
		    in ? db_col_int(st, 3) : -db_col_int(st, 3));
		if (in)
			r->recharge_bonus += db_col_int(st, 4);
	}
	db_finalize(st);
	return rc;
}

/* The second after the timestamp T (local time), where a shift that
 * follows one ending at T starts. */
static void
next_second(const char *t, char out[20])
{
	struct tm tm = {0};
	time_t v;

	if (!strptime(t, "%Y-%m-%d %H:%M:%S", &tm)) {
		snprintf(out, 20, "%s", t);
		return;
	}
	tm.tm_isdst = -1;
	v = mktime(&tm) + 1;
	localtime_r(&v, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

/* Where BY's last closed shift ended; "" when none was. */
static int
last_end(struct md *md, const char *by, char out[20])
{
	struct db_stmt *st;
	int rc;

	*out = '\0';
	if ((rc = db_prepare(md, "SELECT " SQL_JSON_TEXT("new", "'$.to'") " FROM audit"
			     " WHERE action = 'shift.report' AND "
			     SQL_JSON_TEXT("new", "'$.by'") " = ?1 ORDER BY id DESC LIMIT 1", &st)))
		return rc;
	db_bind_text(st, 1, by);
	if (db_row(md, st, &rc) && db_col_text(st, 0))
		next_second(db_col_text(st, 0), out);
	db_finalize(st);
	return rc;
}

static int
window(struct md *md, const char *from, const char *to, struct shift_report *r)
{
	char today[11];
	int rc;

	if (to && (rc = date_parse_timestamp(md, md_input(md, "--to"), to, r->to)))
		return rc;
	if (!to)
		clock_timestamp(md, r->to);
	if (from)
		return date_parse_timestamp(md, md_input(md, "--from"), from, r->from);
	if ((rc = last_end(md, r->by, r->from)) || *r->from)
		return rc;
	clock_today_text(md, today);
	snprintf(r->from, sizeof r->from, "%s 00:00:00", today);
	return MD_OK;
}

int
shift_report(struct md *md, const char *by, const char *from, const char *to,
	     bool close, struct shift_report *r)
{
	int rc, cash = method("cash");

	memset(r, 0, sizeof *r);
	if ((rc = operator_may(md, ACTION_SHIFT_REPORT)))
		return rc;
	text_copy(r->by, sizeof r->by, by ? by : "");
	if ((rc = window(md, from, to, r)))
		return rc;
	/* A shift closed this very second: the next one is still empty. */
	if (strcmp(r->from, r->to) > 0 && (from || to))
		return md_fail(md, MD_EINVAL, _("the shift's start %s is after its end %s"),
			       r->from, r->to);
	if (strcmp(r->from, r->to) <= 0 &&
	    ((rc = sales(md, r)) || (rc = voids(md, r)) || (rc = wallet(md, r))))
		return rc;
	r->cash_drawer = r->sales[cash].amount - r->voids[cash].amount +
			 r->recharged[cash].amount - r->refunded[cash].amount;
	if (!close)
		return MD_OK;
	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, audit_log_pairs(md, ACTION_SHIFT_REPORT, 0, "by", r->by,
					  "from", r->from, "to", r->to, NULL));
}

/* "LABEL  N  ¥X": a count and an amount at the right. */
static void
sum_line(struct md *md, FILE *fp, const char *label, const struct shift_sum *s,
	 int width)
{
	char m[40], v[80];

	money_human(md, s->amount, m);
	snprintf(v, sizeof v, "%lld  %s", (long long)s->count, m);
	receipt_line(fp, label, v, width);
}

static void
money_line(struct md *md, FILE *fp, const char *label, int64_t fen, int width)
{
	char m[40];

	money_human(md, fen, m);
	receipt_line(fp, label, m, width);
}

/* Each method that moved anything in V, indented under its heading. */
static void
methods(struct md *md, FILE *fp, const struct shift_sum *v, int width)
{
	char label[80];
	size_t i;

	for (i = 0; i < payment_count() && i < SHIFT_METHODS; i++) {
		if (!v[i].count)
			continue;
		snprintf(label, sizeof label, "  %s", _(payment_at(i)->label));
		sum_line(md, fp, label, &v[i], width);
	}
}

int
shift_text(struct md *md, FILE *fp, const struct shift_report *r, const char *shop,
	   int width)
{
	struct shift_sum in = {0}, out = {0};
	char v[80], m[40];
	size_t i;

	for (i = 0; i < SHIFT_METHODS; i++) {
		add(&in, r->recharged[i].count, r->recharged[i].amount);
		add(&out, r->refunded[i].count, r->refunded[i].amount);
	}
	receipt_centre(fp, *shop ? shop : PACKAGE, width);
	receipt_centre(fp, *r->by ? r->by : _("End of shift"), width);
	receipt_rule(fp, width, '=');
	receipt_line(fp, _("Shift start"), r->from, width);
	receipt_line(fp, _("Shift end"), r->to, width);
	receipt_rule(fp, width, '-');
	sum_line(md, fp, _("Sales rung up"), &r->all_sales, width);
	methods(md, fp, r->sales, width);
	if (r->wallet.count)
		sum_line(md, fp, _("  from stored value"), &r->wallet, width);
	sum_line(md, fp, _("Voids"), &r->all_voids, width);
	methods(md, fp, r->voids, width);
	receipt_rule(fp, width, '-');
	sum_line(md, fp, _("Topped up"), &in, width);
	methods(md, fp, r->recharged, width);
	if (r->recharge_bonus)
		money_line(md, fp, _("  bonus given"), r->recharge_bonus, width);
	sum_line(md, fp, _("Refunded"), &out, width);
	methods(md, fp, r->refunded, width);
	receipt_rule(fp, width, '-');
	money_human(md, r->points_value, m);
	snprintf(v, sizeof v, "%lld (%s)", (long long)r->points.amount, m);
	receipt_line(fp, _("Points redeemed"), v, width);
	sum_line(md, fp, _("Coupons redeemed"), &r->coupons, width);
	receipt_rule(fp, width, '=');
	money_line(md, fp, _("Cash in the drawer"), r->cash_drawer, width);
	return ferror(fp) ? -1 : 0;
}
