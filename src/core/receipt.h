/* receipt.h - a sale as a plain-text receipt for a thermal printer */
#ifndef MD_RECEIPT_H
#define MD_RECEIPT_H

#include <stdio.h>

#include "core/sale.h"

/* Write S as a receipt WIDTH columns wide (32 for 58 mm paper, 48 for
 * 80 mm), lined up by display width.  SHOP heads it.  Returns <0 on a
 * write error. */
int receipt_write(FILE *fp, const struct sale *s, const char *shop, int width);

#endif
