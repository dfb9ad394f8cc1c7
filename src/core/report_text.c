/* report_text.c - the weekly report on paper
 *
 * The report is first laid out as lines (each table measured by display
 * width, so Chinese names line up), then cut into pages: a header on
 * every page, the page number at the foot, a form feed between pages.
 * A heading never ends a page, and a table cut by a page break repeats
 * its column titles.
 */
#include <config.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "core/report.h"
#include "core/table.h"
#include "core/text.h"
#include "i18n.h"

#define MAX_COLS 8
#define HEAD_LINES 4	/* shop and title, week and time, rule, blank */
#define BODY_LINES (REPORT_LINES - HEAD_LINES - 2)	/* a blank, the page number */
#define BAR_MAX 30

struct line {
	char *text;
	long header;	/* the titles of the table it is in, or -1 */
	bool keep;	/* keep it with the two lines after it */
};

struct doc {
	struct line *v;
	size_t n, cap;
	bool failed;
};

/* Row I of a table as CELLS; BUF (TABLE_CELL_MAX) for a cell the row
 * draws itself. */
typedef void (*row_fn)(const void *ctx, size_t i, struct table_cell *cells,
		       char *buf);

static void
push(struct doc *d, char *text, long header, bool keep)
{
	if (!text) {
		d->failed = true;
		return;
	}
	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 64;
		struct line *v = realloc(d->v, cap * sizeof *v);

		if (!v) {
			free(text);
			d->failed = true;
			return;
		}
		d->v = v;
		d->cap = cap;
	}
	d->v[d->n++] = (struct line){text, header, keep};
}

static void __attribute__((format(printf, 3, 4)))
addf(struct doc *d, bool keep, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	push(d, s, -1, keep);
}

/* CELLS in columns of widths W, as table.c lays them out. */
static char *
render(const struct table_col *cols, const int *w, size_t n,
       const char *const *cells)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	if (!fp)
		return NULL;
	table_put_line(fp, cols, n, w, cells);
	if (fclose(fp) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* Narrow the columns that may be until the table fits the page. */
static void
fit(const struct table_col *cols, int *w, size_t n)
{
	int total = TABLE_GAP * ((int)n - 1);
	size_t i;

	for (i = 0; i < n; i++)
		total += w[i];
	for (i = 0; i < n && total > REPORT_COLS; i++) {
		int cut = cols[i].min && w[i] > cols[i].min ? w[i] - cols[i].min : 0;

		if (cut > total - REPORT_COLS)
			cut = total - REPORT_COLS;
		w[i] -= cut;
		total -= cut;
	}
}

/* Row R's words, for people, into OUT; BUF has room for each of the N
 * columns and one more for the row. */
static void
words(const struct table_col *cols, size_t n, row_fn fn, const void *ctx,
      size_t r, const char **out, char (*buf)[TABLE_CELL_MAX])
{
	struct table_cell cells[MAX_COLS];
	size_t i;

	fn(ctx, r, cells, buf[n]);
	for (i = 0; i < n; i++)
		out[i] = table_cell_text(&cols[i], &cells[i], true, buf[i]);
}

static void
table(struct doc *d, const struct table_col *cols, size_t n, size_t rows,
      row_fn fn, const void *ctx)
{
	const char *cells[MAX_COLS];
	char buf[MAX_COLS + 1][TABLE_CELL_MAX];
	int w[MAX_COLS] = {0};
	long header = (long)d->n;
	size_t r, i;

	for (i = 0; i < n; i++)
		cells[i] = table_title(&cols[i]);
	table_measure(cells, n, w);
	for (r = 0; r < rows; r++) {
		words(cols, n, fn, ctx, r, cells, buf);
		table_measure(cells, n, w);
	}
	fit(cols, w, n);
	for (i = 0; i < n; i++)
		cells[i] = table_title(&cols[i]);
	push(d, render(cols, w, n, cells), header, true);
	for (r = 0; r < rows; r++) {
		words(cols, n, fn, ctx, r, cells, buf);
		push(d, render(cols, w, n, cells), header, false);
	}
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
kpi_section(struct doc *d, const struct report_weekly *w)
{
	static const struct table_col cols[] = {
		{NULL, "", .kind = COL_TEXT},
		{NULL, N_("This week"), .kind = COL_NUMBER},
		{NULL, N_("Last week"), .kind = COL_NUMBER},
		{NULL, N_("Change"), .kind = COL_CHANGE},
	};

	addf(d, true, "%s", _("Key figures"));
	table(d, cols, TABLE_COLS(cols), REPORT_KPIS, kpi_row, w);
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
segment_section(struct doc *d, const struct report_weekly *w)
{
	static const struct table_col cols[] = {
		SEGMENT_COL(N_("Segment")),
		{NULL, N_("Members"), .kind = COL_NUMBER},
		{NULL, N_("Change"), .kind = COL_CHANGE},
		{NULL, "", .kind = COL_TEXT},
	};
	char day[11];

	date_format(w->week_end, day);
	addf(d, false, "%s", "");
	if (*w->before)
		addf(d, true, _("RFM segments on %s, change since %s"), day, w->before);
	else
		addf(d, true, _("RFM segments on %s (no earlier snapshot to compare with)"), day);
	table(d, cols, TABLE_COLS(cols), RFM_SEGMENTS, segment_row, w);
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
type_section(struct doc *d, const struct report_weekly *w)
{
	static const struct table_col cols[] = {
		{NULL, N_("Value type"), .kind = COL_ENUM,
		 .enum_key = value_types_key, .enum_label = value_types_label},
		{NULL, N_("Members"), .kind = COL_NUMBER},
		{NULL, N_("Primary"), .kind = COL_NUMBER},
	};
	char avg[40], from[40];

	addf(d, false, "%s", "");
	addf(d, true, "%s", _("Value types"));
	table(d, cols, TABLE_COLS(cols), VALUE_TYPES, type_row, &w->types);
	money_format_human(w->types.average_ticket, avg);
	money_format_human(w->types.ticket_threshold, from);
	addf(d, false, _("Average ticket %s; high ticket from %s"), avg, from);
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
call_section(struct doc *d, const struct report_weekly *w)
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
	size_t i, k, n;

	addf(d, false, "%s", "");
	addf(d, true, "%s", _("Win-back calls"));
	if (!*w->before) {
		addf(d, false, "%s", _("No earlier snapshot to compare with."));
		return;
	}
	for (k = i = 0; k < sizeof into / sizeof *into; k++, i += n) {
		for (n = 0; i + n < w->ncalls && w->calls[i + n].segment == into[k]; n++)
			;
		addf(d, true, _("Moved into %s since %s: %zu"),
		     rfm_segment_label(into[k]), w->before, n);
		if (n)
			table(d, cols, TABLE_COLS(cols), n, call_row, w->calls + i);
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

static void
birthday_section(struct doc *d, const struct report_weekly *w)
{
	static const struct table_col cols[] = {
		{NULL, N_("Date"), .kind = COL_TEXT},
		{NULL, N_("Card"), .kind = COL_TEXT, .min = 8},
		{NULL, N_("Name"), .kind = COL_TEXT, .min = 8},
		{NULL, N_("Phone"), .kind = COL_TEXT},
		{NULL, N_("Age"), .kind = COL_COUNT},
	};
	int64_t end = date_to_days(w->week_end);
	char a[11], b[11];

	date_format(date_from_days(end + 1), a);
	date_format(date_from_days(end + 7), b);
	addf(d, false, "%s", "");
	addf(d, true, _("Birthdays from %s to %s"), a, b);
	if (w->nbirthdays)
		table(d, cols, TABLE_COLS(cols), w->nbirthdays, birthday_row, w->birthdays);
	else
		addf(d, false, "%s", _("None."));
}

/* LEFT at the left and RIGHT at the right of a full line. */
static void
two_ends(FILE *fp, const char *left, const char *right)
{
	int rw = text_width(right), lw;

	text_fit(left, REPORT_COLS - rw - 1, &lw);
	text_put_cell(fp, left, lw, false);
	fprintf(fp, "%*s%s\n", REPORT_COLS - lw - rw, "", right);
}

static void
page_head(FILE *fp, const struct report_weekly *w)
{
	char from[11], to[11], week[96], made[96];
	int i;

	date_format(date_from_days(date_to_days(w->week_end) - 6), from);
	date_format(w->week_end, to);
	snprintf(week, sizeof week, _("Week %s to %s"), from, to);
	snprintf(made, sizeof made, _("Generated %s"), w->generated);
	two_ends(fp, *w->shop ? w->shop : PACKAGE, _("Weekly report"));
	two_ends(fp, week, made);
	for (i = 0; i < REPORT_COLS; i++)
		putc('=', fp);
	fputs("\n\n", fp);
}

/* Where a page begins and ends among the lines, and the table titles
 * to repeat at its top (or -1). */
struct page {
	size_t from, to;
	long repeat;
};

/* Cut the lines into pages (at most one more than there are lines). */
static size_t
paginate(const struct doc *d, struct page *pg)
{
	size_t pages = 0, i = 0;

	do {
		int room = BODY_LINES;

		while (pages > 0 && i < d->n && !*d->v[i].text)
			i++;	/* no blank line at the top of a page */
		pg[pages].repeat = -1;
		if (pages > 0 && i < d->n && d->v[i].header >= 0 &&
		    (size_t)d->v[i].header != i) {
			pg[pages].repeat = d->v[i].header;
			room--;
		}
		pg[pages].from = i;
		for (; i < d->n && room > 0; i++, room--)
			if (d->v[i].keep && room < 3)
				break;	/* a heading or titles never end a page */
		pg[pages++].to = i;
	} while (i < d->n);
	return pages;
}

static void
print_pages(FILE *fp, const struct report_weekly *w, const struct doc *d,
	    const struct page *pg, size_t pages)
{
	char foot[96];
	size_t p, i;
	int used;

	for (p = 0; p < pages; p++) {
		if (p)
			putc('\f', fp);
		page_head(fp, w);
		used = 0;
		if (pg[p].repeat >= 0) {
			fprintf(fp, "%s\n", d->v[pg[p].repeat].text);
			used++;
		}
		for (i = pg[p].from; i < pg[p].to; i++, used++)
			fprintf(fp, "%s\n", d->v[i].text);
		for (; used < BODY_LINES; used++)
			putc('\n', fp);
		snprintf(foot, sizeof foot, _("Page %zu of %zu"), p + 1, pages);
		fprintf(fp, "\n%*s%s\n", (REPORT_COLS - text_width(foot)) / 2, "", foot);
	}
}

int
report_weekly_text(FILE *fp, const struct report_weekly *w)
{
	struct doc d = {0};
	struct page *pg = NULL;
	size_t i;
	int rc = -1;

	kpi_section(&d, w);
	segment_section(&d, w);
	type_section(&d, w);
	call_section(&d, w);
	birthday_section(&d, w);
	if (d.failed || !(pg = calloc(d.n + 1, sizeof *pg)))
		goto out;
	print_pages(fp, w, &d, pg, paginate(&d, pg));
	rc = ferror(fp) ? -1 : 0;
out:
	for (i = 0; i < d.n; i++)
		free(d.v[i].text);
	free(d.v);
	free(pg);
	return rc;
}
