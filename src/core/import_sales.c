/* import_sales.c - years of tickets from the old till
 *
 * Rows are checked one by one and staged in a temporary table; after the
 * last row the tickets are made in one INSERT ... SELECT that groups
 * line items by ticket.  So line items need not be next to each other,
 * returns can be netted against their ticket wherever they are in the
 * file, and memory stays flat however long the file is.
 *
 * Imported sales are history: they earn no points (balances come from
 * the points file), move no stored value (the wallet file has the
 * balance after them) and change no tier (the members file says where
 * each member stands).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/audit.h"
#include "core/date.h"
#include "core/db_sql.h"
#include "core/import_priv.h"
#include "core/money.h"
#include "core/payment.h"
#include "core/sale.h"
#include "core/settings.h"
#include "core/text.h"
#include "i18n.h"

/* A decimal with at most DECIMALS places, scaled by 10^DECIMALS: "2.55",
 * "-6", "¥1,280.5", "0.001" (the shop's currency sign, as money_parse).  For quantities and unit prices, which may
 * be finer than a fen; the line's amount is rounded to the fen. */
static int
parse_fixed(struct md *md, const char *what, const char *s, int decimals,
	    int64_t *out)
{
	char folded[128], buf[128];
	const char *p = buf;
	int64_t v = 0;
	int d = -1;
	bool neg = false, digits = false;

	if (!text_fold_fullwidth(s, folded, sizeof folded))
		return md_fail(md, MD_EINVAL, _("%s \"%s\" is not a number"), what, s);
	text_trim(folded, buf, sizeof buf);
	if (*p == '-' || *p == '+')
		neg = *p++ == '-';
	if (!(p = money_skip_sign(md, what, s, p)))
		return MD_EINVAL;
	for (; *p; p++) {
		if (*p == ',' && d < 0 && digits)
			continue;
		if (*p == '.' && d < 0) {
			d = 0;
			continue;
		}
		if (*p < '0' || *p > '9' || v > INT64_MAX / 100)
			return md_fail(md, MD_EINVAL, _("%s \"%s\" is not a number"), what, s);
		if (d == decimals) {
			if (*p != '0')	/* "2.5500" is still 2.55 */
				return md_fail(md, MD_EINVAL,
					       _("%s \"%s\" has more than %d decimals"),
					       what, s, decimals);
			continue;
		}
		v = v * 10 + (*p - '0');
		digits = true;
		if (d >= 0)
			d++;
	}
	if (!digits)
		return md_fail(md, MD_EINVAL, _("%s \"%s\" is not a number"), what, s);
	for (d = d < 0 ? 0 : d; d < decimals; d++)
		v *= 10;
	if (v > MONEY_MAX * 100)
		return md_fail(md, MD_EINVAL, _("%s \"%s\" is too large"), what, s);
	*out = neg ? -v : v;
	return MD_OK;
}

/* The row's amount in fen: the amount column, or quantity x unit price
 * rounded half up.  Negative for a return line. */
static int
row_amount(struct import *im, int64_t *fen, bool *negative_qty)
{
	int64_t qty, price;
	int rc;

	*negative_qty = false;
	if (!im->line_items) {
		if (!*import_val(im, F_AMOUNT))
			return md_fail(im->md, MD_EINVAL, _("amount is empty"));
		return money_parse(im->md, _("amount"), import_val(im, F_AMOUNT), fen,
				   MONEY_ALLOW_ZERO | MONEY_ALLOW_NEGATIVE | MONEY_ANY_CENTS);
	}
	if ((rc = parse_fixed(im->md, _("quantity"), import_val(im, F_QUANTITY), 3, &qty)) ||
	    (rc = parse_fixed(im->md, _("unit price"), import_val(im, F_UNIT_PRICE), 4, &price)))
		return rc;
	*negative_qty = qty < 0;
	/* qty in thousandths x price in ten-thousandths of a yuan. */
	*fen = money_mul_div(qty, price, 100000);
	if (*fen > MONEY_MAX || *fen < -MONEY_MAX)
		return md_fail(im->md, MD_EINVAL, _("the line comes to more than memberdesk can hold"));
	return MD_OK;
}

/* InvoiceNo "C536379": a cancellation, by the convention of many tills. */
static bool
cancellation(const char *ticket)
{
	return (ticket[0] == 'C' || ticket[0] == 'c') && ticket[1] >= '0' && ticket[1] <= '9';
}

static int
ticket_seen(struct import *im, const char *ticket, bool staged, bool *seen)
{
	struct db_stmt *st;
	int rc;

	rc = staged ? db_stmt(im->md, "SELECT 1 FROM " SQL_TEMP("import_lines") " WHERE ticket = ?", &st)
		    : db_stmt(im->md, "SELECT 1 FROM sales WHERE ticket = ?", &st);
	if (rc)
		return rc;
	db_bind_copy(st, 1, ticket);
	*seen = db_row(im->md, st, &rc);
	db_reset(st);
	return rc;
}

/* Line items of one ticket come one after another, mostly: remember
 * the last answers instead of asking again for every line. */
struct sales_state {
	char ticket[SALE_TICKET_MAX];	/* the last ticket looked up in sales */
	bool ticket_stored;
	char key[CARD_MAX + PHONE_MAX];	/* the last card or phone found */
	int64_t member;
};

/* A member for a card the shop has never seen (--create-members): named
 * by the card until someone edits them, joined on their first sale. */
static int
create_member(struct import *im, const char *sold_at, int64_t *id)
{
	struct member_input in = { .imported = true };
	char card[CARD_MAX], phone[PHONE_MAX], name[MEMBER_NAME_MAX], joined[11];
	struct db_stmt *st;
	int rc;

	if (*import_val(im, F_CARD)) {
		if ((rc = member_check_card(im->md, import_val(im, F_CARD), card)))
			return rc;
		in.card = card;
		snprintf(name, sizeof name, "%s", card);
	} else {
		if ((rc = member_check_phone(im->md, import_val(im, F_PHONE), phone)))
			return rc;
		in.phone = phone;
		snprintf(name, sizeof name, "%s", phone);
	}
	snprintf(joined, sizeof joined, "%.10s", sold_at);
	in.name = name;
	in.joined = joined;
	if ((rc = member_add(im->md, &in, card)) || (rc = member_resolve(im->md, card, id)))
		return rc;
	if ((rc = db_stmt(im->md, "INSERT INTO " SQL_TEMP("import_created") "(member_id) VALUES (?)", &st)))
		return rc;
	db_bind_int(st, 1, *id);
	return db_run(im->md, st);
}

static int
member_for(struct import *im, const char *sold_at, int64_t *id)
{
	struct sales_state *ss = im->state;
	const char *card = import_val(im, F_CARD);
	const char *key = *card ? card : import_val(im, F_PHONE);
	int rc;

	if (*key && ss->member && !strcmp(key, ss->key)) {
		*id = ss->member;
		return MD_OK;
	}
	if ((rc = import_find_member(im, id)))
		return rc;
	if (!*id && *key) {
		if (!im->o->create_members)
			return md_fail(im->md, MD_ENOTFOUND,
				       _("no member has the card or phone number \"%s\" (%s registers them)"),
				       key, md_input(im->md, "--create-members"));
		if ((rc = create_member(im, sold_at, id)))
			return rc;
	}
	snprintf(ss->key, sizeof ss->key, "%s", key);
	ss->member = *id;
	return MD_OK;
}

/* Is TICKET stored already? */
static int
ticket_stored(struct import *im, const char *ticket, bool *seen)
{
	struct sales_state *ss = im->state;
	int rc;

	if (strcmp(ticket, ss->ticket) == 0) {
		*seen = ss->ticket_stored;
		return MD_OK;
	}
	if ((rc = ticket_seen(im, ticket, false, seen)))
		return rc;
	snprintf(ss->ticket, sizeof ss->ticket, "%s", ticket);
	ss->ticket_stored = *seen;
	return MD_OK;
}

/* The row's fields that do not depend on the member or amount. */
struct line {
	char ticket[SALE_TICKET_MAX], sold_at[20];
	char category[SALE_CATEGORY_MAX], payment[8];
	bool promo;
};

static int
check_line(struct import *im, struct line *l)
{
	struct md *md = im->md;
	const char *v;
	int rc;

	if ((rc = sale_check_label(md, _("ticket"), import_val(im, F_TICKET), 64,
				   l->ticket, sizeof l->ticket)))
		return rc;
	if (im->line_items && !*l->ticket)
		return md_fail(md, MD_EINVAL, _("a line item needs its ticket number"));
	if (!*(v = import_val(im, F_SOLD_AT)))
		return md_fail(md, MD_EINVAL, _("sale time is empty"));
	if ((rc = sale_check_time(md, v, im->now, l->sold_at)))
		return rc;
	if ((rc = sale_check_label(md, _("category"), import_val(im, F_CATEGORY), 32,
				   l->category, sizeof l->category)) ||
	    (rc = payment_check(md, import_val(im, F_PAYMENT), false, l->payment)))
		return rc;
	v = import_val(im, F_PROMO);
	if (*v && !settings_parse_bool(v, &l->promo))
		return md_fail(md, MD_EINVAL, _("promo \"%s\" is not yes or no (1/0, 是/否)"), v);
	return MD_OK;
}

static int
stage(struct import *im, const struct line *l, int64_t member, int64_t fen)
{
	struct db_stmt *st;
	int rc;

	rc = db_stmt(im->md, "INSERT INTO " SQL_TEMP("import_lines") "(line, ticket, member_id,"
		     " sold_at, amount, category, promo, payment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		     &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, im->rec->line);
	db_bind_text_or_null(st, 2, l->ticket);
	if (member)
		db_bind_int(st, 3, member);
	db_bind_text(st, 4, l->sold_at);
	db_bind_int(st, 5, fen);
	db_bind_text(st, 6, l->category);
	db_bind_int(st, 7, l->promo);
	db_bind_text(st, 8, l->payment);
	im->outcome = OUT_STAGED;
	return db_run(im->md, st);
}

static int
sales_row(struct import *im)
{
	struct line l = { .promo = false };
	int64_t fen, member;
	bool neg_qty, ret, seen;
	int rc;

	if ((rc = check_line(im, &l)) || (rc = row_amount(im, &fen, &neg_qty)))
		return rc;
	ret = fen < 0 || neg_qty || cancellation(l.ticket);
	if (ret && !im->o->returns_net) {
		im->outcome = OUT_RETURN;
		return MD_OK;
	}
	if (ret) {
		/* Netted against the ticket it cancels: C536379 -> 536379. */
		if (cancellation(l.ticket))
			memmove(l.ticket, l.ticket + 1, strlen(l.ticket));
		fen = fen > 0 ? -fen : fen;
	} else if (fen == 0) {
		im->outcome = OUT_FREE;
		return MD_OK;
	}
	if (*l.ticket) {
		/* Stored already; or, one row per ticket, earlier in the file
		 * (a return there nets against it instead). */
		im->bad = F_TICKET;
		if ((rc = ticket_stored(im, l.ticket, &seen)))
			return rc;
		if (!seen && !im->line_items && !ret &&
		    (rc = ticket_seen(im, l.ticket, true, &seen)))
			return rc;
		if (seen) {
			im->outcome = OUT_DUPLICATE;
			return MD_OK;
		}
	}
	if ((rc = member_for(im, l.sold_at, &member)))
		return rc;
	im->bad = F_NONE;
	return stage(im, &l, member, fen);
}

/* Whether every ticket has one staged line, of a positive amount: no
 * line items, and no returns (skipped, not netted).  A ticket seen
 * earlier in the file or stored is a duplicate, not staged again. */
static bool
single_lines(const struct import *im)
{
	return !im->line_items && !im->o->returns_net;
}

/* The counts the summary gives, from the staged lines. */
static int
count_staged(struct import *im)
{
	struct db_stmt *st;
	int rc;

	/* One line a ticket (make_sales_single_sql): nothing to group. */
	rc = single_lines(im) ?
	     db_stmt(im->md, "SELECT 0, 0, count(*) FILTER (WHERE member_id IS NULL)"
		     " FROM " SQL_TEMP("import_lines"), &st) :
	     db_stmt(im->md, "SELECT"
		     " (SELECT count(*) FROM " SQL_TEMP("import_lines") " WHERE amount < 0),"
		     " count(*) FILTER (WHERE total <= 0),"
		     " count(*) FILTER (WHERE total > 0 AND member_id IS NULL)"
		     " FROM (SELECT sum(amount) AS total, member_id FROM " SQL_TEMP("import_lines")
		     "       GROUP BY coalesce(ticket, -line))", &st);
	if (rc)
		return rc;
	if (!db_row(im->md, st, &rc)) {
		db_reset(st);
		return rc;
	}
	im->res->returns += db_col_int(st, 0);
	im->res->netted_out = db_col_int(st, 1);
	im->res->walk_ins = db_col_int(st, 2);
	db_reset(st);
	return MD_OK;
}

/* Each ticket from its lines: the first line (in file order) gives the
 * member, time, category, promo and payment; the amount is the sum. */
static const char make_sales_sql[] =
	"INSERT INTO sales(member_id, sold_at, ticket, category, promo,"
	" payment, amount, paid, tier_id, operator, created_at, import_id)"
	" SELECT g.member_id, g.sold_at, g.ticket, g.category, g.promo, g.payment,"
	"  g.total, g.total, m.tier_id, ?, ?, ?"
	" FROM (SELECT min(line) AS line, member_id, sold_at, ticket, category, promo,"
	"        payment, sum(amount) AS total FROM " SQL_TEMP("import_lines")
	"       GROUP BY coalesce(ticket, -line)) AS g"
	" LEFT JOIN members m ON m.id = g.member_id"
	" WHERE g.total > 0 ORDER BY g.line";

/* The same when every ticket has one line (single_lines): the two sorts
 * of every line (grouping them, then back to the file's order) are not
 * needed, the staged lines are in the file's order. */
static const char make_sales_single_sql[] =
	"INSERT INTO sales(member_id, sold_at, ticket, category, promo,"
	" payment, amount, paid, tier_id, operator, created_at, import_id)"
	" SELECT l.member_id, l.sold_at, l.ticket, l.category, l.promo, l.payment,"
	"  l.amount, l.amount, m.tier_id, ?, ?, ?"
	" FROM " SQL_TEMP("import_lines") " AS l"
	" LEFT JOIN members m ON m.id = l.member_id"
	" WHERE l.amount > 0 ORDER BY l.line";

static int
make_sales(struct import *im)
{
	struct db_stmt *st;
	int rc;

	rc = db_stmt(im->md, single_lines(im) ? make_sales_single_sql : make_sales_sql, &st);
	if (rc)
		return rc;
	db_bind_text(st, 1, im->md->operator_name);
	db_bind_text(st, 2, im->now);
	db_bind_int(st, 3, im->id);
	if ((rc = db_run(im->md, st)))
		return rc;
	im->res->inserted = db_changes(im->md);
	return MD_OK;
}

/* A member joined no later than their first purchase: members created
 * from the file join on it, and members imported earlier (who often got
 * the import day as their join date) move back to it, each with an
 * audit row (member_joined_by() does the same for one sale). */
static const char *const joined_sql[] = {
	"CREATE TEMP TABLE IF NOT EXISTS import_first("
	"  member_id INTEGER PRIMARY KEY, day TEXT NOT NULL)",
	"DELETE FROM " SQL_TEMP("import_first"),
	"INSERT INTO " SQL_TEMP("import_first") "(member_id, day)"
	" SELECT member_id, min(substr(sold_at, 1, 10)) FROM " SQL_TEMP("import_lines")
	" WHERE member_id IS NOT NULL GROUP BY member_id",
	"INSERT INTO audit(at, operator, action, member_id, old, new)"
	" SELECT ?1, ?2, ?4, m.id, " SQL_JSON_OBJECT "('joined', m.joined),"
	"        " SQL_JSON_OBJECT "('joined', f.day, 'import', ?3)"
	" FROM " SQL_TEMP("import_first") " f JOIN members m ON m.id = f.member_id"
	" WHERE f.day < m.joined"
	"   AND f.member_id NOT IN (SELECT member_id FROM " SQL_TEMP("import_created") ")",
	"UPDATE members SET joined = f.day FROM " SQL_TEMP("import_first") " f"
	" WHERE members.id = f.member_id AND f.day < members.joined",
	"UPDATE members SET tier_since = joined"
	" WHERE id IN (SELECT member_id FROM " SQL_TEMP("import_created") ")",
};

static int
date_joined(struct import *im)
{
	struct db_stmt *st;
	size_t i;
	int rc = MD_OK;

	for (i = 0; i < sizeof joined_sql / sizeof *joined_sql && !rc; i++) {
		if ((rc = db_stmt(im->md, joined_sql[i], &st)))
			break;
		if (db_params(st) == 4) {
			db_bind_text(st, 1, im->now);
			db_bind_text(st, 2, im->md->operator_name);
			db_bind_text(st, 3, im->detail);
			db_bind_text(st, 4, action_key(ACTION_MEMBER_JOINED));
		}
		rc = db_run(im->md, st);
	}
	return rc ? rc : audit_seal(im->md);
}

/* A file at least as long as the sales the shop has (the first import
 * of a till's years) goes in without the secondary indexes, built
 * after: at 10M lines into an empty shop, the time index alone took a
 * page from disk for most rows.  The ticket's UNIQUE index stays. */
static int
sales_defer(struct import *im)
{
	int64_t have, lines;
	int rc;

	if ((rc = db_int(im->md, "SELECT coalesce(max(id), 0) FROM sales", &have)) ||
	    (rc = db_int(im->md, "SELECT count(*) FROM " SQL_TEMP("import_lines"), &lines)))
		return rc;
	return lines < have ? MD_OK : import_indexes_defer(im, "sales", NULL);
}

static int
sales_finish(struct import *im)
{
	int rc;
	int64_t n;

	if ((rc = count_staged(im)) || (rc = sales_defer(im)) || (rc = make_sales(im)) ||
	    (rc = import_indexes_build(im)) || (rc = date_joined(im)))
		return rc;
	if ((rc = db_int(im->md, "SELECT count(*) FROM " SQL_TEMP("import_created"), &n)))
		return rc;
	im->res->created = n;
	return MD_OK;
}

static int
sales_begin(struct import *im)
{
	struct md *md = im->md;
	int rc;

	im->line_items = import_has(im, F_QUANTITY) || import_has(im, F_UNIT_PRICE);
	if (im->line_items && !(import_has(im, F_QUANTITY) && import_has(im, F_UNIT_PRICE)))
		return md_fail(md, MD_EINVAL,
			       _("%s has %s but not %s: line items need both"), im->o->path,
			       import_has(im, F_QUANTITY) ? "quantity" : "unit_price",
			       import_has(im, F_QUANTITY) ? "unit_price" : "quantity");
	if (im->line_items && !import_has(im, F_TICKET))
		return md_fail(md, MD_EINVAL,
			       _("%s has line items but no ticket column to group them by"),
			       im->o->path);
	if (!im->line_items && !import_has(im, F_AMOUNT))
		return md_fail(md, MD_EINVAL,
			       _("%s has no column for amount (or quantity and unit_price)"),
			       im->o->path);
	if (!(im->state = calloc(1, sizeof(struct sales_state))))
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	if ((rc = db_exec(md, "DROP TABLE IF EXISTS " SQL_TEMP("import_lines") ";"
			  "CREATE TEMP TABLE import_lines("
			  " line INTEGER PRIMARY KEY, ticket TEXT, member_id INTEGER,"
			  " sold_at TEXT, amount INTEGER, category TEXT, promo INTEGER,"
			  " payment TEXT);"
			  "CREATE TEMP TABLE IF NOT EXISTS import_created("
			  " member_id INTEGER PRIMARY KEY);"
			  "DELETE FROM " SQL_TEMP("import_created"))))
		return rc;
	/* One row per ticket: a ticket seen earlier in the file is a
	 * duplicate, looked up as each row comes.  Line items are grouped
	 * by a sort at the end instead. */
	if (!im->line_items)
		rc = db_exec(md, "CREATE INDEX " SQL_TEMP("import_lines_ticket") " ON import_lines(ticket)");
	return rc;
}

int
import_sales_setup(struct import *im)
{
	im->begin = sales_begin;
	im->row = sales_row;
	im->finish = sales_finish;
	return MD_OK;
}
