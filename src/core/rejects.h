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

/* A name for the rejected rows of PATH, beside it and not taken yet:
 * "dir/会员.csv" -> "dir/会员-rejected.csv" (the word translated), then
 * "-rejected-2" and so on. */
void rejects_name(const char *path, char *out, size_t n);

/* Write the N rejected rows P of the import O (its file, encoding and
 * delimiter) to OUT: UTF-8 with a byte order mark, the file's own
 * delimiter, whole or not at all (outfile).  SHA256 (import_result's;
 * NULL: not checked) is the file the import read: MD_ECONFLICT when it
 * has changed since.  *ROWS: the rows written. */
int rejects_write(struct md *md, const struct import_opts *o, const char *sha256,
		  const struct import_problem *p, size_t n, const char *out,
		  int64_t *rows);

#endif
