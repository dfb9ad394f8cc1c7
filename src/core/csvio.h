/* csvio.h - CSV through libcsv (the one module that includes csv.h) */
#ifndef MD_CSVIO_H
#define MD_CSVIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/md.h"

/* Write one record: fields joined by DELIM, quoted only where needed
 * (the delimiter, a quote, a line break or edge spaces inside), quotes
 * doubled by libcsv, then EOL.  TEXT (NULL: none) marks the fields that
 * are text, not numbers: one that a spreadsheet would run as a formula
 * gets a ' in front (csvio_formula_like).  Returns <0 on a write error. */
int csvio_write_row(FILE *fp, const char *const *fields, const bool *text,
		    size_t n, char delim, const char *eol);

/* Text starting with = + - @, a tab or a CR: Excel and its kin run it as
 * a formula ("=HYPERLINK(...)" in a name is an attack on whoever opens
 * the export), so exports write it with a ' in front, OWASP's advice.
 * Leading apostrophes do not count ("'=x" gets one more), so that the
 * round trip is exact.  Never for numbers: a negative amount stays -5.00. */
bool csvio_formula_like(const char *s);

/* The import's side: "'=1+2" (an export's defused text) reads "=1+2";
 * exactly that one ', and anything else is returned as it is. */
const char *csvio_unformula(const char *s);

/* Reading.  A file is read twice: csvio_scan looks at every byte once
 * (its SHA-256, its encoding, its delimiter) without parsing, then
 * csvio_read streams its records to a callback in UTF-8. */
enum csvio_encoding {
	CSVIO_AUTO = 0,
	CSVIO_UTF8,
	CSVIO_GB18030,
	CSVIO_BIG5,
	CSVIO_UTF16,		/* only by its byte order mark */
};

/* "auto", "utf-8", "gb18030" (or "gbk", "gb2312"), "big5": false for
 * anything else. */
bool csvio_encoding_parse(const char *s, enum csvio_encoding *enc);
const char *csvio_encoding_name(enum csvio_encoding enc);

struct csvio_info {
	char sha256[65];
	enum csvio_encoding encoding;	/* in: wanted (AUTO); out: decided */
	bool bom;			/* a byte order mark was found */
	char delim;			/* in: wanted (0 to sniff); out: used */
	int64_t size;			/* bytes */
	/* The allocator libcsv grows its field buffer with; NULL for
	 * realloc().  Tests count through it how often a field grows. */
	void *(*realloc_fn)(void *p, size_t n);
};

/* Look at the file at PATH: INFO->encoding AUTO becomes UTF-8 when there
 * is a UTF-8 BOM or every byte is valid UTF-8, otherwise GB18030, or
 * Big5 when the user's language is Traditional Chinese (zh_TW, zh_HK).
 * A file said to be UTF-8 that is not is refused with the line. */
int csvio_scan(struct md *md, const char *path, struct csvio_info *info);

/* One record, fields in UTF-8 as they were (no trimming).  LINE is the
 * row a spreadsheet shows it on (the header is row 1; a field with line
 * breaks inside does not start new rows, a blank line does). */
struct csvio_record {
	char **fields;
	size_t n;
	int64_t line;
};

typedef int (*csvio_record_cb)(void *arg, const struct csvio_record *r);
/* Called now and then with the bytes read so far. */
typedef void (*csvio_progress_cb)(void *arg, int64_t done, int64_t total);

/* Stream the records of the file csvio_scan looked at.  Blank lines are
 * skipped (but counted).  A non-zero status from CB stops the reading
 * and is returned.  Broken quoting or undecodable bytes are refused with
 * the line they are on. */
int csvio_read(struct md *md, const char *path, const struct csvio_info *info,
	       csvio_record_cb cb, csvio_progress_cb progress, void *arg);

#endif
