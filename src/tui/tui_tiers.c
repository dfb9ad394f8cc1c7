/* tui_tiers.c - 等级规则: the tiers and their rules
 *
 * Every tier on a line, lowest first, as "tier list" has them: what
 * qualifies (spend or visits over the window, a setting shown above
 * the table), what keeps it, the discount, the points multiplier and
 * how many members hold it.  From here a tier is added, changed, moved
 * up or down (tier edit --rank), deleted (its members moved to a tier
 * chosen first), and every member's tier reviewed.  Every change is
 * the core's: a refusal is its message on the status line. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "core/settings.h"
#include "core/text.h"
#include "core/tier.h"
#include "i18n.h"
#include "tui/tui_list.h"
#include "tui/tui_screens.h"

struct tiers {
	struct tui_list l;
	struct tier rows[TIERS_MAX];
	int64_t window;		/* tier_window_months */
};

static int
keep_tier(void *arg, const struct tier *t)
{
	struct tiers *s = arg;

	if (s->l.n < TIERS_MAX)
		s->rows[s->l.n++] = *t;
	return MD_OK;
}

/* Read the tiers again, the selection on tier ID when it is still there. */
static bool
load(struct tui *t, struct tiers *s, int64_t id)
{
	int i;

	s->l.n = 0;
	if (tier_list(t->md, keep_tier, s) ||
	    settings_get_int(t->md, "tier_window_months", &s->window)) {
		tui_error(t, "%s", t->md->err);
		return false;
	}
	for (i = 0; i < s->l.n; i++)
		if (s->rows[i].id == id)
			s->l.sel = i;
	tui_list_scroll(&s->l, 0);
	return true;
}

/* ---- Drawing ------------------------------------------------------------ */

enum { C_RANK, C_NAME, C_SPEND, C_VISITS, C_KEEP, C_DISCOUNT, C_RATE, C_MEMBERS, C_N };

static const char *const heads[C_N] = {
	N_("Rank"), N_("Tier"), N_("Min spend"), N_("Min visits"), N_("Keep spend"),
	N_("Discount"), N_("Points x"), N_("Members"),
};

static void
cells_of(struct md *md, const struct tier *k, char cell[C_N][TIER_NAME_MAX])
{
	snprintf(cell[C_RANK], TIER_NAME_MAX, "%d", k->rank);
	snprintf(cell[C_NAME], TIER_NAME_MAX, "%s", k->name);
	money_human(md, k->min_spend, cell[C_SPEND]);
	snprintf(cell[C_VISITS], TIER_NAME_MAX, "%lld", (long long)k->min_visits);
	money_human(md, k->keep_spend, cell[C_KEEP]);
	tier_discount_text(k->discount, cell[C_DISCOUNT]);
	money_format_decimal(k->points_rate, cell[C_RATE]);
	text_format_int(k->members, cell[C_MEMBERS]);
	if (!k->min_spend)
		strcpy(cell[C_SPEND], "-");
	if (!k->min_visits)
		strcpy(cell[C_VISITS], "-");
	if (!k->keep_spend)
		strcpy(cell[C_KEEP], "-");
	if (k->discount == 100)	/* none: not "100%", not "10折" */
		strcpy(cell[C_DISCOUNT], "-");
}

/* Each column as wide as its widest cell or heading; what is left of
 * the line goes between them. */
static void
layout(struct md *md, const struct tiers *s, int w[C_N], int *gap)
{
	char cell[C_N][TIER_NAME_MAX];
	int i, c, used = 0;

	for (c = 0; c < C_N; c++)
		w[c] = text_width(_(heads[c]));
	for (i = 0; i < s->l.n; i++) {
		cells_of(md, &s->rows[i], cell);
		for (c = 0; c < C_N; c++)
			if (text_width(cell[c]) > w[c])
				w[c] = text_width(cell[c]);
	}
	if (w[C_NAME] > TIER_NAME_COLS)
		w[C_NAME] = TIER_NAME_COLS;
	for (c = 0; c < C_N; c++)
		used += w[c];
	*gap = (COLS - 2 - used) / (C_N - 1);
	if (*gap < 1)
		*gap = 1;
	if (*gap > 4)
		*gap = 4;
}

static void
draw_line(struct tui *t, int y, const int w[C_N], int gap, const char *const cell[C_N],
	  enum tui_role role)
{
	int a = tui_attr(t, role), x = 1, c;

	attron(a);
	mvhline(y, 0, ' ', COLS);
	for (c = 0; c < C_N; c++) {
		tui_put(y, x, cell[c], w[c], c != C_NAME);
		x += w[c] + gap;
	}
	attroff(a);
}

static int
list_rows(void)
{
	return tui_body_rows() - 4;	/* two lines above, a blank, the header */
}

static void
tiers_draw(struct tui *t, struct tui_view *v)
{
	struct tiers *s = v->state;
	const char *head[C_N], *cell[C_N];
	char text[C_N][TIER_NAME_MAX], line[512], a[16], b[16];
	int w[C_N], gap, y = tui_body_top(), i, c, rows = list_rows();

	snprintf(line, sizeof line,
		 P_("Tiers look at the last %lld month (the setting tier_window_months).",
		    "Tiers look at the last %lld months (the setting tier_window_months).",
		    s->window), (long long)s->window);
	tui_put_wrapped(t, y, 1, line, COLS - 2, 1, ROLE_DIM);
	/* TRANSLATORS: the keys: + and -, Enter. */
	snprintf(line, sizeof line, _("A member rises to a tier by its minimum spend or visits and keeps it with its keep spend. %s and %s move a tier, %s changes it."),
		 tui_act_key(ACT_TIER_RAISE, 0, a, sizeof a),
		 tui_act_key(ACT_TIER_LOWER, 0, b, sizeof b), "Enter");
	tui_put_wrapped(t, y + 1, 1, line, COLS - 2, 2, ROLE_DIM);
	y += 3;
	layout(t->md, s, w, &gap);
	for (c = 0; c < C_N; c++)
		head[c] = _(heads[c]), cell[c] = text[c];
	draw_line(t, y++, w, gap, head, ROLE_HEADER);
	tui_list_scroll(&s->l, rows);
	for (i = 0; i < rows && s->l.top + i < s->l.n; i++) {
		cells_of(t->md, &s->rows[s->l.top + i], text);
		draw_line(t, y + i, w, gap, cell,
			  s->l.top + i == s->l.sel ? ROLE_SELECTED : ROLE_NORMAL);
	}
}

/* ---- What is done to a tier ---------------------------------------------- */

/* Move the selected tier one place: tier edit --rank. */
static void
shift(struct tui *t, struct tiers *s, int by)
{
	const struct tier *k = &s->rows[s->l.sel];
	struct tier_input in = {0};
	char rank[16];

	snprintf(rank, sizeof rank, "%d", k->rank + by);
	in.rank = rank;
	if (tier_edit(t->md, k->name, &in)) {
		tui_error(t, "%s", t->md->err);
		return;
	}
	tui_say(t, _("%s is now tier %s in the order."), k->name, rank);
	load(t, s, k->id);
}

/* A tier no member holds goes after a question; one that members hold
 * opens the form that says where they go. */
static void
delete(struct tui *t, struct tiers *s)
{
	struct tier k = s->rows[s->l.sel];

	if (k.members && k.rank) {
		tui_tier_delete_open(t, &k);
		return;
	}
	if (k.rank && !tui_confirm(t, false, _("Delete tier %s?"), k.name)) {
		tui_say(t, "%s", _("Nothing changed."));
		return;
	}
	if (tier_delete(t->md, k.name, NULL)) {	/* the base tier: the core says no */
		tui_error(t, "%s", t->md->err);
		return;
	}
	tui_say(t, _("Tier %s is deleted."), k.name);
	load(t, s, 0);
}

static enum tui_result
tiers_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct tiers *s = v->state;

	(void)key;
	if (tui_list_move(&s->l, act, list_rows()))
		return TUI_HANDLED;
	switch (act) {
	case ACT_TIER_NEW:
		tui_tier_form_open(t, NULL);
		break;
	case ACT_TIER_EDIT:
		if (s->l.n)
			tui_tier_form_open(t, s->rows[s->l.sel].name);
		break;
	case ACT_TIER_RAISE:
	case ACT_TIER_LOWER:
		if (s->l.n)
			shift(t, s, act == ACT_TIER_RAISE ? 1 : -1);
		break;
	case ACT_TIER_DELETE:
		if (s->l.n)
			delete(t, s);
		break;
	case ACT_TIER_REVIEW:
		tui_tier_review_open(t);
		break;
	default:
		return TUI_IGNORED;
	}
	return TUI_HANDLED;
}

static void
tiers_resume(struct tui *t, struct tui_view *v)
{
	struct tiers *s = v->state;

	load(t, s, s->l.n ? s->rows[s->l.sel].id : 0);
}

static void
tiers_free(struct tui_view *v)
{
	free(v->state);
}

static const enum tui_act tiers_acts[] = {
	ACT_TIER_NEW, ACT_TIER_REVIEW, ACT_TIER_EDIT, ACT_TIER_DELETE, ACT_TIER_RAISE,
	ACT_TIER_LOWER, TUI_LIST_ACTS, ACT_NONE
};

static const struct tui_screen tiers_screen = {
	.name = N_("Tier rules"),
	.acts = tiers_acts,
	.draw = tiers_draw,
	.key = tiers_key,
	.resume = tiers_resume,
	.free = tiers_free,
};

bool
tui_tiers_open(struct tui *t)
{
	struct tiers *s = calloc(1, sizeof *s);

	if (!s) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	if (!load(t, s, 0)) {
		free(s);
		return false;
	}
	return tui_push(t, &tiers_screen, s);
}
