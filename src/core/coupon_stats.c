/* coupon_stats.c - a campaign's figures
 *
 * Three reads of the campaign's coupons (through coupons_campaign), all
 * with the same aggregates: the whole campaign, by the tier at issue
 * (coupons.tier_id) and by the segment at issue (coupons.segment, the
 * latest weekly snapshot's when the coupon was made).  A sale that used
 * two of the campaign's coupons has its revenue counted with the first.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "core/coupon_stats.h"
#include "core/db_sql.h"
#include "core/money.h"
#include "core/text.h"

#define STATS_SQL(key, tail) \
	"SELECT " key ", count(*)," \
	"  count(*) FILTER (WHERE k.status = 'redeemed')," \
	"  count(*) FILTER (WHERE k.status = 'expired')," \
	"  count(*) FILTER (WHERE k.status = 'revoked')," \
	"  coalesce(sum(k.discount), 0)," \
	"  coalesce(sum(CASE WHEN k.id = (SELECT min(j.id) FROM coupons j" \
	"    WHERE j.sale_id = k.sale_id AND j.campaign_id = k.campaign_id)" \
	"    THEN s.paid END), 0)" \
	" FROM coupons k LEFT JOIN sales s ON s.id = k.sale_id" \
	" LEFT JOIN tiers t ON t.id = k.tier_id" \
	" WHERE k.campaign_id = ?1" tail

static const char all_sql[] = STATS_SQL("''", "");
static const char tier_sql[] = STATS_SQL("coalesce(t.name, '')",
	" GROUP BY k.tier_id, t.name, t.rank ORDER BY t.rank IS NULL, t.rank, t.name");
static const char segment_sql[] = STATS_SQL("coalesce(k.segment, 'no_purchase')",
	" GROUP BY coalesce(k.segment, 'no_purchase')");

static void
from_row(struct db_stmt *st, struct coupon_stats_row *r)
{
	db_column_text(st, 0, r->key, sizeof r->key);
	r->issued = db_col_int(st, 1);
	r->redeemed = db_col_int(st, 2);
	r->expired = db_col_int(st, 3);
	r->revoked = db_col_int(st, 4);
	r->discount = db_col_int(st, 5);
	r->revenue = db_col_int(st, 6);
}

/* SQL's rows for campaign ID, each into the row PLACE picks. */
static int
gather(struct md *md, const char *sql, int64_t id, struct coupon_stats *s,
       struct coupon_stats_row *(*place)(struct coupon_stats *s, const char *key))
{
	struct coupon_stats_row *r;
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, sql, &st)))
		return rc;
	db_bind_int(st, 1, id);
	while (db_row(md, st, &rc))
		if ((r = place(s, db_col_text(st, 0))))
			from_row(st, r);
	db_reset(st);
	return rc;
}

static struct coupon_stats_row *
place_all(struct coupon_stats *s, const char *key)
{
	(void)key;
	return &s->all;
}

static struct coupon_stats_row *
place_tier(struct coupon_stats *s, const char *key)
{
	(void)key;
	return s->ntiers < TIERS_MAX + 1 ? &s->tiers[s->ntiers++] : NULL;
}

static struct coupon_stats_row *
place_segment(struct coupon_stats *s, const char *key)
{
	int i = rfm_segment_find(key);

	return &s->segments[i < 0 ? RFM_NO_PURCHASE : i];
}

int
coupon_stats(struct md *md, const char *campaign, struct coupon_stats *s)
{
	int rc;

	memset(s, 0, sizeof *s);
	if ((rc = campaign_get(md, campaign, &s->campaign)))
		return rc;
	if ((rc = gather(md, all_sql, s->campaign.id, s, place_all)) ||
	    (rc = gather(md, tier_sql, s->campaign.id, s, place_tier)) ||
	    (rc = gather(md, segment_sql, s->campaign.id, s, place_segment)))
		return rc;
	/* The segment rows' keys are the enum's, whatever the SQL said. */
	for (int i = 0; i < RFM_SEGMENTS; i++)
		text_copy(s->segments[i].key, sizeof s->segments[i].key, rfm_segment_key(i));
	s->all.key[0] = '\0';
	return MD_OK;
}

void
coupon_stats_rate(const struct coupon_stats_row *r, char out[32])
{
	out[0] = '\0';
	if (r->issued) {
		text_format_ratio(100 * r->redeemed, r->issued, out);
		strcat(out, "%");
	}
}

void
coupon_stats_return(const struct coupon_stats_row *r, char out[32])
{
	out[0] = '\0';
	if (r->discount)
		money_format(money_mul_div(r->revenue, 100, r->discount), out);
}
