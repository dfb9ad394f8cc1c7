/* table.h - rows out as an aligned table, CSV or TSV */
#ifndef MD_TABLE_H
#define MD_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/md.h"

enum table_format {
	TABLE_TEXT,	/* aligned by display width, for people */
	TABLE_CSV,	/* header of keys, RFC 4180, for scripts */
	TABLE_TSV,	/* header of keys, \t \n \\ escaped */
};

struct table_col {
	const char *key;	/* csv/tsv header: stable, English */
	const char *title;	/* text header: N_(), translated when shown */
	bool right;		/* right-align (numbers, money) */
};

struct table;

/* "table", "csv" or "tsv". */
int table_format_parse(struct md *md, const char *s, enum table_format *f);

/* A table written to OUT.  Text tables hold back their first rows to
 * measure the columns and then stream; csv and tsv stream at once. */
struct table *table_open(FILE *out, enum table_format fmt,
			 const struct table_col *cols, size_t ncols);
int table_row(struct table *t, const char *const *cells);
/* Flush and free; <0 when a write failed. */
int table_close(struct table *t);

#endif
