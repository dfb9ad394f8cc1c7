/* db.h - the shop database: opening, closing, transactions, waiting
 *
 * What the faces may use.  The core's modules write their statements
 * through db_sql.h; only the storage module knows it is SQLite. */
#ifndef MD_DB_H
#define MD_DB_H

#include <stdbool.h>

#include "core/md.h"

/* "MDSK" in the SQLite header's application_id field, so that memberdesk
 * never mistakes another program's database for its own. */
#define DB_APPLICATION_ID 0x4D44534B

/* The default database: $XDG_DATA_HOME/memberdesk/memberdesk.db, else
 * ~/.local/share/memberdesk/memberdesk.db.  Returns a malloc'ed path or
 * NULL (md->err says why). */
char *db_default_path(struct md *md);

/* Open (creating when absent, mode 0600) and migrate the database at
 * PATH.  MKDIRS creates missing parent directories with mode 0700 (used
 * for the default location only: a mistyped --db should not grow
 * directories).  A database from a newer memberdesk is refused untouched. */
int db_open(struct md *md, const char *path, bool mkdirs);
void db_close(struct md *md);

/* Whether connections may be used from threads of their own (SQLite
 * built thread-safe, as Debian's is). */
bool db_threadsafe(void);

/* Transactions nest: the outermost db_begin() is BEGIN IMMEDIATE (so a
 * second writer waits on the busy timeout at the start rather than
 * failing half-way), inner ones are savepoints.  db_end() commits or
 * releases when STATUS is MD_OK and rolls back otherwise; it returns
 * STATUS, or MD_EDB when the commit itself failed.  In bulk mode
 * (md->bulk) inner levels take no savepoint: see md.h. */
int db_begin(struct md *md);
int db_end(struct md *md, int status);

/* Work that holds the write lock for long: an import of a big file,
 * the daily rules or a tier review of a large shop. */
enum db_long {
	DB_LONG_IMPORT,		/* DETAIL: the file */
	DB_LONG_DAILY,
	DB_LONG_TIERS,
	DB_LONG_EXPIRY,
	DB_LONG_RESTORE,	/* DETAIL: the backup restored */
};

/* db_begin() for such work: once it holds the lock it leaves a note
 * beside the database (FILE-busy: what, by whom, since when, its pid),
 * so that a sale at the counter waiting behind it waits as long as it
 * takes, saying for what, instead of failing after the busy timeout.
 * The outermost db_end() takes the note away. */
int db_begin_long(struct md *md, enum db_long kind, const char *detail);

/* The same note for long work that holds the lock another way (a
 * restore copies into the database with SQLite's backup API): leave it
 * once the lock is held, take it away once it is let go. */
void db_note_long(struct md *md, enum db_long kind, const char *detail);
void db_note_done(struct md *md);

/* While a write waits for another memberdesk's lock, FN is told about
 * once a second: how long so far, and what holds the lock ("the import
 * of members.csv (张三, since 10:02)"), or NULL when it is not known to
 * be long work (then the wait ends after the busy timeout, 10 s).  FN
 * returns false to give up: the write then fails as busy. */
void db_on_wait(struct md *md,
		bool (*fn)(void *arg, int waited_ms, const char *holder), void *arg);

/* The schema version this memberdesk writes. */
int db_schema_version(void);

#endif
