/* points.h - the points ledger: earn, redeem, adjust, expire */
#ifndef MD_POINTS_H
#define MD_POINTS_H

#include <stdint.h>

#include "core/card.h"
#include "core/date.h"
#include "core/md.h"
#include "core/member.h"

#define POINTS_MAX INT64_C(1000000000000)

/* The last day points earned on EARNED may be used under the expiry
 * setting, as "YYYY-MM-DD"; "" when they never expire. */
int points_expiry_for(struct md *md, struct date earned, char out[11]);

/* Ledger primitives, inside a caller's transaction.  Each appends one
 * ledger row and keeps the member's cached balance.
 *
 * points_credit opens a lot of N points expiring after EXPIRES ("" for
 * never).  points_debit takes N points from the member's lots, soonest
 * to expire first (FIRST_LOT first when non-zero), and refuses with the
 * balance in the message when there are not enough.  points_restore
 * reverses an earlier debit ENTRY: its points go back to the very lots
 * they came from, with their own expiry. */
int points_credit(struct md *md, int64_t member_id, const char *kind,
		  int64_t n, int64_t sale_id, const char *at, const char *expires,
		  const char *reason, int64_t *entry_id);
int points_debit(struct md *md, int64_t member_id, const char *kind,
		 int64_t n, int64_t sale_id, const char *at, const char *reason,
		 int64_t first_lot, int64_t *entry_id);
int points_restore(struct md *md, int64_t entry_id, int64_t sale_id,
		   const char *at, const char *reason);

struct points_result {
	char card[CARD_MAX];
	char name[MEMBER_NAME_MAX];
	int64_t delta;
	int64_t balance;
};

/* The checks of points_adjust, for a form's inline messages: DELTA is
 * "+N" or "-N" (fullwidth too); a reason is required. */
int points_check_delta(struct md *md, const char *delta, int64_t *n);
int points_check_reason(struct md *md, const char *reason,
			char out[MEMBER_NOTE_MAX]);

/* points adjust KEY +N|-N --reason TEXT: an owner's correction. */
int points_adjust(struct md *md, const char *key, const char *delta,
		  const char *reason, struct points_result *out);

/* Expire every lot whose last day is before AS_OF (idempotent: what has
 * expired has no points left to expire).  Counts go to *MEMBERS and
 * *POINTS when non-NULL. */
int points_expire(struct md *md, struct date as_of, int64_t *members,
		  int64_t *points);
/* The same inside a caller's transaction. */
int points_expire_locked(struct md *md, struct date as_of, int64_t *members,
			 int64_t *points);

/* What an expiry run as of AS_OF would take, changing nothing: each
 * member's points with their last day, soonest first within a member.
 * AS_OF may be ahead (what would go by then). */
struct points_expiring {
	int64_t member_id;
	const char *card, *name, *expires;
	int64_t points;
};
int points_expire_preview(struct md *md, struct date as_of,
			  int (*cb)(void *arg, const struct points_expiring *e),
			  void *arg, int64_t *members, int64_t *points);

/* A member's open lots, soonest to expire first (never-expiring ones
 * last): what is left of each, when and how it was earned. */
struct points_lot {
	int64_t id;
	const char *earned_at, *kind, *expires;	/* EXPIRES "" for never */
	int64_t earned, remaining;
};
int points_lots(struct md *md, const char *key,
		int (*cb)(void *arg, const struct points_lot *l), void *arg);

/* The points that expire first: *N on DATE ("" and 0 when none do). */
int points_soonest(struct md *md, int64_t member_id, int64_t *n, char date[11]);

/* Move DROP's unexpired lots, expiry and all, to KEEP (member merge). */
int points_merge(struct md *md, int64_t keep, int64_t drop);

struct points_entry {
	int64_t id;
	const char *at, *kind, *expires, *reason, *operator_name;
	int64_t delta, balance, sale_id;
};

/* A member's points ledger, oldest first, with the running balance. */
int points_history(struct md *md, const char *key,
		   int (*cb)(void *arg, const struct points_entry *e), void *arg);

/* A ledger kind ("earn", "recharge") as people say it, translated. */
const char *points_kind_label(const char *kind);

#endif
