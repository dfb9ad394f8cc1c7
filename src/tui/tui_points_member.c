/* tui_points_member.c - one member's points: the balance, the lots
 * with their expiry, the whole ledger, and the adjustment
 *
 * The lots come first (what is left of each and its last day, soonest
 * first, as "points lots"), then the ledger as "points history", newest
 * at the bottom and shown first; the list keys page through it.  F5 is
 * the adjustment form of the card; back here, everything is read again. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/member.h"
#include "core/points.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_list.h"
#include "tui/tui_screens.h"

#define LOTS_SHOWN 4

struct line {
	char at[20], kind[32], expires[11], reason[128], who[64];
	int64_t delta, balance;
};

struct mpoints {
	struct tui_list l;	/* the ledger */
	struct md *md;
	struct member m;
	struct line *hist, *lots;
	size_t hcap, lcap;
	int nlots;
};

static int
keep_entry(void *arg, const struct points_entry *e)
{
	struct mpoints *p = arg;
	struct line *h;

	if (!md_grow(p->md, &p->hist, &p->hcap, (size_t)p->l.n, sizeof *p->hist))
		return MD_ENOMEM;
	h = &p->hist[p->l.n++];
	snprintf(h->at, sizeof h->at, "%s", e->at);
	snprintf(h->kind, sizeof h->kind, "%s", points_kind_label(e->kind));
	snprintf(h->expires, sizeof h->expires, "%s", e->expires);
	snprintf(h->reason, sizeof h->reason, "%s", e->reason);
	snprintf(h->who, sizeof h->who, "%s", e->operator_name);
	h->delta = e->delta;
	h->balance = e->balance;
	return MD_OK;
}

static int
keep_lot(void *arg, const struct points_lot *o)
{
	struct mpoints *p = arg;
	struct line *h;

	if (!md_grow(p->md, &p->lots, &p->lcap, (size_t)p->nlots, sizeof *p->lots))
		return MD_ENOMEM;
	h = &p->lots[p->nlots++];
	memset(h, 0, sizeof *h);
	snprintf(h->at, sizeof h->at, "%s", o->earned_at);
	snprintf(h->kind, sizeof h->kind, "%s", points_kind_label(o->kind));
	snprintf(h->expires, sizeof h->expires, "%s", o->expires);
	h->delta = o->earned;
	h->balance = o->remaining;
	return MD_OK;
}

static bool
load(struct tui *t, struct mpoints *p, int64_t id)
{
	p->l.n = p->nlots = 0;
	if (member_get_id(t->md, id, &p->m) ||
	    points_lots(t->md, p->m.card, keep_lot, p) ||
	    points_history(t->md, p->m.card, keep_entry, p)) {
		tui_error(t, "%s", t->md->err);
		return false;
	}
	p->l.sel = p->l.n - 1;	/* the newest */
	return true;
}

/* Five columns at fixed places: a time, a kind, two numbers, the rest. */
static void
put_cols(struct tui *t, int y, const char *const c[5], enum tui_role role)
{
	static const int x[5] = {1, 22, 33, 42, 52}, w[4] = {19, 10, 8, 8};
	int a = tui_attr(t, role), i;

	attron(a);
	mvhline(y, 0, ' ', COLS);
	for (i = 0; i < 4; i++)
		tui_put(y, x[i], c[i], w[i], i >= 2);
	tui_put(y, x[4], c[4], COLS - x[4] - 1, false);
	attroff(a);
}

static int
lots_rows(const struct mpoints *p)
{
	int n = p->nlots < LOTS_SHOWN ? p->nlots : LOTS_SHOWN;

	return n ? n + 1 : 1;	/* the heading, or the line saying there are none */
}

/* The ledger's rows: what is left of the body under the balance and
 * the lots, the two headings and a blank. */
static int
hist_rows(const struct mpoints *p)
{
	return tui_body_rows() - 2 - lots_rows(p) - 2;
}

static void
draw_lots(struct tui *t, struct mpoints *p, int y)
{
	char n[32], left[32], line[256];
	int i;

	if (!p->nlots) {
		tui_put_role(t, y, 1, _("No points left in any lot."), COLS - 2, false, ROLE_DIM);
		return;
	}
	const char *head[5] = {_("Earned"), _("Kind"), _("Points"), _("Remaining"), _("Last day")};

	put_cols(t, y, head, ROLE_HEADER);
	for (i = 0; i < p->nlots && i < LOTS_SHOWN; i++) {
		const struct line *o = &p->lots[i];
		const char *c[5] = {o->at, o->kind, n, left, *o->expires ? o->expires : _("never")};

		text_format_int(o->delta, n);
		text_format_int(o->balance, left);
		put_cols(t, y + 1 + i, c, ROLE_NORMAL);
	}
	if (p->nlots > LOTS_SHOWN) {
		snprintf(line, sizeof line, P_("and %d more lot", "and %d more lots",
					       p->nlots - LOTS_SHOWN), p->nlots - LOTS_SHOWN);
		tui_put_role(t, y + LOTS_SHOWN, 60, line, COLS - 61, false, ROLE_DIM);
	}
}

static void
draw_history(struct tui *t, struct mpoints *p, int y)
{
	int rows = hist_rows(p), i;
	char d[32], b[32], who[200];

	const char *head[5] = {_("When"), _("Kind"), _("Change"), _("Balance"), _("Reason")};

	put_cols(t, y, head, ROLE_HEADER);
	tui_list_scroll(&p->l, rows);
	for (i = 0; i < rows && p->l.top + i < p->l.n; i++) {
		const struct line *h = &p->hist[p->l.top + i];
		const char *c[5] = {h->at, h->kind, d, b, who};

		snprintf(who, sizeof who, "%s  %s", h->who, h->reason);
		snprintf(d, sizeof d, "%+lld", (long long)h->delta);
		text_format_int(h->balance, b);
		put_cols(t, y + 1 + i, c, p->l.top + i == p->l.sel ? ROLE_SELECTED : ROLE_NORMAL);
	}
}

static void
mpoints_draw(struct tui *t, struct tui_view *v)
{
	struct mpoints *p = v->state;
	char line[512], n[32], k[16];
	int y = tui_body_top();

	text_format_int(p->m.points, n);
	/* TRANSLATORS: card, name, balance, the key (F5). */
	snprintf(line, sizeof line, _("%s %s: %s points. %s adjusts them."), p->m.card, p->m.name,
		 n, tui_act_key(ACT_POINTS, 0, k, sizeof k));
	tui_put_role(t, y, 1, line, COLS - 2, false, ROLE_GOOD);
	draw_lots(t, p, y + 2);
	draw_history(t, p, y + 2 + lots_rows(p) + 1);
}

static enum tui_result
mpoints_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct mpoints *p = v->state;

	(void)key;
	if (tui_list_move(&p->l, act, hist_rows(p)))
		return TUI_HANDLED;
	if (act != ACT_POINTS)
		return TUI_IGNORED;
	tui_points_open(t, p->m.id);
	return TUI_HANDLED;
}

static void
mpoints_resume(struct tui *t, struct tui_view *v)
{
	struct mpoints *p = v->state;

	load(t, p, p->m.id);
}

static void
mpoints_free(struct tui_view *v)
{
	struct mpoints *p = v->state;

	free(p->hist);
	free(p->lots);
	free(p);
}

static const enum tui_act mpoints_acts[] = {ACT_POINTS, TUI_LIST_ACTS, ACT_NONE};

static const struct tui_screen mpoints_screen = {
	.name = N_("Member's points"),
	.acts = mpoints_acts,
	.draw = mpoints_draw,
	.key = mpoints_key,
	.resume = mpoints_resume,
	.free = mpoints_free,
};

bool
tui_points_member_open(struct tui *t, int64_t member_id, bool replace)
{
	struct mpoints *p = calloc(1, sizeof *p);

	if (!p) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	p->md = t->md;
	if (!load(t, p, member_id)) {
		mpoints_free(&(struct tui_view){&mpoints_screen, p});
		return false;
	}
	return (replace ? tui_replace : tui_push)(t, &mpoints_screen, p);
}
