/* migrate.h - numbered schema migrations (PRAGMA user_version) */
#ifndef MD_MIGRATE_H
#define MD_MIGRATE_H

#include "core/md.h"

/* The highest schema version this build knows. */
int migrate_latest(void);

/* Bring the open database up to migrate_latest(), one transaction per
 * migration.  Safe when two processes start at once: each migration
 * re-reads the version inside its own write transaction. */
int migrate_run(struct md *md);

#endif
