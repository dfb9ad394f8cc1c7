/* date.c - civil dates
 *
 * Dates are handled as day numbers (Howard Hinnant's days_from_civil)
 * rather than time_t, so month arithmetic and "N days before" never meet
 * daylight saving or the C library's time zone state.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/text.h"
#include "i18n.h"

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && (y == 0 || is_leap(y)))
		return 29;
	return days[m - 1];
}

bool
date_valid(int y, int m, int d)
{
	if (y != 0 && (y < 1000 || y > 9999))
		return false;
	if (m < 1 || m > 12 || d < 1)
		return false;
	return d <= date_days_in_month(y, m);
}

int64_t
date_to_days(struct date dt)
{
	int64_t y = dt.y - (dt.m <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (dt.m + (dt.m > 2 ? -3 : 9)) + 2) / 5 + dt.d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct date
date_from_days(int64_t z)
{
	int64_t era, doe, yoe, y, doy, mp;
	struct date dt;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	dt.d = doy - (153 * mp + 2) / 5 + 1;
	dt.m = mp < 10 ? mp + 3 : mp - 9;
	dt.y = y + (dt.m <= 2);
	return dt;
}

int
date_weekday(struct date dt)
{
	int64_t w = (date_to_days(dt) + 3) % 7;	/* 1970-01-01 was a Thursday */

	return (int)(w < 0 ? w + 7 : w) + 1;
}

struct date
date_week_end(struct date dt)
{
	return date_from_days(date_to_days(dt) - date_weekday(dt) % 7);
}

struct date
date_add_months(struct date dt, int n)
{
	int months = dt.y * 12 + (dt.m - 1) + n;
	int dim;

	dt.y = months / 12;
	dt.m = months % 12 + 1;
	dim = date_days_in_month(dt.y, dt.m);
	if (dt.d > dim)
		dt.d = dim;
	return dt;
}

void
date_format(struct date dt, char out[11])
{
	if (dt.y == 0)
		snprintf(out, 11, "%02u-%02u", (unsigned)dt.m % 100u,
			 (unsigned)dt.d % 100u);
	else
		snprintf(out, 11, "%04u-%02u-%02u", (unsigned)dt.y % 10000u,
			 (unsigned)dt.m % 100u, (unsigned)dt.d % 100u);
}

/* Read 1..MAXD digits at *P into *V. */
static bool
read_num(const char **p, int maxd, int *v)
{
	int n = 0;

	*v = 0;
	while (**p >= '0' && **p <= '9' && n < maxd) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n > 0 && !(**p >= '0' && **p <= '9');
}

bool
date_parse_iso(const char *s, struct date *dt)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if (sscanf(s, "%4d-%2d-%2d", &dt->y, &dt->m, &dt->d) != 3)
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	return dt->y != 0 && date_valid(dt->y, dt->m, dt->d);
}

/* Skip a separator: '-', '/', '.', or the CJK 年/月 given as SEP. */
static bool
skip_sep(const char **p, const char *cjk)
{
	if (**p == '-' || **p == '/' || **p == '.') {
		(*p)++;
		return true;
	}
	if (cjk && !strncmp(*p, cjk, strlen(cjk))) {
		*p += strlen(cjk);
		return true;
	}
	return false;
}

#define CJK_YEAR "\xE5\xB9\xB4"		/* 年 */
#define CJK_MONTH "\xE6\x9C\x88"	/* 月 */
#define CJK_DAY "\xE6\x97\xA5"		/* 日 */
#define CJK_DAY2 "\xE5\x8F\xB7"		/* 号 */

/* The date part of S; *REST is left at what follows it. */
static bool
parse_date_part(const char *s, struct date *dt, const char **rest)
{
	const char *p = s;
	int a, b, c;
	size_t digits = strspn(s, "0123456789");

	if (digits == 8) {	/* 20240105 */
		sscanf(s, "%4d%2d%2d", &dt->y, &dt->m, &dt->d);
		*rest = s + 8;
		return true;
	}
	if (!read_num(&p, 4, &a))
		return false;
	if (!skip_sep(&p, p - s == 4 ? CJK_YEAR : CJK_MONTH))
		return false;
	if (!read_num(&p, 2, &b))
		return false;
	if (p - s > 0 && digits == 4) {	/* YYYY?M?D */
		if (!skip_sep(&p, CJK_MONTH) || !read_num(&p, 2, &c))
			return false;
		dt->y = a, dt->m = b, dt->d = c;
	} else if (digits <= 2) {	/* M?D without a year */
		dt->y = 0, dt->m = a, dt->d = b;
	} else {
		return false;
	}
	if (!strncmp(p, CJK_DAY, 3) || !strncmp(p, CJK_DAY2, 3))
		p += 3;
	*rest = p;
	return true;
}

/* " HH:MM[:SS]" or "THH:MM[:SS]" at P; fills H, MI, SE. */
static bool
parse_time_part(const char *p, int *h, int *mi, int *se)
{
	*h = *mi = *se = 0;
	if (!*p)
		return true;
	if (*p != ' ' && *p != 'T')
		return false;
	p++;
	if (!read_num(&p, 2, h) || *p++ != ':' || !read_num(&p, 2, mi))
		return false;
	if (*p == ':') {
		p++;
		if (!read_num(&p, 2, se))
			return false;
	}
	if (*p == '.')		/* fractional seconds from some exports */
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	return *p == '\0' && *h < 24 && *mi < 60 && *se < 60;
}

static int
parse_common(struct md *md, const char *what, const char *s, struct date *dt,
	     bool allow_no_year, int *h, int *mi, int *se, bool allow_time)
{
	char folded[64], buf[64];
	const char *rest;

	if (!text_fold_fullwidth(s, folded, sizeof folded))
		goto bad;	/* longer than any date */
	text_trim(folded, buf, sizeof buf);
	if (!*buf)
		return md_fail(md, MD_EINVAL, _("%s is empty"), what);
	if (!parse_date_part(buf, dt, &rest) ||
	    !parse_time_part(rest, h, mi, se))
		goto bad;
	if (!allow_time && (*h || *mi || *se))
		goto bad;
	if (dt->y == 0 && !allow_no_year)
		return md_fail(md, MD_EINVAL,
			       _("%s \"%s\" needs a year (YYYY-MM-DD)"), what, s);
	if (!date_valid(dt->y, dt->m, dt->d))
		return md_fail(md, MD_EINVAL, _("%s \"%s\" is not a real date"),
			       what, s);
	return MD_OK;
bad:
	return md_fail(md, MD_EINVAL,
		       allow_no_year ?
		       _("%s \"%s\" is not a date (use YYYY-MM-DD, or MM-DD without the year)") :
		       _("%s \"%s\" is not a date (use YYYY-MM-DD)"),
		       what, s);
}

int
date_parse(struct md *md, const char *what, const char *s, struct date *dt,
	   bool allow_no_year)
{
	int h, mi, se;

	/* A date column exported as a timestamp reads "1990-05-01 00:00:00";
	 * any other time of day means this is not a plain date. */
	return parse_common(md, what, s, dt, allow_no_year, &h, &mi, &se, false);
}

int
date_parse_timestamp(struct md *md, const char *what, const char *s,
		     char out[20])
{
	struct date dt;
	int h, mi, se, rc;

	rc = parse_common(md, what, s, &dt, false, &h, &mi, &se, true);
	if (rc)
		return rc;
	snprintf(out, 20, "%04u-%02u-%02u %02u:%02u:%02u",
		 (unsigned)dt.y % 10000u, (unsigned)dt.m % 100u,
		 (unsigned)dt.d % 100u, (unsigned)h % 100u, (unsigned)mi % 100u,
		 (unsigned)se % 100u);
	return MD_OK;
}

bool
date_from_excel_serial(const char *s, char out[20])
{
	/* Day 0 is 1899-12-30 for every serial after Excel's phantom
	 * 1900-02-29 (serial 60), so for all of ours. */
	static const struct date epoch = { 1899, 12, 30 };
	int64_t day = 0, frac = 0, scale = 1, secs;
	struct date dt;
	int i;

	for (i = 0; i < 5; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		day = day * 10 + (s[i] - '0');
	}
	if (s[0] == '0')
		return false;
	if (s[i] == '.')
		for (i++; s[i] >= '0' && s[i] <= '9'; i++)
			if (scale < 1000000000) {
				frac = frac * 10 + (s[i] - '0');
				scale *= 10;
			}
	if (s[i])
		return false;
	dt = date_from_days(date_to_days(epoch) + day);
	secs = (frac * 86400 + scale / 2) / scale;	/* to the nearest second */
	if (secs >= 86400)
		secs = 86399;
	snprintf(out, 20, "%04u-%02u-%02u", (unsigned)dt.y % 10000u,
		 (unsigned)dt.m % 100u, (unsigned)dt.d % 100u);
	if (secs)
		snprintf(out + 10, 10, " %02u:%02u:%02u", (unsigned)(secs / 3600) % 100u,
			 (unsigned)(secs / 60 % 60), (unsigned)(secs % 60));
	return true;
}

int
date_fail_order(struct md *md, const char *from, const char *to)
{
	/* TRANSLATORS: "--from 2026-12-02 is after --to 2026-12-01"; on
	 * the screens the fields' names stand for the options. */
	return md_fail(md, MD_EINVAL, _("%s %s is after %s %s"), md_input(md, "--from"),
		       from, md_input(md, "--to"), to);
}
