/* report_priv.h - the weekly report's sections, for the files that lay
 * it out (report_text.c for the terminal and plain paper, report_pdf.c
 * for a PDF)
 *
 * report_sections.c says what the report holds, once: its headings, its
 * tables (columns and rows as table cells) and where a chart goes.  Each
 * layout is a sink that places them: lines of text cut into pages, or
 * positions on an A4 page.
 */
#ifndef MD_REPORT_PRIV_H
#define MD_REPORT_PRIV_H

#include "core/report.h"
#include "core/table.h"

/* Row I of a table as CELLS; BUF (TABLE_CELL_MAX) for a cell the row
 * draws itself. */
typedef void (*report_row_fn)(const void *ctx, size_t i, struct table_cell *cells,
			      char *buf);

struct report_table {
	const struct table_col *cols;
	size_t ncols, rows;
	report_row_fn fn;
	const void *ctx;
	struct md *md;		/* for the shop's money */
};

#define REPORT_MAX_COLS 10

/* Row R's words, for people, into OUT; BUF has room for each column
 * and one more for the row. */
void report_table_words(const struct report_table *t, size_t r, const char **out,
			char (*buf)[TABLE_CELL_MAX]);

enum report_chart {
	REPORT_CHART_SEGMENTS,	/* sizes, and the change since the snapshot before */
	REPORT_CHART_TYPES,	/* members of each value type */
	REPORT_CHART_WEEKDAYS,	/* sales amount by day, this week and the one before */
};

/* Where the sections go.  TEXT is a line ("" a blank one); KEEP keeps
 * it with what follows (a heading).  CHART NULL: the text layout, which
 * shows the segments as a table with bars of '#' and has no weekday
 * chart. */
struct report_sink {
	void (*text)(void *ctx, bool keep, const char *s);
	void (*table)(void *ctx, const struct report_table *t);
	void (*chart)(void *ctx, struct md *md, enum report_chart which,
		      const struct report_weekly *w);
	void *ctx;
	struct md *md;
};

/* The birthdays table (report birthdays on paper, and the weekly one). */
void report_birthday_table(struct md *md, const struct report_birthday *b, size_t n,
			   struct report_table *t);

/* Every section of W, in order, into SINK. */
void report_sections(const struct report_weekly *w, const struct report_sink *sink);

/* The page header's four texts: the shop, the title, the week and when
 * it was made (BUFS of 96 bytes each for the last two). */
void report_head(const struct report_weekly *w, const char **shop, const char **title,
		 char week[96], char made[96]);

/* T as a table on the pages of P (report_pdf.c). */
struct pdf;
void report_pdf_table(struct pdf *p, const struct report_table *t);

#endif
