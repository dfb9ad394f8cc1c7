/* coupon_code.c - making and reading coupon codes
 *
 * The check character is Luhn's algorithm taken to base 31 ("Luhn mod
 * N"), as the codes are specified.  It catches every single mistyped
 * symbol except, in a doubled place, one mistaken for the symbol 15
 * along the alphabet (3 for J, H for Z: 31 being odd, 2*1 and 2*16 fold
 * alike), 1 such typo in 31; and every swap of neighbours except 2Z for
 * Z2.  What slips through is still looked up, and is an unknown code.
 * The random part comes from getrandom(), rejecting the bytes that would
 * make some symbols likelier than others.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "core/coupon_code.h"
#include "core/text.h"
#include "i18n.h"

static const char alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
#define N 31

static int
value_of(char c)
{
	const char *p = c ? strchr(alphabet, c) : NULL;

	return p ? (int)(p - alphabet) : -1;
}

char
coupon_code_check(const char *code, int len)
{
	int factor = 2, sum = 0, i;

	/* From the right, every other symbol doubled, the doubled value's
	 * two base-31 digits added. */
	for (i = len - 1; i >= 0; i--) {
		int addend = factor * value_of(code[i]);

		factor = factor == 2 ? 1 : 2;
		sum += addend / N + addend % N;
	}
	return alphabet[(N - sum % N) % N];
}

bool
coupon_code_ok(const char *code)
{
	int i;

	if (strlen(code) != COUPON_CODE_LEN)
		return false;
	for (i = 0; i < COUPON_CODE_LEN; i++)
		if (value_of(code[i]) < 0)
			return false;
	return coupon_code_check(code, COUPON_CODE_LEN - 1) == code[COUPON_CODE_LEN - 1];
}

int
coupon_code_new(struct md *md, char out[COUPON_CODE_MAX])
{
	unsigned char buf[32];
	int have = 0;

	while (have < COUPON_CODE_LEN - 1) {
		ssize_t n = getrandom(buf, sizeof buf, 0);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return md_fail(md, MD_EIO, _("no random numbers for a coupon code: %s"),
				       strerror(errno));
		/* 248 = 8 x 31: the bytes above would favour the first symbols. */
		for (ssize_t k = 0; k < n && have < COUPON_CODE_LEN - 1; k++)
			if (buf[k] < 8 * N)
				out[have++] = alphabet[buf[k] % N];
	}
	out[COUPON_CODE_LEN - 1] = coupon_code_check(out, COUPON_CODE_LEN - 1);
	out[COUPON_CODE_LEN] = '\0';
	return MD_OK;
}

int
coupon_code_parse(struct md *md, const char *in, char out[COUPON_CODE_MAX])
{
	char folded[64];
	size_t o = 0;

	if (!text_fold_fullwidth(in, folded, sizeof folded))
		return md_fail(md, MD_EINVAL, _("mistyped code"));
	for (const char *p = folded; *p; p++) {
		char c = *p;

		if (c == ' ' || c == '-' || c == '\t')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (o == COUPON_CODE_LEN)
			return md_fail(md, MD_EINVAL, _("mistyped code"));
		out[o++] = c;
	}
	out[o] = '\0';
	if (!coupon_code_ok(out))
		return md_fail(md, MD_EINVAL, _("mistyped code"));
	return MD_OK;
}

void
coupon_code_show(const char *code, char out[COUPON_SHOWN_MAX])
{
	snprintf(out, COUPON_SHOWN_MAX, "%.5s-%.5s", code, code + 5);
}
