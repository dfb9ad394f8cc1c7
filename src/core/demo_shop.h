/* demo_shop.h - a living demo shop, kept apart from the real one */
#ifndef MD_DEMO_SHOP_H
#define MD_DEMO_SHOP_H

#include "core/md.h"

/* Open the demo database at PATH on MD, making it anew when it is
 * missing or was made on another day (so that it always looks current):
 * a few hundred members from demo.h's generator through the real
 * import, a year and a half of sales, tiers reviewed, tags, a recharge
 * bonus rule, a coupon campaign issued to the members to win back, and
 * the weekly snapshots of the last weeks, so that the weekly report
 * shows movement and a call list.  PATH is never the real database. */
int demo_shop_open(struct md *md, const char *path);

#endif
