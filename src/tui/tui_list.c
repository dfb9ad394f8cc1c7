/* tui_list.c - the selected line of a list */
#include <config.h>

#include "tui/tui_list.h"

void
tui_list_scroll(struct tui_list *l, int rows)
{
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < 0)
		l->sel = 0;
	if (l->sel < l->top)
		l->top = l->sel;
	if (rows > 0 && l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
	if (l->top < 0)
		l->top = 0;
}

bool
tui_list_move(struct tui_list *l, enum tui_act act, int page)
{
	switch (act) {
	case ACT_UP: l->sel--; break;
	case ACT_DOWN: l->sel++; break;
	case ACT_PGUP: l->sel -= page; break;
	case ACT_PGDN: l->sel += page; break;
	case ACT_HOME: l->sel = 0; break;
	case ACT_END: l->sel = l->n - 1; break;
	default: return false;
	}
	tui_list_scroll(l, page);
	return true;
}
