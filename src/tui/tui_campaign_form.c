/* tui_campaign_form.c - a coupon campaign, made or changed
 *
 * The fields are what "coupon campaign add" takes.  The target is
 * chosen, not typed: a kind (everyone, a tier, a tag, an RFM segment, a
 * value type) and which one, from what the shop has; beside it, the
 * members it reaches now, counted again whenever the choice changes.
 * Under the fields stands the core's verdict on the form as it is
 * (campaign_check, which writes nothing): the offer in words, or what
 * is wrong.  On a change only the fields that differ from the stored
 * campaign go to the core, so that an active campaign may widen without
 * being told that its offer cannot change. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/coupon.h"
#include "core/money.h"
#include "core/rfm.h"
#include "core/text.h"
#include "core/tier.h"
#include "core/value_types.h"
#include "i18n.h"
#include "tui/tui_campaign.h"
#include "tui/tui_form.h"
#include "tui/tui_screens.h"

enum {
	C_NAME, C_KIND, C_VALUE, C_MIN, C_CAP, C_FROM, C_TO, C_DAYS, C_NOT_ON,
	C_PER_MEMBER, C_TOTAL, C_POINTS, C_TARGET, C_WHICH, C_BLACKLIST, C_DRAFT,
	C_COUNT
};

/* The kinds of target, as the Target field offers them; KEPT stands for
 * a stored target the form cannot choose (a birthday month, a list). */
enum { T_ALL, T_TIER, T_TAG, T_SEGMENT, T_TYPE, T_KEPT, T_KINDS };

static const char *const target_kinds[T_KINDS] = {
	N_("everyone"), N_("a tier"), N_("a tag"), N_("an RFM segment"), N_("a value type"),
	NULL,
};
static const char *const target_prefix[T_KINDS] = {
	"all", "tier:", "tag:", "segment:", "type:", NULL,
};
static const char *const blacklist_choices[] = {
	N_("nobody"), N_("the promotion blacklist"), NULL,
};
static const char *const draft_choices[] = {
	N_("active from now"), N_("a draft, started later"), NULL,
};

/* The choices of the Which field for one kind of target: labels for
 * the field (NULL-terminated), and what goes after the prefix. */
struct choices {
	char **labels;
	char **keys;
	int64_t *ids;		/* tiers and tags: to find a stored target */
	int n, cap;
};

struct cform {
	struct tui_form form;	/* first: tui_form_typing and _dirty */
	struct tui_field fields[C_COUNT];
	int64_t id;		/* 0: a new campaign */
	struct campaign was;	/* as stored */
	char was_text[C_COUNT][CAMPAIGN_NOT_ON_MAX];
	int was_choice[C_COUNT];
	const char *kind_labels[5];
	const char *target_labels[T_KINDS + 1];
	char kept[256];		/* a stored target the form cannot choose */
	int target_of[T_KINDS];	/* the Target field's choice -> T_* */
	struct choices which[T_KINDS];
	char target[CAMPAIGN_TARGET_MAX * 4];
	bool stale, reach_stale;
	char verdict[sizeof ((struct md *)0)->err];
	bool verdict_ok;
	char reach[512];
	bool reach_ok;
};

/* ---- The choices ---------------------------------------------------------- */

static bool
add_choice(struct choices *c, const char *label, const char *key, int64_t id)
{
	if (c->n + 1 >= c->cap) {
		int cap = c->cap ? 2 * c->cap : 16;
		char **l = realloc(c->labels, (size_t)cap * sizeof *l);

		if (l)
			c->labels = l;
		char **k = realloc(c->keys, (size_t)cap * sizeof *k);

		if (k)
			c->keys = k;
		int64_t *i = realloc(c->ids, (size_t)cap * sizeof *i);

		if (i)
			c->ids = i;
		if (!l || !k || !i)
			return false;
		c->cap = cap;
	}
	if (!(c->labels[c->n] = strdup(label)) || !(c->keys[c->n] = strdup(key))) {
		free(c->labels[c->n]);
		return false;
	}
	c->ids[c->n++] = id;
	c->labels[c->n] = NULL;
	return true;
}

static void
free_choices(struct choices *c)
{
	for (int i = 0; i < c->n; i++) {
		free(c->labels[i]);
		free(c->keys[i]);
	}
	free(c->labels);
	free(c->keys);
	free(c->ids);
}

static int
tier_choice(void *arg, const struct tier *t)
{
	return add_choice(arg, t->name, t->name, t->id) ? MD_OK : MD_ENOMEM;
}

static int
tag_choice(void *arg, const struct campaign_tag *t)
{
	return add_choice(arg, t->name, t->name, t->id) ? MD_OK : MD_ENOMEM;
}

/* Every kind's choices, from the core: tiers and tags from the
 * database, segments and value types from their tables. */
static int
load_choices(struct tui *t, struct cform *f)
{
	struct choices *w = f->which;
	int rc, i;

	bool ok = add_choice(&w[T_ALL], "-", "", 0);

	if ((rc = tier_list(t->md, tier_choice, &w[T_TIER])) ||
	    (rc = campaign_tags(t->md, tag_choice, &w[T_TAG])))
		goto out;
	for (i = 0; ok && i < RFM_SEGMENTS; i++)
		ok = add_choice(&w[T_SEGMENT], rfm_segment_label(i), rfm_segment_key(i), 0);
	for (i = 0; ok && i < VALUE_TYPES; i++)
		ok = add_choice(&w[T_TYPE], value_types_label(i), value_types_key(i), 0);
	/* A kind with nothing to choose (no tags yet) still has a line. */
	for (i = 0; ok && i < T_KINDS; i++)
		ok = w[i].n || add_choice(&w[i], _("(none)"), "", 0);
	rc = ok ? MD_OK : MD_ENOMEM;
out:
	return rc == MD_ENOMEM ? md_fail(t->md, rc, "%s", _("out of memory")) : rc;
}

static int
target_kind(const struct cform *f)
{
	return f->target_of[f->fields[C_TARGET].choice];
}

/* The Which field offers the choices of the kind chosen. */
static void
show_which(struct cform *f, int choice)
{
	struct tui_field *w = &f->fields[C_WHICH];
	const struct choices *c = &f->which[target_kind(f)];

	w->choices = (const char *const *)c->labels;
	w->choice = choice < c->n ? choice : 0;
}

/* The target as typed for the core, into f->target ("" for the stored
 * one, which the form cannot choose). */
static void
compose_target(struct cform *f)
{
	int k = target_kind(f);

	if (k == T_KEPT)
		f->target[0] = '\0';
	else if (k == T_ALL)
		snprintf(f->target, sizeof f->target, "all");
	else
		snprintf(f->target, sizeof f->target, "%s%s", target_prefix[k],
			 f->which[k].keys[f->fields[C_WHICH].choice]);
}

/* ---- What goes to the core ------------------------------------------------- */

/* Field I's text for the core: NULL when not given (a new campaign) or
 * as stored (a change). */
static const char *
given(const struct cform *f, int i)
{
	const char *s = tui_form_text(&f->form, i);
	char a[TUI_EDIT_MAX], b[CAMPAIGN_NOT_ON_MAX];

	text_trim(s, a, sizeof a);
	if (!f->id)
		return *a ? s : NULL;
	text_trim(f->was_text[i], b, sizeof b);
	return strcmp(a, b) ? s : NULL;
}

static bool
chosen(const struct cform *f, int i)
{
	return !f->id || f->fields[i].choice != f->was_choice[i];
}

static void
input(struct cform *f, struct campaign_input *in)
{
	static const int text[] = {C_VALUE, C_MIN, C_CAP, C_FROM, C_TO, C_DAYS, C_NOT_ON,
				   C_PER_MEMBER, C_TOTAL, C_POINTS};
	const char **to[] = {&in->value, &in->min, &in->cap, &in->from, &in->to, &in->days,
			     &in->not_on, &in->per_member, &in->total, &in->points};

	memset(in, 0, sizeof *in);
	in->name = given(f, C_NAME);
	if (chosen(f, C_KIND))
		in->kind = campaign_kind_key((enum campaign_kind)f->fields[C_KIND].choice);
	for (size_t i = 0; i < sizeof text / sizeof *text; i++)
		*to[i] = given(f, text[i]);
	compose_target(f);
	if (*f->target && (chosen(f, C_TARGET) || chosen(f, C_WHICH)))
		in->target = f->target;
	in->exclude_blacklist = chosen(f, C_BLACKLIST) ? f->fields[C_BLACKLIST].choice : -1;
	in->draft = !f->id && f->fields[C_DRAFT].choice == 1;
}

/* ---- Worked out live ---------------------------------------------------------- */

/* The core's verdict on the form: the offer, or what is wrong. */
static void
recheck(struct tui *t, struct cform *f)
{
	struct campaign_input in;
	struct campaign c;
	char key[24], offer[200], days[64];

	input(f, &in);
	snprintf(key, sizeof key, "%lld", (long long)f->id);
	f->stale = false;
	f->verdict_ok = campaign_check(t->md, f->id ? key : NULL, &in, &c) == MD_OK;
	if (!f->verdict_ok) {
		text_copy(f->verdict, sizeof f->verdict, t->md->err);
		return;
	}
	campaign_offer(t->md, &c, offer, sizeof offer);
	tui_campaign_validity(&c, days, sizeof days);
	/* TRANSLATORS: the kind, the offer, when its coupons may be used:
	 * "cash off (满减): ¥20.00 off from ¥100.00; 30 days from ..." */
	snprintf(f->verdict, sizeof f->verdict, _("%s: %s; %s"), campaign_kind_label(c.kind),
		 offer, days);
}

/* "1,234 members will receive it": who the target reaches today. */
static void
count_reach(struct tui *t, struct cform *f)
{
	struct campaign c = f->was;
	char n[32];
	int64_t reach;

	f->reach_stale = false;
	if (target_kind(f) != T_KEPT && target_kind(f) != T_ALL &&
	    !*f->which[target_kind(f)].keys[f->fields[C_WHICH].choice]) {
		f->reach_ok = false;
		snprintf(f->reach, sizeof f->reach, "%s", _("There is nothing of this kind to aim at yet."));
		return;
	}
	c.no_blacklist = f->fields[C_BLACKLIST].choice == 1;
	compose_target(f);
	f->reach_ok = !(*f->target && campaign_check_target(t->md, f->target, &c)) &&
		      coupon_reach(t->md, &c, &reach) == MD_OK;
	if (!f->reach_ok) {
		text_copy(f->reach, sizeof f->reach, t->md->err);
		return;
	}
	text_format_int(reach, n);
	if (f->id)
		snprintf(f->reach, sizeof f->reach,
			 P_("%s member is targeted now", "%s members are targeted now", reach), n);
	else
		snprintf(f->reach, sizeof f->reach,
			 P_("%s member will receive it", "%s members will receive it", reach), n);
}

static void
cform_draw(struct tui *t, struct tui_view *v)
{
	struct cform *f = v->state;
	int y = tui_body_top(), last = tui_body_top() + tui_body_rows() - 1;
	char intro[512];

	if (f->reach_stale)
		count_reach(t, f);
	if (f->stale)
		recheck(t, f);
	if (!f->id)
		snprintf(intro, sizeof intro, "%s",
			 _("A new coupon campaign: the offer, when it may be used, and who gets it."));
	else if (f->was.status == CAMPAIGN_ACTIVE)
		snprintf(intro, sizeof intro, _("Campaign %lld, active: it may only widen."),
			 (long long)f->id);
	else
		snprintf(intro, sizeof intro, _("Campaign %lld, a draft."), (long long)f->id);
	tui_put_role(t, y, 2, intro, COLS - 4, false, ROLE_DIM);
	y = tui_form_draw(t, &f->form, y + 1, 2) + 1;
	if (y <= last)
		tui_put_role(t, y++, 2, f->reach, COLS - 4, false,
			     f->reach_ok ? ROLE_GOOD : ROLE_ERROR);
	if (y <= last)
		tui_put_wrapped(t, y, 2, f->verdict, COLS - 4, last - y + 1,
				f->verdict_ok ? ROLE_NORMAL :
				f->form.dirty ? ROLE_ERROR : ROLE_DIM);
}

/* ---- Keys and saving ------------------------------------------------------- */

static void
value_hint(struct cform *f)
{
	static const char *const hints[] = {
		[CAMPAIGN_CASH] = N_("yuan off"),
		[CAMPAIGN_PERCENT] = N_("percentage paid: 85 is 8.5折"),
		[CAMPAIGN_VOUCHER] = N_("yuan off, with no minimum"),
		[CAMPAIGN_GIFT] = N_("the gift"),
	};

	f->fields[C_VALUE].hint = hints[f->fields[C_KIND].choice];
}

static void
save(struct tui *t, struct cform *f)
{
	struct campaign_input in;
	struct campaign c;
	char key[24], k[16];
	int64_t id = f->id;
	int rc;

	input(f, &in);
	snprintf(key, sizeof key, "%lld", (long long)f->id);
	rc = f->id ? campaign_edit(t->md, key, &in) : campaign_add(t->md, &in, &id);
	if (rc || campaign_get_id(t->md, id, &c)) {
		tui_error(t, "%s", t->md->err);	/* the form keeps what was typed */
		return;
	}
	tui_pop(t);	/* F is gone: C, ID and IN.draft are ours */
	if (strcmp(key, "0"))
		tui_say(t, _("Saved the changes to campaign %s."), c.name);
	else if (in.draft)
		tui_say(t, _("Campaign %lld added as a draft: %s. %s starts it."), (long long)id,
			c.name, tui_act_key(ACT_CAMPAIGN_START, 0, k, sizeof k));
	else
		tui_say(t, _("Campaign %lld added: %s. %s issues its coupons."), (long long)id,
			c.name, tui_act_key(ACT_ISSUE, 0, k, sizeof k));
}

static enum tui_result
cform_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct cform *f = v->state;
	int focus = f->form.focus;

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
	case FORM_CHANGED:
		if (focus == C_KIND)
			value_hint(f);
		if (focus == C_TARGET)
			show_which(f, 0);
		if (focus == C_TARGET || focus == C_WHICH || focus == C_BLACKLIST)
			f->reach_stale = true;
		f->stale = true;
		break;
	default:
		break;
	}
	return TUI_HANDLED;
}

static void
cform_free(struct tui_view *v)
{
	struct cform *f = v->state;

	for (int i = 0; i < T_KINDS; i++)
		free_choices(&f->which[i]);
	free(f);
}

static const enum tui_act cform_acts[] = {ACT_SAVE, ACT_NEXT, ACT_PREV, ACT_NONE};

static const struct tui_screen cform_screen = {
	.name = N_("Coupon campaign"),
	.acts = cform_acts,
	.draw = cform_draw,
	.key = cform_key,
	.typing = tui_form_typing,
	.dirty = tui_form_dirty,
	.free = cform_free,
};

/* ---- Opening ------------------------------------------------------------------ */

static void
build_fields(struct cform *f)
{
	struct tui_field *fl = f->fields;
	int i, n = 0;

	for (i = 0; i < 4; i++)
		f->kind_labels[i] = campaign_kind_label((enum campaign_kind)i);
	for (i = 0; i < T_KEPT; i++) {
		f->target_of[n] = i;
		f->target_labels[n++] = _(target_kinds[i]);
	}
	if (*f->kept) {
		f->target_of[n] = T_KEPT;
		f->target_labels[n++] = f->kept;
	}
	f->target_labels[n] = NULL;
	fl[C_NAME] = (struct tui_field){.label = N_("Campaign name"), .width = CAMPAIGN_NAME_COLS};
	fl[C_KIND] = (struct tui_field){.label = N_("Kind"), .kind = FIELD_CHOICE,
					.choices = f->kind_labels, .literal = true, .width = 24,
					.hint = N_("Space, Left, Right")};
	fl[C_VALUE] = (struct tui_field){.label = N_("Face value"), .width = 24};
	fl[C_MIN] = (struct tui_field){.label = N_("Minimum"), .width = 12, .option = "--min",
				       .hint = N_("yuan spent, after the tier discount")};
	fl[C_CAP] = (struct tui_field){.label = N_("Cap"), .width = 12,
				       .hint = N_("percent off: at most this, yuan")};
	fl[C_FROM] = (struct tui_field){.label = N_("Valid from"), .width = 12, .option = "--from",
					.hint = N_("YYYY-MM-DD, or days instead")};
	fl[C_TO] = (struct tui_field){.label = N_("Valid to"), .width = 12, .option = "--to"};
	fl[C_DAYS] = (struct tui_field){.label = N_("Days"), .width = 12, .option = "--days",
					.hint = N_("from the day each coupon is issued")};
	fl[C_NOT_ON] = (struct tui_field){.label = N_("Not on"), .width = 30,
					  .hint = N_("weekends, FROM..TO")};
	fl[C_PER_MEMBER] = (struct tui_field){.label = N_("Per member"), .width = 12,
					      .hint = N_("coupons one member may have")};
	fl[C_TOTAL] = (struct tui_field){.label = N_("Total"), .width = 12,
					 .hint = N_("coupons in all; empty: no total")};
	fl[C_POINTS] = (struct tui_field){.label = N_("Points price"), .width = 12,
					  .hint = N_("members may buy one; empty: not for sale")};
	fl[C_TARGET] = (struct tui_field){.label = N_("Target"), .kind = FIELD_CHOICE,
					  .choices = f->target_labels, .literal = true,
					  .width = 24};
	fl[C_WHICH] = (struct tui_field){.label = N_("Which"), .kind = FIELD_CHOICE,
					 .literal = true, .width = 24};
	fl[C_BLACKLIST] = (struct tui_field){.label = N_("Leave out"), .kind = FIELD_CHOICE,
					     .choices = blacklist_choices, .width = 24};
	fl[C_DRAFT] = (struct tui_field){.label = N_("Status"), .kind = FIELD_CHOICE,
					 .choices = draft_choices, .width = 24};
	f->form.fields = fl;
	f->form.n = f->id ? C_DRAFT : C_COUNT;	/* a draft is started from the list */
	f->form.arg = f;
}

/* The stored target as the two choices, kind and which one: false
 * when the form has no such choice (a birthday month, a list). */
static bool
find_target(const struct cform *f, int *kind, int *which)
{
	const char *arg = strchr(f->was.target, ':');
	int k, i;

	arg = arg ? arg + 1 : "";
	*kind = T_ALL;
	*which = 0;
	if (!strcmp(f->was.target, "all"))
		return true;
	for (k = T_TIER; k < T_KEPT; k++) {
		const struct choices *c = &f->which[k];

		if (strncmp(f->was.target, target_prefix[k], strlen(target_prefix[k])))
			continue;
		for (i = 0; i < c->n; i++)
			if (c->ids[i] ? c->ids[i] == atoll(arg) : !strcmp(c->keys[i], arg)) {
				*kind = k;
				*which = i;
				return true;
			}
	}
	return false;
}

/* A change starts from what is stored, in the words a person types. */
static void
prefill(struct cform *f)
{
	const struct campaign *c = &f->was;
	char (*w)[CAMPAIGN_NOT_ON_MAX] = f->was_text;

	snprintf(w[C_NAME], sizeof *w, "%s", c->name);
	if (c->kind == CAMPAIGN_GIFT)
		snprintf(w[C_VALUE], sizeof *w, "%s", c->gift);
	else if (c->kind == CAMPAIGN_PERCENT)
		snprintf(w[C_VALUE], sizeof *w, "%lld", (long long)c->value);
	else
		money_format_short(c->value, w[C_VALUE]);
	if (c->min_spend)
		money_format_short(c->min_spend, w[C_MIN]);
	if (c->cap)
		money_format_short(c->cap, w[C_CAP]);
	if (c->valid_days)
		snprintf(w[C_DAYS], sizeof *w, "%d", c->valid_days);
	else
		snprintf(w[C_FROM], sizeof *w, "%s", c->valid_from),
		snprintf(w[C_TO], sizeof *w, "%s", c->valid_to);
	snprintf(w[C_NOT_ON], sizeof *w, "%s", c->not_on);
	snprintf(w[C_PER_MEMBER], sizeof *w, "%d", c->per_member);
	if (c->total)
		snprintf(w[C_TOTAL], sizeof *w, "%lld", (long long)c->total);
	if (c->points)
		snprintf(w[C_POINTS], sizeof *w, "%lld", (long long)c->points);
	f->fields[C_KIND].choice = c->kind;
	f->fields[C_BLACKLIST].choice = c->no_blacklist;
}

bool
tui_campaign_form_open(struct tui *t, int64_t id)
{
	struct cform *f = calloc(1, sizeof *f);
	struct campaign_input none = {.exclude_blacklist = -1};
	int i, kind = T_ALL, which = 0;
	char key[24];

	if (!f) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	f->id = id;
	snprintf(key, sizeof key, "%lld", (long long)id);
	/* An ended campaign is refused here, in the core's words. */
	if ((id && campaign_check(t->md, key, &none, &f->was)) ||
	    (id && campaign_target_text(t->md, &f->was, f->kept, sizeof f->kept)) ||
	    load_choices(t, f)) {
		tui_error(t, "%s", t->md->err);
		cform_free(&(struct tui_view){&cform_screen, f});
		return false;
	}
	if (!id || find_target(f, &kind, &which))
		f->kept[0] = '\0';
	else
		kind = T_KEPT;
	build_fields(f);
	if (id)
		prefill(f);
	else
		strcpy(f->was_text[C_PER_MEMBER], "1");
	for (i = 0; i < f->form.n; i++)
		if (f->fields[i].kind == FIELD_TEXT)
			tui_edit_set(&f->fields[i].edit, f->was_text[i]);
	for (i = 0; f->target_labels[i]; i++)
		if (f->target_of[i] == kind)
			f->fields[C_TARGET].choice = i;
	show_which(f, which);
	for (i = 0; i < C_COUNT; i++)
		f->was_choice[i] = f->fields[i].choice;
	value_hint(f);
	f->stale = f->reach_stale = true;
	return tui_push(t, &cform_screen, f);
}
