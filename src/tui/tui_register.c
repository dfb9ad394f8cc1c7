/* tui_register.c - 新会员: register a walk-in customer at the counter
 *
 * Phone, name and birthday come first: with them the customer is a
 * member, and Enter through the rest saves.  A phone that is already
 * someone's is caught as soon as the field is left, with the offer to
 * open that member instead. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/coupon_auto.h"
#include "core/member.h"
#include "i18n.h"
#include "tui/tui_form.h"
#include "tui/tui_member_form.h"
#include "tui/tui_screens.h"

enum {
	F_PHONE, F_NAME, F_BIRTHDAY, F_GENDER, F_REFERRER, F_TAGS, F_NOTE,
	F_COUNT
};

static const char *const genders[] = {
	N_("unknown"), N_("male"), N_("female"), NULL
};

struct reg {
	struct tui_form form;
	struct tui_field fields[F_COUNT];
	int64_t existing;	/* the member the phone belongs to, when asked */
	bool ask_open;
};

static int
check_phone(struct tui *t, struct tui_field *f, void *arg)
{
	struct reg *r = arg;
	char phone[PHONE_MAX];
	int rc;

	if (!*f->edit.buf)	/* whether one is required is member_add's */
		return MD_OK;
	if ((rc = member_check_phone(t->md, f->edit.buf, phone)))
		return rc;
	rc = member_check_phone_free(t->md, phone, 0);
	if (rc == MD_ECONFLICT && !r->ask_open &&
	    member_resolve(t->md, phone, &r->existing) == MD_OK) {
		r->ask_open = true;
		/* member_resolve() succeeded: say the conflict again. */
		member_check_phone_free(t->md, phone, 0);
	}
	return rc;
}

static int
check_referrer(struct tui *t, struct tui_field *f, void *arg)
{
	int64_t id;

	(void)arg;
	return *f->edit.buf ? member_resolve(t->md, f->edit.buf, &id) : MD_OK;
}

static void
reg_draw(struct tui *t, struct tui_view *v)
{
	struct reg *r = v->state;
	int y = tui_body_top() + 1;
	char line[256], next[16], save[16];

	/* TRANSLATORS: the keys: "... Enter moves on, F2 saves." */
	snprintf(line, sizeof line,
		 _("New member: phone, name and birthday are enough; %s moves on, %s saves."),
		 tui_act_key(ACT_OPEN, 0, next, sizeof next),
		 tui_act_key(ACT_SAVE, 0, save, sizeof save));
	tui_put_role(t, y, 2, line, COLS - 4, false, ROLE_DIM);
	tui_form_draw(t, &r->form, y + 2, 2);
}

/* An empty optional field is one not given, as on the command line. */
static const char *
given(const struct tui_form *f, int i)
{
	return *tui_form_text(f, i) ? tui_form_text(f, i) : NULL;
}

static void
save(struct tui *t, struct reg *r)
{
	char tags[MEMBER_TAGS_MAX][MEMBER_TAG_MAX], card[CARD_MAX];
	const char *tagp[MEMBER_TAGS_MAX];
	struct member_input in = {0};
	struct tui_form *f = &r->form;
	char name[MEMBER_NAME_MAX], shown[COUPON_SHOWN_MAX];
	struct coupon welcome;
	bool welcomed;
	int64_t id;
	size_t i;

	in.phone = given(f, F_PHONE);
	in.name = tui_form_text(f, F_NAME);
	in.birthday = given(f, F_BIRTHDAY);
	in.gender = (const char *[]){"", "male", "female"}[f->fields[F_GENDER].choice];
	in.referrer = given(f, F_REFERRER);
	in.note = given(f, F_NOTE);
	if (member_split_tags(t->md, tui_form_text(f, F_TAGS), tags, &in.ntags)) {
		tui_error(t, "%s", t->md->err);
		return;
	}
	for (i = 0; i < in.ntags; i++)
		tagp[i] = tags[i];
	in.tags = tagp;
	if (coupon_auto_member_add(t->md, &in, card, &welcome, &welcomed) ||
	    member_resolve(t->md, card, &id)) {
		tui_error(t, "%s", t->md->err);	/* the form keeps what was typed */
		return;
	}
	member_check_name(t->md, in.name, name);
	if (!tui_card_open(t, id, true))
		return;
	if (welcomed) {
		coupon_code_show(welcome.code, shown);
		tui_say(t, _("Registered %s: card %s; welcome coupon %s"), name, card, shown);
	} else {
		tui_say(t, _("Registered %s: card %s"), name, card);
	}
}

static enum tui_result
reg_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct reg *r = v->state;
	struct member m;
	int64_t id;

	if (act == ACT_QUIT || act == ACT_HELP || act == ACT_REDRAW)
		return TUI_IGNORED;
	switch (tui_form_key(t, &r->form, key, act)) {
	case FORM_CANCEL:
		tui_pop(t);
		tui_say(t, "%s", _("Registration cancelled: nothing was saved."));
		return TUI_HANDLED;
	case FORM_SAVE:
		save(t, r);
		return TUI_HANDLED;
	default:
		break;
	}
	if (r->ask_open) {
		r->ask_open = false;
		id = r->existing;
		if (member_get_id(t->md, id, &m) == MD_OK &&
		    tui_confirm(t, false, _("That phone is %s's (card %s). Open that member?"),
				m.name, m.card)) {
			tui_card_open(t, id, true);
			return TUI_HANDLED;
		}
		r->form.focus = F_PHONE;
		tui_error(t, "%s", r->fields[F_PHONE].err);
	}
	return TUI_HANDLED;
}

static const enum tui_act reg_acts[] = {ACT_SAVE, ACT_NEXT, ACT_PREV, ACT_NONE};

static const struct tui_screen reg_screen = {
	.name = N_("New member"),
	.acts = reg_acts,
	.draw = reg_draw,
	.key = reg_key,
	.typing = tui_form_typing,
	.dirty = tui_form_dirty,
	.free = tui_form_free,
};

bool
tui_register_open(struct tui *t)
{
	struct reg *r = calloc(1, sizeof *r);
	struct tui_field *f;

	if (!r) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	f = r->fields;
	f[F_PHONE] = (struct tui_field){.label = N_("Phone"), .width = 16,
					.check = check_phone};
	f[F_NAME] = (struct tui_field){.label = N_("Name"), .width = 34,
				       .check = tui_check_name};
	f[F_BIRTHDAY] = (struct tui_field){.label = N_("Birthday"), .width = 12,
					   .check = tui_check_birthday,
					   .hint = N_("YYYY-MM-DD or MM-DD")};
	f[F_GENDER] = (struct tui_field){.label = N_("Gender"), .width = 12,
					 .kind = FIELD_CHOICE, .choices = genders};
	f[F_REFERRER] = (struct tui_field){.label = N_("Referrer"), .width = 16,
					   .check = check_referrer,
					   .hint = N_("card or phone")};
	f[F_TAGS] = (struct tui_field){.label = N_("Tags"), .width = 30,
				       .check = tui_check_tags,
				       .hint = N_("separated by commas")};
	f[F_NOTE] = (struct tui_field){.label = N_("Note"), .width = 50,
				       .check = tui_check_note};
	r->form.fields = r->fields;
	r->form.n = F_COUNT;
	r->form.arg = r;
	return tui_push(t, &reg_screen, r);
}
