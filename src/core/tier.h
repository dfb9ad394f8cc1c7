/* tier.h - membership tiers: qualification, upgrade, retention */
#ifndef MD_TIER_H
#define MD_TIER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/card.h"
#include "core/date.h"
#include "core/md.h"
#include "core/member.h"

#define TIER_NAME_MAX 68
#define TIER_NAME_COLS 16
#define TIERS_MAX 16

struct tier {
	int64_t id;
	int rank;			/* 0 is the base tier */
	char name[TIER_NAME_MAX];
	int64_t min_spend;		/* fen over the window; 0: no spend rule */
	int64_t min_visits;		/* days with a purchase; 0: no visit rule */
	int64_t keep_spend;		/* retention (保级) threshold, fen */
	int discount;			/* percent paid: 95 = 9.5折 */
	int points_rate;		/* percent: 150 = 1.5 points per point */
	int64_t members;		/* filled by tier_list */
};

/* Text as the owner types it; NULL leaves a field as it is (edit) or at
 * its default (add). */
struct tier_input {
	const char *name;
	const char *min_spend;		/* yuan */
	const char *min_visits;
	const char *keep_spend;		/* yuan */
	const char *discount;		/* 1..100 */
	const char *points_rate;	/* multiplier: 1.5 */
	const char *rank;		/* position: 1 is just above the base tier;
				 * add puts a tier on top without one */
};

/* The active tiers, lowest rank first. */
int tier_list(struct md *md, int (*cb)(void *arg, const struct tier *t), void *arg);
/* The same, into T (at most TIERS_MAX), without the member counts. */
int tier_load(struct md *md, struct tier t[TIERS_MAX], int *n);
int tier_get(struct md *md, const char *name, struct tier *t);
/* The tier a level named by another system's file means: the exact
 * name, else the name folded (Traditional to Simplified, without a
 * trailing 会员 or 等级: 金卡会员 is 金卡); 无 is the base tier.
 * MD_ENOTFOUND naming the tiers there are. */
int tier_match(struct md *md, const char *level, struct tier *t);
int tier_get_id(struct md *md, int64_t id, struct tier *t);
/* A new shop opened in Taiwan, Hong Kong or Macau (lang.h, as gettext
 * decides the language): its tiers named in Traditional characters
 * (普通/銀卡/金卡/鑽石).  Elsewhere nothing. */
int tier_name_new_shop(struct md *md);

int tier_add(struct md *md, const struct tier_input *in);
int tier_edit(struct md *md, const char *name, const struct tier_input *in);
/* Retire a tier.  Refused while members hold it, unless MOVE_TO names
 * the tier they move to; the base tier cannot be deleted. */
int tier_delete(struct md *md, const char *name, const char *move_to);

/* Put member KEY in tier NAME by hand (history reason "manual"). */
int tier_assign(struct md *md, const char *key, const char *name,
		const char *reason);

/* Put MEMBER_ID in tier NAME (a level, as tier_match reads it) as an
 * imported file says (history reason "import", DETAIL naming the file);
 * nothing when already there.  Inside the import's transaction.  With
 * CREATE, a level no tier matches becomes a tier above all the others
 * (the top tier's spend plus ¥1, no discount, points at the base rate,
 * kept once reached: the owner sets its rules after), and *CREATED says
 * so. */
int tier_import(struct md *md, int64_t member_id, const char *name,
		const char *detail, bool create, bool *created);

/* Spend (fen paid) and visits (days with a purchase) of MEMBER_ID over
 * the tier window ending on AS_OF: sales on days D with
 * AS_OF - window < D <= AS_OF, voided sales excluded. */
int tier_window(struct md *md, int64_t member_id, struct date as_of,
		int64_t *spend, int64_t *visits);

/* The highest tier SPEND and VISITS qualify for: a tier qualifies when
 * any rule it sets is met (the base tier always does). */
int tier_qualify(struct md *md, int64_t spend, int64_t visits, struct tier *t);

/* After a sale (inside its transaction): upgrade at once when the member
 * now qualifies for a higher tier.  *UPGRADED gets the new tier's name,
 * or "". */
int tier_after_sale(struct md *md, int64_t member_id, int64_t sale_id,
		    const char *at, char upgraded[TIER_NAME_MAX]);

/* After a void: undo an upgrade the sale brought when the member no
 * longer qualifies for it. */
int tier_after_void(struct md *md, int64_t member_id, int64_t sale_id,
		    const char *at);

struct tier_move {
	int64_t member_id;
	const char *card, *name;
	const char *from, *to;
	const char *reason;		/* upgrade or downgrade */
	int64_t spend, visits, keep_spend;
};

/* Bring every member's tier in line with the rules as of AS_OF:
 * upgrades when they qualify higher, and downgrades (to the highest tier
 * they still qualify for) when a member who has held their tier for a
 * whole window spent less than its retention threshold in it.  With
 * DRY_RUN nothing changes.  CB (may be NULL) sees each move. */
int tier_evaluate(struct md *md, struct date as_of, bool dry_run,
		  int (*cb)(void *arg, const struct tier_move *mv), void *arg,
		  int64_t *moved);
/* Inside a caller's transaction.  FULL reviews everyone who bought in
 * the window (tier evaluate); without it only members who could drop
 * (the daily maintenance: upgrades already happen at the till), and
 * with SINCE (the day of the last such review) only those who could
 * have come to drop after it. */
int tier_evaluate_locked(struct md *md, struct date as_of, const struct date *since,
			 bool dry_run, bool full,
			 int (*cb)(void *arg, const struct tier_move *mv),
			 void *arg, int64_t *moved);

/* How far a member is from the next tier and from keeping this one. */
struct tier_progress {
	struct tier current;
	bool has_next;
	struct tier next;
	int64_t spend, visits;		/* in the window */
	int64_t to_next_spend;		/* 0 when the spend rule is met or unset */
	int64_t to_next_visits;
	int64_t to_keep;		/* 0 when kept or no threshold */
	int window_months;
};
int tier_progress(struct md *md, int64_t member_id, struct tier_progress *p);

#define TIER_LINES_MAX 4
#define TIER_LINE_MAX 256

/* P in words, a line each: what was spent and on how many days, what
 * the next tier takes, what keeping this one takes.  *N gets how many
 * (2 to TIER_LINES_MAX).  member show and the TUI's card both say it
 * this way. */
void tier_progress_lines(struct md *md, const struct tier_progress *p,
			 char lines[TIER_LINES_MAX][TIER_LINE_MAX], int *n);

/* A discount of PCT (the percentage paid) as people write it: "95%"
 * in English; "95折", "9折" where the translation asks for 折. */
void tier_discount_text(int pct, char out[16]);

/* Give member KEEP the higher of their two tiers (member merge). */
int tier_merge(struct md *md, int64_t keep, int64_t drop);

#endif
