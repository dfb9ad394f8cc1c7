/* rfm.h - RFM scores and the eight customer segments
 *
 * The method is the one the manual spells out (REPORTS), so that the
 * owner can check any member's segment by hand:
 *   a sale counts when it is not voided, its member is active or frozen,
 *   and its day d satisfies D - W < d <= D;
 *   R = D - the day of the last counted sale, F = counted sales,
 *   M = what they paid, in fen;
 *   score = 1 + floor(5 * worse / n) per dimension, where n is the
 *   number of scored members and worse the number strictly worse;
 *   a dimension is high when its score is above the mean score.
 */
#ifndef MD_RFM_H
#define MD_RFM_H

#include <stdint.h>

#include "core/card.h"
#include "core/date.h"
#include "core/db_dialect.h"
#include "core/md.h"
#include "core/member.h"
#include "core/phone.h"

#define RFM_WINDOW 365		/* days: the default window */
#define RFM_WINDOW_MAX 3650

/* In the order the reports list them. */
enum rfm_segment {
	RFM_IMPORTANT_VALUE,
	RFM_IMPORTANT_DEVELOP,
	RFM_IMPORTANT_KEEP,
	RFM_IMPORTANT_WINBACK,
	RFM_GENERAL_VALUE,
	RFM_GENERAL_DEVELOP,
	RFM_GENERAL_KEEP,
	RFM_GENERAL_WINBACK,
	RFM_NO_PURCHASE,	/* active or frozen, no counted sale */
	RFM_SEGMENTS
};

/* "important_value": the stable key for csv, scripts and the database. */
const char *rfm_segment_key(int segment);
/* The name people read, translated. */
const char *rfm_segment_label(int segment);
/* A key back to its segment, or -1. */
int rfm_segment_find(const char *key);
/* The same for what people type: MD_EINVAL naming the keys otherwise. */
int rfm_segment_parse(struct md *md, const char *key, int *segment);

/* "--window" as typed: a whole number of days, 1 to RFM_WINDOW_MAX.
 * WHAT names it in the message. */
int rfm_window_parse(struct md *md, const char *what, const char *s, int *days);

/* One member's scores; recency and the scores are 0 for no_purchase. */
struct rfm_member {
	char card[CARD_MAX];
	char name[MEMBER_NAME_MAX];
	char phone[PHONE_MAX];
	char last[11];		/* day of the last counted sale, or "" */
	int64_t recency;	/* days */
	int64_t frequency;
	int64_t monetary;	/* fen */
	int r, f, m;
	int segment;
};

/* Sums over the members of one segment; means are sum / members. */
struct rfm_totals {
	int64_t members;
	int64_t recency, frequency, monetary;
};

struct rfm_summary {
	int64_t members;	/* scored and no_purchase */
	int64_t scored;
	struct rfm_totals seg[RFM_SEGMENTS];
};

/* Score every member as of AS_OF over WINDOW days.  The result stays
 * with the connection (a temporary table) until the data or the
 * arguments change, so the calls below, and member_list() filtering by
 * segment page after page, score once. */
int rfm_compute(struct md *md, struct date as_of, int window);

int rfm_summary(struct md *md, struct date as_of, int window,
		struct rfm_summary *out);

/* Members by card, all of them (SEGMENT < 0) or one segment's. */
int rfm_members(struct md *md, struct date as_of, int window, int segment,
		int (*cb)(void *arg, const struct rfm_member *m), void *arg);

/* The SQL condition "member ?N (an id) is in segment ?N+1 (a key)" as of
 * the last rfm_compute(), for member_list(). */
#define RFM_IN_SEGMENT_SQL(id, key) \
	"(SELECT segment FROM " SQL_TEMP("rfm_scores") " WHERE id = " id ") = " key

/* The week ending WEEK_END (a Sunday): store each scored member's
 * segment as of that day over the default window, unless that week was
 * stored already.  *TAKEN (may be NULL) says whether this call stored
 * it.  Written a few thousand rows per transaction (outside one), so
 * that sales go on meanwhile; the week counts as stored only once all
 * its rows are in, and a week another memberdesk is writing is waited
 * for.  Nothing is stored for a shop without members.  When WEEK_END
 * is the week the daily rules found missing (rfm_week_note_locked), the
 * last transaction settles it: and when it is still the last complete
 * week, its win-back coupons are given there, once. */
int rfm_snapshot(struct md *md, struct date week_end, bool *taken);

/* The daily rules' part, inside their transaction: when the last
 * complete week before today is not stored, note it as due.  Scoring
 * it costs seconds in a large shop, so it is left to rfm_week_ensure. */
int rfm_week_note_locked(struct md *md);

/* Whether the week the daily rules noted is still to be stored. */
int rfm_week_due(struct md *md, bool *due);

/* rfm_snapshot() of that week when it is due: what the faces call after
 * the first command (or from the first screen), and what reads the
 * latest week calls first.  Does nothing on a database open for reading
 * only. */
int rfm_week_ensure(struct md *md, bool *taken);

/* rfm_week_ensure() in a thread with a connection of its own, for the
 * screens (as backup_daily_start): *JOB is NULL when the week is stored
 * already (or was taken at once, without threads).  rfm_job_end()
 * waits for the thread and gives its status. */
struct rfm_job;
int rfm_job_start(struct md *md, struct rfm_job **job);
bool rfm_job_done(struct rfm_job *job);
int rfm_job_end(struct md *md, struct rfm_job *job);

/* MEMBER_ID's segment in the latest weekly snapshot: *SEGMENT gets it,
 * or -1 when that week holds no row for the member (no purchase in the
 * window, joined since, or no week stored yet); WEEK gets the week's
 * last day, or "" when no week is stored.  Reads only: what member show
 * and the card say is the week's picture, not a fresh scoring. */
int rfm_member_segment(struct md *md, int64_t member_id, char week[11],
		       int *segment);

#endif
