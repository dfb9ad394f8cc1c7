/* tui_report.h - what the report and import/export screens share
 *
 * The screens the
 * reports menu opens, and the way from a member's card number to the
 * member's screen. */
#ifndef MD_TUI_REPORT_H
#define MD_TUI_REPORT_H

#include <stdbool.h>

#include "tui/tui_list.h"
#include "tui/tui_priv.h"


/* Columns of a table: a heading, a width in display columns, aligned
 * right for numbers.  A width of 0 takes what the others leave. */
struct tui_col {
	const char *head;
	int width;
	bool right;
};

/* Fit the 0-width column (at most one) into COLS columns less RESERVE
 * (a bar's room), at least MIN wide. */
void tui_cols_fit(struct tui_col *c, int n, int reserve, int min);
/* Row Y of a table: CELLS (N of them; NULL: the headings) from column
 * 1 in ROLE across the whole line; the column after the last cell. */
int tui_table_row(struct tui *t, int y, const struct tui_col *c, int n,
		  const char *const *cells, enum tui_role role);

/* The member whose card is CARD, on the member's screen. */
void tui_report_card(struct tui *t, const char *card);

/* RFM segments (TYPES false) or value types, as a table and bars. */
bool tui_report_groups_open(struct tui *t, bool types);
/* The members of segment or type GROUP, sortable by R, F and M. */
bool tui_report_members_open(struct tui *t, bool types, int group);
bool tui_report_weekly_open(struct tui *t);
bool tui_report_birthdays_open(struct tui *t);
bool tui_report_sales_open(struct tui *t);

/* Import/export: the form of each, the folder browser that fills a
 * file name (PATH, N bytes) and the import's columns and errors. */
bool tui_import_open(struct tui *t);
bool tui_export_open(struct tui *t);
bool tui_browse_open(struct tui *t, char *path, size_t n);

#endif
