/* tui_ask.c - a line of text asked for on the status line
 *
 * As tui_confirm() asks yes or no: the screen stays as it is, the
 * question and a field take the status line until Enter or Esc. */
#include <config.h>

#include <curses.h>
#include <string.h>

#include "core/text.h"
#include "i18n.h"
#include "tui/tui_edit.h"
#include "tui/tui_priv.h"

bool
tui_ask(struct tui *t, const char *question, char *buf, size_t n)
{
	static struct tui_edit e;	/* big: not on the stack */
	int key, saved = t->delay, qw;
	bool changed, ok = false;

	tui_edit_set(&e, buf);
	/* Asked from a key handler, where keys typed ahead are read without
	 * waiting: wait here, and say so (the idle hook of the tests). */
	t->delay = 500;
	timeout(500);
	for (;;) {
		t->status[0] = '\0';
		tui_draw_all(t);
		qw = tui_put_role(t, LINES - 2, 0, question, COLS / 2, false, ROLE_STATUS);
		tui_edit_draw(t, &e, LINES - 2, qw + 1, COLS - qw - 2,
			      tui_attr(t, ROLE_FIELD), true);
		move(t->cursor_y, t->cursor_x);
		curs_set(1);
		refresh();
		key = tui_read_key(t);
		if (tui_interrupted())
			break;
		if (!key)
			continue;
		if (key == TUI_ESC)
			break;
		if (key == '\r' || key == '\n' || key == TK(KEY_ENTER)) {
			ok = e.len > 0;
			break;
		}
		tui_edit_key(&e, key, &changed);
	}
	if (ok)
		text_copy(buf, n, e.buf);
	t->delay = saved;
	timeout(saved);
	return ok;
}
