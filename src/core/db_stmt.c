/* db_stmt.c - statements: db_sql.h on SQLite
 *
 * Thin on purpose: each function is the SQLite call it stands for, so
 * that the modules say what they mean (db_row, db_bind_text) and the
 * one place that knows SQLite's calling conventions is here.  A struct
 * db_stmt is SQLite's statement under another name.
 */
#include <config.h>

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "core/db_sql.h"
#include "core/text.h"
#include "i18n.h"

static sqlite3_stmt *
S(struct db_stmt *st)
{
	return (sqlite3_stmt *)st;
}

int
db_exec(struct md *md, const char *sql)
{
	if (sqlite3_exec(md->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(md);
	return MD_OK;
}

void
db_exec_quiet(struct md *md, const char *sql)
{
	sqlite3_exec(md->db, sql, NULL, NULL, NULL);
}

int
db_prepare(struct md *md, const char *sql, struct db_stmt **st)
{
	sqlite3_stmt *s;

	if (sqlite3_prepare_v2(md->db, sql, -1, &s, NULL) != SQLITE_OK) {
		*st = NULL;
		return db_fail(md);
	}
	*st = (struct db_stmt *)s;
	return MD_OK;
}

void
db_finalize(struct db_stmt *st)
{
	sqlite3_finalize(S(st));
}

void
db_reset(struct db_stmt *st)
{
	sqlite3_reset(S(st));
}

int
db_stmt(struct md *md, const char *sql, struct db_stmt **st)
{
	sqlite3_stmt *s;
	int i, free_slot = -1;

	for (i = 0; i < MD_STMT_CACHE; i++) {
		if (md->cache[i].sql == sql) {
			s = md->cache[i].stmt;
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			*st = (struct db_stmt *)s;
			return MD_OK;
		}
		if (!md->cache[i].sql && free_slot < 0)
			free_slot = i;
	}
	if (sqlite3_prepare_v3(md->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
			       &s, NULL) != SQLITE_OK) {
		*st = NULL;
		return db_fail(md);
	}
	if (free_slot < 0) {
		/* Full: evict slot 0; every statement is re-preparable. */
		sqlite3_finalize(md->cache[0].stmt);
		free_slot = 0;
	}
	md->cache[free_slot].sql = sql;
	md->cache[free_slot].stmt = s;
	*st = (struct db_stmt *)s;
	return MD_OK;
}

bool
db_row(struct md *md, struct db_stmt *st, int *rc)
{
	int step = sqlite3_step(S(st));

	if (step == SQLITE_ROW) {
		*rc = MD_OK;
		return true;
	}
	*rc = step == SQLITE_DONE ? MD_OK : db_fail(md);
	return false;
}

int
db_run(struct md *md, struct db_stmt *st)
{
	int rc = sqlite3_step(S(st));

	rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? MD_OK : db_fail(md);
	sqlite3_reset(S(st));
	return rc;
}

void
db_bind_int(struct db_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(S(st), i, v);
}

void
db_bind_text(struct db_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(S(st), i, s, -1, SQLITE_STATIC);
}

void
db_bind_copy(struct db_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(S(st), i, s, -1, SQLITE_TRANSIENT);
}

void
db_bind_null(struct db_stmt *st, int i)
{
	sqlite3_bind_null(S(st), i);
}

void
db_bind_text_or_null(struct db_stmt *st, int i, const char *s)
{
	if (!s || !*s)
		sqlite3_bind_null(S(st), i);
	else
		sqlite3_bind_text(S(st), i, s, -1, SQLITE_TRANSIENT);
}

int
db_params(struct db_stmt *st)
{
	return sqlite3_bind_parameter_count(S(st));
}

int64_t
db_col_int(struct db_stmt *st, int i)
{
	return sqlite3_column_int64(S(st), i);
}

const char *
db_col_text(struct db_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(S(st), i);
}

bool
db_col_null(struct db_stmt *st, int i)
{
	return sqlite3_column_type(S(st), i) == SQLITE_NULL;
}

int
db_cols(struct db_stmt *st)
{
	return sqlite3_column_count(S(st));
}

void
db_column_text(struct db_stmt *st, int i, char *out, size_t n)
{
	const char *s = db_col_text(st, i);

	text_copy(out, n, s ? s : "");
}

int64_t
db_last_id(struct md *md)
{
	return sqlite3_last_insert_rowid(md->db);
}

int64_t
db_changes(struct md *md)
{
	return sqlite3_changes64(md->db);
}

int64_t
db_total_changes(struct md *md)
{
	return sqlite3_total_changes64(md->db);
}

int
db_int(struct md *md, const char *sql, int64_t *v)
{
	struct db_stmt *st;
	int rc = db_stmt(md, sql, &st);

	*v = 0;
	if (rc)
		return rc;
	if (db_row(md, st, &rc))
		*v = db_col_int(st, 0);
	db_reset(st);
	return rc;
}

int
db_int_arg(struct md *md, const char *sql, int64_t arg, int64_t *v)
{
	struct db_stmt *st;
	int rc = db_stmt(md, sql, &st);

	*v = 0;
	if (rc)
		return rc;
	db_bind_int(st, 1, arg);
	if (db_row(md, st, &rc))
		*v = db_col_int(st, 0);
	else if (rc == MD_OK)
		rc = md_fail(md, MD_ENOTFOUND, _("no row for id %lld"), (long long)arg);
	db_reset(st);
	return rc;
}

int
db_int_text(struct md *md, const char *sql, const char *arg, int64_t *v)
{
	struct db_stmt *st;
	int rc = db_stmt(md, sql, &st);

	*v = 0;
	if (rc)
		return rc;
	db_bind_copy(st, 1, arg);
	if (db_row(md, st, &rc))
		*v = db_col_int(st, 0);
	db_reset(st);
	return rc;
}

int
db_data_version(struct md *md, int64_t *v)
{
	return db_int(md, "PRAGMA data_version", v);
}

void
db_cache_size(struct md *md, int kib)
{
	char sql[48];

	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", kib > 0 ? kib : 2000);
	db_exec_quiet(md, sql);
}

int
db_temp_exists(struct md *md, const char *name, bool *exists)
{
	struct db_stmt *st;
	int rc;

	*exists = false;
	if ((rc = db_stmt(md, "SELECT 1 FROM temp.sqlite_schema WHERE name = ?", &st)))
		return rc;
	db_bind_text(st, 1, name);
	*exists = db_row(md, st, &rc);
	db_reset(st);
	return rc;
}

int
db_check_storage(struct md *md, bool full, int (*cb)(void *arg, const char *problem),
		 void *arg, int64_t *found)
{
	char line[1024];
	struct db_stmt *st;
	const char *r;
	int rc;

	if ((rc = db_prepare(md, full ? "PRAGMA integrity_check" : "PRAGMA quick_check", &st)))
		return rc;
	while (db_row(md, st, &rc)) {
		r = db_col_text(st, 0);
		if (!r || !strcmp(r, "ok"))
			continue;
		snprintf(line, sizeof line, _("SQLite integrity check: %s"), r);
		(*found)++;
		cb(arg, line);
	}
	db_finalize(st);
	if (rc)
		return rc;
	/* The name index: FTS5 checks itself with a command that is a
	 * write, so run it in a transaction and roll it back (and not at
	 * all on a database open for reading only).  BEGIN IMMEDIATE, not
	 * a savepoint: in the deferred transaction a savepoint opens, SQLite
	 * refuses the write lock at once while another process writes,
	 * without waiting, and every sale at the counter made check call
	 * the index damaged. */
	if (md->readonly)
		return MD_OK;
	if ((rc = db_begin(md)))
		return rc;
	if (sqlite3_exec(md->db, "INSERT INTO member_names(member_names)"
			 " VALUES ('integrity-check')", NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(line, sizeof line, _("the name search index is damaged: %s"),
			 sqlite3_errmsg(md->db));
		(*found)++;
		cb(arg, line);
	}
	db_end(md, MD_EINVAL);	/* roll back: it only looked */
	return MD_OK;
}
