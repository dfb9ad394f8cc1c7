/* db.c - opening the shop database and talking to it
 *
 * Every connection gets the same set-up: WAL (readers never block the
 * counter), foreign keys, a busy timeout (a second memberdesk waits
 * instead of failing with "database is locked") and FULL sync (a sale
 * that was confirmed survives a power cut).
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <pwd.h>
#include <sqlite3.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/db_sql.h"
#include "core/money.h"
#include "core/migrate.h"
#include "core/text.h"
#include "i18n.h"

#define BUSY_TIMEOUT_MS 10000

char *
db_default_path(struct md *md)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char *path = NULL;
	int n;

	if (xdg && *xdg == '/')
		n = asprintf(&path, "%s/memberdesk/memberdesk.db", xdg);
	else if (home && *home)
		n = asprintf(&path, "%s/.local/share/memberdesk/memberdesk.db",
			     home);
	else {
		md_fail(md, MD_EINVAL,
			_("cannot find a place for the database: neither XDG_DATA_HOME nor HOME is set (use --db FILE)"));
		return NULL;
	}
	if (n < 0) {
		md_fail(md, MD_ENOMEM, _("out of memory"));
		return NULL;
	}
	return path;
}

/* mkdir -p DIR, new levels with mode 0700. */
static int
make_dirs(struct md *md, const char *dir)
{
	char buf[4096];
	char *p;

	if (strlen(dir) >= sizeof buf)
		return md_fail(md, MD_EINVAL, _("path too long: %s"), dir);
	strcpy(buf, dir);
	for (p = buf + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;

		*p = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			return md_fail(md, MD_EIO, _("cannot create directory %s: %s"),
				       buf, strerror(errno));
		*p = c;
		if (c == '\0')
			break;
	}
	return MD_OK;
}

/* What the place of the database allows, found before SQLite gets to
 * say "unable to open database file". */
struct place {
	bool exists;
	bool readonly;		/* exists, and why says why it cannot be written */
	char why[320];
};

/* Add a line to md->notice, for the face to show once. */
static void __attribute__((format(printf, 2, 3)))
notice(struct md *md, const char *fmt, ...)
{
	size_t n = strlen(md->notice);
	va_list ap;

	if (n && n + 1 < sizeof md->notice)
		md->notice[n++] = '\n';
	va_start(ap, fmt);
	vsnprintf(md->notice + n, sizeof md->notice - n, fmt, ap);
	va_end(ap);
}

/* An existing file: readable?  writable, and if not, why?  And what a
 * careful owner should hear about it. */
static int
check_file(struct md *md, const char *path, const char *dir, bool dir_ok,
	   const struct stat *st, struct place *pl)
{
	const struct passwd *pw;

	if (!S_ISREG(st->st_mode))
		return md_fail(md, MD_EIO, _("cannot open database %s: not a regular file"),
			       path);
	if (access(path, R_OK) != 0)
		return md_fail(md, MD_EIO, _("cannot open database %s: %s"), path,
			       strerror(errno));
	pl->exists = true;
	if (access(path, W_OK) != 0) {
		pl->readonly = true;
		pw = getpwuid(st->st_uid);
		if (errno == EROFS)
			snprintf(pl->why, sizeof pl->why, "%s",
				 _("it is on a read-only file system"));
		else
			snprintf(pl->why, sizeof pl->why,
				 _("you may not write to it (mode %04o, owner %s)"),
				 (unsigned)(st->st_mode & 07777), pw ? pw->pw_name : "?");
	} else if (!dir_ok) {
		pl->readonly = true;
		snprintf(pl->why, sizeof pl->why,
			 _("its directory %s is not writable (SQLite keeps its -wal and -shm files beside the database)"),
			 dir);
	}
	if (st->st_mode & 0022)
		/* The fix early: the screens show one line of it. */
		notice(md, _("warning: other users can change the database (mode %04o): run chmod 600 %s; it holds the shop's money and its customers' phone numbers"),
		       (unsigned)(st->st_mode & 07777), path);
	else if (st->st_mode & 0044)
		notice(md, _("warning: other users can read the database (mode %04o): run chmod 600 %s; it holds customers' phone numbers"),
		       (unsigned)(st->st_mode & 07777), path);
	/* memberdesk never leaves an empty database behind (create()), so
	 * an empty file is someone else's: a failed copy, often. */
	if (st->st_size == 0)
		notice(md, pl->readonly ?
		       _("warning: %s is an empty file (0 bytes): there is no shop in it") :
		       _("warning: %s was an empty file (0 bytes): this is a new, empty shop. If the shop's data should be there, this file is not it: restore a backup (memberdesk restore FILE)"),
		       path);
	return MD_OK;
}

static int
check_place(struct md *md, const char *path, bool mkdirs, struct place *pl)
{
	char copy[4096];
	struct stat st;
	const char *dir;
	bool dir_ok;

	if (strlen(path) >= sizeof copy)
		return md_fail(md, MD_EINVAL, _("path too long: %s"), path);
	strcpy(copy, path);
	dir = dirname(copy);
	if (mkdirs) {
		int rc = make_dirs(md, dir);

		if (rc)
			return rc;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return md_fail(md, MD_EIO,
			       _("cannot open database %s: directory %s does not exist"),
			       path, dir);
	dir_ok = access(dir, W_OK | X_OK) == 0;
	if (stat(path, &st) == 0)
		return check_file(md, path, dir, dir_ok, &st, pl);
	if (!dir_ok)
		return md_fail(md, MD_EIO,
			       _("cannot open database %s: directory %s is not writable (%s)"),
			       path, dir, strerror(errno));
	return MD_OK;
}

/* A damaged or refused database is left exactly as it is.  Closing the
 * last connection would copy the -wal file into it, and a -wal file from
 * another copy of the database (left beside a backup copied back over
 * it, say) is replayed as if it were this one's: closing would write the
 * other copy's pages over good ones.  Returns whether a -wal file with
 * something in it is there. */
static bool
keep_as_is(struct md *md)
{
	const char *wal = sqlite3_filename_wal(sqlite3_db_filename(md->db, "main"));
	struct stat st;

	if (!wal || stat(wal, &st) != 0 || st.st_size == 0)
		return false;
	sqlite3_db_config(md->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
	return true;
}

static int
damaged(struct md *md)
{
	const char *path = md->path ? md->path : sqlite3_db_filename(md->db, "main");

	/* A -wal file this connection wrote nothing to came from before. */
	if (keep_as_is(md) && sqlite3_total_changes64(md->db) == 0)
		return md_fail(md, MD_EDB,
			       _("the database %s is damaged (%s) and was left as it is. If it was copied back by hand, %s-wal beside it may belong to the old copy: close memberdesk everywhere and move that file away. Otherwise restore a backup (memberdesk restore FILE)"),
			       path, sqlite3_errmsg(md->db), path);
	return md_fail(md, MD_EDB,
		       _("the database %s is damaged (%s) and was left as it is: restore a backup (memberdesk restore FILE)"),
		       path, sqlite3_errmsg(md->db));
}

int
db_fail(struct md *md)
{
	int code = sqlite3_errcode(md->db);

	if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
		return damaged(md);
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return md_fail(md, MD_ECONFLICT,
			       _("the database is busy (another memberdesk is writing to it); try again"));
	if (code == SQLITE_FULL)
		return md_fail(md, MD_EIO, _("the disk is full: nothing was saved"));
	if (code == SQLITE_READONLY)
		return md_fail(md, MD_EIO, _("the database is read-only: nothing was saved"));
	return md_fail(md, MD_EDB, _("database error: %s"), sqlite3_errmsg(md->db));
}

/* Long work's note, beside the database: "PID<TAB>KIND<TAB>SINCE<TAB>
 * OPERATOR<TAB>DETAIL".  The waiter words it in its own language. */
static void
note_path(const struct md *md, char *out, size_t n)
{
	snprintf(out, n, "%s-busy", md->path);
}

void
db_note_long(struct md *md, enum db_long kind, const char *detail)
{
	char path[4200], since[20];
	FILE *fp;
	int fd;

	note_path(md, path, sizeof path);
	clock_timestamp(md, since);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || !(fp = fdopen(fd, "w"))) {
		if (fd >= 0)
			close(fd);
		return;		/* only a courtesy to whoever waits */
	}
	fprintf(fp, "%ld\t%d\t%s\t%s\t%s\n", (long)getpid(), (int)kind, since + 11,
		md->operator_name, detail ? detail : "");
	fclose(fp);
	md->holding_note = true;
}

void
db_note_done(struct md *md)
{
	char path[4200];

	if (!md->holding_note)
		return;
	note_path(md, path, sizeof path);
	unlink(path);
	md->holding_note = false;
}

/* What holds the lock, from its note, when that is live long work. */
static bool
read_note(const struct md *md, char *out, size_t n)
{
	static const char *const what[] = {
		[DB_LONG_IMPORT] = NULL,	/* "the import of FILE" */
		[DB_LONG_DAILY] = N_("the daily rules (points expiry, birthdays, tier review)"),
		[DB_LONG_TIERS] = N_("a tier review"),
		[DB_LONG_EXPIRY] = N_("a points expiry"),
		[DB_LONG_RESTORE] = NULL,	/* "the restore of FILE" */
	};
	char path[4200], line[1024], since[16] = "", by[128] = "", detail[600] = "",
	     text[800];
	long pid;
	int kind;
	FILE *fp;

	note_path(md, path, sizeof path);
	if (!(fp = fopen(path, "r")))
		return false;
	if (!fgets(line, sizeof line, fp))
		line[0] = '\0';
	fclose(fp);
	line[strcspn(line, "\n")] = '\0';
	if (sscanf(line, "%ld\t%d\t%15[^\t]\t%127[^\t]\t%599[^\n]", &pid, &kind, since,
		   by, detail) < 4 || kind < 0 || kind > DB_LONG_RESTORE || pid <= 0 ||
	    pid == (long)getpid() || (kill((pid_t)pid, 0) != 0 && errno != EPERM))
		return false;	/* unreadable, or its process is gone */
	if (kind == DB_LONG_IMPORT)
		snprintf(text, sizeof text, _("the import of %s"), detail);
	else if (kind == DB_LONG_RESTORE)
		snprintf(text, sizeof text, _("the restore of %s"), detail);
	else
		snprintf(text, sizeof text, "%s", _(what[kind]));
	snprintf(out, n, _("%s (%s, since %s)"), text, by, since);
	return true;
}

/* SQLite's busy handler.  Short waits as sqlite3_busy_timeout() would;
 * once a second the holder's note is read, and long work is waited for
 * as long as it takes. */
static int
busy_wait(void *arg, int count)
{
	static const int delays[] = { 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 };
	struct md *md = arg;
	char holder[1024];
	int ms = count < 12 ? delays[count] : 100;

	if (count == 0) {
		md->waited_ms = md->told_ms = 0;
		md->wait_long = false;
	}
	if (md->waited_ms >= 1000 && md->waited_ms - md->told_ms >= 1000) {
		bool was_long = md->wait_long;

		md->wait_long = read_note(md, holder, sizeof holder);
		/* Long work just ended: whoever holds the lock now gets the
		 * whole busy timeout, counted from here. */
		if (was_long && !md->wait_long)
			md->waited_ms = 1000;
		md->told_ms = md->waited_ms;
		if (md->on_wait &&
		    !md->on_wait(md->wait_arg, md->waited_ms, md->wait_long ? holder : NULL))
			return 0;
	}
	if (!md->wait_long && md->waited_ms >= BUSY_TIMEOUT_MS)
		return 0;
	sqlite3_sleep(ms);
	md->waited_ms += ms;
	return 1;
}

void
db_on_wait(struct md *md, bool (*fn)(void *arg, int waited_ms, const char *holder),
	   void *arg)
{
	md->on_wait = fn;
	md->wait_arg = arg;
}

int
db_begin_long(struct md *md, enum db_long kind, const char *detail)
{
	int rc = db_begin(md);

	if (rc == MD_OK && md->tx_depth == 1)
		db_note_long(md, kind, detail);
	return rc;
}

int
db_begin(struct md *md)
{
	char sql[32];
	int rc;

	if (md->readonly)
		return md_fail(md, MD_EIO,
			       _("cannot change %s: it is open for reading only, because %s"),
			       md->path, md->readonly_why);
	if (md->tx_depth == 0) {
		rc = db_exec(md, "BEGIN IMMEDIATE");
		md->tx_failed = false;
	} else if (md->bulk && md->tx_depth < MD_TX_MAX) {
		md->tx_changes[md->tx_depth++] = sqlite3_total_changes64(md->db);
		return MD_OK;
	} else {
		snprintf(sql, sizeof sql, "SAVEPOINT sp%d", md->tx_depth);
		rc = db_exec(md, sql);
	}
	if (rc == MD_OK)
		md->tx_depth++;
	return rc;
}

/* Commit or roll back the outermost transaction. */
static int
end_outer(struct md *md, int status)
{
	char saved[sizeof md->err];
	int rc;

	if (status == MD_OK && !md->tx_failed) {
		rc = db_exec(md, "COMMIT");
		if (rc) {
			memcpy(saved, md->err, sizeof saved);
			sqlite3_exec(md->db, "ROLLBACK", NULL, NULL, NULL);
			memcpy(md->err, saved, sizeof saved);
		}
		return rc;
	}
	/* Keep the message of the failure, not of the rollback. */
	memcpy(saved, md->err, sizeof saved);
	sqlite3_exec(md->db, "ROLLBACK", NULL, NULL, NULL);
	memcpy(md->err, saved, sizeof saved);
	money_forget(md);	/* a currency set in it is undone */
	return status ? status : MD_EDB;
}

int
db_end(struct md *md, int status)
{
	char sql[64];
	char saved[sizeof md->err];
	int rc = MD_OK;

	md->tx_depth--;
	if (md->tx_depth == 0) {
		rc = end_outer(md, status);
		/* Only once the lock is free: a waiter that finds no note
		 * gives up after the busy timeout, and committing a large
		 * import takes a while. */
		db_note_done(md);
		return rc;
	}
	if (md->bulk && md->tx_depth < MD_TX_MAX) {
		if (status != MD_OK &&
		    sqlite3_total_changes64(md->db) != md->tx_changes[md->tx_depth])
			md->tx_failed = true;
		return status;
	}
	if (status == MD_OK) {
		snprintf(sql, sizeof sql, "RELEASE sp%d", md->tx_depth);
		rc = db_exec(md, sql);
		return rc;
	}
	memcpy(saved, md->err, sizeof saved);
	snprintf(sql, sizeof sql, "ROLLBACK TO sp%d; RELEASE sp%d",
		 md->tx_depth, md->tx_depth);
	if (sqlite3_exec(md->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		md->tx_failed = true;
	memcpy(md->err, saved, sizeof saved);
	return status;
}

/* Switch a database that is not in WAL mode yet (a new one, or one
 * another program set back to a rollback journal).  The switch needs the
 * file to itself, and SQLite does not call the busy handler for it: the
 * connection already holds a read lock, and waiting while holding one
 * could deadlock.  So it fails at once while another process merely
 * reads, and four memberdesks opening a new database together failed one
 * time in four.  Wait here instead, as the busy timeout would. */
static int
use_wal(struct md *md)
{
	int waited = 0, pause = 1, rc;

	for (;;) {
		rc = sqlite3_exec(md->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
		if (rc != SQLITE_BUSY || waited >= BUSY_TIMEOUT_MS)
			break;
		sqlite3_sleep(pause);
		waited += pause;
		if (pause < 50)
			pause *= 2;
	}
	return rc == SQLITE_OK ? MD_OK : db_fail(md);
}

/* application_id and user_version before anything is written: a foreign
 * or newer database must be left exactly as it was.  One statement, so
 * that the three values come from one snapshot even while another
 * process is creating the schema. */
static int
check_identity(struct md *md, const char *path)
{
	int64_t app, version, objects;
	sqlite3_stmt *st;
	int rc;

	rc = sqlite3_prepare_v2(md->db,
				"SELECT (SELECT application_id FROM pragma_application_id),"
				"       (SELECT user_version FROM pragma_user_version),"
				"       (SELECT count(*) FROM sqlite_schema)", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		rc = sqlite3_errcode(md->db);
		sqlite3_finalize(st);
		if (rc == SQLITE_NOTADB)
			return md_fail(md, MD_EINVAL,
				       _("%s is not a memberdesk database"), path);
		return db_fail(md);
	}
	app = sqlite3_column_int64(st, 0);
	version = sqlite3_column_int64(st, 1);
	objects = sqlite3_column_int64(st, 2);
	sqlite3_finalize(st);
	if ((app != 0 && app != DB_APPLICATION_ID) ||
	    (app == 0 && objects > 0))
		return md_fail(md, MD_EINVAL,
			       _("%s is not a memberdesk database"), path);
	if (version > migrate_latest())
		return md_fail(md, MD_EINVAL,
			       _("%s was written by a newer memberdesk (schema %d; this one knows up to %d): upgrade memberdesk; the database was not changed"),
			       path, (int)version, migrate_latest());
	return MD_OK;
}

/* A connection to PATH (a file name, or a file: URI with FLAGS
 * SQLITE_OPEN_URI) that is ours: memberdesk's, and not newer. */
static int
connect(struct md *md, const char *path, const char *name, int flags)
{
	/* A connection is only ever used by one thread (the jobs in
	 * threads open their own): no mutex around every call, which a
	 * report reading ten million rows paid for on each column. */
	if (sqlite3_open_v2(path, &md->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		return md_fail(md, MD_EIO, _("cannot open database %s: %s"), name,
			       md->db ? sqlite3_errmsg(md->db) : _("out of memory"));
	sqlite3_extended_result_codes(md->db, 0);
	sqlite3_busy_handler(md->db, busy_wait, md);
	return check_identity(md, name);
}

static int
open_rw(struct md *md, const char *path)
{
	int rc;

	if ((rc = connect(md, path, path, SQLITE_OPEN_READWRITE)) ||
	    (rc = use_wal(md)) ||
	    (rc = db_exec(md, "PRAGMA foreign_keys=ON")) ||
	    (rc = db_exec(md, "PRAGMA synchronous=FULL")))
		return rc;
	return migrate_run(md);
}

/* Reading only.  SQLite reads a WAL database through its -shm file;
 * when no -wal file is there, nobody has the database open for writing,
 * and immutable=1 lets SQLite read it without creating either (the
 * directory may be read-only, and files we made there would be ours,
 * in the owner's way). */
static int
open_ro(struct md *md, const char *path, const char *why)
{
	char uri[4200], wal[4200];
	struct stat st;
	size_t o = 0;
	int64_t version;
	int rc;

	o += (size_t)snprintf(uri, sizeof uri, "file:");
	for (const char *p = path; *p && o + 4 < sizeof uri; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			o += (size_t)snprintf(uri + o, sizeof uri - o, "%%%02X",
					      (unsigned char)*p);
		else
			uri[o++] = *p;
	}
	uri[o] = '\0';
	snprintf(wal, sizeof wal, "%s-wal", path);
	snprintf(uri + o, sizeof uri - o, "?mode=ro%s",
		 stat(wal, &st) != 0 ? "&immutable=1" : "");
	if ((rc = connect(md, uri, path, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI)) ||
	    (rc = db_int(md, "PRAGMA user_version", &version)))
		return rc;
	if (version < migrate_latest())
		return md_fail(md, MD_EIO, version == 0 ?
			       _("%s holds no shop, and it is open for reading only, because %s") :
			       _("%s is open for reading only, because %s, and this memberdesk cannot read its schema without upgrading it: open it once where it can be written"),
			       path, why);
	md->readonly = true;
	snprintf(md->readonly_why, sizeof md->readonly_why, "%s", why);
	return MD_OK;
}

/* A new database is built beside PATH under a temporary name, complete
 * with its schema, and linked into place: a second memberdesk starting
 * at the same moment finds either nothing or a whole shop, never an
 * empty file (so an empty file at PATH is never ours: check_file).
 * Where the file system has no hard links (a FAT USB stick) the empty
 * file is made in place, as before, and open_rw() fills it. */
static int
create(struct md *md, const char *path)
{
	static const char *const leftovers[] = { "-wal", "-shm", "-journal" };
	char tmp[4200], side[4220];
	int fd, rc;

	snprintf(tmp, sizeof tmp, "%s.new-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0)
		return md_fail(md, MD_EIO, _("cannot create database %s: %s"), path,
			       strerror(errno));
	close(fd);
	if (!(md->path = strdup(tmp)))
		rc = md_fail(md, MD_ENOMEM, _("out of memory"));
	else
		rc = open_rw(md, tmp);
	db_close(md);
	if (rc == MD_OK && link(tmp, path) != 0 && errno != EEXIST) {
		if (errno == EPERM || errno == ENOTSUP || errno == EOPNOTSUPP ||
		    errno == EMLINK || errno == ENOSYS) {
			fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
			if (fd >= 0)
				close(fd);
		} else {
			rc = md_fail(md, MD_EIO, _("cannot create database %s: %s"), path,
				     strerror(errno));
		}
	}
	unlink(tmp);
	for (size_t i = 0; i < sizeof leftovers / sizeof *leftovers; i++) {
		snprintf(side, sizeof side, "%s%s", tmp, leftovers[i]);
		unlink(side);
	}
	return rc;
}

int
db_open(struct md *md, const char *path, bool mkdirs)
{
	struct place pl = { 0 };
	int rc;

	md->notice[0] = '\0';
	money_forget(md);	/* another shop, maybe another currency */
	if ((rc = check_place(md, path, mkdirs, &pl)) ||
	    (!pl.exists && (rc = create(md, path))))
		return rc;
	md->path = strdup(path);
	if (!md->path)
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	rc = pl.readonly ? open_ro(md, path, pl.why) : open_rw(md, path);
	if (rc) {
		if (md->db)
			keep_as_is(md);
		db_close(md);
	}
	return rc;
}

bool
db_threadsafe(void)
{
	return sqlite3_threadsafe() != 0;
}

void
db_close(struct md *md)
{
	int i;

	for (i = 0; i < MD_STMT_CACHE; i++) {
		if (md->cache[i].stmt)
			sqlite3_finalize(md->cache[i].stmt);
		md->cache[i].sql = NULL;
		md->cache[i].stmt = NULL;
	}
	if (md->db)
		sqlite3_close(md->db);
	md->db = NULL;
	free(md->path);
	md->path = NULL;
	md->readonly = false;
	free(md->rfm);		/* its temporary table went with the connection */
	md->rfm = NULL;
}

int
db_schema_version(void)
{
	return migrate_latest();
}
