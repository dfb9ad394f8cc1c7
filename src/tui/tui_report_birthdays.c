/* tui_report_birthdays.c - members whose birthday is coming
 *
 * As "report birthdays --within DAYS": from today, by date.  + and -
 * look further or less far ahead; Enter opens the member, to give a
 * coupon or a call. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/report.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_report.h"
#include "tui/tui_screens.h"

/* The spans + and - step through, in days. */
static const int spans[] = {7, 14, 30, 60, 90, 366};
#define N_SPANS (int)(sizeof spans / sizeof *spans)

struct birthdays {
	struct md *md;
	int span;		/* index into spans */
	struct report_birthday *rows;
	size_t n, cap;
	struct tui_list l;
};

static int
keep(void *arg, const struct report_birthday *b)
{
	struct birthdays *s = arg;

	if (!md_grow(s->md, &s->rows, &s->cap, s->n, sizeof *s->rows))
		return MD_ENOMEM;
	s->rows[s->n++] = *b;
	return MD_OK;
}

static bool
birthdays_load(struct tui *t, struct birthdays *s)
{
	s->n = 0;
	if (report_birthdays(t->md, clock_today(t->md), spans[s->span], keep, s)) {
		tui_error(t, "%s", t->md->err);
		return false;
	}
	s->l.n = (int)s->n;
	s->l.sel = s->l.top = 0;
	return true;
}

enum { C_DATE, C_CARD, C_NAME, C_PHONE, C_AGE, C_COUNT };

static int
list_rows(void)
{
	return tui_body_rows() - 3;
}

static void
birthdays_draw(struct tui *t, struct tui_view *v)
{
	struct birthdays *s = v->state;
	struct tui_col c[C_COUNT] = {
		{N_("Birthday"), 10, false}, {N_("Card"), 8, false}, {N_("Name"), 0, false},
		{N_("Phone"), 13, false}, {N_("Age"), 4, true},
	};
	char line[300], n[32], age[16];
	int y = tui_body_top() + 3, rows = list_rows(), i, w;

	for (size_t k = 0; k < s->n; k++)
		if ((w = text_width(s->rows[k].card)) > c[C_CARD].width)
			c[C_CARD].width = w;
	tui_cols_fit(c, C_COUNT, 0, 8);
	text_format_int((int64_t)s->n, n);
	/* TRANSLATORS: "3 members have a birthday in the next 7 days. ..." */
	snprintf(line, sizeof line,
		 P_("%s member has a birthday in the next %d days. + and - change the days.",
		    "%s members have a birthday in the next %d days. + and - change the days.", s->n),
		 n, spans[s->span]);
	tui_put_role(t, tui_body_top(), 1, line, COLS - 2, false, ROLE_DIM);
	tui_table_row(t, y - 1, c, C_COUNT, NULL, ROLE_HEADER);
	tui_list_scroll(&s->l, rows);
	for (i = 0; i < rows && s->l.top + i < s->l.n; i++) {
		const struct report_birthday *b = &s->rows[s->l.top + i];
		const char *cells[C_COUNT] = {b->date, b->card, b->name, b->phone, age};

		if (b->age)
			snprintf(age, sizeof age, "%d", b->age);
		else
			age[0] = '\0';
		tui_table_row(t, y + i, c, C_COUNT, cells,
			      s->l.top + i == s->l.sel ? ROLE_SELECTED : ROLE_NORMAL);
	}
}

static enum tui_result
birthdays_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct birthdays *s = v->state;

	(void)key;
	if (tui_list_move(&s->l, act, list_rows()))
		return TUI_HANDLED;
	switch (act) {
	case ACT_MORE_DAYS:
	case ACT_FEWER_DAYS:
		s->span += act == ACT_MORE_DAYS ? 1 : -1;
		if (s->span < 0)
			s->span = 0;
		if (s->span >= N_SPANS)
			s->span = N_SPANS - 1;
		birthdays_load(t, s);
		return TUI_HANDLED;
	case ACT_OPEN:
		if (s->n)
			tui_report_card(t, s->rows[s->l.sel].card);
		return TUI_HANDLED;
	default:
		return TUI_IGNORED;
	}
}

static void
birthdays_free(struct tui_view *v)
{
	struct birthdays *s = v->state;

	free(s->rows);
	free(s);
}

static const enum tui_act birthdays_acts[] = {
	ACT_OPEN, ACT_MORE_DAYS, ACT_FEWER_DAYS, TUI_LIST_ACTS, ACT_NONE
};

static const struct tui_screen birthdays_screen = {
	.name = N_("Birthdays"),
	.acts = birthdays_acts,
	.draw = birthdays_draw,
	.key = birthdays_key,
	.free = birthdays_free,
};

bool
tui_report_birthdays_open(struct tui *t)
{
	struct birthdays *s = calloc(1, sizeof *s);

	if (!s) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	s->md = t->md;
	if (!birthdays_load(t, s)) {
		free(s);
		return false;
	}
	return tui_push(t, &birthdays_screen, s);
}
