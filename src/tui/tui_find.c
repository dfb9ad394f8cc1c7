/* tui_find.c - the start screen: find a member as you type
 *
 * With a search typed, the screen shows the best matches member_find()
 * gives (at most FIND_LIMIT: a counter search that needs more should
 * be narrowed).  With none, it browses every member in registration
 * order a screenful at a time: each move asks the core for just the
 * rows it shows (keyset paging on the member id), so a million members
 * cost what twenty do. */
#include <config.h>

#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/member.h"
#include "core/money.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_edit.h"
#include "tui/tui_screens.h"

#define FIND_LIMIT 200

struct row {
	int64_t id;
	char card[CARD_MAX];
	char name[MEMBER_NAME_MAX];
	char phone[PHONE_MAX];
	char tier[68];
	enum member_status status;
	int64_t points, wallet;
};

struct find {
	struct tui_edit q;
	struct row *rows;
	int n, cap;
	int sel, top;		/* selected row; first row shown (search) */
	int page;		/* rows the list had room for when loaded */
	bool stale;		/* the search changed: ask again before drawing */
	bool truncated;		/* FIND_LIMIT matches, maybe more */
	bool failed;
};

/* Gathering rows from a core walk. */
struct gather {
	struct find *f;
	struct md *md;
};

static int
gather_row(void *arg, const struct member *m)
{
	struct gather *g = arg;
	struct find *f = g->f;
	struct row *r;

	if (f->n == f->cap) {
		int cap = f->cap ? 2 * f->cap : 64;
		struct row *p = realloc(f->rows, (size_t)cap * sizeof *p);

		if (!p)
			return md_fail(g->md, MD_ENOMEM, "%s", _("out of memory"));
		f->rows = p;
		f->cap = cap;
	}
	r = &f->rows[f->n++];
	r->id = m->id;
	snprintf(r->card, sizeof r->card, "%s", m->card);
	snprintf(r->name, sizeof r->name, "%s", m->name);
	snprintf(r->phone, sizeof r->phone, "%s", m->phone);
	snprintf(r->tier, sizeof r->tier, "%s", m->tier);
	r->status = m->status;
	r->points = m->points;
	r->wallet = m->wallet_principal + m->wallet_bonus;
	return 0;
}

static int
list_rows(void)
{
	return tui_body_rows() - 3;	/* the search line, a blank, the header */
}

static bool
searching(const struct find *f)
{
	char q[TUI_EDIT_MAX];

	text_trim(f->q.buf, q, sizeof q);
	return *q != '\0';
}

static void
reverse(struct find *f)
{
	struct row tmp;
	int i;

	for (i = 0; i < f->n / 2; i++) {
		tmp = f->rows[i];
		f->rows[i] = f->rows[f->n - 1 - i];
		f->rows[f->n - 1 - i] = tmp;
	}
}

/* Browse: the page of members after AFTER (or, with BEFORE > 0, the
 * page ending just before BEFORE).  Returns how many rows came. */
static int
browse(struct tui *t, struct find *f, int64_t after, int64_t before)
{
	struct member_filter mf = {.after_id = after, .before_id = before};
	struct gather g = {f, t->md};
	int rc;

	f->n = 0;
	f->page = list_rows();
	mf.limit = f->page;
	if ((rc = member_list(t->md, &mf, gather_row, &g))) {
		tui_error(t, "%s", t->md->err);
		f->failed = true;
		return 0;
	}
	if (before)
		reverse(f);
	return f->n;
}

static void
search(struct tui *t, struct find *f)
{
	struct gather g = {f, t->md};

	f->n = 0;
	f->sel = f->top = 0;
	f->truncated = false;
	f->failed = false;
	f->stale = false;
	if (!searching(f)) {
		browse(t, f, 0, 0);
		return;
	}
	if (member_find(t->md, f->q.buf, FIND_LIMIT, false, gather_row, &g)) {
		tui_error(t, "%s", t->md->err);
		f->failed = true;
		return;
	}
	f->truncated = f->n == FIND_LIMIT;
}

/* Browse moves.  Each asks for a whole page and keeps the old one when
 * the new would be short (the list's ends). */
static void
browse_move(struct tui *t, struct find *f, enum tui_act act)
{
	int64_t first = f->n ? f->rows[0].id : 0, last = f->n ? f->rows[f->n - 1].id : 0;
	int page = list_rows(), old_n = f->n;
	struct row *keep;

	switch (act) {
	case ACT_HOME:
		browse(t, f, 0, 0);
		f->sel = 0;
		return;
	case ACT_END:
		browse(t, f, 0, INT64_MAX);
		f->sel = f->n - 1;
		return;
	default:
		break;
	}
	if (!(keep = malloc((size_t)(old_n ? old_n : 1) * sizeof *keep)))
		return;
	memcpy(keep, f->rows, (size_t)old_n * sizeof *keep);
	switch (act) {
	case ACT_DOWN:	/* one further on: the page from the second row */
		if (browse(t, f, first, 0) < old_n || old_n < page)
			goto restore;
		break;
	case ACT_UP:	/* one back: the page ending before the last row */
		if (browse(t, f, 0, last) < old_n || old_n < page)
			goto restore;
		break;
	case ACT_PGDN:
		if (browse(t, f, last, 0) < page) {
			browse(t, f, 0, INT64_MAX);
			f->sel = f->n - 1;
		}
		break;
	case ACT_PGUP:
		if (browse(t, f, 0, first) < page) {
			browse(t, f, 0, 0);
			f->sel = 0;
		}
		break;
	default:
		break;
	}
	free(keep);
	return;
restore:
	memcpy(f->rows, keep, (size_t)old_n * sizeof *keep);
	f->n = old_n;
	free(keep);
}

static void
move_sel(struct tui *t, struct find *f, enum tui_act act)
{
	int page = list_rows();

	if (!searching(f)) {
		if ((act == ACT_DOWN && f->sel < f->n - 1) ||
		    (act == ACT_UP && f->sel > 0)) {
			f->sel += act == ACT_DOWN ? 1 : -1;
			return;
		}
		browse_move(t, f, act);
		return;
	}
	switch (act) {
	case ACT_UP:
		f->sel--;
		break;
	case ACT_DOWN:
		f->sel++;
		break;
	case ACT_PGUP:
		f->sel -= page;
		break;
	case ACT_PGDN:
		f->sel += page;
		break;
	case ACT_HOME:
		f->sel = 0;
		break;
	case ACT_END:
		f->sel = f->n - 1;
		break;
	default:
		break;
	}
	if (f->sel >= f->n)
		f->sel = f->n - 1;
	if (f->sel < 0)
		f->sel = 0;
}

/* Column widths for COLS: the name takes what the others leave. */
struct cols {
	int card, name, phone, tier, points, wallet, status;
};

static void
layout(struct cols *c)
{
	c->card = 9;
	c->phone = 12;
	c->tier = 8;
	c->points = 9;
	c->wallet = 12;
	c->status = 6;
	c->name = COLS - 2 - (c->card + c->phone + c->tier + c->points +
			      c->wallet + c->status) - 6;
}

static void
draw_row(struct tui *t, int y, const struct cols *c, const char *const cell[7],
	 enum tui_role role)
{
	int x = 1, a = tui_attr(t, role);

	attron(a);
	mvhline(y, 0, ' ', COLS);
	tui_put(y, x, cell[0], c->card, false);
	x += c->card + 1;
	tui_put(y, x, cell[1], c->name, false);
	x += c->name + 1;
	tui_put(y, x, cell[2], c->phone, false);
	x += c->phone + 1;
	tui_put(y, x, cell[3], c->tier, false);
	x += c->tier + 1;
	tui_put(y, x, cell[4], c->points, true);
	x += c->points + 1;
	tui_put(y, x, cell[5], c->wallet, true);
	x += c->wallet + 1;
	tui_put(y, x, cell[6], c->status, false);
	attroff(a);
}

static void
draw_header(struct tui *t, int y, const struct cols *c)
{
	const char *h[7] = {
		_("Card"), _("Name"), _("Phone"), _("Tier"), _("Points"),
		_("Wallet"), _("Status"),
	};

	draw_row(t, y, c, h, ROLE_HEADER);
}

static void
draw_summary(struct tui *t, struct find *f, int y)
{
	char msg[256], key[16];

	if (f->failed)
		return;
	tui_act_key(ACT_REGISTER, 0, key, sizeof key);
	if (!searching(f) && !f->n)
		/* TRANSLATORS: %s is the key (F2). */
		snprintf(msg, sizeof msg, _("No members yet: %s registers the first one."), key);
	else if (!searching(f))
		snprintf(msg, sizeof msg, "%s",
			 _("All members, in the order they joined. Type to search."));
	else if (!f->n)
		/* TRANSLATORS: %s is the key (F2). */
		snprintf(msg, sizeof msg, _("No member matches. %s registers a new one."), key);
	else if (f->truncated)
		snprintf(msg, sizeof msg, _("The first %d matches: type more to narrow them."),
			 f->n);
	else
		snprintf(msg, sizeof msg, P_("%d match", "%d matches", f->n), f->n);
	tui_put_role(t, tui_body_top() + 1, 1, msg, COLS - 2, false, ROLE_DIM);
	(void)y;
}

/* The same rows again, fresh, from the same place. */
static void
reload(struct tui *t, struct find *f)
{
	int sel = f->sel, top = f->top;
	int64_t first = f->n ? f->rows[0].id : 0;

	if (searching(f)) {
		search(t, f);
		f->top = top;
	} else {
		browse(t, f, first ? first - 1 : 0, 0);
	}
	f->sel = sel < f->n ? sel : f->n - 1;
	if (f->sel < 0)
		f->sel = 0;
}

static void
find_draw(struct tui *t, struct tui_view *v)
{
	struct find *f = v->state;
	const char *label = _("Find:");
	int y = tui_body_top(), rows = list_rows(), lw, i;
	char pts[32], money[40];
	struct cols c;

	if (f->stale)
		search(t, f);
	else if (!searching(f) && f->page != rows)	/* resized */
		reload(t, f);
	layout(&c);
	lw = text_width(label);
	tui_put_role(t, y, 1, label, lw, false, ROLE_HEADER);
	tui_edit_draw(t, &f->q, y, lw + 2, 40, tui_attr(t, ROLE_FIELD), true);
	tui_put_role(t, y, lw + 43, _("phone, last 4 digits, card or name"),
		     COLS - lw - 44, false, ROLE_DIM);
	draw_summary(t, f, y + 1);
	draw_header(t, y + 2, &c);
	if (f->sel < f->top)
		f->top = f->sel;
	if (f->sel >= f->top + rows)
		f->top = f->sel - rows + 1;
	for (i = 0; i < rows && f->top + i < f->n; i++) {
		const struct row *r = &f->rows[f->top + i];
		const char *cell[7];

		text_format_int(r->points, pts);
		money_human(t->md, r->wallet, money);
		cell[0] = r->card;
		cell[1] = r->name;
		cell[2] = r->phone;
		cell[3] = r->tier;
		cell[4] = pts;
		cell[5] = money;
		cell[6] = r->status != MEMBER_ACTIVE ? member_status_label(r->status) : "";
		draw_row(t, y + 3 + i, &c, cell,
			 f->top + i == f->sel ? ROLE_SELECTED : ROLE_NORMAL);
	}
}

/* Until the back office's menu reaches them: the reports and import/
 * export on their Alt keys, off this screen's key bar and help. */
static enum tui_act
office_act(int key)
{
	static const enum tui_act acts[] = {ACT_REPORTS, ACT_TRANSFER, ACT_NONE};
	static const struct tui_screen hidden = {.acts = acts};
	enum tui_act act = tui_action_for(&hidden, key, false);

	return act == ACT_REPORTS || act == ACT_TRANSFER ? act : ACT_NONE;
}

static enum tui_result
find_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct find *f = v->state;
	bool changed;

	if (act == ACT_NONE)
		act = office_act(key);
	switch (act) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PGUP:
	case ACT_PGDN:
	case ACT_HOME:
	case ACT_END:
		move_sel(t, f, act);
		return TUI_HANDLED;
	case ACT_OPEN:
		if (f->n && f->sel < f->n)
			tui_card_open(t, f->rows[f->sel].id, false);
		return TUI_HANDLED;
	case ACT_REGISTER:
		tui_register_open(t);
		return TUI_HANDLED;
	case ACT_WALKIN:
		tui_sell_open(t, 0);
		return TUI_HANDLED;
	case ACT_CAMPAIGNS:
		tui_campaigns_open(t);
		return TUI_HANDLED;
	case ACT_OFFICE:
		tui_office_open(t);
		return TUI_HANDLED;
	case ACT_REPORTS:
		tui_reports_open(t);
		return TUI_HANDLED;
	case ACT_TRANSFER:
		tui_transfer_open(t);
		return TUI_HANDLED;
	case ACT_BACK:	/* Esc clears the search */
		tui_edit_set(&f->q, "");
		f->stale = true;
		return TUI_HANDLED;
	default:
		break;
	}
	if (act == ACT_NONE && tui_edit_key(&f->q, key, &changed)) {
		if (changed)
			f->stale = true;
		return TUI_HANDLED;
	}
	return TUI_IGNORED;
}

static bool
find_typing(const struct tui_view *v)
{
	(void)v;
	return true;
}

/* Back from a card or a sale: balances may have moved. */
static void
find_resume(struct tui *t, struct tui_view *v)
{
	reload(t, v->state);
}

static void
find_free(struct tui_view *v)
{
	struct find *f = v->state;

	free(f->rows);
	free(f);
}

static const enum tui_act find_acts[] = {
	ACT_REGISTER, ACT_WALKIN, ACT_CAMPAIGNS, ACT_OFFICE, ACT_OPEN, ACT_UP, ACT_DOWN, ACT_PGUP,
	ACT_PGDN, ACT_HOME, ACT_END, ACT_NONE
};

static const struct tui_screen find_screen = {
	.name = N_("Find a member"),
	.acts = find_acts,
	.draw = find_draw,
	.key = find_key,
	.typing = find_typing,
	.resume = find_resume,
	.free = find_free,
};

bool
tui_find_open(struct tui *t)
{
	struct find *f = calloc(1, sizeof *f);

	if (!f) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	f->stale = true;
	return tui_push(t, &find_screen, f);
}

void
tui_find_again(struct tui *t)
{
	struct find *f;

	while (t->depth > 1)
		tui_pop(t);
	f = t->stack[0].state;
	tui_edit_set(&f->q, "");
	f->stale = true;
}
