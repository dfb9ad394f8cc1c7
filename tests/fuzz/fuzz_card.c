/* fuzz_card.c - card numbers: the Luhn check and the stored form
 *
 * What must hold: a card that passes the checksum is digits whose last
 * digit no other digit could replace, and is what card_from_seq makes
 * of the rest; member_check_card's answer is a storable card that
 * checks to itself, and a character no card has makes it no card.
 */
#include <config.h>

#include "core/card.h"
#include "core/member.h"
#include "fuzz.h"

static void
checksum(const char *s)
{
	size_t n = strlen(s);
	char copy[CARD_MAX], made[CARD_MAX];
	uint64_t seq = 0;

	if (!card_checksum_ok(s))
		return;
	FUZZ_ASSERT_S(n >= 2 && n < CARD_MAX && card_format_ok(s), s);
	memcpy(copy, s, n + 1);
	for (char d = '0'; d <= '9'; d++) {
		copy[n - 1] = d;
		FUZZ_ASSERT_S(card_checksum_ok(copy) == (d == s[n - 1]), copy);
	}
	if (n <= 19 && s[0] != '0') {
		for (size_t i = 0; i + 1 < n; i++)
			seq = seq * 10 + (uint64_t)(s[i] - '0');
		card_from_seq(seq, made);
		FUZZ_ASSERT_S(strcmp(made, s) == 0, s);
	}
}

static void
member_card(struct md *md, const char *s)
{
	char out[CARD_MAX], again[CARD_MAX], *p;
	size_t n = strlen(s);
	int rc;

	md->err[0] = '\0';
	if ((rc = member_check_card(md, s, out))) {
		fuzz_rejected(md, rc);
		return;
	}
	FUZZ_ASSERT_S(card_format_ok(out), out);
	FUZZ_ASSERT_S(member_check_card(md, out, again) == MD_OK &&
		      strcmp(out, again) == 0, out);
	if (!(p = malloc(n + 2)))
		abort();
	snprintf(p, n + 2, "%s!", s);
	FUZZ_ASSERT_S(member_check_card(md, p, again) != MD_OK, s);
	free(p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct md md;
	char *s = fuzz_string(data, size), made[CARD_MAX];
	uint64_t seq = 0;
	size_t n = strlen(s);

	fuzz_md(&md);
	checksum(s);
	if (card_format_ok(s))
		FUZZ_ASSERT(n >= 1 && n < CARD_MAX &&
			    strspn(s, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				   "abcdefghijklmnopqrstuvwxyz-_") == n);
	member_card(&md, s);
	/* Generated cards, from the input's first bytes as a counter. */
	memcpy(&seq, data, size < sizeof seq ? size : sizeof seq);
	card_from_seq(seq, made);
	FUZZ_ASSERT_S(card_checksum_ok(made) && card_format_ok(made), made);
	FUZZ_ASSERT(card_check_digit(seq) >= 0 && card_check_digit(seq) <= 9);
	free(s);
	return 0;
}
