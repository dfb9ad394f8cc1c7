/* money.h - amounts in integer fen (hundredths of the shop's currency
 * unit): parsing what people type, formatting, the shop's currency */
#ifndef MD_MONEY_H
#define MD_MONEY_H

#include <stdint.h>

#include "core/md.h"

/* The largest amount memberdesk accepts anywhere: 9,999,999,999.99 units. */
#define MONEY_MAX INT64_C(999999999999)

enum {
	MONEY_ALLOW_ZERO = 1 << 0,
	MONEY_ALLOW_NEGATIVE = 1 << 1,
	/* Cents even in a shop of whole units: the history an import
	 * brings, which happened as it did. */
	MONEY_ANY_CENTS = 1 << 2,
};

/* Parse an amount of the shop's money: "128", "128.5", "¥1,280.00",
 * "￥12.30元", "NT$1,280", fullwidth digits too.  The shop's currency
 * sign (and "$" for a dollar) may come first, 元 or 圓 last; another
 * currency's sign is refused.  At most two decimals, and none but zeros
 * when money_decimals is 0; thousands separators only in groups of
 * three.  WHAT names the field in the message ("amount").  Zero and
 * negative amounts are refused unless FLAGS allow them. */
int money_parse(struct md *md, const char *what, const char *s,
		int64_t *fen, unsigned flags);

/* The same rules for a number kept in hundredths that is not money (a
 * multiplier "1.5"): no currency, always up to two decimals. */
int money_parse_number(struct md *md, const char *what, const char *s,
		       int64_t *hundredths, unsigned flags);

/* P, in S (which WHAT names), past the shop's currency sign and the
 * spaces after it; NULL, with the message, for another currency's
 * sign.  For numbers next to money (an import's unit prices). */
const char *money_skip_sign(struct md *md, const char *what, const char *s,
			    const char *p);

/* "1280.00", "-3.50": plain, for CSV and scripts, whatever the
 * currency, so that an export imports back. */
void money_format(int64_t fen, char out[32]);

/* "100", "12.50": yuan without ".00", for rules people write by hand. */
void money_format_short(int64_t fen, char out[32]);

/* Hundredths as a plain decimal without trailing zeros: 150 -> "1.5",
 * 200 -> "2" (multipliers kept as percentages). */
void money_format_decimal(int64_t hundredths, char out[32]);

/* "¥1,280.00", "NT$1,280": grouped, with the shop's currency sign and
 * decimals, for people.  Cents are shown when an amount has them even
 * in a shop of whole units, so that nothing is hidden. */
void money_human(struct md *md, int64_t fen, char out[40]);

/* "1280.00", "1280": plain, in the shop's decimals (cents shown when
 * there are some), for the columns of a table people read. */
void money_figure(struct md *md, int64_t fen, char out[40]);

/* The shop's currency: "CNY", and its sign, "¥". */
const char *money_currency(struct md *md);
const char *money_sign(struct md *md);

/* The smallest amount the shop counts in, in fen: 1, or 100 when
 * money_decimals is 0. */
int64_t money_unit(struct md *md);

/* FEN rounded half up to the shop's unit (a discount's result). */
int64_t money_round(struct md *md, int64_t fen);

/* The currency settings changed: read them again at the next use. */
void money_forget(struct md *md);

/* A new shop counts in the money of the place its locale names
 * (Taiwan: NT$ in whole dollars; Hong Kong: HK$; Macau: MOP$). */
int money_new_shop(struct md *md);

/* settings.c's check of the currency setting: a code of the table,
 * in any case. */
int money_check_currency(struct md *md, const char *in, char *out);

/* fen * num / den rounded half up (away from zero for halves), without
 * overflow for any amount memberdesk stores. */
int64_t money_mul_div(int64_t fen, int64_t num, int64_t den);

#endif
