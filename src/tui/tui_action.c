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

/* KEYS(...) of TUI_ACTIONS: 0-terminated when fewer than four. */
#define KEYS(...) {__VA_ARGS__}

static const struct tui_action actions[] = {
#define TUI_ACT_ROW(id, name, keys, label, help, does) \
	{ACT_##id, name, keys, label, help, ACTION_##does},
	TUI_ACTIONS(TUI_ACT_ROW)
#undef TUI_ACT_ROW
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

const char *
tui_act_key(enum tui_act act, int nth, char *out, size_t n)
{
	const struct tui_action *a = tui_action_get(act);
	int count = 0;

	out[0] = '\0';
	if (!a)
		return out;
	while (count < (int)(sizeof a->keys / sizeof *a->keys) && a->keys[count])
		count++;
	if (nth < 0)
		nth += count;
	if (nth >= 0 && nth < count)
		tui_key_name(a->keys[nth], out, n);
	return out;
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
