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
#include <time.h>

#include "core/action.h"
#include "core/md.h"
#include "core/settings.h"

/* Key codes: a character is its code point; ncurses' function keys are
 * offset past Unicode; Alt (Esc then a key) sets TUI_META. */
#define TUI_FKEY 0x200000
#define TUI_META 0x400000
#define TK(k) (TUI_FKEY + (k))
#define TUI_CTRL(c) ((c) & 0x1f)
#define TUI_ESC 27

/* Every action of the screens, once, as tig's REQ_INFO: _(ID, name (the
 * manual's, stable), KEYS(...) (a function key, the same on Alt, a letter
 * where no field is typed into; expanded in tui_action.c), the key bar's
 * word, the help line, and the core action it performs (action.h; NONE
 * for moving about): what the operators' permissions will check. */
#define TUI_ACTIONS(_) \
	_(HELP, "help", KEYS(TK(KEY_F(1)), TUI_META | '1', '?'), \
	  N_("Help"), N_("show the keys of this screen"), NONE) \
	_(QUIT, "quit", KEYS(TK(KEY_F(10)), TUI_META | '0', 'q'), \
	  N_("Quit"), N_("leave memberdesk (a form asks first if something was typed)"), NONE) \
	_(BACK, "back", KEYS(TUI_ESC), \
	  N_("Back"), N_("cancel the form without saving, or go back a screen"), NONE) \
	_(REDRAW, "redraw", KEYS(TUI_CTRL('l')), \
	  N_("Redraw"), N_("redraw the screen"), NONE) \
	_(SAVE, "save", KEYS(TK(KEY_F(2)), TUI_META | '2'), \
	  N_("Save"), N_("save the form (Enter on the last field does too)"), NONE) \
	_(NEXT, "next-field", KEYS('\t', TK(KEY_DOWN)), \
	  N_("Next"), N_("go to the next field"), NONE) \
	_(PREV, "previous-field", KEYS(TK(KEY_BTAB), TK(KEY_UP)), \
	  N_("Previous"), N_("go to the previous field"), NONE) \
	_(UP, "up", KEYS(TK(KEY_UP), 'k'), \
	  N_("Up"), N_("move up a line"), NONE) \
	_(DOWN, "down", KEYS(TK(KEY_DOWN), 'j'), \
	  N_("Down"), N_("move down a line"), NONE) \
	_(PGUP, "page-up", KEYS(TK(KEY_PPAGE)), \
	  N_("PgUp"), N_("move up a page"), NONE) \
	_(PGDN, "page-down", KEYS(TK(KEY_NPAGE), ' '), \
	  N_("PgDn"), N_("move down a page"), NONE) \
	_(HOME, "first", KEYS(TK(KEY_HOME)), \
	  N_("Home"), N_("go to the first line"), NONE) \
	_(END, "last", KEYS(TK(KEY_END)), \
	  N_("End"), N_("go to the last line"), NONE) \
	_(OPEN, "open", KEYS('\r', '\n', TK(KEY_ENTER)), \
	  N_("Open"), N_("open the member on the selected line"), NONE) \
	_(SEARCH, "search", KEYS('/'), \
	  N_("Search"), N_("a new search: card, phone, last 4 digits or name"), NONE) \
	_(REGISTER, "register", KEYS(TK(KEY_F(2)), TUI_META | '2', TUI_CTRL('n')), \
	  N_("New"), N_("register a new member"), MEMBER_ADD) \
	_(WALKIN, "walk-in-sale", KEYS(TK(KEY_F(3)), TUI_META | '3'), \
	  N_("Walk-in"), N_("record a sale to a customer who is not a member"), SALE_ADD) \
	_(SELL, "sell", KEYS(TK(KEY_F(3)), TUI_META | '3', 's'), \
	  N_("Sell"), N_("record a sale to this member"), SALE_ADD) \
	_(TOPUP, "top-up", KEYS(TK(KEY_F(4)), TUI_META | '4', 't'), \
	  N_("Top up"), N_("add stored value, with the bonus the rules give"), WALLET_RECHARGE) \
	_(POINTS, "adjust-points", KEYS(TK(KEY_F(5)), TUI_META | '5', 'a'), \
	  N_("Points"), N_("add or take away points, with a reason"), POINTS_ADJUST) \
	_(EDIT, "edit", KEYS(TK(KEY_F(6)), TUI_META | '6', 'e'), \
	  N_("Edit"), N_("change the member's details"), MEMBER_EDIT) \
	_(FREEZE, "freeze", KEYS(TK(KEY_F(7)), TUI_META | '7', 'f'), \
	  N_("Freeze"), N_("freeze the membership, or unfreeze it"), MEMBER_FREEZE) \
	_(PRINT, "print", KEYS(TK(KEY_F(9)), TUI_META | '9', 'p'), \
	  N_("Print"), N_("print the receipt on the default printer (lp)"), NONE) \
	_(GIVE, "give-coupon", KEYS(TK(KEY_F(8)), TUI_META | '8', 'c'), \
	  N_("Coupon"), N_("give the member a coupon of an active campaign"), COUPON_GIVE) \
	_(GIVE_THIS, "give-this-coupon", KEYS(TK(KEY_F(2)), '\r', '\n', TK(KEY_ENTER)), \
	  N_("Give"), N_("give the member a coupon of the selected campaign"), COUPON_GIVE) \
	_(CAMPAIGNS, "campaigns", KEYS(TK(KEY_F(8)), TUI_META | '8'), \
	  N_("Coupons"), N_("coupon campaigns: make, issue, see how they do"), \
	  NONE) \
	_(CAMPAIGN_NEW, "new-campaign", KEYS(TK(KEY_F(2)), TUI_META | '2', 'n'), \
	  N_("Add"), N_("make a new coupon campaign"), CAMPAIGN_ADD) \
	_(CAMPAIGN_SHOW, "show-campaign", KEYS('\r', '\n', TK(KEY_ENTER)), \
	  N_("Show"), N_("show the selected campaign and how it is doing"), NONE) \
	_(CAMPAIGN_START, "start-campaign", KEYS(TK(KEY_F(3)), TUI_META | '3', 's'), \
	  N_("Launch"), N_("start a draft campaign, after asking"), CAMPAIGN_START) \
	_(ISSUE, "issue-coupons", KEYS(TK(KEY_F(5)), TUI_META | '5', 'i'), \
	  N_("Issue"), N_("issue its coupons to the members it targets, after asking"), \
	  COUPON_ISSUE) \
	_(CAMPAIGN_EDIT, "edit-campaign", KEYS(TK(KEY_F(6)), TUI_META | '6', 'e'), \
	  N_("Edit"), N_("change the campaign (an active one only widens)"), CAMPAIGN_EDIT) \
	_(CAMPAIGN_END, "end-campaign", KEYS(TK(KEY_F(7)), TUI_META | '7', 'x'), \
	  N_("Stop"), N_("end the campaign, after asking: its coupons stop working"), \
	  CAMPAIGN_END) \
	_(OFFICE, "back-office", KEYS(TK(KEY_F(9)), TUI_META | '9'), \
	  N_("Office"), N_("the owner's back office: tiers, points, reports, settings..."), \
	  NONE) \
	_(OFFICE_OPEN, "open-screen", KEYS('\r', '\n', TK(KEY_ENTER)), \
	  N_("Open"), N_("open the screen on the selected line"), NONE) \
	_(TIER_NEW, "new-tier", KEYS(TK(KEY_F(2)), TUI_META | '2', 'n'), \
	  N_("Add"), N_("add a tier"), TIER_ADD) \
	_(TIER_REVIEW, "review-tiers", KEYS(TK(KEY_F(4)), TUI_META | '4', 'r'), \
	  N_("Review"), N_("review every member's tier now: who would move and why, then apply"), \
	  TIER_REVIEW) \
	_(TIER_EDIT, "edit-tier", KEYS(TK(KEY_F(6)), TUI_META | '6', 'e', '\r'), \
	  N_("Edit"), N_("change the selected tier's rules"), TIER_EDIT) \
	_(TIER_RAISE, "raise-tier", KEYS('+', '='), \
	  N_("Raise"), N_("move the selected tier one place up"), TIER_EDIT) \
	_(TIER_LOWER, "lower-tier", KEYS('-'), \
	  N_("Lower"), N_("move the selected tier one place down"), TIER_EDIT) \
	_(TIER_DELETE, "delete-tier", KEYS(TK(KEY_F(8)), TUI_META | '8', 'd'), \
	  N_("Delete"), N_("delete the selected tier, saying where its members go"), TIER_DELETE) \
	_(APPLY, "apply", KEYS(TK(KEY_F(2)), TUI_META | '2'), \
	  N_("Apply"), N_("do what the list shows, after asking"), NONE) \
	_(SETTING_EDIT, "edit-setting", KEYS(TK(KEY_F(6)), TUI_META | '6', 'e', '\r'), \
	  N_("Edit"), N_("change the selected setting (Enter saves it, Esc keeps it)"), \
	  SETTINGS_SET) \
	_(OPERATOR_NEW, "new-operator", KEYS(TK(KEY_F(2)), TUI_META | '2', 'n'), \
	  N_("Add"), N_("add an operator: a name, a role and a PIN typed twice"), OPERATOR_ADD) \
	_(OPERATOR_PIN, "set-pin", KEYS(TK(KEY_F(4)), TUI_META | '4', 'p'), \
	  N_("PIN"), N_("set the selected operator's PIN (staff: only their own)"), \
	  OPERATOR_PASSWD) \
	_(OPERATOR_ROLE, "change-role", KEYS(TK(KEY_F(5)), TUI_META | '5', 'r'), \
	  N_("Role"), N_("make the selected operator an owner, or staff, after asking"), \
	  OPERATOR_ROLE) \
	_(OPERATOR_ACTIVE, "disable-operator", KEYS(TK(KEY_F(8)), TUI_META | '8', 'd'), \
	  N_("Disable"), N_("stop the selected operator from signing in, or let them again, after asking"), \
	  OPERATOR_DISABLE) \
	_(MEMBER_POINTS, "member-points", KEYS(TK(KEY_F(3)), TUI_META | '3', 'm'), \
	  N_("Member"), N_("a member's points: balance, lots, history, adjustment"), NONE) \
	_(EXPIRY, "expiry-run", KEYS(TK(KEY_F(5)), TUI_META | '5', 'x'), \
	  N_("Expiry"), N_("see whose points would expire, and expire them"), POINTS_EXPIRE) \
	_(REPORTS, "reports", KEYS(TUI_META | 'r'), \
	  N_("Reports"), N_("the reports: segments, value types, the weekly report, birthdays, sales"), \
	  REPORT_VIEW) \
	_(TRANSFER, "import-export", KEYS(TUI_META | 'x'), \
	  N_("Import"), N_("import a file of members, sales or balances, or export one"), NONE) \
	_(CHOOSE, "choose", KEYS('\r', '\n', TK(KEY_ENTER)), \
	  N_("Open"), N_("open what is on the selected line"), NONE) \
	_(SORT_R, "sort-recency", KEYS(TK(KEY_F(5)), TUI_META | '5', 'r'), \
	  N_("By R"), N_("sort the members by recency, the latest buyers first"), NONE) \
	_(SORT_F, "sort-frequency", KEYS(TK(KEY_F(6)), TUI_META | '6', 'f'), \
	  N_("By F"), N_("sort the members by frequency, the most sales first"), NONE) \
	_(SORT_M, "sort-monetary", KEYS(TK(KEY_F(7)), TUI_META | '7', 'm'), \
	  N_("By M"), N_("sort the members by what they paid, the most first"), NONE) \
	_(EARLIER, "earlier", KEYS(TK(KEY_LEFT), '<'), \
	  N_("Earlier"), N_("the period before this one"), NONE) \
	_(LATER, "later", KEYS(TK(KEY_RIGHT), '>'), \
	  N_("Later"), N_("the period after this one"), NONE) \
	_(MORE_DAYS, "more-days", KEYS('+', '='), \
	  N_("More"), N_("look further ahead: more days"), NONE) \
	_(FEWER_DAYS, "fewer-days", KEYS('-'), \
	  N_("Fewer"), N_("look less far ahead: fewer days"), NONE) \
	_(GROUP, "group-by", KEYS(TK(KEY_F(5)), TUI_META | '5', 'g'), \
	  N_("Group"), N_("sales by day, week, month, category or payment, in turn"), NONE) \
	_(SAVE_FILE, "save-to-file", KEYS(TK(KEY_F(2)), TUI_META | '2', 's'), \
	  N_("Save"), N_("save the report to a text file, after asking its name"), NONE) \
	_(BROWSE, "browse", KEYS(TK(KEY_F(4)), TUI_META | '4'), \
	  N_("Browse"), N_("pick the file from a list of the folder's files"), NONE) \
	_(DRY_RUN, "dry-run", KEYS(TK(KEY_F(5)), TUI_META | '5'), \
	  N_("Check"), N_("a dry run: every row checked as the import would, nothing written"), \
	  NONE) \
	_(COLUMNS, "columns", KEYS(TK(KEY_F(6)), TUI_META | '6'), \
	  N_("Columns"), N_("see and change the field each column of the file is read as"), NONE) \
	_(ERRORS, "errors", KEYS(TK(KEY_F(7)), TUI_META | '7'), \
	  N_("Errors"), N_("page through the rows the last check or import rejected"), NONE) \
	_(SAVE_REJECTS, "save-rejected", KEYS(TK(KEY_F(8)), TUI_META | '8'), \
	  N_("Save rows"), N_("save the rejected rows as CSV, to fix them and import that file"), \
	  NONE) \
	_(IMPORT, "import", KEYS(TK(KEY_F(9)), TUI_META | '9'), \
	  N_("Import"), N_("import the file after asking: every row or none, or the good rows"), \
	  IMPORT_MEMBERS) \
	_(EXPORT, "export", KEYS(TK(KEY_F(2)), TUI_META | '2'), \
	  N_("Export"), N_("write the file"), EXPORT_MEMBERS) \
	_(MAP_NEXT, "next-mapping", KEYS(' ', TK(KEY_RIGHT)), \
	  N_("Change"), N_("read the selected column as the next field"), NONE) \
	_(MAP_PREV, "previous-mapping", KEYS(TK(KEY_LEFT)), \
	  N_("Back"), N_("read the selected column as the field before"), NONE) \
	_(MAP_AUTO, "header-mapping", KEYS(TK(KEY_F(5)), TUI_META | '5', 'a'), \
	  N_("Header"), N_("read the selected column as its header says"), NONE) \
	_(PARENT, "parent-folder", KEYS(TK(KEY_BACKSPACE), 127, TUI_CTRL('h')), \
	  N_("Up"), N_("go to the folder above"), NONE) \
	_(LEFT, "char-left", KEYS(TK(KEY_LEFT), TUI_CTRL('b')), \
	  N_("Left"), N_("field: move back a character"), NONE) \
	_(RIGHT, "char-right", KEYS(TK(KEY_RIGHT), TUI_CTRL('f')), \
	  N_("Right"), N_("field: move on a character"), NONE) \
	_(BOL, "line-start", KEYS(TK(KEY_HOME), TUI_CTRL('a')), \
	  N_("Start"), N_("field: go to the start"), NONE) \
	_(EOL, "line-end", KEYS(TK(KEY_END), TUI_CTRL('e')), \
	  N_("End"), N_("field: go to the end"), NONE) \
	_(RUBOUT, "delete-back", KEYS(TK(KEY_BACKSPACE), 127, TUI_CTRL('h')), \
	  N_("Rubout"), N_("field: delete the character before the cursor"), NONE) \
	_(DELETE, "delete", KEYS(TK(KEY_DC), TUI_CTRL('d')), \
	  N_("Delete"), N_("field: delete the character under the cursor"), NONE) \
	_(KILL_BOL, "delete-to-start", KEYS(TUI_CTRL('u')), \
	  N_("Clear"), N_("field: delete everything before the cursor"), NONE) \
	_(KILL_EOL, "delete-to-end", KEYS(TUI_CTRL('k')), \
	  N_("Cut"), N_("field: delete everything from the cursor on"), NONE)

enum tui_act {
	ACT_NONE,
#define TUI_ACT_ENUM(id, name, keys, label, help, does) ACT_##id,
	TUI_ACTIONS(TUI_ACT_ENUM)
#undef TUI_ACT_ENUM
	ACT_COUNT
};

struct tui_action {
	enum tui_act act;
	const char *name;	/* stable: the manual's key table */
	int keys[4];		/* 0-terminated when fewer */
	const char *label;	/* N_(): the key bar, one word */
	const char *help;	/* N_(): the help screen and the manual */
	enum action does;	/* ACTION_NONE: it changes nothing */
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
	int lock_s;		/* tui_lock.c: lock after this long idle; 0 never */
	time_t last_key_s;	/* when the last key came (monotonic seconds) */
	bool ascii;		/* not a UTF-8 locale: charts in ASCII */
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
/* A signal came: a modal loop gives up (the main loop then ends). */
bool tui_interrupted(void);
/* Ask for a line of text on the status line, starting from BUF (N
 * bytes); true with it in BUF on Enter, false on Esc or nothing typed. */
bool tui_ask(struct tui *t, const char *question, char *buf, size_t n);
/* The body: the rows between the title bar and the status line. */
int tui_body_top(void);
int tui_body_rows(void);
void tui_draw_all(struct tui *t);
/* Read one key as a TUI key code (blocking); 0 on a timeout/signal. */
int tui_read_key(struct tui *t);
/* A signal asked the screens to end. */
bool tui_caught(void);

/* tui_lock.c: sign in (WHO prefilled; LOCKED after idle rather than at
 * the start); false when the user quits instead.  The lock's clock. */
bool tui_sign_in(struct tui *t, const char *who, bool locked);
void tui_lock_init(struct tui *t);
void tui_lock_touch(struct tui *t);
bool tui_lock_due(const struct tui *t);

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
/* The name of ACT's key number NTH (from the end when negative: -1 is
 * its letter), for messages that say which key to press; "" when none. */
const char *tui_act_key(enum tui_act act, int nth, char *out, size_t n);

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
/* S from (Y, X) in lines of COLS columns, broken at a blank where one
 * is near, on at most ROWS lines; the lines it took. */
int tui_put_wrapped(struct tui *t, int y, int x, const char *s, int cols, int rows,
		    enum tui_role role);
/* A bar of VALUE out of MAX (at least 1) in COLS columns from (Y, X):
 * whole blocks, then an eighth block for what is left. */
void tui_put_bar(struct tui *t, int y, int x, int64_t value, int64_t max, int cols,
		 enum tui_role role);

#endif
