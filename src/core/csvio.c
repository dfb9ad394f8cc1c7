/* csvio.c - reading and writing CSV with libcsv */
#include <config.h>

#include <csv.h>
#include <string.h>

#include "core/csvio.h"

static int
needs_quotes(const char *s, char delim)
{
	size_t n = strlen(s);

	if (n == 0)
		return 0;
	if (s[0] == ' ' || s[n - 1] == ' ')
		return 1;
	for (; *s; s++)
		if (*s == delim || *s == '"' || *s == '\n' || *s == '\r')
			return 1;
	return 0;
}

int
csvio_write_row(FILE *fp, const char *const *fields, size_t n, char delim,
		const char *eol)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *f = fields[i] ? fields[i] : "";

		if (i > 0 && putc(delim, fp) == EOF)
			return -1;
		if (needs_quotes(f, delim)) {
			if (csv_fwrite(fp, f, strlen(f)) != 0)
				return -1;
		} else if (fputs(f, fp) == EOF && *f) {
			return -1;
		}
	}
	if (fputs(eol, fp) == EOF)
		return -1;
	return ferror(fp) ? -1 : 0;
}
