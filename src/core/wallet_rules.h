/* wallet_rules.h - the recharge bonus rules (充100送20) as written */
#ifndef MD_WALLET_RULES_H
#define MD_WALLET_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/md.h"

#define WALLET_RULES_MAX 16
#define WALLET_RULES_TEXT 1024	/* the longest rules text read */

/* 充100送20: recharging AMOUNT or more gives BONUS (both fen). */
struct wallet_rule {
	int64_t amount, bonus;
};

/* "100:20,500:120" (yuan; ',' or '，' between rules; "" or "none" for no
 * rules) into RULES sorted by amount.  A rule's bonus is at most its
 * recharge.  Longer than WALLET_RULES_TEXT - 1 bytes is refused. */
int wallet_rules_parse(struct md *md, const char *s,
		       struct wallet_rule rules[WALLET_RULES_MAX], int *n);
/* The normal form, "100:20,500:120", into OUT (SIZE bytes); false when
 * it does not fit (OUT then holds only the start). */
bool wallet_rules_format(const struct wallet_rule *rules, int n, char *out,
			 size_t size);

#endif
