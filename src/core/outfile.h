/* outfile.h - files we write for people: private, whole or not at all */
#ifndef MD_OUTFILE_H
#define MD_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>

#include "core/md.h"

struct outfile {
	FILE *fp;		/* write here (converting when asked) */
	FILE *raw;		/* the file itself, or stdout */
	char *path;		/* the final name; NULL for stdout */
	char *tmp;		/* where it is written until committed */
	void *conv;		/* encoding conversion state */
};

/* Open PATH for writing (NULL or "-": standard output).  A regular file
 * is written under a temporary name in the same directory with mode 0600
 * and renamed into place by outfile_commit, so a failed write never
 * leaves half a file under PATH; a device or pipe is written directly.
 * ENCODING NULL or "utf-8" writes UTF-8 as is; "gb18030" converts.  BOM
 * starts the file with a UTF-8 byte order mark (for Excel). */
int outfile_open(struct md *md, const char *path, const char *encoding,
		 bool bom, struct outfile *of);

/* Flush everything and put the file in place.  A write error (a full
 * disk) is reported with the file's name and nothing is left behind. */
int outfile_commit(struct md *md, struct outfile *of);

/* Give up: remove the temporary file. */
void outfile_abort(struct outfile *of);

/* True for the encodings outfile_open takes. */
bool outfile_encoding_ok(const char *encoding);

#endif
