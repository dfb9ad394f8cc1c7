/* export.h - members, sales and balances back out as CSV */
#ifndef MD_EXPORT_H
#define MD_EXPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/import.h"
#include "core/md.h"

struct export_opts {
	enum import_kind kind;	/* the same four kinds the import reads */
	const char *from, *to;	/* dates, inclusive; NULL for open ends */
	bool zh;		/* Chinese headers instead of the canonical keys */
	const char *dest;	/* where it goes, for the audit: a file, NULL for stdout */
};

/* Write KIND as CSV to OUT, streaming, after an audit row
 * "export.KIND" (who, where to, which dates): every export of customers'
 * data is on record before any of it leaves, so a read-only database
 * refuses exports.  The English headers are exactly
 * the import's canonical keys, so an export imports back as it is;
 * money is yuan with two decimals, dates and times ISO 8601.  *ROWS gets
 * the number of data rows.  MD_EIO when OUT fails. */
int export_run(struct md *md, const struct export_opts *o, FILE *out,
	       int64_t *rows);

#endif
