/* demo.h - a made-up shop with the shape of a real one
 *
 * The same seed gives the same shop, byte for byte, on every machine:
 * the benchmark (make bench) and the demo shop read it.  The shop is
 * written as the CSV files another system would export, so that it
 * enters through the import like any real shop does.
 */
#ifndef MD_DEMO_H
#define MD_DEMO_H

#include <stdint.h>
#include <stdio.h>

#include "core/date.h"
#include "core/md.h"

struct demo_shape {
	int64_t members;	/* 1 .. DEMO_MAX_MEMBERS */
	int64_t sales;		/* 0 .. DEMO_MAX_SALES */
	uint64_t seed;
	struct date today;	/* sales end the day before */
	int years;		/* of sales before today, 1 .. 10 */
	/* The smallest amount written, in fen: 0 or 1 for any, 100 for a
	 * shop of whole units (money_unit); rounded down after the draw,
	 * so that a seed makes the same shop in either. */
	int64_t unit;
};

#define DEMO_MAX_MEMBERS 100000000LL
#define DEMO_MAX_SALES 1000000000LL

/* Write the members (卡号,姓名,手机,性别,生日,注册日期,当前积分,卡内余额,
 * 状态,备注) and their sales (小票号,卡号,消费时间,实收,品类,促销,支付方式)
 * to MEMBERS and SALES.  Spend is Pareto-like (a fifth of the members
 * buy most), visits come at irregular gaps and some members stop
 * coming, one member in six never buys, one sale in twenty is a
 * walk-in's, promotion days sell more and cheaper.  Memory is a few
 * bytes a member, whatever the number of sales. */
int demo_write(struct md *md, const struct demo_shape *s, FILE *members, FILE *sales);

#endif
