/* receipt.h - a sale as a plain-text receipt for a thermal printer, and a
 * coupon's slip */
#ifndef MD_RECEIPT_H
#define MD_RECEIPT_H

#include <stdio.h>

#include "core/coupon.h"
#include "core/sale.h"
#include "core/settings.h"

/* Write S as a receipt WIDTH columns wide (32 for 58 mm paper, 48 for
 * 80 mm), lined up by display width.  SHOP heads it.  Returns <0 on a
 * write error. */
int receipt_write(struct md *md, FILE *fp, const struct sale *s, const char *shop, int width);

/* The same; COPY says under the shop's name that it is a copy. */
int receipt_text(struct md *md, FILE *fp, const struct sale *s, const char *shop, int width, bool copy);

/* The pieces of a slip WIDTH columns wide: a line of C; S centred;
 * LABEL at the left and VALUE at the right (on a line of its own when
 * both do not fit). */
void receipt_rule(FILE *fp, int width, char c);
void receipt_centre(FILE *fp, const char *s, int width);
void receipt_line(FILE *fp, const char *label, const char *value, int width);

/* What a receipt is sent as: text, a PDF at the paper's width, or
 * ESC/POS bytes for a raw queue. */
enum receipt_format {
	RECEIPT_TEXT,
	RECEIPT_PDF,
	RECEIPT_ESCPOS,
};

/* "text", "pdf" or "escpos" (WHAT names the option or setting). */
int receipt_format_parse(struct md *md, const char *what, const char *s,
			 enum receipt_format *f);

/* A receipt to make: the paper's WIDTH, and from the settings the
 * shop, receipt_mode (what --print sends), receipt_printer,
 * receipt_encoding and cash_drawer; COPY when it was printed before. */
struct receipt_job {
	int width;
	bool copy;
	bool drawer;		/* open the cash drawer: a cash sale, printed first */
	enum receipt_format mode;
	char shop[SETTING_MAX], queue[SETTING_MAX], encoding[SETTING_MAX];
};
int receipt_job(struct md *md, const struct sale *s, int width, struct receipt_job *j);

/* S's receipt in format F to FP (receipt_print.c). */
int receipt_render(struct md *md, FILE *fp, const struct sale *s,
		   const struct receipt_job *j, enum receipt_format f);

/* Print S's receipt as J says on J's queue, and record the print (the
 * next one is a copy).  What lp says goes to OUT. */
int receipt_print(struct md *md, const struct sale *s, const struct receipt_job *j,
		  FILE *out);

/* TEXT (N bytes, WIDTH columns) on the receipt printer as receipt_mode
 * says: for what is not a sale's receipt (the end of a shift). */
int receipt_print_text(struct md *md, const char *text, size_t n, int width, FILE *out);

/* Coupon K as a slip for the customer, on the same paper: the shop,
 * the campaign and its offer, whose it is, the code (as people type
 * it) and the days it may be used. */
int receipt_coupon_slip(struct md *md, FILE *fp, const struct coupon *k, const char *shop, int width);

#endif
