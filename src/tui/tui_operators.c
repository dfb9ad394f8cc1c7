/* tui_operators.c - 操作员: who may sign in, and as what
 *
 * A list for now, as "operator list" has it: the name, the role,
 * whether the operator may sign in and whether wrong PINs locked them.
 * Adding operators and setting PINs stay commands (operator add,
 * operator passwd), which ask for the PIN without showing it.  Staff
 * may not see the list: the core says so on the status line. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>

#include "core/operator.h"
#include "i18n.h"
#include "tui/tui_list.h"
#include "tui/tui_screens.h"

struct operators {
	struct tui_list l;
	struct md *md;
	struct operator *rows;
	size_t cap;
};

static int
keep_operator(void *arg, const struct operator *o)
{
	struct operators *s = arg;

	if (!md_grow(s->md, &s->rows, &s->cap, (size_t)s->l.n, sizeof *s->rows))
		return MD_ENOMEM;
	s->rows[s->l.n++] = *o;
	return MD_OK;
}

static int
list_rows(void)
{
	return tui_body_rows() - 3;
}

static void
operators_draw(struct tui *t, struct tui_view *v)
{
	struct operators *s = v->state;
	int y = tui_body_top(), rows = list_rows(), i, a;

	tui_put_role(t, y, 1, s->l.n ?
		     _("Who may sign in. memberdesk operator add and operator passwd change them.") :
		     _("No operators: whoever uses this computer may do everything. memberdesk operator add makes the first, an owner."),
		     COLS - 2, false, ROLE_DIM);
	y += 2;
	tui_put_role(t, y, 1, _("Operator"), OPERATOR_NAME_MAX, false, ROLE_HEADER);
	tui_put_role(t, y, 34, _("Role"), 10, false, ROLE_HEADER);
	tui_put_role(t, y, 45, _("Status"), COLS - 46, false, ROLE_HEADER);
	tui_list_scroll(&s->l, rows);
	for (i = 0; i < rows && s->l.top + i < s->l.n; i++) {
		const struct operator *o = &s->rows[s->l.top + i];
		char status[64];

		if (!o->active)
			snprintf(status, sizeof status, "%s", _("disabled"));
		else if (*o->locked_until)
			snprintf(status, sizeof status, _("locked until %s"), o->locked_until);
		else
			snprintf(status, sizeof status, "%s", _("may sign in"));
		a = tui_attr(t, s->l.top + i == s->l.sel ? ROLE_SELECTED : ROLE_NORMAL);
		attron(a);
		mvhline(y + 1 + i, 0, ' ', COLS);
		tui_put(y + 1 + i, 1, o->name, OPERATOR_NAME_MAX, false);
		tui_put(y + 1 + i, 34, role_label(o->role), 10, false);
		tui_put(y + 1 + i, 45, status, COLS - 46, false);
		attroff(a);
	}
}

static enum tui_result
operators_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct operators *s = v->state;

	(void)t;
	(void)key;
	return tui_list_move(&s->l, act, list_rows()) ? TUI_HANDLED : TUI_IGNORED;
}

static void
operators_free(struct tui_view *v)
{
	struct operators *s = v->state;

	free(s->rows);
	free(s);
}

static const enum tui_act operators_acts[] = {TUI_LIST_ACTS, ACT_NONE};

static const struct tui_screen operators_screen = {
	.name = N_("Operators"),
	.acts = operators_acts,
	.draw = operators_draw,
	.key = operators_key,
	.free = operators_free,
};

bool
tui_operators_open(struct tui *t)
{
	struct operators *s = calloc(1, sizeof *s);

	if (!s) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	s->md = t->md;
	if (operator_list(t->md, keep_operator, s)) {
		tui_error(t, "%s", t->md->err);
		operators_free(&(struct tui_view){&operators_screen, s});
		return false;
	}
	return tui_push(t, &operators_screen, s);
}
