/* pdf.h - pages for people: a PDF drawn with Cairo, text set with Pango
 *
 * A writer that goes down the page: lines of text, tables whose columns
 * sit at positions measured from their words (so that a Chinese name
 * and a Latin one line up, and numbers are right-aligned), and bar
 * charts.  It starts a new page by itself, with the same header on
 * every page and the page number at the foot.  Pages are written out as
 * they are finished: a long list is never held in memory.
 */
#ifndef MD_PDF_H
#define MD_PDF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/md.h"

/* Paper in points (1/72 inch). */
struct pdf_paper {
	double width, height, margin;
	double font;		/* the body text's size */
};
extern const struct pdf_paper pdf_a4;

struct pdf;

/* A document on PAPER written to FP, or when FP is NULL a dry run that
 * draws nothing and only counts the pages (for "Page 1 of N").  The
 * header: LEFT and RIGHT on its first line, LEFT2 and RIGHT2 on its
 * second (copied).  MD_ENOMEM or MD_EIO with MD's message when it
 * cannot start. */
int pdf_open(struct md *md, FILE *fp, const struct pdf_paper *paper,
	     const char *const head[4], struct pdf **out);

/* The number of pages the footers name ("Page 1 of PAGES"). */
void pdf_set_pages(struct pdf *p, int pages);

/* Finish the last page and the file.  MD_EIO with a message when
 * anything could not be written; the pages it drew go to *PAGES (may be
 * NULL).  P is freed. */
int pdf_close(struct md *md, struct pdf *p, int *pages);

/* A line of text; BOLD for a heading, which also keeps it on the page
 * of the two lines after it.  "" is a blank line (none at a page's top). */
void pdf_line(struct pdf *p, const char *s, bool bold);

/* The width of S in points, as pdf_line and tables set it. */
double pdf_measure(struct pdf *p, const char *s);

/* The width there is between the margins. */
double pdf_body_width(const struct pdf *p);

/* A table of N columns (at most PDF_MAX_COLS): their TITLES, which are
 * RIGHT-aligned and how WIDE each is (points; pdf_measure() of the
 * widest word).  Columns that do not fit the page are narrowed, the
 * first ones first, their words cut with an ellipsis.  Rows follow, each
 * of N cells; a page break repeats the titles. */
#define PDF_MAX_COLS 12
void pdf_table_begin(struct pdf *p, size_t n, const char *const *titles,
		     const bool *right, const double *wide);
void pdf_table_row(struct pdf *p, const char *const *cells);
void pdf_table_end(struct pdf *p);

/* A horizontal bar chart: each bar's LABEL, one or two VALUES (SERIES
 * 1 or 2: the first black, the second an outline, told apart on black
 * and white paper) and the TEXT at its end.  LEGEND names the series
 * when there are two.  Bars are scaled to the largest value. */
struct pdf_bar {
	const char *label;
	int64_t value[2];
	const char *text;
};
void pdf_chart(struct pdf *p, const struct pdf_bar *bars, size_t n, int series,
	       const char *const legend[2]);

/* TEXT (lines of COLUMNS display columns at most) as a receipt for a
 * roll of paper: 58 mm wide for 32 columns, 80 mm for 48, one page as
 * long as the text, in a monospace font. */
int pdf_roll(struct md *md, FILE *fp, const char *text, int columns);

#endif
