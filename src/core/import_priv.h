/* import_priv.h - what the import driver shares with its row handlers */
#ifndef MD_IMPORT_PRIV_H
#define MD_IMPORT_PRIV_H

#include "core/import.h"
#include "core/member.h"

/* Every field any import knows, by canonical key. */
enum import_field {
	F_CARD, F_NAME, F_PHONE, F_GENDER, F_BIRTHDAY, F_POINTS, F_BALANCE,
	F_BONUS, F_TIER, F_JOINED, F_REFERRER, F_NOTE, F_TAGS, F_STATUS,
	F_SOLD_AT, F_AMOUNT, F_QUANTITY, F_UNIT_PRICE, F_CATEGORY, F_PROMO,
	F_PAYMENT, F_TICKET, F_EXPIRES, F_REASON,
	F_NICKNAME,		/* members: the name when the name cell is empty */
	F_WITHDRAWABLE, F_NONWITHDRAWABLE,	/* stored value in two parts */
	F_COUNT,
	F_NONE = -1,
};

/* How a row ended, counted once its savepoint is released. */
enum import_outcome {
	OUT_INSERTED, OUT_UPDATED, OUT_DUPLICATE, OUT_RETURN, OUT_FREE,
	OUT_STAGED,	/* sales: a line waiting to be grouped into its ticket */
};

#define IMPORT_DEFER_MAX 16

struct import {
	struct md *md;
	const struct import_opts *o;
	struct import_result *res;
	int64_t id;			/* our row in imports */
	char now[20];
	char detail[200];		/* "import #3 (members.csv)" for history rows */
	bool have_header;
	int col[F_COUNT];		/* the column of each field, or -1 */
	char **headers;			/* the header row, as the file spells it */
	size_t nheaders;
	const struct csvio_record *rec;	/* the row being imported */
	int bad;			/* the field a failure is about, or F_NONE */
	enum import_outcome outcome;
	char *vals[F_COUNT];		/* trimmed values of the current row */
	bool line_items;		/* sales: quantity x unit price */
	/* Opening balances written, for the import's audit row. */
	int64_t points_opened, points_total;	/* batches, points */
	int64_t wallet_opened, wallet_total, wallet_bonus;
	bool openings_staged;		/* import_stage_opening's table is there */

	int64_t size;			/* the file's, in bytes */
	/* The indexes set aside for the load, and their CREATE INDEX. */
	struct { char *name, *sql; } deferred[IMPORT_DEFER_MAX];
	size_t ndeferred;

	int (*begin)(struct import *im);	/* after the header */
	int (*row)(struct import *im);
	int (*finish)(struct import *im);	/* after the last row */
	void *state;				/* the kind's own (malloc'd; freed by the driver) */
};

/* The row's value of F, trimmed ("" when the file has no such column or
 * the cell is empty).  Marks F as the field a failure is about. */
const char *import_val(struct import *im, enum import_field f);

/* True when the file has a column for F. */
bool import_has(const struct import *im, enum import_field f);

/* A rejected row found after the rows were read (finish): LINE, field. */
int import_reject_late(struct import *im, int64_t line, enum import_field f,
		       const char *value, const char *problem);

/* The member a card or phone names (0 when none); MD_ECONFLICT when it
 * is deleted or merged. */
int import_find_member(struct import *im, int64_t *id);

/* Opening balances may come from one file per member: true when MEMBER
 * already has one in LEDGER ("points_ledger" or "wallet_ledger") from
 * another import. */
int import_has_opening(struct import *im, const char *ledger, int64_t member,
		       bool *has);

/* Tag ledger rows and sales with our import: UPDATE TABLE SET import_id. */
int import_tag_row(struct import *im, const char *table, int64_t row_id);

/* A load that is large beside TABLE sets its secondary indexes aside:
 * each row would pay each index in random order (the page cache cannot
 * hold them past a few hundred thousand rows), where building it again
 * at the end is one sort.  Dropped inside the import's transaction (a
 * rollback brings them back; no one else sees them gone), except those
 * named in KEEP (NULL-terminated), which the rows' checks look things up
 * by.  import_indexes_build puts every one back as it was. */
int import_indexes_defer(struct import *im, const char *table,
			 const char *const *keep);
int import_indexes_build(struct import *im);

/* The kinds. */
int import_members_setup(struct import *im);
int import_sales_setup(struct import *im);
int import_points_setup(struct import *im);
int import_wallet_setup(struct import *im);

/* Points and stored value opening balances, shared with the members
 * file's 积分 and 余额 columns.  The checks read and check the row's
 * cells (zero when empty) before anything is written; the opens write.
 * *OUT: OUT_INSERTED when opened, OUT_DUPLICATE when the member has one
 * from another file, OUT_FREE when there is nothing to open. */
int import_check_points(struct import *im, int64_t *n, char expires[11]);
int import_check_wallet(struct import *im, int64_t *balance, int64_t *bonus);
int import_open_points(struct import *im, int64_t member, int64_t n,
		       const char *expires, enum import_outcome *out);
int import_open_wallet(struct import *im, int64_t member, int64_t balance,
		       int64_t bonus, enum import_outcome *out);
/* The same for a member the import has just added (who can have no
 * opening from another file), set-wise: staged row by row, written by
 * import_open_staged after the last row in a few statements. */
int import_stage_opening(struct import *im, int64_t member, int64_t points,
			 const char *expires, int64_t balance, int64_t bonus);
int import_open_staged(struct import *im);

#endif
