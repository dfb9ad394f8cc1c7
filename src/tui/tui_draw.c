/* tui_draw.c - colours by role, and text placed by display width */
#include <config.h>

#include <curses.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "tui/tui_priv.h"

/* Each role: colours when the terminal has them, and what stands in
 * for them on a monochrome one (or under NO_COLOR). */
static const struct {
	short fg, bg;
	int color_attr, mono_attr;
} roles[ROLE_COUNT] = {
	[ROLE_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
	[ROLE_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE},
	[ROLE_KEYBAR] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
	[ROLE_KEY] = {COLOR_WHITE, COLOR_BLACK, A_BOLD, A_BOLD},
	[ROLE_STATUS] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
	[ROLE_ERROR] = {COLOR_RED, -1, A_BOLD, A_BOLD},
	[ROLE_LABEL] = {-1, -1, A_NORMAL, A_NORMAL},
	[ROLE_FIELD] = {-1, -1, A_UNDERLINE, A_UNDERLINE},
	[ROLE_SELECTED] = {COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE},
	[ROLE_HEADER] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
	[ROLE_GOOD] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
	[ROLE_DIM] = {-1, -1, A_DIM, A_NORMAL},
};

void
tui_color_init(struct tui *t)
{
	const char *no = getenv("NO_COLOR"), *cs = nl_langinfo(CODESET);
	int i;

	/* Block characters only where the terminal's locale has them. */
	t->ascii = !cs || strcmp(cs, "UTF-8");
	/* https://no-color.org: any non-empty value turns colour off. */
	t->color = !(no && *no) && has_colors();
	if (!t->color)
		return;
	start_color();
	use_default_colors();
	for (i = 1; i < ROLE_COUNT; i++)
		init_pair((short)i, roles[i].fg, roles[i].bg);
}

int
tui_attr(const struct tui *t, enum tui_role role)
{
	if (!t->color)
		return roles[role].mono_attr;
	return roles[role].color_attr | (role ? COLOR_PAIR(role) : 0);
}

/* Columns S takes, as tui_put() will draw it. */
static int
width_of(const char *s, int cols)
{
	int used;

	text_fit(s, cols, &used);
	return used;
}

int
tui_put(int y, int x, const char *s, int cols, bool right)
{
	size_t n = strlen(s), i = 0, k;
	int total = 0, w, pad;
	uint32_t cp;

	if (cols <= 0)
		return 0;
	move(y, x);
	pad = right ? cols - width_of(s, cols) : 0;
	for (; pad > 0; pad--, total++)
		addch(' ');
	while (i < n) {
		k = text_decode(s + i, n - i, &cp);
		if (!k) {	/* an invalid byte: shown, never sent raw */
			k = 1;
			cp = 0xFFFD;
		}
		w = text_cp_width(cp);
		if (total + w > cols)
			break;
		if (cp < ' ' || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			addch(' ');
		else if (cp == 0xFFFD)
			addstr("\xEF\xBF\xBD");
		else
			addnstr(s + i, (int)k);
		total += w;
		i += k;
	}
	w = total;
	for (; total < cols; total++)
		addch(' ');
	return w;
}

int
tui_put_role(struct tui *t, int y, int x, const char *s, int cols, bool right,
	     enum tui_role role)
{
	int a = tui_attr(t, role), w;

	attron(a);
	w = tui_put(y, x, s, cols, right);
	attroff(a);
	return w;
}

void
tui_put_pair(struct tui *t, int y, int x, int label_w, const char *label,
	     const char *value, int cols)
{
	tui_put_role(t, y, x, label, label_w, false, ROLE_LABEL);
	tui_put(y, x + label_w, "  ", 2, false);
	tui_put(y, x + label_w + 2, value, cols - label_w - 2, false);
}

int
tui_put_wrapped(struct tui *t, int y, int x, const char *s, int cols, int rows,
		enum tui_role role)
{
	char line[1024];
	size_t n, brk;
	int used, row;

	for (row = 0; *s && row < rows; row++) {
		n = text_fit(s, cols, &used);
		if (s[n] && row < rows - 1) {	/* break at the last blank */
			for (brk = n; brk > 0 && s[brk] != ' '; brk--)
				;
			if (brk > n / 2)
				n = brk;
		}
		if (n >= sizeof line)
			n = sizeof line - 1;
		memcpy(line, s, n);
		line[n] = '\0';
		tui_put_role(t, y + row, x, line, cols, false, role);
		s += n;
		while (*s == ' ')
			s++;
	}
	return row;
}

void
tui_put_bar(struct tui *t, int y, int x, int64_t value, int64_t max, int cols,
	    enum tui_role role)
{
	/* U+2588 FULL BLOCK, then U+2589..U+258F for seven eighths to one. */
	static const char *const part[8] = {
		"", "\xE2\x96\x8F", "\xE2\x96\x8E", "\xE2\x96\x8D", "\xE2\x96\x8C",
		"\xE2\x96\x8B", "\xE2\x96\x8A", "\xE2\x96\x89",
	};
	int64_t eighths;
	int a = tui_attr(t, role), i;

	if (cols <= 0)
		return;
	if (max < 1)
		max = 1;
	if (value > max)
		value = max;
	eighths = value > 0 ? value * 8 * cols / max : 0;
	if (value > 0 && !eighths)
		eighths = 1;	/* something is not nothing */
	attron(a);
	move(y, x);
	for (i = 0; i < eighths / 8; i++)
		addstr(t->ascii ? "#" : "\xE2\x96\x88");
	if (eighths % 8)	/* ASCII: a part of a column is a '+' */
		addstr(t->ascii ? "+" : part[eighths % 8]);
	attroff(a);
}
