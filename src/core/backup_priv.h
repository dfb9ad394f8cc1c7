/* backup_priv.h - what backup.c shares with backup_job.c and backup_restore.c */
#ifndef MD_BACKUP_PRIV_H
#define MD_BACKUP_PRIV_H

#include <sqlite3.h>
#include <stdatomic.h>

#include "core/backup.h"

#define BACKUP_NAME_MAX 256

/* Where a backup goes and what is done around it. */
struct backup_place {
	char home[BACKUP_PATH_MAX];	/* the database's folder */
	char dir[BACKUP_PATH_MAX];	/* the folder the copy is written in */
	char stem[BACKUP_NAME_MAX];	/* the database's name without ".db" */
	char file[BACKUP_PATH_MAX];	/* a name the user gave; "" for a dated one */
	bool ours;			/* dir is the backups folder: locked, swept, pruned */
	int64_t keep;			/* prune to this many; 0 never */
	bool skip_empty;		/* write nothing when the shop is empty */
	bool allow_damaged;		/* keep a copy that fails the integrity check */
};

/* What a database says it is, from one snapshot. */
struct backup_ident {
	int64_t app, version, objects, page_size;
};

/* The backups folder beside the open database, with backup_keep. */
int backup_place_ours(struct md *md, struct backup_place *p);

/* Create P's folder when it is ours and missing (0700); check that it
 * is a folder we may write. */
int backup_dir_ready(struct md *md, const struct backup_place *p);

/* An exclusive lock on the folder DIR for as long as *FD stays open:
 * one backup at a time writes, sweeps and prunes there.  Without WAIT,
 * MD_ECONFLICT when another process holds it. */
int backup_lock(struct md *md, const char *dir, bool wait, int *fd);

/* A new empty file for a copy in DIR, mode 0600: PATH gets its name,
 * *FD stays open for the final fsync.  backup_unlink() removes it with
 * whatever SQLite put beside it. */
int backup_temp(struct md *md, const char *dir, const char *stem, bool dated,
		char path[BACKUP_PATH_MAX], int *fd);
void backup_unlink(const char *path);

/* A connection of its own to the database at PATH (LABEL in messages),
 * inside a read transaction: one snapshot, however long the copy takes,
 * while other processes go on writing (WAL). */
int backup_snapshot(struct md *md, const char *path, const char *label,
		    sqlite3 **db, struct backup_ident *id);
void backup_snapshot_close(sqlite3 *db);

/* Copy everything SRC holds into the empty file at PATH (LABEL names it
 * in messages), left as one self-contained file (no -wal). */
int backup_copy(struct md *md, sqlite3 *src, const char *path, const char *label,
		const atomic_bool *cancel);

/* SQLite's integrity check on the file at PATH: *OK, and the first
 * problem in WHY. */
int backup_integrity(struct md *md, const char *path, const atomic_bool *cancel,
		     bool *ok, char *why, size_t n);

/* The whole backup to P from the open database at md->path. */
int backup_write(struct md *md, const struct backup_place *p,
		 const atomic_bool *cancel, struct backup_result *res);

/* Today's automatic backup to P (the backups folder), under its lock;
 * shared by backup_daily and the thread. */
int backup_daily_write(struct md *md, const struct backup_place *p,
		       const atomic_bool *cancel, bool *done,
		       struct backup_result *res);

/* Whether FILE is the open database, or its -wal, -shm or -journal. */
bool backup_is_database(const struct md *md, const char *file);

/* Whether the open database holds nothing worth a backup. */
int backup_shop_empty(struct md *md, bool *empty);

#endif
