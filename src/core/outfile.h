/* outfile.h - a file written whole or not at all
 *
 * Reports and exports go to a temporary file beside the target, which
 * replaces the target only once everything was written and flushed to
 * disk: a full disk or an interrupted run never leaves half a file
 * where a complete one was.  A target that is not a regular file (a
 * device, a pipe: /dev/stdout, /dev/lp0) is written directly.  New
 * files are created with mode 0600: they hold members' phone numbers.
 */
#ifndef MD_OUTFILE_H
#define MD_OUTFILE_H

#include <stdio.h>

#include "core/md.h"

struct outfile {
	FILE *fp;		/* write here */
	char *path;		/* the target */
	char *tmp;		/* the temporary file, or NULL when direct */
};

/* Open PATH for writing; MD_EIO with the reason when it cannot be. */
int outfile_open(struct md *md, const char *path, struct outfile *of);

/* Flush, check and put the file in place; MD_EIO when any write failed
 * (the target is then left as it was).  Frees OF either way. */
int outfile_commit(struct md *md, struct outfile *of);

/* Throw the file away, leaving the target as it was. */
void outfile_abort(struct outfile *of);

#endif
