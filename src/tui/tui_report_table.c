/* tui_report_table.c - the report screens' tables, and a member opened
 * by card */
#include <config.h>

#include <curses.h>

#include "core/member.h"
#include "i18n.h"
#include "tui/tui_report.h"
#include "tui/tui_screens.h"

void
tui_cols_fit(struct tui_col *c, int n, int reserve, int min)
{
	int used = 1, i, flex = -1;

	for (i = 0; i < n; i++) {
		used += c[i].width + 1;
		if (!c[i].width)
			flex = i;
	}
	if (flex >= 0)
		c[flex].width = COLS - used - reserve > min ? COLS - used - reserve : min;
}

int
tui_table_row(struct tui *t, int y, const struct tui_col *c, int n,
	      const char *const *cells, enum tui_role role)
{
	int x = 1, i, a = tui_attr(t, cells ? role : ROLE_HEADER);

	attron(a);
	mvhline(y, 0, ' ', COLS);
	for (i = 0; i < n && x < COLS; i++) {
		tui_put(y, x, cells ? cells[i] : _(c[i].head),
			x + c[i].width < COLS ? c[i].width : COLS - x, c[i].right);
		x += c[i].width + 1;
	}
	attroff(a);
	return x;
}

void
tui_report_card(struct tui *t, const char *card)
{
	int64_t id;

	if (member_resolve(t->md, card, &id))
		tui_error(t, "%s", t->md->err);
	else
		tui_card_open(t, id, false);
}
