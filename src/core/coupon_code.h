/* coupon_code.h - coupon codes: 10 characters, a check at the end
 *
 * 9 random characters from 23456789ABCDEFGHJKMNPQRSTUVWXYZ (31 symbols,
 * no 0/O, no 1/I/L: nothing to misread across a counter), then a check
 * character (Luhn mod 31 over the same alphabet), so that a mistyped
 * code is caught without looking it up.  Shown as XXXXX-XXXXX. */
#ifndef MD_COUPON_CODE_H
#define MD_COUPON_CODE_H

#include <stdbool.h>

#include "core/md.h"

#define COUPON_CODE_LEN 10
#define COUPON_CODE_MAX (COUPON_CODE_LEN + 1)
#define COUPON_SHOWN_MAX (COUPON_CODE_LEN + 2)	/* with the hyphen */

/* A new code from the system's secure random source (getrandom). */
int coupon_code_new(struct md *md, char out[COUPON_CODE_MAX]);

/* A code as people type it (lower case, spaces, hyphens, fullwidth)
 * into its stored form.  MD_EINVAL "mistyped code" unless it is ten
 * symbols of the alphabet whose check character holds: nothing more, so
 * that the message says nothing about which codes exist. */
int coupon_code_parse(struct md *md, const char *in, char out[COUPON_CODE_MAX]);

/* The stored form as people see it: "ABCDE-FGHJK". */
void coupon_code_show(const char *code, char out[COUPON_SHOWN_MAX]);

/* The check character for the first LEN symbols of CODE, and whether a
 * whole code checks: for tests and for coupon_code_new. */
char coupon_code_check(const char *code, int len);
bool coupon_code_ok(const char *code);

#endif
