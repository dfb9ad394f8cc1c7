/* table.c - tables for people and for scripts
 *
 * A text table must be measured before it is printed, but a list of a
 * million members must not be held in memory: the first MEASURE_ROWS rows
 * set the column widths and everything after streams with them (a later,
 * wider cell pushes its line out rather than being cut).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/csvio.h"
#include "core/table.h"
#include "core/text.h"
#include "i18n.h"

#define MEASURE_ROWS 1000
#define GAP 2

struct table {
	FILE *out;
	enum table_format fmt;
	const struct table_col *cols;
	size_t ncols;
	int *width;
	char **held;		/* MEASURE_ROWS * ncols cells */
	size_t nheld;
	bool streaming;
	bool failed;
	bool text[64];		/* left-aligned columns are text (csvio_formula_like) */
};

int
table_format_parse(struct md *md, const char *s, enum table_format *f)
{
	if (!strcmp(s, "table"))
		*f = TABLE_TEXT;
	else if (!strcmp(s, "csv"))
		*f = TABLE_CSV;
	else if (!strcmp(s, "tsv"))
		*f = TABLE_TSV;
	else
		return md_fail(md, MD_EINVAL,
			       _("format \"%s\" is not one of table, csv, tsv"), s);
	return MD_OK;
}

static void
put_tsv_field(FILE *fp, const char *s, bool text)
{
	if (text && csvio_formula_like(s))
		putc('\'', fp);
	for (; *s; s++) {
		switch (*s) {
		case '\t': fputs("\\t", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\\': fputs("\\\\", fp); break;
		default: putc(*s, fp);
		}
	}
}

/* Padding is written lazily, only when something follows it, so that
 * no line ends in blanks. */
static void
put_text_row(struct table *t, const char *const *cells)
{
	int pending = 0;
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		const char *c = cells[i] ? cells[i] : "";
		int cw = text_width(c);
		int w = cw > t->width[i] ? cw : t->width[i];

		if (*c) {
			fprintf(t->out, "%*s", pending, "");
			pending = 0;
			if (t->cols[i].right)
				text_put_cell(t->out, c, w, true);
			else
				text_put_cell(t->out, c, cw, false);
		}
		if (!*c || !t->cols[i].right)
			pending += w - (*c ? cw : 0);
		pending += GAP;
	}
	putc('\n', t->out);
}

static void
put_row(struct table *t, const char *const *cells)
{
	size_t i;

	switch (t->fmt) {
	case TABLE_TEXT:
		put_text_row(t, cells);
		break;
	case TABLE_CSV:
		if (csvio_write_row(t->out, cells, t->text, t->ncols, ',', "\n") < 0)
			t->failed = true;
		break;
	case TABLE_TSV:
		for (i = 0; i < t->ncols; i++) {
			if (i)
				putc('\t', t->out);
			put_tsv_field(t->out, cells[i] ? cells[i] : "", t->text[i]);
		}
		putc('\n', t->out);
		break;
	}
}

/* Measure the held rows, print the header and them, start streaming. */
static void
release(struct table *t)
{
	const char *titles[64];
	size_t r, i;

	for (i = 0; i < t->ncols && i < 64; i++) {
		titles[i] = t->fmt == TABLE_TEXT ? _(t->cols[i].title) : t->cols[i].key;
		t->width[i] = text_width(titles[i]);
	}
	for (r = 0; r < t->nheld; r++)
		for (i = 0; i < t->ncols; i++) {
			int w = text_width(t->held[r * t->ncols + i]);

			if (w > t->width[i])
				t->width[i] = w;
		}
	put_row(t, titles);
	for (r = 0; r < t->nheld; r++)
		put_row(t, (const char *const *)&t->held[r * t->ncols]);
	for (r = 0; r < t->nheld * t->ncols; r++)
		free(t->held[r]);
	t->nheld = 0;
	t->streaming = true;
}

struct table *
table_open(FILE *out, enum table_format fmt, const struct table_col *cols,
	   size_t ncols)
{
	struct table *t = calloc(1, sizeof *t);

	if (!t || ncols > 64)
		goto fail;
	t->out = out;
	t->fmt = fmt;
	t->cols = cols;
	t->ncols = ncols;
	for (size_t i = 0; i < ncols; i++)
		t->text[i] = !cols[i].right;
	t->width = calloc(ncols, sizeof *t->width);
	if (!t->width)
		goto fail;
	if (fmt == TABLE_TEXT) {
		t->held = calloc(MEASURE_ROWS * ncols, sizeof *t->held);
		if (!t->held)
			goto fail;
	} else {
		release(t);
	}
	return t;
fail:
	if (t) {
		free(t->width);
		free(t);
	}
	return NULL;
}

int
table_row(struct table *t, const char *const *cells)
{
	size_t i;

	if (t->streaming) {
		put_row(t, cells);
		return ferror(t->out) || t->failed ? -1 : 0;
	}
	for (i = 0; i < t->ncols; i++) {
		t->held[t->nheld * t->ncols + i] = strdup(cells[i] ? cells[i] : "");
		if (!t->held[t->nheld * t->ncols + i])
			return -1;
	}
	if (++t->nheld == MEASURE_ROWS)
		release(t);
	return 0;
}

int
table_close(struct table *t)
{
	int rc;

	/* An empty text table prints nothing: a lone header reads as if
	 * something went wrong.  csv and tsv always have their header. */
	if (!t->streaming && t->nheld > 0)
		release(t);
	rc = ferror(t->out) || t->failed ? -1 : 0;
	free(t->held);
	free(t->width);
	free(t);
	return rc;
}
