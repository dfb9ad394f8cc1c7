/* check.h - prove that every cached balance matches its ledger */
#ifndef MD_CHECK_H
#define MD_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "core/md.h"

/* Run every consistency check; CB gets one line per finding.  *FOUND
 * counts them.  Returns MD_OK when the checks could run (findings or
 * not), an error when they could not.  FULL also compares every index
 * with its table (db_check_storage): minutes on a large shop. */
int check_run(struct md *md, bool full, int (*cb)(void *arg, const char *finding),
	      void *arg, int64_t *found);

#endif
