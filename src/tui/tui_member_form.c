/* tui_member_form.c - a form about one member, opened from the card */
#include <config.h>

#include <curses.h>
#include <stdlib.h>

#include "core/money.h"
#include "core/payment.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_member_form.h"
#include "tui/tui_screens.h"

const enum tui_act tui_member_form_acts[] = {ACT_SAVE, ACT_NEXT, ACT_PREV, ACT_NONE};

bool
tui_member_form_open(struct tui *t, int64_t member_id,
		     const struct tui_screen *scr, const struct member_form_ops *ops)
{
	struct member_form *f = calloc(1, sizeof *f);

	if (!f) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	if (member_get_id(t->md, member_id, &f->m)) {
		tui_error(t, "%s", t->md->err);
		free(f);
		return false;
	}
	f->ops = ops;
	f->form.fields = f->fields;
	f->form.arg = f;
	ops->init(t, f);
	return tui_push(t, scr, f);
}

void
tui_member_form_draw(struct tui *t, struct tui_view *v)
{
	struct member_form *f = v->state;
	char who[CARD_MAX + MEMBER_NAME_MAX + 4];
	int y = tui_body_top() + 1;

	snprintf(who, sizeof who, "%s  %s", f->m.card, f->m.name);
	tui_put_role(t, y++, 2, who, COLS - 4, false, ROLE_HEADER);
	tui_put_role(t, y, 2, _(f->ops->intro), COLS - 4, false, ROLE_DIM);
	y = tui_form_draw(t, &f->form, y + 2, 2);
	if (f->ops->live)
		f->ops->live(t, f, y + 1);
}

/* Save; back on the card (which reloads as it comes back) say what was
 * done.  A refusal keeps the form and everything typed in it. */
static void
save(struct tui *t, struct member_form *f)
{
	char msg[1024];

	if (f->ops->save(t, f, msg, sizeof msg)) {
		tui_error(t, "%s", t->md->err);
		return;
	}
	tui_pop(t);
	tui_say(t, "%s", msg);
}

enum tui_result
tui_member_form_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct member_form *f = v->state;
	const char *cancelled = f->ops->cancelled;	/* the pop frees F */

	if (act == ACT_QUIT || act == ACT_HELP || act == ACT_REDRAW)
		return TUI_IGNORED;
	switch (tui_form_key(t, &f->form, key, act)) {
	case FORM_CANCEL:
		tui_pop(t);
		tui_say(t, "%s", _(cancelled));
		break;
	case FORM_SAVE:
		save(t, f);
		break;
	default:
		break;
	}
	return TUI_HANDLED;
}

/* The core's methods as choices: cash first, then stored value when the
 * member may use it (most members who have it pay with it), then the
 * rest in the core's order.  Labels and keys side by side, built once. */
#define PAYMENTS_MAX 16
static struct choices {
	const char *labels[PAYMENTS_MAX + 1];
	const char *keys[PAYMENTS_MAX];
} plain, with_wallet;

static void
add_choice(struct choices *c, size_t *n, const struct payment *p)
{
	if (*n < PAYMENTS_MAX) {
		c->labels[*n] = p->label;
		c->keys[(*n)++] = p->key;
	}
}

static const struct choices *
payment_choices(bool wallet)
{
	struct choices *c = wallet ? &with_wallet : &plain;
	const struct payment *p;
	size_t i, n = 0;

	if (c->labels[0])
		return c;
	for (int pass = 0; pass < 3; pass++)
		for (i = 0; (p = payment_at(i)); i++)
			if ((pass == 0 && i == 0) ||
			    (pass == 1 && wallet && !p->tops_up) ||
			    (pass == 2 && i > 0 && p->tops_up))
				add_choice(c, &n, p);
	return c;
}

void
tui_payment_field(struct tui_field *f, bool wallet)
{
	*f = (struct tui_field){.label = N_("Payment"), .kind = FIELD_CHOICE,
				.choices = payment_choices(wallet)->labels,
				.width = 16};
}

const char *
tui_payment_key(const struct tui_field *f)
{
	const struct choices *c = f->choices == with_wallet.labels ? &with_wallet : &plain;

	return c->keys[f->choice];
}

int
tui_check_amount(struct tui *t, struct tui_field *f, void *arg)
{
	int64_t fen;

	(void)arg;
	return money_parse(t->md, _("amount"), f->edit.buf, &fen, 0);
}

int
tui_check_name(struct tui *t, struct tui_field *f, void *arg)
{
	char name[MEMBER_NAME_MAX];

	(void)arg;
	return member_check_name(t->md, f->edit.buf, name);
}

int
tui_check_birthday(struct tui *t, struct tui_field *f, void *arg)
{
	char trimmed[64], day[11];

	(void)arg;
	text_trim(f->edit.buf, trimmed, sizeof trimmed);
	return *trimmed ? member_check_birthday(t->md, f->edit.buf, day) : MD_OK;
}

int
tui_check_tags(struct tui *t, struct tui_field *f, void *arg)
{
	char tags[MEMBER_TAGS_MAX][MEMBER_TAG_MAX];
	size_t n;

	(void)arg;
	return member_split_tags(t->md, f->edit.buf, tags, &n);
}

int
tui_check_note(struct tui *t, struct tui_field *f, void *arg)
{
	char note[MEMBER_NOTE_MAX];

	(void)arg;
	return member_check_note(t->md, f->edit.buf, note);
}
