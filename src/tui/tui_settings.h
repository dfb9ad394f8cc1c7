/* tui_settings.h - settings on a list, each edited in place
 *
 * The settings screen shows every setting the CLI has; the points
 * screen the points rules among them.  Both keep a panel: the settings
 * it lists with their values, the selection, and the line being edited.
 * Enter opens the selected value for editing, Enter again has the core
 * check and store it (settings set), Esc leaves it as it was.  A value
 * the core refuses stays in the field with the core's reason. */
#ifndef MD_TUI_SETTINGS_H
#define MD_TUI_SETTINGS_H

#include <stdbool.h>

#include "core/settings.h"
#include "tui/tui_edit.h"
#include "tui/tui_list.h"

#define TUI_SETTINGS_MAX 64

struct tui_settings {
	const struct setting_def *defs[TUI_SETTINGS_MAX];
	char values[TUI_SETTINGS_MAX][SETTING_MAX];
	struct tui_list l;
	bool editing;
	struct tui_edit edit;
	char err[1024];		/* the core's word on the value typed */
};

/* The settings KEYS (NULL-terminated; NULL for every one that is not
 * the program's own bookkeeping) with their values. */
bool tui_settings_load(struct tui *t, struct tui_settings *s, const char *const *keys);
/* The list from row Y in ROWS rows, the selected setting's help under it. */
void tui_settings_draw(struct tui *t, struct tui_settings *s, int y, int rows);
/* The list keys and the editing; TUI_IGNORED for the rest. */
enum tui_result tui_settings_key(struct tui *t, struct tui_settings *s, int key,
				 enum tui_act act, int rows);

/* The panel's actions, for a screen's ACTS. */
#define TUI_SETTINGS_ACTS ACT_SETTING_EDIT, TUI_LIST_ACTS

#endif
