/* pdf.c - a PDF for A4 paper or a receipt roll, with Cairo and Pango
 *
 * Why in the core: the document is the report itself, not a face of
 * it; the CLI writes it to a file or hands it to lp, and the screens
 * print it with F9.  Cairo and Pango draw into memory and a file and
 * need no display, so they sit here beside report_text.c (the core
 * still never includes curses).
 *
 * Fonts come from fontconfig: Noto Sans CJK (Debian fonts-noto-cjk)
 * has the Chinese and the Latin letters of every name, in the
 * Simplified or the Traditional forms as the messages' language asks.
 * Cairo writes each page's drawing as the page ends; only the fonts
 * wait for the end of the file.
 */
#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "core/pdf.h"
#include "core/text.h"
#include "i18n.h"

#define MM(x) ((x) * 72.0 / 25.4)
#define LINE 1.5		/* line height, in font sizes */
#define GAP(p) ((p)->paper.font * 1.2)	/* between columns */
#define HEAD_LINES 3		/* two lines and a rule */

const struct pdf_paper pdf_a4 = {MM(210), MM(297), MM(15), 9};

struct pdf {
	struct pdf_paper paper;
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoLayout *layout;
	PangoFontDescription *normal, *bold;
	FILE *fp;
	bool dry;		/* count the pages, draw nothing */
	int err;		/* errno of a failed write */
	char *head[4];
	int page, pages;	/* this one (from 1), and how many there are */
	double y, lh;		/* where the next line goes, a line's height */
	bool top;		/* nothing on the page yet below the header */
	/* The table being drawn. */
	size_t ncols;
	char *titles[PDF_MAX_COLS];
	bool right[PDF_MAX_COLS];
	double x[PDF_MAX_COLS], w[PDF_MAX_COLS];
};

static cairo_status_t
write_out(void *arg, const unsigned char *data, unsigned int len)
{
	struct pdf *p = arg;

	if (fwrite(data, 1, len, p->fp) != len) {
		p->err = errno ? errno : EIO;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* The Traditional forms for Taiwan and Hong Kong, else the Simplified:
 * the first language set, as gettext takes it. */
static bool
traditional(void)
{
	const char *v[] = {getenv("LANGUAGE"), getenv("LC_ALL"), getenv("LC_MESSAGES"),
			   getenv("LANG")};
	size_t i;

	for (i = 0; i < sizeof v / sizeof *v; i++)
		if (v[i] && *v[i])
			return !strncmp(v[i], "zh_TW", 5) || !strncmp(v[i], "zh_HK", 5);
	return false;
}

static const char *
families(bool mono)
{
	if (mono)
		return traditional() ? "Noto Sans Mono CJK TC,monospace"
				     : "Noto Sans Mono CJK SC,monospace";
	return traditional() ? "Noto Sans CJK TC,Noto Sans CJK SC,sans-serif"
			     : "Noto Sans CJK SC,Noto Sans CJK TC,sans-serif";
}

static void
fonts(struct pdf *p)
{
	cairo_font_options_t *fo = cairo_font_options_create();
	PangoContext *ctx;

	/* The same widths whatever draws them: no hinting of metrics. */
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	p->layout = pango_cairo_create_layout(p->cr);
	ctx = pango_layout_get_context(p->layout);
	pango_cairo_context_set_font_options(ctx, fo);
	/* Pango rounds glyph positions to whole points unless told not to:
	 * on paper, text is placed where its widths say. */
	pango_context_set_round_glyph_positions(ctx, FALSE);
	cairo_font_options_destroy(fo);
	p->normal = pango_font_description_from_string(families(false));
	pango_font_description_set_absolute_size(p->normal, p->paper.font * PANGO_SCALE);
	p->bold = pango_font_description_copy(p->normal);
	pango_font_description_set_weight(p->bold, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(p->layout, p->normal);
	pango_layout_context_changed(p->layout);
}

static void page_start(struct pdf *p);

int
pdf_open(struct md *md, FILE *fp, const struct pdf_paper *paper, const char *const head[4],
	 struct pdf **out)
{
	struct pdf *p = calloc(1, sizeof *p);
	size_t i;

	if (!(*out = p))
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	p->paper = *paper;
	p->fp = fp;
	p->dry = !fp;
	p->lh = paper->font * LINE;
	if (p->dry)
		p->surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	else
		p->surface = cairo_pdf_surface_create_for_stream(write_out, p, paper->width,
								 paper->height);
	p->cr = cairo_create(p->surface);
	if (cairo_status(p->cr) != CAIRO_STATUS_SUCCESS) {
		*out = NULL;
		pdf_close(md, p, NULL);
		return md_fail(md, MD_EIO, _("cannot draw the PDF: %s"),
			       cairo_status_to_string(cairo_status(p->cr)));
	}
	if (!p->dry)
		cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE);
	fonts(p);
	for (i = 0; i < 4; i++)
		p->head[i] = strdup(head[i] ? head[i] : "");
	page_start(p);
	return MD_OK;
}

void
pdf_set_pages(struct pdf *p, int pages)
{
	p->pages = pages;
}

double
pdf_body_width(const struct pdf *p)
{
	return p->paper.width - 2 * p->paper.margin;
}

static void
set(struct pdf *p, const char *s, bool bold, double width)
{
	pango_layout_set_font_description(p->layout, bold ? p->bold : p->normal);
	pango_layout_set_width(p->layout, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_ellipsize(p->layout, width > 0 ? PANGO_ELLIPSIZE_END
							: PANGO_ELLIPSIZE_NONE);
	pango_layout_set_text(p->layout, s, -1);
}

static double
width_of(struct pdf *p)
{
	PangoRectangle r;

	pango_layout_get_extents(p->layout, NULL, &r);
	return (double)r.width / PANGO_SCALE;
}

double
pdf_measure(struct pdf *p, const char *s)
{
	set(p, s, false, 0);
	return width_of(p);
}

/* S at X on the line at Y, within WIDTH (0: as wide as it is), its
 * right end at X + WIDTH when RIGHT. */
static void
put(struct pdf *p, double x, double y, const char *s, bool bold, bool right, double width)
{
	if (p->dry || !*s)
		return;
	set(p, s, bold, width);
	if (right)
		x += width - width_of(p);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, p->layout);
}

static void
rule(struct pdf *p, double y, double thick)
{
	if (p->dry)
		return;
	cairo_set_line_width(p->cr, thick);
	cairo_move_to(p->cr, p->paper.margin, y);
	cairo_line_to(p->cr, p->paper.width - p->paper.margin, y);
	cairo_stroke(p->cr);
}

static void
page_start(struct pdf *p)
{
	double m = p->paper.margin, w = pdf_body_width(p);

	p->page++;
	if (!*p->head[0] && !*p->head[2]) {
		p->y = m;	/* a receipt: no header */
		p->top = true;
		return;
	}
	put(p, m, m, p->head[0], true, false, 0);
	put(p, m, m, p->head[1], true, true, w);
	put(p, m, m + p->lh, p->head[2], false, false, 0);
	put(p, m, m + p->lh, p->head[3], false, true, w);
	rule(p, m + 2 * p->lh + p->lh / 4, 0.8);
	p->y = m + HEAD_LINES * p->lh;
	p->top = true;
}

static void
page_end(struct pdf *p)
{
	char foot[96];

	/* The dry run that counts the pages draws no footer; a receipt has none. */
	if (p->pages < 0) {
		if (!p->dry)
			cairo_show_page(p->cr);
		return;
	}
	/* A list streamed as it comes does not know its last page. */
	if (p->pages)
		snprintf(foot, sizeof foot, _("Page %zu of %zu"), (size_t)p->page, (size_t)p->pages);
	else
		snprintf(foot, sizeof foot, _("Page %zu"), (size_t)p->page);
	if (!p->dry) {
		set(p, foot, false, 0);
		put(p, (p->paper.width - width_of(p)) / 2,
		    p->paper.height - p->paper.margin - p->lh, foot, false, false, 0);
		cairo_show_page(p->cr);
	}
}

static void table_titles(struct pdf *p);

/* Room for H more points, or a new page (with the titles of the table
 * being drawn). */
static void
need(struct pdf *p, double h)
{
	double bottom = p->paper.height - p->paper.margin - 2 * p->lh;

	if (p->y + h <= bottom || p->top)
		return;
	page_end(p);
	page_start(p);
	if (p->ncols)
		table_titles(p);
}

void
pdf_line(struct pdf *p, const char *s, bool bold)
{
	if (!*s) {
		if (!p->top)
			p->y += p->lh;
		return;
	}
	need(p, (bold ? 3 : 1) * p->lh);
	put(p, p->paper.margin, p->y, s, bold, false, 0);
	p->y += p->lh;
	p->top = false;
}

/* Narrow the columns, the first ones first, to the width there is. */
static void
place(struct pdf *p, const double *wide)
{
	double total = 0, over, gap = GAP(p);
	size_t i;

	for (i = 0; i < p->ncols; i++)
		total += (p->w[i] = wide[i]) + (i ? gap : 0);
	over = total - pdf_body_width(p);
	for (i = 0; i < p->ncols && over > 0; i++) {
		double cut = p->w[i] / 2 < over ? p->w[i] / 2 : over;

		p->w[i] -= cut;
		over -= cut;
	}
	for (i = 0; i < p->ncols; i++)
		p->x[i] = i ? p->x[i - 1] + p->w[i - 1] + gap : p->paper.margin;
}

static void
cells(struct pdf *p, const char *const *s, bool bold)
{
	size_t i;

	for (i = 0; i < p->ncols; i++)
		put(p, p->x[i], p->y, s[i], bold, p->right[i], p->w[i]);
	p->y += p->lh;
	p->top = false;
}

static void
table_titles(struct pdf *p)
{
	size_t i;

	for (i = 0; i < p->ncols; i++)
		if (!p->titles[i])
			return;		/* out of memory: no titles */
	cells(p, (const char *const *)p->titles, true);
	rule(p, p->y - p->lh / 8, 0.4);
}

void
pdf_table_begin(struct pdf *p, size_t n, const char *const *titles, const bool *right,
		const double *wide)
{
	size_t i;
	double w[PDF_MAX_COLS];

	pdf_table_end(p);
	p->ncols = n < PDF_MAX_COLS ? n : PDF_MAX_COLS;
	for (i = 0; i < p->ncols; i++) {
		p->titles[i] = strdup(titles[i]);
		p->right[i] = right[i];
		/* The titles are bold, and wider. */
		set(p, titles[i], true, 0);
		w[i] = width_of(p) > wide[i] ? width_of(p) : wide[i];
	}
	place(p, w);
	need(p, 3 * p->lh);
	table_titles(p);
}

void
pdf_table_row(struct pdf *p, const char *const *s)
{
	need(p, p->lh);
	cells(p, s, false);
}

void
pdf_table_end(struct pdf *p)
{
	size_t i;

	for (i = 0; i < p->ncols; i++)
		free(p->titles[i]);
	p->ncols = 0;
}

static void
bar(struct pdf *p, double x, double y, double len, double h, bool solid)
{
	if (p->dry || len <= 0)
		return;
	cairo_rectangle(p->cr, x, y, len, h);
	if (solid) {
		cairo_fill(p->cr);
	} else {
		cairo_set_line_width(p->cr, 0.6);
		cairo_stroke(p->cr);
	}
}

static void
legend(struct pdf *p, const char *const names[2])
{
	double x = p->paper.margin, box = p->paper.font * 0.8;
	int k;

	need(p, 3 * p->lh);
	for (k = 0; k < 2; k++) {
		bar(p, x, p->y + (p->lh - box) / 2, box, box, k == 0);
		put(p, x + box * 1.5, p->y, names[k], false, false, 0);
		x += box * 1.5 + pdf_measure(p, names[k]) + 2 * GAP(p);
	}
	p->y += p->lh;
	p->top = false;
}

void
pdf_chart(struct pdf *p, const struct pdf_bar *bars, size_t n, int series,
	  const char *const names[2])
{
	double label = 0, text = 0, area, x, most = 0, h = p->lh * 0.7;
	double row = series == 2 ? 2 * h + p->lh * 0.3 : p->lh;
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		double a = pdf_measure(p, bars[i].label), b = pdf_measure(p, bars[i].text);

		label = a > label ? a : label;
		text = b > text ? b : text;
		for (k = 0; k < series; k++)
			most = bars[i].value[k] > most ? (double)bars[i].value[k] : most;
	}
	if (series == 2)
		legend(p, names);
	x = p->paper.margin + label + GAP(p);
	area = pdf_body_width(p) - label - text - 2 * GAP(p);
	for (i = 0; i < n; i++) {
		double y0, len = 0;

		need(p, row);
		y0 = p->y + (row - series * h) / 2;
		put(p, p->paper.margin, p->y + (row - p->lh) / 2, bars[i].label, false, false, 0);
		for (k = 0; k < series; k++) {
			double l = most > 0 ? area * (double)bars[i].value[k] / most : 0;

			if (bars[i].value[k] > 0 && l < 0.8)
				l = 0.8;	/* a member is seen */
			bar(p, x, y0 + k * h, l, h * 0.85, k == 0);
			len = l > len ? l : len;
		}
		put(p, x + len + GAP(p) / 2, p->y + (row - p->lh) / 2, bars[i].text, false,
		    false, 0);
		p->y += row;
		p->top = false;
	}
}

int
pdf_close(struct md *md, struct pdf *p, int *pages)
{
	cairo_status_t st;
	size_t i;
	int rc = MD_OK;

	if (p->cr) {
		if (p->layout)
			page_end(p);
		cairo_destroy(p->cr);
	}
	if (pages)
		*pages = p->page;
	cairo_surface_finish(p->surface);
	st = cairo_surface_status(p->surface);
	if (!p->dry && (st != CAIRO_STATUS_SUCCESS || fflush(p->fp) != 0 || ferror(p->fp)))
		rc = md_fail(md, MD_EIO, _("cannot write the PDF: %s"),
			     p->err ? strerror(p->err) : st != CAIRO_STATUS_SUCCESS ?
			     cairo_status_to_string(st) : strerror(errno ? errno : EIO));
	cairo_surface_destroy(p->surface);
	if (p->layout)
		g_object_unref(p->layout);
	if (p->normal)
		pango_font_description_free(p->normal);
	if (p->bold)
		pango_font_description_free(p->bold);
	pdf_table_end(p);
	for (i = 0; i < 4; i++)
		free(p->head[i]);
	free(p);
	return rc;
}

/* The receipt's paper: 58 mm for 32 columns, 80 mm for 48. */
#define ROLL_MARGIN MM(3)

int
pdf_roll(struct md *md, FILE *fp, const char *text, int columns)
{
	double width = columns > 32 ? MM(80) : MM(58), size, h;
	const char *line, *nl;
	int lines = 0, rc;
	struct pdf *p;

	for (line = text; *line; line = *nl ? nl + 1 : nl, lines++)
		nl = line + strcspn(line, "\n");
	/* One page as long as the receipt, set in the monospace forms whose
	 * Chinese characters are exactly two columns: the text lines up as
	 * it does on the screen. */
	h = 2 * ROLL_MARGIN + lines * 10 * LINE;
	if ((rc = pdf_open(md, fp, &(struct pdf_paper){width, h, ROLL_MARGIN, 10},
			   (const char *const[4]){"", "", "", ""}, &p)))
		return rc;
	pango_font_description_set_family(p->normal, families(true));
	size = (width - 2 * ROLL_MARGIN) / (pdf_measure(p, "0") * columns) * 10;
	pango_font_description_set_absolute_size(p->normal, size * PANGO_SCALE);
	p->lh = size * LINE;
	cairo_pdf_surface_set_size(p->surface, width, 2 * ROLL_MARGIN + lines * p->lh);
	p->y = ROLL_MARGIN;
	for (line = text; *line; line = *nl ? nl + 1 : nl) {
		char buf[1024];

		nl = line + strcspn(line, "\n");
		snprintf(buf, sizeof buf, "%.*s", (int)(nl - line), line);
		put(p, ROLL_MARGIN, p->y, buf, false, false, 0);
		p->y += p->lh;
	}
	p->pages = -1;	/* no footer */
	return pdf_close(md, p, NULL);
}
