/* card.c - card numbers with a Luhn check digit
 *
 * Generated cards are a counter (setting card_next) followed by the Luhn
 * digit, the scheme of bank and loyalty cards: short enough to read out
 * at a counter, and a single mistyped digit never finds another member.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/card.h"

static int
luhn_of(const char *digits)
{
	size_t n = strlen(digits);
	int sum = 0, d;
	bool dbl = true;	/* the digit next to the check digit doubles */

	while (n-- > 0) {
		d = digits[n] - '0';
		if (dbl) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
		dbl = !dbl;
	}
	return (10 - sum % 10) % 10;
}

int
card_check_digit(uint64_t seq)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%llu", (unsigned long long)seq);
	return luhn_of(buf);
}

void
card_from_seq(uint64_t seq, char out[CARD_MAX])
{
	snprintf(out, CARD_MAX, "%llu%d", (unsigned long long)seq,
		 card_check_digit(seq));
}

bool
card_checksum_ok(const char *s)
{
	char body[CARD_MAX];
	size_t n = strlen(s);

	if (n < 2 || n >= CARD_MAX || strspn(s, "0123456789") != n)
		return false;
	memcpy(body, s, n - 1);
	body[n - 1] = '\0';
	return luhn_of(body) == s[n - 1] - '0';
}

bool
card_format_ok(const char *s)
{
	size_t n = strlen(s);

	return n >= 1 && n < CARD_MAX &&
	       strspn(s, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		      "abcdefghijklmnopqrstuvwxyz-_") == n;
}
