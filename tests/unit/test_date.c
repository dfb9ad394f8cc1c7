/* test_date.c - dates as people and spreadsheets write them */
#include <config.h>

#include <time.h>

#include "core/clock.h"
#include "core/date.h"
#include "tap.h"

static struct md md;

static void
parses(const char *s, bool no_year, const char *want)
{
	struct date dt;
	char out[11] = "";
	int rc = date_parse(&md, "date", s, &dt, no_year);

	if (rc == MD_OK)
		date_format(dt, out);
	ok(rc == MD_OK && !strcmp(out, want), "\"%s\" is %s", s, want);
	if (rc)
		printf("#   %s\n", md.err);
}

static void
rejects(const char *s, bool no_year, const char *why)
{
	struct date dt;
	int rc = date_parse(&md, "date", s, &dt, no_year);

	ok(rc == MD_EINVAL, "\"%s\" is rejected", s);
	like(md.err, why, "  ... saying \"%s\"", why);
}

int
main(void)
{
	struct date d;
	char ts[20];

	parses("2024-01-05", false, "2024-01-05");
	parses("2024/1/5", false, "2024-01-05");
	parses("2024.1.5", false, "2024-01-05");
	parses("20240105", false, "2024-01-05");
	parses("2024年1月5日", false, "2024-01-05");
	parses("２０２４－０１－０５", false, "2024-01-05");
	parses("1990-05-01 00:00:00", false, "1990-05-01");
	parses("2024-02-29", false, "2024-02-29");
	parses("01-05", true, "01-05");
	parses("1/5", true, "01-05");
	parses("1月5日", true, "01-05");
	parses("02-29", true, "02-29");

	rejects("2023-02-29", false, "not a real date");
	rejects("2023-02-30", false, "not a real date");
	rejects("2024-13-01", false, "not a real date");
	rejects("02-30", true, "not a real date");
	rejects("01-05", false, "needs a year");
	rejects("yesterday", false, "not a date");
	rejects("2024-01-05 10:30", false, "not a date");
	rejects("", false, "empty");
	rejects("2024-01-05x", false, "not a date");
	/* Found by tests/fuzz/fuzz_date: what lay past the parser's
	 * 64-byte buffer was never read. */
	{
		char s[100];

		snprintf(s, sizeof s, "1\xE6\x9C\x88" "5\xE6\x97\xA5%70sx", "");
		rejects(s, true, "not a date");
		ok(date_parse_timestamp(&md, "at", s, ts) == MD_EINVAL,
		   "nor a timestamp");
	}

	ok(date_parse_timestamp(&md, "at", "2024-01-05 9:30", ts) == MD_OK &&
	   !strcmp(ts, "2024-01-05 09:30:00"), "timestamp with minutes");
	ok(date_parse_timestamp(&md, "at", "2011-12-09T12:50:00", ts) == MD_OK &&
	   !strcmp(ts, "2011-12-09 12:50:00"), "ISO timestamp with T");
	ok(date_parse_timestamp(&md, "at", "2024/1/5", ts) == MD_OK &&
	   !strcmp(ts, "2024-01-05 00:00:00"), "a date alone is midnight");
	ok(date_parse_timestamp(&md, "at", "2024-01-05 24:00", ts) == MD_EINVAL,
	   "hour 24 is rejected");

	d.y = 1970, d.m = 1, d.d = 1;
	is_int(date_to_days(d), 0, "epoch is day 0");
	d.y = 2000, d.m = 3, d.d = 1;
	is_int(date_to_days(d), 11017, "2000-03-01 is day 11017");
	d = date_from_days(19723);
	ok(d.y == 2024 && d.m == 1 && d.d == 1, "day 19723 is 2024-01-01");
	d.y = 2024, d.m = 1, d.d = 31;
	d = date_add_months(d, 1);
	ok(d.y == 2024 && d.m == 2 && d.d == 29, "Jan 31 + 1 month is Feb 29 in a leap year");
	d.y = 2023, d.m = 11, d.d = 30;
	d = date_add_months(d, 3);
	ok(d.y == 2024 && d.m == 2 && d.d == 29, "Nov 30 + 3 months clamps to Feb 29");
	d.y = 2024, d.m = 5, d.d = 15;
	d = date_add_months(d, -5);
	ok(d.y == 2023 && d.m == 12 && d.d == 15, "minus months crosses the year");

	d.y = 1970, d.m = 1, d.d = 1;
	is_int(date_weekday(d), 4, "1970-01-01 was a Thursday");
	d.y = 1969, d.m = 12, d.d = 28;
	is_int(date_weekday(d), 7, "1969-12-28 was a Sunday (before day 0)");
	d.y = 2026, d.m = 11, d.d = 23;
	is_int(date_weekday(d), 1, "2026-11-23 is a Monday");
	d = date_week_end(d);
	ok(d.y == 2026 && d.m == 11 && d.d == 22, "the Sunday on or before a Monday is the day before");
	d = date_week_end(d);
	ok(d.y == 2026 && d.m == 11 && d.d == 22, "a Sunday is its own week's end");
	d.y = 2027, d.m = 1, d.d = 2;
	d = date_week_end(d);
	ok(d.y == 2026 && d.m == 12 && d.d == 27, "across the new year");

	/* The screens run all day: their clock moves on, unless pinned. */
	md.now = 86400;
	md.clock_pinned = false;
	clock_tick(&md);
	ok(md.now >= time(NULL) - 1, "clock_tick: the computer's time again");
	md.now = 86400;
	md.clock_pinned = true;
	clock_tick(&md);
	is_int(md.now, 86400, "clock_tick: a pinned clock stands still");
	return done_testing();
}
