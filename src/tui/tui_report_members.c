/* tui_report_members.c - the members of one RFM segment or value type
 *
 * Read whole from the core (a segment is a part of a shop's members),
 * by card; F5, F6 and F7 (or r, f and m) sort them by recency,
 * frequency or spend, Enter opens the member's screen.  A value type's
 * members carry their RFM figures too, so that they sort the same. */
#include <config.h>

#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/money.h"
#include "core/rfm.h"
#include "core/text.h"
#include "core/value_types.h"
#include "i18n.h"
#include "tui/tui_report.h"
#include "tui/tui_screens.h"

struct row {
	struct rfm_member m;
	bool scored;
	int64_t key;		/* what the rows are sorted by */
};

struct members {
	struct md *md;
	bool types;
	int group;
	struct row *rows;
	size_t n, cap;
	enum tui_act sort;	/* ACT_NONE: by card */
	struct tui_list l;
};

static int
keep_rfm(void *arg, const struct rfm_member *m)
{
	struct members *s = arg;

	if (!md_grow(s->md, &s->rows, &s->cap, s->n, sizeof *s->rows))
		return MD_ENOMEM;
	s->rows[s->n].m = *m;
	s->rows[s->n++].scored = m->segment != RFM_NO_PURCHASE;
	return MD_OK;
}

static int
keep_typed(void *arg, const struct value_types_member *m)
{
	struct members *s = arg;
	struct row *r;

	if (!(m->types & (1u << s->group)))
		return MD_OK;
	if (!md_grow(s->md, &s->rows, &s->cap, s->n, sizeof *s->rows))
		return MD_ENOMEM;
	r = memset(&s->rows[s->n++], 0, sizeof *r);
	text_copy(r->m.card, sizeof r->m.card, m->card);
	text_copy(r->m.name, sizeof r->m.name, m->name);
	text_copy(r->m.phone, sizeof r->m.phone, m->phone);
	return MD_OK;
}

static int
by_card(const void *a, const void *b)
{
	return strcmp(((const struct row *)a)->m.card, ((const struct row *)b)->m.card);
}

/* Every member's RFM figures, onto the typed members (both by card). */
static int
add_scores(void *arg, const struct rfm_member *m)
{
	struct members *s = arg;
	struct row key, *r;

	memcpy(key.m.card, m->card, sizeof key.m.card);
	if ((r = bsearch(&key, s->rows, s->n, sizeof *s->rows, by_card))) {
		r->m = *m;
		r->scored = m->segment != RFM_NO_PURCHASE;
	}
	return MD_OK;
}

/* The rows in the order of SORT: each gets its key first (the bigger
 * the sooner), members without figures go last, cards break ties. */
static int
by_key(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key > b->key ? -1 : 1;
	return strcmp(a->m.card, b->m.card);
}

static void
sort_rows(struct members *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct rfm_member *m = &s->rows[i].m;

		s->rows[i].key = s->sort == ACT_NONE ? 0 :
				 !s->rows[i].scored ? INT64_MIN :
				 s->sort == ACT_SORT_R ? -m->recency :
				 s->sort == ACT_SORT_F ? m->frequency :
				 s->sort == ACT_SORT_M ? m->monetary : 0;
	}
	qsort(s->rows, s->n, sizeof *s->rows, by_key);
}

static bool
members_load(struct tui *t, struct members *s)
{
	struct date today = clock_today(t->md);
	int rc;

	s->n = 0;
	if (s->types)
		rc = value_types_members(t->md, today, keep_typed, s);
	else
		rc = rfm_members(t->md, today, RFM_WINDOW, s->group, keep_rfm, s);
	if (!rc && s->types)
		rc = rfm_members(t->md, today, RFM_WINDOW, -1, add_scores, s);
	if (rc) {
		tui_error(t, "%s", t->md->err);
		return false;
	}
	sort_rows(s);
	s->l.n = (int)s->n;
	if (s->l.sel >= s->l.n)
		s->l.sel = s->l.n ? s->l.n - 1 : 0;
	return true;
}

enum { C_CARD, C_NAME, C_PHONE, C_LAST, C_R, C_F, C_M, C_COUNT };

static int
list_rows(void)
{
	return tui_body_rows() - 3;	/* the intro, a blank, the headings */
}

static void
layout(const struct members *s, struct tui_col c[C_COUNT])
{
	int w;

	c[C_CARD] = (struct tui_col){N_("Card"), text_width(_("Card")), false};
	c[C_NAME] = (struct tui_col){N_("Name"), 0, false};
	c[C_PHONE] = (struct tui_col){N_("Phone"), 13, false};
	c[C_LAST] = (struct tui_col){N_("Last sale"), 10, false};
	c[C_R] = (struct tui_col){N_("R (days)"), 8, true};
	c[C_F] = (struct tui_col){N_("F"), 4, true};
	c[C_M] = (struct tui_col){N_("M"), 11, true};
	for (size_t i = 0; i < s->n; i++)
		if ((w = text_width(s->rows[i].m.card)) > c[C_CARD].width)
			c[C_CARD].width = w;
	if ((w = text_width(_(c[C_LAST].head))) > c[C_LAST].width)
		c[C_LAST].width = w;
	tui_cols_fit(c, C_COUNT, 0, 8);
}

static void
draw_intro(struct tui *t, const struct members *s)
{
	const char *by[] = {_("by card"), _("the latest buyers first"),
			    _("the most sales first"), _("the biggest spenders first")};
	int i = s->sort == ACT_SORT_R ? 1 : s->sort == ACT_SORT_F ? 2 : s->sort == ACT_SORT_M ? 3 : 0;
	char line[400], n[32];

	text_format_int((int64_t)s->n, n);
	/* TRANSLATORS: "Important value: 12 members, by card." */
	snprintf(line, sizeof line, P_("%s: %s member, %s.", "%s: %s members, %s.", s->n),
		 s->types ? value_types_label(s->group) : rfm_segment_label(s->group), n, by[i]);
	tui_put_role(t, tui_body_top(), 1, line, COLS - 2, false, ROLE_DIM);
}

static void
members_draw(struct tui *t, struct tui_view *v)
{
	struct members *s = v->state;
	struct tui_col c[C_COUNT];
	char r[32], f[32], m[40];
	int y = tui_body_top() + 3, rows = list_rows(), i;

	layout(s, c);
	draw_intro(t, s);
	tui_table_row(t, y - 1, c, C_COUNT, NULL, ROLE_HEADER);
	tui_list_scroll(&s->l, rows);
	for (i = 0; i < rows && s->l.top + i < s->l.n; i++) {
		const struct row *w = &s->rows[s->l.top + i];
		const char *cells[C_COUNT] = {w->m.card, w->m.name, w->m.phone, w->m.last, r, f, m};

		r[0] = f[0] = m[0] = '\0';
		if (w->scored) {
			text_format_int(w->m.recency, r);
			text_format_int(w->m.frequency, f);
			money_human(t->md, w->m.monetary, m);
		}
		tui_table_row(t, y + i, c, C_COUNT, cells,
			      s->l.top + i == s->l.sel ? ROLE_SELECTED : ROLE_NORMAL);
	}
}

static enum tui_result
members_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct members *s = v->state;

	(void)key;
	if (tui_list_move(&s->l, act, list_rows()))
		return TUI_HANDLED;
	switch (act) {
	case ACT_SORT_R:
	case ACT_SORT_F:
	case ACT_SORT_M:
		s->sort = s->sort == act ? ACT_NONE : act;	/* again: by card */
		sort_rows(s);
		s->l.sel = s->l.top = 0;
		return TUI_HANDLED;
	case ACT_OPEN:
		if (s->n)
			tui_report_card(t, s->rows[s->l.sel].m.card);
		return TUI_HANDLED;
	default:
		return TUI_IGNORED;
	}
}

static void
members_free(struct tui_view *v)
{
	struct members *s = v->state;

	free(s->rows);
	free(s);
}

static const enum tui_act members_acts[] = {
	ACT_OPEN, ACT_SORT_R, ACT_SORT_F, ACT_SORT_M, TUI_LIST_ACTS, ACT_NONE
};

static const struct tui_screen members_screen = {
	.name = N_("Members of a group"),
	.acts = members_acts,
	.draw = members_draw,
	.key = members_key,
	.free = members_free,
};

bool
tui_report_members_open(struct tui *t, bool types, int group)
{
	struct members *s = calloc(1, sizeof *s);

	if (!s) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	*s = (struct members){.md = t->md, .types = types, .group = group, .sort = ACT_NONE};
	if (!members_load(t, s)) {
		free(s->rows);
		free(s);
		return false;
	}
	return tui_push(t, &members_screen, s);
}
