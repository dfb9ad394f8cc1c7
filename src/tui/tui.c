/* tui.c - the full-screen interface (a first screen; the counter and
 * back-office screens come in their own steps) */
#include <config.h>

#include <curses.h>
#include <locale.h>
#include <string.h>

#include "core/settings.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui.h"

struct screen {
	struct md *md;
	char shop[SETTING_MAX];
	char today[11];
};

/* Print S at (Y, X), clipped to COLS columns by display width. */
static void
put_clipped(int y, int x, const char *s, int cols)
{
	size_t n;

	if (cols <= 0)
		return;
	n = text_fit(s, cols, NULL);
	mvaddnstr(y, x, s, (int)n);
}

static void
draw(const struct screen *s)
{
	char title[512];
	const char *lines[] = {
		_("Welcome to memberdesk."),
		"",
		_("The counter and back-office screens are being built."),
		_("Every action is available as a command meanwhile:"),
		"  memberdesk --help",
		"",
		_("Press q or F10 to quit."),
	};
	size_t i;

	erase();
	/* The path goes last: it is the longest and the least needed. */
	snprintf(title, sizeof title, " %s  |  %s  |  %s  |  %s",
		 *s->shop ? s->shop : "memberdesk", s->today,
		 s->md->operator_name, s->md->path);
	attron(A_REVERSE);
	mvhline(0, 0, ' ', COLS);
	put_clipped(0, 0, title, COLS);
	attroff(A_REVERSE);
	for (i = 0; i < sizeof lines / sizeof *lines; i++)
		put_clipped(2 + (int)i, 2, lines[i], COLS - 2);
	attron(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	put_clipped(LINES - 1, 0, _(" F10 Quit"), COLS);
	attroff(A_REVERSE);
	refresh();
}

int
tui_run(struct md *md)
{
	struct screen s = {.md = md};
	wint_t ch;
	int r;

	if (settings_get(md, "shop_name", s.shop))
		s.shop[0] = '\0';
	md_today(md, s.today);
	if (!initscr())
		return 1;
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	draw(&s);
	for (;;) {
		r = get_wch(&ch);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			draw(&s);
			continue;
		}
		if ((r == KEY_CODE_YES && ch == KEY_F(10)) ||
		    (r == OK && (ch == 'q' || ch == 'Q')))
			break;
	}
	endwin();
	return 0;
}
