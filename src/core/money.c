/* money.c - the shop's money: text <-> integer fen, its currency
 *
 * Money never passes through floating point: the text is read digit by
 * digit into fen (hundredths of the currency unit, whatever the
 * currency), and rates (discounts, bonus ratios) are applied with
 * integer multiply-then-divide in 128 bits.  The currency only changes
 * what people see and type: its sign, and whether cents exist.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/db_sql.h"
#include "core/lang.h"
#include "core/money.h"
#include "core/settings.h"
#include "core/text.h"
#include "i18n.h"

/* The currencies a shop may count in.  SIGNS are taken before an
 * amount in input (the one shown first); "$" is each dollar's own in
 * its shop and a foreign sign in a yuan shop. */
static const struct currency {
	const char *code;	/* the setting's value */
	const char *signs[3];
	const char *place;	/* lang_place() of the shops that start with it */
	int decimals;		/* their money_decimals */
} currencies[] = {
	{"CNY", {"\xC2\xA5", "\xEF\xBF\xA5", "RMB"}, NULL, 2},	/* ¥ ￥ */
	{"TWD", {"NT$", "NTD", "$"}, "TW", 0},
	{"HKD", {"HK$", "HKD", "$"}, "HK", 2},
	{"MOP", {"MOP$", "MOP", "$"}, "MO", 2},
};

#define N_CURRENCIES (sizeof currencies / sizeof *currencies)

static int
currency_index(const char *code)
{
	for (size_t i = 0; i < N_CURRENCIES; i++)
		if (!strcasecmp(currencies[i].code, code))
			return (int)i;
	return -1;
}

/* Read the settings once per connection.  Formatting cannot fail: a
 * read that does (no database yet) leaves yuan with cents, and the
 * message of whatever failed before is kept. */
static const struct currency *
style(struct md *md)
{
	char v[SETTING_MAX], err[sizeof md->err];
	int64_t d;
	int i;

	if (md->money.known)
		return &currencies[md->money.currency];
	md->money.currency = 0;
	md->money.decimals = 2;
	if (!md->db)
		return &currencies[0];
	memcpy(err, md->err, sizeof err);
	if (settings_get(md, "currency", v) == MD_OK && (i = currency_index(v)) >= 0)
		md->money.currency = i;
	if (settings_get_int(md, "money_decimals", &d) == MD_OK && d == 0)
		md->money.decimals = 0;
	memcpy(md->err, err, sizeof err);
	md->money.known = true;
	return &currencies[md->money.currency];
}

const char *
money_currency(struct md *md)
{
	return style(md)->code;
}

const char *
money_sign(struct md *md)
{
	return style(md)->signs[0];
}

int64_t
money_unit(struct md *md)
{
	style(md);
	return md->money.decimals == 0 ? 100 : 1;
}

int64_t
money_round(struct md *md, int64_t fen)
{
	return money_mul_div(fen, 1, money_unit(md)) * money_unit(md);
}

void
money_forget(struct md *md)
{
	md->money.known = false;
}

int
money_check_currency(struct md *md, const char *in, char *out)
{
	int i = currency_index(in);

	if (i < 0)
		return md_fail(md, MD_EINVAL,
			       _("currency must be one of CNY (\xC2\xA5), TWD (NT$), HKD (HK$) or MOP (MOP$), not \"%s\""),
			       in);
	strcpy(out, currencies[i].code);
	return MD_OK;
}

int
money_new_shop(struct md *md)
{
	const char *place = lang_place();
	int rc = MD_OK;

	if (!place)
		return MD_OK;
	for (size_t i = 0; i < N_CURRENCIES; i++) {
		const struct currency *c = &currencies[i];

		if (!c->place || strcmp(c->place, place))
			continue;
		if ((rc = db_begin(md)))
			return rc;
		rc = settings_put_raw(md, "currency", c->code);
		if (!rc && c->decimals != 2)
			rc = settings_put_raw(md, "money_decimals", "0");
		money_forget(md);
		return db_end(md, rc);
	}
	return MD_OK;
}

/* The longest currency sign S starts with, in any currency: its
 * length, and in *WHOSE the currency (the shop's own when it is one of
 * its signs).  0 when S starts with none. */
static size_t
sign_at(const char *s, const struct currency *own, const struct currency **whose)
{
	size_t best = 0;

	for (size_t i = 0; i < N_CURRENCIES; i++)
		for (size_t j = 0; j < 3; j++) {
			const char *g = currencies[i].signs[j];
			size_t n = strlen(g);

			if (n < best || strncasecmp(s, g, n))
				continue;
			if (n > best || &currencies[i] == own)
				*whose = &currencies[i];
			best = n;
		}
	return best;
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

const char *
money_skip_sign(struct md *md, const char *what, const char *s, const char *p)
{
	const struct currency *own = style(md), *whose = NULL;
	size_t n = sign_at(p, own, &whose);

	if (n && whose != own) {
		md_fail(md, MD_EINVAL,
			_("%s \"%s\" is in another currency: this shop counts in %s (the setting currency)"),
			what, s, own->signs[0]);
		return NULL;
	}
	for (p += n; *p == ' '; p++)
		;
	return p;
}

static int
parse(struct md *md, const char *what, const char *s, int64_t *fen,
      unsigned flags, bool money)
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
	if (money && !(p = money_skip_sign(md, what, s, p)))
		return MD_EINVAL;
	if (!neg && *p == '-') {	/* "¥-5" */
		neg = true;
		p++;
	}
	len = strlen(p);
	if (money && len >= 3 && (!strcmp(p + len - 3, "\xE5\x85\x83") ||	/* 元 */
				  !strcmp(p + len - 3, "\xE5\x9C\x93")))	/* 圓 */
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
	if (money && cents && !(flags & MONEY_ANY_CENTS) && money_unit(md) == 100)
		return md_fail(md, MD_EINVAL,
			       _("%s \"%s\" has cents: this shop counts in whole %s (the setting money_decimals is 0)"),
			       what, s, style(md)->signs[0]);
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

int
money_parse(struct md *md, const char *what, const char *s, int64_t *fen,
	    unsigned flags)
{
	return parse(md, what, s, fen, flags, true);
}

int
money_parse_number(struct md *md, const char *what, const char *s,
		   int64_t *hundredths, unsigned flags)
{
	return parse(md, what, s, hundredths, flags, false);
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
money_human(struct md *md, int64_t fen, char out[40])
{
	uint64_t a = fen < 0 ? -(uint64_t)fen : (uint64_t)fen;
	char digits[24], grouped[28], cents[4] = "";	/* 20 digits, 6 commas */
	const char *sign = style(md)->signs[0];
	int n, i, o = 0;

	n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)(a / 100));
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	if (md->money.decimals || a % 100)
		snprintf(cents, sizeof cents, ".%02llu", (unsigned long long)(a % 100));
	snprintf(out, 40, "%s%s%s%s", fen < 0 ? "-" : "", sign, grouped, cents);
}

void
money_figure(struct md *md, int64_t fen, char out[40])
{
	style(md);
	money_format(fen, out);
	if (!md->money.decimals && fen % 100 == 0)
		out[strlen(out) - 3] = '\0';
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
