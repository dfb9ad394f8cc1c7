/* rfm_week.c - the weekly snapshots, written in short transactions
 *
 * Scoring a million members reads for seconds, and their rows take
 * seconds more to write: in one transaction a sale at the counter would
 * wait behind all of it (SQLite has one writer).  So a week is scored
 * first (a read, which WAL lets sales pass), then claimed, its rows
 * written WEEK_CHUNK per transaction, and only the last transaction
 * makes it complete.  rfm_weeks.writer names who writes a week ("pid
 * token"); a week whose writer is not NULL is read by nobody, so a
 * half-written week is never taken for a whole one.
 *
 * A second taker that finds a week being written waits while its writer
 * lives and gets on, as git's gc.pid does; a writer whose process is gone
 * (a crash, a power cut) or that has not moved for STALE_MS is taken
 * over: its rows are deleted and the week written again.  Every chunk
 * checks the claim in its own transaction, so a writer that was taken
 * over stops at its next one and no week mixes two scorings.
 */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/coupon_auto.h"
#include "core/db_sql.h"
#include "core/rfm.h"
#include "core/rfm_scored.h"
#include "core/settings.h"

#define WEEK_CHUNK 10000	/* rows per transaction: tens of ms */
#define WAIT_MS 100		/* between looks at another writer's week */
#define STALE_MS 30000		/* a writer that moves no row for this long is stuck */

enum week_state { WEEK_NONE, WEEK_DONE, WEEK_WRITING };

/* The last complete week before today. */
static struct date
last_week(const struct md *md)
{
	return date_week_end(date_from_days(date_to_days(clock_today(md)) - 1));
}

struct week_look {
	enum week_state state;
	char writer[64];
	int64_t rows;		/* written so far */
};

/* How WEEK stands; ROWS: count its rows written so far too (while
 * waiting for another writer, never in the writer's own chunks). */
static int
look(struct md *md, const char *week, bool rows, struct week_look *w)
{
	struct db_stmt *st;
	int rc;

	memset(w, 0, sizeof *w);
	if ((rc = db_stmt(md, "SELECT writer, CASE WHEN writer IS NULL OR NOT ?2 THEN 0"
			  "  ELSE (SELECT count(*) FROM rfm_snapshots s WHERE s.week = w.week) END"
			  " FROM rfm_weeks w WHERE week = ?1", &st)))
		return rc;
	db_bind_text(st, 1, week);
	db_bind_int(st, 2, rows);
	if (db_row(md, st, &rc)) {
		w->state = db_col_null(st, 0) ? WEEK_DONE : WEEK_WRITING;
		db_column_text(st, 0, w->writer, sizeof w->writer);
		w->rows = db_col_int(st, 1);
	}
	db_reset(st);
	return rc;
}

/* Whether WRITER's process still runs (on this machine: the shop's
 * database is a local file). */
static bool
alive(const char *writer)
{
	long pid = atol(writer);

	return pid > 0 && (kill((pid_t)pid, 0) == 0 || errno == EPERM);
}

/* Wait while another writer makes progress on WEEK; *W is how it stands
 * when that writer is done, gone or stuck. */
static int
wait_for(struct md *md, const char *week, struct week_look *w)
{
	int64_t rows = -1;
	int still = 0, rc;

	while (w->state == WEEK_WRITING && alive(w->writer) && still < STALE_MS) {
		nanosleep(&(struct timespec){0, WAIT_MS * 1000000L}, NULL);
		still = w->rows == rows ? still + WAIT_MS : 0;
		rows = w->rows;
		if ((rc = look(md, week, true, w)))
			return rc;
	}
	return MD_OK;
}

/* Whether TOKEN still holds WEEK, inside the caller's transaction. */
static int
holding(struct md *md, const char *week, const char *token, bool *ours)
{
	struct week_look w;
	int rc;

	if ((rc = look(md, week, false, &w)))
		return rc;
	*ours = w.state == WEEK_WRITING && !strcmp(w.writer, token);
	return MD_OK;
}

/* WEEK for TOKEN, with S's counts; a writer's claim before it is taken
 * over (its rows go in delete_rows). */
static int
claim(struct md *md, const char *week, const struct rfm_scored *s, int64_t idle,
      const char *token)
{
	char now[20];
	struct db_stmt *st;
	int rc;

	clock_timestamp(md, now);
	if ((rc = db_stmt(md, "INSERT INTO rfm_weeks(week, taken_at, window_days,"
			  " scored, no_purchase, writer) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
			  " ON CONFLICT (week) DO UPDATE SET taken_at = ?2, scored = ?4,"
			  "  no_purchase = ?5, writer = ?6 WHERE writer IS NOT NULL", &st)))
		return rc;
	db_bind_text(st, 1, week);
	db_bind_text(st, 2, now);
	db_bind_int(st, 3, RFM_WINDOW);
	db_bind_int(st, 4, (int64_t)s->n);
	db_bind_int(st, 5, idle);
	db_bind_text(st, 6, token);
	if ((rc = db_run(md, st)) ||
	    (rc = db_stmt(md, "DELETE FROM rfm_week_segments WHERE week = ?", &st)))
		return rc;
	db_bind_text(st, 1, week);
	return db_run(md, st);
}

/* One transaction of the week's work while TOKEN holds it: the rows
 * a writer taken over left go first (until *CLEARED), then S's from
 * *NEXT on.  *DONE when all are in; *LOST when another writer took the
 * week over. */
static int
chunk_locked(struct md *md, const char *week, const char *token,
	     const struct rfm_scored *s, bool *cleared, size_t *next, bool *done,
	     bool *lost)
{
	struct db_stmt *st;
	size_t to;
	bool ours;
	int rc;

	if ((rc = holding(md, week, token, &ours)) || (*lost = !ours))
		return rc;
	if (!*cleared) {
		if ((rc = db_stmt(md, "DELETE FROM rfm_snapshots WHERE week = ?1 AND member_id IN"
				  " (SELECT member_id FROM rfm_snapshots WHERE week = ?1 LIMIT ?2)",
				  &st)))
			return rc;
		db_bind_text(st, 1, week);
		db_bind_int(st, 2, WEEK_CHUNK);
		if ((rc = db_run(md, st)) || db_changes(md) > 0)
			return rc;
		*cleared = true;
	}
	to = *next + WEEK_CHUNK < s->n ? *next + WEEK_CHUNK : s->n;
	if ((rc = rfm_insert_scores(md, "INSERT INTO rfm_snapshots(member_id, segment,"
				    " recency, frequency, monetary, r, f, m, week)"
				    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
				    s, week, *next, to)))
		return rc;
	*next = to;
	*done = to == s->n;
	return MD_OK;
}

/* Whether WEEK is the one the daily rules found missing. */
static int
is_due(struct md *md, const char *week, bool *due)
{
	char v[SETTING_MAX];
	int rc;

	*due = false;
	if ((rc = settings_get(md, "rfm_week_due", v)))
		return rc;
	*due = !strcmp(v, week);
	return MD_OK;
}

/* WEEK stored (or nothing to store): no longer due, and when it is the
 * last complete week before today, its win-back coupons, the daily
 * rules' (nobody's doing), once. */
static int
settle_locked(struct md *md, const char *week)
{
	char last[11];
	bool due, was;
	int rc;

	if ((rc = is_due(md, week, &due)) || !due ||
	    (rc = settings_put_raw(md, "rfm_week_due", "")))
		return rc;
	date_format(last_week(md), last);
	if (strcmp(week, last))
		return MD_OK;
	was = md->on_behalf;
	md->on_behalf = true;
	rc = coupon_auto_winback_locked(md, week);
	md->on_behalf = was;
	return rc;
}

/* How many of S's buyers each segment has, as rfm_week_segments keeps
 * them for the weekly report. */
static int
segment_counts(struct md *md, const char *week, const struct rfm_scored *s)
{
	int64_t n[RFM_SEGMENTS] = {0};
	struct db_stmt *st;
	size_t i;
	int rc = MD_OK, k;

	for (i = 0; i < s->n; i++)
		n[s->segment[i]]++;
	if ((rc = db_stmt(md, "INSERT INTO rfm_week_segments(week, segment, members)"
			  " VALUES (?, ?, ?)", &st)))
		return rc;
	for (k = 0; k < RFM_SEGMENTS && rc == MD_OK; k++) {
		if (!n[k])
			continue;
		db_bind_text(st, 1, week);
		db_bind_text(st, 2, rfm_segment_key(k));
		db_bind_int(st, 3, n[k]);
		rc = db_run(md, st);
	}
	return rc;
}

/* The last transaction: the week complete, with its counts, and
 * settled. */
static int
complete_locked(struct md *md, const char *week, const char *token,
		const struct rfm_scored *s, bool *lost)
{
	struct db_stmt *st;
	bool ours;
	int rc;

	if ((rc = holding(md, week, token, &ours)) || (*lost = !ours))
		return rc;
	if ((rc = db_stmt(md, "UPDATE rfm_weeks SET writer = NULL WHERE week = ?", &st)))
		return rc;
	db_bind_text(st, 1, week);
	if ((rc = db_run(md, st)) || (rc = segment_counts(md, week, s)))
		return rc;
	return settle_locked(md, week);
}

/* Write S as WEEK from the claim on, transaction by transaction. */
static int
write_week(struct md *md, const char *week, const struct rfm_scored *s, int64_t idle,
	   bool *taken)
{
	char token[64];
	uint32_t r[2];
	size_t next = 0;
	bool cleared = false, done = false, lost = false;
	int rc;

	randombytes_buf(r, sizeof r);
	snprintf(token, sizeof token, "%ld %08lx%08lx", (long)getpid(),
		 (unsigned long)r[0], (unsigned long)r[1]);
	if ((rc = db_begin(md)))
		return rc;
	if ((rc = db_end(md, claim(md, week, s, idle, token))))
		return rc;
	while (!done && !lost) {
		if ((rc = db_begin(md)) ||
		    (rc = db_end(md, chunk_locked(md, week, token, s, &cleared, &next,
							  &done, &lost))))
			return rc;
	}
	if (!lost && ((rc = db_begin(md)) ||
		      (rc = db_end(md, complete_locked(md, week, token, s, &lost)))))
		return rc;
	*taken = !lost;
	return MD_OK;
}

/* One try: score and write WEEK_END unless it is complete or another
 * live writer has it (*W says which). */
static int
take(struct md *md, struct date week_end, const char *week, struct week_look *w,
     bool *taken)
{
	struct rfm_scored s;
	int64_t idle;
	int rc;

	if ((rc = rfm_score(md, week_end, RFM_WINDOW, &s)))
		return rc;
	if (!(rc = rfm_idle_count(md, &s, &idle)) && s.n + idle > 0) {
		rc = write_week(md, week, &s, idle, taken);
	} else if (!rc) {
		w->state = WEEK_DONE;	/* a shop without members has nothing to keep */
		if (!(rc = db_begin(md)))
			rc = db_end(md, settle_locked(md, week));
	}
	rfm_scored_free(&s);
	return rc;
}

int
rfm_snapshot(struct md *md, struct date week_end, bool *taken)
{
	struct week_look w;
	char week[11];
	bool mine = false;
	int rc;

	date_format(week_end, week);
	for (;;) {
		if ((rc = look(md, week, true, &w)))
			break;
		/* Inside a transaction we hold the lock: nobody else can
		 * write, so a week being written is taken over at once. */
		if (w.state == WEEK_WRITING && md->tx_depth == 0 &&
		    (rc = wait_for(md, week, &w)))
			break;
		if (w.state == WEEK_DONE || mine)
			break;
		if ((rc = take(md, week_end, week, &w, &mine)))
			break;
		if (w.state == WEEK_DONE)
			break;
	}
	if (taken)
		*taken = rc == MD_OK && mine;
	return rc;
}

int
rfm_week_note_locked(struct md *md)
{
	struct week_look w;
	char week[11];
	int rc;

	date_format(last_week(md), week);
	if ((rc = look(md, week, false, &w)) || w.state == WEEK_DONE)
		return rc;
	return settings_put_raw(md, "rfm_week_due", week);
}

int
rfm_week_due(struct md *md, bool *due)
{
	struct week_look w;
	char week[11];
	int rc;

	*due = false;
	date_format(last_week(md), week);
	if ((rc = is_due(md, week, due)) || !*due || (rc = look(md, week, false, &w)))
		return rc;
	*due = w.state != WEEK_DONE;
	return MD_OK;
}

int
rfm_week_ensure(struct md *md, bool *taken)
{
	bool due;
	int rc;

	if (taken)
		*taken = false;
	/* Opened for reading only: what is stored is read, as it is. */
	if (md->readonly)
		return MD_OK;
	if ((rc = rfm_week_due(md, &due)) || !due)
		return rc;
	return rfm_snapshot(md, last_week(md), taken);
}

int
rfm_member_segment(struct md *md, int64_t member_id, char week[11], int *segment)
{
	struct db_stmt *st;
	int rc;

	*segment = -1;
	week[0] = '\0';
	if ((rc = db_stmt(md, "SELECT w.week, s.segment"
			  " FROM (SELECT max(week) AS week FROM rfm_weeks"
			  "        WHERE writer IS NULL) w"
			  " LEFT JOIN rfm_snapshots s"
			  "   ON s.week = w.week AND s.member_id = ?"
			  " WHERE w.week IS NOT NULL", &st)))
		return rc;
	db_bind_int(st, 1, member_id);
	if (db_row(md, st, &rc)) {
		db_column_text(st, 0, week, 11);
		*segment = rfm_segment_find(db_col_text(st, 1));
	}
	db_reset(st);
	return rc;
}
