/* coupon.h - coupons: issued to members, redeemed at the counter */
#ifndef MD_COUPON_H
#define MD_COUPON_H

#include <stdbool.h>
#include <stdint.h>

#include "core/campaign.h"
#include "core/card.h"
#include "core/coupon_code.h"
#include "core/date.h"
#include "core/md.h"
#include "core/member.h"

enum coupon_status {
	COUPON_ISSUED,		/* the member may use it */
	COUPON_REDEEMED,	/* used in a sale (a void of the sale gives it back) */
	COUPON_EXPIRED,
	COUPON_REVOKED,
};

const char *coupon_status_key(enum coupon_status s);
const char *coupon_status_label(enum coupon_status s);
bool coupon_status_parse(const char *key, enum coupon_status *s);
/* How a coupon came: "issue", "give", "buy", "welcome", "birthday",
 * "upgrade", "winback", as people say it. */
const char *coupon_how_label(const char *how);

struct coupon {
	int64_t id;
	char code[COUPON_CODE_MAX];
	struct campaign campaign;	/* its offer and rules */
	int64_t member_id;
	char card[CARD_MAX];
	char name[MEMBER_NAME_MAX];
	enum coupon_status status;
	char how[12];
	char issued_at[20];
	char valid_from[11], expires[11];	/* the first and last day of use */
	int64_t sale_id;	/* the sale that redeemed it, or 0 */
	int64_t discount;	/* what it took off that sale, fen */
	int64_t points_paid;	/* bought for points: how many */
	char ended_at[20];
	char reason[MEMBER_NOTE_MAX];	/* why it was revoked */
};

/* CODE as people type it: MD_EINVAL "mistyped code", MD_ENOTFOUND
 * "unknown code" (nothing that helps to guess others). */
int coupon_get(struct md *md, const char *code, struct coupon *k);

struct coupon_filter {
	int64_t member_id;	/* 0: every member */
	int64_t campaign_id;	/* 0: every campaign */
	int status;		/* an enum coupon_status, or -1 for all */
	bool usable;		/* only those the member could use today */
};

/* Coupons, newest first. */
int coupon_list(struct md *md, const struct coupon_filter *f,
		int (*cb)(void *arg, const struct coupon *k), void *arg);

/* One member a run would reach (for a dry run's list). */
struct coupon_target {
	const char *card, *name, *phone;
};

struct coupon_issue_result {
	int64_t issued;		/* (or, dry: would be) */
	int64_t at_limit;	/* targeted, but holding their per-member coupons */
	int64_t over_total;	/* targeted, but past the campaign's total */
};

/* One coupon to each member the campaign targets, within its limits; a
 * second run gives only to those still below the per-member limit and
 * never passes the total.  DRY_RUN: count, and with CB name them, and
 * write nothing. */
int coupon_issue(struct md *md, const char *campaign, bool dry_run,
		 int (*cb)(void *arg, const struct coupon_target *t), void *arg,
		 struct coupon_issue_result *r);

/* How many members the campaign reaches today (the screens' live count). */
int coupon_reach(struct md *md, const struct campaign *c, int64_t *n);

/* One coupon to one member: given (at the counter), or bought with the
 * campaign's points price.  *K gets it. */
int coupon_give(struct md *md, const char *campaign, const char *member,
		struct coupon *k);
int coupon_buy(struct md *md, const char *campaign, const char *member,
	       struct coupon *k);

/* Take back an unused coupon; one bought with points gives them back. */
int coupon_revoke(struct md *md, const char *code, const char *reason);

/* The sale's part, inside its transaction.  coupon_apply checks that
 * CODE may be used by MEMBER_ID (0: a walk-in) in a sale on DAY of
 * BASE fen after the tier discount, and says what it takes off;
 * coupon_redeem marks it used by SALE_ID (exactly one of two counters
 * redeeming it at once succeeds); coupon_void gives back the coupons of
 * a voided sale (issued again while still good, else expired). */
int coupon_apply(struct md *md, const char *code, int64_t member_id, struct date day,
		 int64_t base, struct coupon *k, int64_t *discount);
int coupon_redeem(struct md *md, const struct coupon *k, int64_t sale_id,
		  int64_t discount, const char *at);
int coupon_void(struct md *md, int64_t sale_id, struct date today);

/* The codes of a sale's coupons as "ABCDE-FGHJK;..." ("" for none). */
int coupon_codes_of_sale(struct md *md, int64_t sale_id, char *out, size_t n);

/* One coupon of C for MEMBER_ID, issued today with a fresh code, how
 * ("give", "welcome", ...) and, for the automatic coupons, the PERIOD
 * it is for (NULL for none); *K (may be NULL) gets it.  Inside the
 * caller's transaction; the caller checks the limits. */
int coupon_insert(struct md *md, const struct campaign *c, int64_t member_id,
		  const char *how, const char *period, struct coupon *k);

/* Member merge: DROP's coupons go to KEEP. */
int coupon_merge(struct md *md, int64_t keep, int64_t drop);

/* Daily: coupons past their last day expire.  *N (may be NULL) gets how
 * many. */
int coupon_expire_locked(struct md *md, struct date today, int64_t *n);

#endif
