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
#include "core/text.h"
#include "i18n.h"

#define GAP 2
#define MAX_COLS 8
#define CELL 64
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

struct col {
	const char *title;	/* N_() */
	bool right;
	int min;		/* > 0: may be narrowed to this to fit the page */
};

/* One row of a table: CELLS point at BUF or at the caller's strings. */
typedef void (*row_fn)(const void *ctx, size_t i, const char **cells,
		       char (*buf)[CELL]);

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

/* CELLS in columns of widths W, without trailing blanks. */
static char *
render(const struct col *cols, const int *w, int n, const char *const *cells)
{
	char *buf = NULL;
	size_t size = 0, len;
	FILE *fp = open_memstream(&buf, &size);
	int i;

	if (!fp)
		return NULL;
	for (i = 0; i < n; i++) {
		if (i)
			fprintf(fp, "%*s", GAP, "");
		text_put_cell(fp, cells[i] ? cells[i] : "", w[i], cols[i].right);
	}
	if (fclose(fp) != 0) {
		free(buf);
		return NULL;
	}
	for (len = strlen(buf); len > 0 && buf[len - 1] == ' '; len--)
		buf[len - 1] = '\0';
	return buf;
}

/* Narrow the columns that may be until the table fits the page. */
static void
fit(const struct col *cols, int *w, int n)
{
	int total = GAP * (n - 1), i;

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

/* A column's title for people.  gettext("") is the catalog's header,
 * so an empty title stays empty. */
static const char *
title(const struct col *c)
{
	return *c->title ? _(c->title) : "";
}

static void
table(struct doc *d, const struct col *cols, int n, size_t rows, row_fn fn,
      const void *ctx)
{
	const char *cells[MAX_COLS];
	char buf[MAX_COLS][CELL];
	int w[MAX_COLS], i;
	long header = (long)d->n;
	size_t r;

	for (i = 0; i < n; i++)
		w[i] = text_width(title(&cols[i]));
	for (r = 0; r < rows; r++) {
		fn(ctx, r, cells, buf);
		for (i = 0; i < n; i++)
			if (text_width(cells[i]) > w[i])
				w[i] = text_width(cells[i]);
	}
	fit(cols, w, n);
	for (i = 0; i < n; i++)
		cells[i] = title(&cols[i]);
	push(d, render(cols, w, n, cells), header, true);
	for (r = 0; r < rows; r++) {
		fn(ctx, r, cells, buf);
		push(d, render(cols, w, n, cells), header, false);
	}
}

/* "+1,234", "-¥5.75", "0": a change people read at a glance. */
static void
change(int64_t v, bool money, char out[CELL])
{
	char a[40];
	int64_t m = v < 0 ? -v : v;

	if (money)
		money_format_human(m, a);
	else
		text_format_int(m, a);
	snprintf(out, CELL, "%s%s", v > 0 ? "+" : v < 0 ? "-" : "", a);
}

static void
amount(int64_t v, bool money, char out[CELL])
{
	char a[40];

	if (money)
		money_format_human(v, a);
	else
		text_format_int(v, a);
	snprintf(out, CELL, "%s", a);
}

static void
kpi_row(const void *ctx, size_t i, const char **cells, char (*buf)[CELL])
{
	const struct report_weekly *w = ctx;
	const struct report_kpi *k = &report_kpi_defs[i];
	int64_t a = report_kpi(&w->week, i), b = report_kpi(&w->previous, i);

	amount(a, k->money, buf[1]);
	amount(b, k->money, buf[2]);
	change(a - b, k->money, buf[3]);
	cells[0] = _(k->label);
	cells[1] = buf[1];
	cells[2] = buf[2];
	cells[3] = buf[3];
}

static void
kpi_section(struct doc *d, const struct report_weekly *w)
{
	static const struct col cols[] = {
		{"", false, 0}, {N_("This week"), true, 0},
		{N_("Last week"), true, 0}, {N_("Change"), true, 0},
	};

	addf(d, true, "%s", _("Key figures"));
	table(d, cols, 4, REPORT_KPIS, kpi_row, w);
}

static void
segment_row(const void *ctx, size_t i, const char **cells, char (*buf)[CELL])
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
	memset(buf[3], '#', (size_t)bar);
	buf[3][bar] = '\0';
	text_format_int(n, buf[1]);
	buf[2][0] = '\0';
	if (*w->before)
		change(n - w->segments_before[i], false, buf[2]);
	cells[0] = rfm_segment_label((int)i);
	cells[1] = buf[1];
	cells[2] = buf[2];
	cells[3] = buf[3];
}

static void
segment_section(struct doc *d, const struct report_weekly *w)
{
	static const struct col cols[] = {
		{N_("Segment"), false, 0}, {N_("Members"), true, 0},
		{N_("Change"), true, 0}, {"", false, 0},
	};
	char day[11];

	date_format(w->week_end, day);
	addf(d, false, "%s", "");
	if (*w->before)
		addf(d, true, _("RFM segments on %s, change since %s"), day, w->before);
	else
		addf(d, true, _("RFM segments on %s (no earlier snapshot to compare with)"), day);
	table(d, cols, 4, RFM_SEGMENTS, segment_row, w);
}

static void
type_row(const void *ctx, size_t i, const char **cells, char (*buf)[CELL])
{
	const struct value_types_summary *t = ctx;

	text_format_int(t->carrying[i], buf[1]);
	text_format_int(t->primary[i], buf[2]);
	cells[0] = value_types_label((int)i);
	cells[1] = buf[1];
	cells[2] = buf[2];
}

static void
type_section(struct doc *d, const struct report_weekly *w)
{
	static const struct col cols[] = {
		{N_("Value type"), false, 0}, {N_("Members"), true, 0},
		{N_("Primary"), true, 0},
	};
	char avg[40], from[40];

	addf(d, false, "%s", "");
	addf(d, true, "%s", _("Value types"));
	table(d, cols, 3, VALUE_TYPES, type_row, &w->types);
	money_format_human(w->types.average_ticket, avg);
	money_format_human(w->types.ticket_threshold, from);
	addf(d, false, _("Average ticket %s; high ticket from %s"), avg, from);
}

static void
call_row(const void *ctx, size_t i, const char **cells, char (*buf)[CELL])
{
	const struct report_call *c = (const struct report_call *)ctx + i;

	money_format_human(c->monetary, buf[5]);
	cells[0] = c->card;
	cells[1] = c->name;
	cells[2] = c->phone;
	cells[3] = rfm_segment_label(c->was);
	cells[4] = c->last;
	cells[5] = buf[5];
}

static void
call_section(struct doc *d, const struct report_weekly *w)
{
	static const struct col cols[] = {
		{N_("Card"), false, 8}, {N_("Name"), false, 8}, {N_("Phone"), false, 0},
		{N_("Was"), false, 8}, {N_("Last purchase"), false, 0},
		{N_("Spend"), true, 0},
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
			table(d, cols, 6, n, call_row, w->calls + i);
	}
}

static void
birthday_row(const void *ctx, size_t i, const char **cells, char (*buf)[CELL])
{
	const struct report_birthday *b = (const struct report_birthday *)ctx + i;

	buf[4][0] = '\0';
	if (b->age)
		snprintf(buf[4], CELL, "%d", b->age);
	cells[0] = b->date;
	cells[1] = b->card;
	cells[2] = b->name;
	cells[3] = b->phone;
	cells[4] = buf[4];
}

static void
birthday_section(struct doc *d, const struct report_weekly *w)
{
	static const struct col cols[] = {
		{N_("Date"), false, 0}, {N_("Card"), false, 8}, {N_("Name"), false, 8},
		{N_("Phone"), false, 0}, {N_("Age"), true, 0},
	};
	int64_t end = date_to_days(w->week_end);
	char a[11], b[11];

	date_format(date_from_days(end + 1), a);
	date_format(date_from_days(end + 7), b);
	addf(d, false, "%s", "");
	addf(d, true, _("Birthdays from %s to %s"), a, b);
	if (w->nbirthdays)
		table(d, cols, 5, w->nbirthdays, birthday_row, w->birthdays);
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
