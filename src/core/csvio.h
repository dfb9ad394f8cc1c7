/* csvio.h - CSV through libcsv (the one module that includes csv.h) */
#ifndef MD_CSVIO_H
#define MD_CSVIO_H

#include <stddef.h>
#include <stdio.h>

/* Write one record: fields joined by DELIM, quoted only where needed
 * (the delimiter, a quote, a line break or edge spaces inside), quotes
 * doubled by libcsv, then EOL.  Returns <0 on a write error. */
int csvio_write_row(FILE *fp, const char *const *fields, size_t n, char delim,
		    const char *eol);

#endif
