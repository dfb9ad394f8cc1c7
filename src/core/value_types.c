/* value_types.c - value types
 *
 * One ordered pass over the counted sales (buyers.c) gives each buyer
 * what the rules need: the last purchase ever, M, F, purchase days, the
 * two churn periods, promotion spend.  The shares are counted by
 * sorting, so that members who tie at a boundary are all in or all out.
 * Integers only: "in the top 20%" is better * 100 < 20 * n, "an average
 * gap of at most 60 days" is last - first <= 60 * (days - 1).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_sql.h"
#include "core/money.h"
#include "core/operator.h"
#include "core/rfm_buyers.h"
#include "core/settings.h"
#include "core/value_types.h"
#include "i18n.h"

static const struct {
	const char *key;
	const char *label;
} types[VALUE_TYPES] = {
	/* TRANSLATORS: value types; zh_CN: 沉睡, 流失, 高消费总额, 高单价,
	 * 高忠诚, 低价高频, 低价低频. */
	{"sleeping", N_("Sleeping")},
	{"churning", N_("Churning")},
	{"high_total", N_("High total")},
	{"high_ticket", N_("High ticket")},
	{"loyal", N_("Loyal")},
	{"bargain_frequent", N_("Bargain frequent")},
	{"bargain_rare", N_("Bargain rare")},
};

const char *
value_types_key(int type)
{
	return type >= 0 && type < VALUE_TYPES ? types[type].key : "";
}

const char *
value_types_label(int type)
{
	return type >= 0 && type < VALUE_TYPES ? _(types[type].label) : "";
}

void
value_types_format(unsigned set, char *out, size_t n)
{
	size_t len = 0;
	int i;

	if (n)
		*out = '\0';
	for (i = 0; i < VALUE_TYPES; i++) {
		if (!(set & 1u << i))
			continue;
		len += snprintf(out + len, len < n ? n - len : 0, "%s%s",
				len ? ";" : "", types[i].key);
	}
}

int
value_types_primary(unsigned set)
{
	int i;

	for (i = 0; i < VALUE_TYPES; i++)
		if (set & 1u << i)
			return i;
	return -1;
}

struct rules {
	int64_t sleeping_days, churn_days, high_total_share, high_ticket_pct;
	int64_t loyal_gap_days, bargain_share;
};

static int
get_rules(struct md *md, struct rules *r)
{
	int rc;

	if ((rc = settings_get_int(md, "sleeping_days", &r->sleeping_days)) ||
	    (rc = settings_get_int(md, "churn_days", &r->churn_days)) ||
	    (rc = settings_get_int(md, "high_total_share", &r->high_total_share)) ||
	    (rc = settings_get_percent(md, "high_ticket_factor", &r->high_ticket_pct)) ||
	    (rc = settings_get_int(md, "loyal_gap_days", &r->loyal_gap_days)))
		return rc;
	return settings_get_int(md, "bargain_share", &r->bargain_share);
}

/* Every buyer classified: B from rfm_buyers_gather(), TYPES[i] its bits. */
struct classified {
	struct rfm_buyer *b;
	size_t n;
	unsigned *types;
};

/* Among the buyers with a purchase (PROMO: a promotion purchase) in the
 * year, how many are strictly better (BETTER) and strictly worse (WORSE,
 * may be NULL) by what they paid (on promotion); *COUNT gets how many
 * such buyers there are.  Others get -1. */
static int
rank_among(struct md *md, const struct rfm_buyer *b, size_t n, bool promo,
	   int64_t *better, int64_t *worse, int64_t *count)
{
	int64_t *val = malloc((n ? n : 1) * sizeof *val);
	int64_t *out = malloc((n ? n : 1) * sizeof *out);
	size_t i, k = 0, j;
	int rc = MD_OK, pass;

	if (!val || !out)
		rc = md_fail(md, MD_ENOMEM, _("out of memory"));
	for (i = 0; i < n && rc == MD_OK; i++)
		if (promo ? b[i].promo_n > 0 : b[i].f > 0)
			val[k++] = promo ? b[i].promo_m : b[i].m;
	*count = (int64_t)k;
	/* Pass 0 negates the values, so that smaller means better. */
	for (pass = 0; pass < 2 && rc == MD_OK && (pass == 0 || worse); pass++) {
		int64_t *to = pass == 0 ? better : worse;

		for (j = 0; j < k; j++)
			val[j] = -val[j];
		if ((rc = rfm_buyers_worse(md, val, k, out)))
			break;
		for (i = j = 0; i < n; i++)
			to[i] = (promo ? b[i].promo_n > 0 : b[i].f > 0) ? out[j++] : -1;
	}
	free(val);
	free(out);
	return rc;
}

/* The shop's average ticket over the buyers of the year, rounded to the
 * fen, and the high_ticket threshold from it. */
static void
ticket(const struct rfm_buyer *b, size_t n, const struct rules *r,
       struct value_types_summary *s)
{
	int64_t m = 0, f = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		m += b[i].m;
		f += b[i].f;
	}
	s->average_ticket = f ? money_mul_div(m, 1, f) : 0;
	s->ticket_threshold = money_mul_div(s->average_ticket, r->high_ticket_pct, 100);
}

/* The bits of buyer B: BETTER by M, P_BETTER and P_WORSE by promotion
 * spend (or -1), as rank_among() gives them. */
static unsigned
types_of(const struct rfm_buyer *b, int64_t day, const struct rules *r,
	 const struct value_types_summary *s, int64_t better, int64_t p_better,
	 int64_t p_worse)
{
	unsigned t = 0;

	if (b->last_ever <= day - r->sleeping_days)
		t |= 1u << VALUE_SLEEPING;
	if (b->earlier >= 2 && 2 * b->recent < b->earlier)
		t |= 1u << VALUE_CHURNING;
	if (b->f > 0 && better * 100 < r->high_total_share * s->buyers)
		t |= 1u << VALUE_HIGH_TOTAL;
	if (b->f > 0 && s->ticket_threshold > 0 &&
	    b->m >= (__int128)s->ticket_threshold * b->f)
		t |= 1u << VALUE_HIGH_TICKET;
	if (b->f > 0 && better * 2 < s->buyers && b->days >= 2 &&
	    b->last - b->first <= r->loyal_gap_days * (b->days - 1) &&
	    day - b->last <= r->loyal_gap_days)
		t |= 1u << VALUE_LOYAL;
	if (b->promo_n > 0 && p_better * 100 < r->bargain_share * s->promo_buyers)
		t |= 1u << VALUE_BARGAIN_FREQUENT;
	if (b->promo_n > 0 && p_worse * 100 < r->bargain_share * s->promo_buyers)
		t |= 1u << VALUE_BARGAIN_RARE;
	return t;
}

static int
classify(struct md *md, struct date d, const struct rules *r,
	 struct classified *c, struct value_types_summary *s)
{
	int64_t *rank = malloc(3 * (c->n ? c->n : 1) * sizeof *rank);
	int64_t *better = rank, *p_better = rank + c->n, *p_worse = rank + 2 * c->n;
	size_t i;
	int rc;

	c->types = malloc((c->n ? c->n : 1) * sizeof *c->types);
	if (!rank || !c->types) {
		free(rank);
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	}
	ticket(c->b, c->n, r, s);
	if (!(rc = rank_among(md, c->b, c->n, false, better, NULL, &s->buyers)) &&
	    !(rc = rank_among(md, c->b, c->n, true, p_better, p_worse, &s->promo_buyers)))
		for (i = 0; i < c->n; i++)
			c->types[i] = types_of(&c->b[i], date_to_days(d), r, s, better[i],
					       p_better[i], p_worse[i]);
	free(rank);
	return rc;
}

/* Classify the buyers as of D; S gets the shop's figures. */
static int
compute(struct md *md, struct date d, struct classified *c,
	struct value_types_summary *s)
{
	struct rfm_span span = {d, VALUE_TYPES_YEAR, 0, true};
	struct rules r;
	int rc;

	memset(c, 0, sizeof *c);
	memset(s, 0, sizeof *s);
	if ((rc = get_rules(md, &r)))
		return rc;
	span.churn = (int)r.churn_days;
	if ((rc = rfm_buyers_gather(md, &span, &c->b, &c->n)))
		return rc;
	return classify(md, d, &r, c, s);
}

static void
classified_free(struct classified *c)
{
	free(c->b);
	free(c->types);
}

int
value_types_summary(struct md *md, struct date as_of,
		    struct value_types_summary *out)
{
	struct classified c;
	size_t i;
	int rc, k;

	if ((rc = operator_may(md, ACTION_REPORT_VIEW)))
		return rc;
	if (!(rc = compute(md, as_of, &c, out)))
		for (i = 0; i < c.n; i++) {
			for (k = 0; k < VALUE_TYPES; k++)
				out->carrying[k] += (c.types[i] >> k) & 1;
			if (c.types[i])
				out->primary[value_types_primary(c.types[i])]++;
		}
	classified_free(&c);
	return rc;
}

/* The members with a type, where SQL can sort them by card. */
static int
store(struct md *md, const struct classified *c)
{
	struct db_stmt *st;
	size_t i;
	int rc;

	if ((rc = db_exec(md, "DROP TABLE IF EXISTS " SQL_TEMP("value_types") ";"
			  "CREATE TEMP TABLE value_types(id INTEGER PRIMARY KEY,"
			  "  types INTEGER NOT NULL)")) ||
	    (rc = db_prepare(md, "INSERT INTO " SQL_TEMP("value_types") "(id, types)"
			     " VALUES (?, ?)", &st)))
		return rc;
	for (i = 0; i < c->n && rc == MD_OK; i++) {
		if (!c->types[i])
			continue;
		db_bind_int(st, 1, c->b[i].id);
		db_bind_int(st, 2, c->types[i]);
		rc = db_run(md, st);
	}
	db_finalize(st);
	return rc;
}

int
value_types_compute(struct md *md, struct date as_of)
{
	struct value_types_summary s;
	struct classified c;
	int rc;

	if ((rc = compute(md, as_of, &c, &s)) ||
	    (rc = db_exec(md, "SAVEPOINT value_types"))) {
		classified_free(&c);
		return rc;
	}
	rc = store(md, &c);
	classified_free(&c);
	db_exec_quiet(md, rc ? "ROLLBACK TO value_types; RELEASE value_types" :
		      "RELEASE value_types");
	return rc;
}

int
value_types_members(struct md *md, struct date as_of,
		    int (*cb)(void *arg, const struct value_types_member *m),
		    void *arg)
{
	struct value_types_member m;
	struct db_stmt *st;
	int rc;

	if ((rc = operator_may(md, ACTION_REPORT_VIEW)))
		return rc;
	if ((rc = value_types_compute(md, as_of)) ||
	    (rc = db_prepare(md, "SELECT mb.card, mb.name, mb.phone, v.types"
			     " FROM " SQL_TEMP("value_types") " v JOIN members mb ON mb.id = v.id"
			     " ORDER BY mb.card", &st)))
		return rc;
	while (db_row(md, st, &rc)) {
		db_column_text(st, 0, m.card, sizeof m.card);
		db_column_text(st, 1, m.name, sizeof m.name);
		db_column_text(st, 2, m.phone, sizeof m.phone);
		m.types = (unsigned)db_col_int(st, 3);
		if ((rc = cb(arg, &m)))
			goto out;
	}
out:
	db_finalize(st);
	return rc;
}
