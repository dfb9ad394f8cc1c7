/* coupon_auto.h - the automatic coupons: welcome, birthday, upgrade, win-back
 *
 * Each rule is optional and bound to a campaign, whose offer, days and
 * limits its coupons take; the rule, not the campaign's target, says who
 * gets one.  A rule gives a member at most one coupon per period (the
 * join, the birthday's year, the tier, the week), so running it again
 * gives nothing twice.  Frozen and deleted members get none.
 */
#ifndef MD_COUPON_AUTO_H
#define MD_COUPON_AUTO_H

#include <stdbool.h>
#include <stdint.h>

#include "core/campaign.h"
#include "core/coupon.h"
#include "core/date.h"
#include "core/md.h"
#include "core/member.h"

enum coupon_rule {
	COUPON_RULE_WELCOME,	/* on registration at the counter */
	COUPON_RULE_BIRTHDAY,	/* N days before the birthday */
	COUPON_RULE_UPGRADE,	/* when a sale lifts the member into a higher tier */
	COUPON_RULE_WINBACK,	/* into important_winback, or sleeping, this week */
	COUPON_RULES
};

#define COUPON_RULE_DAYS 7	/* birthday: the default days before */
#define COUPON_RULE_DAYS_MAX 60

/* "welcome" (as stored, and as coupons.how says it), and for people. */
const char *coupon_rule_key(enum coupon_rule r);
const char *coupon_rule_label(enum coupon_rule r);
/* KEY as typed: MD_EINVAL naming the rules otherwise. */
int coupon_rule_parse(struct md *md, const char *key, enum coupon_rule *r);

struct coupon_rule_def {
	bool set;
	struct campaign campaign;	/* when set */
	int days;			/* birthday: days before; else 0 */
};

/* The four rules, set or not, indexed by enum coupon_rule. */
int coupon_rule_list(struct md *md, struct coupon_rule_def out[COUPON_RULES]);

/* Bind RULE to CAMPAIGN (its number or name; not an ended one); DAYS
 * (NULL: the default, 7) is the birthday rule's days before, 0 to 60.
 * Setting a rule again rebinds it.  Audited. */
int coupon_rule_set(struct md *md, const char *rule, const char *campaign,
		    const char *days);
int coupon_rule_unset(struct md *md, const char *rule);

/* What one rule did in a run. */
struct coupon_rule_result {
	bool set;
	bool idle;		/* set, but its campaign gives no coupons now */
	int64_t issued;
	int64_t at_limit;	/* due, but holding their per-member coupons */
	int64_t over_total;	/* due, but past the campaign's total */
};

/* Run the time-based rules (birthday, win-back) for today, in one
 * transaction: the explicit command, for cron.  Win-back looks at the
 * latest weekly snapshot. */
int coupon_rules_run(struct md *md, struct coupon_rule_result r[COUPON_RULES]);

/* The daily rules' part, inside their transaction: birthdays whose
 * issue day fell from FROM to TODAY and is not past. */
int coupon_auto_daily_locked(struct md *md, struct date from, struct date today);

/* The win-back coupons for WEEK (a day), inside the transaction that
 * completes that week's snapshot (rfm_snapshot), when it is the last
 * week before today. */
int coupon_auto_winback_locked(struct md *md, const char *week);

/* Registration at the counter: member_add, then the welcome coupon in
 * the same transaction.  *WELCOMED says whether one was given, into
 * *K.  Imports call member_add itself and give none. */
int coupon_auto_member_add(struct md *md, const struct member_input *in,
			   char card_out[CARD_MAX], struct coupon *k, bool *welcomed);

/* After a sale upgraded MEMBER_ID (inside the sale's transaction): the
 * upgrade coupon for the tier they now hold, once per tier. */
int coupon_auto_upgrade_locked(struct md *md, int64_t member_id);

#endif
