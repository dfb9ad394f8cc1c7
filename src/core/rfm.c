/* rfm.c - RFM scores and segments
 *
 * One ordered pass over the sales that count (buyers.c) gives each
 * buyer's R, F and M; the ranks are counted by sorting, so that members
 * who tie share a score exactly as the manual says.  No floating point:
 * "above the mean" is score * n > the sum of the scores.  The summary is
 * added up from that directly; rfm_table.c keeps the scores for SQL.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/db_sql.h"
#include "core/operator.h"
#include "core/rfm.h"
#include "core/rfm_buyers.h"
#include "core/rfm_scored.h"
#include "i18n.h"

static const struct {
	const char *key;
	const char *label;
} segments[RFM_SEGMENTS] = {
	/* TRANSLATORS: the RFM segments; zh_CN: 重要价值客户, 重要发展客户,
	 * 重要保持客户, 重要挽留客户, 一般价值客户, 一般发展客户,
	 * 一般保持客户, 一般挽留客户, 无消费. */
	{"important_value", N_("Important value")},
	{"important_develop", N_("Important develop")},
	{"important_keep", N_("Important keep")},
	{"important_winback", N_("Important win-back")},
	{"general_value", N_("General value")},
	{"general_develop", N_("General develop")},
	{"general_keep", N_("General keep")},
	{"general_winback", N_("General win-back")},
	{"no_purchase", N_("No purchase")},
};

const char *
rfm_segment_key(int segment)
{
	return segment >= 0 && segment < RFM_SEGMENTS ? segments[segment].key : "";
}

const char *
rfm_segment_label(int segment)
{
	return segment >= 0 && segment < RFM_SEGMENTS ? _(segments[segment].label) : "";
}

int
rfm_segment_find(const char *key)
{
	int i;

	for (i = 0; i < RFM_SEGMENTS; i++)
		if (key && !strcmp(segments[i].key, key))
			return i;
	return -1;
}

int
rfm_segment_parse(struct md *md, const char *key, int *segment)
{
	char keys[256] = "";
	int i;

	if ((*segment = rfm_segment_find(key)) >= 0)
		return MD_OK;
	for (i = 0; i < RFM_SEGMENTS; i++) {
		if (i)
			strcat(keys, ", ");
		strcat(keys, segments[i].key);
	}
	return md_fail(md, MD_EINVAL, _("segment \"%s\" is not one of %s"), key, keys);
}

int
rfm_window_parse(struct md *md, const char *what, const char *s, int *days)
{
	int64_t v = 0;
	const char *p;

	for (p = s; *p >= '0' && *p <= '9' && v <= RFM_WINDOW_MAX; p++)
		v = v * 10 + (*p - '0');
	if (!*s || *p || v < 1 || v > RFM_WINDOW_MAX)
		return md_fail(md, MD_EINVAL,
			       _("%s must be a whole number of days from 1 to %d, not \"%s\""),
			       what, RFM_WINDOW_MAX, s);
	*days = (int)v;
	return MD_OK;
}

/* The segment of each combination of high dimensions, R F M = 4 2 1. */
static const unsigned char segment_of_bits[8] = {
	RFM_GENERAL_WINBACK, RFM_IMPORTANT_WINBACK, RFM_GENERAL_KEEP,
	RFM_IMPORTANT_KEEP, RFM_GENERAL_DEVELOP, RFM_IMPORTANT_DEVELOP,
	RFM_GENERAL_VALUE, RFM_IMPORTANT_VALUE,
};

/* OUT[i] = 1 + floor(5 * worse / n) for dimension VALUE, worse being
 * the members with a strictly smaller value; *SUM gets their sum. */
static int
score(struct md *md, const int64_t *value, size_t n, int64_t *worse,
      unsigned char *out, int64_t *sum)
{
	size_t i;
	int rc;

	if ((rc = rfm_buyers_worse(md, value, n, worse)))
		return rc;
	for (*sum = 0, i = 0; i < n; i++) {
		out[i] = (unsigned char)(1 + 5 * worse[i] / (int64_t)n);
		*sum += out[i];
	}
	return MD_OK;
}

/* The three scores of every buyer, and the sum of each.  A larger R is
 * worse, so its values are negated. */
static int
scores(struct md *md, struct rfm_scored *s, int64_t sum[3])
{
	int64_t *value = malloc((s->n ? s->n : 1) * sizeof *value);
	int64_t *worse = malloc((s->n ? s->n : 1) * sizeof *worse);
	unsigned char *out[3] = {s->rs, s->fs, s->ms};
	const struct rfm_buyer *b = s->b;
	size_t i;
	int rc = MD_OK, k;

	if (!value || !worse)
		rc = md_fail(md, MD_ENOMEM, _("out of memory"));
	for (k = 0; k < 3 && rc == MD_OK; k++) {
		for (i = 0; i < s->n; i++)
			value[i] = k == 0 ? -(s->day - b[i].last) : k == 1 ? b[i].f : b[i].m;
		rc = score(md, value, s->n, worse, out[k], &sum[k]);
	}
	free(value);
	free(worse);
	return rc;
}

int
rfm_score(struct md *md, struct date as_of, int window, struct rfm_scored *s)
{
	const struct rfm_span span = {as_of, window, 0, false};
	int64_t sum[3], n;
	size_t i;
	int rc;

	memset(s, 0, sizeof *s);
	s->day = date_to_days(as_of);
	if ((rc = rfm_buyers_gather(md, &span, &s->b, &s->n)))
		return rc;
	if (!(s->rs = malloc(4 * (s->n ? s->n : 1)))) {
		rfm_scored_free(s);
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	}
	s->fs = s->rs + s->n;
	s->ms = s->fs + s->n;
	s->segment = s->ms + s->n;
	if ((rc = scores(md, s, sum))) {
		rfm_scored_free(s);
		return rc;
	}
	/* High: above the mean, score * n > sum. */
	for (n = (int64_t)s->n, i = 0; i < s->n; i++)
		s->segment[i] = segment_of_bits[(s->rs[i] * n > sum[0]) * 4 +
						(s->fs[i] * n > sum[1]) * 2 +
						(s->ms[i] * n > sum[2])];
	return MD_OK;
}

void
rfm_scored_free(struct rfm_scored *s)
{
	free(s->b);
	free(s->rs);
	memset(s, 0, sizeof *s);
}

static bool
scored(const struct rfm_scored *s, int64_t id)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->b[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->n && s->b[lo].id == id;
}

int
rfm_idle_count(struct md *md, const struct rfm_scored *s, int64_t *count)
{
	char day[11];
	struct db_stmt *st;
	int rc;

	*count = 0;
	date_format(date_from_days(s->day), day);
	if ((rc = db_prepare(md, "SELECT id FROM members"
			     " WHERE status IN ('active', 'frozen') AND joined <= ?", &st)))
		return rc;
	db_bind_text(st, 1, day);
	while (db_row(md, st, &rc))
		*count += !scored(s, db_col_int(st, 0));
	db_finalize(st);
	return rc;
}

int
rfm_summary(struct md *md, struct date as_of, int window, struct rfm_summary *out)
{
	struct rfm_scored s;
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = operator_may(md, ACTION_REPORT_VIEW)))
		return rc;
	if ((rc = rfm_score(md, as_of, window, &s)))
		return rc;
	for (i = 0; i < s.n; i++) {
		struct rfm_totals *t = &out->seg[s.segment[i]];

		t->members++;
		t->recency += s.day - s.b[i].last;
		t->frequency += s.b[i].f;
		t->monetary += s.b[i].m;
	}
	out->scored = (int64_t)s.n;
	rc = rfm_idle_count(md, &s, &out->seg[RFM_NO_PURCHASE].members);
	out->members = out->scored + out->seg[RFM_NO_PURCHASE].members;
	rfm_scored_free(&s);
	return rc;
}
