/* tui_priv.h - what the screens and widgets of the TUI share
 *
 * The frame (tui.c) owns the terminal and a stack of views.  A view is
 * a screen (a small ops table, as tig's view_ops) and its state.  Keys
 * go to the view on top: first as text when it is typing into a field,
 * then as an action looked up in the one action table (tui_action.c).
 * Handlers change state and return; the loop draws.  Screens call the
 * core for everything they show or write; there is no SQL here.
 */
#ifndef MD_TUI_PRIV_H
#define MD_TUI_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/md.h"
#include "core/settings.h"

/* Key codes: a character is its code point; ncurses' function keys are
 * offset past Unicode; Alt (Esc then a key) sets TUI_META. */
#define TUI_FKEY 0x200000
#define TUI_META 0x400000
#define TK(k) (TUI_FKEY + (k))
#define TUI_CTRL(c) ((c) & 0x1f)
#define TUI_ESC 27

/* Every action, once: the enum here, its keys and help in tui_action.c. */
enum tui_act {
	ACT_NONE,
	ACT_HELP,
	ACT_QUIT,
	ACT_BACK,
	ACT_REDRAW,
	ACT_SAVE,
	ACT_NEXT,
	ACT_PREV,
	ACT_UP,
	ACT_DOWN,
	ACT_PGUP,
	ACT_PGDN,
	ACT_HOME,
	ACT_END,
	ACT_OPEN,
	ACT_SEARCH,
	ACT_REGISTER,
	ACT_WALKIN,
	ACT_SELL,
	ACT_TOPUP,
	ACT_POINTS,
	ACT_EDIT,
	ACT_FREEZE,
	ACT_PRINT,
	/* Editing a field (tui_edit.c) */
	ACT_LEFT,
	ACT_RIGHT,
	ACT_BOL,
	ACT_EOL,
	ACT_RUBOUT,
	ACT_DELETE,
	ACT_KILL_BOL,
	ACT_KILL_EOL,
	ACT_COUNT
};

struct tui_action {
	enum tui_act act;
	const char *name;	/* stable: the manual's key table */
	int keys[4];		/* 0-terminated when fewer */
	const char *label;	/* N_(): the key bar, one word */
	const char *help;	/* N_(): the help screen and the manual */
};

/* Colours by role; tui_attr() maps them, monochrome when it must. */
enum tui_role {
	ROLE_NORMAL,
	ROLE_TITLE,
	ROLE_KEYBAR,
	ROLE_KEY,
	ROLE_STATUS,
	ROLE_ERROR,
	ROLE_LABEL,
	ROLE_FIELD,
	ROLE_SELECTED,
	ROLE_HEADER,
	ROLE_GOOD,
	ROLE_DIM,
	ROLE_COUNT
};

struct tui;
struct tui_view;

/* What a key handler tells the loop. */
enum tui_result {
	TUI_IGNORED,	/* not this view's key: try the frame's */
	TUI_HANDLED,
};

/* One screen.  ACTS lists what it offers, in key-bar order (ACT_NONE
 * ends it): only those actions (and the frame's) reach KEY.  TYPING says
 * whether printable keys are text for a field right now. */
struct tui_screen {
	const char *name;	/* N_(): the help screen's title */
	const enum tui_act *acts;
	void (*draw)(struct tui *t, struct tui_view *v);
	enum tui_result (*key)(struct tui *t, struct tui_view *v, int key,
			       enum tui_act act);
	bool (*typing)(const struct tui_view *v);
	/* Whether leaving now would drop what was typed (F10 asks). */
	bool (*dirty)(const struct tui_view *v);
	/* A view below the top gets this when the one above is gone, so
	 * that it shows fresh balances; may be NULL. */
	void (*resume)(struct tui *t, struct tui_view *v);
	void (*free)(struct tui_view *v);
};

struct tui_view {
	const struct tui_screen *scr;
	void *state;
};

#define TUI_DEPTH 8

struct tui {
	struct md *md;
	char shop[SETTING_MAX];
	char today[11];
	struct tui_view stack[TUI_DEPTH];
	int depth;
	bool quit;
	bool color;
	char status[1024];
	bool status_error;
	int cursor_y, cursor_x;	/* where a field wants the cursor, or -1 */
	int delay;		/* ms a key read waits: 0 while draining typeahead */
};

/* tui.c: the view stack and the frame */
bool tui_push(struct tui *t, const struct tui_screen *scr, void *state);
void tui_pop(struct tui *t);
/* Replace the top view (register -> the new member's card). */
bool tui_replace(struct tui *t, const struct tui_screen *scr, void *state);
void tui_say(struct tui *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void tui_error(struct tui *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Ask a yes/no question on the status line; Enter takes DEF. */
bool tui_confirm(struct tui *t, bool def, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The body: the rows between the title bar and the status line. */
int tui_body_top(void);
int tui_body_rows(void);
void tui_draw_all(struct tui *t);
/* Read one key as a TUI key code (blocking); 0 on a timeout/signal. */
int tui_read_key(struct tui *t);

/* tui_action.c */
const struct tui_action *tui_actions(size_t *n);
const struct tui_action *tui_action_get(enum tui_act act);
/* The action KEY means on screen SCR (its own actions, then the
 * frame's); printable keys are skipped while TYPING. */
enum tui_act tui_action_for(const struct tui_screen *scr, int key, bool typing);
/* The editing action KEY means in a text field, or ACT_NONE. */
enum tui_act tui_edit_action(int key);
/* The editing actions, for the help screen: *N of them. */
const enum tui_act *tui_edit_actions(size_t *n);
/* "F2", "^N", "Alt-2", "Enter", "s": a key as the help screen names it. */
void tui_key_name(int key, char *out, size_t n);
/* The keys of ACT, as "F2 Alt-2". */
void tui_action_keys(const struct tui_action *a, char *out, size_t n);

/* tui_draw.c */
void tui_color_init(struct tui *t);
int tui_attr(const struct tui *t, enum tui_role role);
/* Print S at (Y, X) in exactly COLS columns (clipped by display width,
 * never splitting a character, padded with blanks); RIGHT aligns right.
 * Controls show as blanks.  Returns the columns the text took. */
int tui_put(int y, int x, const char *s, int cols, bool right);
/* The same with ROLE's attributes. */
int tui_put_role(struct tui *t, int y, int x, const char *s, int cols,
		 bool right, enum tui_role role);
/* A "Label  value" row: the label padded to LABEL_W columns. */
void tui_put_pair(struct tui *t, int y, int x, int label_w, const char *label,
		  const char *value, int cols);

#endif
