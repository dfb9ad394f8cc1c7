/* money.h - amounts in integer fen: parsing what people type, formatting */
#ifndef MD_MONEY_H
#define MD_MONEY_H

#include <stdint.h>

#include "core/md.h"

/* The largest amount memberdesk accepts anywhere: ¥9,999,999,999.99. */
#define MONEY_MAX INT64_C(999999999999)

enum {
	MONEY_ALLOW_ZERO = 1 << 0,
	MONEY_ALLOW_NEGATIVE = 1 << 1,
};

/* Parse an amount in yuan: "128", "128.5", "¥1,280.00", "￥12.30元",
 * fullwidth digits too.  At most two decimals, thousands separators only
 * in groups of three.  WHAT names the field in the message ("amount").
 * Zero and negative amounts are refused unless FLAGS allow them. */
int money_parse(struct md *md, const char *what, const char *s,
		int64_t *fen, unsigned flags);

/* "1280.00", "-3.50": plain, for CSV and scripts. */
void money_format(int64_t fen, char out[32]);

/* "100", "12.50": yuan without ".00", for rules people write by hand. */
void money_format_short(int64_t fen, char out[32]);

/* Hundredths as a plain decimal without trailing zeros: 150 -> "1.5",
 * 200 -> "2" (multipliers kept as percentages). */
void money_format_decimal(int64_t hundredths, char out[32]);

/* "¥1,280.00": grouped, with the yuan sign, for people. */
void money_format_human(int64_t fen, char out[40]);

/* fen * num / den rounded half up (away from zero for halves), without
 * overflow for any amount memberdesk stores. */
int64_t money_mul_div(int64_t fen, int64_t num, int64_t den);

#endif
