/* clock.c - what day and time it is for memberdesk
 *
 * The computer's clock, or MEMBERDESK_NOW for tests and for entering a
 * past day after the fact; never a day ahead of the computer's own
 * clock, because a day to come recorded as done would stop the daily
 * rules.  Above md.c and date.c, which know nothing of the clock.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "core/date.h"
#include "i18n.h"

/* MEMBERDESK_NOW="YYYY-MM-DD[ HH:MM[:SS]]" pins the clock (local time),
 * for tests and for replaying a day. */
int
clock_init(struct md *md)
{
	const char *pin = getenv("MEMBERDESK_NOW");
	char ts[20];
	struct tm tm = {0};
	int rc;

	md->now = time(NULL);
	if (!pin || !*pin)
		return MD_OK;
	rc = date_parse_timestamp(md, "MEMBERDESK_NOW", pin, ts);
	if (rc)
		return rc;
	sscanf(ts, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	       &tm.tm_hour, &tm.tm_min, &tm.tm_sec);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	md->now = mktime(&tm);
	md->clock_pinned = true;
	return clock_check(md, "MEMBERDESK_NOW", ts, md->now);
}

void
clock_tick(struct md *md)
{
	if (!md->clock_pinned)
		md->now = time(NULL);
}

/* Midnight at the start of the day after tomorrow, by the computer's
 * own clock: one day of slack for a counter PC whose clock is a little
 * behind. */
static time_t
real_limit(char tomorrow[11])
{
	time_t real = time(NULL), limit;
	struct tm tm;

	localtime_r(&real, &tm);
	tm.tm_mday += 1;
	tm.tm_hour = 12;
	tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	limit = mktime(&tm);
	localtime_r(&limit, &tm);
	strftime(tomorrow, 11, "%Y-%m-%d", &tm);
	tm.tm_mday += 1;
	tm.tm_hour = 0;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

int
clock_check(struct md *md, const char *what, const char *text, time_t t)
{
	char tomorrow[11];

	if (t < real_limit(tomorrow))
		return MD_OK;
	return md_fail(md, MD_EINVAL,
		       _("%s %s is after tomorrow (%s) by this computer's clock: a day gone by can be entered after the fact, a day to come cannot"),
		       what, text, tomorrow);
}

bool
clock_ahead(const char *day)
{
	char tomorrow[11];

	real_limit(tomorrow);
	return strcmp(day, tomorrow) > 0;
}

struct date
clock_today(const struct md *md)
{
	struct tm tm;
	struct date dt;

	localtime_r(&md->now, &tm);
	dt.y = tm.tm_year + 1900;
	dt.m = tm.tm_mon + 1;
	dt.d = tm.tm_mday;
	return dt;
}

void
clock_today_text(const struct md *md, char out[11])
{
	date_format(clock_today(md), out);
}

void
clock_timestamp(const struct md *md, char out[20])
{
	struct tm tm;

	localtime_r(&md->now, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}
