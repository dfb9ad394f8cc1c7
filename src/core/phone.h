/* phone.h - one spelling for every phone number */
#ifndef MD_PHONE_H
#define MD_PHONE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/md.h"

#define PHONE_MAX 20	/* '+', 15 digits and the terminator, with room */

/* Normalise and validate a phone number as staff or an old system wrote
 * it.  Spaces, dashes, dots, brackets and fullwidth digits are folded;
 * a +86/0086/86 prefix is dropped from mainland mobiles, +886 9... becomes
 * 09..., +852/+853 numbers become their 8 local digits.  What is kept:
 *   mainland mobile  1[3-9] and 9 digits
 *   Taiwan mobile    09 and 8 digits
 *   Hong Kong/Macau  8 digits, not starting with 0 or 1
 *   international    + and 8 to 15 digits
 * OUT gets the normalised form. */
int phone_normalize(struct md *md, const char *in, char out[PHONE_MAX]);

/* Like phone_normalize() but silent: true when IN is a valid phone. */
bool phone_try(const char *in, char out[PHONE_MAX]);

#define PHONE_SPELLINGS 4	/* the most phone_spellings() gives */
#define PHONE_SPELLING_MAX 24

/* The strings of digits alone that phone_try() takes for PHONE (in its
 * normal form): the number itself and its forms with an international
 * prefix ("0086..." and "86..." for a mainland mobile, "00886..." for
 * Taiwan, "00852"/"00853" for Hong Kong and Macau, "00..." for the
 * rest).  A card of digits (and dashes) that is one of these reads as
 * that phone.  Returns how many there are in OUT. */
int phone_spellings(const char *phone,
		    char out[PHONE_SPELLINGS][PHONE_SPELLING_MAX]);

#endif
