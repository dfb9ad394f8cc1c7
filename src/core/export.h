/* export.h - members, sales, balances and coupons out as CSV */
#ifndef MD_EXPORT_H
#define MD_EXPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/md.h"

/* What can be exported.  The first four are what the import reads, by
 * the same names and in the same columns, so that they import back;
 * coupons go out only (a coupon's code is drawn when it is issued, never
 * read in). */
enum export_kind {
	EXPORT_MEMBERS,
	EXPORT_SALES,
	EXPORT_POINTS,
	EXPORT_WALLET,
	EXPORT_COUPONS,
	EXPORT_KINDS
};

/* "members" ... "coupons": false when S names none. */
bool export_kind_parse(const char *s, enum export_kind *kind);
const char *export_kind_name(enum export_kind kind);

struct export_opts {
	enum export_kind kind;
	const char *from, *to;	/* dates, inclusive; NULL for open ends: when
				 * members joined, sales were made, coupons
				 * were issued */
	bool zh;		/* Chinese headers instead of the canonical keys */
	const char *dest;	/* where it goes, for the audit: a file, NULL for stdout */
};

/* Write KIND as CSV to OUT, streaming, after an audit row
 * "export.KIND" (who, where to, which dates): every export of customers'
 * data is on record before any of it leaves, so a read-only database
 * refuses exports.  The English headers are exactly
 * the import's canonical keys, so an export imports back as it is
 * (coupons: the columns of coupon list's csv, then the campaign's kind
 * and value);
 * money is yuan with two decimals, dates and times ISO 8601.  *ROWS gets
 * the number of data rows.  MD_EIO when OUT fails. */
int export_run(struct md *md, const struct export_opts *o, FILE *out,
	       int64_t *rows);

#endif
