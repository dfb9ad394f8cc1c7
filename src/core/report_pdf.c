/* report_pdf.c - the weekly report as a PDF for A4 paper
 *
 * The sections of report_sections.c, placed on pages by pdf.c: tables
 * at measured positions, and bar charts for the segments, the value
 * types and the days of the week.  The report is laid out twice, first
 * as a dry run that only counts its pages, so that each page can say
 * "Page 1 of 3".
 */
#include <config.h>

#include <string.h>

#include "core/money.h"
#include "core/pdf.h"
#include "core/report_priv.h"
#include "core/text.h"
#include "i18n.h"

void
report_pdf_table(struct pdf *p, const struct report_table *t)
{
	const char *titles[REPORT_MAX_COLS], *cells[REPORT_MAX_COLS];
	char buf[REPORT_MAX_COLS + 1][TABLE_CELL_MAX];
	double wide[REPORT_MAX_COLS];
	bool right[REPORT_MAX_COLS];
	size_t r, i;

	for (i = 0; i < t->ncols; i++) {
		titles[i] = table_title(&t->cols[i]);
		wide[i] = pdf_measure(p, titles[i]);
		right[i] = t->cols[i].kind >= COL_COUNT;
	}
	for (r = 0; r < t->rows; r++) {
		report_table_words(t, r, cells, buf);
		for (i = 0; i < t->ncols; i++) {
			double x = pdf_measure(p, cells[i]);

			wide[i] = x > wide[i] ? x : wide[i];
		}
	}
	pdf_table_begin(p, t->ncols, titles, right, wide);
	for (r = 0; r < t->rows; r++) {
		report_table_words(t, r, cells, buf);
		pdf_table_row(p, cells);
	}
	pdf_table_end(p);
}

static void
text(void *ctx, bool keep, const char *s)
{
	pdf_line(ctx, s, keep);
}

static void
table(void *ctx, const struct report_table *t)
{
	report_pdf_table(ctx, t);
}

static void
segments(struct pdf *p, struct md *md, const struct report_weekly *w)
{
	struct pdf_bar bars[RFM_SEGMENTS];
	char words[RFM_SEGMENTS][80];
	int i;

	static const struct table_col change = {NULL, "", .kind = COL_CHANGE};
	char d[TABLE_CELL_MAX];

	for (i = 0; i < RFM_SEGMENTS; i++) {
		const struct table_cell c = TABLE_INT(w->segments[i] - w->segments_before[i]);
		char n[32];

		text_format_int(w->segments[i], n);
		if (*w->before)
			snprintf(words[i], sizeof words[i], "%s (%s)", n,
				 table_cell_text(md, &change, &c, true, d));
		else
			snprintf(words[i], sizeof words[i], "%s", n);
		bars[i] = (struct pdf_bar){rfm_segment_label(i), {w->segments[i], 0}, words[i]};
	}
	pdf_chart(p, bars, RFM_SEGMENTS, 1, NULL);
}

static void
types(struct pdf *p, struct md *md, const struct report_weekly *w)
{
	struct pdf_bar bars[VALUE_TYPES];
	char words[VALUE_TYPES][32];
	int i;

	(void)md;	/* counts only: no money on this chart */
	for (i = 0; i < VALUE_TYPES; i++) {
		text_format_int(w->types.carrying[i], words[i]);
		bars[i] = (struct pdf_bar){value_types_label(i), {w->types.carrying[i], 0},
					   words[i]};
	}
	pdf_chart(p, bars, VALUE_TYPES, 1, NULL);
}

static void
weekdays(struct pdf *p, struct md *md, const struct report_weekly *w)
{
	static const char *const days[] = {
		N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
		N_("Friday"), N_("Saturday"), N_("Sunday"),
	};
	const char *const names[2] = {_("This week"), _("Last week")};
	struct pdf_bar bars[7];
	char words[7][96];
	int i;

	/* This week's amount, then the week before's, as the legend has them. */
	for (i = 0; i < 7; i++) {
		char a[40], b[40];

		money_human(md, w->days[7 + i], a);
		money_human(md, w->days[i], b);
		snprintf(words[i], sizeof words[i], "%s / %s", a, b);
		bars[i] = (struct pdf_bar){_(days[i]), {w->days[7 + i], w->days[i]}, words[i]};
	}
	pdf_chart(p, bars, 7, 2, names);
}

static void
chart(void *ctx, struct md *md, enum report_chart which, const struct report_weekly *w)
{
	static void (*const draw[])(struct pdf *, struct md *, const struct report_weekly *) = {
		[REPORT_CHART_SEGMENTS] = segments,
		[REPORT_CHART_TYPES] = types,
		[REPORT_CHART_WEEKDAYS] = weekdays,
	};

	draw[which](ctx, md, w);
}

/* The report once, to FP (NULL: a dry run); the pages it took in *PAGES. */
static int
lay_out(struct md *md, FILE *fp, const struct report_weekly *w, int total, int *pages)
{
	const char *head[4];
	char week[96], made[96];
	struct pdf *p;
	int rc;

	report_head(w, &head[0], &head[1], week, made);
	head[2] = week;
	head[3] = made;
	if ((rc = pdf_open(md, fp, &pdf_a4, head, &p)))
		return rc;
	pdf_set_pages(p, total);
	report_sections(w, &(struct report_sink){text, table, chart, p, md});
	return pdf_close(md, p, pages);
}

int
report_weekly_pdf(struct md *md, FILE *fp, const struct report_weekly *w)
{
	int pages, rc;

	if ((rc = lay_out(md, NULL, w, 0, &pages)))
		return rc;
	return lay_out(md, fp, w, pages, &pages);
}
