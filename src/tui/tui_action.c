/* tui_action.c - every action of the TUI, once: its keys and its help
 *
 * The key bar, the F1 help screen and the manual's key table (through
 * "memberdesk --keys-roff") all read this table.  Each action has a
 * function key, the same on Alt (Esc then the digit, for terminals that
 * send no function keys) and, where no field is being typed into, a
 * letter. */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "tui/tui.h"
#include "tui/tui_priv.h"

#define ENTER '\r'

static const struct tui_action actions[] = {
	{ACT_HELP, "help", {TK(KEY_F(1)), TUI_META | '1', '?'},
	 N_("Help"), N_("show the keys of this screen")},
	{ACT_QUIT, "quit", {TK(KEY_F(10)), TUI_META | '0', 'q'},
	 N_("Quit"), N_("leave memberdesk (a form asks first if something was typed)")},
	{ACT_BACK, "back", {TUI_ESC},
	 N_("Back"), N_("cancel the form without saving, or go back a screen")},
	{ACT_REDRAW, "redraw", {TUI_CTRL('l')},
	 N_("Redraw"), N_("redraw the screen")},
	{ACT_SAVE, "save", {TK(KEY_F(2)), TUI_META | '2'},
	 N_("Save"), N_("save the form (Enter on the last field does too)")},
	{ACT_NEXT, "next-field", {'\t', TK(KEY_DOWN)},
	 N_("Next"), N_("go to the next field")},
	{ACT_PREV, "previous-field", {TK(KEY_BTAB), TK(KEY_UP)},
	 N_("Previous"), N_("go to the previous field")},
	{ACT_UP, "up", {TK(KEY_UP), 'k'},
	 N_("Up"), N_("move up a line")},
	{ACT_DOWN, "down", {TK(KEY_DOWN), 'j'},
	 N_("Down"), N_("move down a line")},
	{ACT_PGUP, "page-up", {TK(KEY_PPAGE)},
	 N_("PgUp"), N_("move up a page")},
	{ACT_PGDN, "page-down", {TK(KEY_NPAGE), ' '},
	 N_("PgDn"), N_("move down a page")},
	{ACT_HOME, "first", {TK(KEY_HOME)},
	 N_("Home"), N_("go to the first line")},
	{ACT_END, "last", {TK(KEY_END)},
	 N_("End"), N_("go to the last line")},
	{ACT_OPEN, "open", {ENTER, '\n', TK(KEY_ENTER)},
	 N_("Open"), N_("open the member on the selected line")},
	{ACT_SEARCH, "search", {'/'},
	 N_("Search"), N_("a new search: card, phone, last 4 digits or name")},
	{ACT_REGISTER, "register", {TK(KEY_F(2)), TUI_META | '2', TUI_CTRL('n')},
	 N_("New"), N_("register a new member")},
	{ACT_WALKIN, "walk-in-sale", {TK(KEY_F(3)), TUI_META | '3'},
	 N_("Walk-in"), N_("record a sale to a customer who is not a member")},
	{ACT_SELL, "sell", {TK(KEY_F(3)), TUI_META | '3', 's'},
	 N_("Sell"), N_("record a sale to this member")},
	{ACT_TOPUP, "top-up", {TK(KEY_F(4)), TUI_META | '4', 't'},
	 N_("Top up"), N_("add stored value, with the bonus the rules give")},
	{ACT_POINTS, "adjust-points", {TK(KEY_F(5)), TUI_META | '5', 'a'},
	 N_("Points"), N_("add or take away points, with a reason")},
	{ACT_EDIT, "edit", {TK(KEY_F(6)), TUI_META | '6', 'e'},
	 N_("Edit"), N_("change the member's details")},
	{ACT_FREEZE, "freeze", {TK(KEY_F(7)), TUI_META | '7', 'f'},
	 N_("Freeze"), N_("freeze the membership, or unfreeze it")},
	{ACT_PRINT, "print", {TK(KEY_F(9)), TUI_META | '9', 'p'},
	 N_("Print"), N_("print the receipt on the default printer (lp)")},
	{ACT_LEFT, "char-left", {TK(KEY_LEFT), TUI_CTRL('b')},
	 N_("Left"), N_("field: move back a character")},
	{ACT_RIGHT, "char-right", {TK(KEY_RIGHT), TUI_CTRL('f')},
	 N_("Right"), N_("field: move on a character")},
	{ACT_BOL, "line-start", {TK(KEY_HOME), TUI_CTRL('a')},
	 N_("Start"), N_("field: go to the start")},
	{ACT_EOL, "line-end", {TK(KEY_END), TUI_CTRL('e')},
	 N_("End"), N_("field: go to the end")},
	{ACT_RUBOUT, "delete-back", {TK(KEY_BACKSPACE), 127, TUI_CTRL('h')},
	 N_("Rubout"), N_("field: delete the character before the cursor")},
	{ACT_DELETE, "delete", {TK(KEY_DC), TUI_CTRL('d')},
	 N_("Delete"), N_("field: delete the character under the cursor")},
	{ACT_KILL_BOL, "delete-to-start", {TUI_CTRL('u')},
	 N_("Clear"), N_("field: delete everything before the cursor")},
	{ACT_KILL_EOL, "delete-to-end", {TUI_CTRL('k')},
	 N_("Cut"), N_("field: delete everything from the cursor on")},
};

#define N_ACTIONS (sizeof actions / sizeof *actions)

/* What every screen answers to besides its own actions. */
static const enum tui_act frame_acts[] = {
	ACT_HELP, ACT_QUIT, ACT_BACK, ACT_REDRAW, ACT_NONE
};

const struct tui_action *
tui_actions(size_t *n)
{
	*n = N_ACTIONS;
	return actions;
}

const struct tui_action *
tui_action_get(enum tui_act act)
{
	size_t i;

	for (i = 0; i < N_ACTIONS; i++)
		if (actions[i].act == act)
			return &actions[i];
	return NULL;
}

static bool
printable(int key)
{
	return key >= ' ' && key < TUI_FKEY && key != 127;
}

static bool
bound(const struct tui_action *a, int key, bool typing)
{
	size_t i;

	if (!a || (typing && printable(key)))
		return false;
	for (i = 0; i < sizeof a->keys / sizeof *a->keys && a->keys[i]; i++)
		if (a->keys[i] == key)
			return true;
	return false;
}

enum tui_act
tui_action_for(const struct tui_screen *scr, int key, bool typing)
{
	const enum tui_act *p;

	for (p = scr->acts; *p != ACT_NONE; p++)
		if (bound(tui_action_get(*p), key, typing))
			return *p;
	for (p = frame_acts; *p != ACT_NONE; p++)
		if (bound(tui_action_get(*p), key, typing))
			return *p;
	return ACT_NONE;
}

static const enum tui_act edit_acts[] = {
	ACT_LEFT, ACT_RIGHT, ACT_BOL, ACT_EOL, ACT_RUBOUT, ACT_DELETE,
	ACT_KILL_BOL, ACT_KILL_EOL,
};

enum tui_act
tui_edit_action(int key)
{
	size_t i;

	for (i = 0; i < sizeof edit_acts / sizeof *edit_acts; i++)
		if (bound(tui_action_get(edit_acts[i]), key, false))
			return edit_acts[i];
	return ACT_NONE;
}

const enum tui_act *
tui_edit_actions(size_t *n)
{
	*n = sizeof edit_acts / sizeof *edit_acts;
	return edit_acts;
}

void
tui_key_name(int key, char *out, size_t n)
{
	static const struct {
		int key;
		const char *name;
	} names[] = {
		{TK(KEY_UP), "Up"}, {TK(KEY_DOWN), "Down"},
		{TK(KEY_LEFT), "Left"}, {TK(KEY_RIGHT), "Right"},
		{TK(KEY_PPAGE), "PgUp"}, {TK(KEY_NPAGE), "PgDn"},
		{TK(KEY_HOME), "Home"}, {TK(KEY_END), "End"},
		{TK(KEY_BTAB), "Shift-Tab"}, {TK(KEY_ENTER), "Enter"},
		{TK(KEY_BACKSPACE), "Backspace"}, {127, "Backspace"},
		{TK(KEY_DC), "Delete"},
		{'\t', "Tab"}, {'\r', "Enter"}, {'\n', "Enter"},
		{TUI_ESC, "Esc"}, {' ', "Space"},
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (names[i].key == key) {
			snprintf(out, n, "%s", names[i].name);
			return;
		}
	if (key >= TK(KEY_F(1)) && key <= TK(KEY_F(12)))
		snprintf(out, n, "F%d", key - TK(KEY_F(0)));
	else if (key & TUI_META)
		snprintf(out, n, "Alt-%c", key & 0x7f);
	else if (key > 0 && key < ' ')
		snprintf(out, n, "^%c", key + '@');
	else
		snprintf(out, n, "%c", key);
}

void
tui_action_keys(const struct tui_action *a, char *out, size_t n)
{
	char name[32], prev[32] = "";
	size_t i, o = 0;

	out[0] = '\0';
	for (i = 0; i < sizeof a->keys / sizeof *a->keys && a->keys[i]; i++) {
		tui_key_name(a->keys[i], name, sizeof name);
		if (!strcmp(name, prev))	/* Enter: \r, \n and KEY_ENTER */
			continue;
		o += snprintf(out + o, o < n ? n - o : 0, "%s%s", o ? " " : "", name);
		snprintf(prev, sizeof prev, "%s", name);
	}
}

/* S for roff: a hyphen is \- (a minus sign, not a break point). */
static void
roff_puts(const char *s)
{
	for (; *s; s++)
		if (*s == '-' || *s == '\\')
			printf("\\%c", *s == '-' ? '-' : 'e');
		else
			putchar(*s);
}

int
tui_keys_roff(void)
{
	char keys[128];
	size_t i;

	for (i = 0; i < N_ACTIONS; i++) {
		tui_action_keys(&actions[i], keys, sizeof keys);
		fputs(".TP\n.B ", stdout);
		roff_puts(keys);
		putchar('\n');
		roff_puts(actions[i].help);
		putchar('\n');
	}
	return ferror(stdout) ? 1 : 0;
}
