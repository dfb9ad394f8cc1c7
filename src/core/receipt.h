/* receipt.h - a sale as a plain-text receipt for a thermal printer, and a
 * coupon's slip */
#ifndef MD_RECEIPT_H
#define MD_RECEIPT_H

#include <stdio.h>

#include "core/coupon.h"
#include "core/sale.h"

/* Write S as a receipt WIDTH columns wide (32 for 58 mm paper, 48 for
 * 80 mm), lined up by display width.  SHOP heads it.  Returns <0 on a
 * write error. */
int receipt_write(FILE *fp, const struct sale *s, const char *shop, int width);

/* Coupon K as a slip for the customer, on the same paper: the shop,
 * the campaign and its offer, whose it is, the code (as people type
 * it) and the days it may be used. */
int receipt_coupon_slip(FILE *fp, const struct coupon *k, const char *shop, int width);

#endif
