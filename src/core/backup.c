/* backup.c - verified copies of the shop database
 *
 * Copying the file is not a backup: after an unclean exit the last
 * sales live in the -wal file (a cp kept 1 sale of 21), and the sqlite3
 * shell's .backup gives up while a counter is selling and leaves an empty
 * file that opens as an empty shop.  Here the copy comes from a read
 * transaction of its own, which in WAL mode never blocks the counter and
 * sees every committed sale, -wal or not; it is written under a hidden
 * temporary name, read back and proved, and only then given its name.
 *
 * Dated backups live in backups/ beside the database, named for it and
 * for the time (memberdesk-2026-12-01-093000.db), so that their names
 * sort by time and today's is found by its name alone: deciding that a
 * backup is due costs a directory listing, and writes nothing.
 */
#include <config.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/audit.h"
#include "core/backup_priv.h"
#include "core/clock.h"
#include "core/db_sql.h"
#include "core/operator.h"
#include "core/settings.h"
#include "i18n.h"

#define BUSY_TIMEOUT_MS 10000
#define STEP_PAGES 256		/* a stop request is seen every 1 MB */
#define MAX_SEQ 999		/* backups in one second */
#define STAMP_LEN 17		/* YYYY-MM-DD-HHMMSS */

/* A shop with none of these has nothing to lose yet. */
static const char empty_sql[] =
	"SELECT NOT (EXISTS (SELECT 1 FROM members) OR EXISTS (SELECT 1 FROM sales)"
	"            OR EXISTS (SELECT 1 FROM audit))";

/* What a database says it is, all from one snapshot. */
static const char ident_sql[] =
	"SELECT (SELECT application_id FROM pragma_application_id),"
	"       (SELECT user_version FROM pragma_user_version),"
	"       (SELECT count(*) FROM sqlite_schema),"
	"       (SELECT page_size FROM pragma_page_size)";

/* The folder and the name without its extension of the file at PATH. */
static int
split_path(struct md *md, const char *path, char dir[BACKUP_PATH_MAX],
	   char stem[BACKUP_NAME_MAX])
{
	char a[BACKUP_PATH_MAX], b[BACKUP_PATH_MAX];
	char *base, *dot;

	if (strlen(path) >= sizeof a)
		return md_fail(md, MD_EINVAL, _("path too long: %s"), path);
	strcpy(a, path);
	strcpy(b, path);
	snprintf(dir, BACKUP_PATH_MAX, "%s", dirname(a));
	base = basename(b);
	if (strlen(base) >= BACKUP_NAME_MAX - 32)
		return md_fail(md, MD_EINVAL, _("path too long: %s"), path);
	strcpy(stem, base);
	if ((dot = strrchr(stem, '.')) && dot != stem)
		*dot = '\0';
	return MD_OK;
}

int
backup_place_ours(struct md *md, struct backup_place *p)
{
	int rc;

	memset(p, 0, sizeof *p);
	if ((rc = split_path(md, md->path, p->home, p->stem)))
		return rc;
	if (snprintf(p->dir, sizeof p->dir, "%s/%s", p->home, BACKUP_DIR) >=
	    (int)sizeof p->dir)
		return md_fail(md, MD_EINVAL, _("path too long: %s"), p->home);
	p->ours = true;
	return settings_get_int(md, "backup_keep", &p->keep);
}

int
backup_dir_ready(struct md *md, const struct backup_place *p)
{
	struct stat st;
	int err = 0;

	if (p->ours) {
		if (mkdir(p->dir, 0700) == 0) {
			/* 0700 whatever the umask: the copies hold phone
			 * numbers, and an odd umask must not lock us out. */
			if (chmod(p->dir, 0700) == 0)
				return MD_OK;
			err = errno;
		} else if (errno != EEXIST) {
			err = errno;
		}
	}
	if (!err && stat(p->dir, &st) != 0)
		err = errno;
	if (err)
		return md_fail(md, MD_EIO, _("cannot write backups to %s: %s"), p->dir,
			       strerror(err));
	if (!S_ISDIR(st.st_mode))
		return md_fail(md, MD_EIO, _("cannot write backups to %s: it is not a folder"),
			       p->dir);
	if (access(p->dir, W_OK | X_OK) != 0)
		return md_fail(md, MD_EIO, _("cannot write backups to %s: %s"), p->dir,
			       strerror(errno));
	return MD_OK;
}

int
backup_lock(struct md *md, const char *dir, bool wait, int *fd)
{
	int err;

	*fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (*fd < 0)
		return md_fail(md, MD_EIO, _("cannot write backups to %s: %s"), dir,
			       strerror(errno));
	while (flock(*fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
		if (errno == EINTR)
			continue;
		err = errno;
		close(*fd);
		*fd = -1;
		if (err == EWOULDBLOCK)
			return md_fail(md, MD_ECONFLICT,
				       _("another memberdesk is writing a backup to %s"), dir);
		return md_fail(md, MD_EIO, _("cannot lock %s: %s"), dir, strerror(err));
	}
	return MD_OK;
}

int
backup_temp(struct md *md, const char *dir, const char *name, bool dated,
	    char path[BACKUP_PATH_MAX], int *fd)
{
	/* Hidden, and named so that sweep() tells the leftovers of a killed
	 * dated backup from anything else in the folder. */
	if (snprintf(path, BACKUP_PATH_MAX, dated ? "%s/.%s-tmp-XXXXXX" : "%s/.%s.tmp-XXXXXX",
		     dir, name) >= BACKUP_PATH_MAX) {
		*path = '\0';
		return md_fail(md, MD_EINVAL, _("path too long: %s"), dir);
	}
	*fd = mkostemp(path, O_CLOEXEC);
	if (*fd < 0) {
		*path = '\0';
		return md_fail(md, MD_EIO, _("cannot write a backup in %s: %s"), dir,
			       strerror(errno));
	}
	if (fchmod(*fd, 0600) != 0) {
		int err = errno;

		close(*fd);
		*fd = -1;
		backup_unlink(path);
		*path = '\0';
		return md_fail(md, MD_EIO, _("cannot write a backup in %s: %s"), dir,
			       strerror(err));
	}
	return MD_OK;
}

void
backup_unlink(const char *path)
{
	static const char *const sides[] = {"", "-journal", "-wal", "-shm"};
	char side[BACKUP_PATH_MAX + 16];
	size_t i;

	for (i = 0; i < sizeof sides / sizeof *sides; i++) {
		snprintf(side, sizeof side, "%s%s", path, sides[i]);
		unlink(side);
	}
}

/* The leftovers of dated backups that were killed half-way.  Called
 * under the folder's lock, when no other backup is writing there. */
static void
sweep(const struct backup_place *p)
{
	char prefix[BACKUP_NAME_MAX + 8], path[BACKUP_PATH_MAX + BACKUP_NAME_MAX];
	const char *rest;
	struct dirent *e;
	DIR *d;
	size_t n;

	snprintf(prefix, sizeof prefix, ".%s-tmp-", p->stem);
	n = strlen(prefix);
	if (!(d = opendir(p->dir)))
		return;
	while ((e = readdir(d))) {
		if (strncmp(e->d_name, prefix, n) || strlen(e->d_name + n) < 6)
			continue;
		rest = e->d_name + n + 6;
		if (*rest && strcmp(rest, "-journal") && strcmp(rest, "-wal") &&
		    strcmp(rest, "-shm"))
			continue;
		snprintf(path, sizeof path, "%s/%s", p->dir, e->d_name);
		unlink(path);
	}
	closedir(d);
}

/* One row of integers from SQL on DB into V[0..N). */
static int
query_ints(sqlite3 *db, const char *sql, int64_t *v, int n)
{
	sqlite3_stmt *st;
	int rc, i;

	if ((rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL)) != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	for (i = 0; rc == SQLITE_ROW && i < n; i++)
		v[i] = sqlite3_column_int64(st, i);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? SQLITE_OK : sqlite3_errcode(db);
}

static int
read_ident(sqlite3 *db, struct backup_ident *id)
{
	int64_t v[4] = {0};
	int rc = query_ints(db, ident_sql, v, 4);

	id->app = v[0];
	id->version = v[1];
	id->objects = v[2];
	id->page_size = v[3];
	return rc;
}

int
backup_shop_empty(struct md *md, bool *empty)
{
	int64_t v;
	int rc = db_int(md, empty_sql, &v);

	*empty = v != 0;
	return rc;
}

/* SQLite's word for RC on DB, or the system's when it has one. */
static const char *
why_failed(sqlite3 *db, int rc)
{
	int err = db ? sqlite3_system_errno(db) : 0;

	if ((rc & 0xff) == SQLITE_IOERR && err)
		return strerror(err);
	return db && sqlite3_errcode(db) == rc ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
}

int
backup_snapshot(struct md *md, const char *path, const char *label, sqlite3 **db,
		struct backup_ident *id)
{
	int rc;

	rc = sqlite3_open_v2(path, db, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(*db, BUSY_TIMEOUT_MS);
		rc = sqlite3_exec(*db, "BEGIN", NULL, NULL, NULL);
	}
	/* The first read starts the transaction that the copy then reads. */
	if (rc == SQLITE_OK)
		rc = read_ident(*db, id);
	if (rc == SQLITE_OK)
		return MD_OK;
	if ((rc & 0xff) == SQLITE_NOTADB)
		rc = md_fail(md, MD_EINVAL, _("%s is not an SQLite database"), label);
	else if ((rc & 0xff) == SQLITE_CORRUPT)
		rc = md_fail(md, MD_EDB, _("%s is damaged (%s)"), label, sqlite3_errstr(rc));
	else
		rc = md_fail(md, MD_EIO, _("cannot read %s: %s"), label, why_failed(*db, rc));
	sqlite3_close(*db);
	*db = NULL;
	return rc;
}

void
backup_snapshot_close(sqlite3 *db)
{
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(db);
}

static int
copy_fail(struct md *md, sqlite3 *db, int rc, const char *label)
{
	switch (rc & 0xff) {
	case SQLITE_FULL:
		return md_fail(md, MD_EIO, _("cannot write %s: the disk is full"), label);
	case SQLITE_INTERRUPT:
		return md_fail(md, MD_EIO, _("the backup was stopped"));
	case SQLITE_NOMEM:
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	case SQLITE_CORRUPT:
		return md_fail(md, MD_EDB, _("cannot read the database: %s (run \"memberdesk check\")"),
			       sqlite3_errstr(rc));
	}
	return md_fail(md, MD_EIO, _("cannot write %s: %s"), label, why_failed(db, rc));
}

/* The source is in WAL mode and the copy says so too, so that opening
 * it would grow -wal and -shm files beside it: make it one file that
 * stands on its own (a memory stick, an e-mail). */
static int
self_contained(sqlite3 *db)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = sqlite3_prepare_v2(db, "PRAGMA journal_mode=DELETE", -1, &st, NULL)))
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rc = strcmp((const char *)sqlite3_column_text(st, 0), "delete")
		     ? SQLITE_ERROR : SQLITE_OK;
	sqlite3_finalize(st);
	return rc;
}

int
backup_copy(struct md *md, sqlite3 *src, const char *path, const char *label,
	    const atomic_bool *cancel)
{
	sqlite3_backup *b;
	sqlite3 *dst = NULL;
	int rc;

	rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL);
	/* No journal: a copy that fails is thrown away whole; the file is
	 * synced once, at the end. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(dst, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF",
				  NULL, NULL, NULL);
	if (rc == SQLITE_OK && !(b = sqlite3_backup_init(dst, "main", src, "main")))
		rc = sqlite3_errcode(dst);
	if (rc != SQLITE_OK)
		goto out;
	/* SRC holds a read transaction, so every step reads one snapshot:
	 * a commit by another process does not make the copy start over,
	 * and a busy counter cannot keep it from ever finishing. */
	do {
		rc = sqlite3_backup_step(b, STEP_PAGES);
		if (rc == SQLITE_OK && cancel && atomic_load(cancel))
			rc = SQLITE_INTERRUPT;
	} while (rc == SQLITE_OK);
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		rc = self_contained(dst);
out:
	if (rc != SQLITE_OK)
		rc = copy_fail(md, dst, rc, label);
	sqlite3_close(dst);
	return rc;
}

/* SQLite's finding S, without its "*** in database main ***" line. */
static void
one_line(char *out, size_t n, const char *s)
{
	static const char head[] = "*** in database main ***\n";
	char *p;

	if (!strncmp(s, head, sizeof head - 1))
		s += sizeof head - 1;
	snprintf(out, n, "%s", s);
	for (p = out; (p = strchr(p, '\n')); )
		*p = ' ';
}

static int
on_progress(void *cancel)
{
	return cancel && atomic_load((const atomic_bool *)cancel);
}

/* Open the file at PATH afresh and prove it: SQLite's integrity check
 * (*OK, the first problem in WHY) and what it says it is (*ID). */
static int
verify(struct md *md, const char *path, const atomic_bool *cancel, bool *ok,
       char *why, size_t n, struct backup_ident *id)
{
	sqlite3_stmt *st = NULL;
	sqlite3 *db = NULL;
	int rc;

	*ok = false;
	memset(id, 0, sizeof *id);
	rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_progress_handler(db, 1000, on_progress, (void *)cancel);
		rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check(1)", -1, &st, NULL);
	}
	if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		one_line(why, n, (const char *)sqlite3_column_text(st, 0));
		*ok = !strcmp(why, "ok");
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK && *ok)
		rc = read_ident(db, id);
	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB) {
		snprintf(why, n, "%s", sqlite3_errstr(rc));
		rc = SQLITE_OK;
	}
	if (rc != SQLITE_OK)
		rc = (rc & 0xff) == SQLITE_INTERRUPT ? copy_fail(md, db, rc, path)
		     : md_fail(md, MD_EIO, _("cannot read %s: %s"), path, why_failed(db, rc));
	sqlite3_close(db);
	return rc;
}

int
backup_integrity(struct md *md, const char *path, const atomic_bool *cancel,
		 bool *ok, char *why, size_t n)
{
	struct backup_ident id;

	return verify(md, path, cancel, ok, why, n, &id);
}

static int
sync_dir(struct md *md, const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc = MD_OK;

	/* Some file systems cannot sync a directory (EINVAL): nothing to do. */
	if (fd < 0 || (fsync(fd) != 0 && errno != EINVAL))
		rc = md_fail(md, MD_EIO, _("cannot write %s: %s"), dir, strerror(errno));
	if (fd >= 0)
		close(fd);
	return rc;
}

/* P's dated name for the clock and SEQ; false when it does not fit. */
static bool
dated_name(const struct md *md, const struct backup_place *p, int seq,
	   char out[BACKUP_PATH_MAX])
{
	char stamp[STAMP_LEN + 1];
	struct tm tm;
	int n;

	localtime_r(&md->now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%d-%H%M%S", &tm);
	if (seq == 1)
		n = snprintf(out, BACKUP_PATH_MAX, "%s/%s-%s.db", p->dir, p->stem, stamp);
	else
		n = snprintf(out, BACKUP_PATH_MAX, "%s/%s-%s-%d.db", p->dir, p->stem,
			     stamp, seq);
	return n < BACKUP_PATH_MAX;
}

bool
backup_name_key(const char *stem, const char *name, char key[BACKUP_KEY_MAX])
{
	static const char shape[] = "dddd-dd-dd-dddddd";
	size_t n = strlen(stem), i;
	unsigned long seq = 1;
	const char *p;
	char *end;

	if (strncmp(name, stem, n) || name[n] != '-')
		return false;
	p = name + n + 1;
	for (i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)p[i]) : p[i] != shape[i])
			return false;
	p += STAMP_LEN;
	if (*p == '-') {
		if (!isdigit((unsigned char)p[1]) || p[1] == '0')
			return false;
		seq = strtoul(p + 1, &end, 10);
		if (seq < 2 || seq > MAX_SEQ)
			return false;
		p = end;
	}
	if (strcmp(p, ".db"))
		return false;
	snprintf(key, BACKUP_KEY_MAX, "%.17s-%03lu", name + n + 1, seq);
	return true;
}

struct dated {
	char key[BACKUP_KEY_MAX];
	char name[BACKUP_NAME_MAX];
};

static int
by_key(const void *a, const void *b)
{
	return strcmp(((const struct dated *)a)->key, ((const struct dated *)b)->key);
}

/* The dated backups of STEM in DIR, oldest first. */
static int
list_dated(struct md *md, const char *dir, const char *stem, struct dated **v,
	   size_t *n)
{
	struct dirent *e;
	size_t cap = 0;
	char key[BACKUP_KEY_MAX];
	DIR *d;

	*v = NULL;
	*n = 0;
	if (!(d = opendir(dir)))
		return errno == ENOENT ? MD_OK
		       : md_fail(md, MD_EIO, _("cannot read %s: %s"), dir, strerror(errno));
	while ((e = readdir(d))) {
		if (strlen(e->d_name) >= BACKUP_NAME_MAX || !backup_name_key(stem, e->d_name, key))
			continue;
		if (!md_grow(md, v, &cap, *n, sizeof **v)) {
			closedir(d);
			free(*v);
			*v = NULL;
			return MD_ENOMEM;
		}
		strcpy((*v)[*n].key, key);
		strcpy((*v)[(*n)++].name, e->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(*v, *n, sizeof **v, by_key);
	return MD_OK;
}

/* File systems without hard links (FAT on a memory stick). */
static bool
no_links(int err)
{
	return err == EPERM || err == ENOTSUP || err == EOPNOTSUPP || err == ENOSYS ||
	       err == EMLINK;
}

/* The highest number of a dated backup of P taken in this very second
 * (0: none), so that the next one sorts after it even when older ones of
 * that second were pruned. */
static int
last_seq(struct md *md, const struct backup_place *p)
{
	char first[BACKUP_PATH_MAX];
	const char *stamp = first + strlen(p->dir) + strlen(p->stem) + 2;
	struct dated *v;
	size_t n, i;
	int seq = 0;

	if (!dated_name(md, p, 1, first) || list_dated(md, p->dir, p->stem, &v, &n))
		return 0;
	for (i = 0; i < n; i++)
		if (!strncmp(v[i].key, stamp, STAMP_LEN))
			seq = atoi(v[i].key + STAMP_LEN + 1);
	free(v);
	return seq;
}

/* Give the verified copy TMP its name: P's file (replaced), or the first
 * free dated name.  link() claims a dated name atomically, where rename()
 * would replace a backup another memberdesk took in the same second. */
static int
put_in_place(struct md *md, const struct backup_place *p, const char *tmp,
	     char out[BACKUP_PATH_MAX])
{
	int seq, err = 0;

	if (*p->file) {
		if (rename(tmp, p->file) != 0)
			return md_fail(md, MD_EIO, _("cannot write %s: %s"), p->file,
				       strerror(errno));
		snprintf(out, BACKUP_PATH_MAX, "%s", p->file);
		return sync_dir(md, p->dir);
	}
	for (seq = last_seq(md, p) + 1; seq <= MAX_SEQ; seq++) {
		if (!dated_name(md, p, seq, out)) {
			err = ENAMETOOLONG;
			break;
		}
		if (link(tmp, out) == 0 ||
		    (no_links(errno) && access(out, F_OK) != 0 && rename(tmp, out) == 0)) {
			unlink(tmp);
			return sync_dir(md, p->dir);
		}
		err = errno;
		if (err != EEXIST && !no_links(err))
			break;
	}
	md_fail(md, MD_EIO, _("cannot write %s: %s"), out, strerror(err));
	*out = '\0';
	return MD_EIO;
}

/* The copy reads back as what was copied: memberdesk's, our schema. */
static int
check_copy(struct md *md, const struct backup_ident *id)
{
	if (id->app != DB_APPLICATION_ID || id->version != db_schema_version())
		return md_fail(md, MD_EDB,
			       _("the copy does not read back as a memberdesk database of schema %d"),
			       db_schema_version());
	return MD_OK;
}

/* Copy, verify, sync and name, from SRC (a snapshot) to the temporary
 * file TMP, open as FD. */
static int
copy_verified(struct md *md, const struct backup_place *p, sqlite3 **src,
	      const char *tmp, int fd, const atomic_bool *cancel,
	      struct backup_result *res)
{
	const char *label = *p->file ? p->file : p->dir;
	struct backup_ident id;
	char why[512];
	bool ok;
	int rc;

	if ((rc = backup_copy(md, *src, tmp, label, cancel)))
		return rc;
	backup_snapshot_close(*src);
	*src = NULL;
	if ((rc = verify(md, tmp, cancel, &ok, why, sizeof why, &id)))
		return rc;
	if (!ok && !p->allow_damaged)
		return md_fail(md, MD_EDB,
			       _("the copy failed SQLite's integrity check (%s), so the database itself may be damaged: run \"memberdesk check\""),
			       why);
	if (ok && (rc = check_copy(md, &id)))
		return rc;
	res->damaged = !ok;
	if (fsync(fd) != 0)
		return md_fail(md, MD_EIO, _("cannot write %s: %s"), label, strerror(errno));
	return put_in_place(md, p, tmp, res->path);
}

int
backup_write(struct md *md, const struct backup_place *p, const atomic_bool *cancel,
	     struct backup_result *res)
{
	char tmp[BACKUP_PATH_MAX] = "";
	const char *slash = strrchr(p->file, '/');
	struct backup_ident id;
	sqlite3 *src = NULL;
	int64_t empty = 0;
	int fd = -1, rc;

	memset(res, 0, sizeof *res);
	res->keep = p->keep;
	if ((rc = backup_snapshot(md, md->path, md->path, &src, &id)))
		return rc;
	if (p->skip_empty && query_ints(src, empty_sql, &empty, 1) == SQLITE_OK && empty)
		goto out;
	/* A dated copy's temporary name is made from the database's, one
	 * for a file the user named from that file's. */
	if ((rc = backup_temp(md, p->dir, !*p->file ? p->stem : slash ? slash + 1 : p->file,
			      !*p->file, tmp, &fd)) ||
	    (rc = copy_verified(md, p, &src, tmp, fd, cancel, res)))
		goto out;
	if (p->ours && p->keep > 0)
		rc = backup_prune(md, p->dir, p->stem, p->keep, res->path, &res->pruned);
out:
	if (src)
		backup_snapshot_close(src);
	if (fd >= 0)
		close(fd);
	if (rc && *tmp && !*res->path)
		backup_unlink(tmp);
	return rc;
}

int
backup_prune(struct md *md, const char *dir, const char *stem, int64_t keep,
	     const char *spare, int *removed)
{
	char path[BACKUP_PATH_MAX + BACKUP_NAME_MAX];
	const char *slash = spare ? strrchr(spare, '/') : NULL;
	struct dated *v;
	size_t n, i, left;
	int rc;

	*removed = 0;
	if (keep <= 0)
		return MD_OK;
	if ((rc = list_dated(md, dir, stem, &v, &n)))
		return rc;
	spare = slash ? slash + 1 : spare;
	for (i = 0, left = n; i < n && left > (size_t)keep; i++) {
		if (spare && !strcmp(v[i].name, spare))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, v[i].name);
		if (unlink(path) != 0 && errno != ENOENT) {
			rc = md_fail(md, MD_EIO, _("cannot remove the old backup %s: %s"), path,
				     strerror(errno));
			break;
		}
		(*removed)++;
		left--;
	}
	free(v);
	return rc;
}

/* Whether P's folder holds a dated backup of today. */
static int
has_today(struct md *md, const struct backup_place *p, bool *found)
{
	struct dated *v;
	char today[11];
	size_t n, i;
	int rc;

	*found = false;
	if ((rc = list_dated(md, p->dir, p->stem, &v, &n)))
		return rc;
	clock_today_text(md, today);
	for (i = 0; i < n && !*found; i++)
		*found = !strncmp(v[i].key, today, 10);
	free(v);
	return MD_OK;
}

/* Whether the database at PATH is itself a dated backup of some
 * database ("memberdesk-2026-12-01-093000.db"): one opened to look at
 * an old day, which needs no backups of its own. */
static bool
is_dated_backup(const char *path)
{
	const char *slash = strrchr(path, '/'), *name = slash ? slash + 1 : path, *dash;
	char stem[BACKUP_NAME_MAX], key[BACKUP_KEY_MAX];

	for (dash = strchr(name, '-'); dash; dash = strchr(dash + 1, '-')) {
		if ((size_t)(dash - name) >= sizeof stem)
			break;
		memcpy(stem, name, dash - name);
		stem[dash - name] = '\0';
		if (backup_name_key(stem, name, key))
			return true;
	}
	return false;
}

int
backup_due(struct md *md, bool *due)
{
	struct backup_place p;
	struct stat st;
	bool empty, found;
	int rc;

	*due = false;
	if ((rc = backup_place_ours(md, &p)) || p.keep == 0)
		return rc;
	/* A database kept where this user may not write (a read-only
	 * share, one open for reading only) gets no backups folder, and no
	 * note about it either; nor does a backup that someone opens to
	 * look at an old day. */
	if (md->readonly || access(p.home, W_OK | X_OK) != 0 || is_dated_backup(md->path))
		return MD_OK;
	if ((rc = backup_shop_empty(md, &empty)) || empty)
		return rc;
	if (stat(p.dir, &st) == 0 && (rc = backup_dir_ready(md, &p)))
		return rc;
	if ((rc = has_today(md, &p, &found)))
		return rc;
	*due = !found;
	return MD_OK;
}

int
backup_daily_write(struct md *md, const struct backup_place *p,
		   const atomic_bool *cancel, bool *done, struct backup_result *res)
{
	bool found;
	int lock, rc;

	*done = false;
	memset(res, 0, sizeof *res);
	if ((rc = backup_dir_ready(md, p)))
		return rc;
	rc = backup_lock(md, p->dir, false, &lock);
	if (rc == MD_ECONFLICT)
		return MD_OK;	/* another memberdesk is writing it right now */
	if (rc)
		return rc;
	sweep(p);
	/* Again under the lock: another memberdesk may have written
	 * today's while this one was looking. */
	if (!(rc = has_today(md, p, &found)) && !found) {
		rc = backup_write(md, p, cancel, res);
		*done = rc == MD_OK && *res->path;
	}
	close(lock);
	return rc;
}

int
backup_daily(struct md *md, bool *done, struct backup_result *res)
{
	struct backup_place p;
	bool due;
	int rc;

	*done = false;
	memset(res, 0, sizeof *res);
	if ((rc = backup_due(md, &due)) || !due || (rc = backup_place_ours(md, &p)))
		return rc;
	p.skip_empty = true;
	/* Today's backup is the rules' doing, as maint_ensure's are. */
	md->on_behalf = true;
	rc = backup_daily_write(md, &p, NULL, done, res);
	md->on_behalf = false;
	return rc;
}

static bool
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

bool
backup_is_database(const struct md *md, const char *file)
{
	static const char *const sides[] = {"", "-wal", "-shm", "-journal"};
	char side[BACKUP_PATH_MAX + 16];
	size_t i;

	for (i = 0; i < sizeof sides / sizeof *sides; i++) {
		snprintf(side, sizeof side, "%s%s", md->path, sides[i]);
		if (same_file(file, side))
			return true;
	}
	return false;
}

/* Point P (the backups folder) at FILE, where the user asked for it. */
static int
aim(struct md *md, const char *file, struct backup_place *p)
{
	char stem[BACKUP_NAME_MAX];
	struct stat st;
	bool exists = stat(file, &st) == 0;

	if (exists && S_ISDIR(st.st_mode)) {
		/* A folder gets a dated name; the backups folder itself
		 * is then pruned as usual, any other is not. */
		if (!same_file(file, p->dir)) {
			snprintf(p->dir, sizeof p->dir, "%s", file);
			p->ours = false;
			p->keep = 0;
		}
		return MD_OK;
	}
	if (backup_is_database(md, file))
		return md_fail(md, MD_EINVAL, _("cannot back up to %s: it is the database itself"),
			       file);
	if (exists && !S_ISREG(st.st_mode))
		return md_fail(md, MD_EINVAL, _("cannot back up to %s: it is not a regular file"),
			       file);
	if (strlen(file) >= sizeof p->file)
		return md_fail(md, MD_EINVAL, _("path too long: %s"), file);
	snprintf(p->file, sizeof p->file, "%s", file);
	p->ours = false;
	p->keep = 0;
	return split_path(md, file, p->dir, stem);
}

/* A backup the owner asked for takes every member's data somewhere: an
 * audit row says where, as for an export, before the copy (which then
 * holds it too). */
static int
audit_backup(struct md *md, const struct backup_place *p)
{
	char full[BACKUP_PATH_MAX];
	const char *to = *p->file ? p->file : p->dir;
	int rc;

	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, audit_log_pairs(md, ACTION_DATABASE_BACKUP, 0, "to",
					  realpath(to, full) ? full : to, NULL));
}

int
backup_make(struct md *md, const char *file, struct backup_result *res)
{
	struct backup_place p;
	int lock = -1, rc;

	memset(res, 0, sizeof *res);
	if ((rc = operator_may(md, ACTION_DATABASE_BACKUP)))
		return rc;
	if ((rc = backup_place_ours(md, &p)) || (file && (rc = aim(md, file, &p))) ||
	    (rc = backup_dir_ready(md, &p)) || (rc = audit_backup(md, &p)))
		return rc;
	/* The owner asked: wait for an automatic backup that is running. */
	if (p.ours) {
		if ((rc = backup_lock(md, p.dir, true, &lock)))
			return rc;
		sweep(&p);
	}
	rc = backup_write(md, &p, NULL, res);
	if (lock >= 0)
		close(lock);
	return rc;
}

/* The chain's head in FILE: its last hashed audit row and how many rows
 * lead up to it; and the hash of its row PROBE.  A backup from before
 * the chain has none (last_id 0). */
static int
chain_of(struct md *md, const char *file, struct audit_chain *c,
	 int64_t probe, char probe_hash[AUDIT_HASH_LEN + 1])
{
	struct backup_ident id;
	sqlite3_stmt *st = NULL;
	sqlite3 *db;
	int rc;

	if ((rc = backup_snapshot(md, file, file, &db, &id)))
		return rc;
	if (sqlite3_prepare_v2(db, "SELECT hash FROM audit WHERE id = ?1", -1, &st,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, probe);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
			snprintf(probe_hash, AUDIT_HASH_LEN + 1, "%s",
				 (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT value FROM settings WHERE key = 'database_id'", -1,
			       &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		snprintf(c->database_id, sizeof c->database_id, "%s",
			 (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT id, hash, (SELECT count(*) FROM audit b"
			       " WHERE b.id <= a.id) FROM audit a WHERE hash IS NOT NULL"
			       " ORDER BY id DESC LIMIT 1", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		c->last_id = sqlite3_column_int64(st, 0);
		snprintf(c->hash, sizeof c->hash, "%s", (const char *)sqlite3_column_text(st, 1));
		c->rows = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	backup_snapshot_close(db);
	return MD_OK;
}

int
backup_latest_chain(struct md *md, char path[BACKUP_PATH_MAX], struct audit_chain *c,
		    int64_t probe, char probe_hash[AUDIT_HASH_LEN + 1])
{
	struct backup_place p;
	struct dated *v;
	size_t n;
	int rc;

	memset(c, 0, sizeof *c);
	*path = *probe_hash = '\0';
	if ((rc = backup_place_ours(md, &p)) || (rc = list_dated(md, p.dir, p.stem, &v, &n)))
		return rc;
	if (n && snprintf(path, BACKUP_PATH_MAX, "%s/%s", p.dir, v[n - 1].name) >=
		 BACKUP_PATH_MAX)
		rc = md_fail(md, MD_EINVAL, _("path too long: %s"), p.dir);
	else if (n)
		rc = chain_of(md, path, c, probe, probe_hash);
	free(v);
	return rc;
}
