/* report_text.c - the weekly report on plain paper and the terminal
 *
 * The sections (report_sections.c) are first laid out as lines (each table measured by display
 * width, so Chinese names line up), then cut into pages: a header on
 * every page, the page number at the foot, a form feed between pages.
 * A heading never ends a page, and a table cut by a page break repeats
 * its column titles.
 */
#include <config.h>

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/report_priv.h"
#include "core/table.h"
#include "core/text.h"
#include "i18n.h"

#define HEAD_LINES 4	/* shop and title, week and time, rule, blank */
#define BODY_LINES (REPORT_LINES - HEAD_LINES - 2)	/* a blank, the page number */

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

static void
table(void *ctx, const struct report_table *t)
{
	struct doc *d = ctx;
	const char *cells[REPORT_MAX_COLS] = {0};
	char buf[REPORT_MAX_COLS + 1][TABLE_CELL_MAX];
	int w[REPORT_MAX_COLS] = {0};
	long header = (long)d->n;
	size_t r, i, n = t->ncols;

	for (i = 0; i < n; i++)
		cells[i] = table_title(&t->cols[i]);
	table_measure(cells, n, w);
	for (r = 0; r < t->rows; r++) {
		report_table_words(t, r, cells, buf);
		table_measure(cells, n, w);
	}
	fit(t->cols, w, n);
	for (i = 0; i < n; i++)
		cells[i] = table_title(&t->cols[i]);
	push(d, render(t->cols, w, n, cells), header, true);
	for (r = 0; r < t->rows; r++) {
		report_table_words(t, r, cells, buf);
		push(d, render(t->cols, w, n, cells), header, false);
	}
}

static void
text(void *ctx, bool keep, const char *s)
{
	push(ctx, strdup(s), -1, keep);
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
	const char *shop, *title;
	char week[96], made[96];
	int i;

	report_head(w, &shop, &title, week, made);
	two_ends(fp, shop, title);
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
report_weekly_text(struct md *md, FILE *fp, const struct report_weekly *w)
{
	struct doc d = {0};
	struct page *pg = NULL;
	size_t i;
	int rc = -1;
	const struct report_sink sink = {text, table, NULL, &d, md};

	report_sections(w, &sink);
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
