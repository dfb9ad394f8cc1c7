/* tui_report_sales.c - sales by day, week or month, by category and by
 * payment, with a bar for what each paid
 *
 * As "report sales --by WHAT --from --to": the last 30 days by day,
 * category or payment, the last 12 weeks by week, the last 12 months
 * by month.  F5 groups them the next way, Left and Right go a period
 * back and on. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>

#include "core/clock.h"
#include "core/money.h"
#include "core/payment.h"
#include "core/report.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_report.h"
#include "tui/tui_screens.h"

struct sales {
	enum report_by by;
	struct date from, to;
	struct report_sales s;
	struct tui_list l;
};

/* FROM for the period of BY that ends on TO. */
static struct date
period_start(enum report_by by, struct date to)
{
	struct date d = to;

	switch (by) {
	case REPORT_BY_WEEK:
		return date_from_days(date_to_days(to) - 83);
	case REPORT_BY_MONTH:
		d.m -= 11;
		if (d.m < 1) {
			d.m += 12;
			d.y--;
		}
		d.d = 1;
		return d;
	default:
		return date_from_days(date_to_days(to) - 29);
	}
}

static bool
sales_load(struct tui *t, struct sales *s)
{
	report_sales_free(&s->s);
	s->from = period_start(s->by, s->to);
	if (report_sales(t->md, s->from, s->to, s->by, &s->s)) {
		tui_error(t, "%s", t->md->err);
		return false;
	}
	s->l.n = (int)s->s.n;
	if (s->l.sel >= s->l.n)
		s->l.sel = s->l.n ? s->l.n - 1 : 0;
	return true;
}

static const char *
group_name(const struct sales *s, const char *key)
{
	if (s->by == REPORT_BY_PAYMENT)
		return payment_label(key);
	return *key ? key : _("(none)");
}

enum { C_GROUP, C_SALES, C_PAID, C_SHARE, C_COUNT };

static int
list_rows(void)
{
	return tui_body_rows() - 4;	/* the intro, a blank, the headings, the total */
}

static void
draw_intro(struct tui *t, const struct sales *s)
{
	static const char *const by[] = {
		[REPORT_BY_DAY] = N_("by day"), [REPORT_BY_WEEK] = N_("by week (ending Sunday)"),
		[REPORT_BY_MONTH] = N_("by month"), [REPORT_BY_CATEGORY] = N_("by category"),
		[REPORT_BY_PAYMENT] = N_("by payment"),
	};
	char line[300], a[11], b[11];

	date_format(s->from, a);
	date_format(s->to, b);
	/* TRANSLATORS: "Sales from 2026-06-16 to 2026-07-15, by day." */
	snprintf(line, sizeof line, _("Sales from %s to %s, %s. F5 groups them another way."),
		 a, b, _(by[s->by]));
	tui_put_role(t, tui_body_top(), 1, line, COLS - 2, false, ROLE_DIM);
}

static void
sales_draw(struct tui *t, struct tui_view *v)
{
	struct sales *s = v->state;
	static const char *const head[] = {
		[REPORT_BY_DAY] = N_("Day"), [REPORT_BY_WEEK] = N_("Week ending"),
		[REPORT_BY_MONTH] = N_("Month"), [REPORT_BY_CATEGORY] = N_("Category"),
		[REPORT_BY_PAYMENT] = N_("Payment"),
	};
	struct tui_col c[C_COUNT] = {
		{head[s->by], 11, false}, {N_("Sales"), 7, true}, {N_("Paid"), 13, true},
		{N_("Share %"), 7, true},
	};
	char n[32], paid[40], share[32];
	const char *cells[C_COUNT] = {NULL, n, paid, share};
	int y = tui_body_top() + 3, rows = list_rows(), i, x, w;
	int64_t max = 1;

	for (size_t k = 0; k < s->s.n; k++) {
		if ((w = text_width(group_name(s, s->s.rows[k].key))) > c[C_GROUP].width)
			c[C_GROUP].width = w < 24 ? w : 24;
		if (s->s.rows[k].paid > max)
			max = s->s.rows[k].paid;
	}
	draw_intro(t, s);
	x = tui_table_row(t, y - 1, c, C_COUNT, NULL, ROLE_HEADER);
	tui_list_scroll(&s->l, rows);
	for (i = 0; i < rows && s->l.top + i < s->l.n; i++) {
		const struct report_sales_row *r = &s->s.rows[s->l.top + i];
		enum tui_role role = s->l.top + i == s->l.sel ? ROLE_SELECTED : ROLE_NORMAL;

		cells[C_GROUP] = group_name(s, r->key);
		text_format_int(r->sales, n);
		money_human(t->md, r->paid, paid);
		text_format_ratio(100 * r->paid, s->s.paid ? s->s.paid : 1, share);
		tui_table_row(t, y + i, c, C_COUNT, cells, role);
		tui_put_bar(t, y + i, x, r->paid, max, COLS - x - 1,
			    role == ROLE_SELECTED ? ROLE_SELECTED : ROLE_GOOD);
	}
	if (!s->s.n) {
		tui_put(y, 1, _("No sales in this period."), COLS - 2, false);
		return;
	}
	cells[C_GROUP] = _("Total");
	text_format_int(s->s.sales, n);
	money_human(t->md, s->s.paid, paid);
	share[0] = '\0';
	tui_table_row(t, y + (i < rows ? i : rows), c, C_COUNT, cells, ROLE_HEADER);
}

static void
shift(struct tui *t, struct sales *s, bool later)
{
	struct date today = clock_today(t->md);
	int64_t span = date_to_days(s->to) - date_to_days(s->from) + 1;
	int64_t to = later ? date_to_days(s->to) + span : date_to_days(s->from) - 1;

	if (to > date_to_days(today))
		to = date_to_days(today);
	s->to = date_from_days(to);
	if (s->by == REPORT_BY_MONTH && later && to < date_to_days(today))
		s->to.d = date_days_in_month(s->to.y, s->to.m);	/* a whole month */
	sales_load(t, s);
}

static enum tui_result
sales_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct sales *s = v->state;

	(void)key;
	if (tui_list_move(&s->l, act, list_rows()))
		return TUI_HANDLED;
	switch (act) {
	case ACT_GROUP:
		s->by = s->by == REPORT_BY_PAYMENT ? REPORT_BY_DAY : s->by + 1;
		s->l.sel = s->l.top = 0;
		sales_load(t, s);
		return TUI_HANDLED;
	case ACT_EARLIER:
	case ACT_LATER:
		shift(t, s, act == ACT_LATER);
		return TUI_HANDLED;
	default:
		return TUI_IGNORED;
	}
}

static void
sales_free(struct tui_view *v)
{
	struct sales *s = v->state;

	report_sales_free(&s->s);
	free(s);
}

static const enum tui_act sales_acts[] = {
	ACT_GROUP, ACT_EARLIER, ACT_LATER, TUI_LIST_ACTS, ACT_NONE
};

static const struct tui_screen sales_screen = {
	.name = N_("Sales figures"),
	.acts = sales_acts,
	.draw = sales_draw,
	.key = sales_key,
	.free = sales_free,
};

bool
tui_report_sales_open(struct tui *t)
{
	struct sales *s = calloc(1, sizeof *s);

	if (!s) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	s->by = REPORT_BY_DAY;
	s->to = clock_today(t->md);
	if (!sales_load(t, s)) {
		free(s);
		return false;
	}
	return tui_push(t, &sales_screen, s);
}
