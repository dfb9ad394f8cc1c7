/* tui_campaign_show.c - one coupon campaign and how it is doing
 *
 * What "coupon campaign show" says, and its coupons as bars sized to
 * the terminal: issued (of the total, when there is one), redeemed, and
 * the rate.  The actions of the list work here too, on this campaign. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/coupon.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_campaign.h"
#include "tui/tui_screens.h"

struct show {
	int64_t id;
	struct campaign c;
	char target[256];
	int64_t reach;
};

static bool
show_load(struct tui *t, struct show *s)
{
	if (campaign_get_id(t->md, s->id, &s->c) ||
	    campaign_target_text(t->md, &s->c, s->target, sizeof s->target) ||
	    coupon_reach(t->md, &s->c, &s->reach)) {
		tui_error(t, "%s", t->md->err);
		return false;
	}
	return true;
}

static const char *const show_labels[] = {
	N_("Offer"), N_("Valid"), N_("Not on"), N_("Target"), N_("Limits"),
	N_("For sale"), N_("Made"), N_("Issued"), N_("Redeemed"), N_("Rate"),
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
	campaign_offer(c, offer, sizeof offer);
	snprintf(line, sizeof line, "%s, %s", campaign_kind_label(c->kind), offer);
	tui_put_pair(t, y++, 2, lw, _("Offer"), line, cols);
	if (c->valid_days)
		snprintf(line, sizeof line, P_("%d day from the day it is issued",
					       "%d days from the day it is issued", c->valid_days),
			 c->valid_days);
	else
		snprintf(line, sizeof line, _("%s to %s"), c->valid_from, c->valid_to);
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

/* A bar and the figure after it. */
static void
bar_line(struct tui *t, int y, int lw, const char *label, int64_t value, int64_t max,
	 const char *figure, enum tui_role role)
{
	enum { FIGURE = 16 };
	int x = 2 + lw + 2, w = COLS - 2 - x - FIGURE - 1;

	tui_put_role(t, y, 2, label, lw, false, ROLE_LABEL);
	tui_put_bar(t, y, x, value, max, w, role);
	tui_put(y, x + w + 1, figure, FIGURE, true);
}

/* Issued and redeemed on one scale (the total, when there is one), the
 * rate on its own (of 100%). */
static void
draw_chart(struct tui *t, const struct show *s, int y, int lw)
{
	const struct campaign *c = &s->c;
	int64_t scale = c->total > c->issued ? c->total : c->issued;
	char a[32], b[32], fig[80];

	tui_put_role(t, y++, 2, _("Coupons"), COLS - 4, false, ROLE_HEADER);
	text_format_int(c->issued, a);
	text_format_int(c->total, b);
	if (c->total)
		snprintf(fig, sizeof fig, _("%s of %s"), a, b);
	else
		snprintf(fig, sizeof fig, "%s", a);
	bar_line(t, y++, lw, _("Issued"), c->issued, scale, fig, ROLE_HEADER);
	text_format_int(c->redeemed, a);
	bar_line(t, y++, lw, _("Redeemed"), c->redeemed, scale, a, ROLE_GOOD);
	tui_campaign_rate(c, fig);
	bar_line(t, y, lw, _("Rate"), c->issued ? c->redeemed : 0, c->issued, fig, ROLE_GOOD);
}

static void
show_draw(struct tui *t, struct tui_view *v)
{
	struct show *s = v->state;
	int lw = label_width(), y;

	y = draw_rules(t, s, tui_body_top(), lw);
	if (y + 5 <= tui_body_top() + tui_body_rows())
		draw_chart(t, s, y + 1, lw);
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
