/* card.h - membership card numbers */
#ifndef MD_CARD_H
#define MD_CARD_H

#include <stdbool.h>
#include <stdint.h>

#define CARD_MAX 33	/* 32 characters and the terminator */

/* The Luhn check digit for the decimal digits of SEQ. */
int card_check_digit(uint64_t seq);

/* SEQ followed by its check digit: 10000 -> "100009". */
void card_from_seq(uint64_t seq, char out[CARD_MAX]);

/* True when S is all digits and its last digit is the Luhn check digit
 * of the rest: catches a mistyped digit or two swapped neighbours. */
bool card_checksum_ok(const char *s);

/* True for a card number memberdesk can store: 1 to 32 characters of
 * ASCII letters, digits, '-' and '_' (imported cards keep their form). */
bool card_format_ok(const char *s);

#endif
