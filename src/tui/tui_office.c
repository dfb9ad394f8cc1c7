/* tui_office.c - 后台: the owner's back office, one screen a line
 *
 * The start screen's key bar leads here, so that an owner finds the
 * shop's rules and numbers without the manual.  The menu is a table:
 * each row names a screen, says what it is for and how to open it; a
 * new back-office screen is a new row.  A row whose core action the
 * operator may not do is shown dimmed, with the core's own words for
 * why; it still opens, and the core refuses what it must. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>

#include "core/operator.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_list.h"
#include "tui/tui_screens.h"

struct office_entry {
	const char *label;	/* N_() */
	const char *what;	/* N_(): what is done there */
	bool (*open)(struct tui *t);
	enum action needs;	/* dimmed when the operator may not */
};

static const struct office_entry entries[] = {
	{N_("Tiers"), N_("thresholds, discounts, points, retention; review now"),
	 tui_tiers_open, ACTION_TIER_EDIT},
	{N_("Points"), N_("the rules, a member's lots and history, the expiry run"),
	 tui_points_office_open, ACTION_SETTINGS_SET},
	{N_("Reports"), N_("RFM segments, value types, weekly report, sales"),
	 tui_reports_open, ACTION_REPORT_VIEW},
	{N_("Import/Export"), N_("members and sales from another system, and out again"),
	 tui_transfer_open, ACTION_IMPORT_MEMBERS},
	{N_("Settings"), N_("shop name, points, member day, birthdays, bonuses"),
	 tui_settings_open, ACTION_SETTINGS_SET},
	{N_("Coupons"), N_("coupon campaigns: make, issue, see how they do"),
	 tui_campaigns_open, ACTION_CAMPAIGN_ADD},
	{N_("Operators"), N_("who may sign in, and as what"),
	 tui_operators_open, ACTION_OPERATOR_ADD},
};

#define N_ENTRIES ((int)(sizeof entries / sizeof *entries))

static int
label_cols(void)
{
	int i, w = 0;

	for (i = 0; i < N_ENTRIES; i++)
		if (text_width(_(entries[i].label)) > w)
			w = text_width(_(entries[i].label));
	return w;
}

static void
office_draw(struct tui *t, struct tui_view *v)
{
	struct tui_list *l = v->state;
	int y = tui_body_top(), lw = label_cols(), i;
	char no[8];

	tui_put_role(t, y, 1, _("The shop's rules and numbers. Enter opens the screen on the line."),
		     COLS - 2, false, ROLE_DIM);
	y += 2;
	for (i = 0; i < N_ENTRIES && y + i < LINES - 3; i++) {
		const struct office_entry *e = &entries[i];
		bool may = operator_may(t->md, e->needs) == MD_OK;
		enum tui_role role = i == l->sel ? ROLE_SELECTED : may ? ROLE_NORMAL : ROLE_DIM;
		int a = tui_attr(t, role);

		snprintf(no, sizeof no, "%d", i + 1);
		attron(a);
		mvhline(y + i, 0, ' ', COLS);
		tui_put(y + i, 2, no, 2, true);
		tui_put(y + i, 6, _(e->label), lw, false);
		tui_put(y + i, 8 + lw, _(e->what), COLS - 9 - lw, false);
		attroff(a);
	}
	y += N_ENTRIES + 1;
	/* Why the selected line is dimmed, in the core's words. */
	if (y < LINES - 3 && operator_may(t->md, entries[l->sel].needs) != MD_OK)
		tui_put_wrapped(t, y, 2, t->md->err, COLS - 4, LINES - 3 - y, ROLE_DIM);
}

static enum tui_result
office_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct tui_list *l = v->state;

	if (tui_list_move(l, act, N_ENTRIES))
		return TUI_HANDLED;
	if (key >= '1' && key < '1' + N_ENTRIES) {	/* the line's number */
		l->sel = key - '1';
		act = ACT_OFFICE_OPEN;
	}
	if (act != ACT_OFFICE_OPEN)
		return TUI_IGNORED;
	entries[l->sel].open(t);
	return TUI_HANDLED;
}

static void
office_free(struct tui_view *v)
{
	free(v->state);
}

static const enum tui_act office_acts[] = {
	ACT_OFFICE_OPEN, TUI_LIST_ACTS, ACT_NONE
};

static const struct tui_screen office_screen = {
	.name = N_("Back office"),
	.acts = office_acts,
	.draw = office_draw,
	.key = office_key,
	.free = office_free,
};

bool
tui_office_open(struct tui *t)
{
	struct tui_list *l = calloc(1, sizeof *l);

	if (!l) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	l->n = N_ENTRIES;
	return tui_push(t, &office_screen, l);
}
