/* fuzz_phone.c - phone numbers as staff and old systems wrote them
 *
 * What must hold of an accepted number: its normal form is one of the
 * kinds phone.h lists and normalises to itself, every entry point says
 * the same, blanks around it never make it another number (only, past
 * the parser's length, none) and junk after it makes it no phone.
 */
#include <config.h>

#include "core/member.h"
#include "core/phone.h"
#include "core/text.h"
#include "fuzz.h"

static bool
digits(const char *s, size_t from)
{
	for (s += from; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* One of the forms phone.h promises. */
static bool
normal_form(const char *p)
{
	size_t n = strlen(p);

	if (p[0] == '+')
		return n >= 9 && n <= 16 && p[1] != '0' && digits(p, 1);
	if (!digits(p, 0))
		return false;
	return (n == 11 && p[0] == '1' && p[1] >= '3') ||
	       (n == 10 && p[0] == '0' && p[1] == '9') ||
	       (n == 8 && p[0] > '1');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct md md;
	char *s = fuzz_string(data, size), *p;
	char out[PHONE_MAX], again[PHONE_MAX], checked[PHONE_MAX];
	size_t n = strlen(s);
	bool ok;
	int rc;

	fuzz_md(&md);
	ok = phone_try(s, out);
	rc = phone_normalize(&md, s, again);
	FUZZ_ASSERT(ok == (rc == MD_OK));
	if (!ok) {
		fuzz_rejected(&md, rc);
		goto out;
	}
	FUZZ_ASSERT_S(strlen(out) < PHONE_MAX && normal_form(out), out);
	FUZZ_ASSERT(strcmp(out, again) == 0);
	FUZZ_ASSERT_S(phone_try(out, again) && strcmp(out, again) == 0, out);
	if (text_valid_utf8(s, n)) {
		FUZZ_ASSERT(member_check_phone(&md, s, checked) == MD_OK);
		FUZZ_ASSERT(strcmp(out, checked) == 0);
	}
	if (!(p = malloc(n + 3)))
		abort();
	snprintf(p, n + 3, " %s ", s);
	if (phone_try(p, again))
		FUZZ_ASSERT_S(strcmp(out, again) == 0, s);
	else
		FUZZ_ASSERT_S(n > 100, s);
	snprintf(p, n + 3, "%sx", s);
	FUZZ_ASSERT_S(!phone_try(p, again), s);
	free(p);
out:
	free(s);
	return 0;
}
