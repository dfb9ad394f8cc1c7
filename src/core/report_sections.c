/* report_sections.c - what the weekly report holds, in order
 *
 * Key figures against the week before, the RFM segments and how they
 * moved, the value types, the members to call back and the birthdays of
 * the week after.  Each layout (report_text.c, report_pdf.c) is handed
 * the same headings and tables, and draws a chart where it can.
 */
#include <config.h>

#include <stdarg.h>
#include <string.h>

#include "core/money.h"
#include "core/report_priv.h"
#include "i18n.h"

#define BAR_MAX 30

void
report_table_words(const struct report_table *t, size_t r, const char **out,
		   char (*buf)[TABLE_CELL_MAX])
{
	struct table_cell cells[REPORT_MAX_COLS];
	size_t i;

	t->fn(t->ctx, r, cells, buf[t->ncols]);
	for (i = 0; i < t->ncols; i++)
		out[i] = table_cell_text(t->md, &t->cols[i], &cells[i], true, buf[i]);
}

static void __attribute__((format(printf, 3, 4)))
say(const struct report_sink *k, bool keep, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	k->text(k->ctx, keep, buf);
}

static void
table(const struct report_sink *k, const struct table_col *cols, size_t n,
      size_t rows, report_row_fn fn, const void *ctx)
{
	const struct report_table t = {cols, n, rows, fn, ctx, k->md};

	k->table(k->ctx, &t);
}

static void
kpi_row(const void *ctx, size_t i, struct table_cell *cells, char *buf)
{
	const struct report_weekly *w = ctx;
	const struct report_kpi *k = &report_kpi_defs[i];
	int64_t a = report_kpi(&w->week, i), b = report_kpi(&w->previous, i);
	enum table_kind amount = k->money ? COL_YUAN : COL_NUMBER;

	(void)buf;
	cells[0] = TABLE_STR(_(k->label));
	cells[1] = TABLE_AS(amount, a);
	cells[2] = TABLE_AS(amount, b);
	cells[3] = TABLE_AS(k->money ? COL_YUAN_CHANGE : COL_CHANGE, a - b);
}

static void
kpi_section(const struct report_sink *k, const struct report_weekly *w)
{
	static const struct table_col cols[] = {
		{NULL, "", .kind = COL_TEXT},
		{NULL, N_("This week"), .kind = COL_NUMBER},
		{NULL, N_("Last week"), .kind = COL_NUMBER},
		{NULL, N_("Change"), .kind = COL_CHANGE},
	};

	say(k, true, "%s", _("Key figures"));
	table(k, cols, TABLE_COLS(cols), REPORT_KPIS, kpi_row, w);
}

#define SEGMENT_COL(title) {NULL, title, .kind = COL_ENUM, \
	.enum_key = rfm_segment_key, .enum_label = rfm_segment_label}

static void
segment_row(const void *ctx, size_t i, struct table_cell *cells, char *buf)
{
	const struct report_weekly *w = ctx;
	int64_t n = w->segments[i], most = 0, bar;
	size_t k;

	for (k = 0; k < RFM_SEGMENTS; k++)
		if (w->segments[k] > most)
			most = w->segments[k];
	bar = most ? money_mul_div(n, BAR_MAX, most) : 0;
	if (n > 0 && bar == 0)
		bar = 1;
	memset(buf, '#', (size_t)bar);
	buf[bar] = '\0';
	cells[0] = TABLE_INT((int64_t)i);
	cells[1] = TABLE_INT(n);
	cells[2] = *w->before ? TABLE_INT(n - w->segments_before[i]) : TABLE_BLANK;
	cells[3] = TABLE_STR(buf);
}

static void
segment_section(const struct report_sink *k, const struct report_weekly *w)
{
	static const struct table_col cols[] = {
		SEGMENT_COL(N_("Segment")),
		{NULL, N_("Members"), .kind = COL_NUMBER},
		{NULL, N_("Change"), .kind = COL_CHANGE},
		{NULL, "", .kind = COL_TEXT},
	};
	char day[11];

	date_format(w->week_end, day);
	say(k, false, "%s", "");
	if (*w->before)
		say(k, true, _("RFM segments on %s, change since %s"), day, w->before);
	else
		say(k, true, _("RFM segments on %s (no earlier snapshot to compare with)"), day);
	if (k->chart)
		k->chart(k->ctx, k->md, REPORT_CHART_SEGMENTS, w);
	else
		table(k, cols, TABLE_COLS(cols), RFM_SEGMENTS, segment_row, w);
}

static void
type_row(const void *ctx, size_t i, struct table_cell *cells, char *buf)
{
	const struct value_types_summary *t = ctx;

	(void)buf;
	cells[0] = TABLE_INT((int64_t)i);
	cells[1] = TABLE_INT(t->carrying[i]);
	cells[2] = TABLE_INT(t->primary[i]);
}

static void
type_section(const struct report_sink *k, const struct report_weekly *w)
{
	static const struct table_col cols[] = {
		{NULL, N_("Value type"), .kind = COL_ENUM,
		 .enum_key = value_types_key, .enum_label = value_types_label},
		{NULL, N_("Members"), .kind = COL_NUMBER},
		{NULL, N_("Primary"), .kind = COL_NUMBER},
	};
	char avg[40], from[40];

	say(k, false, "%s", "");
	say(k, true, "%s", _("Value types"));
	if (k->chart)
		k->chart(k->ctx, k->md, REPORT_CHART_TYPES, w);
	table(k, cols, TABLE_COLS(cols), VALUE_TYPES, type_row, &w->types);
	money_human(k->md, w->types.average_ticket, avg);
	money_human(k->md, w->types.ticket_threshold, from);
	say(k, false, _("Average ticket %s; high ticket from %s"), avg, from);
}

/* Only on a page that can draw: the text report was settled before. */
static void
weekday_section(const struct report_sink *k, const struct report_weekly *w)
{
	if (!k->chart)
		return;
	say(k, false, "%s", "");
	say(k, true, "%s", _("Sales by day of the week, against the week before"));
	k->chart(k->ctx, k->md, REPORT_CHART_WEEKDAYS, w);
}

static void
call_row(const void *ctx, size_t i, struct table_cell *cells, char *buf)
{
	const struct report_call *c = (const struct report_call *)ctx + i;

	(void)buf;
	cells[0] = TABLE_STR(c->card);
	cells[1] = TABLE_STR(c->name);
	cells[2] = TABLE_STR(c->phone);
	cells[3] = TABLE_INT(c->was);
	cells[4] = TABLE_STR(c->last);
	cells[5] = TABLE_INT(c->monetary);
}

static void
call_section(const struct report_sink *k, const struct report_weekly *w)
{
	static const struct table_col cols[] = {
		{NULL, N_("Card"), .kind = COL_TEXT, .min = 8},
		{NULL, N_("Name"), .kind = COL_TEXT, .min = 8},
		{NULL, N_("Phone"), .kind = COL_TEXT},
		SEGMENT_COL(N_("Was")),
		{NULL, N_("Last purchase"), .kind = COL_TEXT},
		{NULL, N_("Spend"), .kind = COL_YUAN},
	};
	static const int into[] = {RFM_IMPORTANT_WINBACK, RFM_IMPORTANT_KEEP};
	size_t i, j, n;

	say(k, false, "%s", "");
	say(k, true, "%s", _("Win-back calls"));
	if (!*w->before) {
		say(k, false, "%s", _("No earlier snapshot to compare with."));
		return;
	}
	for (j = i = 0; j < sizeof into / sizeof *into; j++, i += n) {
		for (n = 0; i + n < w->ncalls && w->calls[i + n].segment == into[j]; n++)
			;
		say(k, true, _("Moved into %s since %s: %zu"),
		    rfm_segment_label(into[j]), w->before, n);
		if (n)
			table(k, cols, TABLE_COLS(cols), n, call_row, w->calls + i);
	}
}

static void
birthday_row(const void *ctx, size_t i, struct table_cell *cells, char *buf)
{
	const struct report_birthday *b = (const struct report_birthday *)ctx + i;

	(void)buf;
	cells[0] = TABLE_STR(b->date);
	cells[1] = TABLE_STR(b->card);
	cells[2] = TABLE_STR(b->name);
	cells[3] = TABLE_STR(b->phone);
	cells[4] = b->age ? TABLE_INT(b->age) : TABLE_BLANK;
}

void
report_birthday_table(struct md *md, const struct report_birthday *b, size_t n,
		      struct report_table *t)
{
	static const struct table_col cols[] = {
		{NULL, N_("Date"), .kind = COL_TEXT},
		{NULL, N_("Card"), .kind = COL_TEXT, .min = 8},
		{NULL, N_("Name"), .kind = COL_TEXT, .min = 8},
		{NULL, N_("Phone"), .kind = COL_TEXT},
		{NULL, N_("Age"), .kind = COL_COUNT},
	};

	*t = (struct report_table){cols, TABLE_COLS(cols), n, birthday_row, b, md};
}

static void
birthday_section(const struct report_sink *k, const struct report_weekly *w)
{
	int64_t end = date_to_days(w->week_end);
	struct report_table t;
	char a[11], b[11];

	date_format(date_from_days(end + 1), a);
	date_format(date_from_days(end + 7), b);
	say(k, false, "%s", "");
	say(k, true, _("Birthdays from %s to %s"), a, b);
	report_birthday_table(k->md, w->birthdays, w->nbirthdays, &t);
	if (w->nbirthdays)
		k->table(k->ctx, &t);
	else
		say(k, false, "%s", _("None."));
}

void
report_sections(const struct report_weekly *w, const struct report_sink *sink)
{
	kpi_section(sink, w);
	segment_section(sink, w);
	type_section(sink, w);
	weekday_section(sink, w);
	call_section(sink, w);
	birthday_section(sink, w);
}

void
report_head(const struct report_weekly *w, const char **shop, const char **title,
	    char week[96], char made[96])
{
	char from[11], to[11];

	date_format(date_from_days(date_to_days(w->week_end) - 6), from);
	date_format(w->week_end, to);
	snprintf(week, 96, _("Week %s to %s"), from, to);
	snprintf(made, 96, _("Generated %s"), w->generated);
	*shop = *w->shop ? w->shop : PACKAGE;
	*title = _("Weekly report");
}
