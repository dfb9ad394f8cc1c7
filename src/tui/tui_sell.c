/* tui_sell.c - 收银: a sale with its breakdown worked out live
 *
 * The form holds what the CLI's "sale add" takes.  Under it the bill is
 * worked out by sale_quote() - the very computation sale_add() records -
 * after every change, so what the screen shows is what will be saved.
 * When the core refuses the sale as typed, its message takes the place
 * of the breakdown.  The field checks say which field is at fault with
 * the same core messages.  A coupon the core refuses has its message
 * under the coupon field, and the breakdown without it stays.
 */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/coupon.h"
#include "core/member.h"
#include "core/money.h"
#include "core/payment.h"
#include "core/sale.h"
#include "core/text.h"
#include "core/tier.h"
#include "i18n.h"
#include "tui/tui_form.h"
#include "tui/tui_member_form.h"
#include "tui/tui_screens.h"

enum {
	F_AMOUNT, F_CATEGORY, F_PROMO, F_PAYMENT, F_POINTS, F_NOTE, F_COUPON, F_COUNT
};

static const char *const promos[] = {N_("no"), N_("yes"), NULL};

struct sell {
	struct tui_form form;
	struct tui_field fields[F_COUNT];
	int at[F_COUNT];	/* each field's place on the form; -1: not there */
	int64_t member_id;	/* 0: walk-in */
	struct member m;
	struct tier tier;
	bool stale;		/* changed since the last quote */
	int quote_rc;
	struct sale quote;
	char quote_err[sizeof ((struct md *)0)->err];
	/* The codes typed in the coupon field (one more than a sale takes,
	 * so that the core says how many it takes). */
	char codes[SALE_COUPONS_MAX + 1][96];
	const char *code[SALE_COUPONS_MAX + 1];
	size_t ncodes;
	char coupon_err[sizeof ((struct md *)0)->err];	/* "": none */
	char coupon_campaign[CAMPAIGN_NAME_MAX];	/* of the first code */
};

/* The coupon field as codes: separated by commas or semicolons (and
 * their fullwidth forms); each code as typed, for the core to read. */
static void
split_codes(struct sell *s, const char *typed)
{
	char buf[TUI_EDIT_MAX], *p, *next;

	snprintf(buf, sizeof buf, "%s", typed);
	for (p = buf; (p = strstr(p, "\xEF\xBC")) && p[2]; p += 3)
		if ((unsigned char)p[2] == 0x8C || (unsigned char)p[2] == 0x9B)
			memcpy(p, ",  ", 3);	/* ，；*/
	s->ncodes = 0;
	for (p = buf; p && s->ncodes <= SALE_COUPONS_MAX; p = next) {
		if ((next = strpbrk(p, ",;")))
			*next++ = '\0';
		text_trim(p, s->codes[s->ncodes], sizeof *s->codes);
		if (*s->codes[s->ncodes]) {
			s->code[s->ncodes] = s->codes[s->ncodes];
			s->ncodes++;
		}
	}
}

static const char *
text_of(const struct sell *s, int f)
{
	return s->at[f] < 0 ? "" : tui_form_text(&s->form, s->at[f]);
}

static int
choice_of(const struct sell *s, int f)
{
	return s->at[f] < 0 ? 0 : s->form.fields[s->at[f]].choice;
}

/* The form as the core takes it; empty optional fields are "not given"
 * as on the command line. */
static void
input(struct sell *s, struct sale_input *in)
{
	memset(in, 0, sizeof *in);
	split_codes(s, text_of(s, F_COUPON));
	in->coupons = s->code;
	in->ncoupons = s->ncodes;
	in->member = s->member_id ? s->m.card : NULL;
	in->amount = *text_of(s, F_AMOUNT) ? text_of(s, F_AMOUNT) : NULL;
	in->category = text_of(s, F_CATEGORY);
	in->promo = choice_of(s, F_PROMO) == 1;
	in->payment = tui_payment_key(&s->form.fields[s->at[F_PAYMENT]]);
	in->use_points = *text_of(s, F_POINTS) ? text_of(s, F_POINTS) : NULL;
	in->note = text_of(s, F_NOTE);
}

/* Whether IN fails to quote because of the one field *WHAT points to:
 * it fails as it is and passes with *WHAT set to NEUTRAL.  A failure
 * that is some other field's is left to that field's own check. */
static int
quote_blames(struct tui *t, struct sale_input *in, const char **what,
	     const char *neutral)
{
	char why[sizeof t->md->err];
	struct sale q;
	int rc;

	if ((rc = sale_quote(t->md, in, &q)) == MD_OK)
		return MD_OK;
	text_copy(why, sizeof why, t->md->err);
	*what = neutral;
	if (sale_quote(t->md, in, &q) != MD_OK)
		return MD_OK;
	return md_fail(t->md, rc, "%s", why);
}

static int
check_amount(struct tui *t, struct tui_field *f, void *arg)
{
	int64_t fen;

	(void)arg;
	return money_parse(t->md, _("amount"), f->edit.buf, &fen, 0);
}

static int
check_category(struct tui *t, struct tui_field *f, void *arg)
{
	char out[SALE_CATEGORY_MAX];

	(void)arg;
	return sale_check_label(t->md, _("category"), f->edit.buf, 32, out,
				sizeof out);
}

/* Stored value that does not cover the bill is the payment's fault. */
static int
check_payment(struct tui *t, struct tui_field *f, void *arg)
{
	struct sell *s = arg;
	struct sale_input in;
	char key[8];
	int rc;

	if ((rc = payment_check(t->md, tui_payment_key(f), false, key)))
		return rc;
	input(s, &in);
	return quote_blames(t, &in, &in.payment, "cash");
}

/* Points the member does not have, or more than the cap allows.  Paid
 * in cash here: whether stored value covers the rest is the payment's
 * question. */
static int
check_points(struct tui *t, struct tui_field *f, void *arg)
{
	struct sell *s = arg;
	struct sale_input in;

	if (!*f->edit.buf)
		return MD_OK;
	input(s, &in);
	in.payment = "cash";
	return quote_blames(t, &in, &in.use_points, NULL);
}

/* The campaign of the coupon the quote took, for the bill's remark. */
static void
coupon_campaign(struct tui *t, struct sell *s)
{
	struct coupon k;

	s->coupon_campaign[0] = '\0';
	if (s->quote.ncoupons && coupon_get(t->md, s->code[0], &k) == MD_OK)
		text_copy(s->coupon_campaign, sizeof s->coupon_campaign, k.campaign.name);
}

static void
requote(struct tui *t, struct sell *s)
{
	struct sale_input in;
	int i;

	input(s, &in);
	s->quote_rc = sale_quote(t->md, &in, &s->quote);
	s->stale = false;
	s->coupon_err[0] = '\0';
	if (s->quote_rc) {
		text_copy(s->quote_err, sizeof s->quote_err, t->md->err);
		/* Refused with the coupon, fine without: the coupon's fault,
		 * said at its field, with the bill as it is without it. */
		in.ncoupons = 0;
		if (!s->ncodes || sale_quote(t->md, &in, &s->quote))
			return;
		text_copy(s->coupon_err, sizeof s->coupon_err, s->quote_err);
		s->quote_rc = MD_OK;
	}
	coupon_campaign(t, s);
	/* The quote checks every field: a complaint left beside one, from
	 * before this change (stored value short of a bill that points
	 * have since made smaller), is no longer true. */
	for (i = 0; i < s->form.n; i++)
		s->fields[i].err[0] = '\0';
}

/* A code still being typed (fewer symbols than a code has) is refused
 * as mistyped: not a mistake yet, said quietly. */
static bool
typing_code(const struct sell *s)
{
	const char *p;
	int n = 0;

	if (s->at[F_COUPON] != s->form.focus || !s->ncodes)
		return false;
	for (p = s->code[s->ncodes - 1]; *p; p++)
		n += (*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z');
	return n < COUPON_CODE_LEN;
}

/* Who is buying: two lines from Y. */
static int
draw_buyer(struct tui *t, struct sell *s, int y)
{
	char line[512], pct[16], pts[32], money[40], bonus[40];

	if (!s->member_id) {
		tui_put_role(t, y, 2, _("Walk-in customer (no member: no points, no stored value)"),
			     COLS - 4, false, ROLE_HEADER);
		return y + 2;
	}
	snprintf(line, sizeof line, "%s  %s", s->m.card, s->m.name);
	tui_put_pair(t, y, 2, 14, _("Member"), line, COLS - 4);
	if (s->tier.discount < 100) {
		tier_discount_text(s->tier.discount, pct);
		snprintf(line, sizeof line, _("%s, discount %s"), s->m.tier, pct);
	} else {
		snprintf(line, sizeof line, _("%s, no discount"), s->m.tier);
	}
	tui_put_pair(t, y + 1, 2, 14, _("Tier"), line, COLS - 4);
	text_format_int(s->m.points, pts);
	money_human(t->md, s->m.wallet_principal + s->m.wallet_bonus, money);
	if (s->m.wallet_bonus) {
		money_human(t->md, s->m.wallet_bonus, bonus);
		snprintf(line, sizeof line, _("%s points, stored value %s (bonus %s)"),
			 pts, money, bonus);
	} else {
		snprintf(line, sizeof line, _("%s points, stored value %s"), pts, money);
	}
	tui_put_pair(t, y + 2, 2, 14, _("Balance"), line, COLS - 4);
	return y + 4;
}

/* One line of the bill: LABEL, an amount lined up on the right, and a
 * remark after it. */
static void
bill_line(struct tui *t, int y, const char *label, const char *value,
	  const char *remark)
{
	enum { LW = 22, VW = 14 };

	tui_put_role(t, y, 4, label, LW, false, ROLE_LABEL);
	tui_put(y, 4 + LW, value, VW, true);
	if (remark && *remark && COLS - (4 + LW + VW + 2) > 0)
		tui_put_role(t, y, 4 + LW + VW + 2, remark,
			     COLS - (4 + LW + VW + 2), false, ROLE_DIM);
}

static void
money_bill_line(struct tui *t, int y, const char *label, int64_t fen,
		bool minus, const char *remark)
{
	char m[40], v[48];

	money_human(t->md, fen, m);
	snprintf(v, sizeof v, "%s%s", minus ? "-" : "", m);
	bill_line(t, y, label, v, remark);
}

/* "×1.5 tier, ×2 member day": the multipliers the points were earned
 * at, when any is not 1. */
static void
multipliers(const struct sale *q, char *out, size_t n)
{
	const struct {
		int64_t pct;
		const char *what;
	} m[] = {
		{q->points_rate, N_("tier")},
		{q->member_day_pct, N_("member day")},
		{q->birthday_pct, N_("birthday")},
	};
	char x[32];
	size_t i, o = 0;

	out[0] = '\0';
	for (i = 0; i < sizeof m / sizeof *m; i++) {
		if (m[i].pct == 100)
			continue;
		money_format_decimal(m[i].pct, x);
		o += snprintf(out + o, o < n ? n - o : 0, "%s\xC3\x97%s %s",
			      o ? ", " : "", x, _(m[i].what));
	}
}

static int
draw_points(struct tui *t, struct sell *s, int y)
{
	const struct sale *q = &s->quote;
	char n[32], v[40], remark[160];

	multipliers(q, remark, sizeof remark);
	text_format_int(q->points_earned, n);
	snprintf(v, sizeof v, "+%s", n);
	bill_line(t, y++, _("Points to earn"), v, remark);
	text_format_int(q->points_after, n);
	bill_line(t, y++, _("Points after"), n, NULL);
	money_bill_line(t, y++, _("Stored value after"), q->wallet_after, false,
			NULL);
	return y;
}

static void
draw_bill(struct tui *t, struct sell *s, int y)
{
	const struct sale *q = &s->quote;
	char buf[256], pct[16], n[32], p[40], b[40];

	if (s->quote_rc) {
		/* No amount yet is not a mistake: say it quietly. */
		tui_put_role(t, y, 4, s->quote_err, COLS - 6, false,
			     *text_of(s, F_AMOUNT) ? ROLE_ERROR : ROLE_DIM);
		return;
	}
	money_bill_line(t, y++, _("Amount"), q->amount, false, NULL);
	if (q->tier_discount) {
		tier_discount_text(q->discount_pct, pct);
		snprintf(buf, sizeof buf, _("Tier discount %s"), pct);
		money_bill_line(t, y++, buf, q->tier_discount, true, NULL);
	} else if (s->member_id && q->promo && s->tier.discount < 100) {
		bill_line(t, y++, _("Tier discount"), "-",
			  _("none on a promotion sale"));
	}
	if (q->ncoupons) {
		snprintf(buf, sizeof buf, q->ncoupons == 1 ? _("Coupon %s") : _("Coupons %s"),
			 q->coupons);
		money_bill_line(t, y++, buf, q->coupon_discount, true, s->coupon_campaign);
	}
	if (*q->gift)
		bill_line(t, y++, _("Gift"), "", q->gift);
	if (q->points_used) {
		text_format_int(q->points_used, n);
		snprintf(buf, sizeof buf, _("Points used %s"), n);
		money_bill_line(t, y++, buf, q->points_value, true, NULL);
	}
	money_bill_line(t, y++, _("To pay"), q->paid, false,
			payment_label(q->payment));
	if (q->wallet_principal || q->wallet_bonus) {
		money_human(t->md, q->wallet_principal, p);
		money_human(t->md, q->wallet_bonus, b);
		snprintf(buf, sizeof buf, _("principal %s, bonus %s"), p, b);
		money_bill_line(t, y++, _("From stored value"),
				q->wallet_principal + q->wallet_bonus, false, buf);
	}
	if (s->member_id)
		draw_points(t, s, y);
}

static void
sell_draw(struct tui *t, struct tui_view *v)
{
	struct sell *s = v->state;
	int y = tui_body_top();

	if (s->stale)
		requote(t, s);
	y = draw_buyer(t, s, y);
	y = tui_form_draw(t, &s->form, y, 2);
	if (*s->coupon_err)	/* under the coupon field, the last */
		y += tui_put_wrapped(t, y, 4, s->coupon_err, COLS - 6, 2,
				     typing_code(s) ? ROLE_DIM : ROLE_ERROR);
	draw_bill(t, s, y + 1);
}

static void
save(struct tui *t, struct sell *s)
{
	struct sale_input in;
	struct sale sale;
	char paid[40], pts[32];

	input(s, &in);
	if (sale_add(t->md, &in, &sale)) {
		tui_error(t, "%s", t->md->err);	/* the form keeps what was typed */
		return;
	}
	/* Recorded: the sell view must go whatever happens to the receipt,
	 * or F2 again would record the sale twice. */
	if (!tui_receipt_open(t, &sale, true)) {
		tui_pop(t);
		tui_error(t, _("Sale %lld recorded, but its receipt cannot be shown"),
			  (long long)sale.id);
		return;
	}
	money_human(t->md, sale.paid, paid);
	text_format_int(sale.points_earned, pts);
	if (sale.member_id)
		tui_say(t, _("Sale %lld recorded: paid %s, +%s points"),
			(long long)sale.id, paid, pts);
	else
		tui_say(t, _("Sale %lld recorded: paid %s"), (long long)sale.id, paid);
}

static enum tui_result
sell_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct sell *s = v->state;

	if (act == ACT_QUIT || act == ACT_HELP || act == ACT_REDRAW)
		return TUI_IGNORED;
	switch (tui_form_key(t, &s->form, key, act)) {
	case FORM_CANCEL:
		tui_pop(t);
		tui_say(t, "%s", _("Sale cancelled: nothing was recorded."));
		break;
	case FORM_SAVE:
		save(t, s);
		break;
	case FORM_CHANGED:
		s->stale = true;
		break;
	default:
		break;
	}
	return TUI_HANDLED;
}

static const enum tui_act sell_acts[] = {ACT_SAVE, ACT_NEXT, ACT_PREV, ACT_NONE};

static const struct tui_screen sell_screen = {
	.name = N_("Sell"),
	.acts = sell_acts,
	.draw = sell_draw,
	.key = sell_key,
	.typing = tui_form_typing,
	.dirty = tui_form_dirty,
	.free = tui_form_free,
};

/* Put field F on the form, next after those already there. */
static void
add_field(struct sell *s, int f, struct tui_field field)
{
	s->at[f] = s->form.n;
	s->fields[s->form.n++] = field;
}

static void
build_form(struct sell *s)
{
	struct tui_field pay;
	int f;

	for (f = 0; f < F_COUNT; f++)
		s->at[f] = -1;
	s->form.fields = s->fields;
	s->form.arg = s;
	add_field(s, F_AMOUNT, (struct tui_field){
		.label = N_("Amount"), .width = 14, .check = check_amount,
		.hint = N_("yuan, before discounts")});
	add_field(s, F_CATEGORY, (struct tui_field){
		.label = N_("Category"), .width = 20, .check = check_category});
	add_field(s, F_PROMO, (struct tui_field){
		.label = N_("Promotion"), .width = 14, .kind = FIELD_CHOICE,
		.choices = promos});
	/* A walk-in customer has no stored value to pay with. */
	tui_payment_field(&pay, s->member_id != 0);
	pay.check = check_payment;
	pay.hint = N_("Space, Left, Right");
	add_field(s, F_PAYMENT, pay);
	if (s->member_id)
		add_field(s, F_POINTS, (struct tui_field){
			.label = N_("Points to use"), .width = 14,
			.check = check_points});
	add_field(s, F_NOTE, (struct tui_field){
		.label = N_("Note"), .width = 40, .check = tui_check_note});
	/* Coupons are a member's: a walk-in customer has none. */
	if (s->member_id)
		add_field(s, F_COUPON, (struct tui_field){
			.label = N_("Coupon"), .width = 24,
			.hint = N_("its code, such as ABCDE-FGHJK")});
}

bool
tui_sell_open(struct tui *t, int64_t member_id)
{
	struct sell *s = calloc(1, sizeof *s);

	if (!s) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	s->member_id = member_id;
	if (member_id && (member_get_id(t->md, member_id, &s->m) ||
			  tier_get_id(t->md, s->m.tier_id, &s->tier))) {
		tui_error(t, "%s", t->md->err);
		free(s);
		return false;
	}
	build_form(s);
	s->stale = true;
	return tui_push(t, &sell_screen, s);
}
