/* rfm_buyers.c - one ordered pass over the counted sales
 *
 * The covering index sales_counted yields the counted sales in member,
 * then time order, so a member's figures are complete when the next
 * member starts: memory holds one record per buyer, never a sale, and
 * the read is one sequential walk of the index.  The ranks RFM and the
 * value types need are then counted by sorting in C: in SQLite 3.40
 * rank() OVER (...) over a million members took some 17 seconds, the
 * sort a fraction of one, with the same treatment of ties.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/db_sql.h"
#include "core/rfm_buyers.h"
#include "i18n.h"

struct scan {
	const struct rfm_span *sp;
	char lo[11], recent[11], earlier[11];
	int64_t *skip;		/* deleted and merged members, by id */
	size_t nskip;
	struct rfm_buyer *v;
	size_t n, cap;
	struct rfm_buyer cur;
	bool have, skipping;
	char day[11];		/* the current row's day, and its number */
	int32_t dn;
};

/* The deleted and merged members: their sales do not count. */
static int
excluded(struct md *md, struct scan *s)
{
	size_t cap = 0;
	struct db_stmt *st;
	int rc;

	if ((rc = db_prepare(md, "SELECT id FROM members"
			     " WHERE status IN ('deleted', 'merged') ORDER BY id", &st)))
		return rc;
	while (db_row(md, st, &rc)) {
		if (!md_grow(md, &s->skip, &cap, s->nskip, sizeof *s->skip)) {
			db_finalize(st);
			return MD_ENOMEM;
		}
		s->skip[s->nskip++] = db_col_int(st, 0);
	}
	db_finalize(st);
	return rc;
}

static bool
skipped(const struct scan *s, int64_t id)
{
	size_t lo = 0, hi = s->nskip;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->skip[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->nskip && s->skip[lo] == id;
}

/* "YYYY-MM-DD..." as a day number; sold_at is always written so. */
static int32_t
day_number(const char *t)
{
	struct date d;

	d.y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
	d.m = (t[5] - '0') * 10 + (t[6] - '0');
	d.d = (t[8] - '0') * 10 + (t[9] - '0');
	return (int32_t)date_to_days(d);
}

static int
flush(struct md *md, struct scan *s)
{
	if (!s->have || s->skipping)
		return MD_OK;
	if (!md_grow(md, &s->v, &s->cap, s->n, sizeof *s->v))
		return MD_ENOMEM;
	s->v[s->n++] = s->cur;
	return MD_OK;
}

static int
take(struct md *md, struct scan *s, int64_t id, const char *at, int64_t paid,
     bool promo)
{
	struct rfm_buyer *b = &s->cur;
	int rc;

	if (!s->have || id != b->id) {
		if ((rc = flush(md, s)))
			return rc;
		memset(b, 0, sizeof *b);
		b->id = id;
		s->have = true;
		s->skipping = skipped(s, id);
		s->day[0] = '\0';
	}
	if (s->skipping || !at || strlen(at) < 10)
		return MD_OK;
	if (strncmp(at, s->day, 10)) {
		memcpy(s->day, at, 10);
		s->day[10] = '\0';
		s->dn = day_number(at);
	}
	b->last_ever = s->dn;
	if (strcmp(at, s->lo) >= 0) {
		if (b->f++ == 0)
			b->first = s->dn;
		if (b->days == 0 || b->last != s->dn)
			b->days++;	/* rows come in time order */
		b->last = s->dn;
		b->m += paid;
		b->promo_n += promo;
		b->promo_m += promo ? paid : 0;
	}
	if (s->sp->churn && strcmp(at, s->recent) >= 0)
		b->recent++;
	else if (s->sp->churn && strcmp(at, s->earlier) >= 0)
		b->earlier++;
	return MD_OK;
}

static int
walk(struct md *md, struct scan *s)
{
	int64_t d = date_to_days(s->sp->as_of);
	char hi[11];
	struct db_stmt *st;
	int rc;

	date_format(date_from_days(d + 1), hi);
	if ((rc = db_prepare(md, "SELECT member_id, sold_at, paid, promo"
			     " FROM " SQL_INDEXED_BY("sales", "sales_counted")
			     " WHERE voided_at IS NULL AND member_id IS NOT NULL"
			     "   AND sold_at >= ?1 AND sold_at < ?2"
			     " ORDER BY member_id, sold_at", &st)))
		return rc;
	db_bind_text(st, 1, s->sp->history ? "" : s->lo);
	db_bind_text(st, 2, hi);
	while (db_row(md, st, &rc))
		if ((rc = take(md, s, db_col_int(st, 0),
			       db_col_text(st, 1),
			       db_col_int(st, 2), (int)db_col_int(st, 3))))
			goto out;
	rc = (rc ? rc : flush(md, s));
out:
	db_finalize(st);
	return rc;
}

int
rfm_buyers_gather(struct md *md, const struct rfm_span *sp, struct rfm_buyer **out,
	      size_t *n)
{
	int64_t d = date_to_days(sp->as_of);
	struct scan s = {.sp = sp};
	int rc;

	date_format(date_from_days(d - sp->window + 1), s.lo);
	date_format(date_from_days(d - sp->churn + 1), s.recent);
	date_format(date_from_days(d - 2 * (int64_t)sp->churn + 1), s.earlier);
	if (!(rc = excluded(md, &s)))
		rc = walk(md, &s);
	free(s.skip);
	if (rc) {
		free(s.v);
		s.v = NULL;
		s.n = 0;
	}
	*out = s.v;
	*n = s.n;
	return rc;
}

static int
cmp64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* WORSE by counting, when the values span at most RANGE + 1 (days of
 * recency, numbers of sales): a pass to count each value, one to add
 * the counts up, one to read them, where sorting took a third of a
 * report's time. */
static int
worse_by_counting(struct md *md, const int64_t *value, size_t n, int64_t lo,
		  size_t range, int64_t *worse)
{
	int64_t *below = calloc(range + 1, sizeof *below), sum = 0, c;
	size_t i;

	if (!below)
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	for (i = 0; i < n; i++)
		below[(size_t)(value[i] - lo)]++;
	for (i = 0; i <= range; i++) {	/* now below[v - lo]: the values under v */
		c = below[i];
		below[i] = sum;
		sum += c;
	}
	for (i = 0; i < n; i++)
		worse[i] = below[(size_t)(value[i] - lo)];
	free(below);
	return MD_OK;
}

int
rfm_buyers_worse(struct md *md, const int64_t *value, size_t n, int64_t *worse)
{
	int64_t *sorted, lo = INT64_MAX, hi = INT64_MIN;
	size_t i;

	for (i = 0; i < n; i++) {
		lo = value[i] < lo ? value[i] : lo;
		hi = value[i] > hi ? value[i] : hi;
	}
	if (n && (uint64_t)hi - (uint64_t)lo <= 4 * (uint64_t)n + 65536)
		return worse_by_counting(md, value, n, lo, (size_t)((uint64_t)hi - (uint64_t)lo),
					 worse);
	if (!(sorted = malloc((n ? n : 1) * sizeof *sorted)))
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	memcpy(sorted, value, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, cmp64);
	for (i = 0; i < n; i++) {
		size_t lo_i = 0, hi_i = n;	/* the first not smaller */

		while (lo_i < hi_i) {
			size_t mid = lo_i + (hi_i - lo_i) / 2;

			if (sorted[mid] < value[i])
				lo_i = mid + 1;
			else
				hi_i = mid;
		}
		worse[i] = (int64_t)lo_i;
	}
	free(sorted);
	return MD_OK;
}
