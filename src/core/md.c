/* md.c - the context: error messages, clock, operator */
#include <config.h>

#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/date.h"
#include "core/md.h"
#include "core/text.h"
#include "i18n.h"

int
md_fail(struct md *md, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(md->err, sizeof md->err, fmt, ap);
	va_end(ap);
	return status;
}

bool
md_grow(struct md *md, void *p, size_t *cap, size_t n, size_t size)
{
	void **arr = p;
	size_t want;
	void *q;

	if (n < *cap)
		return true;
	want = *cap ? 2 * *cap : 16;
	q = realloc(*arr, want * size);
	if (!q) {
		md_fail(md, MD_ENOMEM, _("out of memory"));
		return false;
	}
	*arr = q;
	*cap = want;
	return true;
}

/* MEMBERDESK_NOW="YYYY-MM-DD[ HH:MM[:SS]]" pins the clock (local time),
 * for tests and for replaying a day. */
static int
init_clock(struct md *md)
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
	return md_clock_check(md, "MEMBERDESK_NOW", ts, md->now);
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
md_clock_check(struct md *md, const char *what, const char *text, time_t t)
{
	char tomorrow[11];

	if (t < real_limit(tomorrow))
		return MD_OK;
	return md_fail(md, MD_EINVAL,
		       _("%s %s is after tomorrow (%s) by this computer's clock: a day gone by can be entered after the fact, a day to come cannot"),
		       what, text, tomorrow);
}

bool
md_clock_ahead(const char *day)
{
	char tomorrow[11];

	real_limit(tomorrow);
	return strcmp(day, tomorrow) > 0;
}

int
md_init(struct md *md)
{
	struct passwd *pw;
	const char *name = NULL;

	memset(md, 0, sizeof *md);
	pw = getpwuid(geteuid());
	if (pw && pw->pw_name)
		name = pw->pw_name;
	if (!name)
		name = getenv("USER");
	text_copy(md->operator_name, sizeof md->operator_name,
		  name ? name : "?");
	return init_clock(md);
}

void
md_today(const struct md *md, char out[11])
{
	date_format(date_today(md), out);
}

void
md_timestamp(const struct md *md, char out[20])
{
	struct tm tm;

	localtime_r(&md->now, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}
