/* export.c - the shop's data as CSV, in the import's own columns
 *
 * Each kind is one query and a column list.  Columns are the import's
 * canonical keys in the import's meaning (amount is what was paid;
 * balance is all stored value, bonus the part of it the shop gave), so
 * that exporting and importing into an empty database gives back the
 * same members, balances and tiers.  Coupons, which are not imported,
 * go out in the columns of coupon list's csv and their campaign's offer.
 */
#include <config.h>

#include <errno.h>
#include <string.h>

#include "core/audit.h"
#include "core/csvio.h"
#include "core/date.h"
#include "core/db_sql.h"
#include "core/export.h"
#include "core/money.h"
#include "core/operator.h"
#include "i18n.h"

/* How a column is written from its SQL result column. */
enum col_type { TEXT, MONEY, INT };

struct col {
	const char *key, *zh;
	enum col_type type;
};

struct kind {
	const struct col *cols;
	int ncols;
	const char *sql;	/* ?1 from, ?2 to (date strings, NULL: open) */
};

static const struct col member_cols[] = {
	{ "card", "卡号", TEXT }, { "name", "姓名", TEXT }, { "phone", "手机", TEXT },
	{ "gender", "性别", TEXT }, { "birthday", "生日", TEXT }, { "tier", "等级", TEXT },
	{ "points", "积分", INT }, { "balance", "余额", MONEY },
	{ "bonus", "赠送余额", MONEY }, { "joined", "开卡日期", TEXT },
	{ "referrer", "推荐人", TEXT }, { "tags", "标签", TEXT }, { "note", "备注", TEXT },
	{ "status", "状态", TEXT },
};

static const struct col sale_cols[] = {
	{ "ticket", "小票号", TEXT }, { "sold_at", "消费时间", TEXT },
	{ "card", "卡号", TEXT }, { "amount", "实收", MONEY },
	{ "category", "品类", TEXT }, { "promo", "促销", INT },
	{ "payment", "支付方式", TEXT },
};

static const struct col point_cols[] = {
	{ "card", "卡号", TEXT }, { "points", "积分", INT }, { "expires", "到期日", TEXT },
};

static const struct col wallet_cols[] = {
	{ "card", "卡号", TEXT }, { "balance", "余额", MONEY }, { "bonus", "赠送余额", MONEY },
};

/* value: as coupon campaign add takes it: yuan off (cash, voucher), the
 * percentage paid (percent), the gift (gift). */
static const struct col coupon_cols[] = {
	{ "code", "券码", TEXT }, { "campaign", "活动", TEXT }, { "card", "卡号", TEXT },
	{ "status", "状态", TEXT }, { "issued_at", "发券时间", TEXT },
	{ "expires", "到期日", TEXT }, { "sale", "核销单号", INT },
	{ "kind", "券类型", TEXT }, { "value", "面值", TEXT },
};

#define N(a) ((int)(sizeof a / sizeof *a))

static const char *const kind_names[EXPORT_KINDS] = {
	[EXPORT_MEMBERS] = "members", [EXPORT_SALES] = "sales",
	[EXPORT_POINTS] = "points", [EXPORT_WALLET] = "wallet",
	[EXPORT_COUPONS] = "coupons",
};

bool
export_kind_parse(const char *s, enum export_kind *kind)
{
	for (int i = 0; i < EXPORT_KINDS; i++)
		if (strcmp(s, kind_names[i]) == 0) {
			*kind = (enum export_kind)i;
			return true;
		}
	return false;
}

const char *
export_kind_name(enum export_kind kind)
{
	return kind_names[kind];
}

static const struct kind kinds[] = {
	[EXPORT_MEMBERS] = { member_cols, N(member_cols),
		"SELECT m.card, m.name, m.phone,"
		" CASE m.gender WHEN 1 THEN 'male' WHEN 2 THEN 'female' ELSE '' END,"
		" m.birthday, t.name, m.points, m.wallet_principal + m.wallet_bonus,"
		" m.wallet_bonus, m.joined, r.card,"
		" (SELECT " SQL_GROUP_CONCAT("name", "';'") " FROM (SELECT g.name FROM member_tags mt"
		"   JOIN tags g ON g.id = mt.tag_id WHERE mt.member_id = m.id ORDER BY g.name)),"
		" m.note, m.status"
		" FROM members m LEFT JOIN tiers t ON t.id = m.tier_id"
		" LEFT JOIN members r ON r.id = m.referrer_id"
		" WHERE m.status IN ('active', 'frozen')"
		" AND (?1 IS NULL OR m.joined >= ?1) AND (?2 IS NULL OR m.joined <= ?2)"
		" ORDER BY m.id" },
	[EXPORT_SALES] = { sale_cols, N(sale_cols),
		"SELECT s.ticket, s.sold_at, m.card, s.paid, s.category, s.promo, s.payment"
		" FROM sales s LEFT JOIN members m ON m.id = s.member_id"
		" WHERE s.voided_at IS NULL"
		" AND (?1 IS NULL OR s.sold_at >= ?1)"
		" AND (?2 IS NULL OR s.sold_at < " SQL_DAY_AFTER("?2") ")"
		" ORDER BY s.sold_at, s.id" },
	[EXPORT_POINTS] = { point_cols, N(point_cols),
		"SELECT m.card, l.remaining, l.expires FROM points_lots l"
		" JOIN members m ON m.id = l.member_id"
		" WHERE l.remaining > 0 AND m.status IN ('active', 'frozen')"
		" AND ?1 IS NULL AND ?2 IS NULL"
		" ORDER BY l.member_id, l.expires IS NULL, l.expires, l.id" },
	[EXPORT_WALLET] = { wallet_cols, N(wallet_cols),
		"SELECT card, wallet_principal + wallet_bonus, wallet_bonus FROM members"
		" WHERE wallet_principal + wallet_bonus > 0 AND status IN ('active', 'frozen')"
		" AND ?1 IS NULL AND ?2 IS NULL"
		" ORDER BY id" },
	[EXPORT_COUPONS] = { coupon_cols, N(coupon_cols),
		"SELECT substr(k.code, 1, 5) || '-' || substr(k.code, 6), c.name, m.card,"
		" k.status, k.issued_at, k.expires, k.sale_id, c.kind,"
		" CASE c.kind WHEN 'gift' THEN c.gift"
		"  WHEN 'percent' THEN CAST(c.value AS TEXT)"
		"  ELSE (c.value / 100) || '.' || substr('0' || (c.value % 100), -2) END"
		" FROM coupons k JOIN campaigns c ON c.id = k.campaign_id"
		" JOIN members m ON m.id = k.member_id"
		" WHERE (?1 IS NULL OR k.issued_at >= ?1)"
		" AND (?2 IS NULL OR k.issued_at < " SQL_DAY_AFTER("?2") ")"
		" ORDER BY k.id" },
};

/* OUT failed: say why (a full disk, mostly). */
static int
write_failed(struct md *md)
{
	return md_fail(md, MD_EIO, _("write error: %s"), strerror(errno ? errno : EIO));
}

static int
write_row(struct md *md, FILE *out, const struct kind *k, struct db_stmt *st)
{
	const char *fields[16];
	char buf[16][32];
	bool text[16];

	for (int i = 0; i < k->ncols; i++) {
		const char *t = db_col_text(st, i);

		fields[i] = t ? t : "";
		text[i] = k->cols[i].type == TEXT;
		if (k->cols[i].type == MONEY) {
			money_format(db_col_int(st, i), buf[i]);
			fields[i] = buf[i];
		}
	}
	errno = 0;
	if (csvio_write_row(out, fields, text, (size_t)k->ncols, ',', "\r\n") < 0)
		return write_failed(md);
	return MD_OK;
}

static int
check_range(struct md *md, const struct export_opts *o, char from[11], char to[11])
{
	struct date d;
	int rc;

	if ((o->from || o->to) && (o->kind == EXPORT_POINTS || o->kind == EXPORT_WALLET))
		return md_fail(md, MD_EINVAL,
			       _("%s and %s choose members, sales or coupons; points and wallet export what is held now"),
			       md_input(md, "--from"), md_input(md, "--to"));
	*from = *to = '\0';
	if (o->from) {
		if ((rc = date_parse(md, md_input(md, "--from"), o->from, &d, false)))
			return rc;
		date_format(d, from);
	}
	if (o->to) {
		if ((rc = date_parse(md, md_input(md, "--to"), o->to, &d, false)))
			return rc;
		date_format(d, to);
	}
	if (*from && *to && strcmp(from, to) > 0)
		return date_fail_order(md, from, to);
	return MD_OK;
}

static const enum action export_actions[] = {
	[EXPORT_MEMBERS] = ACTION_EXPORT_MEMBERS, [EXPORT_SALES] = ACTION_EXPORT_SALES,
	[EXPORT_POINTS] = ACTION_EXPORT_POINTS, [EXPORT_WALLET] = ACTION_EXPORT_WALLET,
	[EXPORT_COUPONS] = ACTION_EXPORT_COUPONS,
};

static int
audit_export(struct md *md, const struct export_opts *o, const char *from,
	     const char *to)
{
	int rc;

	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, audit_log_pairs(md, export_actions[o->kind], 0, "to", o->dest ? o->dest : "-",
					  "from", from, "until", to, NULL));
}

int
export_run(struct md *md, const struct export_opts *o, FILE *out, int64_t *rows)
{
	const struct kind *k = &kinds[o->kind];
	const char *header[16];
	char from[11], to[11];
	struct db_stmt *st;
	int rc;

	if ((rc = operator_may(md, export_actions[o->kind])))
		return rc;

	*rows = 0;
	if ((rc = check_range(md, o, from, to)) || (rc = audit_export(md, o, from, to)))
		return rc;
	for (int i = 0; i < k->ncols; i++)
		header[i] = o->zh ? k->cols[i].zh : k->cols[i].key;
	errno = 0;
	if (csvio_write_row(out, header, NULL, (size_t)k->ncols, ',', "\r\n") < 0)
		return write_failed(md);
	/* A read transaction: one consistent picture however long it takes. */
	if ((rc = db_exec(md, "BEGIN")))
		return rc;
	if ((rc = db_prepare(md, k->sql, &st)))
		goto out;
	db_bind_text_or_null(st, 1, from);
	db_bind_text_or_null(st, 2, to);
	while (db_row(md, st, &rc)) {
		if ((rc = write_row(md, out, k, st)))
			break;
		++*rows;
	}
	db_finalize(st);
out:
	db_exec_quiet(md, "COMMIT");
	return rc;
}
