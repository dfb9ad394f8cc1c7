/* md.h - the context every core function takes, and its status codes */
#ifndef MD_MD_H
#define MD_MD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct sqlite3;
struct sqlite3_stmt;
struct rfm_cache;

/* What a core call can end with.  Faces map these to exit codes and to
 * the status line; the message itself is in md->err. */
enum md_status {
	MD_OK = 0,
	MD_EINVAL,	/* the input was rejected */
	MD_ENOTFOUND,	/* no such member, sale, ... */
	MD_ECONFLICT,	/* the input clashes with what is stored */
	MD_EDB,		/* the database failed or refused */
	MD_EIO,		/* a file could not be read or written */
	MD_ENOMEM,
	MD_EPERM,	/* the operator may not do it, or is not who they say */
};

#define MD_STMT_CACHE 64
#define MD_TX_MAX 16		/* nesting of db_begin() in bulk mode */

/* One open shop database and everything a core call needs beside its
 * arguments.  There are no globals: faces create one and pass it down. */
struct md {
	struct sqlite3 *db;
	char *path;
	/* Opened for reading only: the file, its directory or the file
	 * system may not be written.  readonly_why says which, for the
	 * message of every write that is refused (db_begin). */
	bool readonly;
	char readonly_why[320];
	/* Something the face should tell the user once (a database others
	 * can read; an empty file), and clear: not an error. */
	char notice[640];
	/* Waiting for another memberdesk's write lock (db.c's busy handler):
	 * the face's callback, and how long this wait has lasted. */
	bool (*on_wait)(void *arg, int waited_ms, const char *holder);
	void *wait_arg;
	int waited_ms, told_ms;
	bool wait_long;		/* the holder said its work is long */
	bool holding_note;	/* we left a -busy note (db_begin_long) */
	char operator_name[64];
	/* operator.h's enum operator_role: who operator_name is, once signed in;
	 * OPERATOR_NOBODY in a shop without operators, which may do all. */
	int role;
	/* The daily rules (and the daily backup) at work, on behalf of
	 * whoever is there: what they do is allowed whatever the role. */
	bool on_behalf;
	time_t now;		/* the clock (clock.h); MEMBERDESK_NOW pins it for tests */
	bool clock_pinned;
	int tx_depth;		/* nesting of db_begin() */
	bool tx_failed;
	/* Bulk mode (imports): nested db_begin() takes no SAVEPOINT, because
	 * FTS5 flushes its index at every savepoint and a million tiny
	 * flushes make a bulk load crawl.  A nested level that fails after
	 * writing then fails the whole transaction (tx_changes says whether
	 * it wrote); one that fails before writing costs nothing.  Audit
	 * rows written in bulk mode are sealed (audit_seal) by the next one
	 * written outside it, in the same transaction. */
	bool bulk;
	int64_t tx_changes[MD_TX_MAX];
	struct {
		const char *sql;
		struct sqlite3_stmt *stmt;
	} cache[MD_STMT_CACHE];
	/* rfm_table.c's own (what it last scored into its temporary table):
	 * malloc'ed by it, freed with the connection. */
	struct rfm_cache *rfm;
	/* money.c's: the shop's currency and decimals, read from the
	 * settings at first use (money_forget() when they change). */
	struct {
		bool known;
		int currency;	/* an index into money.c's table */
		int decimals;	/* money_decimals: 2 or 0 */
	} money;
	/* The face's word for an input the core names in a message: NULL
	 * (the command line) keeps the option ("--move-to"); a screen gives
	 * its field's label.  Through md_input(). */
	const char *(*input_name)(void *arg, const char *option);
	void *input_arg;
	char err[1024];
};

/* Record why a call failed; returns STATUS so callers can write
 * "return md_fail(md, MD_EINVAL, ...)". */
int md_fail(struct md *md, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Make room for one more element in the array *P of *N elements of SIZE
 * bytes (capacity *CAP), doubling as needed.  Returns false, with the
 * message in md->err, when memory runs out (*P is left as it was). */
bool md_grow(struct md *md, void *p, size_t *cap, size_t n, size_t size);

/* How the face calls OPTION ("--move-to"), for a message. */
const char *md_input(struct md *md, const char *option);

/* Initialise the context: the operator from the login name.  The clock
 * is clock_init()'s. */
int md_init(struct md *md);

#endif
