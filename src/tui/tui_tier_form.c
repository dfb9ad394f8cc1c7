/* tui_tier_form.c - a tier added or changed, and a tier deleted with
 * its members moved
 *
 * The fields are what "tier add" and "tier edit" take, as typed (yuan,
 * a percentage, a multiplier): the core checks them on saving and says
 * what is wrong in its words, the form keeping what was typed.  A tier
 * that members hold is deleted only once a tier for them is chosen; the
 * form starts on none, and saving that is the core's refusal. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "core/text.h"
#include "core/tier.h"
#include "i18n.h"
#include "tui/tui_form.h"
#include "tui/tui_screens.h"

enum { F_NAME, F_SPEND, F_VISITS, F_KEEP, F_DISCOUNT, F_RATE, F_COUNT };

struct tform {
	struct tui_form form;	/* first: tui_form_typing() and friends */
	struct tui_field fields[F_COUNT];
	char name[TIER_NAME_MAX];	/* the tier changed; "" for a new one */
	bool base;
};

static void
tform_draw(struct tui *t, struct tui_view *v)
{
	struct tform *f = v->state;
	int y = tui_body_top();
	char intro[256];

	if (!*f->name)
		snprintf(intro, sizeof intro, "%s",
			 _("A new tier, on top of the others: what qualifies for it, what keeps it, what it gives."));
	else if (f->base)
		snprintf(intro, sizeof intro, _("Tier %s, the base tier: everyone holds it until they qualify higher."),
			 f->name);
	else
		snprintf(intro, sizeof intro, _("Tier %s: a member qualifies by spend or by visits in the window."),
			 f->name);
	tui_put_wrapped(t, y, 2, intro, COLS - 4, 2, ROLE_DIM);
	tui_form_draw(t, &f->form, y + 3, 2);
}

/* Field I as the core takes it: on a new tier an empty field is the
 * core's default (NULL), as an option left out of "tier add". */
static const char *
given(const struct tform *f, int i)
{
	const char *s = tui_form_text(&f->form, i);

	return *f->name || *s ? s : NULL;
}

static void
save(struct tui *t, struct tform *f)
{
	const struct tier_input in = {
		.name = tui_form_text(&f->form, F_NAME),
		.min_spend = given(f, F_SPEND),
		.min_visits = given(f, F_VISITS),
		.keep_spend = given(f, F_KEEP),
		.discount = given(f, F_DISCOUNT),
		.points_rate = given(f, F_RATE),
	};
	char name[TIER_NAME_MAX];
	bool add = !*f->name;

	if (add ? tier_add(t->md, &in) : tier_edit(t->md, f->name, &in)) {
		tui_error(t, "%s", t->md->err);	/* the form keeps what was typed */
		return;
	}
	snprintf(name, sizeof name, "%s", in.name);
	tui_pop(t);
	if (add)
		tui_say(t, _("Tier %s added on top."), name);
	else
		tui_say(t, _("Saved the rules of tier %s."), name);
}

static enum tui_result
tform_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct tform *f = v->state;

	if (act == ACT_QUIT || act == ACT_HELP || act == ACT_REDRAW)
		return TUI_IGNORED;
	switch (tui_form_key(t, &f->form, key, act)) {
	case FORM_CANCEL:
		tui_pop(t);
		tui_say(t, "%s", _("Nothing was saved."));
		break;
	case FORM_SAVE:
		save(t, f);
		break;
	default:
		break;
	}
	return TUI_HANDLED;
}

static const enum tui_act tform_acts[] = {ACT_SAVE, ACT_NEXT, ACT_PREV, ACT_NONE};

static const struct tui_screen tform_screen = {
	.name = N_("Tier"),
	.acts = tform_acts,
	.draw = tform_draw,
	.key = tform_key,
	.typing = tui_form_typing,
	.dirty = tui_form_dirty,
	.free = tui_form_free,
};

static void
build(struct tform *f)
{
	static const struct {
		const char *label, *hint;
		int width;
	} def[F_COUNT] = {
		[F_NAME] = {N_("Name"), NULL, TIER_NAME_COLS + 2},
		[F_SPEND] = {N_("Min spend"), N_("yuan in the window; 0: no spend rule"), 12},
		[F_VISITS] = {N_("Min visits"), N_("days with a purchase in the window; 0: none"), 12},
		[F_KEEP] = {N_("Keep spend"), N_("yuan a window to keep the tier; 0: kept"), 12},
		[F_DISCOUNT] = {N_("Discount"), N_("percentage paid: 95 is 9.5折; 100: none"), 12},
		[F_RATE] = {N_("Points x"), N_("points multiplier, such as 1.5; 1: none"), 12},
	};
	int i;

	for (i = 0; i < F_COUNT; i++)
		f->fields[i] = (struct tui_field){.label = def[i].label, .hint = def[i].hint,
						  .width = def[i].width};
	f->form.fields = f->fields;
	f->form.n = F_COUNT;
}

bool
tui_tier_form_open(struct tui *t, const char *name)
{
	struct tform *f = calloc(1, sizeof *f);
	struct tier k;
	char buf[F_COUNT][32];

	if (!f) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	if (name && tier_get(t->md, name, &k)) {
		tui_error(t, "%s", t->md->err);
		free(f);
		return false;
	}
	build(f);
	if (!name)	/* empty: the core's defaults, as the hints say */
		return tui_push(t, &tform_screen, f);
	snprintf(f->name, sizeof f->name, "%s", k.name);
	f->base = k.rank == 0;
	tui_edit_set(&f->fields[F_NAME].edit, k.name);
	money_format_short(k.min_spend, buf[F_SPEND]);
	snprintf(buf[F_VISITS], 32, "%lld", (long long)k.min_visits);
	money_format_short(k.keep_spend, buf[F_KEEP]);
	snprintf(buf[F_DISCOUNT], 32, "%d", k.discount);
	money_format_decimal(k.points_rate, buf[F_RATE]);
	for (int i = F_SPEND; i < F_COUNT; i++)
		tui_edit_set(&f->fields[i].edit, buf[i]);
	return tui_push(t, &tform_screen, f);
}

/* ---- Deleting a tier that members hold ------------------------------------ */

struct tdel {
	struct tui_form form;
	struct tui_field to;
	struct tier k;
	const char *choices[TIERS_MAX + 1];
	char names[TIERS_MAX][TIER_NAME_MAX];
};

static void
tdel_draw(struct tui *t, struct tui_view *v)
{
	struct tdel *d = v->state;
	char line[512], n[32], key[16];
	int y = tui_body_top();

	text_format_int(d->k.members, n);
	snprintf(line, sizeof line,
		 /* TRANSLATORS: the tier, how many, the key (F2). */
		 P_("Delete tier %s: %s member holds it. Choose the tier they move to (each move is kept in their tier history); %s deletes.",
		    "Delete tier %s: %s members hold it. Choose the tier they move to (each move is kept in their tier history); %s deletes.",
		    d->k.members), d->k.name, n, tui_act_key(ACT_SAVE, 0, key, sizeof key));
	y += tui_put_wrapped(t, y, 2, line, COLS - 4, 3, ROLE_DIM) + 1;
	tui_form_draw(t, &d->form, y, 2);
}

static void
tdel_save(struct tui *t, struct tdel *d)
{
	const char *to = d->to.choice ? d->choices[d->to.choice] : NULL;
	char name[TIER_NAME_MAX], dest[TIER_NAME_MAX] = "";

	/* Without a tier for them the core refuses, in its words. */
	if (to && !tui_confirm(t, false, _("Delete tier %s and move its members to %s?"),
			       d->k.name, to)) {
		tui_say(t, "%s", _("Nothing changed."));
		return;
	}
	if (tier_delete(t->md, d->k.name, to)) {
		tui_error(t, "%s", t->md->err);
		return;
	}
	snprintf(name, sizeof name, "%s", d->k.name);
	snprintf(dest, sizeof dest, "%s", to);
	tui_pop(t);
	tui_say(t, _("Tier %s is deleted; its members are in %s now."), name, dest);
}

static enum tui_result
tdel_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct tdel *d = v->state;

	if (act == ACT_QUIT || act == ACT_HELP || act == ACT_REDRAW)
		return TUI_IGNORED;
	switch (tui_form_key(t, &d->form, key, act)) {
	case FORM_CANCEL:
		tui_pop(t);
		tui_say(t, "%s", _("Nothing changed."));
		break;
	case FORM_SAVE:
		tdel_save(t, d);
		break;
	default:
		break;
	}
	return TUI_HANDLED;
}

static const struct tui_screen tdel_screen = {
	.name = N_("Delete a tier"),
	.acts = tform_acts,
	.draw = tdel_draw,
	.key = tdel_key,
	.typing = tui_form_typing,
	.dirty = tui_form_dirty,
	.free = tui_form_free,
};

bool
tui_tier_delete_open(struct tui *t, const struct tier *k)
{
	struct tdel *d = calloc(1, sizeof *d);
	struct tier all[TIERS_MAX];
	int n, i, c = 0;

	if (!d || tier_load(t->md, all, &n)) {
		tui_error(t, "%s", d ? t->md->err : _("out of memory"));
		free(d);
		return false;
	}
	d->k = *k;
	/* TRANSLATORS: the choice of no tier, before one is chosen. */
	d->choices[c++] = _("(choose a tier)");
	for (i = 0; i < n; i++)
		if (all[i].id != k->id) {
			snprintf(d->names[c - 1], TIER_NAME_MAX, "%s", all[i].name);
			d->choices[c] = d->names[c - 1];
			c++;
		}
	d->choices[c] = NULL;
	d->to = (struct tui_field){.label = N_("Move them to"), .kind = FIELD_CHOICE,
				   .option = "--move-to",
				   .choices = d->choices, .literal = true, .width = TIER_NAME_COLS + 4,
				   .hint = N_("Space or Left/Right chooses")};
	d->form.fields = &d->to;
	d->form.n = 1;
	return tui_push(t, &tdel_screen, d);
}
