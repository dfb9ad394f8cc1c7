/* tui_help.c - F1: the keys of the screen below, from the action table */
#include <config.h>

#include <curses.h>
#include <stdlib.h>

#include "core/text.h"
#include "i18n.h"
#include "tui/tui_screens.h"

#define HELP_LINES 64

struct help {
	const struct tui_screen *of;
	enum tui_act acts[HELP_LINES];	/* ACT_NONE: a blank or a heading */
	const char *heading[HELP_LINES];
	int n, top;
};

static void
add(struct help *h, enum tui_act act, const char *heading)
{
	if (h->n == HELP_LINES)
		return;
	h->acts[h->n] = act;
	h->heading[h->n] = heading;
	h->n++;
}

static void
help_draw(struct tui *t, struct tui_view *v)
{
	struct help *h = v->state;
	const struct tui_action *a;
	char keys[128];
	int rows = tui_body_rows(), y, i, kw = 0;

	for (i = 0; i < h->n; i++)	/* the keys' column: as wide as needed */
		if (!h->heading[i] && h->acts[i] != ACT_NONE) {
			tui_action_keys(tui_action_get(h->acts[i]), keys, sizeof keys);
			if (text_width(keys) + 2 > kw)
				kw = text_width(keys) + 2;
		}
	if (h->top > h->n - rows)
		h->top = h->n - rows > 0 ? h->n - rows : 0;
	for (y = 0, i = h->top; i < h->n && y < rows; i++, y++) {
		if (h->heading[i]) {
			tui_put_role(t, tui_body_top() + y, 1, _(h->heading[i]),
				     COLS - 2, false, ROLE_HEADER);
			continue;
		}
		if (h->acts[i] == ACT_NONE)
			continue;
		a = tui_action_get(h->acts[i]);
		tui_action_keys(a, keys, sizeof keys);
		tui_put_role(t, tui_body_top() + y, 3, keys, kw, false, ROLE_KEY);
		tui_put(tui_body_top() + y, 3 + kw, _(a->help), COLS - 4 - kw, false);
	}
}

static enum tui_result
help_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct help *h = v->state;
	int page = tui_body_rows();

	(void)key;
	switch (act) {
	case ACT_UP:
		h->top -= h->top > 0;
		break;
	case ACT_DOWN:
		h->top++;
		break;
	case ACT_PGUP:
		h->top = h->top > page ? h->top - page : 0;
		break;
	case ACT_PGDN:
		h->top += page;
		break;
	case ACT_HOME:
		h->top = 0;
		break;
	case ACT_END:
		h->top = h->n;
		break;
	case ACT_HELP:
	case ACT_QUIT:		/* q leaves the help, not the program */
		if (key == TK(KEY_F(10)))
			return TUI_IGNORED;
		tui_pop(t);
		break;
	default:
		return TUI_IGNORED;
	}
	return TUI_HANDLED;
}

static void
help_free(struct tui_view *v)
{
	free(v->state);
}

static const enum tui_act help_acts[] = {
	ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END, ACT_NONE
};

static const struct tui_screen help_screen = {
	.name = N_("Help"),
	.acts = help_acts,
	.draw = help_draw,
	.key = help_key,
	.free = help_free,
};

bool
tui_help_open(struct tui *t, const struct tui_screen *scr)
{
	static const enum tui_act frame[] = {
		ACT_HELP, ACT_BACK, ACT_QUIT, ACT_REDRAW, ACT_NONE
	};
	const enum tui_act *p, *edit;
	struct help *h;
	size_t n, i;

	if (scr == &help_screen)
		return false;
	if (!(h = calloc(1, sizeof *h))) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	h->of = scr;
	add(h, ACT_NONE, scr->name);
	for (p = scr->acts; *p != ACT_NONE; p++)
		add(h, *p, NULL);
	for (p = frame; *p != ACT_NONE; p++)
		add(h, *p, NULL);
	if (scr->typing) {
		/* No blank line before: at 24 lines the editing keys fit. */
		add(h, ACT_NONE, N_("Typing in a field"));
		edit = tui_edit_actions(&n);
		for (i = 0; i < n; i++)
			add(h, edit[i], NULL);
	}
	return tui_push(t, &help_screen, h);
}
