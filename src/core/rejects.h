/* rejects.h - an import's rejected rows, as a file to fix and import again
 *
 * import_run tells a face each rejected row (line, column, value,
 * problem).  rejects_write reads the source file again and writes its
 * header row and those rows, cell for cell as the file has them, with
 * one more column saying why: the owner corrects them in a spreadsheet
 * and imports that file (the extra column is ignored by the import). */
#ifndef MD_REJECTS_H
#define MD_REJECTS_H

#include <stddef.h>
#include <stdint.h>

#include "core/import.h"
#include "core/md.h"

/* An import's problems, kept for after the run: the strings the reject
 * callback is given are the import's own only during the call. */
struct rejects_kept {
	struct import_problem *p;	/* its strings malloc'ed */
	size_t n, cap;
};

/* Keep a copy of P in K.  MD_ENOMEM, with the message, when memory
 * runs out. */
int rejects_keep(struct md *md, struct rejects_kept *k, const struct import_problem *p);

/* Forget what K keeps (for the next run); rejects_free also gives back
 * its array. */
void rejects_clear(struct rejects_kept *k);
void rejects_free(struct rejects_kept *k);

/* A name for the rejected rows of PATH, beside it and not taken yet:
 * "dir/会员.csv" -> "dir/会员-rejected.csv" (the word translated), then
 * "-rejected-2" and so on. */
void rejects_name(const char *path, char *out, size_t n);

/* Write the rejected rows K of the import O (its file, encoding and
 * delimiter) to OUT: UTF-8 with a byte order mark, the file's own
 * delimiter, whole or not at all (outfile).  SHA256 (import_result's;
 * NULL: not checked) is the file the import read: MD_ECONFLICT when it
 * has changed since.  *ROWS: the rows written. */
int rejects_write(struct md *md, const struct import_opts *o, const char *sha256,
		  const struct rejects_kept *k, const char *out, int64_t *rows);

#endif
