/* tui_card.c - one member on one screen (a first version) */
#include <config.h>

#include <curses.h>
#include <stdlib.h>

#include "core/member.h"
#include "i18n.h"
#include "tui/tui_screens.h"

struct card {
	int64_t id;
	struct member m;
};

static void
card_draw(struct tui *t, struct tui_view *v)
{
	struct card *c = v->state;
	int y = tui_body_top() + 1;

	tui_put_pair(t, y++, 2, 10, _("Card"), c->m.card, COLS - 4);
	tui_put_pair(t, y++, 2, 10, _("Name"), c->m.name, COLS - 4);
	tui_put_pair(t, y++, 2, 10, _("Phone"), c->m.phone, COLS - 4);
	tui_put_pair(t, y++, 2, 10, _("Tier"), c->m.tier, COLS - 4);
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
	struct card *c = v->state;

	if (member_get_id(t->md, c->id, &c->m))
		tui_error(t, "%s", t->md->err);
}

static void
card_free(struct tui_view *v)
{
	free(v->state);
}

static const enum tui_act card_acts[] = {
	ACT_SELL, ACT_TOPUP, ACT_POINTS, ACT_EDIT, ACT_FREEZE, ACT_SEARCH, ACT_NONE
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
	if (member_get_id(t->md, member_id, &c->m)) {
		tui_error(t, "%s", t->md->err);
		free(c);
		return false;
	}
	return replace ? tui_replace(t, &card_screen, c) : tui_push(t, &card_screen, c);
}
