/* money.c - yuan text <-> integer fen
 *
 * Money never passes through floating point: the text is read digit by
 * digit into fen, and rates (discounts, bonus ratios) are applied with
 * integer multiply-then-divide in 128 bits.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/money.h"
#include "core/text.h"
#include "i18n.h"

static const char *
skip_prefix(const char *s, const char *p)
{
	size_t n = strlen(p);

	return strncmp(s, p, n) == 0 ? s + n : s;
}

/* Remove thousands separators from the integer part of S into OUT,
 * checking that they sit every three digits.  Returns false when they
 * are misplaced ("12,80"). */
static bool
strip_grouping(const char *s, char *out, size_t n)
{
	const char *dot = strchr(s, '.');
	size_t int_len = dot ? (size_t)(dot - s) : strlen(s);
	size_t i, o = 0, digits_since = 0;
	bool grouped = false;

	for (i = 0; i < int_len; i++) {
		if (s[i] == ',') {
			if ((grouped && digits_since != 3) || digits_since == 0 ||
			    (!grouped && digits_since > 3))
				return false;
			grouped = true;
			digits_since = 0;
			continue;
		}
		digits_since++;
		if (o + 1 >= n)
			return false;
		out[o++] = s[i];
	}
	if (grouped && digits_since != 3)
		return false;
	if (o + strlen(s + int_len) + 1 > n)
		return false;
	strcpy(out + o, s + int_len);
	return true;
}

int
money_parse(struct md *md, const char *what, const char *s, int64_t *fen,
	    unsigned flags)
{
	char folded[128], trimmed[128], plain[128];
	const char *p;
	bool neg = false;
	int64_t whole = 0, cents = 0;
	int decimals = 0;
	size_t len;

	if (!text_fold_fullwidth(s, folded, sizeof folded))
		goto bad;	/* longer than any amount */
	text_trim(folded, trimmed, sizeof trimmed);
	p = trimmed;
	if (*p == '-') {
		neg = true;
		p++;
	} else if (*p == '+') {
		p++;
	}
	p = skip_prefix(p, "\xC2\xA5");		/* ¥ U+00A5 */
	p = skip_prefix(p, "\xEF\xBF\xA5");	/* ￥ U+FFE5 */
	if (!neg && *p == '-') {	/* "¥-5" */
		neg = true;
		p++;
	}
	len = strlen(p);
	if (len >= 3 && !strcmp(p + len - 3, "\xE5\x85\x83"))	/* 元 */
		trimmed[(p - trimmed) + len - 3] = '\0';
	if (!*p)
		return md_fail(md, MD_EINVAL, _("%s is empty"), what);
	if (!strip_grouping(p, plain, sizeof plain))
		return md_fail(md, MD_EINVAL,
			       _("%s \"%s\" is not an amount (misplaced thousands separator)"),
			       what, s);
	for (p = plain; *p >= '0' && *p <= '9'; p++) {
		whole = whole * 10 + (*p - '0');
		if (whole > MONEY_MAX / 100)
			return md_fail(md, MD_EINVAL, _("%s \"%s\" is too large"),
				       what, s);
	}
	if (p == plain && *p != '.')
		goto bad;
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++) {
			if (++decimals > 2)
				return md_fail(md, MD_EINVAL,
					       _("%s \"%s\" has more than two decimals"),
					       what, s);
			cents = cents * 10 + (*p - '0');
		}
		if (decimals == 0 && p == plain + 1)
			goto bad;
		if (decimals == 1)
			cents *= 10;
	}
	if (*p)
		goto bad;
	*fen = whole * 100 + cents;
	if (neg)
		*fen = -*fen;
	if (*fen < 0 && !(flags & MONEY_ALLOW_NEGATIVE))
		return md_fail(md, MD_EINVAL, _("%s \"%s\" must not be negative"),
			       what, s);
	if (*fen == 0 && !(flags & MONEY_ALLOW_ZERO))
		return md_fail(md, MD_EINVAL, _("%s must be more than zero"), what);
	return MD_OK;
bad:
	return md_fail(md, MD_EINVAL, _("%s \"%s\" is not an amount"), what, s);
}

void
money_format(int64_t fen, char out[32])
{
	uint64_t a = fen < 0 ? -(uint64_t)fen : (uint64_t)fen;

	snprintf(out, 32, "%s%llu.%02llu", fen < 0 ? "-" : "",
		 (unsigned long long)(a / 100), (unsigned long long)(a % 100));
}

void
money_format_short(int64_t fen, char out[32])
{
	size_t n;

	money_format(fen, out);
	n = strlen(out);
	if (n > 3 && !strcmp(out + n - 3, ".00"))
		out[n - 3] = '\0';
}

void
money_format_decimal(int64_t hundredths, char out[32])
{
	size_t n;

	money_format(hundredths, out);
	n = strlen(out);
	while (out[n - 1] == '0')
		out[--n] = '\0';
	if (out[n - 1] == '.')
		out[--n] = '\0';
}

void
money_format_human(int64_t fen, char out[40])
{
	uint64_t a = fen < 0 ? -(uint64_t)fen : (uint64_t)fen;
	char digits[24], grouped[28];	/* 20 digits, 6 commas */
	int n, i, o = 0;

	n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)(a / 100));
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	snprintf(out, 40, "%s\xC2\xA5%s.%02llu", fen < 0 ? "-" : "", grouped,
		 (unsigned long long)(a % 100));
}

int64_t
money_mul_div(int64_t fen, int64_t num, int64_t den)
{
	__int128 p = (__int128)fen * num;
	__int128 q, r;
	bool neg = (p < 0) != (den < 0);

	if (p < 0)
		p = -p;
	if (den < 0)
		den = -den;
	q = p / den;
	r = p % den;
	if (2 * r >= den)
		q++;
	return (int64_t)(neg ? -q : q);
}
