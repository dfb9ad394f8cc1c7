/* text.h - UTF-8 decoding and display width, for every face and report */
#ifndef MD_TEXT_H
#define MD_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Decode one code point from S (at most N bytes).  Returns the number of
 * bytes used, or 0 when the bytes there are not valid UTF-8 (overlong
 * forms, surrogates and values past U+10FFFF are invalid too). */
size_t text_decode(const char *s, size_t n, uint32_t *cp);

/* True when S (N bytes, to its end) is the start of a UTF-8 sequence
 * the next bytes may finish: a reader of chunks carries it over. */
bool text_unfinished(const char *s, size_t n);

/* Encode CP as UTF-8 into OUT (4 bytes room); returns the length. */
size_t text_encode(uint32_t cp, char *out);

bool text_valid_utf8(const char *s, size_t n);

/* Columns a code point takes on a terminal: 0, 1 or 2 (East Asian wide
 * and fullwidth characters take 2).  Control characters count as 1: the
 * renderers replace them. */
int text_cp_width(uint32_t cp);

/* Characters (code points) in valid UTF-8 S. */
size_t text_count_chars(const char *s);

/* Display width of a string; an invalid byte counts as one U+FFFD. */
int text_width(const char *s);

/* How many bytes of S fit into COLS columns without splitting a
 * character; *USED (may be NULL) gets the columns they take. */
size_t text_fit(const char *s, int cols, int *used);

/* Write S to FP clipped and padded to exactly COLS columns.  Controls
 * and invalid bytes are shown as U+FFFD or a space, never raw.  RIGHT
 * aligns to the right.  Returns <0 on a write error. */
int text_put_cell(FILE *fp, const char *s, int cols, bool right);

/* Copy S to OUT (size N) with leading/trailing ASCII whitespace and
 * U+3000 (ideographic space) removed.  Returns the new length.  OUT may
 * be S (trimming in place). */
size_t text_trim(const char *s, char *out, size_t n);

/* True when S has a C0/C1 control character or DEL; ALLOW_NL lets \n
 * (and \r\n) through, for multi-line notes. */
bool text_has_control(const char *s, bool allow_nl);

/* Text that people read and tell apart (a name, a tag) must show
 * something, and must not hide or reorder what it shows.  TEXT_INVISIBLE:
 * nothing but spaces, marks and format characters (a name of U+200B
 * alone, of combining marks alone); TEXT_HIDDEN: an invisible character
 * among visible ones (U+200B ZERO WIDTH SPACE, U+2060, U+FEFF), which
 * makes two names that look the same differ; TEXT_BIDI: a bidirectional
 * override, embedding or isolate (U+202E makes "abc" read "cba").
 * *CP (may be NULL) gets the code point at fault. */
enum text_flaw {
	TEXT_FINE,
	TEXT_INVISIBLE,
	TEXT_HIDDEN,
	TEXT_BIDI,
};
enum text_flaw text_flaw(const char *s, uint32_t *cp);

/* The same as a refusal: MD_EINVAL naming WHAT ("name", translated) and
 * the code point at fault, or MD_OK.  NEED_VISIBLE: an invisible S is
 * refused too (a name must show something; a note may be all spaces). */
struct md;
int text_check_readable(struct md *md, const char *what, const char *s,
			bool need_visible);

/* Fold fullwidth ASCII (U+FF01..U+FF5E) and U+3000 to their ASCII forms;
 * the rest is copied.  Used on phone numbers, amounts and keys that staff
 * type with a Chinese input method left in fullwidth mode.  Returns
 * false when OUT (size N) was too small and holds only the start: a
 * parser must then refuse S rather than read what fit. */
bool text_fold_fullwidth(const char *s, char *out, size_t n);

/* A stable key and what people call it (N_()): ledger kinds, and other
 * small vocabularies.  text_label() gives KEY's label translated, or
 * KEY itself when the table of N has no such key. */
struct text_label {
	const char *key, *label;
};
const char *text_label(const struct text_label *t, size_t n, const char *key);

/* 1234567 -> "1,234,567" (points and counts for people). */
void text_format_int(int64_t v, char out[32]);

/* NUM / DEN with one decimal, rounded half up: "12.5" (means, and
 * shares as NUM = 100 * part).  DEN must not be 0. */
void text_format_ratio(int64_t num, int64_t den, char out[32]);

/* S as a JSON string literal, quotes included, into OUT (size N);
 * false when it does not fit. */
bool text_json_string(const char *s, char *out, size_t n);

/* snprintf that reports truncation: returns false when OUT was too small. */
bool text_copy(char *out, size_t n, const char *s);

#endif
