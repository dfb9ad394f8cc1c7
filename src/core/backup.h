/* backup.h - verified copies of the shop database, and putting one back */
#ifndef MD_BACKUP_H
#define MD_BACKUP_H

#include <stdbool.h>
#include <stdint.h>

#include "core/audit.h"
#include "core/md.h"

/* The folder beside the database that dated backups go to. */
#define BACKUP_DIR "backups"
#define BACKUP_PATH_MAX 4096

struct backup_result {
	char path[BACKUP_PATH_MAX];	/* the backup written; "" when none */
	int pruned;			/* older dated backups removed */
	int64_t keep;			/* backup_keep, when they were */
	bool damaged;			/* restore: kept though it failed the integrity check */
};

/* Copy the open database, through SQLite's backup API from a snapshot of
 * its own (so sales may go on), to a temporary file with mode 0600,
 * after an audit row that says where to (as an export writes one);
 * verify it (integrity check, memberdesk's application id, our schema
 * version); only then rename it into place and sync it.  FILE NULL
 * writes a dated file in the backups folder beside the database (made
 * 0700) and then keeps only the newest backup_keep dated backups there;
 * a directory gets a dated file of its own; anything else is the file
 * to write (replaced whole).  A failure leaves no file behind. */
int backup_make(struct md *md, const char *file, struct backup_result *res);

/* Whether today's automatic backup is still to do: backup_keep is not 0,
 * the shop is not empty, the database's folder is writable (a shop that
 * keeps it read-only is not nagged), the database is not itself a dated
 * backup, and the backups folder holds no dated backup of today.  An error means the owner has something to fix (the
 * backups folder is not a writable folder). */
int backup_due(struct md *md, bool *due);

/* Today's automatic backup, when backup_due says so; *DONE says whether
 * one was written (another memberdesk writing one at the same moment is
 * not an error).  For the command line, after the command's work. */
int backup_daily(struct md *md, bool *done, struct backup_result *res);

/* The same in a thread of its own, for the full-screen interface: an
 * integrity check of a large shop takes longer than anyone should wait
 * at the counter.  *JOB is NULL when nothing is due. */
struct backup_job;
int backup_daily_start(struct md *md, struct backup_job **job);
bool backup_job_done(struct backup_job *job);
/* Wait for JOB (with CANCEL, stop it first: no file is left) and free
 * it; its result as backup_daily's, the message in md->err. */
int backup_job_end(struct md *md, struct backup_job *job, bool cancel,
		   bool *done, struct backup_result *res);

struct backup_restored {
	int from_version;		/* FILE's schema */
	int to_version;			/* after the migrations */
	struct backup_result kept;	/* the database it replaced; path "" when that was empty */
	int64_t problems;		/* what "memberdesk check" finds in it */
};

/* Put the backup FILE in place of the open database.  FILE is proved
 * first (not the database itself, not empty, SQLite's integrity check,
 * memberdesk's application id, a schema no newer than ours), upgraded on
 * a copy through the normal migrations and checked; then, holding the
 * database's write lock, the database as it was is kept as a dated
 * backup and FILE's content is copied into it with an audit row.  Any
 * refusal leaves the database exactly as it was. */
int backup_restore(struct md *md, const char *file, struct backup_restored *r);

/* The newest dated backup in the backups folder beside the database
 * (PATH; "" when there is none), the head of the audit chain it holds,
 * and the hash of its audit row PROBE ("" when none): so that check can
 * tell rows cut from the end of the log. */
int backup_latest_chain(struct md *md, char path[BACKUP_PATH_MAX], struct audit_chain *c,
			int64_t probe, char probe_hash[AUDIT_HASH_LEN + 1]);

/* The rules, for the tests.  NAME is a dated backup of the database
 * called STEM ("memberdesk" for memberdesk.db): STEM-YYYY-MM-DD-HHMMSS.db,
 * with -N before .db for the Nth in one second.  KEY gets what sorts
 * them in time. */
#define BACKUP_KEY_MAX 24
bool backup_name_key(const char *stem, const char *name, char key[BACKUP_KEY_MAX]);

/* Remove the oldest dated backups of STEM in DIR until KEEP are left,
 * never SPARE (the one just written; may be NULL) nor any other file.
 * *REMOVED counts them. */
int backup_prune(struct md *md, const char *dir, const char *stem, int64_t keep,
		 const char *spare, int *removed);

#endif
