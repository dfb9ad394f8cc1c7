/* campaign.c - coupon campaigns
 *
 * A campaign holds the offer and its rules; its coupons (coupon.c) are
 * issued from it.  What is typed is checked here, once, for the CLI and
 * the screens alike, into the normal forms the table keeps: money in
 * fen, dates ISO, the target as "tier:ID" and the like (a tier renamed
 * later is still the same tier).
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/audit.h"
#include "core/campaign.h"
#include "core/clock.h"
#include "core/csvio.h"
#include "core/db_sql.h"
#include "core/member.h"
#include "core/money.h"
#include "core/operator.h"
#include "core/rfm.h"
#include "core/sale.h"
#include "core/text.h"
#include "core/tier.h"
#include "core/value_types.h"
#include "i18n.h"

static const struct text_label kinds[] = {
	[CAMPAIGN_CASH] = { "cash", N_("cash off (满减)") },
	[CAMPAIGN_PERCENT] = { "percent", N_("percent off (折扣)") },
	[CAMPAIGN_VOUCHER] = { "voucher", N_("voucher (代金券)") },
	[CAMPAIGN_GIFT] = { "gift", N_("gift (礼品券)") },
};

static const struct text_label statuses[] = {
	[CAMPAIGN_DRAFT] = { "draft", N_("draft") },
	[CAMPAIGN_ACTIVE] = { "active", N_("running") },
	[CAMPAIGN_ENDED] = { "ended", N_("ended") },
};

#define N(a) (sizeof a / sizeof *a)

const char *
campaign_kind_key(enum campaign_kind k)
{
	return kinds[k].key;
}

const char *
campaign_kind_label(enum campaign_kind k)
{
	return _(kinds[k].label);
}

const char *
campaign_status_key(enum campaign_status s)
{
	return statuses[s].key;
}

const char *
campaign_status_label(enum campaign_status s)
{
	return _(statuses[s].label);
}

static int
find_key(const struct text_label *t, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (key && !strcmp(t[i].key, key))
			return (int)i;
	return -1;
}

void
campaign_offer(struct md *md, const struct campaign *c, char *out, size_t n)
{
	char a[40], b[40];

	money_human(md, c->value, a);
	money_human(md, c->kind == CAMPAIGN_PERCENT ? c->cap : c->min_spend, b);
	switch (c->kind) {
	case CAMPAIGN_CASH:
		snprintf(out, n, _("%s off from %s"), a, b);
		break;
	case CAMPAIGN_PERCENT:
		if (c->cap)
			snprintf(out, n, _("pay %lld%%, at most %s off"), (long long)c->value, b);
		else
			snprintf(out, n, _("pay %lld%%"), (long long)c->value);
		break;
	case CAMPAIGN_VOUCHER:
		snprintf(out, n, _("%s off"), a);
		break;
	case CAMPAIGN_GIFT:
		snprintf(out, n, _("a gift: %s"), c->gift);
		break;
	}
}

/* ---- Checking what was typed -------------------------------------------- */

/* A whole number from 1 to MAX, for WHAT. */
static int
count_of(struct md *md, const char *what, const char *s, int64_t max, int64_t *v)
{
	char buf[32], *end;
	long long n;

	if (!text_fold_fullwidth(s, buf, sizeof buf))
		goto bad;
	n = strtoll(buf, &end, 10);
	if (!*buf || *end || n < 1 || n > max)
		goto bad;
	*v = n;
	return MD_OK;
bad:
	return md_fail(md, MD_EINVAL, _("%s \"%s\" must be a whole number from 1 to %lld"),
		       what, s, (long long)max);
}

static int
check_value(struct md *md, const struct campaign_input *in, struct campaign *c)
{
	int64_t v;
	int rc;

	if (!in->value)
		return MD_OK;
	switch (c->kind) {
	case CAMPAIGN_CASH:
	case CAMPAIGN_VOUCHER:
		if ((rc = money_parse(md, _("value"), in->value, &v, 0)))
			return rc;
		c->value = v;
		return MD_OK;
	case CAMPAIGN_PERCENT:
		if ((rc = count_of(md, _("value"), in->value, 99, &v)))
			return md_fail(md, MD_EINVAL,
				       _("value \"%s\" must be the percentage paid, from 1 to 99 (85 is 8.5折)"),
				       in->value);
		c->value = v;
		return MD_OK;
	case CAMPAIGN_GIFT:
		if ((rc = sale_check_label(md, _("gift"), in->value, 40, c->gift,
					   sizeof c->gift)))
			return rc;
		c->value = 0;
		return MD_OK;
	}
	return MD_OK;
}

/* The offer's numbers hang together: a 满减 needs its minimum, and no
 * shop takes off more than it asks to be spent. */
static int
check_offer(struct md *md, struct campaign *c)
{
	char a[40], b[40];

	if (c->kind == CAMPAIGN_GIFT && !*c->gift)
		return md_fail(md, MD_EINVAL, _("a gift campaign needs the gift, as its value"));
	if (c->kind != CAMPAIGN_GIFT && c->value == 0)
		return md_fail(md, MD_EINVAL, _("a %s campaign needs a value"),
			       campaign_kind_key(c->kind));
	if (c->kind == CAMPAIGN_CASH && c->min_spend == 0)
		return md_fail(md, MD_EINVAL,
			       _("a cash-off campaign needs its minimum spend (满100减20: %s 100)"),
			       md_input(md, "--min"));
	if (c->kind == CAMPAIGN_CASH && c->min_spend < c->value) {
		money_human(md, c->value, a);
		money_human(md, c->min_spend, b);
		return md_fail(md, MD_EINVAL,
			       _("%s off from a spend of %s would give away more than is spent"),
			       a, b);
	}
	if (c->kind == CAMPAIGN_VOUCHER && c->min_spend)
		return md_fail(md, MD_EINVAL,
			       _("a voucher has no minimum spend (that is a cash-off campaign)"));
	if (c->cap && c->kind != CAMPAIGN_PERCENT)
		return md_fail(md, MD_EINVAL, _("only a percent-off campaign has a cap"));
	return MD_OK;
}

/* "weekends" and "YYYY-MM-DD..YYYY-MM-DD", separated by commas, into
 * OUT in that form. */
static int
check_not_on(struct md *md, const char *in, char out[CAMPAIGN_NOT_ON_MAX])
{
	char buf[CAMPAIGN_NOT_ON_MAX], item[64], a[11], b[11];
	char *p, *next, *dots;
	struct date d1, d2;
	size_t o = 0;
	int rc;

	out[0] = '\0';
	if (!text_fold_fullwidth(in, buf, sizeof buf))
		return md_fail(md, MD_EINVAL, _("days not on \"%s\" is too long"), in);
	for (p = buf; p && *p; p = next) {
		if ((next = strchr(p, ',')))
			*next++ = '\0';
		text_trim(p, item, sizeof item);
		if (!*item)
			continue;
		if (!strcasecmp(item, "weekends") || !strcmp(item, "周末") || !strcmp(item, "週末")) {
			o += (size_t)snprintf(out + o, CAMPAIGN_NOT_ON_MAX - o, "%s%s",
					      o ? "," : "", "weekends");
			continue;
		}
		if (!(dots = strstr(item, ".."))) {
			if ((rc = date_parse(md, _("day not on"), item, &d1, false)))
				return md_fail(md, MD_EINVAL,
					       _("days not on \"%s\" is not weekends or FROM..TO (2026-10-01..2026-10-07)"),
					       item);
			d2 = d1;
		} else {
			*dots = '\0';
			if (date_parse(md, _("day not on"), item, &d1, false) ||
			    date_parse(md, _("day not on"), dots + 2, &d2, false))
				return md_fail(md, MD_EINVAL,
					       _("days not on \"%s..%s\" is not FROM..TO (2026-10-01..2026-10-07)"),
					       item, dots + 2);
		}
		if (date_to_days(d1) > date_to_days(d2))
			return md_fail(md, MD_EINVAL, _("days not on: %s is after %s"), item,
				       dots ? dots + 2 : item);
		date_format(d1, a);
		date_format(d2, b);
		o += (size_t)snprintf(out + o, CAMPAIGN_NOT_ON_MAX - o, "%s%s..%s",
				      o ? "," : "", a, b);
		if (o >= CAMPAIGN_NOT_ON_MAX - 1)
			return md_fail(md, MD_EINVAL, _("days not on \"%s\" is too long"), in);
	}
	return MD_OK;
}

/* Fixed dates, or days from the issue; not both, and not nothing. */
static int
check_validity(struct md *md, const struct campaign_input *in, struct campaign *c)
{
	struct date d;
	char today[11];
	int64_t days;
	int rc;

	if ((in->from || in->to) && in->days)
		return md_fail(md, MD_EINVAL,
			       _("give fixed dates (%s and %s) or a number of days (%s), not both"),
			       md_input(md, "--from"), md_input(md, "--to"), md_input(md, "--days"));
	if (in->days) {
		if ((rc = count_of(md, _("days"), in->days, 3660, &days)))
			return rc;
		c->valid_days = (int)days;
		c->valid_from[0] = c->valid_to[0] = '\0';
	}
	if (in->from) {
		if ((rc = date_parse(md, md_input(md, "--from"), in->from, &d, false)))
			return rc;
		date_format(d, c->valid_from);
		c->valid_days = 0;
	}
	if (in->to) {
		if ((rc = date_parse(md, md_input(md, "--to"), in->to, &d, false)))
			return rc;
		date_format(d, c->valid_to);
		c->valid_days = 0;
	}
	if (!c->valid_days && !*c->valid_to)
		return md_fail(md, MD_EINVAL,
			       _("when can the coupons be used? Give %s and %s, or %s"),
			       md_input(md, "--from"), md_input(md, "--to"), md_input(md, "--days"));
	clock_today_text(md, today);
	if (*c->valid_to && strcmp(c->valid_to, today) < 0)
		return md_fail(md, MD_EINVAL,
			       _("the campaign would end on %s, before today: no coupon could be used"),
			       c->valid_to);
	if (*c->valid_to && !*c->valid_from)
		strcpy(c->valid_from, today);
	if (*c->valid_to && strcmp(c->valid_from, c->valid_to) > 0)
		return date_fail_order(md, c->valid_from, c->valid_to);
	return MD_OK;
}

/* A member list for target file:PATH: the card or phone in the first
 * field of each line (a first line that names no member is a header). */
struct list {
	struct md *md;
	const char *path;
	int64_t *ids;
	size_t n, cap;
};

static int
list_row(void *arg, const struct csvio_record *r)
{
	struct list *l = arg;
	char key[64];
	int64_t id;
	int rc;

	if (!r->n)
		return MD_OK;
	text_trim(r->fields[0], key, sizeof key);
	if (!*key)
		return MD_OK;
	rc = member_resolve(l->md, key, &id);
	if (rc == MD_ENOTFOUND && r->line == 1)
		return MD_OK;	/* a header */
	if (rc)
		return md_fail(l->md, rc, _("%s: line %lld: %s"), l->path,
			       (long long)r->line, l->md->err);
	if (!md_grow(l->md, &l->ids, &l->cap, l->n, sizeof *l->ids))
		return MD_ENOMEM;
	l->ids[l->n++] = id;
	return MD_OK;
}

static int
read_list(struct md *md, const char *path, struct list *l)
{
	struct csvio_info info = {0};
	int rc;

	memset(l, 0, sizeof *l);
	l->md = md;
	l->path = path;
	if ((rc = csvio_scan(md, path, &info)) ||
	    (rc = csvio_read(md, path, &info, list_row, NULL, l)))
		return rc;
	if (!l->n)
		return md_fail(md, MD_EINVAL, _("%s names no member"), path);
	return MD_OK;
}

/* TARGET as typed into its normal form in C; a list's members into L. */
static int
check_target(struct md *md, const char *in, struct campaign *c, struct list *l)
{
	char buf[CAMPAIGN_TARGET_MAX * 4], *arg;
	int64_t v;
	int rc, i;

	text_trim(in, buf, sizeof buf);
	if (!strcmp(buf, "all")) {
		strcpy(c->target, "all");
		return MD_OK;
	}
	if (!(arg = strchr(buf, ':')) || !arg[1])
		goto bad;
	*arg++ = '\0';
	if (!strcmp(buf, "tier")) {
		struct tier t;

		if ((rc = tier_get(md, arg, &t)))
			return rc;
		snprintf(c->target, sizeof c->target, "tier:%lld", (long long)t.id);
	} else if (!strcmp(buf, "tag")) {
		if ((rc = db_int_text(md, "SELECT id FROM tags WHERE name = ?", arg, &v)))
			return rc;
		if (!v)
			return md_fail(md, MD_ENOTFOUND, _("there is no tag \"%s\""), arg);
		snprintf(c->target, sizeof c->target, "tag:%lld", (long long)v);
	} else if (!strcmp(buf, "segment")) {
		if ((rc = rfm_segment_parse(md, arg, &i)))
			return rc;
		snprintf(c->target, sizeof c->target, "segment:%s", rfm_segment_key(i));
	} else if (!strcmp(buf, "type")) {
		for (i = 0; i < VALUE_TYPES && strcmp(arg, value_types_key(i)); i++)
			;
		if (i == VALUE_TYPES)
			return md_fail(md, MD_EINVAL,
				       _("value type \"%s\" is not one of sleeping, churning, high_total, high_ticket, loyal, bargain_frequent, bargain_rare"),
				       arg);
		snprintf(c->target, sizeof c->target, "type:%s", arg);
	} else if (!strcmp(buf, "birthday-month")) {
		if ((rc = count_of(md, _("birthday month"), arg, 12, &v)))
			return rc;
		snprintf(c->target, sizeof c->target, "birthday-month:%lld", (long long)v);
	} else if (!strcmp(buf, "joined-within")) {
		if ((rc = count_of(md, _("joined within (days)"), arg, 36600, &v)))
			return rc;
		snprintf(c->target, sizeof c->target, "joined-within:%lld", (long long)v);
	} else if (!strcmp(buf, "file")) {
		if ((rc = read_list(md, arg, l)))
			return rc;
		strcpy(c->target, "list");
	} else {
		goto bad;
	}
	return MD_OK;
bad:
	return md_fail(md, MD_EINVAL,
		       _("target \"%s\" is not all, tier:NAME, tag:NAME, segment:KEY, type:KEY, birthday-month:M, joined-within:N or file:PATH"),
		       in);
}

int
campaign_check_target(struct md *md, const char *target, struct campaign *c)
{
	struct list l;
	int rc;

	memset(&l, 0, sizeof l);
	rc = check_target(md, target, c, &l);
	free(l.ids);
	return rc;
}

int
campaign_tags(struct md *md, int (*cb)(void *arg, const struct campaign_tag *t), void *arg)
{
	struct campaign_tag t;
	struct db_stmt *st;
	int rc;

	if ((rc = db_prepare(md, "SELECT t.id, t.name, (SELECT count(*) FROM member_tags mt"
			     "  JOIN members m ON m.id = mt.member_id"
			     "  WHERE mt.tag_id = t.id AND m.status = 'active')"
			     " FROM tags t ORDER BY t.name", &st)))
		return rc;
	while (db_row(md, st, &rc)) {
		t.id = db_col_int(st, 0);
		db_column_text(st, 1, t.name, sizeof t.name);
		t.members = db_col_int(st, 2);
		if ((rc = cb(arg, &t)))
			break;
	}
	db_finalize(st);
	return rc;
}

/* IN over what C holds already (a new campaign's defaults, or the
 * stored one). */
static int
check_input(struct md *md, const struct campaign_input *in, struct campaign *c,
	    struct list *l)
{
	int64_t v;
	int rc, k;

	memset(l, 0, sizeof *l);
	if (in->name) {
		char buf[CAMPAIGN_NAME_MAX];

		if ((rc = sale_check_label(md, _("campaign name"), in->name, CAMPAIGN_NAME_COLS,
					   buf, sizeof buf)))
			return rc;
		if (!*buf)
			return md_fail(md, MD_EINVAL, _("a campaign needs a name"));
		if (strspn(buf, "0123456789") == strlen(buf))
			return md_fail(md, MD_EINVAL,
				       _("campaign name \"%s\" is a number, which would read as a campaign's number"),
				       buf);
		strcpy(c->name, buf);
	}
	if (in->kind) {
		if ((k = find_key(kinds, N(kinds), in->kind)) < 0)
			return md_fail(md, MD_EINVAL,
				       _("kind \"%s\" is not one of cash, percent, voucher, gift"),
				       in->kind);
		c->kind = (enum campaign_kind)k;
	}
	if ((rc = check_value(md, in, c)))
		return rc;
	if (in->min && (rc = money_parse(md, _("minimum spend"), in->min, &c->min_spend, 0)))
		return rc;
	if (in->cap && (rc = money_parse(md, _("cap"), in->cap, &c->cap, 0)))
		return rc;
	if ((rc = check_offer(md, c)) || (rc = check_validity(md, in, c)))
		return rc;
	if (in->not_on && (rc = check_not_on(md, in->not_on, c->not_on)))
		return rc;
	if (in->per_member) {
		if ((rc = count_of(md, _("per member"), in->per_member, 100, &v)))
			return rc;
		c->per_member = (int)v;
	}
	if (in->total && (rc = count_of(md, _("total"), in->total, 10000000, &c->total)))
		return rc;
	if (in->points && (rc = count_of(md, _("points price"), in->points, 100000000,
					 &c->points)))
		return rc;
	if (in->exclude_blacklist >= 0)
		c->no_blacklist = in->exclude_blacklist;
	if (in->target && (rc = check_target(md, in->target, c, l)))
		return rc;
	return MD_OK;
}

/* ---- Storing and reading ------------------------------------------------- */

#define CAMPAIGN_SELECT \
	"SELECT c.id, c.name, c.kind, c.value, c.gift, c.min_spend, c.cap," \
	"  coalesce(c.valid_from, ''), coalesce(c.valid_to, ''), coalesce(c.valid_days, 0)," \
	"  c.not_on, c.per_member, coalesce(c.total, 0), coalesce(c.points, 0), c.target," \
	"  c.no_blacklist, c.status, c.created_at," \
	"  (SELECT count(*) FROM coupons k WHERE k.campaign_id = c.id)," \
	"  (SELECT count(*) FROM coupons k WHERE k.campaign_id = c.id AND k.status = 'redeemed')" \
	"  FROM campaigns c"

static void
from_row(struct db_stmt *st, struct campaign *c)
{
	memset(c, 0, sizeof *c);
	c->id = db_col_int(st, 0);
	db_column_text(st, 1, c->name, sizeof c->name);
	c->kind = (enum campaign_kind)find_key(kinds, N(kinds), db_col_text(st, 2));
	c->value = db_col_int(st, 3);
	db_column_text(st, 4, c->gift, sizeof c->gift);
	c->min_spend = db_col_int(st, 5);
	c->cap = db_col_int(st, 6);
	db_column_text(st, 7, c->valid_from, sizeof c->valid_from);
	db_column_text(st, 8, c->valid_to, sizeof c->valid_to);
	c->valid_days = (int)db_col_int(st, 9);
	db_column_text(st, 10, c->not_on, sizeof c->not_on);
	c->per_member = (int)db_col_int(st, 11);
	c->total = db_col_int(st, 12);
	c->points = db_col_int(st, 13);
	db_column_text(st, 14, c->target, sizeof c->target);
	c->no_blacklist = db_col_int(st, 15);
	c->status = (enum campaign_status)find_key(statuses, N(statuses), db_col_text(st, 16));
	db_column_text(st, 17, c->created_at, sizeof c->created_at);
	c->issued = db_col_int(st, 18);
	c->redeemed = db_col_int(st, 19);
}

int
campaign_get_id(struct md *md, int64_t id, struct campaign *c)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, CAMPAIGN_SELECT " WHERE c.id = ?", &st)))
		return rc;
	db_bind_int(st, 1, id);
	if (db_row(md, st, &rc))
		from_row(st, c);
	else if (!rc)
		rc = md_fail(md, MD_ENOTFOUND, _("there is no campaign number %lld"), (long long)id);
	db_reset(st);
	return rc;
}

int
campaign_get(struct md *md, const char *key, struct campaign *c)
{
	char buf[CAMPAIGN_NAME_MAX * 2], *end;
	struct db_stmt *st;
	long long id;
	int rc;

	text_trim(key, buf, sizeof buf);
	id = strtoll(buf, &end, 10);
	if (*buf && !*end && id > 0)
		return campaign_get_id(md, id, c);
	if ((rc = db_stmt(md, CAMPAIGN_SELECT " WHERE c.name = ?", &st)))
		return rc;
	db_bind_copy(st, 1, buf);
	if (db_row(md, st, &rc))
		from_row(st, c);
	else if (!rc)
		rc = md_fail(md, MD_ENOTFOUND, _("there is no campaign \"%s\""), key);
	db_reset(st);
	return rc;
}

int
campaign_list(struct md *md, int (*cb)(void *arg, const struct campaign *c), void *arg)
{
	struct campaign c;
	struct db_stmt *st;
	int rc;

	if ((rc = db_prepare(md, CAMPAIGN_SELECT " ORDER BY c.id", &st)))
		return rc;
	while (db_row(md, st, &rc)) {
		from_row(st, &c);
		if ((rc = cb(arg, &c)))
			break;
	}
	db_finalize(st);
	return rc;
}

static void
bind_campaign(struct db_stmt *st, const struct campaign *c)
{
	db_bind_text(st, 1, c->name);
	db_bind_text(st, 2, campaign_kind_key(c->kind));
	db_bind_int(st, 3, c->value);
	db_bind_text(st, 4, c->gift);
	db_bind_int(st, 5, c->min_spend);
	db_bind_int(st, 6, c->cap);
	db_bind_text_or_null(st, 7, c->valid_days ? "" : c->valid_from);
	db_bind_text_or_null(st, 8, c->valid_days ? "" : c->valid_to);
	if (c->valid_days)
		db_bind_int(st, 9, c->valid_days);
	db_bind_text(st, 10, c->not_on);
	db_bind_int(st, 11, c->per_member);
	if (c->total)
		db_bind_int(st, 12, c->total);
	if (c->points)
		db_bind_int(st, 13, c->points);
	db_bind_text(st, 14, c->target);
	db_bind_int(st, 15, c->no_blacklist);
	db_bind_text(st, 16, campaign_status_key(c->status));
}

static int
name_free(struct md *md, const char *name, int64_t except)
{
	int64_t id;
	int rc;

	if ((rc = db_int_text(md, "SELECT id FROM campaigns WHERE name = ?", name, &id)))
		return rc;
	if (id && id != except)
		return md_fail(md, MD_ECONFLICT, _("there is already a campaign \"%s\""), name);
	return MD_OK;
}

static int
store_list(struct md *md, int64_t campaign, const struct list *l)
{
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, "DELETE FROM campaign_members WHERE campaign_id = ?", &st)))
		return rc;
	db_bind_int(st, 1, campaign);
	if ((rc = db_run(md, st)))
		return rc;
	if ((rc = db_stmt(md, "INSERT INTO campaign_members(campaign_id, member_id)"
			  " VALUES (?, ?) ON CONFLICT DO NOTHING", &st)))
		return rc;
	for (size_t i = 0; i < l->n && !rc; i++) {
		db_bind_int(st, 1, campaign);
		db_bind_int(st, 2, l->ids[i]);
		rc = db_run(md, st);
	}
	return rc;
}

/* The audit row of an add or an edit: the campaign as it is now. */
static int
audit_campaign(struct md *md, enum action a, const struct campaign *c)
{
	char offer[200], id[24];

	campaign_offer(md, c, offer, sizeof offer);
	snprintf(id, sizeof id, "%lld", (long long)c->id);
	return audit_log_pairs(md, a, 0, "campaign", id, "name", c->name,
			       "kind", campaign_kind_key(c->kind), "offer", offer,
			       "from", c->valid_from, "to", c->valid_to, "target", c->target,
			       "status", campaign_status_key(c->status), NULL);
}

/* What an active campaign may not change: the coupons out there were
 * issued under it. */
static int
only_widens(struct md *md, const struct campaign *was, const struct campaign *now,
	    const struct campaign_input *in)
{
	if (in->kind || in->value || in->min || in->cap || in->not_on || in->points ||
	    in->target || in->exclude_blacklist >= 0 || (in->from && !*was->valid_to) ||
	    (in->days && !was->valid_days) || (in->to && !*was->valid_to))
		return md_fail(md, MD_ECONFLICT,
			       _("campaign %s is active: it can only widen (a later end, more coupons, more per member), so that the coupons out there keep what they were issued with"),
			       was->name);
	if (in->from && strcmp(now->valid_from, was->valid_from))
		return md_fail(md, MD_ECONFLICT, _("campaign %s is active: its start cannot move"),
			       was->name);
	if ((*was->valid_to && strcmp(now->valid_to, was->valid_to) < 0) ||
	    now->valid_days < was->valid_days)
		return md_fail(md, MD_ECONFLICT,
			       _("campaign %s is active: its coupons may be used longer, not shorter"),
			       was->name);
	if ((was->total && (!now->total || now->total < was->total) && in->total) ||
	    now->per_member < was->per_member)
		return md_fail(md, MD_ECONFLICT,
			       _("campaign %s is active: it may have more coupons, not fewer"),
			       was->name);
	return MD_OK;
}

/* The campaign that add (KEY NULL) or edit (of KEY) would store, from
 * IN, checked; a list target's members into L (free L->ids). */
static int
prepare(struct md *md, const char *key, const struct campaign_input *in,
	struct campaign *c, struct list *l)
{
	struct campaign was;
	int rc;

	memset(l, 0, sizeof *l);
	if (!key) {
		*c = (struct campaign){ .per_member = 1, .status = CAMPAIGN_ACTIVE };
		strcpy(c->target, "all");
		if (!in->name)
			return md_fail(md, MD_EINVAL, _("a campaign needs a name"));
		if (!in->kind)
			return md_fail(md, MD_EINVAL,
				       _("a campaign needs a kind: cash, percent, voucher or gift"));
		if (in->draft)
			c->status = CAMPAIGN_DRAFT;
		return check_input(md, in, c, l);
	}
	if ((rc = campaign_get(md, key, &was)))
		return rc;
	if (was.status == CAMPAIGN_ENDED)
		return md_fail(md, MD_ECONFLICT, _("campaign %s has ended"), was.name);
	*c = was;
	if ((rc = check_input(md, in, c, l)))
		return rc;
	return was.status == CAMPAIGN_ACTIVE ? only_widens(md, &was, c, in) : MD_OK;
}

int
campaign_check(struct md *md, const char *key, const struct campaign_input *in,
	       struct campaign *c)
{
	struct list l;
	int rc;

	if (!(rc = prepare(md, key, in, c, &l)))
		rc = name_free(md, c->name, c->id);
	free(l.ids);
	return rc;
}

static int
add_locked(struct md *md, struct campaign *c, const struct list *l)
{
	struct db_stmt *st;
	char now[20];
	int rc;

	if ((rc = name_free(md, c->name, 0)) ||
	    (rc = db_stmt(md, "INSERT INTO campaigns(name, kind, value, gift, min_spend, cap,"
			  " valid_from, valid_to, valid_days, not_on, per_member, total, points,"
			  " target, no_blacklist, status, created_at, operator)"
			  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
			  "  ?15, ?16, ?17, ?18)", &st)))
		return rc;
	clock_timestamp(md, now);
	bind_campaign(st, c);
	db_bind_text(st, 17, now);
	db_bind_text(st, 18, md->operator_name);
	if ((rc = db_run(md, st)))
		return rc;
	c->id = db_last_id(md);
	if (l->n && (rc = store_list(md, c->id, l)))
		return rc;
	return audit_campaign(md, ACTION_CAMPAIGN_ADD, c);
}

int
campaign_add(struct md *md, const struct campaign_input *in, int64_t *id)
{
	struct campaign c;
	struct list l;
	int rc;

	*id = 0;
	if ((rc = operator_may(md, ACTION_CAMPAIGN_ADD)))
		return rc;
	if ((rc = prepare(md, NULL, in, &c, &l)) || (rc = db_begin(md)))
		goto out;
	rc = db_end(md, add_locked(md, &c, &l));
	*id = rc ? 0 : c.id;
out:
	free(l.ids);
	return rc;
}

static int
edit_locked(struct md *md, const char *key, const struct campaign_input *in)
{
	struct campaign was, c;
	struct db_stmt *st;
	struct list l;
	int rc;

	if ((rc = prepare(md, key, in, &c, &l)) || (rc = campaign_get_id(md, c.id, &was)))
		goto out;
	if ((rc = name_free(md, c.name, c.id)) ||
	    (rc = db_stmt(md, "UPDATE campaigns SET name = ?1, kind = ?2, value = ?3,"
			  " gift = ?4, min_spend = ?5, cap = ?6, valid_from = ?7, valid_to = ?8,"
			  " valid_days = ?9, not_on = ?10, per_member = ?11, total = ?12,"
			  " points = ?13, target = ?14, no_blacklist = ?15, status = ?16"
			  " WHERE id = ?17", &st)))
		goto out;
	bind_campaign(st, &c);
	db_bind_int(st, 17, c.id);
	if ((rc = db_run(md, st)))
		goto out;
	if (l.n && (rc = store_list(md, c.id, &l)))
		goto out;
	/* A later end is good for the coupons out there too. */
	if (*c.valid_to && strcmp(c.valid_to, was.valid_to)) {
		if ((rc = db_stmt(md, "UPDATE coupons SET expires = ?1 WHERE campaign_id = ?2"
				  " AND status = 'issued' AND expires = ?3", &st)))
			goto out;
		db_bind_text(st, 1, c.valid_to);
		db_bind_int(st, 2, c.id);
		db_bind_text(st, 3, was.valid_to);
		if ((rc = db_run(md, st)))
			goto out;
	}
	rc = audit_campaign(md, ACTION_CAMPAIGN_EDIT, &c);
out:
	free(l.ids);
	return rc;
}

int
campaign_edit(struct md *md, const char *key, const struct campaign_input *in)
{
	int rc;

	if ((rc = operator_may(md, ACTION_CAMPAIGN_EDIT)))
		return rc;
	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, edit_locked(md, key, in));
}

static int
set_status(struct md *md, const char *key, enum campaign_status from,
	   enum campaign_status to, enum action a)
{
	struct campaign c;
	struct db_stmt *st;
	int rc;

	if ((rc = campaign_get(md, key, &c)))
		return rc;
	if (c.status != from)
		return md_fail(md, MD_ECONFLICT, _("campaign %s is %s, not %s"), c.name,
			       campaign_status_label(c.status), campaign_status_label(from));
	if ((rc = db_stmt(md, "UPDATE campaigns SET status = ? WHERE id = ?", &st)))
		return rc;
	db_bind_text(st, 1, campaign_status_key(to));
	db_bind_int(st, 2, c.id);
	if ((rc = db_run(md, st)))
		return rc;
	c.status = to;
	return audit_campaign(md, a, &c);
}

int
campaign_start(struct md *md, const char *key)
{
	int rc;

	if ((rc = operator_may(md, ACTION_CAMPAIGN_START)))
		return rc;
	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, set_status(md, key, CAMPAIGN_DRAFT, CAMPAIGN_ACTIVE,
				     ACTION_CAMPAIGN_START));
}

int
campaign_end(struct md *md, const char *key)
{
	int rc;

	if ((rc = operator_may(md, ACTION_CAMPAIGN_END)))
		return rc;
	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, set_status(md, key, CAMPAIGN_ACTIVE, CAMPAIGN_ENDED,
				     ACTION_CAMPAIGN_END));
}

/* ---- Days and members ----------------------------------------------------- */

bool
campaign_usable_on(const struct campaign *c, struct date day)
{
	char buf[CAMPAIGN_NOT_ON_MAX], d[11], *p, *next;
	int wd = date_weekday(day);

	date_format(day, d);
	snprintf(buf, sizeof buf, "%s", c->not_on);
	for (p = buf; *p; p = next) {
		if ((next = strchr(p, ',')))
			*next++ = '\0';
		else
			next = p + strlen(p);
		if (!strcmp(p, "weekends")) {
			if (wd == 6 || wd == 7)
				return false;
		} else if (strlen(p) == 22 && strncmp(d, p, 10) >= 0 &&
			   strncmp(d, p + 12, 10) <= 0) {
			return false;
		}
	}
	return true;
}

void
campaign_validity(const struct campaign *c, struct date day, char from[11], char to[11])
{
	if (c->valid_days) {
		date_format(day, from);
		date_format(date_from_days(date_to_days(day) + c->valid_days - 1), to);
		return;
	}
	snprintf(from, 11, "%s", c->valid_from);
	snprintf(to, 11, "%s", c->valid_to);
}

int
campaign_targets_sql(struct md *md, const struct campaign *c, struct date day,
		     char *out, size_t n)
{
	char where[512], since[11], blacklist[160] = "";
	const char *arg = strchr(c->target, ':');
	int rc, i;

	arg = arg ? arg + 1 : "";
	if (!strcmp(c->target, "all")) {
		snprintf(where, sizeof where, "1");
	} else if (!strncmp(c->target, "tier:", 5)) {
		snprintf(where, sizeof where, "m.tier_id = %lld", atoll(arg));
	} else if (!strncmp(c->target, "tag:", 4)) {
		snprintf(where, sizeof where,
			 "m.id IN (SELECT member_id FROM member_tags WHERE tag_id = %lld)",
			 atoll(arg));
	} else if (!strncmp(c->target, "segment:", 8)) {
		if ((rc = rfm_segment_parse(md, arg, &i)) ||
		    (rc = rfm_compute(md, day, RFM_WINDOW)))
			return rc;
		snprintf(where, sizeof where, RFM_IN_SEGMENT_SQL("m.id", "'%s'"),
			 rfm_segment_key(i));
	} else if (!strncmp(c->target, "type:", 5)) {
		for (i = 0; i < VALUE_TYPES && strcmp(arg, value_types_key(i)); i++)
			;
		if ((rc = value_types_compute(md, day)))
			return rc;
		snprintf(where, sizeof where, VALUE_TYPES_HAS_SQL("m.id", "%d"), i);
	} else if (!strncmp(c->target, "birthday-month:", 15)) {
		snprintf(where, sizeof where,
			 "m.birthday IS NOT NULL AND substr(m.birthday, -5, 2) = '%02d'", atoi(arg));
	} else if (!strncmp(c->target, "joined-within:", 14)) {
		date_format(date_from_days(date_to_days(day) - atoi(arg) + 1), since);
		snprintf(where, sizeof where, "m.joined >= '%s'", since);
	} else {
		snprintf(where, sizeof where,
			 "m.id IN (SELECT member_id FROM campaign_members WHERE campaign_id = ?1)");
	}
	if (c->no_blacklist) {
		if (strncmp(c->target, "type:", 5) && (rc = value_types_compute(md, day)))
			return rc;
		snprintf(blacklist, sizeof blacklist, " AND NOT " VALUE_TYPES_HAS_SQL("m.id", "%d"),
			 VALUE_BARGAIN_RARE);
	}
	snprintf(out, n, "SELECT m.id FROM members m WHERE m.status = 'active' AND (%s)%s",
		 where, blacklist);
	return MD_OK;
}

/* The name of the tier or tag a target names by number, into NAME. */
static int
target_name(struct md *md, const struct campaign *c, char *name, size_t n)
{
	const char *arg = strchr(c->target, ':');
	struct db_stmt *st;
	struct tier t;
	int rc = MD_OK;

	name[0] = '\0';
	if (!strncmp(c->target, "tier:", 5)) {
		if ((rc = tier_get_id(md, atoll(arg + 1), &t)))
			return rc;
		snprintf(name, n, "%s", t.name);
	} else if (!strncmp(c->target, "tag:", 4)) {
		if ((rc = db_stmt(md, "SELECT name FROM tags WHERE id = ?", &st)))
			return rc;
		db_bind_int(st, 1, atoll(arg + 1));
		if (db_row(md, st, &rc))
			db_column_text(st, 0, name, n);
		db_reset(st);
	}
	return rc;
}

int
campaign_target_key(struct md *md, const struct campaign *c, char *out, size_t n)
{
	char name[TIER_NAME_MAX + 64];
	int rc;

	if ((rc = target_name(md, c, name, sizeof name)))
		return rc;
	if (*name)
		snprintf(out, n, "%.*s:%s", (int)strcspn(c->target, ":"), c->target, name);
	else
		snprintf(out, n, "%s", c->target);
	return MD_OK;
}

int
campaign_target_text(struct md *md, const struct campaign *c, char *out, size_t n)
{
	const char *arg = strchr(c->target, ':');
	char name[TIER_NAME_MAX + 64];
	int64_t v;
	int rc, i;

	arg = arg ? arg + 1 : "";
	if ((rc = target_name(md, c, name, sizeof name)))
		return rc;
	if (!strcmp(c->target, "all")) {
		snprintf(out, n, "%s", _("every active member"));
	} else if (!strncmp(c->target, "tier:", 5)) {
		snprintf(out, n, _("tier %s"), name);
	} else if (!strncmp(c->target, "tag:", 4)) {
		snprintf(out, n, _("members tagged %s"), name);
	} else if (!strncmp(c->target, "segment:", 8)) {
		if (rfm_segment_parse(md, arg, &i) == MD_OK)
			snprintf(out, n, _("segment %s"), rfm_segment_label(i));
	} else if (!strncmp(c->target, "type:", 5)) {
		for (i = 0; i < VALUE_TYPES && strcmp(arg, value_types_key(i)); i++)
			;
		snprintf(out, n, _("value type %s"), i < VALUE_TYPES ? value_types_label(i) : arg);
	} else if (!strncmp(c->target, "birthday-month:", 15)) {
		snprintf(out, n, _("birthdays in month %s"), arg);
	} else if (!strncmp(c->target, "joined-within:", 14)) {
		snprintf(out, n, _("members who joined in the last %s days"), arg);
	} else {
		if ((rc = db_int_arg(md, "SELECT count(*) FROM campaign_members WHERE campaign_id = ?",
				     c->id, &v)))
			return rc;
		snprintf(out, n, P_("%lld listed member", "%lld listed members", v), (long long)v);
	}
	if (c->no_blacklist) {
		size_t o = strlen(out);

		snprintf(out + o, n - o, "%s", _(", not the promotion blacklist"));
	}
	return MD_OK;
}
