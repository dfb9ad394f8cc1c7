/* tui.c - the frame: the terminal, the view stack, the main loop
 *
 * The loop reads every key that is waiting before it draws, so that
 * typing ahead (or a paste) costs one search and one redraw, not one per
 * key.  Handlers never draw; tui_draw_all() draws the title bar, the
 * top view, the status line and the key bar from scratch, so a resize
 * at any moment, in the middle of a form too, just draws again at the
 * new size. */
#include <config.h>

#include <curses.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "core/backup.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/maint.h"
#include "core/operator.h"
#include "core/rfm.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui.h"
#include "tui/tui_form.h"
#include "tui/tui_priv.h"
#include "tui/tui_screens.h"

#define MIN_COLS 80
#define MIN_LINES 24

/* Set by the signal handler; the loop sees it at its next key read (the
 * read times out often enough).  No curses calls in the handler. */
static volatile sig_atomic_t caught;
static bool curses_on;

/* What a crash needs to give the terminal back without curses (which is
 * not safe in a signal handler): the modes it was in, and the strings
 * that leave the alternate screen and show the cursor. */
static struct termios saved_modes;
static bool have_modes;
static char reset_seq[128];

/* A test hook (tests/tui/tui.sh).  With MEMBERDESK_TUI_IDLE set, each
 * time the program has drawn and is about to wait for a key with none
 * pending, it puts the number of keys read so far in the terminal's
 * title, "memberdesk idle N".  The title goes down the terminal after
 * the frame, so a terminal that shows it has drawn that frame whole: a
 * test waits for the program itself, never for a guess of time.  Unset,
 * it costs a counter. */
static struct {
	bool on;
	bool told;		/* the title has KEYS already */
	unsigned long keys;	/* keys read so far */
} idle;

static void
idle_init(void)
{
	const char *v = getenv("MEMBERDESK_TUI_IDLE");

	idle.on = v && *v;
	idle.told = false;
	idle.keys = 0;
}

/* Called before a read that waits, the screen drawn and flushed. */
static void
idle_tell(void)
{
	struct pollfd in = {.fd = STDIN_FILENO, .events = POLLIN};
	char title[64];
	int n;

	if (!idle.on || idle.told || poll(&in, 1, 0) > 0)
		return;		/* typed ahead: not idle yet */
	n = snprintf(title, sizeof title, "\033]2;memberdesk idle %lu\007",
		     idle.keys);
	idle.told = write(STDOUT_FILENO, title, (size_t)n) == n;
}

bool
tui_interrupted(void)
{
	return caught != 0;
}

static void
on_signal(int sig)
{
	caught = sig;
}

static void
on_crash(int sig)
{
	if (curses_on) {
		if (have_modes)
			tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
		if (write(STDOUT_FILENO, reset_seq, strlen(reset_seq)) < 0)
			(void)0;	/* nothing more can be done */
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* After newterm: remember how to leave it from a crash. */
static void
prepare_crash_reset(void)
{
	static const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
	const char *caps[] = {"sgr0", "rmcup", "cnorm"};
	char *cap;
	size_t i;

	reset_seq[0] = '\0';
	for (i = 0; i < sizeof caps / sizeof *caps; i++) {
		cap = tigetstr(caps[i]);
		if (cap && cap != (char *)-1 &&
		    strlen(reset_seq) + strlen(cap) < sizeof reset_seq)
			strcat(reset_seq, cap);
	}
	for (i = 0; i < sizeof sigs / sizeof *sigs; i++)
		signal(sigs[i], on_crash);
}

/* atexit: whatever ends the program, the terminal is given back. */
static void
restore_terminal(void)
{
	if (curses_on && !isendwin())
		endwin();
	curses_on = false;
}

static void
catch_signals(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;	/* no SA_RESTART: the read returns */
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof *sigs; i++)
		sigaction(sigs[i], &sa, NULL);
}

int
tui_body_top(void)
{
	return 1;
}

int
tui_body_rows(void)
{
	return LINES - 3;
}

bool
tui_push(struct tui *t, const struct tui_screen *scr, void *state)
{
	if (t->depth == TUI_DEPTH) {
		if (scr->free) {
			struct tui_view v = {scr, state};

			scr->free(&v);
		}
		tui_error(t, "%s", _("too many screens open: go back first"));
		return false;
	}
	t->stack[t->depth].scr = scr;
	t->stack[t->depth].state = state;
	t->depth++;
	return true;
}

void
tui_pop(struct tui *t)
{
	struct tui_view *v;

	if (!t->depth)
		return;
	v = &t->stack[--t->depth];
	if (v->scr->free)
		v->scr->free(v);
	if (t->depth) {
		v = &t->stack[t->depth - 1];
		if (v->scr->resume)
			v->scr->resume(t, v);
	}
}

bool
tui_replace(struct tui *t, const struct tui_screen *scr, void *state)
{
	struct tui_view *v;

	if (t->depth) {
		v = &t->stack[--t->depth];
		if (v->scr->free)
			v->scr->free(v);
	}
	return tui_push(t, scr, state);
}

static void __attribute__((format(printf, 3, 0)))
set_status(struct tui *t, bool error, const char *fmt, va_list ap)
{
	vsnprintf(t->status, sizeof t->status, fmt, ap);
	t->status_error = error;
}

void
tui_say(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_status(t, false, fmt, ap);
	va_end(ap);
}

void
tui_error(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_status(t, true, fmt, ap);
	va_end(ap);
	beep();
}

/* The title bar: shop and screen on the left, operator and date on the
 * right, the database in between when there is room. */
static void
draw_title(struct tui *t)
{
	const struct tui_view *v = &t->stack[t->depth - 1];
	char left[512], right[160];
	int a = tui_attr(t, ROLE_TITLE), lw, rw;

	snprintf(left, sizeof left, " %s \xE2\x94\x82 %s",
		 *t->shop ? t->shop : PACKAGE, _(v->scr->name));
	snprintf(right, sizeof right, "%s  %s ", t->md->operator_name, t->today);
	attron(a);
	mvhline(0, 0, ' ', COLS);
	rw = text_width(right);
	if (rw > COLS / 2)
		rw = COLS / 2;
	lw = tui_put(0, 0, left, COLS - rw - 1, false);
	if (COLS - rw - lw > 6)
		tui_put(0, lw + 2, t->md->path, COLS - rw - lw - 4, false);
	tui_put(0, COLS - rw, right, rw, true);
	attroff(a);
}

/* One key of the key bar: the columns it takes, drawn at X when DRAW. */
static int
keybar_item(struct tui *t, const struct tui_action *a, int x, bool draw)
{
	char key[32];
	int kw, lw;

	tui_key_name(a->keys[0], key, sizeof key);
	kw = text_width(key);
	lw = text_width(_(a->label));
	if (draw) {
		tui_put_role(t, LINES - 1, x, key, kw, false, ROLE_KEY);
		tui_put_role(t, LINES - 1, x + kw, " ", 1, false, ROLE_KEYBAR);
		tui_put_role(t, LINES - 1, x + kw + 1, _(a->label), lw, false, ROLE_KEYBAR);
	}
	return kw + 1 + lw;
}

static bool
on_keybar(const struct tui *t, enum tui_act act)
{
	const struct tui_action *a = tui_action_get(act);

	if (act == ACT_BACK && t->depth == 1)
		return false;
	return (a->keys[0] >= TK(KEY_F(1)) && a->keys[0] <= TK(KEY_F(12))) ||
	       a->keys[0] == TUI_ESC;
}

/* "F1 Help  F2 New ... F10 Quit": help, the actions of the top screen
 * that have a function key, then the frame's.  Room for the frame's is
 * kept: a screen key that does not fit is left to F1's list. */
static void
draw_keybar(struct tui *t)
{
	const struct tui_view *v = &t->stack[t->depth - 1];
	const enum tui_act help[] = {ACT_HELP, ACT_NONE};
	const enum tui_act frame[] = {ACT_BACK, ACT_QUIT, ACT_NONE};
	const enum tui_act *lists[] = {help, v->scr->acts, frame};
	const enum tui_act *p;
	int x = 0, w, room = COLS;
	size_t i;

	attron(tui_attr(t, ROLE_KEYBAR));
	mvhline(LINES - 1, 0, ' ', COLS);
	attroff(tui_attr(t, ROLE_KEYBAR));
	for (p = frame; *p != ACT_NONE; p++)
		if (on_keybar(t, *p))
			room -= keybar_item(t, tui_action_get(*p), 0, false) + 2;
	for (i = 0; i < 3; i++)
		for (p = lists[i]; *p != ACT_NONE; p++) {
			if (!on_keybar(t, *p))
				continue;
			w = keybar_item(t, tui_action_get(*p), x, false);
			if (x + w > (i == 2 ? COLS : room))
				continue;
			keybar_item(t, tui_action_get(*p), x, true);
			x += w + 2;
		}
}

static void
draw_too_small(void)
{
	char msg[128];

	erase();
	snprintf(msg, sizeof msg, _("The terminal is too small: memberdesk needs %dx%d."),
		 MIN_COLS, MIN_LINES);
	tui_put(0, 0, msg, COLS, false);
	curs_set(0);
	refresh();
}

void
tui_draw_all(struct tui *t)
{
	struct tui_view *v = &t->stack[t->depth - 1];

	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		draw_too_small();
		return;
	}
	erase();
	t->cursor_y = -1;
	/* The help line goes first: a view's own F1 must win. */
	draw_title(t);
	v->scr->draw(t, v);
	tui_put_role(t, LINES - 2, 0, t->status, COLS, false,
		     t->status_error ? ROLE_ERROR : ROLE_STATUS);
	draw_keybar(t);
	if (t->cursor_y >= 0) {
		curs_set(1);
		move(t->cursor_y, t->cursor_x);
	} else {
		curs_set(0);
	}
	refresh();
}

static void
set_delay(struct tui *t, int ms)
{
	t->delay = ms;
	timeout(ms);
}

bool
tui_caught(void)
{
	return caught != 0;
}

int
tui_read_key(struct tui *t)
{
	wint_t ch, next;
	int r;

	if (t->delay)
		idle_tell();
	r = get_wch(&ch);
	if (r == ERR)
		return 0;
	idle.keys++;
	idle.told = false;
	if (r == KEY_CODE_YES)
		return TK((int)ch);
	if (ch != TUI_ESC)
		return (int)ch;
	/* Esc and a key at once is Alt and that key (Esc 2 = Alt-2 = F2,
	 * for terminals without function keys). */
	timeout(25);
	r = get_wch(&next);
	timeout(t->delay);
	if (r == OK && next >= ' ' && next < 127)
		return TUI_META | (int)next;
	if (r == OK)
		unget_wch(next);
	else if (r == KEY_CODE_YES)
		ungetch((int)next);
	return TUI_ESC;
}

bool
tui_confirm(struct tui *t, bool def, const char *fmt, ...)
{
	char q[800];
	int key, saved = t->delay;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(q, sizeof q, fmt, ap);
	va_end(ap);
	set_delay(t, 500);
	for (;;) {
		snprintf(t->status, sizeof t->status, "%s %s", q,
			 def ? _("[Y/n]") : _("[y/N]"));
		t->status_error = false;
		tui_draw_all(t);
		key = tui_read_key(t);
		if (caught)
			return false;
		if (key == 'y' || key == 'Y') {
			def = true;
			break;
		}
		if (key == 'n' || key == 'N' || key == TUI_ESC) {
			def = false;
			break;
		}
		if (key == '\r' || key == '\n' || key == TK(KEY_ENTER))
			break;
	}
	t->status[0] = '\0';
	set_delay(t, saved);
	return def;
}

static void
dispatch(struct tui *t, int key)
{
	struct tui_view *v = &t->stack[t->depth - 1];
	bool typing = v->scr->typing && v->scr->typing(v);
	enum tui_act act;

	if (key == TK(KEY_RESIZE))
		return;		/* the next draw reads the new size */
	t->status[0] = '\0';
	act = tui_action_for(v->scr, key, typing);
	if (v->scr->key(t, v, key, act) == TUI_HANDLED)
		return;
	switch (act) {
	case ACT_HELP:
		tui_help_open(t, v->scr);
		break;
	case ACT_QUIT:
		if (!v->scr->dirty || !v->scr->dirty(v) ||
		    tui_confirm(t, false, "%s",
				_("Quit and drop what was typed?")))
			t->quit = true;
		break;
	case ACT_BACK:
		if (t->depth > 1)
			tui_pop(t);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

static bool
start_curses(void)
{
	/* newterm, not initscr: initscr exits on a bad TERM without
	 * letting us say why. */
	have_modes = tcgetattr(STDIN_FILENO, &saved_modes) == 0;
	if (!newterm(NULL, stdout, stdin))
		return false;
	curses_on = true;
	prepare_crash_reset();
	cbreak();
	noecho();
	nonl();		/* Enter is \r, told apart from ^J */
	keypad(stdscr, TRUE);
	set_escdelay(25);
	return true;
}

/* A write waits behind another memberdesk (an import, often): say for
 * what on the status line, and let Esc give up.  Only the status line
 * is drawn: the views read the database, and this runs inside SQLite's
 * busy handler. */
static bool
waiting(void *arg, int waited_ms, const char *holder)
{
	struct tui *t = arg;
	char key[16];
	int ch;

	(void)waited_ms;
	tui_act_key(ACT_BACK, 0, key, sizeof key);
	if (holder)
		/* TRANSLATORS: the key (Esc); the work.  The key first: the
		 * status line is one line of the screen. */
		snprintf(t->status, sizeof t->status,
			 _("%s gives up. Waiting for %s to finish, then this goes on by itself."),
			 key, holder);
	else
		snprintf(t->status, sizeof t->status,
			 _("%s gives up. Waiting for another memberdesk to finish writing."), key);
	t->status_error = false;
	tui_put_role(t, LINES - 2, 0, t->status, COLS, false, ROLE_STATUS);
	refresh();
	idle_tell();	/* drawn, and waiting: for the lock, or for Esc */
	timeout(0);
	ch = getch();
	timeout(t->delay);
	if (ch == TUI_ESC)
		return false;
	if (ch != ERR)
		ungetch(ch);
	return true;
}

/* What the open had to say (a database others can read, one open for
 * reading only) goes to the status line, as the CLI puts it on stderr. */
static void
show_notice(struct tui *t)
{
	char *nl;

	if (t->md->readonly) {
		snprintf(t->status, sizeof t->status,
			 _("Open for reading only, because %s: sales and changes will be refused."),
			 t->md->readonly_why);
		t->status_error = true;
	} else if (*t->md->notice) {
		if ((nl = strchr(t->md->notice, '\n')))
			*nl = '\0';
		snprintf(t->status, sizeof t->status, "%s", t->md->notice);
		t->status_error = true;
	}
	t->md->notice[0] = '\0';
}

/* Today's automatic backup runs in a thread (backup_job.c) from the
 * first screen on; the status line tells of it only when it failed. */
static bool
backup_end(struct tui *t, struct backup_job **job, bool quitting)
{
	struct backup_result res;
	bool done;
	int rc = backup_job_end(t->md, *job, quitting, &done, &res);

	*job = NULL;
	if (rc && !quitting)
		tui_error(t, _("The daily backup failed: %s"), t->md->err);
	return rc != MD_OK;
}

/* The last week's RFM snapshot, when missing, runs in a thread too
 * (rfm_job.c) from the first screen on. */
static void
week_start(struct tui *t, struct rfm_job **job)
{
	if (!t->md->readonly && !*job && rfm_job_start(t->md, job) != MD_OK)
		tui_error(t, _("The weekly RFM snapshot failed: %s"), t->md->err);
}

static bool
week_end(struct tui *t, struct rfm_job **job, bool quitting)
{
	int rc = rfm_job_end(t->md, *job);

	*job = NULL;
	if (rc && !quitting)
		tui_error(t, _("The weekly RFM snapshot failed: %s"), t->md->err);
	return rc != MD_OK;
}

/* The screens run all day and all night: the clock moves on before
 * every action, and the first moment of a new day applies that day's
 * rules and takes its backup, as the first command of a day does. */
static bool
tick(struct tui *t, struct backup_job **backup, struct rfm_job **week)
{
	char today[11];

	clock_tick(t->md);
	clock_today_text(t->md, today);
	if (!strcmp(today, t->today))
		return false;
	snprintf(t->today, sizeof t->today, "%s", today);
	if (!t->md->readonly && maint_ensure(t->md) != MD_OK) {
		tui_error(t, _("The daily rules failed: %s"), t->md->err);
		return true;
	}
	week_start(t, week);
	if (!*backup && backup_daily_start(t->md, backup) != MD_OK)
		tui_error(t, _("The daily backup failed: %s"), t->md->err);
	return true;	/* a new date in the title */
}

/* In a shop with operators: no key for tui_lock_minutes locks the
 * screens until an operator signs in again (any of them: the counter
 * changes hands); the key that wakes them does nothing else. */
static bool
lock_if_due(struct tui *t)
{
	if (!tui_lock_due(t))
		return false;
	if (!tui_sign_in(t, t->md->operator_name, true))
		t->quit = true;
	return true;
}

int
tui_run(struct md *md, const char *who)
{
	static bool registered;
	struct tui t = {.md = md, .cursor_y = -1};
	struct backup_job *backup = NULL;
	struct rfm_job *week = NULL;
	int64_t operators = 0;
	int key;

	if (settings_get(md, "shop_name", t.shop))
		t.shop[0] = '\0';
	clock_today_text(md, t.today);
	if (!registered) {
		atexit(restore_terminal);
		registered = true;
	}
	catch_signals();
	idle_init();
	if (!start_curses()) {
		fprintf(stderr, "%s: %s\n", PACKAGE,
			_("cannot use this terminal (is TERM set?)"));
		return 1;
	}
	set_delay(&t, 500);
	tui_color_init(&t);
	tui_lock_init(&t);
	if (!operator_count(md, &operators) && operators && !tui_sign_in(&t, who, false)) {
		restore_terminal();
		return 0;
	}
	if (!tui_find_open(&t)) {
		restore_terminal();
		fprintf(stderr, "%s: %s\n", PACKAGE, t.status);
		return 1;
	}
	show_notice(&t);
	db_on_wait(md, waiting, &t);
	/* The core's messages name the form's fields, not the options. */
	md->input_name = tui_form_input_name;
	md->input_arg = &t;
	tui_draw_all(&t);
	week_start(&t, &week);
	if (backup_daily_start(md, &backup) != MD_OK) {
		tui_error(&t, _("The daily backup failed: %s"), md->err);
		tui_draw_all(&t);
	}
	while (!t.quit && !caught) {
		key = tui_read_key(&t);
		if (lock_if_due(&t)) {
			tui_draw_all(&t);
			continue;
		}
		if (key)
			tui_lock_touch(&t);
		if (backup && backup_job_done(backup) && backup_end(&t, &backup, false))
			tui_draw_all(&t);
		if (week && rfm_job_done(week) && week_end(&t, &week, false))
			tui_draw_all(&t);
		if (tick(&t, &backup, &week) && !key)
			tui_draw_all(&t);
		if (!key)
			continue;
		dispatch(&t, key);
		/* Everything already typed, before one redraw. */
		set_delay(&t, 0);
		while (!t.quit && !caught && t.depth && (key = tui_read_key(&t)))
			dispatch(&t, key);
		set_delay(&t, 500);
		if (!t.depth)
			break;
		tui_draw_all(&t);
	}
	if (backup)
		backup_end(&t, &backup, true);
	if (week)
		week_end(&t, &week, true);
	while (t.depth)
		tui_pop(&t);
	db_on_wait(md, NULL, NULL);
	md->input_name = NULL;
	md->input_arg = NULL;
	restore_terminal();
	if (caught) {
		/* Die of the signal as the shell expects, terminal restored. */
		signal(caught, SIG_DFL);
		raise(caught);
	}
	return 0;
}
