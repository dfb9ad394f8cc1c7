/* campaign.h - coupon campaigns: the offer, who it is for, its rules */
#ifndef MD_CAMPAIGN_H
#define MD_CAMPAIGN_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/md.h"
#include "core/member.h"

#define CAMPAIGN_NAME_COLS 32
#define CAMPAIGN_NAME_MAX 132
#define CAMPAIGN_GIFT_MAX 132
#define CAMPAIGN_NOT_ON_MAX 256
#define CAMPAIGN_TARGET_MAX 80

/* 满减 cash off with a minimum spend; 折扣 a percentage paid (85 is
 * 8.5折) with an optional cap; 代金券 a voucher of a sum off; 礼品券 a
 * gift, which takes nothing off. */
enum campaign_kind {
	CAMPAIGN_CASH,
	CAMPAIGN_PERCENT,
	CAMPAIGN_VOUCHER,
	CAMPAIGN_GIFT,
};

enum campaign_status {
	CAMPAIGN_DRAFT,		/* being prepared: nothing issued yet */
	CAMPAIGN_ACTIVE,
	CAMPAIGN_ENDED,		/* over: no more coupons, and none redeemed */
};

struct campaign {
	int64_t id;
	char name[CAMPAIGN_NAME_MAX];
	enum campaign_kind kind;
	int64_t value;		/* fen off (cash, voucher); percent paid (percent) */
	char gift[CAMPAIGN_GIFT_MAX];
	int64_t min_spend;	/* fen, after the tier discount */
	int64_t cap;		/* percent: the most off, fen; 0 for none */
	char valid_from[11], valid_to[11];	/* fixed dates, or "" and: */
	int valid_days;		/* days from the issue, the issue day included */
	char not_on[CAMPAIGN_NOT_ON_MAX];	/* "weekends,2026-10-01..2026-10-07" */
	int per_member;
	int64_t total;		/* 0: no cap */
	int64_t points;		/* the points price (积分兑换); 0: not for sale */
	char target[CAMPAIGN_TARGET_MAX];	/* normal form: all, tier:ID, ... */
	bool no_blacklist;	/* leaves out the bargain_rare value type */
	enum campaign_status status;
	char created_at[20];
	int64_t issued, redeemed;	/* coupons so far */
};

/* What a face hands in, as typed; NULL is "not given" (on edit:
 * unchanged).  VALUE is yuan off (cash, voucher), the percentage paid
 * (percent: 85) or the gift's description (gift).  TARGET is all,
 * tier:NAME, tag:NAME, segment:KEY, type:KEY, birthday-month:M,
 * joined-within:N or file:PATH (cards or phones, one a line). */
struct campaign_input {
	const char *name, *kind, *value, *min, *cap;
	const char *from, *to, *days, *not_on;
	const char *per_member, *total, *points, *target;
	int exclude_blacklist;	/* -1 not given, 0, 1 */
	bool draft;
};

const char *campaign_kind_key(enum campaign_kind k);		/* "cash" */
const char *campaign_kind_label(enum campaign_kind k);		/* 满减 */
const char *campaign_status_key(enum campaign_status s);
const char *campaign_status_label(enum campaign_status s);

/* The offer in words: "¥20.00 off from ¥100.00", "8.5折, at most
 * ¥50.00 off", "a gift: 茶点一份". */
void campaign_offer(struct md *md, const struct campaign *c, char *out, size_t n);
/* The target in words: "tier 金卡", "everyone", "12 listed members". */
int campaign_target_text(struct md *md, const struct campaign *c, char *out, size_t n);
/* The target as --target takes it ("tier:金卡", "tag:VIP"; "list" for
 * a list read from a file): for csv. */
int campaign_target_key(struct md *md, const struct campaign *c, char *out, size_t n);

/* Add a campaign (active, or a draft with IN->draft); *ID gets its
 * number. */
int campaign_add(struct md *md, const struct campaign_input *in, int64_t *id);

/* Change one.  A draft may change in everything; an active campaign only
 * widens (more coupons, a later end, more per member, a new name):
 * coupons out there keep what they were issued with. */
int campaign_edit(struct md *md, const char *key, const struct campaign_input *in);

/* What campaign_add (KEY NULL) or campaign_edit (of KEY) would store
 * from IN, with their checks and words, into *C, writing nothing: the
 * screens check the form as it is typed. */
int campaign_check(struct md *md, const char *key, const struct campaign_input *in,
		   struct campaign *c);

/* KEY is the number or the name. */
int campaign_get(struct md *md, const char *key, struct campaign *c);
int campaign_get_id(struct md *md, int64_t id, struct campaign *c);

int campaign_list(struct md *md, int (*cb)(void *arg, const struct campaign *c),
		  void *arg);

/* draft -> active; active -> ended. */
int campaign_start(struct md *md, const char *key);
int campaign_end(struct md *md, const char *key);

/* May a coupon of C be used on DAY, as far as its days-not-on go? */
bool campaign_usable_on(const struct campaign *c, struct date day);

/* The first and last day a coupon of C issued on DAY may be used. */
void campaign_validity(const struct campaign *c, struct date day, char from[11],
		       char to[11]);

/* TARGET as typed (campaign_input's) into its normal form in C->target,
 * with the checks and the messages of add and edit: what the screens
 * count with coupon_reach() while a campaign is being made, before
 * anything is saved.  A file: target is read and checked; its members
 * are counted once the campaign is saved. */
int campaign_check_target(struct md *md, const char *target, struct campaign *c);

/* A tag a campaign may aim at (target tag:NAME): every tag there is, by
 * name, with how many active members carry it. */
struct campaign_tag {
	int64_t id;
	char name[MEMBER_TAG_MAX];
	int64_t members;
};

int campaign_tags(struct md *md, int (*cb)(void *arg, const struct campaign_tag *t),
		  void *arg);

/* SQL selecting the ids of the active members C targets as of DAY
 * (into OUT), with ?1 bound to the campaign's id; the temporary tables
 * the segment and value-type targets need are filled first. */
int campaign_targets_sql(struct md *md, const struct campaign *c, struct date day,
			 char *out, size_t n);

#endif
