/* tier.c - tiers: who qualifies, upgrades at the till, retention review
 *
 * A tier qualifies a member when any rule it sets is met over the
 * trailing window (tier_window_months): spend of at least min_spend, or
 * purchases on at least min_visits days.  A sale that qualifies a member
 * for a higher tier upgrades them at once.  Downgrades happen in
 * tier_evaluate(), which the daily maintenance runs: a member who has
 * held their tier for a whole window and spent less than its keep_spend
 * in it drops to the highest tier they still qualify for.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/db_sql.h"
#include "core/money.h"
#include "core/operator.h"
#include "core/settings.h"
#include "core/text.h"
#include "core/tier.h"
#include "i18n.h"

#define TIER_COLS "id, rank, name, min_spend, min_visits, keep_spend, discount, points_rate"

static void
tier_from_row(struct db_stmt *st, struct tier *t)
{
	memset(t, 0, sizeof *t);
	t->id = db_col_int(st, 0);
	t->rank = db_col_null(st, 1) ? -1 : (int)db_col_int(st, 1);
	text_copy(t->name, sizeof t->name, db_col_text(st, 2));
	t->min_spend = db_col_int(st, 3);
	t->min_visits = db_col_int(st, 4);
	t->keep_spend = db_col_int(st, 5);
	t->discount = (int)db_col_int(st, 6);
	t->points_rate = (int)db_col_int(st, 7);
}

/* All active tiers, lowest rank first. */
static int
load(struct md *md, struct tier t[TIERS_MAX], int *n)
{
	bool row;
	struct db_stmt *st;
	int rc;

	*n = 0;
	rc = db_stmt(md, "SELECT " TIER_COLS " FROM tiers WHERE rank IS NOT NULL"
		     " ORDER BY rank", &st);
	if (rc)
		return rc;
	while ((row = db_row(md, st, &rc)) && *n < TIERS_MAX)
		tier_from_row(st, &t[(*n)++]);
	db_reset(st);
	if (rc)
		return rc;
	if (*n == 0)
		return md_fail(md, MD_EDB, _("there are no tiers; run \"memberdesk check\""));
	return MD_OK;
}

int
tier_load(struct md *md, struct tier t[TIERS_MAX], int *n)
{
	return load(md, t, n);
}

int
tier_list(struct md *md, int (*cb)(void *arg, const struct tier *t), void *arg)
{
	struct tier t[TIERS_MAX];
	struct db_stmt *st;
	int n, i, rc;

	if ((rc = load(md, t, &n)))
		return rc;
	rc = db_stmt(md, "SELECT count(*) FROM members WHERE tier_id = ?"
		     " AND status IN ('active', 'frozen')", &st);
	if (rc)
		return rc;
	for (i = 0; i < n; i++) {
		db_bind_int(st, 1, t[i].id);
		if (db_row(md, st, &rc))
			t[i].members = db_col_int(st, 0);
		db_reset(st);
	}
	for (i = 0; i < n; i++)
		if ((rc = cb(arg, &t[i])))
			return rc;
	return MD_OK;
}

int
tier_get_id(struct md *md, int64_t id, struct tier *t)
{
	bool row;
	struct db_stmt *st;
	int rc;

	if ((rc = db_stmt(md, "SELECT " TIER_COLS " FROM tiers WHERE id = ?", &st)))
		return rc;
	db_bind_int(st, 1, id);
	row = db_row(md, st, &rc);
	if (row)
		tier_from_row(st, t);
	db_reset(st);
	if (!row && !rc)
		return md_fail(md, MD_ENOTFOUND, _("no tier with id %lld"), (long long)id);
	return rc;
}

int
tier_get(struct md *md, const char *name, struct tier *t)
{
	bool row;
	char buf[256];
	struct db_stmt *st;
	int rc;

	text_trim(name, buf, sizeof buf);
	rc = db_stmt(md, "SELECT " TIER_COLS " FROM tiers WHERE name = ?"
		     " AND rank IS NOT NULL", &st);
	if (rc)
		return rc;
	db_bind_copy(st, 1, buf);
	row = db_row(md, st, &rc);
	if (row)
		tier_from_row(st, t);
	db_reset(st);
	if (!row && !rc)
		return md_fail(md, MD_ENOTFOUND,
			       _("there is no tier \"%s\" (\"memberdesk tier list\" shows them)"),
			       name);
	return rc;
}

static int
window_months(struct md *md, int *w)
{
	int64_t v;
	int rc = settings_get_int(md, "tier_window_months", &v);

	*w = (int)v;
	return rc;
}

/* The window ending on AS_OF as [FROM, TO) timestamps. */
static int
window_bounds(struct md *md, struct date as_of, char from[20], char to[20])
{
	struct date start;
	int w, rc;

	if ((rc = window_months(md, &w)))
		return rc;
	start = date_from_days(date_to_days(date_add_months(as_of, -w)) + 1);
	date_format(start, from);
	date_format(date_from_days(date_to_days(as_of) + 1), to);
	strcat(from, " 00:00:00");
	strcat(to, " 00:00:00");
	return MD_OK;
}

int
tier_window(struct md *md, int64_t member_id, struct date as_of, int64_t *spend,
	    int64_t *visits)
{
	char from[20], to[20];
	struct db_stmt *st;
	int rc;

	*spend = *visits = 0;
	if ((rc = window_bounds(md, as_of, from, to)))
		return rc;
	rc = db_stmt(md, "SELECT coalesce(sum(paid), 0),"
		     "  count(DISTINCT substr(sold_at, 1, 10)) FROM sales"
		     " WHERE member_id = ? AND voided_at IS NULL"
		     "   AND sold_at >= ? AND sold_at < ?", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, member_id);
	db_bind_copy(st, 2, from);
	db_bind_copy(st, 3, to);
	if (db_row(md, st, &rc)) {
		*spend = db_col_int(st, 0);
		*visits = db_col_int(st, 1);
	}
	db_reset(st);
	return rc;
}

static bool
qualifies(const struct tier *t, int64_t spend, int64_t visits)
{
	if (t->min_spend == 0 && t->min_visits == 0)
		return true;
	return (t->min_spend > 0 && spend >= t->min_spend) ||
	       (t->min_visits > 0 && visits >= t->min_visits);
}

static const struct tier *
best(const struct tier *t, int n, int64_t spend, int64_t visits)
{
	int i;

	for (i = n - 1; i > 0; i--)
		if (qualifies(&t[i], spend, visits))
			return &t[i];
	return &t[0];
}

int
tier_qualify(struct md *md, int64_t spend, int64_t visits, struct tier *out)
{
	struct tier t[TIERS_MAX];
	int n, rc;

	if ((rc = load(md, t, &n)))
		return rc;
	*out = *best(t, n, spend, visits);
	return MD_OK;
}

static const struct tier *
find(const struct tier *t, int n, int64_t id)
{
	int i;

	for (i = 0; i < n; i++)
		if (t[i].id == id)
			return &t[i];
	return NULL;
}

/* Move a member to tier TO, with a history row. */
static int
set_tier(struct md *md, int64_t member_id, int64_t from, int64_t to,
	 const char *reason, int64_t sale_id, const char *at, const char *detail)
{
	struct db_stmt *st;
	char day[11];
	int rc;

	text_copy(day, sizeof day, at);
	rc = db_stmt(md, "UPDATE members SET tier_id = ?, tier_since = ? WHERE id = ?", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, to);
	db_bind_copy(st, 2, day);
	db_bind_int(st, 3, member_id);
	if ((rc = db_run(md, st)))
		return rc;
	rc = db_stmt(md, "INSERT INTO tier_history(member_id, at, from_tier, to_tier,"
		     " reason, sale_id, detail, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		     &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, member_id);
	db_bind_copy(st, 2, at);
	if (from)
		db_bind_int(st, 3, from);
	db_bind_int(st, 4, to);
	db_bind_text(st, 5, reason);
	if (sale_id)
		db_bind_int(st, 6, sale_id);
	db_bind_copy(st, 7, detail ? detail : "");
	db_bind_text(st, 8, md->operator_name);
	return db_run(md, st);
}

static int
member_tier_id(struct md *md, int64_t member_id, int64_t *tier_id)
{
	return db_int_arg(md, "SELECT coalesce(tier_id, 0) FROM members WHERE id = ?",
			  member_id, tier_id);
}

int
tier_after_sale(struct md *md, int64_t member_id, int64_t sale_id,
		const char *at, char upgraded[TIER_NAME_MAX])
{
	struct tier t[TIERS_MAX];
	const struct tier *cur, *q;
	int64_t spend, visits, cur_id;
	struct date day;
	char d[11];
	int n, rc;

	upgraded[0] = '\0';
	text_copy(d, sizeof d, at);
	date_parse_iso(d, &day);
	if ((rc = load(md, t, &n)) || (rc = member_tier_id(md, member_id, &cur_id)) ||
	    (rc = tier_window(md, member_id, day, &spend, &visits)))
		return rc;
	cur = find(t, n, cur_id);
	q = best(t, n, spend, visits);
	if (cur && q->rank <= cur->rank)
		return MD_OK;
	if ((rc = set_tier(md, member_id, cur_id, q->id, "upgrade", sale_id, at, "")))
		return rc;
	strcpy(upgraded, q->name);
	return MD_OK;
}

int
tier_after_void(struct md *md, int64_t member_id, int64_t sale_id, const char *at)
{
	bool row;
	struct tier t[TIERS_MAX];
	const struct tier *cur, *q, *before, *target;
	int64_t spend, visits, cur_id, from_id = 0;
	struct db_stmt *st;
	int n, rc;

	rc = db_stmt(md, "SELECT coalesce(from_tier, 0) FROM tier_history"
		     " WHERE sale_id = ? AND member_id = ? AND reason = 'upgrade'", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, sale_id);
	db_bind_int(st, 2, member_id);
	row = db_row(md, st, &rc);
	if (row)
		from_id = db_col_int(st, 0);
	db_reset(st);
	if (!row && !rc)
		return MD_OK;	/* the sale upgraded nobody */
	if (!row)
		return db_fail(md);
	if ((rc = load(md, t, &n)) || (rc = member_tier_id(md, member_id, &cur_id)) ||
	    (rc = tier_window(md, member_id, clock_today(md), &spend, &visits)))
		return rc;
	cur = find(t, n, cur_id);
	q = best(t, n, spend, visits);
	before = find(t, n, from_id);
	target = before && before->rank > q->rank ? before : q;
	if (!cur || target->rank >= cur->rank)
		return MD_OK;
	return set_tier(md, member_id, cur_id, target->id, "void", sale_id, at, "");
}

struct pending {
	int64_t member_id, from, to;
	const char *reason;
};

/* The members a review looks at, with their spend and visits in the
 * window [?1, ?2) and whether they have held their tier since ?3 (a
 * whole window).  Columns: id, card, name, tier_id, held, spend, visits. */

/* A full review: everyone who bought in the window and everyone above
 * the base tier, in one pass over the window's sales. */
static const char review_all_sql[] =
	"WITH agg AS MATERIALIZED ("
	"  SELECT member_id, sum(paid) AS spend,"
	"         count(DISTINCT substr(sold_at, 1, 10)) AS visits"
	"    FROM sales WHERE voided_at IS NULL AND member_id IS NOT NULL"
	"     AND sold_at >= ?1 AND sold_at < ?2 GROUP BY member_id),"
	" cand(id) AS ("
	"  SELECT member_id FROM agg UNION"
	"  SELECT id FROM members WHERE tier_id IN"
	"    (SELECT id FROM tiers WHERE rank IS NULL OR rank > 0))"
	" SELECT m.id, m.card, m.name, coalesce(m.tier_id, 0),"
	"        coalesce(m.tier_since, m.joined) <= ?3,"
	"        coalesce(a.spend, 0), coalesce(a.visits, 0)"
	"   FROM cand c JOIN members m ON m.id = c.id"
	"   LEFT JOIN agg a ON a.member_id = c.id"
	"  WHERE m.status IN ('active', 'frozen') ORDER BY m.id";

/* The daily review: only who could drop (upgrades happen at the till),
 * above the base tier and held for a whole window; their sales through
 * the member index. */
#define REVIEW_DROPS_SQL(members) \
	"SELECT m.id, m.card, m.name, m.tier_id, 1," \
	"  (SELECT coalesce(sum(paid), 0) FROM sales WHERE member_id = m.id" \
	"    AND voided_at IS NULL AND sold_at >= ?1 AND sold_at < ?2)," \
	"  (SELECT count(DISTINCT substr(sold_at, 1, 10)) FROM sales" \
	"    WHERE member_id = m.id AND voided_at IS NULL" \
	"    AND sold_at >= ?1 AND sold_at < ?2)" \
	"  FROM " members \
	" WHERE m.tier_id IN (SELECT id FROM tiers WHERE rank IS NULL OR rank > 0)" \
	"   AND m.status IN ('active', 'frozen')" \
	"   AND coalesce(m.tier_since, m.joined) <= ?3 ORDER BY m.id"
/* Everyone above the base tier, through the tier index (the status
 * index would read every member); or only those due_since() found. */
static const char review_drops_sql[] =
	REVIEW_DROPS_SQL(SQL_INDEXED_BY("members m", "members_tier"));
static const char review_due_sql[] =
	REVIEW_DROPS_SQL(SQL_TEMP("tier_due") " d CROSS JOIN members m ON m.id = d.id");

/* Who could have come to drop since the review of day ?1 (the last
 * one), for the review of the day after it to ?2: the members whose
 * sales left the window since (?3 to ?4), whose record anything changed
 * since (the audit log: voids, merges, tiers set by hand), and who have
 * now held their tier a whole window (held since after ?5, on or
 * before ?6).  Everyone else was kept on day ?1 and still is: their
 * spend and visits in the window, their tier and the rules are as they
 * were.  A day's work in proportion to that day, not to the shop. */
static const char due_sql[] =
	"DROP TABLE IF EXISTS " SQL_TEMP("tier_due") ";"
	"CREATE TEMP TABLE tier_due(id INTEGER PRIMARY KEY);";
static const char due_fill_sql[] =
	"INSERT OR IGNORE INTO " SQL_TEMP("tier_due")
	" SELECT member_id FROM sales WHERE sold_at >= ?3 AND sold_at < ?4"
	"    AND member_id IS NOT NULL"
	" UNION SELECT member_id FROM audit WHERE at >= ?1 AND member_id IS NOT NULL"
	" UNION SELECT id FROM " SQL_INDEXED_BY("members", "members_tier")
	"  WHERE tier_id IN (SELECT id FROM tiers WHERE rank IS NULL OR rank > 0)"
	"    AND coalesce(tier_since, joined) > ?5 AND coalesce(tier_since, joined) <= ?6";
/* Nobody above the base tier (a shop that does not use tiers): nobody
 * can drop, and the day's sales need not be read. */
static const char nobody_above_sql[] =
	"SELECT NOT EXISTS (SELECT 1 FROM " SQL_INDEXED_BY("members", "members_tier")
	"  WHERE tier_id IN (SELECT id FROM tiers WHERE rank IS NULL OR rank > 0))";
/* A change of the rules or of the window since then: every member who
 * could drop is looked at, as on the first day. */
static const char rules_changed_sql[] =
	"SELECT EXISTS (SELECT 1 FROM audit WHERE at >= ?"
	"  AND (action IN ('tier.add', 'tier.edit', 'tier.delete', 'tier.review')"
	"       OR (action = 'settings.set' AND member_id IS NULL)))";

/* Where the review row in ST puts its member: *MV filled and true when
 * they move (up to the best tier they qualify for, or down when they
 * held theirs a whole window without its keep spend). */
static bool
judge(const struct tier *t, int n, struct db_stmt *st, struct tier_move *mv,
      struct pending *p)
{
	const struct tier *cur = find(t, n, db_col_int(st, 3));
	bool whole_window = (int)db_col_int(st, 4);
	const struct tier *q;

	memset(mv, 0, sizeof *mv);
	mv->spend = db_col_int(st, 5);
	mv->visits = db_col_int(st, 6);
	q = best(t, n, mv->spend, mv->visits);
	if (!cur || q->rank > cur->rank)
		mv->reason = "upgrade";
	else if (q->rank < cur->rank && whole_window && mv->spend < cur->keep_spend)
		mv->reason = "downgrade";
	else
		return false;
	mv->member_id = db_col_int(st, 0);
	mv->card = db_col_text(st, 1);
	mv->name = db_col_text(st, 2);
	mv->from = cur ? cur->name : "";
	mv->to = q->name;
	mv->keep_spend = cur ? cur->keep_spend : 0;
	*p = (struct pending){mv->member_id, cur ? cur->id : 0, q->id, mv->reason};
	return true;
}

/* Walk the review's members, telling CB of every move; the moves to
 * make into *P (*NP of them) unless DRY_RUN. */
static int
walk(struct md *md, const struct tier *t, int n, struct db_stmt *st, bool dry_run,
     int (*cb)(void *arg, const struct tier_move *mv), void *arg,
     struct pending **p, size_t *np, int64_t *moved)
{
	struct tier_move mv;
	struct pending one;
	size_t cap = 0;
	int rc;

	while (db_row(md, st, &rc)) {
		if (!judge(t, n, st, &mv, &one))
			continue;
		(*moved)++;
		if (cb && (rc = cb(arg, &mv)))
			return rc;
		if (dry_run)
			continue;
		if (!md_grow(md, p, &cap, *np, sizeof **p))
			return MD_ENOMEM;
		(*p)[(*np)++] = one;
	}
	return rc;
}

/* Fill temp.tier_due with who could drop on AS_OF since the review of
 * SINCE (due_sql); *ALL when everyone must be looked at instead. */
static int
due_since(struct md *md, struct date since, struct date as_of, int w, bool *all)
{
	char last[20], gone_from[20], gone_to[20], to[20], held_then[11], held_now[11];
	struct db_stmt *st;
	int64_t none;
	int rc;

	date_format(since, last);
	strcat(last, " 00:00:00");
	*all = false;
	if ((rc = db_exec(md, due_sql)) || (rc = db_int(md, nobody_above_sql, &none)) ||
	    none || (rc = db_stmt(md, rules_changed_sql, &st)))
		return rc;
	db_bind_text(st, 1, last);
	*all = db_row(md, st, &rc) && db_col_int(st, 0);
	db_reset(st);
	if (rc || *all)
		return rc;
	if ((rc = window_bounds(md, since, gone_from, to)) ||
	    (rc = window_bounds(md, as_of, gone_to, to)) ||
	    (rc = db_prepare(md, due_fill_sql, &st)))
		return rc;
	date_format(date_add_months(since, -w), held_then);
	date_format(date_add_months(as_of, -w), held_now);
	db_bind_text(st, 1, last);
	db_bind_text(st, 3, gone_from);
	db_bind_text(st, 4, gone_to);
	db_bind_text(st, 5, held_then);
	db_bind_text(st, 6, held_now);
	rc = db_run(md, st);
	db_finalize(st);
	return rc;
}

int
tier_evaluate_locked(struct md *md, struct date as_of, const struct date *since,
		     bool dry_run, bool full,
		     int (*cb)(void *arg, const struct tier_move *mv), void *arg,
		     int64_t *moved)
{
	struct tier t[TIERS_MAX];
	struct pending *p = NULL;
	size_t np = 0, i;
	char from[20], to[20], held[11], at[20];
	struct db_stmt *st = NULL;
	bool all = true;
	int n, w, rc;

	*moved = 0;
	if ((rc = load(md, t, &n)) || (rc = window_bounds(md, as_of, from, to)) ||
	    (rc = window_months(md, &w)) ||
	    (!full && since && (rc = due_since(md, *since, as_of, w, &all))))
		return rc;
	/* Held since on or before this day: a whole window in the tier. */
	date_format(date_add_months(as_of, -w), held);
	date_format(as_of, at);
	strcat(at, " 00:00:00");
	if ((rc = db_prepare(md, full ? review_all_sql : all ? review_drops_sql :
			     review_due_sql, &st)))
		return rc;
	db_bind_text(st, 1, from);
	db_bind_text(st, 2, to);
	db_bind_text(st, 3, held);
	rc = walk(md, t, n, st, dry_run, cb, arg, &p, &np, moved);
	db_finalize(st);
	/* Applied after the walk: the updates change what it reads. */
	for (i = 0; i < np && rc == MD_OK; i++)
		rc = set_tier(md, p[i].member_id, p[i].from, p[i].to, p[i].reason,
			      0, at, "");
	free(p);
	return rc;
}

int
tier_evaluate(struct md *md, struct date as_of, bool dry_run,
	      int (*cb)(void *arg, const struct tier_move *mv), void *arg,
	      int64_t *moved)
{
	int rc;

	if ((rc = operator_may(md, ACTION_TIER_REVIEW)))
		return rc;
	if (!dry_run && date_to_days(as_of) > date_to_days(clock_today(md)))
		return md_fail(md, MD_EINVAL,
			       _("tiers can be evaluated for a future date only as a dry run (%s)"),
			       md_input(md, "--dry-run"));
	if ((rc = db_begin_long(md, DB_LONG_TIERS, NULL)))
		return rc;
	rc = tier_evaluate_locked(md, as_of, NULL, dry_run, true, cb, arg, moved);
	/* A dry run never writes; end it like a failure so nothing could. */
	if (dry_run && rc == MD_OK) {
		db_end(md, MD_EINVAL);
		return MD_OK;
	}
	return db_end(md, rc);
}

int
tier_progress(struct md *md, int64_t member_id, struct tier_progress *p)
{
	struct tier t[TIERS_MAX];
	const struct tier *cur;
	int64_t cur_id;
	int n, i, rc;

	memset(p, 0, sizeof *p);
	if ((rc = load(md, t, &n)) || (rc = member_tier_id(md, member_id, &cur_id)) ||
	    (rc = window_months(md, &p->window_months)) ||
	    (rc = tier_window(md, member_id, clock_today(md), &p->spend, &p->visits)))
		return rc;
	cur = find(t, n, cur_id);
	if (!cur)
		cur = &t[0];
	p->current = *cur;
	for (i = 0; i < n; i++) {
		if (t[i].rank > cur->rank) {
			p->has_next = true;
			p->next = t[i];
			break;
		}
	}
	if (p->has_next) {
		if (p->next.min_spend > p->spend)
			p->to_next_spend = p->next.min_spend - p->spend;
		if (p->next.min_visits > p->visits)
			p->to_next_visits = p->next.min_visits - p->visits;
	}
	if (cur->keep_spend > p->spend)
		p->to_keep = cur->keep_spend - p->spend;
	return MD_OK;
}

/* "¥14,800.00 more, or 3 more days, to reach 钻石": the rules of the
 * next tier that P has not met yet. */
static void
next_line(struct md *md, const struct tier_progress *p, char out[TIER_LINE_MAX])
{
	char a[40], b[32];

	money_human(md, p->to_next_spend, a);
	snprintf(b, sizeof b, "%lld", (long long)p->to_next_visits);
	if (p->next.min_spend && p->next.min_visits)
		snprintf(out, TIER_LINE_MAX, _("%s more, or %s more days, to reach %s"),
			 a, b, p->next.name);
	else if (p->next.min_spend)
		snprintf(out, TIER_LINE_MAX, _("%s more to reach %s"), a, p->next.name);
	else
		snprintf(out, TIER_LINE_MAX, _("%s more days to reach %s"), b,
			 p->next.name);
}

void
tier_progress_lines(struct md *md, const struct tier_progress *p,
		    char lines[TIER_LINES_MAX][TIER_LINE_MAX], int *n)
{
	char a[40];

	money_human(md, p->spend, a);
	snprintf(lines[0], TIER_LINE_MAX,
		 P_("spent %s in the last %d month", "spent %s in the last %d months",
		    p->window_months), a, p->window_months);
	snprintf(lines[1], TIER_LINE_MAX,
		 P_("bought on %lld day", "bought on %lld days", p->visits),
		 (long long)p->visits);
	*n = 2;
	if (p->has_next)
		next_line(md, p, lines[(*n)++]);
	if (p->current.keep_spend) {
		money_human(md, p->to_keep, a);
		if (p->to_keep)
			snprintf(lines[*n], TIER_LINE_MAX, _("%s more to keep %s"), a,
				 p->current.name);
		else
			snprintf(lines[*n], TIER_LINE_MAX, _("%s is kept"), p->current.name);
		(*n)++;
	}
}

void
tier_discount_text(int pct, char out[16])
{
	/* TRANSLATORS: how receipts write a discount of 95 (the customer
	 * pays 95% of the price).  Translate as "discount-style:zhe" for
	 * the Chinese 折 (95 -> 95折, 90 -> 9折); otherwise leave it. */
	const char *style = _("discount-style:percent");

	if (!strcmp(style, "discount-style:zhe"))
		snprintf(out, 16, "%d\xE6\x8A\x98", pct % 10 ? pct : pct / 10);
	else
		snprintf(out, 16, "%d%%", pct);
}

int
tier_merge(struct md *md, int64_t keep, int64_t drop)
{
	struct tier t[TIERS_MAX];
	const struct tier *k, *d;
	int64_t kid, did;
	char now[20];
	int n, rc;

	if ((rc = load(md, t, &n)) || (rc = member_tier_id(md, keep, &kid)) ||
	    (rc = member_tier_id(md, drop, &did)))
		return rc;
	k = find(t, n, kid);
	d = find(t, n, did);
	if (!d || (k && k->rank >= d->rank))
		return MD_OK;
	clock_timestamp(md, now);
	return set_tier(md, keep, kid, did, "merge", 0, now, "");
}

/* Check IN into T (which holds the current values on edit). */
static int
check_input(struct md *md, const struct tier_input *in, struct tier *t)
{
	char name[256], *end;
	int64_t v;
	int rc;

	if (in->name) {
		if (!text_valid_utf8(in->name, strlen(in->name)) ||
		    text_has_control(in->name, false))
			return md_fail(md, MD_EINVAL, _("tier name must be plain text"));
		text_trim(in->name, name, sizeof name);
		if (!*name)
			return md_fail(md, MD_EINVAL, _("tier name is required"));
		if (text_width(name) > TIER_NAME_COLS || strlen(name) >= TIER_NAME_MAX)
			return md_fail(md, MD_EINVAL, _("tier name \"%s\" is wider than %d columns"),
				       name, TIER_NAME_COLS);
		strcpy(t->name, name);
	}
	if (in->min_spend &&
	    (rc = money_parse(md, _("minimum spend"), in->min_spend, &t->min_spend,
			      MONEY_ALLOW_ZERO)))
		return rc;
	if (in->keep_spend &&
	    (rc = money_parse(md, _("retention spend"), in->keep_spend, &t->keep_spend,
			      MONEY_ALLOW_ZERO)))
		return rc;
	if (in->min_visits) {
		v = strtoll(in->min_visits, &end, 10);
		if (!*in->min_visits || *end || v < 0 || v > 100000)
			return md_fail(md, MD_EINVAL,
				       _("minimum visits \"%s\" must be a whole number from 0 to 100000"),
				       in->min_visits);
		t->min_visits = v;
	}
	if (in->discount) {
		v = strtoll(in->discount, &end, 10);
		if (!*in->discount || *end || v < 1 || v > 100)
			return md_fail(md, MD_EINVAL,
				       _("discount \"%s\" must be the percentage paid, from 1 to 100 (95 means 9.5折)"),
				       in->discount);
		t->discount = (int)v;
	}
	if (in->points_rate) {
		if (money_parse_number(md, _("points multiplier"), in->points_rate, &v,
				MONEY_ALLOW_ZERO) || v > 1000)
			return md_fail(md, MD_EINVAL,
				       _("points multiplier \"%s\" must be from 0 to 10, such as 1.5"),
				       in->points_rate);
		t->points_rate = (int)v;
	}
	if (t->rank != 0 && t->min_spend == 0 && t->min_visits == 0)
		return md_fail(md, MD_EINVAL,
			       _("tier %s needs a minimum spend or a minimum number of visits"),
			       t->name);
	if (t->rank == 0 && (t->min_spend || t->min_visits))
		return md_fail(md, MD_EINVAL,
			       _("the base tier %s is for everyone: it takes no minimum spend or visits"),
			       t->name);
	return MD_OK;
}

static int
name_free(struct md *md, const char *name, int64_t except)
{
	struct tier other;
	int rc = tier_get(md, name, &other);

	if (rc == MD_ENOTFOUND)
		return MD_OK;
	if (rc)
		return rc;
	if (other.id == except)
		return MD_OK;
	return md_fail(md, MD_ECONFLICT, _("there is already a tier \"%s\""), name);
}

static int
store(struct md *md, const struct tier *t, bool insert)
{
	struct db_stmt *st;
	int rc;

	rc = db_stmt(md, insert ?
		     "INSERT INTO tiers(name, min_spend, min_visits, keep_spend, discount,"
		     " points_rate, rank) VALUES (?, ?, ?, ?, ?, ?, ?)" :
		     "UPDATE tiers SET name = ?, min_spend = ?, min_visits = ?,"
		     " keep_spend = ?, discount = ?, points_rate = ? WHERE id = ?", &st);
	if (rc)
		return rc;
	db_bind_text(st, 1, t->name);
	db_bind_int(st, 2, t->min_spend);
	db_bind_int(st, 3, t->min_visits);
	db_bind_int(st, 4, t->keep_spend);
	db_bind_int(st, 5, t->discount);
	db_bind_int(st, 6, t->points_rate);
	db_bind_int(st, 7, insert ? t->rank : t->id);
	return db_run(md, st);
}

static int
audit_tier(struct md *md, enum action action, const struct tier *t)
{
	char a[32], b[32], c[32], d[16], e[16], f[16];

	money_format(t->min_spend, a);
	money_format(t->keep_spend, b);
	snprintf(c, sizeof c, "%lld", (long long)t->min_visits);
	snprintf(d, sizeof d, "%d", t->discount);
	snprintf(e, sizeof e, "%d", t->points_rate);
	snprintf(f, sizeof f, "%d", t->rank);
	return audit_log_pairs(md, action, 0, "name", t->name, "rank", f,
			       "min_spend", a, "min_visits", c, "keep_spend", b,
			       "discount", d, "points_rate_percent", e, NULL);
}

static int
add_locked(struct md *md, const struct tier_input *in)
{
	struct tier t[TIERS_MAX], nt = {.discount = 100, .points_rate = 100};
	char *end;
	int n, rc;
	long r;

	if ((rc = load(md, t, &n)))
		return rc;
	if (n == TIERS_MAX)
		return md_fail(md, MD_EINVAL, _("at most %d tiers"), TIERS_MAX);
	nt.rank = t[n - 1].rank + 1;
	if (in->rank) {
		r = strtol(in->rank, &end, 10);
		if (!*in->rank || *end || r < 1 || r > nt.rank)
			return md_fail(md, MD_EINVAL,
				       _("rank \"%s\" must be from 1 (just above the base tier) to %d"),
				       in->rank, nt.rank);
		nt.rank = (int)r;
	}
	if ((rc = check_input(md, in, &nt)) || (rc = name_free(md, nt.name, 0)))
		return rc;
	/* Make room: two steps, so that no two rows share a rank midway. */
	if ((rc = db_exec(md, "UPDATE tiers SET rank = rank + 1000 WHERE rank IS NOT NULL")))
		return rc;
	{
		struct db_stmt *st;

		rc = db_stmt(md, "UPDATE tiers SET rank = rank - 1000 + (rank - 1000 >= ?)"
			     " WHERE rank >= 1000", &st);
		if (rc)
			return rc;
		db_bind_int(st, 1, nt.rank);
		if ((rc = db_run(md, st)))
			return rc;
	}
	if ((rc = store(md, &nt, true)))
		return rc;
	return audit_tier(md, ACTION_TIER_ADD, &nt);
}

int
tier_add(struct md *md, const struct tier_input *in)
{
	int rc;

	if ((rc = operator_may(md, ACTION_TIER_ADD)))
		return rc;
	if (!in->name)
		return md_fail(md, MD_EINVAL, _("tier name is required"));
	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, add_locked(md, in));
}

/* RANK as tier T's new place among N tiers (T's rank changes in *T). */
static int
parse_rank(struct md *md, const char *rank, const struct tier *all, int n,
	   struct tier *t)
{
	char *end;
	long r;

	if (t->rank == 0)
		return md_fail(md, MD_EINVAL,
			       _("the base tier %s stays at the bottom: its rank cannot change"),
			       t->name);
	r = strtol(rank, &end, 10);
	if (!*rank || *end || r < 1 || r > all[n - 1].rank)
		return md_fail(md, MD_EINVAL,
			       _("rank \"%s\" must be from 1 (just above the base tier) to %d"),
			       rank, all[n - 1].rank);
	t->rank = (int)r;
	return MD_OK;
}

/* Move the tier with id ID from rank FROM to rank TO, the tiers between
 * shifting by one: two steps, so that no two rows share a rank midway. */
static int
move_rank(struct md *md, int64_t id, int from, int to)
{
	struct db_stmt *st;
	int rc;

	if (from == to)
		return MD_OK;
	if ((rc = db_exec(md, "UPDATE tiers SET rank = rank + 1000 WHERE rank IS NOT NULL")))
		return rc;
	rc = db_stmt(md, "UPDATE tiers SET rank = CASE"
		     " WHEN id = ?1 THEN ?3"
		     " WHEN rank - 1000 > ?2 AND rank - 1000 <= ?3 THEN rank - 1001"
		     " WHEN rank - 1000 >= ?3 AND rank - 1000 < ?2 THEN rank - 999"
		     " ELSE rank - 1000 END WHERE rank >= 1000", &st);
	if (rc)
		return rc;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, from);
	db_bind_int(st, 3, to);
	return db_run(md, st);
}

static int
edit_locked(struct md *md, const char *name, const struct tier_input *in)
{
	struct tier all[TIERS_MAX], t;
	int n, from, rc;

	if ((rc = tier_get(md, name, &t)) || (rc = load(md, all, &n)))
		return rc;
	from = t.rank;
	if ((in->rank && (rc = parse_rank(md, in->rank, all, n, &t))) ||
	    (rc = check_input(md, in, &t)) || (rc = name_free(md, t.name, t.id)) ||
	    (rc = store(md, &t, false)) || (rc = move_rank(md, t.id, from, t.rank)))
		return rc;
	return audit_tier(md, ACTION_TIER_EDIT, &t);
}

int
tier_edit(struct md *md, const char *name, const struct tier_input *in)
{
	int rc;

	if ((rc = operator_may(md, ACTION_TIER_EDIT)))
		return rc;
	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, edit_locked(md, name, in));
}

static int
delete_locked(struct md *md, const char *name, const char *move_to)
{
	struct tier t, to;
	struct db_stmt *st;
	int64_t count = 0;
	char now[20];
	int rc;

	if ((rc = tier_get(md, name, &t)))
		return rc;
	if (t.rank == 0)
		return md_fail(md, MD_EINVAL, _("the base tier %s cannot be deleted"), t.name);
	if ((rc = db_int_arg(md, "SELECT count(*) FROM members WHERE tier_id = ?",
			     t.id, &count)))
		return rc;
	if (count && !move_to)
		return md_fail(md, MD_ECONFLICT,
			       P_("%lld member holds %s: give the tier they move to (%s)",
				  "%lld members hold %s: give the tier they move to (%s)",
				  count),
			       (long long)count, t.name, md_input(md, "--move-to"));
	if (count) {
		if ((rc = tier_get(md, move_to, &to)))
			return rc;
		if (to.id == t.id)
			return md_fail(md, MD_EINVAL, _("members cannot move to the tier being deleted"));
		clock_timestamp(md, now);
		/* Every member's move is a history row, like any tier change. */
		rc = db_stmt(md, "INSERT INTO tier_history(member_id, at, from_tier, to_tier,"
			     " reason, detail, operator)"
			     " SELECT id, ?1, ?2, ?3, 'retired', '', ?4 FROM members"
			     " WHERE tier_id = ?2", &st);
		if (rc)
			return rc;
		db_bind_copy(st, 1, now);
		db_bind_int(st, 2, t.id);
		db_bind_int(st, 3, to.id);
		db_bind_text(st, 4, md->operator_name);
		if ((rc = db_run(md, st)))
			return rc;
		rc = db_stmt(md, "UPDATE members SET tier_id = ?1, tier_since = substr(?3, 1, 10)"
			     " WHERE tier_id = ?2", &st);
		if (rc)
			return rc;
		db_bind_int(st, 1, to.id);
		db_bind_int(st, 2, t.id);
		db_bind_copy(st, 3, now);
		if ((rc = db_run(md, st)))
			return rc;
	}
	if ((rc = db_stmt(md, "UPDATE tiers SET rank = NULL WHERE id = ?", &st)))
		return rc;
	db_bind_int(st, 1, t.id);
	if ((rc = db_run(md, st)))
		return rc;
	return audit_log_pairs(md, ACTION_TIER_DELETE, 0, "name", t.name, "moved_to",
			       count ? to.name : "", NULL);
}

int
tier_delete(struct md *md, const char *name, const char *move_to)
{
	int rc;

	if ((rc = operator_may(md, ACTION_TIER_DELETE)))
		return rc;
	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, delete_locked(md, name, move_to));
}

static int
assign_locked(struct md *md, const char *key, const char *name, const char *reason)
{
	struct member m;
	struct tier t;
	int64_t cur;
	char now[20];
	int rc;

	if ((rc = member_get(md, key, &m)) || (rc = tier_get(md, name, &t)) ||
	    (rc = member_tier_id(md, m.id, &cur)))
		return rc;
	if ((rc = member_require_current(md, &m)))
		return rc;
	if (cur == t.id)
		return md_fail(md, MD_ECONFLICT, _("%s (%s) is already in tier %s"),
			       m.card, m.name, t.name);
	clock_timestamp(md, now);
	if ((rc = set_tier(md, m.id, cur, t.id, "manual", 0, now, reason)))
		return rc;
	return audit_log_pairs(md, ACTION_TIER_ASSIGN, m.id, "tier", t.name, "reason",
			       reason, NULL);
}

/* A tier for LEVEL, above all the others (tier_import's CREATE). */
static int
add_for_level(struct md *md, const char *level, struct tier *t)
{
	struct tier all[TIERS_MAX];
	char spend[32];
	int n, rc;

	if ((rc = load(md, all, &n)))
		return rc;
	money_format(all[n - 1].min_spend + 100, spend);
	if ((rc = add_locked(md, &(struct tier_input){.name = level, .min_spend = spend})))
		return rc;
	return tier_get(md, level, t);
}

int
tier_import(struct md *md, int64_t member_id, const char *name, const char *detail,
	    bool create, bool *created)
{
	struct tier t;
	int64_t cur;
	char now[20];
	int rc;

	rc = tier_match(md, name, &t);
	if (rc == MD_ENOTFOUND && create && !(rc = add_for_level(md, name, &t)))
		*created = true;
	if (rc || (rc = member_tier_id(md, member_id, &cur)))
		return rc;
	if (cur == t.id)
		return MD_OK;
	clock_timestamp(md, now);
	return set_tier(md, member_id, cur, t.id, "import", 0, now, detail);
}

int
tier_assign(struct md *md, const char *key, const char *name, const char *reason)
{
	char clean[MEMBER_NOTE_MAX];
	int rc;

	if ((rc = operator_may(md, ACTION_TIER_ASSIGN)))
		return rc;
	if (!reason || (rc = member_check_note(md, reason, clean)) != MD_OK || !*clean)
		return reason && rc ? rc : md_fail(md, MD_EINVAL, _("a reason is required"));
	if ((rc = db_begin(md)))
		return rc;
	return db_end(md, assign_locked(md, key, name, clean));
}
