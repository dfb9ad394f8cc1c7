/* table.c - tables for people and for scripts
 *
 * A column's kind turns each cell into its words: one table of kinds
 * below says how people and scripts see each.  A text table must be
 * measured before it is printed, but a list of a million members must
 * not be held in memory: the first MEASURE_ROWS rows set the column
 * widths and everything after streams with them (a later, wider cell
 * pushes its line out rather than being cut).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/csvio.h"
#include "core/money.h"
#include "core/pdf.h"
#include "core/settings.h"
#include "core/table.h"
#include "core/text.h"
#include "i18n.h"

#define MEASURE_ROWS 1000

typedef const char *show_fn(const struct table_col *c, const struct table_cell *v,
			    bool people, char *buf);

static const char *
show_text(const struct table_col *c, const struct table_cell *v, bool people,
	  char *buf)
{
	(void)c, (void)people, (void)buf;
	return v->s ? v->s : "";
}

static const char *
show_label(const struct table_col *c, const struct table_cell *v, bool people,
	   char *buf)
{
	const char *key = show_text(c, v, people, buf);

	return people ? c->label(key) : key;
}

static const char *
show_enum(const struct table_col *c, const struct table_cell *v, bool people,
	  char *buf)
{
	(void)buf;
	return (people ? c->enum_label : c->enum_key)((int)v->n);
}

/* The values whose bits are set, in order. */
static const char *
show_set(const struct table_col *c, const struct table_cell *v, bool people,
	 char *buf)
{
	const char *(*name)(int) = people ? c->enum_label : c->enum_key;
	int i;

	*buf = '\0';
	for (i = 0; i < 64; i++) {
		size_t len = strlen(buf);

		if ((uint64_t)v->n >> i & 1)
			snprintf(buf + len, TABLE_CELL_MAX - len, "%s%s",
				 *buf ? (people ? ", " : ";") : "", name(i));
	}
	return buf;
}

static const char *
show_ratio(const struct table_col *c, const struct table_cell *v, bool people,
	   char *buf)
{
	(void)c, (void)people;
	*buf = '\0';
	if (v->den)
		text_format_ratio(v->n, v->den, buf);
	return buf;
}

static void
plain_int(int64_t v, char *out)
{
	snprintf(out, 32, "%lld", (long long)v);
}

/* The kinds of text have a show_fn; a number has its forms for scripts
 * and for people (NULL: the shop's money, money_human with its sign
 * when SIGNED_MONEY, else money_figure), and SIGN puts "+" before a
 * gain, for people. */
static const struct {
	bool right;	/* a number: right-aligned, never taken for a formula */
	show_fn *show;
	void (*plain)(int64_t v, char *out);
	void (*people)(int64_t v, char *out);
	bool sign, signed_money;
} kinds[] = {
	[COL_INHERIT] = {false, show_text, NULL, NULL, false, false},
	[COL_TEXT] = {false, show_text, NULL, NULL, false, false},
	[COL_LABEL] = {false, show_label, NULL, NULL, false, false},
	[COL_ENUM] = {false, show_enum, NULL, NULL, false, false},
	[COL_SET] = {false, show_set, NULL, NULL, false, false},
	[COL_COUNT] = {true, NULL, plain_int, plain_int, false, false},
	[COL_NUMBER] = {true, NULL, plain_int, text_format_int, false, false},
	[COL_CHANGE] = {true, NULL, plain_int, text_format_int, true, false},
	[COL_MONEY] = {true, NULL, money_format, NULL, false, false},
	[COL_YUAN] = {true, NULL, money_format, NULL, false, true},
	[COL_YUAN_CHANGE] = {true, NULL, money_format, NULL, true, true},
	[COL_RATIO] = {true, show_ratio, NULL, NULL, false, false},
	[COL_DECIMAL] = {true, NULL, money_format_decimal, money_format_decimal, false, false},
};

const char *
table_cell_text(struct md *md, const struct table_col *c,
		const struct table_cell *v, bool people, char buf[TABLE_CELL_MAX])
{
	enum table_kind k = v->kind ? v->kind : c->kind;
	const char *s;

	if (kinds[k].show)
		return (s = kinds[k].show(c, v, people, buf)) ? s : "";
	if (people && !kinds[k].people)
		(kinds[k].signed_money ? money_human : money_figure)(md, v->n, buf);
	else
		(people ? kinds[k].people : kinds[k].plain)(v->n, buf);
	if (people && kinds[k].sign && v->n > 0) {
		memmove(buf + 1, buf, strlen(buf) + 1);
		buf[0] = '+';
	}
	return buf;
}

const char *
table_title(const struct table_col *c)
{
	return c->title && *c->title ? _(c->title) : "";
}

void
table_measure(const char *const *cells, size_t n, int *width)
{
	for (size_t i = 0; i < n; i++) {
		int w = text_width(cells[i] ? cells[i] : "");

		if (w > width[i])
			width[i] = w;
	}
}

/* Padding is written lazily, only when something follows it, so that
 * no line ends in blanks. */
void
table_put_line(FILE *fp, const struct table_col *cols, size_t n,
	       const int *width, const char *const *cells)
{
	int pending = 0;

	for (size_t i = 0; i < n; i++) {
		const char *c = cells[i] ? cells[i] : "";
		bool right = kinds[cols[i].kind].right;
		int cw = text_width(c), w = width[i], used;

		if (cw > w && !cols[i].min)
			w = cw;
		if (*c) {
			used = right || cw > w ? w : cw;
			fprintf(fp, "%*s", pending, "");
			text_put_cell(fp, c, used, right);
			pending = w - used;
		} else {
			pending += w;
		}
		pending += TABLE_GAP;
	}
}

/* Only the columns its readers see are kept, in COLS; FROM says where
 * each one's cell is in a row. */
struct table {
	struct md *md;
	FILE *out;
	enum table_format fmt;
	size_t ncells;		/* cells in a row */
	size_t ncols;		/* columns shown */
	struct table_col *cols;
	size_t *from;
	bool *text;		/* csv/tsv: the columns that are text */
	int *width;
	char (*buf)[TABLE_CELL_MAX];
	const char **line;	/* the row being written, as words */
	char **held;		/* MEASURE_ROWS * ncols cells */
	size_t nheld;
	bool streaming;
	bool failed;
	struct pdf *pdf;	/* TABLE_PDF: the document, once measured */
	char title[128];
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
	else if (!strcmp(s, "pdf"))
		*f = TABLE_PDF;
	else
		return md_fail(md, MD_EINVAL,
			       _("format \"%s\" is not one of table, csv, tsv, pdf"), s);
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

static void
put_row(struct table *t, const char *const *cells)
{
	size_t i;

	switch (t->fmt) {
	case TABLE_TEXT:
		table_put_line(t->out, t->cols, t->ncols, t->width, cells);
		putc('\n', t->out);
		break;
	case TABLE_PDF:
		pdf_table_row(t->pdf, cells);
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

/* A PDF of the held rows' columns, measured as pdf.c sets them: the
 * shop and the title at the top of each page, the time at the right.
 * Pages go out as they fill, so a long list is never held whole. */
static void
pdf_release(struct table *t)
{
	char shop[SETTING_MAX], now[20];
	const char *head[4];
	double wide[PDF_MAX_COLS];
	bool right[PDF_MAX_COLS];
	size_t r, i, n = t->ncols < PDF_MAX_COLS ? t->ncols : PDF_MAX_COLS;

	if (settings_get(t->md, "shop_name", shop))
		*shop = '\0';
	clock_timestamp(t->md, now);
	head[0] = *shop ? shop : PACKAGE;
	head[1] = now;
	head[2] = *t->title ? t->title : PACKAGE;
	head[3] = "";
	if (pdf_open(t->md, t->out, &pdf_a4, head, &t->pdf)) {
		t->failed = true;
		return;
	}
	for (i = 0; i < n; i++) {
		t->line[i] = table_title(&t->cols[i]);
		wide[i] = pdf_measure(t->pdf, t->line[i]);
		right[i] = kinds[t->cols[i].kind].right;
		for (r = 0; r < t->nheld; r++) {
			double w = pdf_measure(t->pdf, t->held[r * t->ncols + i]);

			wide[i] = w > wide[i] ? w : wide[i];
		}
	}
	pdf_table_begin(t->pdf, n, t->line, right, wide);
}

/* Measure the held rows, print the header and them, start streaming. */
static void
release(struct table *t)
{
	size_t r, i;

	if (t->fmt == TABLE_PDF) {
		pdf_release(t);
		goto rows;
	}
	for (i = 0; i < t->ncols; i++) {
		t->line[i] = t->fmt == TABLE_TEXT ? table_title(&t->cols[i]) : t->cols[i].key;
		t->width[i] = 0;
	}
	table_measure(t->line, t->ncols, t->width);
	for (r = 0; r < t->nheld; r++)
		table_measure((const char *const *)&t->held[r * t->ncols], t->ncols,
			      t->width);
	put_row(t, t->line);
rows:
	for (r = 0; r < t->nheld && !t->failed; r++)
		put_row(t, (const char *const *)&t->held[r * t->ncols]);
	for (r = 0; r < t->nheld * t->ncols; r++)
		free(t->held[r]);
	t->nheld = 0;
	t->streaming = true;
}

static void
table_free(struct table *t)
{
	free(t->cols);
	free(t->from);
	free(t->text);
	free(t->width);
	free(t->buf);
	free(t->line);
	free(t->held);
	free(t);
}

static bool
for_people(enum table_format fmt)
{
	return fmt == TABLE_TEXT || fmt == TABLE_PDF;
}

static bool
shown(const struct table_col *c, enum table_format fmt)
{
	return c->only == TABLE_EVERYONE ||
	       (c->only == TABLE_PEOPLE) == for_people(fmt);
}

void
table_set_title(struct table *t, const char *title)
{
	snprintf(t->title, sizeof t->title, "%s", title);
}

struct table *
table_open(struct md *md, FILE *out, enum table_format fmt,
	   const struct table_col *cols, size_t n)
{
	struct table *t = calloc(1, sizeof *t);
	size_t i, k = n ? n : 1;

	if (!t)
		goto fail;
	*t = (struct table){.md = md, .out = out, .fmt = fmt, .ncells = n};
	t->cols = calloc(k, sizeof *t->cols);
	t->from = calloc(k, sizeof *t->from);
	t->text = calloc(k, sizeof *t->text);
	t->width = calloc(k, sizeof *t->width);
	t->buf = calloc(k, sizeof *t->buf);
	t->line = calloc(k, sizeof *t->line);
	if (fmt == TABLE_PDF && isatty(fileno(out))) {
		table_free(t);
		md_fail(md, MD_EINVAL, _("a PDF is not for the terminal: write it to a file (-o FILE, or > FILE)"));
		return NULL;
	}
	if (for_people(fmt))
		t->held = calloc(MEASURE_ROWS * k, sizeof *t->held);
	if (!t->cols || !t->from || !t->text || !t->width || !t->buf || !t->line ||
	    (for_people(fmt) && !t->held))
		goto fail;
	for (i = 0; i < n; i++) {
		if (!shown(&cols[i], fmt))
			continue;
		t->cols[t->ncols] = cols[i];
		t->from[t->ncols] = i;
		t->text[t->ncols++] = !kinds[cols[i].kind].right;
	}
	if (!for_people(fmt))
		release(t);
	return t;
fail:
	if (t)
		table_free(t);
	md_fail(md, MD_ENOMEM, _("out of memory"));
	return NULL;
}

static int
write_status(struct table *t)
{
	if (ferror(t->out) || t->failed)
		return md_fail(t->md, MD_EIO, _("write error"));
	return MD_OK;
}

/* Keep the row's words until the columns are measured. */
static int
hold(struct table *t)
{
	char **row = &t->held[t->nheld * t->ncols];
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		if (!(row[i] = strdup(t->line[i]))) {
			while (i > 0)
				free(row[--i]);
			return md_fail(t->md, MD_ENOMEM, _("out of memory"));
		}
	}
	if (++t->nheld == MEASURE_ROWS)
		release(t);
	return MD_OK;
}

int
table_put(struct table *t, const struct table_cell *cells, size_t n,
	  bool people_only)
{
	bool people = for_people(t->fmt);
	size_t i;

	if (n != t->ncells)
		return md_fail(t->md, MD_EINVAL,
			       _("internal error: %zu cells in a row of %zu columns"),
			       n, t->ncells);
	if (people_only && !people)
		return MD_OK;
	for (i = 0; i < t->ncols; i++)
		t->line[i] = table_cell_text(t->md, &t->cols[i], &cells[t->from[i]],
					     people, t->buf[i]);
	if (!t->streaming)
		return hold(t);
	put_row(t, t->line);
	return write_status(t);
}

int
table_close(struct table *t, int rc)
{
	/* An empty text table prints nothing: a lone header reads as if
	 * something went wrong.  csv and tsv always have their header. */
	if (!t->streaming && (t->nheld > 0 || t->fmt == TABLE_PDF))
		release(t);
	if (t->pdf) {
		pdf_table_end(t->pdf);
		if (pdf_close(t->md, t->pdf, NULL) && rc == MD_OK)
			rc = MD_EIO;
	}
	if (rc == MD_OK || rc == MD_EIO)	/* a row's write error too */
		rc = write_status(t) ? MD_EIO : rc;
	table_free(t);
	return rc;
}
