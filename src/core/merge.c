/* merge.c - one customer's two records become one
 *
 * Above the ledgers, as maint.c is: each part of the shop that keeps
 * something of a member folds DROP into KEEP in its own step, and none
 * of them calls back up here.  A new ledger (coupons) adds a row.
 */
#include <config.h>

#include <stdlib.h>

#include "core/coupon.h"
#include "core/db.h"
#include "core/member.h"
#include "core/merge.h"
#include "core/operator.h"
#include "core/points.h"
#include "core/sale.h"
#include "core/tier.h"
#include "core/wallet.h"

/* After the member's own part (member_fold), one step per ledger. */
static int (*const steps[])(struct md *md, int64_t keep, int64_t drop) = {
	sale_merge,	/* sales and their history */
	points_merge,	/* points lots, each with its own expiry */
	wallet_merge,	/* stored value, principal and bonus apart */
	tier_merge,	/* the higher tier */
	coupon_merge,	/* coupons, whatever their state */
};

static int
merge_locked(struct md *md, const char *keep_key, const char *drop_key)
{
	struct member keep, drop;
	char *old_keep = NULL, *old_drop = NULL;
	size_t i;
	int rc;

	if ((rc = member_get(md, keep_key, &keep)) ||
	    (rc = member_get(md, drop_key, &drop)) ||
	    (rc = member_check_mergeable(md, &keep, &drop)))
		return rc;
	if ((rc = member_snapshot(md, keep.id, &old_keep)) ||
	    (rc = member_snapshot(md, drop.id, &old_drop)) ||
	    (rc = member_fold(md, &keep, &drop)))
		goto out;
	for (i = 0; i < sizeof steps / sizeof *steps; i++)
		if ((rc = steps[i](md, keep.id, drop.id)))
			goto out;
	if ((rc = member_audit(md, ACTION_MEMBER_MERGE, keep.id, old_keep)))
		goto out;
	rc = member_audit(md, ACTION_MEMBER_MERGED, drop.id, old_drop);
out:
	free(old_keep);
	free(old_drop);
	return rc;
}

int
merge_members(struct md *md, const char *keep, const char *drop)
{
	int rc;

	if ((rc = operator_may(md, ACTION_MEMBER_MERGE)))
		return rc;
	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, merge_locked(md, keep, drop));
}
