/* wallet.h - stored value (储值): recharge with bonus, spend, refund */
#ifndef MD_WALLET_H
#define MD_WALLET_H

#include <stddef.h>
#include <stdint.h>

#include "core/card.h"
#include "core/md.h"
#include "core/member.h"
#include "core/wallet_rules.h"

int wallet_rules_get(struct md *md, struct wallet_rule rules[WALLET_RULES_MAX],
		     int *n);
int wallet_rules_set(struct md *md, const char *s);

/* The bonus a recharge of AMOUNT earns: the largest rule reached. */
int wallet_bonus_for(struct md *md, int64_t amount, int64_t *bonus);

/* What a wallet operation did, for the faces to print. */
struct wallet_result {
	char card[CARD_MAX];
	char name[MEMBER_NAME_MAX];
	int64_t principal;		/* change */
	int64_t bonus;			/* change */
	int64_t principal_after;
	int64_t bonus_after;
};

/* Recharge AMOUNT (text, yuan) paid by PAYMENT (cash, wechat, alipay,
 * card, other; NULL for cash).  The bonus follows wallet_rules. */
int wallet_recharge(struct md *md, const char *key, const char *amount,
		    const char *payment, const char *note,
		    struct wallet_result *out);

/* Give back AMOUNT of unspent principal.  The bonus that came with it is
 * forfeited in proportion (all of it when all principal goes back). */
int wallet_refund(struct md *md, const char *key, const char *amount,
		  const char *payment, const char *reason,
		  struct wallet_result *out);

/* For sales (inside their transaction).  Spending takes principal first,
 * then bonus; *PRINCIPAL and *BONUS get what was taken. */
int wallet_split(struct md *md, const struct member *m, int64_t amount,
		 int64_t *principal, int64_t *bonus);

/* Append a ledger row and move the member's cached balances.  Refuses a
 * change that would make either balance negative. */
int wallet_post(struct md *md, int64_t member_id, const char *kind,
		int64_t principal, int64_t bonus, int64_t sale_id,
		const char *at, const char *payment, const char *reason);

/* Move DROP's balances to KEEP (member merge). */
int wallet_merge(struct md *md, int64_t keep, int64_t drop);

struct wallet_entry {
	int64_t id;
	const char *at, *kind, *payment, *reason, *operator_name;
	int64_t principal, bonus, balance, sale_id;
};

/* A member's wallet ledger, oldest first, with the running balance. */
int wallet_history(struct md *md, const char *key,
		   int (*cb)(void *arg, const struct wallet_entry *e), void *arg);

/* A ledger kind ("earn", "recharge") as people say it, translated. */
const char *wallet_kind_label(const char *kind);

#endif
