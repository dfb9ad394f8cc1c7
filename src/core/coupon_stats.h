/* coupon_stats.h - did a campaign pay off: its coupons and the sales they brought */
#ifndef MD_COUPON_STATS_H
#define MD_COUPON_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "core/campaign.h"
#include "core/md.h"
#include "core/rfm.h"
#include "core/tier.h"

/* The coupons of one group.  issued counts every coupon given, in
 * whatever state it is now; discount is what the redeemed ones took
 * off; revenue what their sales were paid (a sale counted once however
 * many of the campaign's coupons it used).  Fen. */
struct coupon_stats_row {
	char key[TIER_NAME_MAX];	/* the tier's name, the segment's key */
	int64_t issued, redeemed, expired, revoked;
	int64_t discount, revenue;
};

/* A campaign's figures: all its coupons, then by the tier and by the RFM
 * segment the member was in when the coupon was issued. */
struct coupon_stats {
	struct campaign campaign;
	struct coupon_stats_row all;
	struct coupon_stats_row tiers[TIERS_MAX + 1];	/* by rank; key "" for none */
	size_t ntiers;
	/* By enum rfm_segment, every one; RFM_NO_PURCHASE holds the
	 * coupons of members the week's snapshot had not scored. */
	struct coupon_stats_row segments[RFM_SEGMENTS];
};

/* CAMPAIGN is its number or name.  Reads only. */
int coupon_stats(struct md *md, const char *campaign, struct coupon_stats *s);

/* redeemed / issued as "40.0%" ("" when none was issued). */
void coupon_stats_rate(const struct coupon_stats_row *r, char out[32]);
/* revenue per yuan of discount, "4.25" ("" when nothing was taken off). */
void coupon_stats_return(const struct coupon_stats_row *r, char out[32]);

#endif
