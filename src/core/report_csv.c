/* report_csv.c - the weekly report as csv, one figure a row
 *
 * section,key,field,value: every figure is named, whatever the section,
 * so a spreadsheet can pivot them and a script pick one out.
 */
#include <config.h>

#include <stdio.h>

#include "core/csvio.h"
#include "core/money.h"
#include "core/report.h"

/* One figure: VALUE is text (a name, a phone) unless FIGURE. */
static int
put_cell(FILE *fp, const char *section, const char *key, const char *field,
	 const char *value, bool figure)
{
	const bool text[] = {true, true, true, !figure};
	const char *cells[] = {section, key, field, value};

	return csvio_write_row(fp, cells, text, 4, ',', "\n");
}

static int
put(FILE *fp, const char *section, const char *key, const char *field,
    const char *value)
{
	return put_cell(fp, section, key, field, value, false);
}

static void
put_int(FILE *fp, const char *section, const char *key, const char *field,
	int64_t v, bool money)
{
	char buf[32];

	if (money)
		money_format(v, buf);
	else
		snprintf(buf, sizeof buf, "%lld", (long long)v);
	put_cell(fp, section, key, field, buf, true);
}

static void
csv_head(FILE *fp, const struct report_weekly *w)
{
	char from[11], to[11];

	date_format(date_from_days(date_to_days(w->week_end) - 6), from);
	date_format(w->week_end, to);
	put(fp, "section", "key", "field", "value");
	put(fp, "report", "weekly", "shop", w->shop);
	put(fp, "report", "weekly", "week_start", from);
	put(fp, "report", "weekly", "week_end", to);
	put(fp, "report", "weekly", "generated", w->generated);
	put(fp, "report", "weekly", "previous_snapshot", w->before);
}

static void
csv_figures(FILE *fp, const struct report_weekly *w)
{
	size_t i;

	for (i = 0; i < REPORT_KPIS; i++) {
		const struct report_kpi *k = &report_kpi_defs[i];
		int64_t a = report_kpi(&w->week, i), b = report_kpi(&w->previous, i);

		put_int(fp, "kpi", k->key, "this_week", a, k->money);
		put_int(fp, "kpi", k->key, "last_week", b, k->money);
		put_int(fp, "kpi", k->key, "change", a - b, k->money);
	}
	for (i = 0; i < RFM_SEGMENTS; i++) {
		const char *key = rfm_segment_key((int)i);

		put_int(fp, "segment", key, "members", w->segments[i], false);
		if (!*w->before)
			continue;
		put_int(fp, "segment", key, "previous", w->segments_before[i], false);
		put_int(fp, "segment", key, "change",
			w->segments[i] - w->segments_before[i], false);
	}
	for (i = 0; i < VALUE_TYPES; i++) {
		put_int(fp, "type", value_types_key((int)i), "members",
			w->types.carrying[i], false);
		put_int(fp, "type", value_types_key((int)i), "primary",
			w->types.primary[i], false);
	}
	put_int(fp, "type", "shop", "average_ticket", w->types.average_ticket, true);
	put_int(fp, "type", "shop", "high_ticket_from", w->types.ticket_threshold, true);
}

static void
csv_lists(FILE *fp, const struct report_weekly *w)
{
	char age[16];
	size_t i;

	for (i = 0; i < w->ncalls; i++) {
		const struct report_call *c = &w->calls[i];

		put(fp, "call", c->card, "name", c->name);
		put(fp, "call", c->card, "phone", c->phone);
		put(fp, "call", c->card, "segment", rfm_segment_key(c->segment));
		put(fp, "call", c->card, "was", rfm_segment_key(c->was));
		put(fp, "call", c->card, "last_purchase", c->last);
		put_int(fp, "call", c->card, "monetary", c->monetary, true);
	}
	for (i = 0; i < w->nbirthdays; i++) {
		const struct report_birthday *b = &w->birthdays[i];

		snprintf(age, sizeof age, "%d", b->age);
		put(fp, "birthday", b->card, "date", b->date);
		put(fp, "birthday", b->card, "name", b->name);
		put(fp, "birthday", b->card, "phone", b->phone);
		put(fp, "birthday", b->card, "age", b->age ? age : "");
	}
}

int
report_weekly_csv(FILE *fp, const struct report_weekly *w)
{
	csv_head(fp, w);
	csv_figures(fp, w);
	csv_lists(fp, w);
	return ferror(fp) ? -1 : 0;
}
