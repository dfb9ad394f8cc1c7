/* merge.h - two records of one customer become one */
#ifndef MD_MERGE_H
#define MD_MERGE_H

#include "core/md.h"

/* Fold the member DROP names into the one KEEP names, in one
 * transaction: tags, referrals, sales, points (with their expiry),
 * stored value and the higher tier move to KEEP, what KEEP lacks DROP
 * supplies, and DROP is marked merged; both get an audit row. */
int merge_members(struct md *md, const char *keep, const char *drop);

#endif
