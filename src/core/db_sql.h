/* db_sql.h - statements, for the core's modules only
 *
 * Every module of the core talks to the database through these and
 * nothing else: no sqlite3_* call, no <sqlite3.h>.  So the storage is
 * one module (db.c, with migrate.c and backup*.c, the files that know
 * SQLite) and the SQL the modules write keeps to what PostgreSQL reads
 * too, SQLite's own features named in db_dialect.h: a second backend,
 * for a chain of shops sharing members, is a second storage module and
 * a dialect, not a rewrite.  The faces include db.h, never this.
 *
 * Conventions: parameters are numbered from 1 and columns from 0, as in
 * SQL; text comes and goes as UTF-8; integers are int64_t.
 */
#ifndef MD_DB_SQL_H
#define MD_DB_SQL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/db.h"
#include "core/db_dialect.h"

/* A prepared statement. */
struct db_stmt;

/* A cached statement for SQL (a string literal: the cache is keyed by
 * its address), reset and with its parameters cleared.  Not for
 * statements that stay open across calls into other modules. */
int db_stmt(struct md *md, const char *sql, struct db_stmt **st);

/* A statement of its own, which the caller finalizes. */
int db_prepare(struct md *md, const char *sql, struct db_stmt **st);
void db_finalize(struct db_stmt *st);

/* Ready to run again, with the same parameters. */
void db_reset(struct db_stmt *st);

/* The next row: true with one, false at the end (*RC is MD_OK) or on a
 * failure (*RC is its status, the message set).  The loop needs no tail:
 *
 *	while (db_row(md, st, &rc))
 *		... db_col_int(st, 0) ...
 *	return rc;
 */
bool db_row(struct md *md, struct db_stmt *st, int *rc);

/* Run ST to its end (an INSERT, UPDATE, DELETE) and reset it. */
int db_run(struct md *md, struct db_stmt *st);

/* Run SQL (one statement or several, no parameters, no rows). */
int db_exec(struct md *md, const char *sql);
/* The same where a failure has nothing left to say (a rollback on the
 * way out of a failure, dropping a temporary table). */
void db_exec_quiet(struct md *md, const char *sql);

/* Parameters.  db_bind_text does not copy: S must stay as it is until
 * the statement is reset (a caller's buffer); db_bind_copy copies.
 * db_bind_text_or_null binds NULL for NULL or "" (and copies). */
void db_bind_int(struct db_stmt *st, int i, int64_t v);
void db_bind_text(struct db_stmt *st, int i, const char *s);
void db_bind_copy(struct db_stmt *st, int i, const char *s);
void db_bind_null(struct db_stmt *st, int i);
void db_bind_text_or_null(struct db_stmt *st, int i, const char *s);
/* How many parameters ST has. */
int db_params(struct db_stmt *st);

/* The current row's columns.  db_col_text is NULL for NULL, valid until
 * the next step or reset; db_column_text copies into OUT ("" for NULL). */
int64_t db_col_int(struct db_stmt *st, int i);
const char *db_col_text(struct db_stmt *st, int i);
bool db_col_null(struct db_stmt *st, int i);
int db_cols(struct db_stmt *st);
void db_column_text(struct db_stmt *st, int i, char *out, size_t n);

/* The id of the row the last INSERT made; the rows the last statement
 * changed; the rows every statement of this connection changed so far
 * (to tell whether a nested step wrote anything). */
int64_t db_last_id(struct md *md);
int64_t db_changes(struct md *md);
int64_t db_total_changes(struct md *md);

/* The connection's last error as a message in md->err: MD_EDB, or
 * MD_ECONFLICT for a busy database, MD_EIO for a full disk. */
int db_fail(struct md *md);

/* One integer: the first column of the first row of SQL, 0 when there
 * is none; with one integer parameter ?1 = ARG, MD_ENOTFOUND when there
 * is no row. */
int db_int(struct md *md, const char *sql, int64_t *v);
int db_int_arg(struct md *md, const char *sql, int64_t arg, int64_t *v);
/* The same with one text parameter ?1 = ARG; *V is 0 when there is no row. */
int db_int_text(struct md *md, const char *sql, const char *arg, int64_t *v);

/* SQLite's own features, by name. */

/* A number that changes when another connection commits (for a cache
 * of what was computed from the data). */
int db_data_version(struct md *md, int64_t *v);

/* Room for KIB kibibytes of pages (bulk work); 0 sets it back. */
void db_cache_size(struct md *md, int kib);

/* Does the temporary table NAME exist on this connection? */
int db_temp_exists(struct md *md, const char *name, bool *exists);

/* The storage's own check of itself: the file's structure (every page,
 * record and constraint: PRAGMA quick_check, in proportion to the
 * file's size) and, with FULL, every index against its table (PRAGMA
 * integrity_check, which looks every row up in every index: ten times
 * as long on a large shop), then the name search index.  Each problem
 * goes to CB; *FOUND counts them. */
int db_check_storage(struct md *md, bool full, int (*cb)(void *arg, const char *problem),
		     void *arg, int64_t *found);

#endif
