/* maint.h - the time-based rules, applied without a scheduler */
#ifndef MD_MAINT_H
#define MD_MAINT_H

#include "core/md.h"

/* Once a day, whenever memberdesk first opens the database that day (and
 * before anything that reads a balance): expire points whose last day
 * has passed, give birthday points to members whose birthday period has
 * begun, review tiers, and give the automatic birthday coupons due.
 * Idempotent; a no-op once done for today.  The week's RFM snapshot
 * (and the win-back coupons that depend on it) costs seconds in a large
 * shop, so it is not among these: the faces take it after the first
 * command or screen (rfm_week_ensure), and what reads the week takes it
 * first if it is still missing.
 * The explicit commands (points expire, tier evaluate, coupon rules
 * run) exist for cron. */
int maint_ensure(struct md *md);

#endif
