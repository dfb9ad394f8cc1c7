/* tui_settings.c - 设置: every setting, edited in place with the core's
 * checks
 *
 * The panel (tui_settings.h) serves this screen, which lists every
 * setting of "settings show", and the points screen. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "i18n.h"
#include "tui/tui_screens.h"
#include "tui/tui_settings.h"

bool
tui_settings_load(struct tui *t, struct tui_settings *s, const char *const *keys)
{
	const struct setting_def *defs;
	size_t n, i;
	int k;

	if (keys) {
		for (s->l.n = 0; keys[s->l.n] && s->l.n < TUI_SETTINGS_MAX; s->l.n++)
			s->defs[s->l.n] = settings_find(keys[s->l.n]);
	} else {
		defs = settings_defs(&n);
		for (i = s->l.n = 0; i < n && s->l.n < TUI_SETTINGS_MAX; i++)
			if (!defs[i].hidden)
				s->defs[s->l.n++] = &defs[i];
	}
	for (k = 0; k < s->l.n; k++)
		if (settings_get(t->md, s->defs[k]->key, s->values[k])) {
			tui_error(t, "%s", t->md->err);
			return false;
		}
	return true;
}

static int
key_cols(const struct tui_settings *s)
{
	int i, w = text_width(_("Setting"));

	for (i = 0; i < s->l.n; i++)
		if (text_width(s->defs[i]->key) > w)
			w = text_width(s->defs[i]->key);
	return w;
}

void
tui_settings_draw(struct tui *t, struct tui_settings *s, int y, int rows)
{
	const struct setting_def *d;
	int kw = key_cols(s), vx, list = rows - 4, i, a;
	char line[1024];

	vx = 2 + kw + 2;
	tui_put_role(t, y, 2, _("Setting"), kw, false, ROLE_HEADER);
	tui_put_role(t, y, vx, _("Value"), COLS - vx - 1, false, ROLE_HEADER);
	tui_list_scroll(&s->l, list);
	for (i = 0; i < list && s->l.top + i < s->l.n; i++) {
		int k = s->l.top + i;

		a = tui_attr(t, k == s->l.sel ? ROLE_SELECTED : ROLE_NORMAL);
		attron(a);
		mvhline(y + 1 + i, 0, ' ', COLS);
		tui_put(y + 1 + i, 2, s->defs[k]->key, kw, false);
		if (!(s->editing && k == s->l.sel))
			tui_put(y + 1 + i, vx, s->values[k], COLS - vx - 1, false);
		attroff(a);
		if (s->editing && k == s->l.sel)
			tui_edit_draw(t, &s->edit, y + 1 + i, vx, COLS - vx - 1,
				      tui_attr(t, ROLE_FIELD), true);
	}
	if (!s->l.n)
		return;
	/* What the selected setting is, and what it is when never set. */
	d = s->defs[s->l.sel];
	y += rows - 3;
	if (s->editing && *s->err) {
		tui_put_wrapped(t, y, 2, s->err, COLS - 4, 3, ROLE_ERROR);
		return;
	}
	snprintf(line, sizeof line, _("%s (default: %s)"), _(d->help),
		 *d->def ? d->def : _("empty"));
	tui_put_wrapped(t, y, 2, line, COLS - 4, 3, ROLE_DIM);
}

static void
save(struct tui *t, struct tui_settings *s)
{
	const struct setting_def *d = s->defs[s->l.sel];

	if (settings_set(t->md, d->key, s->edit.buf)) {
		snprintf(s->err, sizeof s->err, "%s", t->md->err);
		tui_error(t, "%s", t->md->err);	/* the field keeps what was typed */
		return;
	}
	s->editing = false;
	s->err[0] = '\0';
	if (settings_get(t->md, d->key, s->values[s->l.sel]))
		tui_error(t, "%s", t->md->err);
	else
		tui_say(t, _("%s is %s now."), d->key, s->values[s->l.sel]);
	if (!strcmp(d->key, "shop_name"))	/* the title bar has it */
		snprintf(t->shop, sizeof t->shop, "%s", s->values[s->l.sel]);
}

enum tui_result
tui_settings_key(struct tui *t, struct tui_settings *s, int key, enum tui_act act,
		 int rows)
{
	bool changed;

	if (!s->editing) {
		if (tui_list_move(&s->l, act, rows - 4))
			return TUI_HANDLED;
		if (act != ACT_SETTING_EDIT || !s->l.n)
			return TUI_IGNORED;
		s->editing = true;
		s->err[0] = '\0';
		tui_edit_set(&s->edit, s->values[s->l.sel]);
		return TUI_HANDLED;
	}
	if (act == ACT_BACK) {
		s->editing = false;
		tui_say(t, _("%s is unchanged."), s->defs[s->l.sel]->key);
		return TUI_HANDLED;
	}
	if (key == '\r' || key == '\n' || key == TK(KEY_ENTER)) {
		save(t, s);
		return TUI_HANDLED;
	}
	if (act == ACT_QUIT || act == ACT_HELP || act == ACT_REDRAW)
		return TUI_IGNORED;
	if (tui_edit_key(&s->edit, key, &changed) && changed)
		s->err[0] = '\0';
	return TUI_HANDLED;
}

/* ---- The settings screen ------------------------------------------------- */

struct settings_view {
	struct tui_settings s;
};

static int
panel_rows(void)
{
	return tui_body_rows() - 2;
}

static void
settings_draw(struct tui *t, struct tui_view *v)
{
	struct settings_view *sv = v->state;

	tui_put_role(t, tui_body_top(), 1,
		     _("Enter changes the selected setting; Enter again saves it, Esc keeps it."),
		     COLS - 2, false, ROLE_DIM);
	tui_settings_draw(t, &sv->s, tui_body_top() + 2, panel_rows());
}

static enum tui_result
settings_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct settings_view *sv = v->state;

	return tui_settings_key(t, &sv->s, key, act, panel_rows());
}

static bool
settings_typing(const struct tui_view *v)
{
	const struct settings_view *sv = v->state;

	return sv->s.editing;
}

static void
settings_free(struct tui_view *v)
{
	free(v->state);
}

static const enum tui_act settings_acts[] = {TUI_SETTINGS_ACTS, ACT_NONE};

static const struct tui_screen settings_screen = {
	.name = N_("Settings"),
	.acts = settings_acts,
	.draw = settings_draw,
	.key = settings_key,
	.typing = settings_typing,
	.free = settings_free,
};

bool
tui_settings_open(struct tui *t)
{
	struct settings_view *sv = calloc(1, sizeof *sv);

	if (!sv) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	if (!tui_settings_load(t, &sv->s, NULL)) {
		free(sv);
		return false;
	}
	return tui_push(t, &settings_screen, sv);
}
