/* date.h - calendar dates as day numbers, and the formats people type */
#ifndef MD_DATE_H
#define MD_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/md.h"

/* A civil date; Y is 0 when the year is unknown (birthdays "MM-DD"). */
struct date {
	int y, m, d;
};

bool date_valid(int y, int m, int d);
int date_days_in_month(int y, int m);

/* Days since 1970-01-01 (proleptic Gregorian), and back. */
int64_t date_to_days(struct date dt);
struct date date_from_days(int64_t days);

/* ISO weekday: 1 Monday ... 7 Sunday. */
int date_weekday(struct date dt);

/* Weeks run Monday to Sunday and are named by their Sunday: the Sunday
 * on or before DT. */
struct date date_week_end(struct date dt);

/* Add N months, clamping the day to the month's end (Jan 31 + 1 = Feb 28). */
struct date date_add_months(struct date dt, int n);

/* "YYYY-MM-DD" into OUT (11 bytes); "MM-DD" when the year is unknown. */
void date_format(struct date dt, char out[11]);

/* Strict ISO "YYYY-MM-DD", nothing else.  Returns false when S is not a
 * real date. */
bool date_parse_iso(const char *s, struct date *dt);

/* The message of a span whose first day FROM comes after its last, TO
 * (both as given), naming the inputs as the face does (md_input). */
int date_fail_order(struct md *md, const char *from, const char *to);

/* A date as shops and spreadsheets write it: 2024-01-05, 2024/1/5,
 * 2024.1.5, 20240105, 2024年1月5日, a trailing " 00:00[:00]", and when
 * ALLOW_NO_YEAR, "01-05", "1/5" or "1月5日" (year 0).  WHAT names the
 * field for the message. */
int date_parse(struct md *md, const char *what, const char *s,
	       struct date *dt, bool allow_no_year);

/* A day Excel wrote as its serial number (a date cell saved without its
 * format): 5 digits, 10000 (1927-05-18) to 99999, with an optional
 * fraction of the day.  True with OUT "YYYY-MM-DD" or, with a time of
 * day, "YYYY-MM-DD HH:MM:SS"; false when S is not such a number. */
bool date_from_excel_serial(const char *s, char out[20]);

/* A point in time for --at and imports: any date date_parse() takes,
 * optionally followed by " HH:MM[:SS]" or "THH:MM[:SS]".  OUT gets
 * "YYYY-MM-DD HH:MM:SS" (local time). */
int date_parse_timestamp(struct md *md, const char *what, const char *s,
			 char out[20]);


#endif
