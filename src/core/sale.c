/* sale.c - a sale, from the amount on the till to every ledger row
 *
 * The order of the bill: amount, tier discount, coupon discount (not
 * yet), points offset (capped at a share of what is left), then what is
 * paid - from stored value or otherwise.  Points are earned on what is
 * paid (stored value excluded unless points_on_wallet), times the tier
 * multiplier, member day and birthday multipliers, rounded down once.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/coupon.h"
#include "core/coupon_auto.h"
#include "core/date.h"
#include "core/db_sql.h"
#include "core/money.h"
#include "core/operator.h"
#include "core/payment.h"
#include "core/points.h"
#include "core/sale.h"
#include "core/settings.h"
#include "core/text.h"
#include "core/wallet.h"
#include "i18n.h"

int
sale_check_time(struct md *md, const char *in, const char *now, char out[20])
{
	int rc;

	if ((rc = date_parse_timestamp(md, _("sale time"), in, out)))
		return rc;
	if (strcmp(out, now) > 0)
		return md_fail(md, MD_EINVAL, _("sale time %s is in the future"), out);
	if (strcmp(out, SALE_EARLIEST) < 0)
		return md_fail(md, MD_EINVAL,
			       _("sale time %s is before %s: no sale of a member is that old"),
			       out, SALE_EARLIEST);
	return MD_OK;
}

int
sale_check_label(struct md *md, const char *what, const char *in, int cols,
	    char *out, size_t n)
{
	char buf[256];
	int rc;

	if (!in) {
		out[0] = '\0';
		return MD_OK;
	}
	if (!text_valid_utf8(in, strlen(in)) || text_has_control(in, false) ||
	    strlen(in) >= sizeof buf)
		return md_fail(md, MD_EINVAL, _("%s must be plain text"), what);
	text_trim(in, buf, sizeof buf);
	if (*buf && (rc = text_check_readable(md, what, buf, true)))
		return rc;
	if (text_width(buf) > cols || strlen(buf) >= n)
		return md_fail(md, MD_EINVAL, _("%s \"%s\" is wider than %d columns"),
			       what, buf, cols);
	strcpy(out, buf);
	return MD_OK;
}

static int
check_ticket_free(struct md *md, const char *ticket)
{
	bool row;
	struct db_stmt *st;
	int rc;

	if (!*ticket)
		return MD_OK;
	if ((rc = db_stmt(md, "SELECT id, sold_at FROM sales WHERE ticket = ?", &st)))
		return rc;
	db_bind_copy(st, 1, ticket);
	row = db_row(md, st, &rc);
	if (row) {
		rc = md_fail(md, MD_ECONFLICT,
			     _("ticket %s was already recorded as sale %lld at %s; nothing was recorded again"),
			     ticket, (long long)db_col_int(st, 0),
			     db_col_text(st, 1));
		db_reset(st);
		return rc;
	}
	db_reset(st);
	return rc;
}

/* Whether DAY falls in the birthday period of a member born on BIRTHDAY
 * ("YYYY-MM-DD" or "MM-DD"). */
static int
in_birthday_period(struct md *md, const char *birthday, struct date day, bool *in)
{
	char period[SETTING_MAX];
	struct date b;
	int y, rc;

	*in = false;
	if (!*birthday)
		return MD_OK;
	if ((rc = settings_get(md, "birthday_period", period)))
		return rc;
	sscanf(birthday + strlen(birthday) - 5, "%d-%d", &b.m, &b.d);
	if (!strcmp(period, "month")) {
		*in = b.m == day.m;
		return MD_OK;
	}
	/* week: three days either side, across a new year too */
	for (y = day.y - 1; y <= day.y + 1; y++) {
		struct date occ = {y, b.m, b.d};
		int64_t diff;

		if (!date_valid(occ.y, occ.m, occ.d))
			occ.d = 28;	/* 02-29 in a common year */
		diff = date_to_days(day) - date_to_days(occ);
		if (diff >= -3 && diff <= 3)
			*in = true;
	}
	return MD_OK;
}

/* Points earned on ELIGIBLE fen: per_yuan x tier rate x member day x
 * birthday, rounded down once at the end. */
static int
earn(struct md *md, const struct member *m, struct sale *s, int64_t eligible)
{
	int64_t per_yuan, member_day;
	__int128 num;
	struct date day;
	char d[11];
	bool bday;
	int rc;

	s->member_day_pct = s->birthday_pct = 100;
	if ((rc = settings_get_int(md, "points_per_yuan", &per_yuan)) ||
	    (rc = settings_get_int(md, "member_day", &member_day)))
		return rc;
	text_copy(d, sizeof d, s->sold_at);
	date_parse_iso(d, &day);
	if (member_day && day.d == member_day &&
	    (rc = settings_get_percent(md, "member_day_multiplier", &s->member_day_pct)))
		return rc;
	if ((rc = in_birthday_period(md, m->birthday, day, &bday)))
		return rc;
	if (bday && (rc = settings_get_percent(md, "birthday_multiplier", &s->birthday_pct)))
		return rc;
	num = (__int128)eligible * per_yuan * s->points_rate * s->member_day_pct *
	      s->birthday_pct;
	s->points_earned = (int64_t)(num / ((__int128)100 * 100 * 100 * 100));
	return MD_OK;
}

/* The points part of the bill.  1 point is worth 100/points_value fen,
 * so points are used in steps that make whole fen (whole units in a
 * shop that counts in them). */
static int
use_points(struct md *md, const struct member *m, const struct sale_input *in,
	   struct sale *s)
{
	int64_t value, cap, step, max_value, max_points, n;
	char buf[64], *end, have[32], most[32], money[40], one[40];
	long long v;
	int rc;

	text_trim(in->use_points, buf, sizeof buf);
	v = strtoll(buf, &end, 10);
	if (!*buf || *end || v < 0 || v > POINTS_MAX)
		return md_fail(md, MD_EINVAL,
			       _("points to use \"%s\" must be a whole number"), in->use_points);
	if (v == 0)
		return MD_OK;
	if (!s->member_id)
		return md_fail(md, MD_EINVAL, _("a walk-in customer has no points to use"));
	if ((rc = settings_get_int(md, "points_value", &value)) ||
	    (rc = settings_get_int(md, "points_cap", &cap)))
		return rc;
	n = v;
	/* The smallest number of points worth a whole unit of U fen:
	 * value * U / gcd(value * U, 100). */
	{
		int64_t a = value * money_unit(md), b = 100, t;

		while (b) {
			t = a % b;
			a = b;
			b = t;
		}
		step = value * money_unit(md) / a;
	}
	if (n % step) {
		money_human(md, 100, one);
		return md_fail(md, MD_EINVAL,
			       _("points are used in steps of %lld (%lld points are worth %s)"),
			       (long long)step, (long long)value, one);
	}
	if (n > m->points) {
		text_format_int(m->points, have);
		return md_fail(md, MD_EINVAL,
			       _("%s (%s) has %s points: %lld cannot be used"), m->card,
			       m->name, have, (long long)n);
	}
	max_value = (s->amount - s->tier_discount - s->coupon_discount) * cap / 100;
	max_points = max_value * value / 100 / step * step;
	if (n * 100 / value > max_value) {
		text_format_int(max_points, most);
		money_human(md, max_points * 100 / value, money);
		return md_fail(md, MD_EINVAL,
			       _("at most %s points (%s, %lld%% of the bill) can be used on this sale"),
			       most, money, (long long)cap);
	}
	s->points_used = n;
	s->points_value = n * 100 / value;
	return MD_OK;
}

/* The coupons after the tier discount, each on what the ones before it
 * left; none makes the bill negative, and a minimum spend is measured
 * after the tier discount. */
static int
apply_coupons(struct md *md, const struct sale_input *in, struct sale *s)
{
	char day[11], shown[COUPON_SHOWN_MAX];
	struct coupon k;
	int64_t most, off;
	size_t i, j, o = 0;
	struct date d;
	int rc;

	if ((rc = settings_get_int(md, "coupons_per_sale", &most)))
		return rc;
	if ((int64_t)in->ncoupons > most)
		return md_fail(md, MD_EINVAL, most == 1 ?
			       _("one coupon per sale (the setting coupons_per_sale allows more)") :
			       _("at most %lld coupons per sale (the setting coupons_per_sale)"),
			       (long long)most);
	text_copy(day, sizeof day, s->sold_at);
	date_parse_iso(day, &d);
	for (i = 0; i < in->ncoupons; i++) {
		if ((rc = coupon_apply(md, in->coupons[i], s->member_id, d,
				       s->amount - s->tier_discount - s->coupon_discount, &k, &off)))
			return rc;
		for (j = 0; j < s->ncoupons; j++)
			if (s->coupon_id[j] == k.id) {
				coupon_code_show(k.code, shown);
				return md_fail(md, MD_EINVAL, _("coupon %s is given twice"), shown);
			}
		s->coupon_id[s->ncoupons] = k.id;
		s->coupon_off[s->ncoupons++] = off;
		s->coupon_discount += off;
		coupon_code_show(k.code, shown);
		o += (size_t)snprintf(s->coupons + o, sizeof s->coupons - o, "%s%s",
				      o ? ";" : "", shown);
		if (k.campaign.kind == CAMPAIGN_GIFT) {
			size_t g = strlen(s->gift);

			snprintf(s->gift + g, sizeof s->gift - g, "%s%s", g ? "\n" : "",
				 k.campaign.gift);
		}
	}
	return MD_OK;
}

static int
compute(struct md *md, const struct sale_input *in, struct sale *s,
	struct member *m)
{
	char now[20];
	bool on_wallet, promo_discount;
	struct tier t;
	int rc;

	memset(s, 0, sizeof *s);
	memset(m, 0, sizeof *m);
	if (!in->amount)
		return md_fail(md, MD_EINVAL, _("amount is required"));
	if ((rc = money_parse(md, _("amount"), in->amount, &s->amount, 0)))
		return rc;
	clock_timestamp(md, now);
	if (in->at) {
		if ((rc = sale_check_time(md, in->at, now, s->sold_at)))
			return rc;
	} else {
		strcpy(s->sold_at, now);
	}
	if ((rc = payment_check(md, in->payment, false, s->payment)) ||
	    (rc = sale_check_label(md, _("category"), in->category, 32, s->category,
			      sizeof s->category)) ||
	    (rc = sale_check_label(md, _("ticket"), in->ticket, 64, s->ticket,
			      sizeof s->ticket)) ||
	    (rc = member_check_note(md, in->note ? in->note : "", s->note)) ||
	    (rc = check_ticket_free(md, s->ticket)))
		return rc;
	s->promo = in->promo;
	strcpy(s->operator_name, md->operator_name);
	s->points_rate = 100;

	if (in->member && *in->member) {
		if ((rc = member_get(md, in->member, m)))
			return rc;
		if (m->status == MEMBER_FROZEN)
			return md_fail(md, MD_ECONFLICT,
				       _("member %s (%s) is frozen: unfreeze them first, or sell without a member"),
				       m->card, m->name);
		if ((rc = member_require_current(md, m)))
			return rc;
		s->member_id = m->id;
		strcpy(s->card, m->card);
		strcpy(s->name, m->name);
		if ((rc = tier_get_id(md, m->tier_id, &t)))
			return rc;
		strcpy(s->tier, t.name);
		s->points_rate = t.points_rate;
		if ((rc = settings_get_bool(md, "promo_tier_discount", &promo_discount)))
			return rc;
		if (!s->promo || promo_discount) {
			s->discount_pct = t.discount;
			s->tier_discount = s->amount -
				money_round(md, money_mul_div(s->amount, t.discount, 100));
		}
	} else if (!strcmp(s->payment, "wallet")) {
		return md_fail(md, MD_EINVAL, _("a walk-in customer has no stored value"));
	}
	if (in->ncoupons && (rc = apply_coupons(md, in, s)))
		return rc;
	if (in->use_points && (rc = use_points(md, m, in, s)))
		return rc;
	s->paid = s->amount - s->tier_discount - s->coupon_discount - s->points_value;
	if (!strcmp(s->payment, "wallet") &&
	    (rc = wallet_split(md, m, s->paid, &s->wallet_principal, &s->wallet_bonus)))
		return rc;
	if (!s->member_id)
		return MD_OK;
	if ((rc = settings_get_bool(md, "points_on_wallet", &on_wallet)))
		return rc;
	return earn(md, m, s, on_wallet ? s->paid :
		    s->paid - s->wallet_principal - s->wallet_bonus);
}

int
sale_quote(struct md *md, const struct sale_input *in, struct sale *s)
{
	struct member m;
	int rc = compute(md, in, s, &m);

	if (rc == MD_OK) {
		s->points_after = m.points - s->points_used + s->points_earned;
		s->wallet_after = m.wallet_principal + m.wallet_bonus -
				  s->wallet_principal - s->wallet_bonus;
	}
	return rc;
}

static int
insert_sale(struct md *md, struct sale *s, int64_t tier_id)
{
	struct db_stmt *st;
	char now[20];
	int rc;

	rc = db_stmt(md, "INSERT INTO sales(member_id, sold_at, ticket, category, promo,"
		     " payment, amount, tier_id, tier_discount, coupon_discount,"
		     " points_used, points_value, paid, wallet_principal, wallet_bonus,"
		     " points_earned, note, operator, created_at)"
		     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &st);
	if (rc)
		return rc;
	clock_timestamp(md, now);
	if (s->member_id)
		db_bind_int(st, 1, s->member_id);
	db_bind_text(st, 2, s->sold_at);
	db_bind_text_or_null(st, 3, s->ticket);
	db_bind_text(st, 4, s->category);
	db_bind_int(st, 5, s->promo);
	db_bind_text(st, 6, s->payment);
	db_bind_int(st, 7, s->amount);
	if (tier_id)
		db_bind_int(st, 8, tier_id);
	db_bind_int(st, 9, s->tier_discount);
	db_bind_int(st, 10, s->coupon_discount);
	db_bind_int(st, 11, s->points_used);
	db_bind_int(st, 12, s->points_value);
	db_bind_int(st, 13, s->paid);
	db_bind_int(st, 14, s->wallet_principal);
	db_bind_int(st, 15, s->wallet_bonus);
	db_bind_int(st, 16, s->points_earned);
	db_bind_text(st, 17, s->note);
	db_bind_text(st, 18, md->operator_name);
	db_bind_copy(st, 19, now);
	if ((rc = db_run(md, st)))
		return rc;
	s->id = db_last_id(md);
	return MD_OK;
}

/* The referrer's reward, once, when a referred member first buys. */
static int
referral(struct md *md, const struct member *m, const struct sale *s)
{
	char expires[11], day_text[11];
	struct member r;
	struct date day;
	struct db_stmt *st;
	int64_t points, earlier = 0;
	int rc;

	if (!*m->referrer_card)
		return MD_OK;
	if ((rc = settings_get_int(md, "referral_points", &points)) || points == 0)
		return rc;
	rc = db_stmt(md, "SELECT count(*) FROM sales WHERE member_id = ?"
		     " AND voided_at IS NULL AND id <> ?", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, m->id);
	db_bind_int(st, 2, s->id);
	if (db_row(md, st, &rc))
		earlier = db_col_int(st, 0);
	db_reset(st);
	if (earlier)
		return MD_OK;
	if ((rc = member_get(md, m->referrer_card, &r)))
		return rc;
	if (!member_is_current(r.status))
		return MD_OK;
	text_copy(day_text, sizeof day_text, s->sold_at);
	date_parse_iso(day_text, &day);
	if ((rc = points_expiry_for(md, day, expires)))
		return rc;
	/* The reason names whom they referred. */
	return points_credit(md, r.id, "referral", points, s->id, s->sold_at,
			     expires, m->card, NULL);
}

static int
add_locked(struct md *md, const struct sale_input *in, struct sale *s)
{
	char expires[11], day[11], a[32], p[32];
	struct member m;
	struct date d;
	int rc;

	if ((rc = compute(md, in, s, &m)) ||
	    (rc = insert_sale(md, s, s->member_id ? m.tier_id : 0)))
		return rc;
	for (size_t i = 0; i < s->ncoupons; i++) {
		struct coupon k = { .id = s->coupon_id[i] };

		if ((rc = coupon_redeem(md, &k, s->id, s->coupon_off[i], s->sold_at)))
			return rc;
	}
	if (s->member_id) {
		if (s->points_used &&
		    (rc = points_debit(md, m.id, "redeem", s->points_used, s->id,
				       s->sold_at, "", 0, NULL)))
			return rc;
		if ((s->wallet_principal || s->wallet_bonus) &&
		    (rc = wallet_post(md, m.id, "spend", -s->wallet_principal,
				      -s->wallet_bonus, s->id, s->sold_at, NULL, "")))
			return rc;
		if (s->points_earned) {
			text_copy(day, sizeof day, s->sold_at);
			date_parse_iso(day, &d);
			if ((rc = points_expiry_for(md, d, expires)) ||
			    (rc = points_credit(md, m.id, "earn", s->points_earned,
						s->id, s->sold_at, expires, "", NULL)))
				return rc;
		}
		if ((rc = referral(md, &m, s)) ||
		    (rc = tier_after_sale(md, m.id, s->id, s->sold_at, s->upgraded_to)) ||
		    (*s->upgraded_to && (rc = coupon_auto_upgrade_locked(md, m.id))) ||
		    (rc = member_joined_by(md, m.id, s->sold_at)))
			return rc;
		s->points_after = m.points - s->points_used + s->points_earned;
		s->wallet_after = m.wallet_principal + m.wallet_bonus -
				  s->wallet_principal - s->wallet_bonus;
	}
	money_format(s->amount, a);
	money_format(s->paid, p);
	snprintf(day, sizeof day, "%lld", (long long)s->id);
	return audit_log_pairs(md, ACTION_SALE_ADD, s->member_id, "sale", day,
			       "amount", a, "paid", p, "payment", s->payment,
			       "ticket", s->ticket, "coupons", s->coupons, NULL);
}

int
sale_add(struct md *md, const struct sale_input *in, struct sale *s)
{
	int rc;

	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, add_locked(md, in, s));
}

#define SALE_SELECT \
	"SELECT s.id, coalesce(s.member_id, 0), coalesce(m.card, ''), coalesce(m.name, '')," \
	"  s.sold_at, coalesce(s.ticket, ''), s.category, s.payment, s.note, s.operator," \
	"  s.promo, s.amount, coalesce(t.name, ''), s.tier_discount, s.coupon_discount," \
	"  s.points_used, s.points_value, s.paid, s.wallet_principal, s.wallet_bonus," \
	"  s.points_earned, coalesce(s.voided_at, ''), coalesce(s.voided_by, '')," \
	"  coalesce(s.void_reason, ''), coalesce(m.points, 0)," \
	"  coalesce(m.wallet_principal + m.wallet_bonus, 0), coalesce(t.discount, 100)," \
	"  coalesce((SELECT " SQL_GROUP_CONCAT("substr(k.code, 1, 5) || '-' || substr(k.code, 6)", "';'") \
	"    FROM sale_coupons u JOIN coupons k ON k.id = u.coupon_id WHERE u.sale_id = s.id), '')," \
	"  coalesce((SELECT " SQL_GROUP_CONCAT("c.gift", "char(10)") " FROM sale_coupons u" \
	"    JOIN coupons k ON k.id = u.coupon_id JOIN campaigns c ON c.id = k.campaign_id" \
	"    WHERE u.sale_id = s.id AND c.kind = 'gift'), '')" \
	"  FROM sales s LEFT JOIN members m ON m.id = s.member_id" \
	"  LEFT JOIN tiers t ON t.id = s.tier_id"

static void
sale_from_row(struct db_stmt *st, struct sale *s)
{
	memset(s, 0, sizeof *s);
	s->id = db_col_int(st, 0);
	s->member_id = db_col_int(st, 1);
	db_column_text(st, 2, s->card, sizeof s->card);
	db_column_text(st, 3, s->name, sizeof s->name);
	db_column_text(st, 4, s->sold_at, sizeof s->sold_at);
	db_column_text(st, 5, s->ticket, sizeof s->ticket);
	db_column_text(st, 6, s->category, sizeof s->category);
	db_column_text(st, 7, s->payment, sizeof s->payment);
	db_column_text(st, 8, s->note, sizeof s->note);
	db_column_text(st, 9, s->operator_name, sizeof s->operator_name);
	s->promo = (int)db_col_int(st, 10);
	s->amount = db_col_int(st, 11);
	db_column_text(st, 12, s->tier, sizeof s->tier);
	s->tier_discount = db_col_int(st, 13);
	s->coupon_discount = db_col_int(st, 14);
	s->points_used = db_col_int(st, 15);
	s->points_value = db_col_int(st, 16);
	s->paid = db_col_int(st, 17);
	s->wallet_principal = db_col_int(st, 18);
	s->wallet_bonus = db_col_int(st, 19);
	s->points_earned = db_col_int(st, 20);
	db_column_text(st, 21, s->voided_at, sizeof s->voided_at);
	db_column_text(st, 22, s->voided_by, sizeof s->voided_by);
	db_column_text(st, 23, s->void_reason, sizeof s->void_reason);
	s->points_after = db_col_int(st, 24);
	s->wallet_after = db_col_int(st, 25);
	s->discount_pct = s->tier_discount ? (int)db_col_int(st, 26) : 0;
	db_column_text(st, 27, s->coupons, sizeof s->coupons);
	db_column_text(st, 28, s->gift, sizeof s->gift);
}

int
sale_get(struct md *md, const char *key, struct sale *s)
{
	bool row;
	char buf[128], *end;
	struct db_stmt *st;
	long long id;
	int rc;

	text_trim(key, buf, sizeof buf);
	id = strtoll(buf, &end, 10);
	if (*buf && !*end && id > 0) {
		if ((rc = db_stmt(md, SALE_SELECT " WHERE s.id = ?", &st)))
			return rc;
		db_bind_int(st, 1, id);
		row = db_row(md, st, &rc);
		if (row)
			sale_from_row(st, s);
		db_reset(st);
		if (row)
			return MD_OK;
		if ((row || rc))
			return db_fail(md);
	}
	if ((rc = db_stmt(md, SALE_SELECT " WHERE s.ticket = ?", &st)))
		return rc;
	db_bind_copy(st, 1, buf);
	row = db_row(md, st, &rc);
	if (row)
		sale_from_row(st, s);
	db_reset(st);
	if (!row && !rc)
		return md_fail(md, MD_ENOTFOUND, _("no sale has the number or ticket \"%s\""),
			       key);
	return rc;
}

/* Points the sale gave (to KIND's owner) that must come back now. */
static int
take_back(struct md *md, int64_t sale_id, const char *kind, const char *at,
	  const char *reason, bool forgive)
{
	bool row;
	int64_t entry, member, n, balance;
	struct db_stmt *st;
	struct member m;
	char have[32], got[32];
	int rc;

	rc = db_stmt(md, "SELECT id, member_id, delta FROM points_ledger"
		     " WHERE sale_id = ? AND kind = ?", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, sale_id);
	db_bind_text(st, 2, kind);
	row = db_row(md, st, &rc);
	entry = row ? db_col_int(st, 0) : 0;
	member = row ? db_col_int(st, 1) : 0;
	n = row ? db_col_int(st, 2) : 0;
	db_reset(st);
	if (rc)
		return rc;
	if (!entry)
		return MD_OK;
	if ((rc = member_get_id(md, member, &m)))
		return rc;
	balance = m.points;
	if (n > balance) {
		if (!forgive) {
			text_format_int(balance, have);
			text_format_int(n, got);
			return md_fail(md, MD_ECONFLICT,
				       _("sale %lld gave %s (%s) %s points but only %s are left; void it with %s to take back only those"),
				       (long long)sale_id, m.card, m.name, got, have,
				       md_input(md, "--forgive-points"));
		}
		n = balance;
	}
	if (n == 0)
		return MD_OK;
	return points_debit(md, member, "void", n, sale_id, at, reason, entry, NULL);
}

static int
void_locked(struct md *md, const char *key, const char *reason, bool forgive)
{
	bool row;
	char now[20], id[24];
	struct db_stmt *st;
	struct sale s;
	int64_t entry;
	int rc;

	if ((rc = sale_get(md, key, &s)))
		return rc;
	if (*s.voided_at)
		return md_fail(md, MD_ECONFLICT, _("sale %lld was already voided at %s by %s"),
			       (long long)s.id, s.voided_at, s.voided_by);
	clock_timestamp(md, now);
	/* Points the sale used come back first, to their own lots, so that
	 * they can cover the points it earned. */
	rc = db_stmt(md, "SELECT id FROM points_ledger WHERE sale_id = ? AND kind = 'redeem'",
		     &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, s.id);
	row = db_row(md, st, &rc);
	entry = row ? db_col_int(st, 0) : 0;
	db_reset(st);
	if (entry && (rc = points_restore(md, entry, s.id, now, reason)))
		return rc;
	if ((rc = take_back(md, s.id, "earn", now, reason, forgive)) ||
	    (rc = take_back(md, s.id, "referral", now, reason, forgive)))
		return rc;
	if ((s.wallet_principal || s.wallet_bonus) &&
	    (rc = wallet_post(md, s.member_id, "void", s.wallet_principal,
			      s.wallet_bonus, s.id, now, NULL, reason)))
		return rc;
	/* Its coupons come back, or expire if their days are over. */
	if (*s.coupons && (rc = coupon_void(md, s.id, clock_today(md))))
		return rc;
	rc = db_stmt(md, "UPDATE sales SET voided_at = ?, voided_by = ?, void_reason = ?"
		     " WHERE id = ?", &st);
	if (rc)
		return rc;
	db_bind_copy(st, 1, now);
	db_bind_text(st, 2, md->operator_name);
	db_bind_text(st, 3, reason);
	db_bind_int(st, 4, s.id);
	if ((rc = db_run(md, st)))
		return rc;
	if (s.member_id && (rc = tier_after_void(md, s.member_id, s.id, now)))
		return rc;
	snprintf(id, sizeof id, "%lld", (long long)s.id);
	return audit_log_pairs(md, ACTION_SALE_VOID, s.member_id, "sale", id,
			       "reason", reason, NULL);
}

int
sale_void(struct md *md, const char *key, const char *reason, bool forgive)
{
	char clean[MEMBER_NOTE_MAX];
	int rc;

	if ((rc = operator_may(md, ACTION_SALE_VOID)))
		return rc;
	if (!reason || (rc = member_check_note(md, reason, clean)) != MD_OK || !*clean)
		return reason && rc ? rc :
		       md_fail(md, MD_EINVAL, _("a reason is required to void a sale"));
	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, void_locked(md, key, clean, forgive));
}

int
sale_list(struct md *md, const struct sale_filter *f,
	  int (*cb)(void *arg, const struct sale *s), void *arg)
{
	char from[20] = "0000-00-00", to[20] = "9999-99-99";
	struct date d;
	struct db_stmt *st;
	struct sale s;
	int64_t member = 0;
	int rc;

	if (f->member && *f->member && (rc = member_resolve(md, f->member, &member)))
		return rc;
	if (f->from) {
		if ((rc = date_parse(md, md_input(md, "--from"), f->from, &d, false)))
			return rc;
		date_format(d, from);
	}
	if (f->to) {
		if ((rc = date_parse(md, md_input(md, "--to"), f->to, &d, false)))
			return rc;
		date_format(date_from_days(date_to_days(d) + 1), to);
	}
	rc = db_prepare(md, member ?
			SALE_SELECT " WHERE s.member_id = ?1 AND s.sold_at >= ?2"
			" AND s.sold_at < ?3 ORDER BY s.sold_at, s.id" :
			SALE_SELECT " WHERE s.sold_at >= ?2 AND s.sold_at < ?3"
			" ORDER BY s.sold_at, s.id", &st);
	if (rc)
		return rc;
	if (member)
		db_bind_int(st, 1, member);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	while (db_row(md, st, &rc)) {
		sale_from_row(st, &s);
		if ((rc = cb(arg, &s)))
			goto out;
	}
out:
	db_finalize(st);
	return rc;
}

int
sale_merge(struct md *md, int64_t keep, int64_t drop)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, "UPDATE sales SET member_id = ? WHERE member_id = ?", &st)))
		return rc;
	db_bind_int(st, 1, keep);
	db_bind_int(st, 2, drop);
	return db_run(md, st);
}
