/* maint.c - daily maintenance
 *
 * A shop owner forgets cron; memberdesk does not need it.  The setting
 * maintained_through remembers the last day done, and every rule here is
 * idempotent, so running late, twice, or from two processes at once
 * gives the same result.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/coupon.h"
#include "core/coupon_auto.h"
#include "core/date.h"
#include "core/db_sql.h"
#include "core/maint.h"
#include "core/points.h"
#include "core/rfm.h"
#include "core/settings.h"
#include "core/text.h"
#include "core/tier.h"
#include "i18n.h"

/* The most days of birthdays a late run catches up on. */
#define CATCH_UP_DAYS 366

struct gift {
	int64_t member;
	int year;
};

/* Members whose birthday period covers DAY and who have had no gift for
 * that birthday's year, into *G. */
static int
due_gifts(struct md *md, struct date day, bool week, struct gift **g, size_t *n)
{
	char lo[6], hi[6], lo2[6] = "", hi2[6] = "";
	size_t cap = 0;
	struct db_stmt *st;
	int rc;

	*g = NULL;
	*n = 0;
	if (!week) {
		snprintf(lo, sizeof lo, "%02u-01", (unsigned)day.m % 100u);
		snprintf(hi, sizeof hi, "%02u-31", (unsigned)day.m % 100u);
	} else {
		struct date a = date_from_days(date_to_days(day) - 3);
		struct date b = date_from_days(date_to_days(day) + 3);

		snprintf(lo, sizeof lo, "%02u-%02u", (unsigned)a.m % 100u, (unsigned)a.d % 100u);
		snprintf(hi, sizeof hi, "%02u-%02u", (unsigned)b.m % 100u, (unsigned)b.d % 100u);
		if (a.y != b.y) {	/* across the new year: two ranges */
			strcpy(lo2, "01-01");
			strcpy(hi2, hi);
			strcpy(hi, "12-31");
		}
		/* "02-29" sorts between "02-28" and "03-01", so a range over the
		 * end of February finds those birthdays in a common year too. */
	}
	rc = db_prepare(md, "SELECT id, substr(birthday, -5) FROM members"
			" WHERE status = 'active' AND birthday IS NOT NULL"
			"   AND (substr(birthday, -5) BETWEEN ?1 AND ?2"
			"        OR substr(birthday, -5) BETWEEN ?3 AND ?4)", &st);
	if (rc)
		return rc;
	db_bind_text(st, 1, lo);
	db_bind_text(st, 2, hi);
	db_bind_text(st, 3, *lo2 ? lo2 : "x");
	db_bind_text(st, 4, *hi2 ? hi2 : "x");
	while (db_row(md, st, &rc)) {
		int bm = 0, bd = 0, year = day.y;

		sscanf(db_col_text(st, 1), "%d-%d", &bm, &bd);
		/* A birthday in January seen from late December is next year's. */
		if (week && bm == 1 && day.m == 12)
			year++;
		else if (week && bm == 12 && day.m == 1)
			year--;
		if (!md_grow(md, g, &cap, *n, sizeof **g)) {
			rc = MD_ENOMEM;
			goto out;
		}
		(*g)[*n].member = db_col_int(st, 0);
		(*g)[(*n)++].year = year;
	}
out:
	db_finalize(st);
	return rc;
}

static int
give(struct md *md, const struct gift *g, int64_t points, struct date day)
{
	char at[20], expires[11], year[8];
	struct db_stmt *st;
	int64_t entry;
	int rc;

	rc = db_stmt(md, "SELECT 1 FROM birthday_gifts WHERE member_id = ? AND year = ?", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, g->member);
	db_bind_int(st, 2, g->year);
	if (db_row(md, st, &rc) || rc) {
		db_reset(st);
		return rc;	/* given already, or a failure */
	}
	db_reset(st);
	date_format(day, at);
	strcat(at, " 00:00:00");
	snprintf(year, sizeof year, "%d", g->year);
	if ((rc = points_expiry_for(md, day, expires)) ||
	    (rc = points_credit(md, g->member, "birthday", points, 0, at, expires,
				year, &entry)))
		return rc;
	rc = db_stmt(md, "INSERT INTO birthday_gifts(member_id, year, entry_id)"
		     " VALUES (?, ?, ?)", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, g->member);
	db_bind_int(st, 2, g->year);
	db_bind_int(st, 3, entry);
	return db_run(md, st);
}

static int
birthdays(struct md *md, struct date from, struct date to)
{
	char period[SETTING_MAX];
	struct gift *g;
	int64_t points, d;
	size_t n, i;
	int rc;

	if ((rc = settings_get_int(md, "birthday_points", &points)) || points == 0 ||
	    (rc = settings_get(md, "birthday_period", period)))
		return rc;
	for (d = date_to_days(from); d <= date_to_days(to); d++) {
		struct date day = date_from_days(d);

		if ((rc = due_gifts(md, day, !strcmp(period, "week"), &g, &n)))
			return rc;
		for (i = 0; i < n && rc == MD_OK; i++)
			rc = give(md, &g[i], points, day);
		free(g);
		if (rc)
			return rc;
	}
	return MD_OK;
}

static int
run(struct md *md, struct date today)
{
	char last[SETTING_MAX], done[11];
	struct date from, since;
	bool reviewed;
	int64_t moved;
	int rc;

	/* Read again inside the transaction: another memberdesk may have
	 * done today's work while this one waited for the lock. */
	if ((rc = settings_get(md, "maintained_through", last)))
		return rc;
	date_format(today, done);
	if (*last && strcmp(last, done) >= 0 && !clock_ahead(last))
		return MD_OK;
	if (*last && clock_ahead(last) &&
	    (rc = audit_log_value(md, ACTION_MAINT_CLOCK, 0, "maintained_through", last, done)))
		return rc;
	/* The day of the last review, when there was one to build on. */
	reviewed = *last && !clock_ahead(last) && date_parse_iso(last, &since);
	if (!*last || clock_ahead(last) || !date_parse_iso(last, &from))
		from = today;
	else
		from = date_from_days(date_to_days(from) + 1);
	if (date_to_days(today) - date_to_days(from) >= CATCH_UP_DAYS)
		from = date_from_days(date_to_days(today) - CATCH_UP_DAYS + 1);
	if ((rc = points_expire_locked(md, today, NULL, NULL)) ||
	    (rc = coupon_expire_locked(md, today, NULL)) ||
	    (rc = birthdays(md, from, today)) ||
	    (rc = tier_evaluate_locked(md, today, reviewed ? &since : NULL, false, false,
					NULL, NULL, &moved)) ||
	    (rc = coupon_auto_daily_locked(md, from, today)) ||
	    (rc = rfm_week_note_locked(md)))
		return rc;
	return settings_put_raw(md, "maintained_through", done);
}

int
maint_ensure(struct md *md)
{
	char last[SETTING_MAX], today[11];
	int rc;

	clock_today_text(md, today);
	if ((rc = settings_get(md, "maintained_through", last)))
		return rc;
	/* A day after tomorrow was recorded while a clock was wrong: it
	 * would stop the daily rules for good, so start again from today. */
	if (*last && strcmp(last, today) >= 0 && !clock_ahead(last))
		return MD_OK;
	if ((rc = db_begin_long(md, DB_LONG_DAILY, NULL)))
		return rc;
	/* The day's rules are nobody's doing: whoever opens the shop first
	 * gets them done, whatever their role. */
	md->on_behalf = true;
	rc = run(md, clock_today(md));
	md->on_behalf = false;
	return db_end(md, rc);
}
