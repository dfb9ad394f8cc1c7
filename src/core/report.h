/* report.h - the weekly report the owner prints, birthdays, sales
 *
 * The core gathers each report into plain structs; report_text.c lays
 * the weekly one out for paper, and the faces show the rest as tables.
 */
#ifndef MD_REPORT_H
#define MD_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/card.h"
#include "core/date.h"
#include "core/md.h"
#include "core/member.h"
#include "core/phone.h"
#include "core/rfm.h"
#include "core/sale.h"
#include "core/settings.h"
#include "core/value_types.h"

/* One week's key figures (Monday to Sunday).  Amounts in fen. */
struct report_kpis {
	int64_t members;		/* active and frozen, joined by Sunday */
	int64_t new_members;		/* joined in the week */
	int64_t active_members;		/* with a counted sale in the week */
	int64_t sales;			/* not voided, walk-ins included */
	int64_t paid;			/* what those sales were paid */
	int64_t average_ticket;		/* paid / sales, rounded to the fen */
	int64_t points_issued;		/* earned, birthday and referral */
	int64_t points_redeemed;
	int64_t points_expired;
	int64_t wallet_recharged;	/* principal paid in */
	int64_t wallet_spent;		/* stored value paid for sales */
	int64_t coupons_issued;		/* in any state now */
	int64_t coupons_redeemed;	/* by the week's sales (a void gives them back) */
};

/* The key figures in the order the report shows them: KEY for csv,
 * LABEL for people (N_()), where it is in struct report_kpis, and
 * whether it is money. */
struct report_kpi {
	const char *key;
	const char *label;
	size_t offset;
	bool money;
};

#define REPORT_KPIS 13
extern const struct report_kpi report_kpi_defs[REPORT_KPIS];

/* Key figure I of K. */
int64_t report_kpi(const struct report_kpis *k, size_t i);

/* A member for the win-back calls. */
struct report_call {
	char card[CARD_MAX];
	char name[MEMBER_NAME_MAX];
	char phone[PHONE_MAX];
	int segment;		/* moved into this one */
	int was;		/* from this one (RFM_NO_PURCHASE: not scored) */
	char last[11];		/* last purchase */
	int64_t monetary;	/* spend over the window, fen */
};

struct report_birthday {
	char date[11];		/* the coming birthday */
	char card[CARD_MAX];
	char name[MEMBER_NAME_MAX];
	char phone[PHONE_MAX];
	int age;		/* the age reached then; 0 when the year is unknown */
};

struct report_weekly {
	char shop[SETTING_MAX];
	char generated[20];
	struct date week_end;			/* a Sunday */
	struct report_kpis week, previous;	/* this week, the week before */
	int64_t segments[RFM_SEGMENTS];		/* this week's snapshot */
	int64_t segments_before[RFM_SEGMENTS];	/* the earlier snapshot's */
	char before[11];			/* its week, or "" when none */
	struct value_types_summary types;
	int64_t days[14];	/* paid each day, fen: the week before from its Monday, then the week */
	struct report_call *calls;
	size_t ncalls;
	struct report_birthday *birthdays;	/* the 7 days after the week */
	size_t nbirthdays;
};

/* --week-ending as typed: a Sunday, not after today.  NULL takes the
 * Sunday on or before today. */
int report_week_parse(struct md *md, const char *s, struct date *week_end);

/* Gather the report for the week ending WEEK_END, storing that week's
 * segment snapshot first when it is missing.  Free with
 * report_weekly_free(), whatever it returns. */
int report_weekly(struct md *md, struct date week_end, struct report_weekly *w);
void report_weekly_free(struct report_weekly *w);

/* The report on paper (report_text.c): REPORT_COLS columns, pages of
 * REPORT_LINES lines with a header and a page number, form feeds
 * between them.  csv (report_csv.c) has the same figures as rows of
 * section,key,field,value.  <0 on a write error. */
#define REPORT_COLS 80
#define REPORT_LINES 66
int report_weekly_text(struct md *md, FILE *fp, const struct report_weekly *w);
int report_weekly_csv(FILE *fp, const struct report_weekly *w);

/* The report as a PDF (report_pdf.c): A4 portrait, a header with the
 * shop and the week and a page number on every page, columns placed by
 * the width of their words, charts drawn as bars.  MD_EIO with MD's
 * message when it cannot be written. */
int report_weekly_pdf(struct md *md, FILE *fp, const struct report_weekly *w);

/* A number of days as typed (--within): 1 to 366. */
int report_days_parse(struct md *md, const char *what, const char *s, int *days);

/* Active and frozen members whose birthday falls in the DAYS days from
 * FROM on, by date then card.  A 29 February birthday is kept on
 * 28 February in a common year. */
int report_birthdays(struct md *md, struct date from, int days,
		     int (*cb)(void *arg, const struct report_birthday *b),
		     void *arg);

enum report_by {
	REPORT_BY_DAY,
	REPORT_BY_WEEK,		/* named by its Sunday */
	REPORT_BY_MONTH,
	REPORT_BY_CATEGORY,
	REPORT_BY_PAYMENT,
};

/* "day", "week", "month", "category" or "payment". */
int report_by_parse(struct md *md, const char *s, enum report_by *by);

struct report_sales_row {
	char key[SALE_CATEGORY_MAX];	/* day, Sunday, month, category, payment */
	int64_t sales;
	int64_t paid;			/* fen */
};

struct report_sales {
	struct report_sales_row *rows;
	size_t n;
	int64_t sales, paid;		/* the totals */
};

/* Sales that are not voided, walk-ins included, from FROM to TO (days,
 * inclusive), grouped BY.  Periods in order; categories and payment
 * methods by what was paid, most first.  Free with report_sales_free(). */
int report_sales(struct md *md, struct date from, struct date to,
		 enum report_by by, struct report_sales *out);
void report_sales_free(struct report_sales *s);

#endif
