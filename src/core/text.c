/* text.c - UTF-8 and display width
 *
 * Widths come from libutf8proc rather than the C library's wcwidth(): the
 * CLI, the reports and the TUI must agree on columns whatever locale the
 * process runs in (a cron job often runs in "C"), and libutf8proc's data
 * is Unicode's own, marks and format characters zero wide.
 */
#include <config.h>

#include <string.h>

#include <utf8proc.h>

#include "core/md.h"
#include "core/text.h"
#include "i18n.h"

/* The length of the sequence a lead byte starts (0: none), with the
 * bits it carries and the least code point that length may hold. */
static size_t
lead(unsigned char b, uint32_t *c, uint32_t *min)
{
	if ((b & 0xE0) == 0xC0) {
		*c = b & 0x1F, *min = 0x80;
		return 2;
	}
	if ((b & 0xF0) == 0xE0) {
		*c = b & 0x0F, *min = 0x800;
		return 3;
	}
	if ((b & 0xF8) == 0xF0) {
		*c = b & 0x07, *min = 0x10000;
		return 4;
	}
	return 0;
}

bool
text_unfinished(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t len = n ? lead(u[0], &c, &min) : 0;

	if (len <= n)
		return false;
	for (size_t i = 1; i < n; i++)
		if ((u[i] & 0xC0) != 0x80)
			return false;
	return true;
}

size_t
text_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t len, i;

	if (n == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (!(len = lead(u[0], &c, &min)) || len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

size_t
text_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = 0xC0 | (cp >> 6);
		o[1] = 0x80 | (cp & 0x3F);
		return 2;
	} else if (cp < 0x10000) {
		o[0] = 0xE0 | (cp >> 12);
		o[1] = 0x80 | ((cp >> 6) & 0x3F);
		o[2] = 0x80 | (cp & 0x3F);
		return 3;
	}
	o[0] = 0xF0 | (cp >> 18);
	o[1] = 0x80 | ((cp >> 12) & 0x3F);
	o[2] = 0x80 | ((cp >> 6) & 0x3F);
	o[3] = 0x80 | (cp & 0x3F);
	return 4;
}

bool
text_valid_utf8(const char *s, size_t n)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < n) {
		k = text_decode(s + i, n - i, &cp);
		if (k == 0)
			return false;
		i += k;
	}
	return true;
}

static bool
is_bidi_control(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Letters, digits, punctuation and symbols: what a reader sees. */
static bool
is_graphic(uint32_t cp)
{
	switch (utf8proc_category((utf8proc_int32_t)cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
	case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
	case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO:
		return true;
	default:
		return false;
	}
}

enum text_flaw
text_flaw(const char *s, uint32_t *at)
{
	size_t n = strlen(s), i = 0, k;
	uint32_t cp, hidden = 0;
	bool seen = false;

	while (i < n) {
		if ((k = text_decode(s + i, n - i, &cp)) == 0) {
			i++;
			continue;
		}
		i += k;
		if (is_bidi_control(cp)) {
			if (at)
				*at = cp;
			return TEXT_BIDI;
		}
		if (!hidden && (cp == 0x200B || cp == 0x2060 || cp == 0xFEFF))
			hidden = cp;
		seen |= is_graphic(cp);
	}
	if (at)
		*at = hidden;
	return !seen ? TEXT_INVISIBLE : hidden ? TEXT_HIDDEN : TEXT_FINE;
}

int
text_check_readable(struct md *md, const char *what, const char *s,
		    bool need_visible)
{
	uint32_t cp = 0;

	switch (text_flaw(s, &cp)) {
	case TEXT_FINE:
		break;
	case TEXT_INVISIBLE:
		if (need_visible)
			return md_fail(md, MD_EINVAL,
				       _("%s has nothing visible in it: only spaces, marks or invisible characters"),
				       what);
		break;
	case TEXT_HIDDEN:
		return md_fail(md, MD_EINVAL,
			       _("%s must not contain the invisible character U+%04X: two names that look the same would differ"),
			       what, (unsigned)cp);
	case TEXT_BIDI:
		return md_fail(md, MD_EINVAL,
			       _("%s must not contain U+%04X, which changes the direction of the text around it"),
			       what, (unsigned)cp);
	}
	return MD_OK;
}

int
text_cp_width(uint32_t cp)
{
	int w;

	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 1;	/* controls: the renderers show one cell */
	w = utf8proc_charwidth((utf8proc_int32_t)cp);
	return w < 0 ? 1 : w;
}

/* Width of the next character of S and its length in bytes (an invalid
 * byte is one column, one byte). */
static size_t
next_char(const char *s, size_t n, int *w, uint32_t *cp)
{
	size_t k = text_decode(s, n, cp);

	if (k == 0) {
		*cp = 0xFFFD;
		*w = 1;
		return 1;
	}
	*w = text_cp_width(*cp);
	return k;
}

size_t
text_count_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

int
text_width(const char *s)
{
	size_t n = strlen(s), i = 0;
	int total = 0, w;
	uint32_t cp;

	while (i < n) {
		i += next_char(s + i, n - i, &w, &cp);
		total += w;
	}
	return total;
}

size_t
text_fit(const char *s, int cols, int *used)
{
	size_t n = strlen(s), i = 0, k;
	int total = 0, w;
	uint32_t cp;

	while (i < n) {
		k = next_char(s + i, n - i, &w, &cp);
		if (total + w > cols)
			break;
		total += w;
		i += k;
	}
	if (used)
		*used = total;
	return i;
}

static bool
is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

int
text_put_cell(FILE *fp, const char *s, int cols, bool right)
{
	size_t n = strlen(s), i = 0, k;
	int total, w, pad;
	uint32_t cp;

	text_fit(s, cols, &total);
	pad = cols - total;
	if (right)
		for (; pad > 0; pad--)
			putc(' ', fp);
	total = 0;
	while (i < n) {
		k = next_char(s + i, n - i, &w, &cp);
		if (total + w > cols)
			break;
		if (is_control(cp))
			putc(' ', fp);
		else if (k == 1 && cp == 0xFFFD)	/* an invalid byte */
			fputs("\xEF\xBF\xBD", fp);
		else
			fwrite(s + i, 1, k, fp);
		total += w;
		i += k;
	}
	for (; pad > 0; pad--)
		putc(' ', fp);
	return ferror(fp) ? -1 : 0;
}

/* Length of leading blank (ASCII whitespace or U+3000) at S, or 0. */
static size_t
blank_len(const char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
	    *s == '\v' || *s == '\f')
		return 1;
	if (!strncmp(s, "\xE3\x80\x80", 3))
		return 3;
	return 0;
}

size_t
text_trim(const char *s, char *out, size_t n)
{
	size_t k, len, end, i;

	while ((k = blank_len(s)) > 0)
		s += k;
	len = strlen(s);
	/* Walk forward remembering where the last non-blank ended, so a
	 * trailing U+3000 is found without decoding backwards. */
	end = 0;
	for (i = 0; i < len;) {
		k = blank_len(s + i);
		if (k) {
			i += k;
		} else {
			i++;
			end = i;
		}
	}
	if (n == 0)
		return 0;
	if (end >= n)
		end = n - 1;
	memmove(out, s, end);	/* OUT may be S */
	out[end] = '\0';
	return end;
}

bool
text_has_control(const char *s, bool allow_nl)
{
	size_t n = strlen(s), i = 0, k;
	uint32_t cp;

	while (i < n) {
		k = text_decode(s + i, n - i, &cp);
		if (k == 0)
			return true;
		if (allow_nl && (cp == '\n' ||
				 (cp == '\r' && s[i + 1] == '\n'))) {
			i += k;
			continue;
		}
		if (is_control(cp))
			return true;
		i += k;
	}
	return false;
}

bool
text_fold_fullwidth(const char *s, char *out, size_t n)
{
	size_t len = strlen(s), i = 0, o = 0, k, w;
	uint32_t cp;
	char buf[4];

	while (i < len) {
		k = text_decode(s + i, len - i, &cp);
		if (k == 0) {
			buf[0] = s[i];
			k = w = 1;
		} else {
			if (cp >= 0xFF01 && cp <= 0xFF5E)
				cp = cp - 0xFF01 + 0x21;
			else if (cp == 0x3000)
				cp = ' ';
			w = text_encode(cp, buf);
		}
		if (o + w >= n)
			break;
		memcpy(out + o, buf, w);
		o += w;
		i += k;
	}
	if (n)
		out[o] = '\0';
	return i == len && n > 0;
}

const char *
text_label(const struct text_label *t, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].key, key))
			return _(t[i].label);
	return key;
}

void
text_format_int(int64_t v, char out[32])
{
	uint64_t a = v < 0 ? -(uint64_t)v : (uint64_t)v;
	char digits[24];
	int n, i, o = 0;

	n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)a);
	if (v < 0)
		out[o++] = '-';
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

void
text_format_ratio(int64_t num, int64_t den, char out[32])
{
	__int128 n = (__int128)num * 10, d = den, q;
	bool neg = (n < 0) != (d < 0);

	if (n < 0)
		n = -n;
	if (d < 0)
		d = -d;
	q = (2 * n + d) / (2 * d);	/* tenths, half up */
	snprintf(out, 32, "%s%lld.%d", neg && q ? "-" : "", (long long)(q / 10),
		 (int)(q % 10));
}

bool
text_json_string(const char *s, char *out, size_t n)
{
	size_t o = 0;

	if (n < 3)
		return false;
	out[o++] = '"';
	for (; *s; s++) {
		char esc[8];
		size_t k;

		if (*s == '"' || *s == '\\')
			k = snprintf(esc, sizeof esc, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			k = snprintf(esc, sizeof esc, "\\u%04x", (unsigned char)*s);
		else
			esc[0] = *s, k = 1;
		if (o + k + 2 > n)
			return false;
		memcpy(out + o, esc, k);
		o += k;
	}
	out[o++] = '"';
	out[o] = '\0';
	return true;
}

bool
text_copy(char *out, size_t n, const char *s)
{
	size_t len = strlen(s);

	if (len >= n) {
		if (n) {
			memcpy(out, s, n - 1);
			out[n - 1] = '\0';
		}
		return false;
	}
	memcpy(out, s, len + 1);
	return true;
}
