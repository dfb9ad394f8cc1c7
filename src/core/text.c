/* text.c - UTF-8 and display width
 *
 * The width table is ours rather than the C library's wcwidth(): the
 * CLI, the reports and the TUI must agree on columns whatever locale the
 * process runs in (a cron job often runs in "C").  The ranges follow
 * Unicode's East Asian Width W and F classes and the zero-width marks.
 */
#include <config.h>

#include <string.h>

#include <utf8proc.h>

#include "core/md.h"
#include "core/text.h"
#include "i18n.h"

struct range {
	uint32_t lo, hi;
};

static const struct range zero_width[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
	{0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
	{0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
	{0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF},
	{0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},
	{0x20D0, 0x20FF}, {0x302A, 0x302D}, {0x3099, 0x309A}, {0xFE00, 0xFE0F},
	{0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

static const struct range wide[] = {
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
	{0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
	{0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
	{0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
	{0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
	{0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
	{0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
	{0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x3029},
	{0x302E, 0x303E}, {0x3041, 0x3098}, {0x309B, 0x33FF}, {0x3400, 0x4DBF},
	{0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xA960, 0xA97F}, {0xAC00, 0xD7A3},
	{0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F}, {0xFF00, 0xFF60},
	{0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF},
	{0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
	{0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F202},
	{0x1F210, 0x1F23B}, {0x1F240, 0x1F248}, {0x1F250, 0x1F251},
	{0x1F260, 0x1F265}, {0x1F300, 0x1F320}, {0x1F32D, 0x1F335},
	{0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA},
	{0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4},
	{0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC},
	{0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567},
	{0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4},
	{0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC},
	{0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6D7}, {0x1F6DC, 0x1F6DF},
	{0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB},
	{0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945},
	{0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD},
	{0x30000, 0x3FFFD},
};

static bool
in_table(uint32_t cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;

	if (cp < t[0].lo || cp > t[n - 1].hi)
		return false;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp > t[mid].hi)
			lo = mid + 1;
		else if (cp < t[mid].lo)
			hi = mid;
		else
			return true;
	}
	return false;
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
	} else if ((u[0] & 0xE0) == 0xC0) {
		len = 2, c = u[0] & 0x1F, min = 0x80;
	} else if ((u[0] & 0xF0) == 0xE0) {
		len = 3, c = u[0] & 0x0F, min = 0x800;
	} else if ((u[0] & 0xF8) == 0xF0) {
		len = 4, c = u[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len > n)
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
	if (cp < 0x300)
		return 1;
	if (in_table(cp, zero_width, sizeof zero_width / sizeof *zero_width))
		return 0;
	if (in_table(cp, wide, sizeof wide / sizeof *wide))
		return 2;
	return 1;
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
	memcpy(out, s, end);
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

void
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
