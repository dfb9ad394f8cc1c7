/* tui_points_office.c - 积分: the points rules, a member's points, the
 * expiry run
 *
 * The owner's side of points: the rules (the points settings, edited
 * in place as on the settings screen), and from here a member's points
 * (asked for by card or phone) and the expiry run with its preview. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/member.h"
#include "i18n.h"
#include "tui/tui_form.h"
#include "tui/tui_screens.h"
#include "tui/tui_settings.h"

static const char *const rules[] = {
	"points_per_yuan", "points_value", "points_cap", "points_on_wallet",
	"points_expiry", "member_day", "member_day_multiplier", "birthday_multiplier",
	"birthday_period", "birthday_points", "referral_points", NULL,
};

static int
panel_rows(void)
{
	return tui_body_rows() - 2;
}

static void
office_draw(struct tui *t, struct tui_view *v)
{
	struct tui_settings *s = v->state;
	char line[512], m[16], x[16];

	/* TRANSLATORS: the keys: F3, F5. */
	snprintf(line, sizeof line, _("The points rules; Enter changes one. %s: a member's points. %s: the expiry run."),
		 tui_act_key(ACT_MEMBER_POINTS, 0, m, sizeof m),
		 tui_act_key(ACT_EXPIRY, 0, x, sizeof x));
	tui_put_role(t, tui_body_top(), 1, line, COLS - 2, false, ROLE_DIM);
	tui_settings_draw(t, s, tui_body_top() + 2, panel_rows());
}

static enum tui_result
office_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct tui_settings *s = v->state;

	if (!s->editing && act == ACT_MEMBER_POINTS)
		return tui_points_ask_open(t), TUI_HANDLED;
	if (!s->editing && act == ACT_EXPIRY)
		return tui_points_expiry_open(t), TUI_HANDLED;
	return tui_settings_key(t, s, key, act, panel_rows());
}

static bool
office_typing(const struct tui_view *v)
{
	const struct tui_settings *s = v->state;

	return s->editing;
}

static void
office_resume(struct tui *t, struct tui_view *v)
{
	tui_settings_load(t, v->state, rules);
}

static void
office_free(struct tui_view *v)
{
	free(v->state);
}

static const enum tui_act office_acts[] = {
	ACT_MEMBER_POINTS, ACT_EXPIRY, TUI_SETTINGS_ACTS, ACT_NONE
};

static const struct tui_screen office_screen = {
	.name = N_("Points"),
	.acts = office_acts,
	.draw = office_draw,
	.key = office_key,
	.typing = office_typing,
	.resume = office_resume,
	.free = office_free,
};

bool
tui_points_office_open(struct tui *t)
{
	struct tui_settings *s = calloc(1, sizeof *s);

	if (!s) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	if (!tui_settings_load(t, s, rules)) {
		free(s);
		return false;
	}
	return tui_push(t, &office_screen, s);
}

/* ---- Which member ------------------------------------------------------------ */

struct ask {
	struct tui_form form;
	struct tui_field key;
};

static int
check_member(struct tui *t, struct tui_field *f, void *arg)
{
	int64_t id;

	(void)arg;
	return member_resolve(t->md, f->edit.buf, &id);
}

static void
ask_draw(struct tui *t, struct tui_view *v)
{
	struct ask *a = v->state;

	tui_put_role(t, tui_body_top(), 2, _("Whose points: the card or the phone number, then Enter."),
		     COLS - 4, false, ROLE_DIM);
	tui_form_draw(t, &a->form, tui_body_top() + 2, 2);
}

static enum tui_result
ask_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct ask *a = v->state;
	int64_t id;

	if (act == ACT_QUIT || act == ACT_HELP || act == ACT_REDRAW)
		return TUI_IGNORED;
	switch (tui_form_key(t, &a->form, key, act)) {
	case FORM_CANCEL:
		tui_pop(t);
		break;
	case FORM_SAVE:
		if (member_resolve(t->md, a->key.edit.buf, &id) == MD_OK)
			tui_points_member_open(t, id, true);
		break;
	default:
		break;
	}
	return TUI_HANDLED;
}

static const enum tui_act ask_acts[] = {ACT_NONE};

static const struct tui_screen ask_screen = {
	.name = N_("Points"),
	.acts = ask_acts,
	.draw = ask_draw,
	.key = ask_key,
	.typing = tui_form_typing,
	.free = tui_form_free,
};

bool
tui_points_ask_open(struct tui *t)
{
	struct ask *a = calloc(1, sizeof *a);

	if (!a) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	a->key = (struct tui_field){.label = N_("Member"), .width = 20, .check = check_member,
				    .hint = N_("card or phone number")};
	a->form.fields = &a->key;
	a->form.n = 1;
	return tui_push(t, &ask_screen, a);
}
