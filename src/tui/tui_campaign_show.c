/* tui_campaign_show.c - one coupon campaign and how it is doing
 *
 * What "coupon campaign show" says, then the figures of "coupon stats"
 * (coupon_stats(), the core's) as bars sized to the terminal: the
 * coupons issued (of the total, when there is one), redeemed, expired
 * and revoked on one scale, the money, then the rate of redemption by
 * the tier, and where there is room by the RFM segment, the members
 * were in when the coupons were issued.  The actions of the list work
 * here too, on this campaign. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/coupon.h"
#include "core/coupon_stats.h"
#include "core/money.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_campaign.h"
#include "tui/tui_screens.h"

#define GROUP_COLS 16	/* a tier's name or a segment's label, at most */

struct show {
	int64_t id;
	struct campaign c;
	struct coupon_stats st;
	char target[256];
	int64_t reach;
};

static bool
show_load(struct tui *t, struct show *s)
{
	char key[24];

	snprintf(key, sizeof key, "%lld", (long long)s->id);
	if (campaign_get_id(t->md, s->id, &s->c) || coupon_stats(t->md, key, &s->st) ||
	    campaign_target_text(t->md, &s->c, s->target, sizeof s->target) ||
	    coupon_reach(t->md, &s->c, &s->reach)) {
		tui_error(t, "%s", t->md->err);
		return false;
	}
	return true;
}

static const char *const show_labels[] = {
	N_("Offer"), N_("Valid"), N_("Not on"), N_("Target"), N_("Limits"),
	N_("For sale"), N_("Made"), N_("Issued"), N_("Redeemed"), N_("Expired"),
	N_("Revoked"), N_("Money"),
};

static int
label_width(void)
{
	int w = 0;

	for (size_t i = 0; i < sizeof show_labels / sizeof *show_labels; i++)
		if (text_width(_(show_labels[i])) > w)
			w = text_width(_(show_labels[i]));
	return w;
}

/* The campaign's rules, a line each, from Y; the next free row. */
static int
draw_rules(struct tui *t, const struct show *s, int y, int lw)
{
	const struct campaign *c = &s->c;
	char line[512], offer[200], n[32], m[32];
	int cols = COLS - 4;

	snprintf(line, sizeof line, _("Campaign %lld: %s (%s)"), (long long)c->id, c->name,
		 campaign_status_label(c->status));
	tui_put_role(t, y++, 2, line, cols, false, ROLE_HEADER);
	campaign_offer(t->md, c, offer, sizeof offer);
	/* TRANSLATORS: the kind, then the offer: "cash off (满减), ¥20.00 off ..." */
	snprintf(line, sizeof line, _("%s, %s"), campaign_kind_label(c->kind), offer);
	tui_put_pair(t, y++, 2, lw, _("Offer"), line, cols);
	tui_campaign_validity(c, line, sizeof line);
	tui_put_pair(t, y++, 2, lw, _("Valid"), line, cols);
	if (*c->not_on)
		tui_put_pair(t, y++, 2, lw, _("Not on"), c->not_on, cols);
	text_format_int(s->reach, n);
	snprintf(line, sizeof line, P_("%s: %s member now", "%s: %s members now", s->reach),
		 s->target, n);
	tui_put_pair(t, y++, 2, lw, _("Target"), line, cols);
	text_format_int(c->total, m);
	if (c->total)
		snprintf(line, sizeof line, _("%d per member, %s in all"), c->per_member, m);
	else
		snprintf(line, sizeof line, _("%d per member, no total"), c->per_member);
	tui_put_pair(t, y++, 2, lw, _("Limits"), line, cols);
	if (c->points) {
		text_format_int(c->points, n);
		snprintf(line, sizeof line, _("%s points"), n);
		tui_put_pair(t, y++, 2, lw, _("For sale"), line, cols);
	}
	tui_put_pair(t, y++, 2, lw, _("Made"), c->created_at, cols);
	return y;
}

/* A bar and the figure after it, the label in LW columns. */
static void
bar_line(struct tui *t, int y, int lw, const char *label, int64_t value, int64_t max,
	 const char *figure, enum tui_role role)
{
	enum { FIGURE = 20 };
	int x = 2 + lw + 2, w = COLS - 2 - x - FIGURE - 1;

	tui_put_role(t, y, 2, label, lw, false, ROLE_LABEL);
	tui_put_bar(t, y, x, value, max, w, role);
	tui_put(y, x + w + 1, figure, FIGURE, true);
}

/* The coupons in their states on one scale (the total, when there is
 * one), and the money; the next free row. */
static int
draw_coupons(struct tui *t, const struct show *s, int y, int lw)
{
	const struct coupon_stats_row *a = &s->st.all;
	int64_t scale = s->c.total > a->issued ? s->c.total : a->issued;
	const struct {
		const char *label;
		int64_t n;
		enum tui_role role;
	} bars[] = {
		{N_("Issued"), a->issued, ROLE_HEADER}, {N_("Redeemed"), a->redeemed, ROLE_GOOD},
		{N_("Expired"), a->expired, ROLE_DIM}, {N_("Revoked"), a->revoked, ROLE_DIM},
	};
	char n[32], m[32], rate[32], fig[96], off[40], paid[40], per[32];

	tui_put_role(t, y++, 2, _("Coupons"), COLS - 4, false, ROLE_HEADER);
	for (size_t i = 0; i < sizeof bars / sizeof *bars; i++) {
		text_format_int(bars[i].n, n);
		text_format_int(s->c.total, m);
		coupon_stats_rate(a, rate);
		if (i == 0 && s->c.total)
			snprintf(fig, sizeof fig, _("%s of %s"), n, m);
		else if (i == 1 && *rate)
			snprintf(fig, sizeof fig, "%s (%s)", n, rate);
		else
			snprintf(fig, sizeof fig, "%s", n);
		bar_line(t, y++, lw, _(bars[i].label), bars[i].n, scale, fig, bars[i].role);
	}
	money_human(t->md, a->discount, off);
	money_human(t->md, a->revenue, paid);
	coupon_stats_return(a, per);
	if (*per)
		/* TRANSLATORS: the discount, the sales, the sales over the discount. */
		snprintf(fig, sizeof fig, _("%s off; the sales paid %s, %s times the discount"),
			 off, paid, per);
	else
		snprintf(fig, sizeof fig, _("%s off; the sales paid %s"), off, paid);
	tui_put_pair(t, y++, 2, lw, _("Money"), fig, COLS - 4);
	return y;
}

/* One group's rate of redemption as a bar of 100%, with "2 of 4, 50.0%". */
static void
group_line(struct tui *t, int y, int lw, const char *label, const struct coupon_stats_row *r)
{
	char a[32], b[32], rate[32], fig[96];

	text_format_int(r->redeemed, a);
	text_format_int(r->issued, b);
	coupon_stats_rate(r, rate);
	/* TRANSLATORS: redeemed of issued, and the rate: "2 of 4, 50.0%". */
	snprintf(fig, sizeof fig, _("%s of %s, %s"), a, b, rate);
	bar_line(t, y, lw, label, r->redeemed, r->issued, fig, ROLE_GOOD);
}

/* A header and the groups that had coupons, from Y to LAST: the next
 * free row, or Y when not even the header and one group fit. */
static int
draw_groups(struct tui *t, const char *title, const struct coupon_stats_row *rows, size_t n,
	    bool segments, int y, int last, int lw)
{
	int y0 = y;

	for (size_t i = 0; i < n && y + (y == y0) <= last; i++) {
		const char *label = segments ? rfm_segment_label((int)i) :
				    *rows[i].key ? rows[i].key : _("no tier");

		if (!rows[i].issued)
			continue;
		if (y == y0)
			tui_put_role(t, y++, 2, title, COLS - 4, false, ROLE_HEADER);
		group_line(t, y++, lw, label, &rows[i]);
	}
	return y;
}

/* The labels' column: the rules' labels, and the groups' names up to
 * GROUP_COLS. */
static int
chart_width(const struct show *s, int lw)
{
	const struct coupon_stats *st = &s->st;
	int w;

	for (size_t i = 0; i < st->ntiers; i++)
		if (st->tiers[i].issued && (w = text_width(st->tiers[i].key)) > lw)
			lw = w;
	for (int i = 0; i < RFM_SEGMENTS; i++)
		if (st->segments[i].issued && (w = text_width(rfm_segment_label(i))) > lw)
			lw = w;
	return lw < GROUP_COLS ? lw : GROUP_COLS;
}

static void
show_draw(struct tui *t, struct tui_view *v)
{
	struct show *s = v->state;
	int lw = label_width(), last = tui_body_top() + tui_body_rows() - 1, y;

	y = draw_rules(t, s, tui_body_top(), lw);
	lw = chart_width(s, lw);
	if (y + 7 > last + 1)
		return;
	y = draw_coupons(t, s, y + 1, lw);
	if (!s->st.all.issued)
		return;
	y = draw_groups(t, _("Redeemed by tier at issue"), s->st.tiers, s->st.ntiers, false,
			y + 1, last, lw);
	draw_groups(t, _("Redeemed by RFM segment at issue"), s->st.segments, RFM_SEGMENTS,
		    true, y + 1, last, lw);
}

static enum tui_result
show_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct show *s = v->state;

	(void)key;
	if (!tui_campaign_do(t, &s->c, act))
		return TUI_IGNORED;
	if (t->stack[t->depth - 1].state == s)	/* not under the form now */
		show_load(t, s);
	return TUI_HANDLED;
}

static void
show_resume(struct tui *t, struct tui_view *v)
{
	show_load(t, v->state);
}

static void
show_free(struct tui_view *v)
{
	free(v->state);
}

static const enum tui_act show_acts[] = {TUI_CAMPAIGN_ACTS, ACT_NONE};

static const struct tui_screen show_screen = {
	.name = N_("Coupon campaign"),
	.acts = show_acts,
	.draw = show_draw,
	.key = show_key,
	.resume = show_resume,
	.free = show_free,
};

bool
tui_campaign_show_open(struct tui *t, int64_t id)
{
	struct show *s = calloc(1, sizeof *s);

	if (!s) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	s->id = id;
	if (!show_load(t, s)) {
		free(s);
		return false;
	}
	return tui_push(t, &show_screen, s);
}
