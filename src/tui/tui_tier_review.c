/* tui_tier_review.c - review now: who would move, and why, then apply
 *
 * The list is the core's dry run (tier evaluate --dry-run) as of today:
 * each member who would rise or drop, from which tier to which, with
 * the spend and visits of the window and the keep spend they missed.
 * F2 asks, then has the core apply the review for real (tier
 * evaluate); what it moved is said on the tier list. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/money.h"
#include "core/text.h"
#include "core/tier.h"
#include "i18n.h"
#include "tui/tui_list.h"
#include "tui/tui_screens.h"

struct move_row {
	char card[CARD_MAX], name[MEMBER_NAME_MAX];
	char from[TIER_NAME_MAX], to[TIER_NAME_MAX];
	bool up;
	int64_t spend, visits, keep;
};

struct review {
	struct tui_list l;
	struct move_row *rows;
	size_t cap;
	struct md *md;
};

static int
keep_move(void *arg, const struct tier_move *mv)
{
	struct review *r = arg;
	struct move_row *m;

	if (!md_grow(r->md, &r->rows, &r->cap, (size_t)r->l.n, sizeof *r->rows))
		return MD_ENOMEM;
	m = &r->rows[r->l.n++];
	snprintf(m->card, sizeof m->card, "%s", mv->card);
	snprintf(m->name, sizeof m->name, "%s", mv->name);
	snprintf(m->from, sizeof m->from, "%s", mv->from);
	snprintf(m->to, sizeof m->to, "%s", mv->to);
	m->up = !strcmp(mv->reason, "upgrade");
	m->spend = mv->spend;
	m->visits = mv->visits;
	m->keep = mv->keep_spend;
	return MD_OK;
}

static int
list_rows(void)
{
	return tui_body_rows() - 3;
}

/* "spent ¥800.00 on 3 days, less than the ¥2,500.00 that keeps 金卡". */
static void
why(struct tui *t, const struct move_row *m, char *out, size_t n)
{
	char a[40], b[40];

	money_human(t->md, m->spend, a);
	money_human(t->md, m->keep, b);
	if (m->up)
		snprintf(out, n, P_("up: spent %s on %lld day", "up: spent %s on %lld days",
				    m->visits), a, (long long)m->visits);
	else
		snprintf(out, n, _("down: spent %s, less than the %s that keeps %s"), a, b,
			 m->from);
}

static void
review_draw(struct tui *t, struct tui_view *v)
{
	struct review *r = v->state;
	int y = tui_body_top(), rows = list_rows(), i, a;
	char line[512], n[32], key[16], move[160], reason[256];

	text_format_int(r->l.n, n);
	tui_act_key(ACT_APPLY, 0, key, sizeof key);
	if (!r->l.n)
		snprintf(line, sizeof line, "%s",
			 _("Every member is in the tier the rules give them today: nobody would move."));
	else
		/* TRANSLATORS: how many; the key (F2). */
		snprintf(line, sizeof line, P_("%s member would move today. %s moves them, after asking.",
					       "%s members would move today. %s moves them, after asking.",
					       r->l.n), n, key);
	tui_put_role(t, y, 1, line, COLS - 2, false, ROLE_DIM);
	y += 2;
	tui_list_scroll(&r->l, rows);
	for (i = 0; i < rows && r->l.top + i < r->l.n; i++) {
		const struct move_row *m = &r->rows[r->l.top + i];

		a = tui_attr(t, r->l.top + i == r->l.sel ? ROLE_SELECTED : ROLE_NORMAL);
		snprintf(move, sizeof move, "%s \xE2\x86\x92 %s", m->from, m->to);
		why(t, m, reason, sizeof reason);
		attron(a);
		mvhline(y + i, 0, ' ', COLS);
		tui_put(y + i, 1, m->card, 9, false);
		tui_put(y + i, 11, m->name, 16, false);
		tui_put(y + i, 28, move, 20, false);
		tui_put(y + i, 49, reason, COLS - 50, false);
		attroff(a);
	}
}

static bool
load(struct tui *t, struct review *r)
{
	int64_t moved;

	r->l.n = 0;
	if (tier_evaluate(t->md, clock_today(t->md), true, keep_move, r, &moved)) {
		tui_error(t, "%s", t->md->err);
		return false;
	}
	return true;
}

static void
apply(struct tui *t, struct review *r)
{
	int64_t moved;
	char n[32];

	if (!r->l.n) {
		tui_say(t, "%s", _("Nobody would move: nothing to apply."));
		return;
	}
	text_format_int(r->l.n, n);
	if (!tui_confirm(t, false, P_("Move %s member to the tier the rules give?",
				      "Move %s members to the tiers the rules give?", r->l.n), n)) {
		tui_say(t, "%s", _("Nothing changed."));
		return;
	}
	if (tier_evaluate(t->md, clock_today(t->md), false, NULL, NULL, &moved)) {
		tui_error(t, "%s", t->md->err);
		return;
	}
	text_format_int(moved, n);
	tui_pop(t);
	tui_say(t, P_("%s member moved; each move is in their tier history.",
		      "%s members moved; each move is in their tier history.", moved), n);
}

static enum tui_result
review_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct review *r = v->state;

	(void)key;
	if (tui_list_move(&r->l, act, list_rows()))
		return TUI_HANDLED;
	if (act != ACT_APPLY)
		return TUI_IGNORED;
	apply(t, r);
	return TUI_HANDLED;
}

static void
review_free(struct tui_view *v)
{
	struct review *r = v->state;

	free(r->rows);
	free(r);
}

static const enum tui_act review_acts[] = {ACT_APPLY, TUI_LIST_ACTS, ACT_NONE};

static const struct tui_screen review_screen = {
	.name = N_("Tier review"),
	.acts = review_acts,
	.draw = review_draw,
	.key = review_key,
	.free = review_free,
};

bool
tui_tier_review_open(struct tui *t)
{
	struct review *r = calloc(1, sizeof *r);

	if (!r) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	r->md = t->md;
	if (!load(t, r)) {
		review_free(&(struct tui_view){&review_screen, r});
		return false;
	}
	return tui_push(t, &review_screen, r);
}
