/* tui_reports.c - 报表 and 导入导出: the two menus of the owner's work
 *
 * Each is a short list of what can be opened from it, with a line that
 * says what it shows.  The reports menu asks the core first whether the
 * operator may read the reports, so that staff get the core's refusal
 * before a screen of nothing. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>

#include "core/operator.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_report.h"
#include "tui/tui_screens.h"

struct menu_item {
	const char *label;	/* N_() */
	const char *about;	/* N_() */
	bool (*open)(struct tui *t);
};

struct menu {
	const struct menu_item *items;
	struct tui_list l;
};

static bool
open_rfm(struct tui *t)
{
	return tui_report_groups_open(t, false);
}

static bool
open_types(struct tui *t)
{
	return tui_report_groups_open(t, true);
}

static const struct menu_item report_items[] = {
	{N_("RFM segments"), N_("members by how recently, how often and how much they bought"),
	 open_rfm},
	{N_("Value types"), N_("sleeping, churning, high total, high ticket, loyal, bargain"),
	 open_types},
	{N_("Weekly report"), N_("the owner's weekly report, page by page, to save"),
	 tui_report_weekly_open},
	{N_("Birthdays"), N_("members whose birthday is coming"), tui_report_birthdays_open},
	{N_("Sales figures"), N_("sales by day, week or month, by category and by payment"),
	 tui_report_sales_open},
	{NULL, NULL, NULL},
};

static const struct menu_item transfer_items[] = {
	{N_("Import"), N_("members, sales, points or stored value from another system's CSV"),
	 tui_import_open},
	{N_("Export"), N_("members, sales, points, stored value or coupons to CSV"),
	 tui_export_open},
	{NULL, NULL, NULL},
};

static void
menu_draw(struct tui *t, struct tui_view *v)
{
	struct menu *m = v->state;
	int y = tui_body_top() + 1, lw = 0, w, i;

	for (i = 0; i < m->l.n; i++)
		if ((w = text_width(_(m->items[i].label))) > lw)
			lw = w;
	for (i = 0; i < m->l.n; i++, y++) {
		enum tui_role role = i == m->l.sel ? ROLE_SELECTED : ROLE_NORMAL;

		attron(tui_attr(t, role));
		mvhline(y, 0, ' ', COLS);
		tui_put(y, 2, _(m->items[i].label), lw, false);
		tui_put(y, 4 + lw, _(m->items[i].about), COLS - 6 - lw, false);
		attroff(tui_attr(t, role));
	}
}

static enum tui_result
menu_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct menu *m = v->state;

	(void)key;
	if (tui_list_move(&m->l, act, m->l.n))
		return TUI_HANDLED;
	if (act != ACT_CHOOSE)
		return TUI_IGNORED;
	m->items[m->l.sel].open(t);
	return TUI_HANDLED;
}

static void
menu_free(struct tui_view *v)
{
	free(v->state);
}

static const enum tui_act menu_acts[] = {ACT_CHOOSE, TUI_LIST_ACTS, ACT_NONE};

static const struct tui_screen reports_screen = {
	.name = N_("Reports"),
	.acts = menu_acts,
	.draw = menu_draw,
	.key = menu_key,
	.free = menu_free,
};

static const struct tui_screen transfer_screen = {
	.name = N_("Import and export"),
	.acts = menu_acts,
	.draw = menu_draw,
	.key = menu_key,
	.free = menu_free,
};

static bool
menu_open(struct tui *t, const struct tui_screen *scr, const struct menu_item *items)
{
	struct menu *m = calloc(1, sizeof *m);

	if (!m) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	m->items = items;
	while (items[m->l.n].label)
		m->l.n++;
	return tui_push(t, scr, m);
}

bool
tui_reports_open(struct tui *t)
{
	if (operator_may(t->md, ACTION_REPORT_VIEW)) {
		tui_error(t, "%s", t->md->err);
		return false;
	}
	return menu_open(t, &reports_screen, report_items);
}

bool
tui_transfer_open(struct tui *t)
{
	return menu_open(t, &transfer_screen, transfer_items);
}
