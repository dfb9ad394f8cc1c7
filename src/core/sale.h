/* sale.h - sales: the breakdown, recording, voiding, listing */
#ifndef MD_SALE_H
#define MD_SALE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/card.h"
#include "core/md.h"
#include "core/payment.h"
#include "core/member.h"
#include "core/tier.h"

#define SALE_TICKET_MAX 68
#define SALE_CATEGORY_MAX 68
#define SALE_COUPONS_MAX 5	/* the setting coupons_per_sale goes up to this */
#define SALE_COUPONS_TEXT (SALE_COUPONS_MAX * 12)

/* What a face hands in, as text; the core parses and checks it. */
struct sale_input {
	const char *member;	/* KEY, or NULL/"" for a walk-in customer */
	const char *amount;	/* yuan */
	const char *at;		/* NULL: now */
	const char *category;
	const char *payment;	/* cash, wechat, alipay, card, wallet, other */
	const char *ticket;
	const char *note;
	const char *use_points;	/* points to redeem */
	const char *const *coupons;	/* codes, as typed */
	size_t ncoupons;
	bool promo;
};

/* A sale with everything that was computed for it. */
struct sale {
	int64_t id;
	int64_t member_id;		/* 0: walk-in */
	char card[CARD_MAX];
	char name[MEMBER_NAME_MAX];
	char sold_at[20];
	char ticket[SALE_TICKET_MAX];
	char category[SALE_CATEGORY_MAX];
	char payment[PAYMENT_KEY_MAX];
	char note[MEMBER_NOTE_MAX];
	char operator_name[64];
	bool promo;
	int64_t amount;			/* before anything, fen */
	char tier[TIER_NAME_MAX];	/* the member's tier at the sale */
	int discount_pct;		/* that tier's discount, if it applied */
	int64_t tier_discount;
	int64_t coupon_discount;	/* all its coupons took off */
	size_t ncoupons;
	int64_t coupon_id[SALE_COUPONS_MAX];	/* sale_add, sale_quote */
	int64_t coupon_off[SALE_COUPONS_MAX];
	char coupons[SALE_COUPONS_TEXT];	/* "ABCDE-FGHJK;..." as shown */
	char gift[5 * 132];		/* the gifts of its gift coupons, one a line */
	int64_t points_used;
	int64_t points_value;		/* fen the points paid */
	int64_t paid;			/* what the customer paid */
	int64_t wallet_principal;	/* of PAID, from stored value */
	int64_t wallet_bonus;
	int64_t points_earned;
	int points_rate;		/* percent multipliers applied */
	int64_t member_day_pct, birthday_pct;
	char upgraded_to[TIER_NAME_MAX];	/* sale_add: the tier it reached */
	int64_t points_after;		/* balances after the sale */
	int64_t wallet_after;
	char voided_at[20];
	char voided_by[64];
	char void_reason[MEMBER_NOTE_MAX];
};

/* Work out a sale without recording it: the counter's preview. */
int sale_quote(struct md *md, const struct sale_input *in, struct sale *s);

/* Record a sale: discount, points used and earned, stored value spent,
 * an upgrade when the member now qualifies, the referrer's reward on a
 * first purchase.  One transaction. */
int sale_add(struct md *md, const struct sale_input *in, struct sale *s);

/* Undo everything the sale did through compensating ledger rows.  A
 * sale whose earned points were spent already is refused unless
 * FORGIVE_POINTS, which takes back only what is left. */
int sale_void(struct md *md, const char *key, const char *reason,
	      bool forgive_points);

/* KEY: the sale number, or failing that a ticket number. */
int sale_get(struct md *md, const char *key, struct sale *s);

struct sale_filter {
	const char *member;	/* KEY */
	const char *from;	/* dates, inclusive */
	const char *to;
};

int sale_list(struct md *md, const struct sale_filter *f,
	      int (*cb)(void *arg, const struct sale *s), void *arg);

/* Move DROP's sales to KEEP (member merge). */
int sale_merge(struct md *md, int64_t keep, int64_t drop);

/* Checks shared by the CLI, the TUI and the import (the payment's is
 * payment_check()). */
/* When a sale happened, as the CLI's --at or an import's column gives
 * it: a timestamp into OUT, not after NOW ("YYYY-MM-DD HH:MM:SS") and not
 * before SALE_EARLIEST (no shop sold to a member of ours before then). */
#define SALE_EARLIEST "1990-01-01"
int sale_check_time(struct md *md, const char *in, const char *now, char out[20]);
/* A short free-text field (category, ticket): trimmed, plain, at most
 * COLS columns. */
int sale_check_label(struct md *md, const char *what, const char *in, int cols,
		     char *out, size_t n);

#endif
