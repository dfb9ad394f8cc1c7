/* tui_form.c - labelled fields with inline checks */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "i18n.h"
#include "tui/tui_form.h"

const char *
tui_form_text(const struct tui_form *f, int i)
{
	return f->fields[i].edit.buf;
}

/* Check field I; its message (or nothing) goes next to it and, when it
 * fails, to the status line as well. */
static bool
check_field(struct tui *t, struct tui_form *f, int i)
{
	struct tui_field *fl = &f->fields[i];

	fl->err[0] = '\0';
	if (fl->hidden || !fl->check || fl->check(t, fl, f->arg) == MD_OK)
		return true;
	text_copy(fl->err, sizeof fl->err, t->md->err);
	tui_error(t, "%s: %s", _(fl->label), fl->err);
	return false;
}

bool
tui_form_check(struct tui *t, struct tui_form *f)
{
	int i;

	for (i = 0; i < f->n; i++)
		if (!check_field(t, f, i)) {
			f->focus = i;
			return false;
		}
	return true;
}

/* The next field from I shown, in direction BY (1 or -1); -1 when none. */
static int
shown_from(const struct tui_form *f, int i, int by)
{
	while (i >= 0 && i < f->n && f->fields[i].hidden)
		i += by;
	return i >= 0 && i < f->n ? i : -1;
}

static enum tui_form_event
move_to(struct tui *t, struct tui_form *f, int to)
{
	to = shown_from(f, to, to < f->focus ? -1 : 1);
	if (to < 0)
		return FORM_NONE;
	if (check_field(t, f, f->focus) && !f->fields[to].err[0])
		t->status[0] = '\0';
	f->focus = to;
	return FORM_MOVED;
}

static enum tui_form_event
choice_key(struct tui_field *fl, int key)
{
	int n = 0;

	while (fl->choices[n])
		n++;
	if (key == ' ' || key == TK(KEY_RIGHT))
		fl->choice = (fl->choice + 1) % n;
	else if (key == TK(KEY_LEFT))
		fl->choice = (fl->choice + n - 1) % n;
	else
		return FORM_NONE;
	fl->err[0] = '\0';
	return FORM_CHANGED;
}

enum tui_form_event
tui_form_key(struct tui *t, struct tui_form *f, int key, enum tui_act act)
{
	struct tui_field *fl = &f->fields[f->focus];
	enum tui_form_event ev;
	bool changed;

	switch (act) {
	case ACT_SAVE:
		return tui_form_check(t, f) ? FORM_SAVE : FORM_NONE;
	case ACT_NEXT:
		return move_to(t, f, f->focus + 1);
	case ACT_PREV:
		return move_to(t, f, f->focus - 1);
	case ACT_BACK:
		return FORM_CANCEL;
	default:
		break;
	}
	if (key == '\r' || key == '\n' || key == TK(KEY_ENTER)) {
		if (shown_from(f, f->focus + 1, 1) >= 0)
			return move_to(t, f, f->focus + 1);
		return tui_form_check(t, f) ? FORM_SAVE : FORM_NONE;
	}
	if (fl->kind == FIELD_CHOICE) {
		ev = choice_key(fl, key);
	} else {
		if (!tui_edit_key(&fl->edit, key, &changed))
			return FORM_NONE;
		ev = changed ? FORM_CHANGED : FORM_MOVED;
		if (changed)
			fl->err[0] = '\0';
	}
	if (ev == FORM_CHANGED)
		f->dirty = true;
	return ev;
}

static int
label_width(const struct tui_form *f)
{
	int i, w = 0;

	for (i = 0; i < f->n; i++)
		if (text_width(_(f->fields[i].label)) > w)
			w = text_width(_(f->fields[i].label));
	return w;
}

static void
draw_choice(struct tui *t, const struct tui_field *fl, int y, int x, int width,
	    bool focus)
{
	char buf[256];
	int a = tui_attr(t, focus ? ROLE_SELECTED : ROLE_FIELD);

	snprintf(buf, sizeof buf, "< %s >",
		 fl->literal ? fl->choices[fl->choice] : _(fl->choices[fl->choice]));
	attron(a);
	tui_put(y, x, buf, width, false);
	attroff(a);
	if (focus) {
		t->cursor_y = y;
		t->cursor_x = x;
	}
}

int
tui_form_draw(struct tui *t, struct tui_form *f, int y, int x)
{
	int lw = label_width(f), i, w, bx, rest;
	const struct tui_field *fl;

	for (i = 0; i < f->n; i++) {
		fl = &f->fields[i];
		if (fl->hidden)
			continue;
		bx = x + lw + 2;
		w = fl->width ? fl->width : 30;
		if (bx + w > COLS - 1)
			w = COLS - 1 - bx;
		tui_put_role(t, y, x, _(fl->label), lw, false,
			     i == f->focus ? ROLE_HEADER : ROLE_LABEL);
		if (fl->kind == FIELD_CHOICE)
			draw_choice(t, fl, y, bx, w, i == f->focus);
		else
			tui_edit_draw(t, &f->fields[i].edit, y, bx, w,
				      tui_attr(t, ROLE_FIELD), i == f->focus);
		rest = COLS - (bx + w + 1);
		if (rest > 0 && fl->err[0])
			tui_put_role(t, y, bx + w + 1, fl->err, rest, false, ROLE_ERROR);
		else if (rest > 0 && fl->hint)
			tui_put_role(t, y, bx + w + 1, _(fl->hint), rest, false,
				     ROLE_DIM);
		y++;
	}
	return y;
}

bool
tui_form_typing(const struct tui_view *v)
{
	(void)v;
	return true;
}

const char *
tui_form_input_name(void *arg, const char *option)
{
	const struct tui *t = arg;
	const struct tui_view *v = t->depth ? &t->stack[t->depth - 1] : NULL;
	const struct tui_form *f;

	if (!v || v->scr->typing != tui_form_typing)
		return NULL;
	f = v->state;
	for (int i = 0; i < f->n; i++)
		if (f->fields[i].option && !strcmp(f->fields[i].option, option))
			return _(f->fields[i].label);
	return NULL;
}

bool
tui_form_dirty(const struct tui_view *v)
{
	const struct tui_form *f = v->state;

	return f->dirty;
}

void
tui_form_free(struct tui_view *v)
{
	free(v->state);
}
