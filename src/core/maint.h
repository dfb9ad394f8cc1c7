/* maint.h - the time-based rules, applied without a scheduler */
#ifndef MD_MAINT_H
#define MD_MAINT_H

#include "core/md.h"

/* Once a day, whenever memberdesk first opens the database that day (and
 * before anything that reads a balance): expire points whose last day
 * has passed, give birthday points to members whose birthday period has
 * begun, review tiers, on the first day of a week keep the RFM
 * segments of the week before (rfm_snapshot), and give the automatic
 * coupons due (birthday; win-back once that snapshot is taken).
 * Idempotent; a no-op once done for today.
 * The explicit commands (points expire, tier evaluate, coupon rules
 * run) exist for cron. */
int maint_ensure(struct md *md);

#endif
