/* backup_restore.c - putting a backup back in place of the database
 *
 * The backup is proved and upgraded on a copy of its own (a hidden file
 * in the backups folder), so that nothing about the database changes
 * until the very last step.  That step copies the staged database INTO
 * the live one with SQLite's backup API rather than renaming a file over
 * it: another memberdesk (the counter's screen) may have the database
 * open, and a rename would leave that process selling into the old,
 * unlinked file - its sales lost at its next start - and its -wal file
 * beside a database it no longer belongs to.  A copy into the database
 * is one write transaction under SQLite's own lock: every connection
 * sees the old database or the new one, and goes on with the new one.
 */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/audit.h"
#include "core/backup_priv.h"
#include "core/check.h"
#include "core/db_sql.h"
#include "core/migrate.h"
#include "core/operator.h"
#include "i18n.h"

/* "cannot restore FILE: WHY; the database was not changed". */
static int
refuse(struct md *md, int status, const char *file, const char *why)
{
	char copy[sizeof md->err];

	snprintf(copy, sizeof copy, "%s", why);
	return md_fail(md, status, _("cannot restore %s: %s; the database was not changed"),
		       file, copy);
}

/* FILE is a non-empty regular file, and not the database itself. */
static int
check_file(struct md *md, const char *file)
{
	struct stat st;

	if (stat(file, &st) != 0)
		return refuse(md, MD_EINVAL, file, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return refuse(md, MD_EINVAL, file, _("it is not a regular file"));
	if (backup_is_database(md, file))
		return refuse(md, MD_EINVAL, file, _("it is the database itself"));
	if (st.st_size == 0)
		return refuse(md, MD_EINVAL, file,
			      _("the file is empty (0 bytes), so it is not a backup"));
	return MD_OK;
}

/* What FILE says it is. */
static int
check_ident(struct md *md, const char *file, const struct backup_ident *id)
{
	char why[256];

	if (id->app != DB_APPLICATION_ID || id->version < 1)
		return refuse(md, MD_EINVAL, file, id->objects || id->app
			      ? _("it is not a memberdesk database")
			      : _("it is an empty SQLite database, not a backup"));
	if (id->version > db_schema_version()) {
		snprintf(why, sizeof why,
			 _("it was written by a newer memberdesk (schema %d; this one knows up to %d): upgrade memberdesk first"),
			 (int)id->version, db_schema_version());
		return refuse(md, MD_EINVAL, file, why);
	}
	return MD_OK;
}

/* A WAL database takes a copy of its own page size only. */
static int
match_page_size(struct md *md, const char *tmp, const struct backup_ident *id)
{
	char sql[64];
	int64_t want;
	sqlite3 *db = NULL;
	int rc;

	if ((rc = db_int(md, "PRAGMA page_size", &want)) || want == id->page_size)
		return rc;
	snprintf(sql, sizeof sql, "PRAGMA page_size=%lld; VACUUM", (long long)want);
	rc = sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		md_fail(md, MD_EIO, _("cannot write %s: %s"), tmp, sqlite3_errmsg(db));
	sqlite3_close(db);
	return rc == SQLITE_OK ? MD_OK : MD_EIO;
}

/* Copy FILE to the new file TMP in DIR and prove the copy. */
static int
stage(struct md *md, const char *file, const char *dir, const char *tmp,
      struct backup_restored *r)
{
	struct backup_ident id;
	sqlite3 *src = NULL;
	char why[512];
	bool ok;
	int rc;

	if ((rc = backup_snapshot(md, file, file, &src, &id)))
		return refuse(md, rc, file, rc == MD_EINVAL ? _("it is not an SQLite database")
			      : rc == MD_EDB ? _("it is damaged and cannot be read")
			      : md->err);
	if ((rc = check_ident(md, file, &id)))
		goto out;
	if ((rc = backup_copy(md, src, tmp, dir, NULL))) {
		rc = refuse(md, rc, file, md->err);
		goto out;
	}
	backup_snapshot_close(src);
	src = NULL;
	if ((rc = backup_integrity(md, tmp, NULL, &ok, why, sizeof why))) {
		rc = refuse(md, rc, file, md->err);
		goto out;
	}
	if (!ok) {
		char damaged[600];

		snprintf(damaged, sizeof damaged, _("it is damaged (%s)"), why);
		rc = refuse(md, MD_EINVAL, file, damaged);
		goto out;
	}
	r->from_version = (int)id.version;
	if ((rc = match_page_size(md, tmp, &id)))
		rc = refuse(md, rc, file, md->err);
out:
	if (src)
		backup_snapshot_close(src);
	return rc;
}

static int
no_report(void *arg, const char *finding)
{
	(void)arg;
	(void)finding;
	return MD_OK;
}

/* Open the staged copy TMP the normal way (which runs the migrations),
 * check it as "memberdesk check" does, and record the restore in it. */
static int
upgrade(struct md *md, struct md *st, const char *tmp, const char *file,
	struct backup_restored *r)
{
	char from[16], full[PATH_MAX];
	int rc;

	memset(st, 0, sizeof *st);
	st->now = md->now;
	memcpy(st->operator_name, md->operator_name, sizeof st->operator_name);
	if ((rc = db_open(st, tmp, false)) ||
	    (rc = check_run(st, true, no_report, NULL, &r->problems)))
		return refuse(md, rc, file, st->err);
	r->to_version = db_schema_version();
	snprintf(from, sizeof from, "%d", r->from_version);
	if ((rc = db_begin(st)))
		return refuse(md, rc, file, st->err);
	rc = audit_log_pairs(st, ACTION_DATABASE_RESTORE, 0, "file",
			     realpath(file, full) ? full : file, "schema", from, NULL);
	if ((rc = db_end(st, rc)))
		return refuse(md, rc, file, st->err);
	return MD_OK;
}

/* What the copy into the database failed with, and that it did not
 * change (SQLite rolls the unfinished copy back). */
static int
replace_fail(struct md *md, const char *file, int code)
{
	char why[sizeof md->err];

	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		snprintf(why, sizeof why, "%s",
			 _("the database is busy (another memberdesk is writing to it); try again"));
	else
		snprintf(why, sizeof why, "%s", sqlite3_errstr(code));
	return refuse(md, code == SQLITE_BUSY ? MD_ECONFLICT : MD_EDB, file, why);
}

/* Take the database's write lock (the first step of a copy into it,
 * of no pages), keep what it holds now as a dated backup, then copy the
 * staged database in: no sale can slip in between the two. */
static int
replace(struct md *md, sqlite3 *staged, struct backup_place *p, const char *file,
	struct backup_restored *r)
{
	char why[sizeof md->err];
	sqlite3_backup *b;
	int rc, code;

	if (!(b = sqlite3_backup_init(md->db, "main", staged, "main")))
		return replace_fail(md, file, sqlite3_errcode(md->db));
	code = sqlite3_backup_step(b, 0);
	if (code == SQLITE_OK) {
		/* Ours till the copy is in: a sale waits, saying for what. */
		db_note_long(md, DB_LONG_RESTORE, file);
		p->skip_empty = true;
		p->allow_damaged = true;	/* often the reason for restoring */
		p->keep = 0;			/* FILE may be an old one there */
		if ((rc = backup_write(md, p, NULL, &r->kept))) {
			sqlite3_backup_finish(b);
			db_note_done(md);
			snprintf(why, sizeof why, "%s", md->err);
			return md_fail(md, rc, _("cannot keep a copy of the database as it is (%s), so %s was not restored; the database was not changed"),
				       why, file);
		}
		code = sqlite3_backup_step(b, -1);
	}
	sqlite3_backup_finish(b);
	db_note_done(md);
	if (code != SQLITE_DONE)
		return replace_fail(md, file, code);
	return MD_OK;
}

int
backup_restore(struct md *md, const char *file, struct backup_restored *r)
{
	char tmp[BACKUP_PATH_MAX] = "";
	struct backup_place p;
	struct md st = {0};
	int lock = -1, fd = -1, rc;

	memset(r, 0, sizeof *r);
	if ((rc = operator_may(md, ACTION_DATABASE_RESTORE)))
		return rc;
	if (md->readonly) {
		char why[sizeof md->err];

		snprintf(why, sizeof why, _("the database is open for reading only, because %s"),
			 md->readonly_why);
		return refuse(md, MD_EIO, file, why);
	}
	if ((rc = check_file(md, file)) || (rc = backup_place_ours(md, &p)) ||
	    (rc = backup_dir_ready(md, &p)) || (rc = backup_lock(md, p.dir, true, &lock)))
		return rc;
	if ((rc = backup_temp(md, p.dir, p.stem, true, tmp, &fd)) ||
	    (rc = stage(md, file, p.dir, tmp, r)) ||
	    (rc = upgrade(md, &st, tmp, file, r)) ||
	    (rc = replace(md, st.db, &p, file, r)))
		goto out;
	/* The database now holds the staged schema; this only proves it. */
	rc = migrate_run(md);
out:
	db_close(&st);
	if (fd >= 0)
		close(fd);
	if (*tmp)
		backup_unlink(tmp);
	close(lock);
	return rc;
}
