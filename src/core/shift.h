/* shift.h - the end of a shift (交班): what came in and went out */
#ifndef MD_SHIFT_H
#define MD_SHIFT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/md.h"

#define SHIFT_METHODS 8		/* at least payment_count() */

struct shift_sum {
	int64_t count, amount;
};

struct shift_report {
	char from[20], to[20];	/* the window, both included */
	char by[64];		/* one operator's, or "" for everyone's */
	/* By payment method (payment_at()'s order): what the sales took
	 * other than stored value, what voids gave back, what top-ups and
	 * refunds moved (principal). */
	struct shift_sum sales[SHIFT_METHODS], voids[SHIFT_METHODS];
	struct shift_sum recharged[SHIFT_METHODS], refunded[SHIFT_METHODS];
	struct shift_sum all_sales, all_voids;
	struct shift_sum wallet;	/* sales stored value paid (part of), and how much */
	int64_t recharge_bonus;		/* bonus that came with the top-ups */
	struct shift_sum points;	/* points redeemed: count, points */
	int64_t points_value;		/* what they took off */
	struct shift_sum coupons;	/* sales with a coupon, what it took off */
	int64_t cash_drawer;		/* the cash that should be in the drawer */
};

/* The report of BY's shift ("" or NULL: everyone's) from FROM to TO
 * (timestamps; NULL: from the end of the last shift closed for BY, or
 * the start of today; to now).  With CLOSE, an audit row closes the
 * shift there, where the next one starts. */
int shift_report(struct md *md, const char *by, const char *from, const char *to,
		 bool close, struct shift_report *r);

/* R for people, WIDTH columns wide (32 or 48, as receipts): on the
 * terminal and the receipt printer.  SHOP heads it.  <0 on a write
 * error. */
int shift_text(struct md *md, FILE *fp, const struct shift_report *r,
	       const char *shop, int width);

#endif
