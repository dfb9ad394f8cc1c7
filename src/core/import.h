/* import.h - migration day: members, sales and balances from CSV */
#ifndef MD_IMPORT_H
#define MD_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/csvio.h"
#include "core/md.h"

enum import_kind {
	IMPORT_MEMBERS,
	IMPORT_SALES,
	IMPORT_POINTS,
	IMPORT_WALLET,
};

enum import_dup {
	IMPORT_DUP_SKIP,	/* keep what is stored (the default) */
	IMPORT_DUP_UPDATE,	/* members: the file's non-empty fields win */
	IMPORT_DUP_FAIL,	/* a duplicate is a rejected row */
};

/* "members", "sales", "points", "wallet"; false for anything else. */
bool import_kind_parse(const char *s, enum import_kind *kind);
const char *import_kind_name(enum import_kind kind);

/* --map COLUMN=field: the file's column COLUMN holds FIELD (a canonical
 * key such as "phone", or "-" to ignore the column). */
struct import_map {
	const char *column;
	const char *field;
};

/* A rejected row, for the error report: LINE as a spreadsheet shows it,
 * the COLUMN's header as the file spells it ("" for the whole row), the
 * VALUE found there and the PROBLEM in words. */
struct import_problem {
	int64_t line;
	const char *column;
	const char *value;
	const char *problem;
};

struct import_opts {
	enum import_kind kind;
	const char *path;
	enum csvio_encoding encoding;	/* CSVIO_AUTO */
	char delim;			/* 0: sniffed */
	const struct import_map *maps;
	size_t nmaps;
	enum import_dup on_duplicate;
	bool dry_run;
	bool skip_bad;		/* import the good rows when some are rejected */
	bool create_members;	/* sales: unknown cards become members */
	bool create_tiers;	/* members: a level no tier matches becomes one */
	bool returns_net;	/* sales: net returns against their ticket */

	/* What the faces are told along the way (any may be NULL). */
	void (*progress)(void *arg, int64_t done, int64_t total);
	int (*reject)(void *arg, const struct import_problem *p);
	void (*notice)(void *arg, const char *message);
	void *arg;
};

struct import_result {
	char sha256[65];
	enum csvio_encoding encoding;
	char delim;
	int64_t rows;		/* data rows read */
	int64_t inserted;	/* members or sales created, balances opened */
	int64_t updated;	/* members updated (--on-duplicate update) */
	int64_t duplicates;	/* rows already there, skipped */
	int64_t returns;	/* sales: return rows skipped (or netted) */
	int64_t netted_out;	/* sales: tickets whose returns leave nothing */
	int64_t free_lines;	/* sales: rows with nothing to pay, skipped */
	int64_t walk_ins;	/* sales without a member */
	int64_t created;	/* sales: members created (--create-members) */
	int64_t tiers_created;	/* members: tiers made for levels (--create-tiers) */
	int64_t rejected;
	int64_t import_id;	/* 0 on a dry run or when nothing was written */
	bool committed;
	char before[20];	/* the file was imported already, at this time */
};

/* Read the file and import it in one transaction: everything, or (with
 * rejected rows and no skip_bad, on a dry run, or on any failure)
 * nothing.  Returns MD_OK when the file was imported or the dry run found
 * nothing to reject; MD_EINVAL with the count in md->err when rows were
 * rejected; MD_ECONFLICT when the same file was imported before. */
int import_run(struct md *md, const struct import_opts *o,
	       struct import_result *res);

/* The file's columns as import_run would read them with O (its kind,
 * encoding, delimiter and maps), for a face to show, and change with
 * maps, before the dry run: the encoding and delimiter decided, and for
 * each column of the header row its text and the key of the field it is
 * read as (NULL: ignored).  Reads the header only; writes nothing. */
struct import_column {
	char *header;
	const char *field;
};

struct import_columns {
	enum csvio_encoding encoding;
	bool bom;
	char delim;
	int64_t size;		/* bytes */
	struct import_column *cols;
	size_t n;
};

int import_columns(struct md *md, const struct import_opts *o,
		   struct import_columns *out);
void import_columns_free(struct import_columns *c);

/* The fields KIND's files have: the key of the Nth, NULL past the last. */
const char *import_field_key(enum import_kind kind, size_t n);

#endif
