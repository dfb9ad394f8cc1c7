/* table.h - rows out as an aligned table, CSV or TSV
 *
 * Each column has a kind, and a cell holds a value rather than its
 * words: the kind says how people (a text table) see it and how scripts
 * (csv, tsv) get it, so that commands never pick a cell's format by the
 * output format.  The text layout is shared with the printed report.
 */
#ifndef MD_TABLE_H
#define MD_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/md.h"

enum table_format {
	TABLE_TEXT,	/* aligned by display width, for people */
	TABLE_CSV,	/* header of keys, RFC 4180, for scripts */
	TABLE_TSV,	/* header of keys, \t \n \\ escaped */
	TABLE_PDF,	/* the text table's words on A4 pages (pdf.h), for a file */
};

/* What a column holds, and where a cell takes it from.  Text, labels,
 * enums and sets are left-aligned, and in csv and tsv one that starts
 * like a formula gets a ' (csvio_formula_like); the numbers are
 * right-aligned and written as they are.  "For people": the text table;
 * scripts get the plain form given first. */
enum table_kind {
	COL_INHERIT,	/* a cell's kind: the column's */
	COL_TEXT,	/* .s as it is */
	COL_LABEL,	/* .s a key; for people .label(key) */
	COL_ENUM,	/* .n a value: .enum_key(n); for people .enum_label(n) */
	COL_SET,	/* .n bits of values: keys "a;b"; for people labels "A, B" */
	COL_COUNT,	/* .n "1234" */
	COL_NUMBER,	/* .n "1234"; for people "1,234" */
	COL_CHANGE,	/* .n "1234"; for people "+1,234" */
	COL_MONEY,	/* .n fen "1234.50"; for people in the shop's decimals */
	COL_YUAN,	/* .n fen "1234.50"; for people "¥1,234.50" */
	COL_YUAN_CHANGE, /* .n fen "1234.50"; for people "+¥1,234.50" */
	COL_RATIO,	/* .n / .den, one decimal: "12.5"; nothing when .den is 0 */
	COL_DECIMAL,	/* .n hundredths, no trailing zeros: "1.5" */
};

/* Who sees a column. */
enum table_audience {
	TABLE_EVERYONE,
	TABLE_PEOPLE,	/* the text table only */
	TABLE_SCRIPTS,	/* csv and tsv only */
};

struct table_col {
	const char *key;	/* csv/tsv header: stable, English */
	const char *title;	/* text header: N_(), translated when shown */
	enum table_kind kind;
	const char *(*label)(const char *key);	/* COL_LABEL: translated */
	const char *(*enum_key)(int v);		/* COL_ENUM, COL_SET */
	const char *(*enum_label)(int v);	/* COL_ENUM, COL_SET: translated */
	enum table_audience only;
	int min;		/* > 0: the printed report may cut it to this */
};

/* One cell: its value, in the field the column's kind reads.  A cell
 * may name a kind of its own: a total's words in a column of labels
 * (TABLE_LITERAL), nothing at all (TABLE_BLANK), a row of money among
 * rows of counts (TABLE_AS). */
struct table_cell {
	enum table_kind kind;
	const char *s;
	int64_t n, den;
};

#define TABLE_STR(x)		((struct table_cell){.s = (x)})
#define TABLE_INT(x)		((struct table_cell){.n = (x)})
#define TABLE_RATIO(a, b)	((struct table_cell){.n = (a), .den = (b)})
#define TABLE_AS(k, x)		((struct table_cell){.kind = (k), .n = (x)})
#define TABLE_LITERAL(x)	((struct table_cell){.kind = COL_TEXT, .s = (x)})
#define TABLE_BLANK		TABLE_LITERAL("")

/* How many columns (or cells) an array has. */
#define TABLE_COLS(a) (sizeof (a) / sizeof *(a))

struct table;

/* "table", "csv", "tsv" or "pdf". */
int table_format_parse(struct md *md, const char *s, enum table_format *f);

/* A table of the N columns COLS written to OUT; NULL with MD's message
 * set when memory runs out.  Text tables hold back their first rows to
 * measure the columns and then stream; csv and tsv stream at once. */
struct table *table_open(struct md *md, FILE *out, enum table_format fmt,
			 const struct table_col *cols, size_t n);

/* What a PDF's header names under the shop's name (copied); the
 * default is the program's name.  Before the first row. */
void table_set_title(struct table *t, const char *title);

/* A row: the N CELLS, one for each column (table_row() counts them; any
 * other N is a bug, MD_EINVAL).  MD_EIO ("write error") when output
 * could not be written, MD_ENOMEM; PEOPLE_ONLY rows (a total: scripts
 * add up themselves) are left out of csv and tsv. */
int table_put(struct table *t, const struct table_cell *cells, size_t n,
	      bool people_only);
#define table_row(t, cells) table_put((t), (cells), TABLE_COLS(cells), false)

/* Flush and free T, and fold a failed write into RC: MD_EIO ("write
 * error") when output could not be written and RC is MD_OK or a row's
 * MD_EIO; RC as it is otherwise. */
int table_close(struct table *t, int rc);

/* The text layout, for the printed report too. */
#define TABLE_CELL_MAX 256
#define TABLE_GAP 2		/* blanks between columns */

/* C's title for people; an empty title stays empty (gettext("") is the
 * catalog's header). */
const char *table_title(const struct table_col *c);

/* Cell V of column C as people (PEOPLE) or scripts see it: a string of
 * the cell's, the column's words, or BUF written.  MD gives the shop's
 * money (NULL will do for a column of no money). */
const char *table_cell_text(struct md *md, const struct table_col *c,
			    const struct table_cell *v, bool people,
			    char buf[TABLE_CELL_MAX]);

/* Widen WIDTH (N columns) to fit CELLS, by display width. */
void table_measure(const char *const *cells, size_t n, int *width);

/* CELLS of the N columns COLS in WIDTH, TABLE_GAP apart, without
 * trailing blanks or a newline.  A wider cell pushes the line out, but
 * in a column with a min it is cut to WIDTH. */
void table_put_line(FILE *fp, const struct table_col *cols, size_t n,
		    const int *width, const char *const *cells);

#endif
