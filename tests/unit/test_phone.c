/* test_phone.c - phone normalisation and card check digits */
#include <config.h>

#include "core/card.h"
#include "core/phone.h"
#include "tap.h"

static void
norm(const char *in, const char *want)
{
	char out[PHONE_MAX] = "";
	bool r = phone_try(in, out);

	ok(r && !strcmp(out, want), "\"%s\" -> %s", in, want);
	if (!r || strcmp(out, want))
		printf("#   got %s \"%s\"\n", r ? "ok" : "invalid", out);
}

static void
bad(const char *in)
{
	char out[PHONE_MAX];

	ok(!phone_try(in, out), "\"%s\" is not a phone number", in);
}

/* phone_spellings(PHONE) is WANT, space-separated, and each of them
 * reads back as PHONE. */
static void
spellings(const char *phone, const char *want)
{
	char out[PHONE_SPELLINGS][PHONE_SPELLING_MAX], got[256] = "", back[PHONE_MAX];
	int n = phone_spellings(phone, out), i, round_trip = 1;

	for (i = 0; i < n; i++) {
		if (i)
			strcat(got, " ");
		strcat(got, out[i]);
		round_trip &= phone_try(out[i], back) && !strcmp(back, phone);
	}
	is_str(got, want, "the spellings of %s", phone);
	ok(round_trip, "each reads back as %s", phone);
}

int
main(void)
{
	char card[CARD_MAX];
	struct md md = {0};
	char out[PHONE_MAX];

	norm("13800138000", "13800138000");
	norm("138 0013 8000", "13800138000");
	norm("138-0013-8000", "13800138000");
	norm("+86 138 0013 8000", "13800138000");
	norm("0086 13800138000", "13800138000");
	norm("8613800138000", "13800138000");
	norm("１３８００１３８０００", "13800138000");
	norm("(138) 0013.8000", "13800138000");
	norm("0912345678", "0912345678");
	norm("+886 912 345 678", "0912345678");
	norm("+886 0912345678", "0912345678");
	norm("9123 4567", "91234567");
	norm("+852 9123 4567", "91234567");
	norm("+853 6612 3456", "66123456");
	norm("+44 7911 123456", "+447911123456");
	norm("+1 415 555 2671", "+14155552671");

	bad("12800138000");	/* mainland mobiles start 13-19 */
	bad("1380013800");	/* ten digits */
	bad("138001380001");
	bad("0812345678");	/* not a Taiwan mobile */
	bad("01234567");	/* HK numbers do not start with 0 */
	bad("+0123456789");
	bad("+1234567");	/* too short for international */
	bad("+1234567890123456");	/* past E.164's 15 digits */
	bad("abc");
	bad("");
	bad("138 0013 800O");
	/* Found by tests/fuzz/fuzz_phone: what lay past the parser's buffer
	 * was never read. */
	{
		char s[200];

		snprintf(s, sizeof s, "+44 20 7946%120s0958", "");
		bad(s);
		snprintf(s, sizeof s, "13800138000%130sx", "");
		bad(s);
	}

	ok(phone_normalize(&md, "12345", out) == MD_EINVAL, "phone_normalize rejects");
	like(md.err, "not a valid mobile number", "with a message naming the forms");

	spellings("13900000005", "13900000005 8613900000005 008613900000005");
	spellings("0912345678", "0912345678 008860912345678 00886912345678");
	spellings("91234567", "91234567 0085291234567 0085391234567");
	spellings("+14155552671", "0014155552671");
	spellings("not a phone", "");

	card_from_seq(10000, card);
	is_str(card, "100008", "card 10000 gets Luhn digit 8");
	card_from_seq(7992739871ULL, card);
	is_str(card, "79927398713", "the textbook Luhn example");
	ok(card_checksum_ok("100008"), "a generated card checks out");
	ok(!card_checksum_ok("100018"), "one wrong digit is caught");
	ok(!card_checksum_ok("010008"), "swapped neighbours are caught");
	ok(card_format_ok("VIP-0012_a"), "imported cards may have letters, - and _");
	ok(!card_format_ok("12 34"), "but no spaces");
	ok(!card_format_ok(""), "and are not empty");
	ok(!card_format_ok("123456789012345678901234567890123"), "and at most 32 long");
	return done_testing();
}
