/* test_db.c - opening, migrating and refusing databases */
#include <config.h>

#include <sys/stat.h>

#include "core/migrate.h"
#include "core/settings.h"
#include "testdb.h"

static int64_t
pragma(struct md *md, const char *sql)
{
	int64_t v = -1;

	db_int(md, sql, &v);
	return v;
}

static void
test_fresh(void)
{
	struct md md;
	struct stat st;
	sqlite3_stmt *s;
	char mode[16] = "";

	testdb_open(&md, "2026-11-23 10:00:00");
	is_int(pragma(&md, "PRAGMA user_version"), migrate_latest(),
	       "a new database is at the latest schema");
	is_int(pragma(&md, "PRAGMA application_id"), DB_APPLICATION_ID,
	       "and carries memberdesk's application id");
	is_int(pragma(&md, "PRAGMA foreign_keys"), 1, "foreign keys are on");
	sqlite3_prepare_v2(md.db, "PRAGMA journal_mode", -1, &s, NULL);
	if (sqlite3_step(s) == SQLITE_ROW)
		snprintf(mode, sizeof mode, "%s", sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	is_str(mode, "wal", "journal mode is WAL");
	stat(md.path, &st);
	is_int(st.st_mode & 0777, 0600, "the file is created 0600");
	db_close(&md);
}

static void
test_nesting(void)
{
	struct md md;
	char v[SETTING_MAX];

	testdb_open(&md, "2026-11-23 10:00:00");
	db_begin(&md);
	settings_set(&md, "shop_name", "outer");
	db_begin(&md);
	settings_set(&md, "shop_name", "inner");
	db_end(&md, MD_EINVAL);		/* the inner step fails */
	settings_get(&md, "shop_name", v);
	is_str(v, "outer", "a failed inner step rolls back to its savepoint");
	ok(db_end(&md, MD_OK) == MD_OK, "the outer transaction still commits");
	settings_get(&md, "shop_name", v);
	is_str(v, "outer", "with the outer change");
	db_begin(&md);
	settings_set(&md, "shop_name", "gone");
	db_end(&md, MD_EINVAL);
	settings_get(&md, "shop_name", v);
	is_str(v, "outer", "a failed outer transaction leaves nothing");
	db_close(&md);
}

static void
test_newer_and_foreign(void)
{
	char path[128], path2[128];
	struct md md;
	sqlite3 *raw;
	int rc;

	snprintf(path, sizeof path, "%s/newer.db", testdb_dir);
	sqlite3_open(path, &raw);
	sqlite3_exec(raw, "PRAGMA application_id=1296323403; PRAGMA user_version=999;"
		     "CREATE TABLE future(x)", NULL, NULL, NULL);
	sqlite3_close(raw);
	md_init(&md);
	rc = db_open(&md, path, false);
	is_int(rc, MD_EINVAL, "a database from a newer memberdesk is refused");
	like(md.err, "newer memberdesk (schema 999", "saying so");
	sqlite3_open(path, &raw);
	sqlite3_stmt *s;
	sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &s, NULL);
	sqlite3_step(s);
	is_str((const char *)sqlite3_column_text(s, 0), "delete",
	       "and not even switched to WAL");
	sqlite3_finalize(s);
	sqlite3_close(raw);

	snprintf(path2, sizeof path2, "%s/other.db", testdb_dir);
	sqlite3_open(path2, &raw);
	sqlite3_exec(raw, "CREATE TABLE customers(x)", NULL, NULL, NULL);
	sqlite3_close(raw);
	md_init(&md);
	rc = db_open(&md, path2, false);
	is_int(rc, MD_EINVAL, "another program's database is refused");
	like(md.err, "is not a memberdesk database", "saying so");

	snprintf(path2, sizeof path2, "%s/text.db", testdb_dir);
	FILE *fp = fopen(path2, "w");
	fputs("this is not a database at all, just some text that is long enough "
	      "to fill a header of one hundred bytes and then some more", fp);
	fclose(fp);
	md_init(&md);
	rc = db_open(&md, path2, false);
	is_int(rc, MD_EINVAL, "a text file is refused");
	like(md.err, "is not a memberdesk database", "saying so");
}

static void
test_places(void)
{
	char path[160];
	struct md md;
	struct stat st;
	int rc;

	md_init(&md);
	rc = db_open(&md, "/nonexistent-dir/shop.db", false);
	is_int(rc, MD_EIO, "a missing directory is refused");
	like(md.err, "directory /nonexistent-dir does not exist", "naming it");

	snprintf(path, sizeof path, "%s/a/b/shop.db", testdb_dir);
	md_init(&md);
	ok(db_open(&md, path, true) == MD_OK, "the default place grows its directories");
	snprintf(path, sizeof path, "%s/a/b", testdb_dir);
	stat(path, &st);
	is_int(st.st_mode & 0777, 0700, "with mode 0700");
	db_close(&md);
}

int
main(void)
{
	test_fresh();
	test_nesting();
	test_newer_and_foreign();
	test_places();
	testdb_cleanup();
	return done_testing();
}
