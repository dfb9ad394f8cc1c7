/* report_lists.c - the coming birthdays, and sales by period or kind */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/db_sql.h"
#include "core/operator.h"
#include "core/report.h"
#include "i18n.h"

int
report_days_parse(struct md *md, const char *what, const char *s, int *days)
{
	int v = 0;
	const char *p;

	for (p = s; *p >= '0' && *p <= '9' && v <= 366; p++)
		v = v * 10 + (*p - '0');
	if (!*s || *p || v < 1 || v > 366)
		return md_fail(md, MD_EINVAL,
			       _("%s must be a whole number of days from 1 to 366, not \"%s\""),
			       what, s);
	*days = v;
	return MD_OK;
}

/* The members whose birthday is DAY, by card. */
static int
birthdays_on(struct md *md, struct date day,
	     int (*cb)(void *arg, const struct report_birthday *b), void *arg)
{
	char mmdd[11], also[11], born[11];
	struct report_birthday b;
	struct db_stmt *st;
	int rc;

	snprintf(mmdd, sizeof mmdd, "%02u-%02u", (unsigned)day.m % 100u,
		 (unsigned)day.d % 100u);
	/* 29 February is celebrated on the 28th when the year has none. */
	strcpy(also, day.m == 2 && day.d == 28 && date_days_in_month(day.y, 2) == 28 ?
	       "02-29" : mmdd);
	if ((rc = db_stmt(md, "SELECT card, name, phone, birthday FROM members"
			  " WHERE birthday IS NOT NULL AND substr(birthday, -5) IN (?1, ?2)"
			  "   AND status IN ('active', 'frozen') ORDER BY card", &st)))
		return rc;
	db_bind_text(st, 1, mmdd);
	db_bind_text(st, 2, also);
	date_format(day, b.date);
	while (db_row(md, st, &rc)) {
		db_column_text(st, 0, b.card, sizeof b.card);
		db_column_text(st, 1, b.name, sizeof b.name);
		db_column_text(st, 2, b.phone, sizeof b.phone);
		db_column_text(st, 3, born, sizeof born);
		b.age = strlen(born) == 10 ? day.y - atoi(born) : 0;
		if (b.age < 0)
			b.age = 0;
		if ((rc = cb(arg, &b))) {
			db_reset(st);
			return rc;
		}
	}
	db_reset(st);
	return rc;
}

int
report_birthdays(struct md *md, struct date from, int days,
		 int (*cb)(void *arg, const struct report_birthday *b), void *arg)
{
	int64_t d, first = date_to_days(from);
	int rc;

	if ((rc = operator_may(md, ACTION_REPORT_VIEW)))
		return rc;
	/* One index lookup a day: at most a year of them. */
	for (d = first; d < first + days; d++)
		if ((rc = birthdays_on(md, date_from_days(d), cb, arg)))
			return rc;
	return MD_OK;
}

static const struct {
	const char *name;
	const char *key;	/* the group, as SQL */
	const char *order;
} bys[] = {
	[REPORT_BY_DAY] = {"day", "substr(sold_at, 1, 10)", "1"},
	[REPORT_BY_WEEK] = {"week", SQL_SUNDAY_ON_OR_AFTER("substr(sold_at, 1, 10)"), "1"},
	[REPORT_BY_MONTH] = {"month", "substr(sold_at, 1, 7)", "1"},
	[REPORT_BY_CATEGORY] = {"category", "category", "3 DESC, 1"},
	[REPORT_BY_PAYMENT] = {"payment", "payment", "3 DESC, 1"},
};

int
report_by_parse(struct md *md, const char *s, enum report_by *by)
{
	size_t i;

	for (i = 0; i < sizeof bys / sizeof *bys; i++) {
		if (!strcmp(s, bys[i].name)) {
			*by = (enum report_by)i;
			return MD_OK;
		}
	}
	return md_fail(md, MD_EINVAL,
		       _("%s \"%s\" is not one of day, week, month, category, payment"),
		       md_input(md, "--by"), s);
}

static int
sales_rows(struct md *md, struct db_stmt *st, struct report_sales *out)
{
	size_t cap = 0;
	int rc;

	while (db_row(md, st, &rc)) {
		struct report_sales_row *r;

		if (!md_grow(md, &out->rows, &cap, out->n, sizeof *out->rows))
			return MD_ENOMEM;
		r = &out->rows[out->n++];
		db_column_text(st, 0, r->key, sizeof r->key);
		r->sales = db_col_int(st, 1);
		r->paid = db_col_int(st, 2);
		out->sales += r->sales;
		out->paid += r->paid;
	}
	return rc;
}

int
report_sales(struct md *md, struct date from, struct date to, enum report_by by,
	     struct report_sales *out)
{
	char sql[512], lo[11], hi[11], a[11], b[11];
	struct db_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = operator_may(md, ACTION_REPORT_VIEW)))
		return rc;
	if (date_to_days(from) > date_to_days(to)) {
		date_format(from, a);
		date_format(to, b);
		return date_fail_order(md, a, b);
	}
	date_format(from, lo);
	date_format(date_from_days(date_to_days(to) + 1), hi);
	snprintf(sql, sizeof sql,
		 "SELECT %s AS k, count(*), sum(paid) FROM sales"
		 " WHERE sold_at >= ?1 AND sold_at < ?2 AND voided_at IS NULL"
		 " GROUP BY k ORDER BY %s", bys[by].key, bys[by].order);
	if ((rc = db_prepare(md, sql, &st)))
		return rc;
	db_bind_text(st, 1, lo);
	db_bind_text(st, 2, hi);
	rc = sales_rows(md, st, out);
	db_finalize(st);
	return rc;
}

void
report_sales_free(struct report_sales *s)
{
	free(s->rows);
	s->rows = NULL;
	s->n = 0;
}
