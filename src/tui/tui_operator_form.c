/* tui_operator_form.c - an operator added, and an operator's new PIN
 *
 * What "operator add" and "operator passwd" ask: a name and a role,
 * the PIN twice.  The PINs show as stars; each is checked with the
 * core's PIN rule when it is left, and the two are compared before the
 * core is called, as the command compares them.  The core decides who
 * may, and says no in its words; the form keeps what was typed.
 *
 * The first operator of a shop, an owner, may be added here as with the
 * command; the screens then sign in as them (operator_login), since a
 * shop with operators is never worked by nobody. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/operator.h"
#include "i18n.h"
#include "tui/tui_form.h"
#include "tui/tui_screens.h"

enum { F_NAME, F_ROLE, F_PIN, F_AGAIN, F_COUNT };

struct oform {
	struct tui_form form;	/* first: tui_form_typing() and friends */
	struct tui_field fields[F_COUNT];
	char name[64];		/* whose PIN; "" when adding */
};

/* In the order of the choice: index + OPERATOR_STAFF is the role. */
static const char *const roles[] = {N_("staff"), N_("owner"), NULL};

static int
check_pin(struct tui *t, struct tui_field *f, void *arg)
{
	(void)arg;
	return operator_check_pin(t->md, f->edit.buf);
}

/* The second PIN against the first, as "operator add" compares them. */
static int
check_again(struct tui *t, struct tui_field *f, void *arg)
{
	const struct oform *o = arg;

	if (strcmp(f->edit.buf, o->fields[F_PIN].edit.buf))
		return md_fail(t->md, MD_EINVAL, "%s", _("the two PINs differ: nothing was changed"));
	return MD_OK;
}

static void
oform_draw(struct tui *t, struct tui_view *v)
{
	struct oform *o = v->state;
	int y = tui_body_top();
	char intro[256];

	if (*o->name)
		snprintf(intro, sizeof intro, _("A new PIN for %s: 4 to 8 digits, typed twice."),
			 o->name);
	else
		snprintf(intro, sizeof intro, "%s",
			 _("A new operator: an owner may do everything, staff the counter's work."));
	tui_put_wrapped(t, y, 2, intro, COLS - 4, 2, ROLE_DIM);
	tui_form_draw(t, &o->form, y + 3, 2);
}

static const char *
pin_of(const struct oform *o)
{
	return o->fields[F_PIN].edit.buf;
}

/* operator add: the first operator signs the screens in. */
static int
add(struct tui *t, struct oform *o, char *done, size_t n)
{
	const char *name = o->fields[F_NAME].edit.buf;
	enum operator_role role = (enum operator_role)(OPERATOR_STAFF + o->fields[F_ROLE].choice);
	bool nobody = t->md->role == OPERATOR_NOBODY;
	int rc;

	if ((rc = operator_add(t->md, name, role, pin_of(o))))
		return rc;
	if (nobody) {
		if ((rc = operator_login(t->md, name, pin_of(o))))
			return rc;
		tui_lock_init(t);
		snprintf(done, n, _("Operator %s added (%s); the screens are signed in as %s now."),
			 name, role_label(role), name);
	} else {
		snprintf(done, n, _("Operator %s added (%s)."), name, role_label(role));
	}
	return MD_OK;
}

static void
save(struct tui *t, struct oform *o)
{
	char done[512];
	int rc;

	/* tui_form_check compared them; once more, before the core. */
	if (strcmp(pin_of(o), o->fields[F_AGAIN].edit.buf)) {
		tui_error(t, "%s", _("the two PINs differ: nothing was changed"));
		return;
	}
	if (*o->name) {
		rc = operator_passwd(t->md, o->name, pin_of(o));
		snprintf(done, sizeof done, _("PIN of %s changed."), o->name);
	} else {
		rc = add(t, o, done, sizeof done);
	}
	if (rc) {
		tui_error(t, "%s", t->md->err);	/* the form keeps what was typed */
		return;
	}
	tui_pop(t);
	tui_say(t, "%s", done);
}

static enum tui_result
oform_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct oform *o = v->state;

	if (act == ACT_QUIT || act == ACT_HELP || act == ACT_REDRAW)
		return TUI_IGNORED;
	switch (tui_form_key(t, &o->form, key, act)) {
	case FORM_CANCEL:
		tui_pop(t);
		tui_say(t, "%s", _("Nothing changed."));
		break;
	case FORM_SAVE:
		save(t, o);
		break;
	default:
		break;
	}
	return TUI_HANDLED;
}

/* The PINs do not stay in freed memory. */
static void
oform_free(struct tui_view *v)
{
	sodium_memzero(v->state, sizeof (struct oform));
	free(v->state);
}

static const enum tui_act oform_acts[] = {ACT_SAVE, ACT_NEXT, ACT_PREV, ACT_NONE};

static const struct tui_screen oform_screen = {
	.name = N_("Operator"),
	.acts = oform_acts,
	.draw = oform_draw,
	.key = oform_key,
	.typing = tui_form_typing,
	.dirty = tui_form_dirty,
	.free = oform_free,
};

/* NAME's new PIN, or a new operator when NAME is NULL. */
bool
tui_operator_form_open(struct tui *t, const char *name)
{
	struct oform *o;

	if (name && operator_may_passwd(t->md, name)) {
		tui_error(t, "%s", t->md->err);
		return false;
	}
	if (!(o = calloc(1, sizeof *o))) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	o->fields[F_NAME] = (struct tui_field){.label = N_("Name"), .width = OPERATOR_NAME_MAX + 2};
	o->fields[F_ROLE] = (struct tui_field){.label = N_("Role"), .kind = FIELD_CHOICE,
					       .choices = roles, .width = 12,
					       .hint = N_("Space or Left/Right chooses")};
	/* The first operator must be an owner: start there in an empty shop. */
	o->fields[F_ROLE].choice = t->md->role == OPERATOR_NOBODY ? 1 : 0;
	o->fields[F_PIN] = (struct tui_field){.label = N_("PIN"), .width = 10, .check = check_pin,
					      .hint = N_("4 to 8 digits")};
	o->fields[F_AGAIN] = (struct tui_field){.label = N_("PIN again"), .width = 10,
						.check = check_again};
	o->fields[F_PIN].edit.secret = o->fields[F_AGAIN].edit.secret = true;
	o->form.fields = o->fields;
	o->form.n = F_COUNT;
	o->form.arg = o;
	if (name) {	/* the PIN form: the last two fields only */
		snprintf(o->name, sizeof o->name, "%s", name);
		o->form.fields = &o->fields[F_PIN];
		o->form.n = 2;
	}
	return tui_push(t, &oform_screen, o);
}
