/* tui_report_groups.c - RFM segments and value types, as a table and
 * as bars
 *
 * One line per segment (or type): the figures of "report rfm" (or
 * "report types") and a bar of its members, the bars as long as the
 * terminal leaves room for.  Enter shows the members of the selected
 * line.  The figures are the core's, as of today. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>

#include "core/clock.h"
#include "core/money.h"
#include "core/rfm.h"
#include "core/text.h"
#include "core/value_types.h"
#include "i18n.h"
#include "tui/tui_report.h"
#include "tui/tui_screens.h"

struct groups {
	bool types;
	struct tui_list l;
	struct rfm_summary rfm;
	struct value_types_summary vt;
};

static const char *
group_label(const struct groups *g, int i)
{
	return g->types ? value_types_label(i) : rfm_segment_label(i);
}

static int64_t
group_members(const struct groups *g, int i)
{
	return g->types ? g->vt.carrying[i] : g->rfm.seg[i].members;
}

enum { C_NAME, C_MEMBERS, C_SHARE, C_R, C_F, C_M, C_COUNT };

/* The columns: the name as wide as the widest, the figures as wide as
 * their numbers can be at a shop's scale. */
static int
layout(const struct groups *g, struct tui_col c[C_COUNT])
{
	int w, i;

	c[C_NAME] = (struct tui_col){g->types ? N_("Value type") : N_("Segment"), 0, false};
	c[C_MEMBERS] = (struct tui_col){N_("Members"), 8, true};
	c[C_SHARE] = (struct tui_col){g->types ? N_("Primary") : N_("Share %"), 8, true};
	c[C_R] = (struct tui_col){N_("Mean R"), 7, true};
	c[C_F] = (struct tui_col){N_("Mean F"), 6, true};
	c[C_M] = (struct tui_col){N_("Mean M"), 11, true};
	for (i = C_MEMBERS; i < C_COUNT; i++)	/* a heading may be wider */
		if ((w = text_width(_(c[i].head))) > c[i].width)
			c[i].width = w;
	c[C_NAME].width = text_width(_(c[C_NAME].head));
	for (i = 0; i < g->l.n; i++)
		if ((w = text_width(group_label(g, i))) > c[C_NAME].width)
			c[C_NAME].width = w;
	return g->types ? C_R : C_COUNT;
}

/* One segment's figures: its members, share and means. */
static void
rfm_cells(struct tui *t, const struct groups *g, int i, char cell[C_COUNT][40])
{
	const struct rfm_totals *s = &g->rfm.seg[i];

	text_format_int(s->members, cell[C_MEMBERS]);
	if (g->rfm.members)
		text_format_ratio(100 * s->members, g->rfm.members, cell[C_SHARE]);
	else
		cell[C_SHARE][0] = '\0';
	cell[C_R][0] = cell[C_F][0] = cell[C_M][0] = '\0';
	if (i == RFM_NO_PURCHASE || !s->members)
		return;
	text_format_ratio(s->recency, s->members, cell[C_R]);
	text_format_ratio(s->frequency, s->members, cell[C_F]);
	money_human(t->md, money_mul_div(s->monetary, 1, s->members), cell[C_M]);
}

static void
draw_footer(struct tui *t, const struct groups *g, int y)
{
	char line[300], a[40], b[40];

	if (g->types) {
		money_human(t->md, g->vt.average_ticket, a);
		money_human(t->md, g->vt.ticket_threshold, b);
		snprintf(line, sizeof line,
			 P_("%lld member bought in the last %d days: average ticket %s, high ticket from %s.",
			    "%lld members bought in the last %d days: average ticket %s, high ticket from %s.",
			    g->vt.buyers),
			 (long long)g->vt.buyers, VALUE_TYPES_YEAR, a, b);
	} else {
		text_format_int(g->rfm.members, a);
		text_format_int(g->rfm.scored, b);
		snprintf(line, sizeof line, _("%s members, %s of them scored (a purchase in the window)."),
			 a, b);
	}
	tui_put_wrapped(t, y, 1, line, COLS - 2, 2, ROLE_DIM);
}

static void
groups_draw(struct tui *t, struct tui_view *v)
{
	struct groups *g = v->state;
	struct tui_col c[C_COUNT];
	char cell[C_COUNT][40], intro[300], today[11];
	const char *cells[C_COUNT];
	int n = layout(g, c), y = tui_body_top() + 3, x, i, j, bar;
	int64_t max = 1;

	clock_today_text(t->md, today);
	if (g->types)
		snprintf(intro, sizeof intro, _("As of %s. Enter shows the members of a type."), today);
	else
		snprintf(intro, sizeof intro,
			 _("As of %s, over %d days. Enter shows a segment's members."),
			 today, RFM_WINDOW);
	tui_put_role(t, tui_body_top(), 1, intro, COLS - 2, false, ROLE_DIM);
	for (i = 0; i < g->l.n; i++)
		if (group_members(g, i) > max)
			max = group_members(g, i);
	x = tui_table_row(t, y - 1, c, n, NULL, ROLE_HEADER);
	bar = COLS - x - 1;
	for (i = 0; i < g->l.n; i++, y++) {
		enum tui_role role = i == g->l.sel ? ROLE_SELECTED : ROLE_NORMAL;

		for (j = 0; j < C_COUNT; j++)
			cells[j] = cell[j];
		cells[C_NAME] = group_label(g, i);
		if (g->types) {
			text_format_int(g->vt.carrying[i], cell[C_MEMBERS]);
			text_format_int(g->vt.primary[i], cell[C_SHARE]);
		} else {
			rfm_cells(t, g, i, cell);
		}
		tui_table_row(t, y, c, n, cells, role);
		tui_put_bar(t, y, x, group_members(g, i), max, bar,
			    role == ROLE_SELECTED ? ROLE_SELECTED : ROLE_GOOD);
	}
	draw_footer(t, g, y + 1);
}

static bool
groups_load(struct tui *t, struct groups *g)
{
	struct date today = clock_today(t->md);
	int rc = g->types ? value_types_summary(t->md, today, &g->vt) :
			    rfm_summary(t->md, today, RFM_WINDOW, &g->rfm);

	if (rc)
		tui_error(t, "%s", t->md->err);
	return rc == MD_OK;
}

static enum tui_result
groups_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct groups *g = v->state;

	(void)key;
	if (tui_list_move(&g->l, act, g->l.n))
		return TUI_HANDLED;
	if (act != ACT_CHOOSE)
		return TUI_IGNORED;
	tui_report_members_open(t, g->types, g->l.sel);
	return TUI_HANDLED;
}

static void
groups_resume(struct tui *t, struct tui_view *v)
{
	groups_load(t, v->state);	/* a sale on a card opened from here */
}

static void
groups_free(struct tui_view *v)
{
	free(v->state);
}

static const enum tui_act groups_acts[] = {ACT_CHOOSE, TUI_LIST_ACTS, ACT_NONE};

static const struct tui_screen rfm_screen = {
	.name = N_("RFM segments"),
	.acts = groups_acts,
	.draw = groups_draw,
	.key = groups_key,
	.resume = groups_resume,
	.free = groups_free,
};

static const struct tui_screen types_screen = {
	.name = N_("Value types"),
	.acts = groups_acts,
	.draw = groups_draw,
	.key = groups_key,
	.resume = groups_resume,
	.free = groups_free,
};

bool
tui_report_groups_open(struct tui *t, bool types)
{
	struct groups *g = calloc(1, sizeof *g);

	if (!g) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	g->types = types;
	g->l.n = types ? VALUE_TYPES : RFM_SEGMENTS;
	if (!groups_load(t, g)) {
		free(g);
		return false;
	}
	return tui_push(t, types ? &types_screen : &rfm_screen, g);
}
