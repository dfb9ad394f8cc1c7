/* rfm_table.c - the scores where SQL can reach them
 *
 * member_list() filters by segment and "report rfm --members" sorts by
 * card, both in SQL, so the scores go to a temporary table of the
 * connection (never to the shop's file), kept while the data and the
 * arguments stay the same.  The weekly snapshots go to rfm_snapshots
 * (rfm_week.c).
 */
#include <config.h>

#include <stdlib.h>

#include "core/db_sql.h"
#include "core/operator.h"
#include "core/rfm.h"
#include "core/rfm_scored.h"
#include "i18n.h"

/* The scores of the members who bought (r, f, m: R F M; rs, fs, ms:
 * their scores), and the active and frozen members who had joined by
 * the day and bought nothing, as no_purchase. */
static const char create_sql[] =
	"DROP TABLE IF EXISTS " SQL_TEMP("rfm_scores") ";"
	"CREATE TEMP TABLE rfm_scores("
	"  id INTEGER PRIMARY KEY, r INTEGER, f INTEGER, m INTEGER,"
	"  rs INTEGER, fs INTEGER, ms INTEGER, segment TEXT NOT NULL)";

static const char idle_sql[] =
	"INSERT INTO " SQL_TEMP("rfm_scores") "(id, segment)"
	" SELECT id, 'no_purchase' FROM members"
	"  WHERE status IN ('active', 'frozen') AND joined <= ?1"
	"    AND id NOT IN (SELECT id FROM " SQL_TEMP("rfm_scores") ")";

/* What was last scored into temp.rfm_scores, and the state of the
 * database then: scoring a large shop takes seconds, and paging through
 * a segment must not repeat it.  Hung on md->rfm, one per connection
 * (db_close frees it with the temporary table). */
struct rfm_cache {
	bool valid;
	int64_t as_of, window, changes, version;
};

/* Where the database is now, for the cache. */
static int
state(struct md *md, int64_t *changes, int64_t *version)
{
	*changes = db_total_changes(md);
	return db_data_version(md, version);
}

static bool
cached(struct md *md, int64_t day, int window)
{
	const struct rfm_cache *c = md->rfm;
	int64_t changes, version;
	bool exists;

	if (!c || !c->valid || c->as_of != day || c->window != window ||
	    state(md, &changes, &version) || db_temp_exists(md, "rfm_scores", &exists))
		return false;
	return exists && changes == c->changes && version == c->version;
}

int
rfm_insert_scores(struct md *md, const char *sql, const struct rfm_scored *s,
		  const char *week, size_t from, size_t to)
{
	struct db_stmt *st;
	size_t i;
	int rc;

	if ((rc = db_prepare(md, sql, &st)))
		return rc;
	if (week)
		db_bind_text(st, 9, week);
	for (i = from; i < to && rc == MD_OK; i++) {
		db_bind_int(st, 1, s->b[i].id);
		db_bind_text(st, 2, rfm_segment_key(s->segment[i]));
		db_bind_int(st, 3, s->day - s->b[i].last);
		db_bind_int(st, 4, s->b[i].f);
		db_bind_int(st, 5, s->b[i].m);
		db_bind_int(st, 6, s->rs[i]);
		db_bind_int(st, 7, s->fs[i]);
		db_bind_int(st, 8, s->ms[i]);
		rc = db_run(md, st);
	}
	db_finalize(st);
	return rc;
}

static int
store(struct md *md, const struct rfm_scored *s)
{
	char day[11];
	struct db_stmt *st;
	int rc;

	if ((rc = rfm_insert_scores(md, "INSERT INTO " SQL_TEMP("rfm_scores") "(id, segment,"
				    " r, f, m, rs, fs, ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
				    s, NULL, 0, s->n)) ||
	    (rc = db_prepare(md, idle_sql, &st)))
		return rc;
	date_format(date_from_days(s->day), day);
	db_bind_text(st, 1, day);
	rc = db_run(md, st);
	db_finalize(st);
	return rc;
}

int
rfm_compute(struct md *md, struct date as_of, int window)
{
	int64_t d = date_to_days(as_of);
	struct rfm_scored s;
	int rc;

	if (cached(md, d, window))
		return MD_OK;
	if (!md->rfm && !(md->rfm = calloc(1, sizeof *md->rfm)))
		return md_fail(md, MD_ENOMEM, _("out of memory"));
	md->rfm->valid = false;
	if ((rc = rfm_score(md, as_of, window, &s)))
		return rc;
	/* A million rows into the temporary table: one transaction, which
	 * writes nothing to the shop's file. */
	if (!(rc = db_exec(md, "SAVEPOINT rfm_fill")) &&
	    !(rc = db_exec(md, create_sql)))
		rc = store(md, &s);
	rfm_scored_free(&s);
	db_exec(md, rc ? "ROLLBACK TO rfm_fill; RELEASE rfm_fill" : "RELEASE rfm_fill");
	if (rc || (rc = state(md, &md->rfm->changes, &md->rfm->version)))
		return rc;
	md->rfm->as_of = d;
	md->rfm->window = window;
	/* A transaction that rolls back takes the table back with it, so
	 * only a result computed outside one may be kept. */
	md->rfm->valid = md->tx_depth == 0;
	return MD_OK;
}

static void
scores_from_row(struct db_stmt *st, int64_t day, struct rfm_member *m)
{
	db_column_text(st, 0, m->card, sizeof m->card);
	db_column_text(st, 1, m->name, sizeof m->name);
	db_column_text(st, 2, m->phone, sizeof m->phone);
	m->segment = rfm_segment_find(db_col_text(st, 3));
	m->recency = db_col_int(st, 4);
	m->frequency = db_col_int(st, 5);
	m->monetary = db_col_int(st, 6);
	m->r = (int)db_col_int(st, 7);
	m->f = (int)db_col_int(st, 8);
	m->m = (int)db_col_int(st, 9);
	m->last[0] = '\0';
	if (m->segment != RFM_NO_PURCHASE)
		date_format(date_from_days(day - m->recency), m->last);
}

int
rfm_members(struct md *md, struct date as_of, int window, int segment,
	    int (*cb)(void *arg, const struct rfm_member *m), void *arg)
{
	struct rfm_member m;
	struct db_stmt *st;
	int rc;

	if ((rc = operator_may(md, ACTION_REPORT_VIEW)))
		return rc;
	if ((rc = rfm_compute(md, as_of, window)) ||
	    (rc = db_prepare(md, "SELECT mb.card, mb.name, mb.phone, s.segment,"
			     "  coalesce(s.r, 0), coalesce(s.f, 0), coalesce(s.m, 0),"
			     "  coalesce(s.rs, 0), coalesce(s.fs, 0), coalesce(s.ms, 0)"
			     " FROM " SQL_TEMP("rfm_scores") " s JOIN members mb ON mb.id = s.id"
			     " WHERE ?1 IS NULL OR s.segment = ?1"
			     " ORDER BY mb.card", &st)))
		return rc;
	if (segment >= 0)
		db_bind_text(st, 1, rfm_segment_key(segment));
	while (db_row(md, st, &rc)) {
		scores_from_row(st, date_to_days(as_of), &m);
		if ((rc = cb(arg, &m)))
			goto out;
	}
out:
	db_finalize(st);
	return rc;
}
