/* tui_give.c - a coupon for the member on the card
 *
 * The active campaigns, one a line with the offer and the days its
 * coupons are good for; Enter (or F2) gives the member one of the
 * selected campaign after asking, through coupon_give() with its checks
 * (an active member, the per-member limit, the total), and the card
 * shows the code. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/coupon.h"
#include "core/member.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_campaign.h"
#include "tui/tui_screens.h"

struct give {
	struct member m;
	struct tui_campaign_rows r;	/* the active campaigns */
};

static int
list_rows(void)
{
	return tui_body_rows() - 4;	/* who, a blank, the header, and a line to spare */
}

static void
give_draw(struct tui *t, struct tui_view *v)
{
	struct give *g = v->state;
	struct tui_campaign_rows *r = &g->r;
	int y = tui_body_top(), rows = list_rows(), i, name = 22, offer;
	char who[256], line[200], days[64];

	snprintf(who, sizeof who, _("A coupon for %s  %s: choose the campaign."), g->m.card,
		 g->m.name);
	tui_put_role(t, y, 2, who, COLS - 4, false, ROLE_HEADER);
	if (!r->n) {
		tui_put_role(t, y + 2, 2, _("No campaign is active: make one on the coupons screen."),
			     COLS - 4, false, ROLE_DIM);
		return;
	}
	offer = COLS - 4 - name - 1 - 24 - 1;
	attron(tui_attr(t, ROLE_HEADER));
	tui_put(y + 2, 2, _("Campaign"), name, false);
	tui_put(y + 2, 3 + name, _("Offer"), offer, false);
	tui_put(y + 2, 4 + name + offer, _("Valid"), 24, false);
	attroff(tui_attr(t, ROLE_HEADER));
	tui_campaign_rows_scroll(r, rows);
	for (i = 0; i < rows && (size_t)(r->top + i) < r->n; i++) {
		const struct campaign *c = &r->rows[r->top + i];
		int a = tui_attr(t, r->top + i == r->sel ? ROLE_SELECTED : ROLE_NORMAL);

		campaign_offer(t->md, c, line, sizeof line);
		if (c->valid_days)
			snprintf(days, sizeof days, P_("%d day from today", "%d days from today",
						       c->valid_days), c->valid_days);
		else
			snprintf(days, sizeof days, _("%s to %s"), c->valid_from, c->valid_to);
		attron(a);
		mvhline(y + 3 + i, 0, ' ', COLS);
		tui_put(y + 3 + i, 2, c->name, name, false);
		tui_put(y + 3 + i, 3 + name, line, offer, false);
		tui_put(y + 3 + i, 4 + name + offer, days, 24, false);
		attroff(a);
	}
}

/* Give one of the selected campaign, after asking; back on the card,
 * the code. */
static void
give(struct tui *t, struct give *g)
{
	const struct campaign *c = &g->r.rows[g->r.sel];
	char key[24], offer[200], shown[COUPON_SHOWN_MAX], msg[512];
	struct coupon k;

	campaign_offer(t->md, c, offer, sizeof offer);
	if (!tui_confirm(t, true, _("Give %s a coupon of %s (%s)?"), g->m.name, c->name, offer)) {
		tui_say(t, "%s", _("No coupon was given."));
		return;
	}
	snprintf(key, sizeof key, "%lld", (long long)c->id);
	if (coupon_give(t->md, key, g->m.card, &k)) {
		tui_error(t, "%s", t->md->err);
		return;
	}
	coupon_code_show(k.code, shown);
	/* TRANSLATORS: the code, the member, the campaign, its last day;
	 * one status line of 80 columns. */
	snprintf(msg, sizeof msg, _("Coupon %s given to %s: %s, until %s."), shown, g->m.name,
		 c->name, k.expires);
	tui_pop(t);	/* the card reloads, with the coupon */
	tui_say(t, "%s", msg);
}

static enum tui_result
give_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct give *g = v->state;

	(void)key;
	if (tui_campaign_rows_move(&g->r, act, list_rows()))
		return TUI_HANDLED;
	if (act != ACT_GIVE_THIS)
		return TUI_IGNORED;
	if (g->r.n)
		give(t, g);
	return TUI_HANDLED;
}

static void
give_free(struct tui_view *v)
{
	struct give *g = v->state;

	tui_campaign_rows_free(&g->r);
	free(g);
}

static const enum tui_act give_acts[] = {
	ACT_GIVE_THIS, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END, ACT_NONE
};

static const struct tui_screen give_screen = {
	.name = N_("Give a coupon"),
	.acts = give_acts,
	.draw = give_draw,
	.key = give_key,
	.free = give_free,
};

bool
tui_give_open(struct tui *t, int64_t member_id)
{
	struct give *g = calloc(1, sizeof *g);

	if (!g) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	g->r.active_only = true;
	if (member_get_id(t->md, member_id, &g->m)) {
		tui_error(t, "%s", t->md->err);
		free(g);
		return false;
	}
	if (!tui_campaign_rows_load(t, &g->r)) {
		give_free(&(struct tui_view){&give_screen, g});
		return false;
	}
	return tui_push(t, &give_screen, g);
}
