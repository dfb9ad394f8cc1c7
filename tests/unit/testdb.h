/* testdb.h - a real database in a temporary directory, for unit tests */
#ifndef MD_TESTDB_H
#define MD_TESTDB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "core/clock.h"
#include "core/db_sql.h"
#include "tap.h"

static char testdb_dir[64];

/* A fresh database with the clock at NOW ("YYYY-MM-DD HH:MM:SS"). */
static void __attribute__((unused))
testdb_open(struct md *md, const char *now)
{
	char path[128];

	if (!*testdb_dir) {
		strcpy(testdb_dir, "/tmp/md-unit.XXXXXX");
		if (!mkdtemp(testdb_dir)) {
			perror("mkdtemp");
			exit(99);
		}
	}
	setenv("MEMBERDESK_NOW", now, 1);
	if (md_init(md) != MD_OK || clock_init(md) != MD_OK) {
		printf("Bail out! md_init: %s\n", md->err);
		exit(99);
	}
	snprintf(path, sizeof path, "%s/shop%d.db", testdb_dir, rand());
	if (db_open(md, path, false) != MD_OK) {
		printf("Bail out! db_open: %s\n", md->err);
		exit(99);
	}
}

/* Everything the shop owns, as one string: equal strings mean nothing
 * changed.  Covers every table a later schema adds through sqlite_schema. */
__attribute__((unused)) static char *
testdb_fingerprint(struct md *md)
{
	sqlite3_stmt *st, *q;
	char *out = strdup(""), *sql;

	sqlite3_prepare_v2(md->db,
			   "SELECT name FROM sqlite_schema WHERE type = 'table'"
			   " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'member_names%'"
			   " ORDER BY name", -1, &st, NULL);
	while (sqlite3_step(st) == SQLITE_ROW) {
		sql = sqlite3_mprintf("SELECT * FROM \"%w\"",
				      (const char *)sqlite3_column_text(st, 0));
		sqlite3_prepare_v2(md->db, sql, -1, &q, NULL);
		while (sqlite3_step(q) == SQLITE_ROW) {
			int i, n = sqlite3_column_count(q);

			for (i = 0; i < n; i++) {
				const char *v = (const char *)sqlite3_column_text(q, i);
				char *next = NULL;

				if (asprintf(&next, "%s%s,", out, v ? v : "\\N") < 0)
					exit(99);
				free(out);
				out = next;
			}
		}
		sqlite3_finalize(q);
		sqlite3_free(sql);
	}
	sqlite3_finalize(st);
	return out;
}

/* CALL, on the test's `struct md md`, fails with CODE saying WHY and
 * leaves the database exactly as it was. */
#define REJECTS(call, code, why, desc) do { \
	char *before_ = testdb_fingerprint(&md), *after_; \
	int rc_ = (call); \
	is_int(rc_, code, "%s: rejected", desc); \
	like(md.err, why, "%s: says why", desc); \
	after_ = testdb_fingerprint(&md); \
	is_str(after_, before_, "%s: database unchanged", desc); \
	free(before_); \
	free(after_); \
} while (0)

static void __attribute__((unused))
testdb_cleanup(void)
{
	char cmd[128];

	if (*testdb_dir) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", testdb_dir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", testdb_dir);
	}
}

#endif
