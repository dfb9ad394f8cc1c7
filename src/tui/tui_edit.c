/* tui_edit.c - a one-line text field that edits by character */
#include <config.h>

#include <curses.h>
#include <string.h>

#include "core/text.h"
#include "tui/tui_edit.h"
#include "tui/tui_priv.h"

void
tui_edit_set(struct tui_edit *e, const char *s)
{
	size_t n = strlen(s);

	if (n >= sizeof e->buf)	/* never cut a character in half */
		for (n = sizeof e->buf - 1; n && (s[n] & 0xC0) == 0x80; n--)
			;
	memcpy(e->buf, s, n);
	e->buf[n] = '\0';
	e->len = e->cur = n;
	e->scroll = 0;
}

static size_t
prev_char(const struct tui_edit *e, size_t i)
{
	while (i > 0 && (e->buf[--i] & 0xC0) == 0x80)
		;
	return i;
}

static size_t
next_char(const struct tui_edit *e, size_t i)
{
	while (i < e->len && (e->buf[++i] & 0xC0) == 0x80)
		;
	return i;
}

static void
cut(struct tui_edit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cur = from;
}

static bool
insert(struct tui_edit *e, int key)
{
	char u[4];
	size_t k;

	if (key == 0x3000)	/* an ideographic space is a space */
		key = ' ';
	k = text_encode((uint32_t)key, u);
	if (e->len + k >= sizeof e->buf ||
	    (e->max_chars && (int)text_count_chars(e->buf) >= e->max_chars)) {
		beep();
		return false;
	}
	memmove(e->buf + e->cur + k, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, u, k);
	e->len += k;
	e->cur += k;
	return true;
}

bool
tui_edit_key(struct tui_edit *e, int key, bool *changed)
{
	size_t before = e->len;

	*changed = false;
	switch (tui_edit_action(key)) {
	case ACT_LEFT:
		e->cur = prev_char(e, e->cur);
		return true;
	case ACT_RIGHT:
		e->cur = next_char(e, e->cur);
		return true;
	case ACT_BOL:
		e->cur = 0;
		return true;
	case ACT_EOL:
		e->cur = e->len;
		return true;
	case ACT_RUBOUT:
		if (e->cur)
			cut(e, prev_char(e, e->cur), e->cur);
		break;
	case ACT_DELETE:
		if (e->cur < e->len)
			cut(e, e->cur, next_char(e, e->cur));
		break;
	case ACT_KILL_BOL:
		cut(e, 0, e->cur);
		break;
	case ACT_KILL_EOL:
		cut(e, e->cur, e->len);
		break;
	default:
		if (key < ' ' || key == 127 || key >= 0x110000 ||
		    (key >= 0x80 && key < 0xa0) || (key >= 0xD800 && key < 0xE000))
			return false;
		*changed = insert(e, key);
		return true;
	}
	*changed = e->len != before;
	return true;
}

static void
draw_text(struct tui *t, struct tui_edit *e, int y, int x, int width,
	  int attr, bool focus)
{
	char saved;
	int at, skip, w;
	size_t i = 0, k;
	uint32_t cp;

	if (width <= 1)
		return;
	saved = e->buf[e->cur];
	e->buf[e->cur] = '\0';
	at = text_width(e->buf);	/* the cursor's column in the text */
	e->buf[e->cur] = saved;
	/* Keep the cursor inside the box, with a column for it at the end. */
	if (at < e->scroll)
		e->scroll = at;
	if (at - e->scroll > width - 1)
		e->scroll = at - (width - 1);
	/* Skip the hidden columns; a wide character that straddles the
	 * edge is hidden whole and its visible half shown as a blank. */
	for (skip = 0; i < e->len && skip < e->scroll; i += k) {
		k = text_decode(e->buf + i, e->len - i, &cp);
		if (!k)
			k = 1;
		skip += text_cp_width(cp);
	}
	attron(attr);
	mvhline(y, x, ' ', width);
	w = skip - e->scroll;	/* 1 when a wide character straddled */
	tui_put(y, x + w, e->buf + i, width - w, false);
	attroff(attr);
	if (focus) {
		t->cursor_y = y;
		t->cursor_x = x + at - e->scroll;
	}
}

/* A secret field: the same drawing over a star for each character,
 * with the cursor on its character's star. */
static void
draw_stars(struct tui *t, struct tui_edit *e, int y, int x, int width,
	   int attr, bool focus)
{
	struct tui_edit stars = {.scroll = e->scroll};
	size_t i;

	for (i = 0; i < e->len && stars.len + 1 < sizeof stars.buf; i = next_char(e, i)) {
		if (i == e->cur)
			stars.cur = stars.len;
		stars.buf[stars.len++] = '*';
	}
	if (e->cur >= e->len)
		stars.cur = stars.len;
	stars.buf[stars.len] = '\0';
	draw_text(t, &stars, y, x, width, attr, focus);
	e->scroll = stars.scroll;
}

void
tui_edit_draw(struct tui *t, struct tui_edit *e, int y, int x, int width,
	      int attr, bool focus)
{
	(e->secret ? draw_stars : draw_text)(t, e, y, x, width, attr, focus);
}
