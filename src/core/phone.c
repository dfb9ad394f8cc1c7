/* phone.c - phone number normalisation */
#include <config.h>

#include <string.h>

#include "core/phone.h"
#include "core/text.h"
#include "i18n.h"

static bool
all_digits(const char *s, size_t n)
{
	size_t i;

	if (strlen(s) != n)
		return false;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static bool
mainland_mobile(const char *s)
{
	return all_digits(s, 11) && s[0] == '1' && s[1] >= '3';
}

/* Digits and a leading '+' only; separators dropped.  False on any
 * other character. */
static bool
squeeze(const char *in, char *out, size_t n)
{
	char folded[128];
	const char *p;
	size_t o = 0;

	if (!text_fold_fullwidth(in, folded, sizeof folded))
		return false;	/* longer than any phone number */
	for (p = folded; *p; p++) {
		if (strchr(" \t-.()", *p))
			continue;
		if (*p == '+' && o == 0) {
			out[o++] = '+';
			continue;
		}
		if (*p < '0' || *p > '9' || o + 1 >= n)
			return false;
		out[o++] = *p;
	}
	out[o] = '\0';
	return o > 0;
}

bool
phone_try(const char *in, char out[PHONE_MAX])
{
	char s[64];
	const char *p = s;

	if (!squeeze(in, s, sizeof s))
		return false;
	if (!strncmp(s, "00", 2)) {	/* 0086..., 00852... */
		s[1] = '+';
		p = s + 1;
	}
	if (!strncmp(p, "+86", 3) || (!strncmp(p, "86", 2) && strlen(p) == 13)) {
		const char *rest = p + (*p == '+' ? 3 : 2);

		if (mainland_mobile(rest)) {
			strcpy(out, rest);
			return true;
		}
	} else if (!strncmp(p, "+886", 4)) {
		const char *rest = p + 4;

		if (*rest == '0')
			rest++;
		if (rest[0] == '9' && all_digits(rest, 9)) {
			out[0] = '0';
			strcpy(out + 1, rest);
			return true;
		}
	} else if (!strncmp(p, "+852", 4) || !strncmp(p, "+853", 4)) {
		if (all_digits(p + 4, 8) && p[4] > '1') {
			strcpy(out, p + 4);
			return true;
		}
	}
	if (*p == '+') {
		size_t n = strlen(p + 1);

		if (n >= 8 && n <= 15 && p[1] != '0' && all_digits(p + 1, n)) {
			strcpy(out, p);
			return true;
		}
		return false;
	}
	if (mainland_mobile(p) || (all_digits(p, 10) && !strncmp(p, "09", 2)) ||
	    (all_digits(p, 8) && p[0] > '1')) {
		strcpy(out, p);
		return true;
	}
	return false;
}

int
phone_normalize(struct md *md, const char *in, char out[PHONE_MAX])
{
	if (phone_try(in, out))
		return MD_OK;
	return md_fail(md, MD_EINVAL,
		       _("phone \"%s\" is not a valid mobile number (mainland 1xxxxxxxxxx, Taiwan 09xxxxxxxx, Hong Kong/Macau 8 digits, or + and the country code)"),
		       in);
}

/* Each candidate is kept only when phone_try() really reads it as
 * PHONE, so this can only ever err on the side of fewer spellings. */
int
phone_spellings(const char *phone, char out[PHONE_SPELLINGS][PHONE_SPELLING_MAX])
{
	/* Prefixes for the number itself, then for its digits without
	 * the "+" or the leading 0 of a Taiwan mobile. */
	static const char *const whole[] = { "", "86", "0086", "00886" };
	static const char *const rest[] = { "00886", "00852", "00853", "00" };
	const char *digits = phone + (*phone == '+' || !strncmp(phone, "09", 2));
	char buf[PHONE_SPELLING_MAX], back[PHONE_MAX];
	size_t i;
	int n = 0;

	for (i = 0; i < 8 && n < PHONE_SPELLINGS; i++) {
		const char *pre = i < 4 ? whole[i] : rest[i - 4];
		const char *num = i < 4 ? phone : digits;

		if (*num == '+' || strlen(pre) + strlen(num) >= sizeof buf)
			continue;
		strcpy(buf, pre);
		strcat(buf, num);
		if (phone_try(buf, back) && !strcmp(back, phone))
			strcpy(out[n++], buf);
	}
	return n;
}
