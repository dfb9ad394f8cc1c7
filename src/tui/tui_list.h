/* tui_list.h - which line of a list is selected, and which show
 *
 * The back-office screens are lists read whole (a shop has a handful
 * of tiers, a few dozen settings, a member a few hundred ledger rows):
 * each keeps its rows and this, and moves it with the list keys. */
#ifndef MD_TUI_LIST_H
#define MD_TUI_LIST_H

#include <stdbool.h>

#include "tui/tui_priv.h"

struct tui_list {
	int n;		/* rows */
	int sel;	/* the selected row */
	int top;	/* the first row shown */
};

/* Move for ACT (Up, Down, PgUp, PgDn, Home, End) by PAGE rows a page;
 * false when ACT is not a move. */
bool tui_list_move(struct tui_list *l, enum tui_act act, int page);
/* Keep SEL in 0..N-1 and on the screen of ROWS rows. */
void tui_list_scroll(struct tui_list *l, int rows);

/* The moves, for a screen's ACTS. */
#define TUI_LIST_ACTS ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END

#endif
