/* tui_operators.c - 操作员: who may sign in, and as what
 *
 * The list "operator list" has: the name, the role, whether the
 * operator may sign in and whether wrong PINs locked them.  From here,
 * as with "operator add|passwd|role|disable|enable", an operator is
 * added (the first of a shop, an owner, too), given a new PIN, made an
 * owner or staff, disabled or enabled again, each change after a
 * question naming who and what.  The core decides who may, keeps the
 * last active owner, and writes the audit rows; a refusal is its
 * message on the status line.  Staff may not see the list: the core
 * says so. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

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

/* Read the operators again, the selection on operator ID when it is
 * still there. */
static bool
load(struct tui *t, struct operators *s, int64_t id)
{
	int i;

	s->l.n = 0;
	if (operator_list(t->md, keep_operator, s)) {
		tui_error(t, "%s", t->md->err);
		return false;
	}
	for (i = 0; i < s->l.n; i++)
		if (s->rows[i].id == id)
			s->l.sel = i;
	tui_list_scroll(&s->l, 0);
	return true;
}

static int
list_rows(void)
{
	return tui_body_rows() - 4;	/* two lines above, a blank, the header */
}

static void
operators_draw(struct tui *t, struct tui_view *v)
{
	struct operators *s = v->state;
	int y = tui_body_top(), rows = list_rows(), i, a;
	char line[512], k[4][16];

	if (s->l.n)
		/* TRANSLATORS: the keys: F2, F4, F5, F8. */
		snprintf(line, sizeof line, _("Who may sign in. %s adds an operator, %s sets a PIN, %s changes a role, %s disables or enables."),
			 tui_act_key(ACT_OPERATOR_NEW, 0, k[0], sizeof k[0]),
			 tui_act_key(ACT_OPERATOR_PIN, 0, k[1], sizeof k[1]),
			 tui_act_key(ACT_OPERATOR_ROLE, 0, k[2], sizeof k[2]),
			 tui_act_key(ACT_OPERATOR_ACTIVE, 0, k[3], sizeof k[3]));
	else
		/* TRANSLATORS: the key: F2. */
		snprintf(line, sizeof line, _("No operators: whoever uses this computer may do everything. %s adds the first, an owner."),
			 tui_act_key(ACT_OPERATOR_NEW, 0, k[0], sizeof k[0]));
	tui_put_wrapped(t, y, 1, line, COLS - 2, 2, ROLE_DIM);
	y += 3;
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

/* operator role: an owner becomes staff, staff an owner. */
static void
change_role(struct tui *t, struct operators *s)
{
	const struct operator *o = &s->rows[s->l.sel];
	enum operator_role to = o->role == OPERATOR_OWNER ? OPERATOR_STAFF : OPERATOR_OWNER;
	int64_t id = o->id;
	char name[sizeof o->name];

	snprintf(name, sizeof name, "%s", o->name);
	if (!tui_confirm(t, false, to == OPERATOR_OWNER ? _("Make %s an owner, who may do everything?")
							: _("Make %s staff, who may do the counter's work only?"),
			 name)) {
		tui_say(t, "%s", _("Nothing changed."));
		return;
	}
	if (operator_set_role(t->md, name, to)) {	/* the last owner: the core says no */
		tui_error(t, "%s", t->md->err);
		return;
	}
	/* Owners only see the list: one who made themselves staff is back
	 * in the office. */
	if (!load(t, s, id))
		tui_pop(t);
	tui_say(t, to == OPERATOR_OWNER ? _("%s is an owner now.") : _("%s is staff now."), name);
}

/* operator disable, or enable. */
static void
toggle_active(struct tui *t, struct operators *s)
{
	const struct operator *o = &s->rows[s->l.sel];
	bool on = !o->active;
	int64_t id = o->id;
	char name[sizeof o->name];

	snprintf(name, sizeof name, "%s", o->name);
	if (!tui_confirm(t, false, on ? _("Enable %s, so that they may sign in again?")
				      : _("Disable %s, so that they may no longer sign in?"), name)) {
		tui_say(t, "%s", _("Nothing changed."));
		return;
	}
	if (operator_set_active(t->md, name, on)) {
		tui_error(t, "%s", t->md->err);
		return;
	}
	tui_say(t, on ? _("%s may sign in again.") : _("%s is disabled: they may no longer sign in."),
		name);
	load(t, s, id);
}

static enum tui_result
operators_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct operators *s = v->state;

	(void)key;
	if (tui_list_move(&s->l, act, list_rows()))
		return TUI_HANDLED;
	if (act == ACT_OPERATOR_NEW) {
		tui_operator_form_open(t, NULL);
		return TUI_HANDLED;
	}
	if (!s->l.n)
		return act == ACT_OPERATOR_PIN || act == ACT_OPERATOR_ROLE ||
		       act == ACT_OPERATOR_ACTIVE ? TUI_HANDLED : TUI_IGNORED;
	switch (act) {
	case ACT_OPERATOR_PIN:
		tui_operator_form_open(t, s->rows[s->l.sel].name);
		break;
	case ACT_OPERATOR_ROLE:
		change_role(t, s);
		break;
	case ACT_OPERATOR_ACTIVE:
		toggle_active(t, s);
		break;
	default:
		return TUI_IGNORED;
	}
	return TUI_HANDLED;
}

/* Back from the form: the new operator is on the list. */
static void
operators_resume(struct tui *t, struct tui_view *v)
{
	struct operators *s = v->state;

	load(t, s, s->l.n ? s->rows[s->l.sel].id : 0);
}

static void
operators_free(struct tui_view *v)
{
	struct operators *s = v->state;

	free(s->rows);
	free(s);
}

static const enum tui_act operators_acts[] = {
	ACT_OPERATOR_NEW, ACT_OPERATOR_PIN, ACT_OPERATOR_ROLE, ACT_OPERATOR_ACTIVE,
	TUI_LIST_ACTS, ACT_NONE
};

static const struct tui_screen operators_screen = {
	.name = N_("Operators"),
	.acts = operators_acts,
	.draw = operators_draw,
	.key = operators_key,
	.resume = operators_resume,
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
	if (!load(t, s, 0)) {
		operators_free(&(struct tui_view){&operators_screen, s});
		return false;
	}
	return tui_push(t, &operators_screen, s);
}
