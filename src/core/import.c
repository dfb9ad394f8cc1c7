/* import.c - the import driver: the file, its header, one transaction
 *
 * A file is scanned once (hash, encoding, delimiter) and then streamed
 * row by row.  Each row runs in its own savepoint inside the import's one
 * transaction, so a rejected row leaves no trace while the good ones
 * stay; at the end the whole transaction commits only when nothing was
 * rejected (or --skip-bad says the good rows are wanted) and this is not
 * a dry run.  A dry run is the real import rolled back: it cannot
 * disagree with what the import would do.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/csvio.h"
#include "core/db_sql.h"
#include "core/import_priv.h"
#include "core/money.h"
#include "core/operator.h"
#include "core/text.h"
#include "i18n.h"


#define K_MEMBERS (1 << IMPORT_MEMBERS)
#define K_SALES (1 << IMPORT_SALES)
#define K_POINTS (1 << IMPORT_POINTS)
#define K_WALLET (1 << IMPORT_WALLET)
#define K_ALL (K_MEMBERS | K_SALES | K_POINTS | K_WALLET)

/* The headers real exports use for each field, as import_norm() leaves
 * them: lowercase, without spaces, '_', '-', '*' or a trailing unit in
 * brackets.  Simplified and Traditional Chinese, and English. */
static const struct field_def {
	const char *key;
	const char *names;	/* '|'-separated */
	unsigned kinds;
	unsigned required;	/* kinds that cannot do without it */
} fields[F_COUNT] = {
	[F_CARD] = { "card", "卡号|会员卡号|会员号|会员编号|卡號|會員卡號|會員號|會員編號|"
		     "cardno|cardnumber|membercard|memberno|customerid|客户编号|客戶編號|"
		     "用户id|用户编号|用戶id|用戶編號", K_ALL, 0 },
	[F_NAME] = { "name", "姓名|会员姓名|名字|客户姓名|會員姓名|客戶姓名|membername|customername|"
		     "会员名称|真实姓名|會員名稱|真實姓名", K_MEMBERS, K_MEMBERS },
	[F_PHONE] = { "phone", "手机|手机号|手机号码|电话|联系电话|手機|手機號|手機號碼|電話|聯絡電話|"
		      "mobile|tel|telephone|cellphone|会员手机|會員手機", K_ALL, 0 },
	[F_GENDER] = { "gender", "性别|性別|sex", K_MEMBERS, 0 },
	[F_BIRTHDAY] = { "birthday", "生日|出生日期|生日日期|birthdate|dateofbirth|dob", K_MEMBERS, 0 },
	[F_POINTS] = { "points", "积分|当前积分|可用积分|剩余积分|点数|積分|當前積分|可用積分|剩餘積分|點數|"
		       "会员积分|用户积分|會員積分|用戶積分", K_MEMBERS | K_POINTS, K_POINTS },
	[F_BALANCE] = { "balance", "余额|卡内余额|储值余额|储值|会员余额|餘額|卡內餘額|儲值餘額|儲值|"
			"storedvalue|用户余额|账户余额|用戶餘額|帳戶餘額", K_MEMBERS | K_WALLET, K_WALLET },
	[F_BONUS] = { "bonus", "赠送余额|赠送金额|贈送餘額|贈送金額", K_MEMBERS | K_WALLET, 0 },
	[F_TIER] = { "tier", "等级|会员等级|卡类型|会员类型|等級|會員等級|卡類型|會員類型|level|"
		     "用户等级|会员级别|用戶等級|會員級別", K_MEMBERS, 0 },
	[F_JOINED] = { "joined", "注册时间|注册日期|开卡日期|开卡时间|发卡日期|入会时间|入会日期|"
		       "註冊時間|註冊日期|開卡日期|開卡時間|發卡日期|入會時間|入會日期|"
		       "joindate|registered", K_MEMBERS, 0 },
	[F_REFERRER] = { "referrer", "推荐人|推薦人|referredby", K_MEMBERS, 0 },
	[F_NOTE] = { "note", "备注|備註|notes|remark|remarks|会员备注|用户备注|會員備註|用戶備註",
		     K_MEMBERS, 0 },
	[F_TAGS] = { "tags", "标签|標籤|tag|会员标签|用户标签|會員標籤|用戶標籤", K_MEMBERS, 0 },
	[F_STATUS] = { "status", "状态|狀態|会员状态|會員狀態|是否注销|是否註銷", K_MEMBERS, 0 },
	[F_SOLD_AT] = { "sold_at", "时间|消费时间|日期|消费日期|交易时间|销售时间|時間|消費時間|"
			"消費日期|交易時間|銷售時間|invoicedate|date|time|datetime",
			K_SALES, K_SALES },
	[F_AMOUNT] = { "amount", "金额|消费金额|实收|实收金额|实付|金額|消費金額|實收|實收金額|實付|"
		       "total|paid", K_SALES, 0 },
	[F_QUANTITY] = { "quantity", "数量|數量|qty", K_SALES, 0 },
	[F_UNIT_PRICE] = { "unit_price", "单价|單價|price", K_SALES, 0 },
	[F_CATEGORY] = { "category", "品类|类别|品類|類別", K_SALES, 0 },
	[F_PROMO] = { "promo", "促销|促銷|promotion", K_SALES, 0 },
	[F_PAYMENT] = { "payment", "支付方式|付款方式|paymethod|paymentmethod", K_SALES, 0 },
	[F_TICKET] = { "ticket", "单号|小票号|订单号|流水号|單號|小票號|訂單號|流水號|"
		       "invoiceno|invoice|orderno|receipt", K_SALES, 0 },
	[F_EXPIRES] = { "expires", "到期日|有效期至|过期时间|到期日期|過期時間|expiry|expirydate",
			K_POINTS, 0 },
	[F_REASON] = { "reason", "原因|说明|說明", K_POINTS | K_WALLET, 0 },
	[F_NICKNAME] = { "nickname", "昵称|会员昵称|用户昵称|微信昵称|暱稱|會員暱稱|用戶暱稱|微信暱稱",
			 K_MEMBERS, 0 },
	/* Niushop keeps stored value in two parts: matched with the
	 * bracket, before a trailing unit is taken off. */
	[F_WITHDRAWABLE] = { "withdrawable", "余额(可提现)|可提现余额|餘額(可提現)|可提現餘額",
			     K_MEMBERS | K_WALLET, 0 },
	[F_NONWITHDRAWABLE] = { "non_withdrawable", "余额(不可提现)|不可提现余额|"
				"餘額(不可提現)|不可提現餘額", K_MEMBERS | K_WALLET, 0 },
};

/* Fields that stand in for one another: a file with B has what A needs
 * (the nickname is the name when the name cell is empty; the two parts
 * are the balance). */
static const struct field_alt {
	int a, b;
} alts[] = {
	{ F_NAME, F_NICKNAME },
	{ F_BALANCE, F_WITHDRAWABLE },
	{ F_BALANCE, F_NONWITHDRAWABLE },
};

/* Columns that cannot be read together: is the balance the total or one
 * of the parts?  Is the bonus the non-withdrawable part or inside it? */
static const struct field_clash {
	int a, b;
} clashes[] = {
	{ F_BALANCE, F_WITHDRAWABLE },
	{ F_BALANCE, F_NONWITHDRAWABLE },
	{ F_BONUS, F_NONWITHDRAWABLE },
	{ F_BONUS, F_WITHDRAWABLE },
};

static const char *const kind_names[] = { "members", "sales", "points", "wallet" };

bool
import_kind_parse(const char *s, enum import_kind *kind)
{
	for (int i = 0; i < 4; i++)
		if (strcmp(s, kind_names[i]) == 0) {
			*kind = (enum import_kind)i;
			return true;
		}
	return false;
}

const char *
import_kind_name(enum import_kind kind)
{
	return kind_names[kind];
}

/* A header as the synonyms are written: ASCII lowercased; spaces
 * (U+3000 too), '_', '-', '*' and (unless KEEP_UNIT) a trailing "(元)"
 * or "（元）" gone. */
static void
norm(const char *in, char *out, size_t n, bool keep_unit)
{
	char folded[256], *p, *q;

	text_fold_fullwidth(in, folded, sizeof folded);
	for (p = folded, q = out; *p && (size_t)(q - out) < n - 1; p++) {
		if (*p == ' ' || *p == '_' || *p == '-' || *p == '*' || *p == '\t')
			continue;
		*q++ = (*p >= 'A' && *p <= 'Z') ? (char)(*p - 'A' + 'a') : *p;
	}
	*q = '\0';
	if (!keep_unit && (p = strrchr(out, '(')) && p > out && q[-1] == ')')
		*p = '\0';
}

/* Whether header H (normalised) names field F. */
static bool
names_field(const char *h, int f)
{
	const char *s = fields[f].names;
	char key[32];
	size_t len = strlen(h);

	norm(fields[f].key, key, sizeof key, false);
	if (strcmp(h, key) == 0)
		return true;
	while (*s) {
		const char *bar = strchr(s, '|');
		size_t n = bar ? (size_t)(bar - s) : strlen(s);

		if (n == len && strncmp(s, h, n) == 0)
			return true;
		if (!bar)
			break;
		s = bar + 1;
	}
	return false;
}

static int
field_by_key(const char *key, unsigned kind)
{
	for (int f = 0; f < F_COUNT; f++)
		if ((fields[f].kinds & (1u << kind)) && strcmp(fields[f].key, key) == 0)
			return f;
	return F_NONE;
}

static void __attribute__((format(printf, 2, 3)))
notice(struct import *im, const char *fmt, ...)
{
	va_list ap;
	char msg[512];

	if (!im->o->notice)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	im->o->notice(im->o->arg, msg);
}

/* The field keys of KIND, for messages: "card, name, ...". */
static void
keys_of(enum import_kind kind, char *out, size_t n)
{
	size_t len = 0;

	out[0] = '\0';
	for (int f = 0; f < F_COUNT; f++)
		if ((fields[f].kinds & (1u << kind)) && len + 20 < n)
			len += (size_t)snprintf(out + len, n - len, "%s%s",
						len ? ", " : "", fields[f].key);
}

/* Which --map applies to column COLUMN: its field, "-", or NULL. */
static const char *
mapped(const struct import_opts *o, const char *column)
{
	char a[256], b[256];

	text_trim(column, a, sizeof a);
	for (size_t i = 0; i < o->nmaps; i++) {
		text_trim(o->maps[i].column, b, sizeof b);
		if (strcmp(a, b) == 0)
			return o->maps[i].field;
	}
	return NULL;
}

static int
check_maps(struct import *im, const struct csvio_record *r)
{
	const struct import_opts *o = im->o;
	char keys[400], a[256], b[256];
	size_t i, c;

	keys_of(o->kind, keys, sizeof keys);
	for (i = 0; i < o->nmaps; i++) {
		if (strcmp(o->maps[i].field, "-") &&
		    field_by_key(o->maps[i].field, o->kind) == F_NONE)
			return md_fail(im->md, MD_EINVAL,
				       _("--map %s=%s: %s files have no field \"%s\" (fields: %s)"),
				       o->maps[i].column, o->maps[i].field,
				       import_kind_name(o->kind), o->maps[i].field, keys);
		text_trim(o->maps[i].column, b, sizeof b);
		for (c = 0; c < r->n; c++) {
			text_trim(r->fields[c], a, sizeof a);
			if (strcmp(a, b) == 0)
				break;
		}
		if (c == r->n)
			return md_fail(im->md, MD_EINVAL,
				       _("--map %s=%s: %s has no column \"%s\""),
				       o->maps[i].column, o->maps[i].field, o->path,
				       o->maps[i].column);
	}
	return MD_OK;
}

/* The field header H names for KIND, or F_NONE: with a unit in
 * brackets kept ("余额(不可提现)"), then without ("余额(元)"). */
static int
field_of_header(const char *header, unsigned kind)
{
	char h[256];

	for (int keep = 1; keep >= 0; keep--) {
		norm(header, h, sizeof h, keep);
		for (int g = 0; g < F_COUNT; g++)
			if ((fields[g].kinds & (1u << kind)) && names_field(h, g))
				return g;
	}
	return F_NONE;
}

static bool
has_alt(const struct import *im, int f)
{
	for (size_t i = 0; i < sizeof alts / sizeof *alts; i++)
		if (alts[i].a == f && im->col[alts[i].b] >= 0)
			return true;
	return false;
}

/* Two columns for one amount would keep one and lose the other: the
 * file is refused, naming both, unless a rule says how they add up. */
static int
check_clashes(struct import *im)
{
	for (size_t i = 0; i < sizeof clashes / sizeof *clashes; i++) {
		int a = im->col[clashes[i].a], b = im->col[clashes[i].b];

		if (a >= 0 && b >= 0)
			return md_fail(im->md, MD_EINVAL,
				       _("%s: columns \"%s\" (%s) and \"%s\" (%s) cannot both be read: is one part of the other? Say which to ignore with --map COLUMN=-"),
				       im->o->path, im->headers[a], fields[clashes[i].a].key,
				       im->headers[b], fields[clashes[i].b].key);
	}
	return MD_OK;
}

/* The header row: which column holds which field. */
static int
map_columns(struct import *im, const struct csvio_record *r)
{
	unsigned kind = im->o->kind;
	char keys[400];
	int rc;

	if ((rc = check_maps(im, r)))
		return rc;
	if (!(im->headers = calloc(r->n, sizeof *im->headers)))
		return md_fail(im->md, MD_ENOMEM, _("out of memory"));
	im->nheaders = r->n;
	for (size_t c = 0; c < r->n; c++) {
		const char *m = mapped(im->o, r->fields[c]);
		int f;

		if (!(im->headers[c] = strdup(r->fields[c])))
			return md_fail(im->md, MD_ENOMEM, _("out of memory"));
		if (m && strcmp(m, "-") == 0)
			continue;
		f = m ? field_by_key(m, kind) : field_of_header(r->fields[c], kind);
		if (f == F_NONE) {
			if (*r->fields[c])
				notice(im, _("column \"%s\" is not a field of %s files and is ignored (--map can give it one)"),
				       r->fields[c], import_kind_name(kind));
		} else if (im->col[f] >= 0) {
			return md_fail(im->md, MD_EINVAL,
				       _("%s: columns \"%s\" and \"%s\" are both %s; say which to ignore with --map COLUMN=-"),
				       im->o->path, im->headers[im->col[f]], r->fields[c],
				       fields[f].key);
		} else {
			im->col[f] = (int)c;
		}
	}
	if ((rc = check_clashes(im)))
		return rc;
	keys_of(im->o->kind, keys, sizeof keys);
	for (int f = 0; f < F_COUNT; f++)
		if ((fields[f].required & (1u << kind)) && im->col[f] < 0 && !has_alt(im, f))
			return md_fail(im->md, MD_EINVAL,
				       _("%s has no column for %s (the fields a header can name: %s)"),
				       im->o->path, fields[f].key, keys);
	return im->begin ? im->begin(im) : MD_OK;
}

const char *
import_val(struct import *im, enum import_field f)
{
	int c = im->col[f];

	im->bad = f;
	if (!im->vals[f]) {
		const char *raw = c >= 0 && (size_t)c < im->rec->n ? im->rec->fields[c] : "";
		size_t n = strlen(raw) + 1;

		/* An export of ours wrote text that looks like a formula with
		 * a ' in front: take exactly that off (csvio_unformula). */
		if ((im->vals[f] = malloc(n)))
			text_trim(csvio_unformula(raw), im->vals[f], n);
	}
	return im->vals[f] ? im->vals[f] : "";
}

bool
import_has(const struct import *im, enum import_field f)
{
	return im->col[f] >= 0;
}

static int
report(struct import *im, int64_t line, int f, const char *value,
       const char *problem)
{
	struct import_problem p = {
		.line = line,
		.column = f != F_NONE && im->col[f] >= 0 ? im->headers[im->col[f]] :
			  f != F_NONE ? fields[f].key : "",
		.value = value ? value : "",
		.problem = problem,
	};

	im->res->rejected++;
	return im->o->reject ? im->o->reject(im->o->arg, &p) : MD_OK;
}

int
import_reject_late(struct import *im, int64_t line, enum import_field f,
		   const char *value, const char *problem)
{
	return report(im, line, f, value, problem);
}

static bool
row_level(int rc)
{
	return rc == MD_EINVAL || rc == MD_ENOTFOUND || rc == MD_ECONFLICT;
}

static void
count(struct import_result *res, enum import_outcome out)
{
	switch (out) {
	case OUT_INSERTED: res->inserted++; break;
	case OUT_UPDATED: res->updated++; break;
	case OUT_DUPLICATE: res->duplicates++; break;
	case OUT_RETURN: res->returns++; break;
	case OUT_FREE: res->free_lines++; break;
	case OUT_STAGED: break;
	}
}

/* Cells beyond the header are an error only when they hold something
 * (Excel leaves trailing commas behind). */
static bool
extra_cells(const struct import *im, const struct csvio_record *r)
{
	for (size_t c = im->nheaders; c < r->n; c++)
		if (*r->fields[c])
			return true;
	return false;
}

/* "4.60102E+17", "1.38E+10": Excel showed a long number in scientific
 * notation and the file kept only what was shown.  The digits are gone;
 * nothing can be matched or stored from it. */
static bool
scientific(const char *s)
{
	const char *p = s;

	if (!(*p >= '0' && *p <= '9'))
		return false;
	while ((*p >= '0' && *p <= '9') || *p == '.')
		p++;
	if (*p != 'E' && *p != 'e')
		return false;
	if (*++p == '+')
		p++;
	if (!(*p >= '0' && *p <= '9'))
		return false;
	while (*p >= '0' && *p <= '9')
		p++;
	return *p == '\0';
}

/* The fields that identify someone: never a number Excel rounded. */
static int
check_identities(struct import *im)
{
	static const enum import_field ids[] = { F_CARD, F_PHONE, F_REFERRER, F_TICKET };

	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		const char *v = import_val(im, ids[i]);

		if (scientific(v))
			return md_fail(im->md, MD_EINVAL,
				       _("\"%s\" is a number Excel showed in scientific notation and saved with its digits lost; format the column as text in the old file (Format Cells, Text) and save it again"),
				       v);
	}
	im->bad = F_NONE;
	return MD_OK;
}

/* A row of empty cells (",,,,") is what Excel leaves below the data. */
static bool
empty_row(const struct csvio_record *r)
{
	for (size_t c = 0; c < r->n; c++)
		if (*r->fields[c])
			return false;
	return true;
}

static int
one_row(struct import *im, const struct csvio_record *r)
{
	struct md *md = im->md;
	int rc;

	if (empty_row(r))
		return MD_OK;
	im->res->rows++;
	im->rec = r;
	im->bad = F_NONE;
	im->outcome = OUT_INSERTED;
	if (extra_cells(im, r)) {
		md_fail(md, MD_EINVAL, _("the row has %zu cells but the header only %zu"),
			r->n, im->nheaders);
		rc = MD_EINVAL;
	} else if (!(rc = check_identities(im)) && !(rc = db_begin(md))) {
		rc = db_end(md, im->row(im));
	}
	/* Rows check everything before they write (bulk mode has no
	 * savepoint to undo half a row); one that did not is fatal. */
	if (row_level(rc) && md->tx_failed) {
		char why[sizeof md->err];

		memcpy(why, md->err, sizeof why);
		return md_fail(md, MD_EDB, _("line %lld was half-written when it failed (%s); nothing was imported"),
			       (long long)r->line, why);
	}
	if (rc == MD_OK)
		count(im->res, im->outcome);
	else if (row_level(rc))
		rc = report(im, r->line, im->bad,
			    im->bad != F_NONE ? import_val(im, im->bad) : "", md->err);
	for (int f = 0; f < F_COUNT; f++) {
		free(im->vals[f]);
		im->vals[f] = NULL;
	}
	return rc;
}

static int
on_record(void *arg, const struct csvio_record *r)
{
	struct import *im = arg;

	if (!im->have_header) {
		im->have_header = true;
		return map_columns(im, r);
	}
	return one_row(im, r);
}

static void
on_progress(void *arg, int64_t done, int64_t total)
{
	struct import *im = arg;

	if (im->o->progress)
		im->o->progress(im->o->arg, done, total);
}

int
import_find_member(struct import *im, int64_t *id)
{
	struct md *md = im->md;
	const char *card = import_val(im, F_CARD), *key = card;
	enum import_field f = F_CARD;
	char phone[PHONE_MAX];
	enum member_status status = MEMBER_ACTIVE;
	struct db_stmt *st;
	int rc, guard = 0;

	*id = 0;
	if (!*card) {
		key = import_val(im, F_PHONE);
		f = F_PHONE;
		if (!*key)
			return MD_OK;
		if ((rc = member_check_phone(md, key, phone)))
			return rc;
		key = phone;
	}
	im->bad = f;
	rc = db_stmt(md, f == F_CARD ?
		     "SELECT id, status, merged_into FROM members WHERE card = ?" :
		     "SELECT id, status, merged_into FROM members WHERE phone = ?", &st);
	if (rc)
		return rc;
	db_bind_copy(st, 1, key);
	while (db_row(im->md, st, &rc)) {
		int64_t next = db_col_int(st, 2);

		*id = db_col_int(st, 0);
		member_status_parse(db_col_text(st, 1), &status);
		if (status != MEMBER_MERGED || ++guard > 16)
			break;
		/* A merged card's history lives with the member it joined. */
		db_reset(st);
		rc = db_stmt(md, "SELECT id, status, merged_into FROM members WHERE id = ?", &st);
		if (rc)
			return rc;
		db_bind_int(st, 1, next);
	}
	db_reset(st);
	if (rc)
		return rc;
	if (*id && status == MEMBER_DELETED)
		return md_fail(md, MD_ECONFLICT, _("member %s was deleted"), key);
	return MD_OK;
}

int
import_has_opening(struct import *im, const char *ledger, int64_t member, bool *has)
{
	struct db_stmt *st;
	int rc;

	/* Two statements, so each is a literal the statement cache keys on. */
	if (strcmp(ledger, "points_ledger") == 0)
		rc = db_stmt(im->md, "SELECT 1 FROM points_ledger WHERE member_id = ?"
			     " AND kind = 'import' AND import_id IS NOT ?", &st);
	else
		rc = db_stmt(im->md, "SELECT 1 FROM wallet_ledger WHERE member_id = ?"
			     " AND kind = 'import' AND import_id IS NOT ?", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, member);
	db_bind_int(st, 2, im->id);
	*has = db_row(im->md, st, &rc);
	db_reset(st);
	return rc;
}

int
import_tag_row(struct import *im, const char *table, int64_t row_id)
{
	struct db_stmt *st;
	int rc;

	if (strcmp(table, "points_ledger") == 0)
		rc = db_stmt(im->md, "UPDATE points_ledger SET import_id = ? WHERE id = ?", &st);
	else if (strcmp(table, "wallet_ledger") == 0)
		rc = db_stmt(im->md, "UPDATE wallet_ledger SET import_id = ? WHERE id = ?", &st);
	else
		rc = db_stmt(im->md, "UPDATE sales SET import_id = ? WHERE id = ?", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, im->id);
	db_bind_int(st, 2, row_id);
	return db_run(im->md, st);
}

static bool
kept(const char *name, const char *const *keep)
{
	for (; keep && *keep; keep++)
		if (strcmp(name, *keep) == 0)
			return true;
	return false;
}

int
import_indexes_defer(struct import *im, const char *table, const char *const *keep)
{
	struct db_stmt *st;
	char drop[160];
	size_t first = im->ndeferred, i;
	int rc;

	/* Not an index that keeps rows unique (a UNIQUE constraint's has
	 * no SQL): the load must still be refused a duplicate, row by row. */
	if ((rc = db_prepare(im->md, "SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
			     " AND tbl_name = ? AND sql IS NOT NULL"
			     " AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY rowid", &st)))
		return rc;
	db_bind_text(st, 1, table);
	while (db_row(im->md, st, &rc) && im->ndeferred < IMPORT_DEFER_MAX) {
		if (kept(db_col_text(st, 0), keep))
			continue;
		i = im->ndeferred++;
		im->deferred[i].name = strdup(db_col_text(st, 0));
		im->deferred[i].sql = strdup(db_col_text(st, 1));
		if (!im->deferred[i].name || !im->deferred[i].sql) {
			rc = md_fail(im->md, MD_ENOMEM, _("out of memory"));
			break;
		}
	}
	db_finalize(st);
	/* Dropped once the schema is no longer being read. */
	for (i = first; i < im->ndeferred && !rc; i++) {
		snprintf(drop, sizeof drop, "DROP INDEX \"%.128s\"", im->deferred[i].name);
		rc = db_exec(im->md, drop);
	}
	return rc;
}

int
import_indexes_build(struct import *im)
{
	int rc = MD_OK;

	for (size_t i = 0; i < im->ndeferred && !rc; i++)
		rc = db_exec(im->md, im->deferred[i].sql);
	return rc;
}

static void
indexes_free(struct import *im)
{
	for (size_t i = 0; i < im->ndeferred; i++) {
		free(im->deferred[i].name);
		free(im->deferred[i].sql);
	}
	im->ndeferred = 0;
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* The same file imported before: refused, with when. */
static int
seen_before(struct import *im)
{
	struct db_stmt *st;
	int rc;

	rc = db_stmt(im->md, "SELECT id, at, file FROM imports WHERE kind = ? AND sha256 = ?", &st);
	if (rc)
		return rc;
	db_bind_text(st, 1, import_kind_name(im->o->kind));
	db_bind_text(st, 2, im->res->sha256);
	if (db_row(im->md, st, &rc)) {
		char file[256];

		db_column_text(st, 1, im->res->before, sizeof im->res->before);
		db_column_text(st, 2, file, sizeof file);
		rc = md_fail(im->md, MD_ECONFLICT,
			     _("%s has been imported already (import #%lld of %s on %s); nothing was changed"),
			     im->o->path, (long long)db_col_int(st, 0), file,
			     im->res->before);
	}
	db_reset(st);
	return rc;
}

static int
record_start(struct import *im)
{
	struct db_stmt *st;
	int rc;

	clock_timestamp(im->md, im->now);
	rc = db_stmt(im->md, "INSERT INTO imports(kind, sha256, file, at, operator, rows,"
		     " inserted, updated, skipped, rejected) VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, 0)",
		     &st);
	if (rc)
		return rc;
	db_bind_text(st, 1, import_kind_name(im->o->kind));
	db_bind_text(st, 2, im->res->sha256);
	db_bind_text(st, 3, base_name(im->o->path));
	db_bind_text(st, 4, im->now);
	db_bind_text(st, 5, im->md->operator_name);
	if ((rc = db_run(im->md, st)))
		return rc;
	im->id = db_last_id(im->md);
	snprintf(im->detail, sizeof im->detail, "import #%lld (%s)", (long long)im->id,
		 base_name(im->o->path));
	return MD_OK;
}

static const enum action import_actions[] = {
	[IMPORT_MEMBERS] = ACTION_IMPORT_MEMBERS, [IMPORT_SALES] = ACTION_IMPORT_SALES,
	[IMPORT_POINTS] = ACTION_IMPORT_POINTS, [IMPORT_WALLET] = ACTION_IMPORT_WALLET,
};

/* One audit row per import, naming it (its ledger rows and sales carry
 * its id): what came in, and the points and stored value it opened. */
static int
audit_import(struct import *im)
{
	const struct import_result *r = im->res;
	char n[6][32];

	snprintf(n[0], sizeof n[0], "%lld", (long long)r->inserted);
	snprintf(n[1], sizeof n[1], "%lld", (long long)r->updated);
	snprintf(n[2], sizeof n[2], "%lld", (long long)im->points_opened);
	snprintf(n[3], sizeof n[3], "%lld", (long long)im->points_total);
	snprintf(n[4], sizeof n[4], "%lld", (long long)im->wallet_opened);
	money_format(im->wallet_total, n[5]);
	return audit_log_pairs(im->md, import_actions[im->o->kind], 0, "import", im->detail,
			       "sha256", r->sha256, "inserted", n[0], "updated", n[1],
			       "points_batches", n[2], "points", n[3],
			       "wallet_members", n[4], "wallet", n[5], NULL);
}

static int
record_end(struct import *im)
{
	const struct import_result *r = im->res;
	struct db_stmt *st;
	int rc;

	rc = db_stmt(im->md, "UPDATE imports SET rows = ?, inserted = ?, updated = ?,"
		     " skipped = ?, rejected = ? WHERE id = ?", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, r->rows);
	db_bind_int(st, 2, r->inserted);
	db_bind_int(st, 3, r->updated);
	db_bind_int(st, 4, r->duplicates + r->returns + r->free_lines + r->netted_out);
	db_bind_int(st, 5, r->rejected);
	db_bind_int(st, 6, im->id);
	if ((rc = db_run(im->md, st)))
		return rc;
	return audit_import(im);
}

/* Read every row inside the transaction; MD_OK means "go on deciding". */
static int
import_rows(struct import *im, const struct csvio_info *info)
{
	int rc;

	if ((rc = record_start(im)))
		return rc;
	im->md->bulk = true;
	rc = csvio_read(im->md, im->o->path, info, on_record, on_progress, im);
	im->md->bulk = false;
	if (rc)
		return rc;
	if (!im->have_header)
		return md_fail(im->md, MD_EINVAL, _("%s is empty: not even a header row"),
			       im->o->path);
	if (im->finish && (rc = im->finish(im)))
		return rc;
	return record_end(im);
}

static int
setup(struct import *im)
{
	switch (im->o->kind) {
	case IMPORT_MEMBERS: return import_members_setup(im);
	case IMPORT_SALES: return import_sales_setup(im);
	case IMPORT_POINTS: return import_points_setup(im);
	case IMPORT_WALLET: return import_wallet_setup(im);
	}
	return MD_EINVAL;
}

/* Commit, or roll back and say why. */
static int
decide(struct import *im, int rc)
{
	struct md *md = im->md;
	int64_t n = im->res->rejected;

	if (rc)
		return db_end(md, rc);
	if (n && !im->o->skip_bad) {
		db_end(md, MD_EINVAL);
		return md_fail(md, MD_EINVAL, im->o->dry_run ?
			       P_("%lld row would be rejected, so nothing would be imported (%s imports the other rows)",
				  "%lld rows would be rejected, so nothing would be imported (%s imports the other rows)", n) :
			       P_("%lld row was rejected, so nothing was imported (%s imports the other rows)",
				  "%lld rows were rejected, so nothing was imported (%s imports the other rows)", n),
			       (long long)n, md_input(md, "--skip-bad"));
	}
	if (im->o->dry_run) {
		db_end(md, MD_ECONFLICT);	/* roll back: it was only a rehearsal */
		return MD_OK;
	}
	if ((rc = db_end(md, MD_OK)))
		return rc;
	im->res->committed = true;
	im->res->import_id = im->id;
	return MD_OK;
}

int
import_run(struct md *md, const struct import_opts *o, struct import_result *res)
{
	struct csvio_info info = { .encoding = o->encoding, .delim = o->delim };
	struct import im = { .md = md, .o = o, .res = res };
	int rc;

	memset(res, 0, sizeof *res);
	if ((rc = operator_may(md, import_actions[o->kind])))
		return rc;
	for (int f = 0; f < F_COUNT; f++)
		im.col[f] = -1;
	if ((rc = csvio_scan(md, o->path, &info)))
		return rc;
	memcpy(res->sha256, info.sha256, sizeof res->sha256);
	res->encoding = info.encoding;
	res->delim = info.delim;
	im.size = info.size;
	if ((rc = seen_before(&im)) || (rc = setup(&im)))
		goto out;
	/* A bigger page cache for the staging tables and indexes: bounded
	 * (64 MB), so memory stays flat however long the file is. */
	db_cache_size(md, 65536);
	if ((rc = db_begin_long(md, DB_LONG_IMPORT, base_name(o->path))))
		goto out;
	rc = decide(&im, import_rows(&im, &info));
	db_cache_size(md, 0);
out:
	indexes_free(&im);
	free(im.state);
	for (size_t c = 0; c < im.nheaders; c++)
		free(im.headers[c]);
	free(im.headers);
	return rc;
}

const char *
import_field_key(enum import_kind kind, size_t n)
{
	for (int f = 0; f < F_COUNT; f++)
		if ((fields[f].kinds & (1u << kind)) && n-- == 0)
			return fields[f].key;
	return NULL;
}

/* csvio_read's callback status that stops it after the header. */
#define HEADER_READ 1000

struct columns {
	struct md *md;
	const struct import_opts *o;
	struct import_columns *out;
};

static int
on_header(void *arg, const struct csvio_record *r)
{
	struct columns *c = arg;
	struct import_columns *out = c->out;

	if (!(out->cols = calloc(r->n ? r->n : 1, sizeof *out->cols)))
		return md_fail(c->md, MD_ENOMEM, _("out of memory"));
	for (size_t i = 0; i < r->n; i++, out->n++) {
		const char *m = mapped(c->o, r->fields[i]);
		int f = m ? (strcmp(m, "-") ? field_by_key(m, c->o->kind) : F_NONE) :
			    field_of_header(r->fields[i], c->o->kind);

		if (!(out->cols[i].header = strdup(r->fields[i])))
			return md_fail(c->md, MD_ENOMEM, _("out of memory"));
		out->cols[i].field = f == F_NONE ? NULL : fields[f].key;
	}
	return HEADER_READ;
}

int
import_columns(struct md *md, const struct import_opts *o, struct import_columns *out)
{
	struct csvio_info info = { .encoding = o->encoding, .delim = o->delim };
	struct columns c = { md, o, out };
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = operator_may(md, import_actions[o->kind])) ||
	    (rc = csvio_scan(md, o->path, &info)))
		return rc;
	out->encoding = info.encoding;
	out->bom = info.bom;
	out->delim = info.delim;
	out->size = info.size;
	rc = csvio_read(md, o->path, &info, on_header, NULL, &c);
	if (rc == HEADER_READ)
		return MD_OK;
	if (rc == MD_OK)
		rc = md_fail(md, MD_EINVAL, _("%s is empty: not even a header row"), o->path);
	return rc;
}

void
import_columns_free(struct import_columns *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->cols[i].header);
	free(c->cols);
	c->cols = NULL;
	c->n = 0;
}
