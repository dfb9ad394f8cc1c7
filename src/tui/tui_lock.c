/* tui_lock.c - who is at the counter: signing in when the screens start,
 * and the lock after tui_lock_minutes without a key
 *
 * Only in a shop with operators.  The PIN is checked once per sign-in
 * (crypto_pwhash is slow on purpose), never per action: the core then
 * holds the role, and refuses what it may not do.
 */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include <sodium.h>

#include "core/operator.h"
#include "core/settings.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_priv.h"

struct sign_in {
	char name[64];
	char pin[16];
	int field;		/* 0 the name, 1 the PIN */
	bool locked;		/* the lock after idle, not the start */
	char error[sizeof ((struct md *)0)->err];
};

static time_t
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

void
tui_lock_init(struct tui *t)
{
	int64_t n = 0, minutes = 10;
	const char *s = getenv("MEMBERDESK_TUI_LOCK_SECONDS");

	t->lock_s = 0;
	t->last_key_s = now_s();
	if (operator_count(t->md, &n) || !n)
		return;
	if (settings_get_int(t->md, "tui_lock_minutes", &minutes))
		minutes = 10;
	t->lock_s = (int)minutes * 60;
	if (s && *s)	/* for the tests: seconds, not minutes */
		t->lock_s = atoi(s);
}

void
tui_lock_touch(struct tui *t)
{
	t->last_key_s = now_s();
}

bool
tui_lock_due(const struct tui *t)
{
	return t->lock_s > 0 && now_s() - t->last_key_s >= t->lock_s;
}

/* Take away the last character (UTF-8) of S. */
static void
chop(char *s)
{
	size_t n = strlen(s);

	while (n > 0 && ((unsigned char)s[--n] & 0xC0) == 0x80)
		;
	s[n] = '\0';
}

static void
add_char(struct sign_in *si, int key)
{
	char mb[MB_LEN_MAX + 1];
	mbstate_t ps = {0};
	size_t n;

	if (si->field == 1) {
		n = strlen(si->pin);
		if (key >= '0' && key <= '9' && n + 1 < sizeof si->pin) {
			si->pin[n] = (char)key;
			si->pin[n + 1] = '\0';
		}
		return;
	}
	if (key < ' ' || key == 127 || (key & ~0x1FFFFF))
		return;
	n = wcrtomb(mb, (wchar_t)key, &ps);
	if (n == (size_t)-1 || strlen(si->name) + n >= sizeof si->name)
		return;
	mb[n] = '\0';
	strcat(si->name, mb);
}

static void
draw(struct tui *t, const struct sign_in *si)
{
	char stars[16];
	int y = LINES / 2 - 4, x = (COLS - 40) / 2, w = 26;
	size_t i;

	for (i = 0; i < strlen(si->pin) && i + 1 < sizeof stars; i++)
		stars[i] = '*';
	stars[i] = '\0';
	erase();
	attron(tui_attr(t, ROLE_TITLE));
	mvhline(0, 0, ' ', COLS);
	tui_put(0, 1, *t->shop ? t->shop : PACKAGE, COLS - 2, false);
	attroff(tui_attr(t, ROLE_TITLE));
	tui_put_role(t, y, x, si->locked ? _("Locked: no key was pressed for a while.")
					 : _("Sign in to open the shop."), 60, false, ROLE_HEADER);
	tui_put_role(t, y + 2, x, _("Operator"), 12, false, ROLE_LABEL);
	tui_put_role(t, y + 2, x + 12, si->name, w, false, ROLE_FIELD);
	tui_put_role(t, y + 3, x, _("PIN"), 12, false, ROLE_LABEL);
	tui_put_role(t, y + 3, x + 12, stars, w, false, ROLE_FIELD);
	if (*si->error)
		tui_put_role(t, LINES - 2, 0, si->error, COLS, false, ROLE_ERROR);
	tui_put_role(t, LINES - 1, 0, _("Enter signs in  Tab next field  F10 quits"), COLS,
		     false, ROLE_KEYBAR);
	move(y + 2 + si->field, x + 12 + text_width(si->field ? stars : si->name));
	curs_set(1);
	refresh();
}

/* Ask until an operator signs in (true) or F10 / ^C (false). */
static bool
ask(struct tui *t, struct sign_in *si)
{
	int key;

	for (;;) {
		draw(t, si);
		key = tui_read_key(t);
		if (tui_caught())	/* a signal, or the terminal hung up */
			return false;
		if (!key)
			continue;
		if (key == TK(KEY_F(10)) || key == 3)
			return false;
		if (key == '\t' || key == TK(KEY_DOWN) || key == TK(KEY_UP)) {
			si->field = !si->field;
		} else if (key == TK(KEY_BACKSPACE) || key == 127 || key == 8) {
			chop(si->field ? si->pin : si->name);
		} else if (key == '\r' || key == '\n' || key == TK(KEY_ENTER)) {
			if (!*si->name) {
				si->field = 0;
				continue;
			}
			if (operator_login(t->md, si->name, si->pin) == MD_OK)
				return true;
			snprintf(si->error, sizeof si->error, "%s", t->md->err);
			sodium_memzero(si->pin, sizeof si->pin);
			si->field = 1;
		} else {
			add_char(si, key);
		}
	}
}

bool
tui_sign_in(struct tui *t, const char *who, bool locked)
{
	struct sign_in si = {.locked = locked};
	bool ok;

	snprintf(si.name, sizeof si.name, "%s", who ? who : "");
	si.field = *si.name ? 1 : 0;
	/* At the start, a script's MEMBERDESK_PIN signs in as the command
	 * line does; a wrong one, and every lock, asks on the screen. */
	if (!locked && *si.name && getenv("MEMBERDESK_PIN")) {
		if (operator_login(t->md, si.name, getenv("MEMBERDESK_PIN")) == MD_OK) {
			tui_lock_touch(t);
			return true;
		}
		snprintf(si.error, sizeof si.error, "%s", t->md->err);
	}
	ok = ask(t, &si);
	sodium_memzero(si.pin, sizeof si.pin);
	curs_set(0);
	clearok(curscr, TRUE);
	tui_lock_touch(t);
	return ok;
}
