/* fuzz_date.c - dates and timestamps as shops write them
 *
 * date_parse, date_parse_iso, date_parse_timestamp, a sale's time
 * (sale_check_time) and the week a report names.  What must hold: an accepted date is a real one, its
 * ISO form reads back as itself through every parser, day numbers
 * round-trip, blanks around it never make it another date (only, past
 * the parser's length, none) and junk after it makes it no date.
 */
#include <config.h>

#include "core/date.h"
#include "core/report.h"
#include "core/sale.h"
#include "fuzz.h"

static bool
same(struct date a, struct date b)
{
	return a.y == b.y && a.m == b.m && a.d == b.d;
}

/* S with PRE before it and POST after it (malloc'ed). */
static char *
wrap(const char *pre, const char *s, const char *post)
{
	size_t n = strlen(pre) + strlen(s) + strlen(post) + 1;
	char *out = malloc(n);

	if (!out)
		abort();
	snprintf(out, n, "%s%s%s", pre, s, post);
	return out;
}

static int
parse(struct md *md, const char *s, struct date *dt, bool no_year)
{
	int rc;

	md->err[0] = '\0';
	if ((rc = date_parse(md, "date", s, dt, no_year)))
		fuzz_rejected(md, rc);
	return rc;
}

static int
stamp(struct md *md, const char *s, char out[20])
{
	int rc;

	md->err[0] = '\0';
	if ((rc = date_parse_timestamp(md, "time", s, out)))
		fuzz_rejected(md, rc);
	return rc;
}

/* Day arithmetic on a real date. */
static void
arithmetic(struct date dt)
{
	struct date back, end;
	int64_t days = date_to_days(dt);
	int wd = date_weekday(dt);

	back = date_from_days(days);
	FUZZ_ASSERT(same(back, dt));
	FUZZ_ASSERT(wd >= 1 && wd <= 7);
	end = date_week_end(dt);
	FUZZ_ASSERT(date_weekday(end) == 7);
	FUZZ_ASSERT(date_to_days(end) <= days && days - date_to_days(end) < 7);
	if (dt.y > 1001 && dt.y < 9998) {
		for (int n = -13; n <= 13; n += 13) {
			struct date later = date_add_months(dt, n);

			FUZZ_ASSERT(date_valid(later.y, later.m, later.d));
			FUZZ_ASSERT(later.d <= dt.d);
		}
	}
}

static void
accepted(struct md *md, const char *s, struct date dt, bool no_year)
{
	char iso[11], ts[20], want[20], *p;
	struct date back;

	FUZZ_ASSERT(date_valid(dt.y, dt.m, dt.d));
	FUZZ_ASSERT(no_year || dt.y != 0);
	date_format(dt, iso);
	FUZZ_ASSERT_S(parse(md, iso, &back, no_year) == MD_OK && same(back, dt), iso);
	if (dt.y) {
		arithmetic(dt);
		FUZZ_ASSERT_S(date_parse_iso(iso, &back) && same(back, dt), iso);
		/* A plain date is a timestamp at midnight. */
		FUZZ_ASSERT_S(stamp(md, s, ts) == MD_OK, s);
		snprintf(want, sizeof want, "%s 00:00:00", iso);
		FUZZ_ASSERT_S(strcmp(ts, want) == 0, ts);
	}
	p = wrap(" ", s, "\t");
	if (parse(md, p, &back, no_year) == MD_OK)
		FUZZ_ASSERT_S(same(back, dt), s);
	else
		FUZZ_ASSERT_S(strlen(s) > 40, s);
	free(p);
	p = wrap("", s, "x");
	FUZZ_ASSERT_S(parse(md, p, &back, true) != MD_OK, s);
	free(p);
}

static void
timestamp(struct md *md, const char *s)
{
	char ts[20], again[20], *p;
	struct date dt;

	if (stamp(md, s, ts) != MD_OK)
		return;
	FUZZ_ASSERT_S(strlen(ts) == 19 && ts[10] == ' ' && ts[13] == ':' &&
		      ts[16] == ':', ts);
	FUZZ_ASSERT_S(stamp(md, ts, again) == MD_OK && !strcmp(ts, again), ts);
	ts[10] = '\0';
	FUZZ_ASSERT_S(date_parse_iso(ts, &dt), ts);
	p = wrap("", s, "x");
	FUZZ_ASSERT_S(stamp(md, p, again) != MD_OK, s);
	free(p);
}

/* A sale's time is a timestamp between SALE_EARLIEST and now. */
static void
sale_time(struct md *md, const char *s)
{
	static const char now[] = "2026-03-15 12:00:00";
	char out[20], ts[20], again[20];
	int rc;

	md->err[0] = '\0';
	if ((rc = sale_check_time(md, s, now, out))) {
		fuzz_rejected(md, rc);
		return;
	}
	FUZZ_ASSERT_S(stamp(md, s, ts) == MD_OK && !strcmp(ts, out), out);
	FUZZ_ASSERT_S(strcmp(out, SALE_EARLIEST) >= 0 && strcmp(out, now) <= 0, out);
	FUZZ_ASSERT_S(sale_check_time(md, out, now, again) == MD_OK &&
		      !strcmp(out, again), out);
}

static void
week(struct md *md, const char *s)
{
	struct date end, today = clock_today(md);

	md->err[0] = '\0';
	if (report_week_parse(md, s, &end) != MD_OK) {
		fuzz_rejected(md, MD_EINVAL);
		return;
	}
	FUZZ_ASSERT(date_weekday(end) == 7);
	FUZZ_ASSERT(date_to_days(end) <= date_to_days(today));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct md md;
	char *s = fuzz_string(data, size);
	struct date dt, iso, with_year;
	bool strict;

	fuzz_md(&md);
	strict = parse(&md, s, &with_year, false) == MD_OK;
	if (strict)
		accepted(&md, s, with_year, false);
	if (parse(&md, s, &dt, true) == MD_OK) {
		accepted(&md, s, dt, true);
		FUZZ_ASSERT(!strict || same(dt, with_year));
	} else {
		FUZZ_ASSERT(!strict);
	}
	if (date_parse_iso(s, &iso)) {
		FUZZ_ASSERT_S(strict && same(iso, with_year), s);
		FUZZ_ASSERT(strlen(s) == 10);
	}
	timestamp(&md, s);
	sale_time(&md, s);
	week(&md, s);
	free(s);
	return 0;
}
