/* tui_edit.h - a one-line text field that edits by character
 *
 * The text is UTF-8.  The cursor moves and deletes whole characters,
 * the field scrolls sideways by display columns (a CJK character takes
 * two), and nothing is ever cut in half on the screen. */
#ifndef MD_TUI_EDIT_H
#define MD_TUI_EDIT_H

#include <stdbool.h>
#include <stddef.h>

struct tui;

#define TUI_EDIT_MAX 2048

struct tui_edit {
	char buf[TUI_EDIT_MAX];
	size_t len, cur;	/* bytes; CUR sits on a character boundary */
	int max_chars;		/* 0: as many as the buffer holds */
	int scroll;		/* display columns hidden at the left */
	bool secret;		/* drawn as a star a character: a PIN */
};

void tui_edit_set(struct tui_edit *e, const char *s);
/* Handle a character or an editing key (tui_edit_action()); false
 * when KEY is neither. *CHANGED says
 * whether the text changed. */
bool tui_edit_key(struct tui_edit *e, int key, bool *changed);
/* Draw the field in WIDTH columns at (Y, X) with attributes ATTR; with
 * FOCUS the frame puts the cursor in it.  A secret field shows a star
 * for each character, never the text. */
void tui_edit_draw(struct tui *t, struct tui_edit *e, int y, int x, int width,
		   int attr, bool focus);

#endif
