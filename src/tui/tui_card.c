/* tui_card.c - one member on one screen
 *
 * Everything the counter needs about a member fits 80x24: who they are,
 * their tier and how far the next one is (member show's words), points
 * and what expires first, stored value, the segment of the latest week,
 * the coupons they may use today and the last purchases.  Every figure
 * comes from the core; the card
 * reloads whenever a screen opened from it closes, so balances are
 * fresh after a sale or a top-up. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/coupon.h"
#include "core/member.h"
#include "core/money.h"
#include "core/payment.h"
#include "core/points.h"
#include "core/rfm.h"
#include "core/sale.h"
#include "core/text.h"
#include "core/tier.h"
#include "i18n.h"
#include "tui/tui_screens.h"

#define LAST_SALES 5
#define CARD_COUPONS 3		/* coupons shown; the rest are counted */

/* What the card keeps of a sale. */
struct purchase {
	char day[11];
	int64_t paid;
	char payment[8];
	int64_t points;
	bool voided;
};

struct card {
	int64_t id;
	struct member m;
	struct tier_progress tp;
	int64_t expiring;
	char expiring_on[11];
	int segment;		/* -1: not in the latest weekly snapshot */
	char segment_week[11];
	/* The last LAST_SALES purchases: a ring, since sale_list() streams
	 * oldest first; NSALES counts them all. */
	struct purchase sales[LAST_SALES];
	int nsales;
	/* The coupons the member may use today, newest first. */
	struct coupon coupons[CARD_COUPONS];
	int ncoupons;
};

static int
keep_coupon(void *arg, const struct coupon *k)
{
	struct card *c = arg;

	if (c->ncoupons < CARD_COUPONS)
		c->coupons[c->ncoupons] = *k;
	c->ncoupons++;
	return MD_OK;
}

static int
keep_sale(void *arg, const struct sale *s)
{
	struct card *c = arg;
	struct purchase *p = &c->sales[c->nsales++ % LAST_SALES];

	snprintf(p->day, sizeof p->day, "%.10s", s->sold_at);
	p->paid = s->paid;
	text_copy(p->payment, sizeof p->payment, s->payment);
	p->points = s->points_earned;
	p->voided = s->voided_at[0] != '\0';
	return MD_OK;
}

/* Read everything again; false with the reason on the status line. */
static bool
card_load(struct tui *t, struct card *c)
{
	struct md *md = t->md;
	struct coupon_filter kf = {.member_id = c->id, .status = -1, .usable = true};
	struct sale_filter f = {0};

	c->nsales = 0;
	c->ncoupons = 0;
	if (member_get_id(md, c->id, &c->m) || tier_progress(md, c->id, &c->tp) ||
	    points_soonest(md, c->id, &c->expiring, c->expiring_on) ||
	    rfm_member_segment(md, c->id, c->segment_week, &c->segment))
		goto fail;
	f.member = c->m.card;
	if (sale_list(md, &f, keep_sale, c) || coupon_list(md, &kf, keep_coupon, c))
		goto fail;
	return true;
fail:
	tui_error(t, "%s", md->err);
	return false;
}

/* ---- Drawing ---------------------------------------------------------- */

/* The columns of the card: labels LW wide; two halves side by side for
 * the short facts. */
struct layout {
	int lw;
	int x2;		/* the right half */
	int half;	/* columns in a half */
	int full;	/* columns from the left edge to the right one */
};

static const char *const card_labels[] = {
	N_("Name"), N_("Phone"), N_("Gender"), N_("Birthday"), N_("Tags"),
	N_("Card"), N_("Status"), N_("Joined"), N_("Referrer"), N_("Segment"),
	N_("Note"), N_("Tier"), N_("Points"), N_("Wallet"),
};

static struct layout
layout(void)
{
	struct layout l = {0};
	size_t i;

	for (i = 0; i < sizeof card_labels / sizeof *card_labels; i++)
		if (text_width(_(card_labels[i])) > l.lw)
			l.lw = text_width(_(card_labels[i]));
	l.full = COLS - 4;
	l.half = l.full / 2 - 1;
	l.x2 = 2 + l.half + 2;
	return l;
}

static void
status_text(const struct member *m, char *out, size_t n)
{
	char key[16];

	if (*m->merged_into)
		snprintf(out, n, _("merged into %s"), m->merged_into);
	else if (m->status == MEMBER_FROZEN)
		/* TRANSLATORS: %s (frozen) (F7 unfreezes): the key. */
		snprintf(out, n, _("%s (%s unfreezes)"), member_status_label(m->status),
			 tui_act_key(ACT_FREEZE, 0, key, sizeof key));
	else
		snprintf(out, n, "%s", member_status_label(m->status));
}

/* The status value stands out unless the member is simply active. */
static void
draw_status(struct tui *t, const struct card *c, const struct layout *l, int y)
{
	char s[256];
	bool plain = c->m.status == MEMBER_ACTIVE;

	status_text(&c->m, s, sizeof s);
	tui_put_role(t, y, l->x2, _("Status"), l->lw, false, ROLE_LABEL);
	tui_put_role(t, y, l->x2 + l->lw + 2, s, COLS - 2 - (l->x2 + l->lw + 2), false,
		     plain ? ROLE_NORMAL : ROLE_ERROR);
}

/* Name, phone, gender, birthday, tags on the left; card, status,
 * joined, referrer, segment on the right. */
static int
draw_facts(struct tui *t, const struct card *c, const struct layout *l, int y)
{
	char referrer[CARD_MAX + MEMBER_NAME_MAX + 2];
	const struct member *m = &c->m;

	snprintf(referrer, sizeof referrer, "%s%s%s", m->referrer_card,
		 *m->referrer_card ? " " : "", m->referrer_name);
	tui_put_pair(t, y, 2, l->lw, _("Name"), m->name, l->half);
	tui_put_pair(t, y, l->x2, l->lw, _("Card"), m->card, l->half);
	tui_put_pair(t, ++y, 2, l->lw, _("Phone"), m->phone, l->half);
	draw_status(t, c, l, y);
	tui_put_pair(t, ++y, 2, l->lw, _("Gender"), member_gender_label(m->gender), l->half);
	tui_put_pair(t, y, l->x2, l->lw, _("Joined"), m->joined, l->half);
	tui_put_pair(t, ++y, 2, l->lw, _("Birthday"), m->birthday, l->half);
	tui_put_pair(t, y, l->x2, l->lw, _("Referrer"), referrer, l->half);
	tui_put_pair(t, ++y, 2, l->lw, _("Tags"), m->tags, l->half);
	/* Without its week (member show gives it): opening memberdesk keeps
	 * last week's, so the latest is last week's, and a half is narrow. */
	tui_put_pair(t, y, l->x2, l->lw, _("Segment"), rfm_segment_label(c->segment),
		     l->half);
	return y + 1;
}

/* The note's first line, with an ellipsis when there is more. */
static int
draw_note(struct tui *t, const struct card *c, const struct layout *l, int y)
{
	char first[MEMBER_NOTE_MAX + 4];
	const char *nl = strchr(c->m.note, '\n');
	size_t n = nl ? (size_t)(nl - c->m.note) : strlen(c->m.note);

	memcpy(first, c->m.note, n);
	strcpy(first + n, nl ? " \xE2\x80\xA6" : "");
	tui_put_pair(t, y, 2, l->lw, _("Note"), first, l->full);
	return y + 1;
}

/* The tier, then member show's progress lines under it. */
static int
draw_tier(struct tui *t, const struct card *c, const struct layout *l, int y)
{
	char lines[TIER_LINES_MAX][TIER_LINE_MAX], name[TIER_NAME_MAX + 32];
	int i, n;

	snprintf(name, sizeof name, _("%s since %s"), c->m.tier, c->m.tier_since);
	tui_put_pair(t, y++, 2, l->lw, _("Tier"), *c->m.tier_since ? name : c->m.tier,
		     l->full);
	tier_progress_lines(t->md, &c->tp, lines, &n);
	for (i = 0; i < n; i++)
		tui_put_pair(t, y++, 2, l->lw, "", lines[i], l->full);
	return y;
}

/* Points with what expires first; stored value with its two parts (the
 * words of member show). */
static int
draw_balances(struct tui *t, const struct card *c, const struct layout *l, int y)
{
	char buf[200], n[32], e[32], tot[40], p[40], b[40];
	const struct member *m = &c->m;

	text_format_int(m->points, n);
	text_format_int(c->expiring, e);
	if (c->expiring)
		snprintf(buf, sizeof buf, _("%s (%s expire after %s)"), n, e, c->expiring_on);
	tui_put_pair(t, y++, 2, l->lw, _("Points"), c->expiring ? buf : n, l->full);
	money_human(t->md, m->wallet_principal + m->wallet_bonus, tot);
	money_human(t->md, m->wallet_principal, p);
	money_human(t->md, m->wallet_bonus, b);
	snprintf(buf, sizeof buf, _("%s (principal %s, bonus %s)"), tot, p, b);
	tui_put_pair(t, y++, 2, l->lw, _("Wallet"), buf, l->full);
	return y;
}

/* One purchase: date, paid, payment, points earned. */
static void
draw_purchase(struct tui *t, const struct purchase *p, int y)
{
	char paid[40], n[32], pts[34];
	enum tui_role role = p->voided ? ROLE_DIM : ROLE_NORMAL;

	money_human(t->md, p->paid, paid);
	text_format_int(p->points, n);	/* grouped, as the balance above */
	snprintf(pts, sizeof pts, "%s%s", p->points >= 0 ? "+" : "", n);
	tui_put_role(t, y, 2, p->day, 16, false, role);
	tui_put_role(t, y, 18, paid, 14, true, role);
	tui_put_role(t, y, 34, payment_label(p->payment), 14, false, role);
	tui_put_role(t, y, 48, pts, 8, true, role);
	if (p->voided)
		tui_put_role(t, y, 58, _("voided"), COLS - 60, false, ROLE_DIM);
}

/* Where no column stands, right of the purchases' header: the key that
 * gives a coupon. */
static void
draw_give_hint(struct tui *t, int y)
{
	char msg[128], key[16];

	/* TRANSLATORS: %s is the key (F8). */
	snprintf(msg, sizeof msg, _("%s gives a coupon"), tui_act_key(ACT_GIVE, 0, key, sizeof key));
	if (COLS - 60 > 0)
		tui_put_role(t, y, 58, msg, COLS - 60, true, ROLE_DIM);
}

/* The last purchases, newest first, from row Y to LAST. */
static void
draw_purchases(struct tui *t, const struct card *c, int y, int last)
{
	int i, k;

	if (y > last)
		return;
	if (!c->nsales) {
		tui_put_role(t, y, 2, _("No purchases yet."), 40, false, ROLE_DIM);
		draw_give_hint(t, y);
		return;
	}
	tui_put_role(t, y, 2, _("Last purchases"), 16, false, ROLE_HEADER);
	tui_put_role(t, y, 18, _("Paid"), 14, true, ROLE_HEADER);
	tui_put_role(t, y, 34, _("Payment"), 14, false, ROLE_HEADER);
	tui_put_role(t, y, 48, _("Points"), 8, true, ROLE_HEADER);
	draw_give_hint(t, y);
	for (i = 0; i < LAST_SALES && i < c->nsales && y + 1 + i <= last; i++) {
		k = (c->nsales - 1 - i) % LAST_SALES;
		draw_purchase(t, &c->sales[k], y + 1 + i);
	}
}

/* The coupons the member may use today: code, campaign, offer, last
 * day; at most ROWS lines, the last saying how many more there are.
 * The next free row. */
static int
draw_coupons(struct tui *t, const struct card *c, int y, int rows)
{
	int offer = COLS - 2 - 13 - 19 - 12, shown, i;
	char code[COUPON_SHOWN_MAX], line[200];

	if (!c->ncoupons || rows < 2)
		return y;
	tui_put_role(t, y, 2, _("Coupons"), 12, false, ROLE_HEADER);
	tui_put_role(t, y, 15, _("Campaign"), 18, false, ROLE_HEADER);
	tui_put_role(t, y, 34, _("Offer"), offer, false, ROLE_HEADER);
	tui_put_role(t, y, COLS - 12, _("Last day"), 10, true, ROLE_HEADER);
	shown = c->ncoupons < CARD_COUPONS ? c->ncoupons : CARD_COUPONS;
	if (shown > rows - 1)
		shown = rows - 1;
	for (i = 0; i < shown; i++) {
		const struct coupon *k = &c->coupons[i];

		if (i == shown - 1 && c->ncoupons > shown) {
			snprintf(line, sizeof line, P_("and %d more coupon", "and %d more coupons",
						       c->ncoupons - i), c->ncoupons - i);
			tui_put_role(t, y + 1 + i, 2, line, COLS - 4, false, ROLE_DIM);
			break;
		}
		coupon_code_show(k->code, code);
		campaign_offer(t->md, &k->campaign, line, sizeof line);
		tui_put_role(t, y + 1 + i, 2, code, 12, false, ROLE_GOOD);
		tui_put(y + 1 + i, 15, k->campaign.name, 18, false);
		tui_put(y + 1 + i, 34, line, offer, false);
		tui_put(y + 1 + i, COLS - 12, k->expires, 10, true);
	}
	return y + 1 + shown + 1;
}

static void
card_draw(struct tui *t, struct tui_view *v)
{
	struct card *c = v->state;
	struct layout l = layout();
	int y = tui_body_top();

	y = draw_facts(t, c, &l, y);
	y = draw_note(t, c, &l, y);
	y = draw_tier(t, c, &l, y + 1);
	y = draw_balances(t, c, &l, y);
	/* The coupons before the purchases, leaving these two rows at least. */
	y = draw_coupons(t, c, y + 1, LINES - 3 - (y + 1) - 2);
	draw_purchases(t, c, y, LINES - 3);
}

/* ---- Keys ------------------------------------------------------------- */

/* F7: freeze or unfreeze, after asking. */
static void
card_freeze(struct tui *t, struct card *c)
{
	bool frozen = c->m.status == MEMBER_FROZEN;
	int rc;

	if (!tui_confirm(t, false, frozen ? _("Unfreeze %s (card %s)?")
			 : _("Freeze %s (card %s): no sales, points or top-ups?"),
			 c->m.name, c->m.card)) {
		tui_say(t, "%s", _("Nothing changed."));
		return;
	}
	rc = frozen ? member_unfreeze(t->md, c->m.card) : member_freeze(t->md, c->m.card);
	if (rc) {
		tui_error(t, "%s", t->md->err);
		return;
	}
	if (card_load(t, c))
		tui_say(t, frozen ? _("%s is active again.") : _("%s is frozen."),
			c->m.name);
}

static enum tui_result
card_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct card *c = v->state;

	(void)key;
	switch (act) {
	case ACT_SELL:
		tui_sell_open(t, c->id);
		return TUI_HANDLED;
	case ACT_TOPUP:
		tui_topup_open(t, c->id);
		return TUI_HANDLED;
	case ACT_POINTS:
		tui_points_open(t, c->id);
		return TUI_HANDLED;
	case ACT_EDIT:
		tui_member_edit_open(t, c->id);
		return TUI_HANDLED;
	case ACT_FREEZE:
		card_freeze(t, c);
		return TUI_HANDLED;
	case ACT_GIVE:
		tui_give_open(t, c->id);
		return TUI_HANDLED;
	case ACT_SEARCH:
		tui_find_again(t);
		return TUI_HANDLED;
	default:
		return TUI_IGNORED;
	}
}

static void
card_resume(struct tui *t, struct tui_view *v)
{
	card_load(t, v->state);
}

static void
card_free(struct tui_view *v)
{
	free(v->state);
}

static const enum tui_act card_acts[] = {
	ACT_SELL, ACT_TOPUP, ACT_POINTS, ACT_EDIT, ACT_FREEZE, ACT_GIVE, ACT_SEARCH, ACT_NONE
};

static const struct tui_screen card_screen = {
	.name = N_("Member"),
	.acts = card_acts,
	.draw = card_draw,
	.key = card_key,
	.resume = card_resume,
	.free = card_free,
};

bool
tui_card_open(struct tui *t, int64_t member_id, bool replace)
{
	struct card *c = calloc(1, sizeof *c);

	if (!c) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	c->id = member_id;
	if (!card_load(t, c)) {
		free(c);
		return false;
	}
	return replace ? tui_replace(t, &card_screen, c) : tui_push(t, &card_screen, c);
}
