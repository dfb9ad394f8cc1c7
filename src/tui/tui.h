/* tui.h - the full-screen face */
#ifndef MD_TUI_H
#define MD_TUI_H

#include "core/md.h"

/* Run the full-screen interface on the open database; returns the exit
 * status. */
int tui_run(struct md *md, const char *who);

/* Print the key table of the manual (roff) to stdout; the exit status. */
int tui_keys_roff(void);

#endif
