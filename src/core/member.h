/* member.h - registering, finding and managing members */
#ifndef MD_MEMBER_H
#define MD_MEMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/action.h"
#include "core/card.h"
#include "core/md.h"
#include "core/phone.h"

#define MEMBER_NAME_COLS 32	/* display columns */
#define MEMBER_NAME_CHARS 64	/* characters, zero-width marks included */
#define MEMBER_NAME_MAX 260	/* bytes */
#define MEMBER_NOTE_CHARS 500
#define MEMBER_NOTE_MAX 2004
#define MEMBER_TAG_COLS 16
#define MEMBER_TAG_MAX 68
#define MEMBER_TAGS_MAX 20	/* tags on one member */
#define MEMBER_TAGLIST_MAX (MEMBER_TAGS_MAX * MEMBER_TAG_MAX)

/* Where a member stands.  Stored as its key ("active"). */
enum member_status {
	MEMBER_ACTIVE,
	MEMBER_FROZEN,		/* kept, but no sales, points or stored value */
	MEMBER_DELETED,		/* gone from lists and searches; history kept */
	MEMBER_MERGED,		/* folded into another member (merged_into) */
};

enum member_gender {
	GENDER_UNKNOWN = 0,
	GENDER_MALE = 1,
	GENDER_FEMALE = 2,
};

/* One member as the faces show it. */
struct member {
	int64_t id;
	char card[CARD_MAX];
	char phone[PHONE_MAX];
	char name[MEMBER_NAME_MAX];
	int gender;
	char birthday[11];		/* "YYYY-MM-DD", "MM-DD" or "" */
	char joined[11];
	char referrer_card[CARD_MAX];
	char referrer_name[MEMBER_NAME_MAX];
	enum member_status status;
	char merged_into[CARD_MAX];
	char tags[MEMBER_TAGLIST_MAX];	/* "VIP;学生", sorted */
	char note[MEMBER_NOTE_MAX];
	int64_t tier_id;
	char tier[68];			/* tier name */
	char tier_since[11];
	int64_t points;			/* points balance */
	int64_t wallet_principal;	/* stored value paid in, fen */
	int64_t wallet_bonus;		/* stored value given by the shop, fen */
};

/* What a face hands in to add or edit.  NULL means "not given" (on edit:
 * unchanged); "" clears an optional field.  On edit, TAGS given
 * replaces the member's tags with those NTAGS (none when 0). */
struct member_input {
	const char *card;	/* add: NULL generates one */
	const char *phone;
	const char *name;
	const char *gender;
	const char *birthday;
	const char *referrer;	/* a KEY */
	const char *note;
	const char *joined;	/* add: NULL is today */
	const char *const *tags;
	size_t ntags;
	bool imported;		/* from a migration: the phone may be missing */
};

/* Field checks, shared by the CLI, the TUI's inline validation and the
 * CSV import so that all three say the same thing. */
int member_check_name(struct md *md, const char *in, char out[MEMBER_NAME_MAX]);
int member_check_phone(struct md *md, const char *in, char out[PHONE_MAX]);
int member_check_gender(struct md *md, const char *in, int *gender);
int member_check_birthday(struct md *md, const char *in, char out[11]);
int member_check_note(struct md *md, const char *in, char out[MEMBER_NOTE_MAX]);
int member_check_tag(struct md *md, const char *in, char out[MEMBER_TAG_MAX]);
int member_check_card(struct md *md, const char *in, char out[CARD_MAX]);
/* A list of tags as people write it ("VIP，学生", "VIP;学生"; also '|'
 * and 、), each checked, into OUT; *N gets how many. */
int member_split_tags(struct md *md, const char *list,
		      char out[MEMBER_TAGS_MAX][MEMBER_TAG_MAX], size_t *n);

/* MD_ECONFLICT with "phone P already belongs to card C (NAME)" when the
 * (normalised) phone is taken by a member other than EXCEPT_ID, or
 * (member_check_phone_not_card) is the card of one. */
int member_check_phone_free(struct md *md, const char *phone, int64_t except_id);

/* MD_ECONFLICT when CARD reads as the phone of a member other than
 * EXCEPT_ID, or when PHONE is the card (in any of its spellings) of a
 * member other than EXCEPT_ID and ALSO_EXCEPT (0: none): looked up at
 * the counter, either would find the wrong member.  A member's own
 * phone as their card is fine. */
int member_check_card_not_phone(struct md *md, const char *card, int64_t except_id);
int member_check_phone_not_card(struct md *md, const char *phone, int64_t except_id,
				int64_t also_except);

/* Gender as a stable key ("male", "female", "") and for people. */
const char *member_gender_key(int gender);
const char *member_gender_label(int gender);
/* A status as stored and in csv ("frozen"), and for people; parsing a
 * key; and whether the member still belongs to the shop (active or
 * frozen: not deleted, not merged away). */
const char *member_status_key(enum member_status s);
const char *member_status_label(enum member_status s);
bool member_status_parse(const char *key, enum member_status *s);
bool member_is_current(enum member_status s);

/* MD_ECONFLICT unless M is current: "member C (N) is deleted; restore it
 * first", "... was merged into C2". */
int member_require_current(struct md *md, const struct member *m);

/* Register a member; CARD_OUT gets the card number (generated unless
 * IN->card gives one). */
int member_add(struct md *md, const struct member_input *in,
	       char card_out[CARD_MAX]);

/* Find the member a KEY (card number, else phone) names. */
int member_resolve(struct md *md, const char *key, int64_t *id);
int member_get(struct md *md, const char *key, struct member *m);
int member_get_id(struct md *md, int64_t id, struct member *m);

int member_edit(struct md *md, const char *key, const struct member_input *in);
int member_tag(struct md *md, const char *key, const char *const *tags,
	       size_t n);
int member_untag(struct md *md, const char *key, const char *const *tags,
		 size_t n);

/* Member ID bought something at AT ("YYYY-MM-DD HH:MM:SS"): if they
 * joined later than that day (an imported member often has the import
 * day), their join date moves back to it, with an audit row. */
int member_joined_by(struct md *md, int64_t id, const char *at);

int member_freeze(struct md *md, const char *key);
int member_unfreeze(struct md *md, const char *key);
int member_delete(struct md *md, const char *key);
int member_restore(struct md *md, const char *key);

/* The member's part of a merge (merge.c drives the whole): may DROP be
 * folded into KEEP (two current members; DROP's phone, if it moves, is
 * nobody's card)?  Then fold: tags and referrals move, what KEEP lacks
 * DROP supplies, DROP's phone moves when KEEP has none, and DROP is
 * marked merged.  No audit row: the caller writes them, around every
 * part's step, with member_snapshot() and member_audit(). */
int member_check_mergeable(struct md *md, const struct member *keep,
			   const struct member *drop);
int member_fold(struct md *md, const struct member *keep, const struct member *drop);

/* Member ID as JSON for the audit log (malloc'ed into *JSON), and an
 * audit row ACTION for ID given its picture OLD before (NULL: none);
 * no row when nothing changed. */
int member_snapshot(struct md *md, int64_t id, char **json);
int member_audit(struct md *md, enum action action, int64_t id, const char *old);

typedef int (*member_cb)(void *arg, const struct member *m);

/* Matches for what counter staff type: a card number, a full phone, the
 * last four digits of a phone, or part of a name; best first.  Deleted
 * and merged members only with ALL. */
int member_find(struct md *md, const char *query, int limit, bool all,
		member_cb cb, void *arg);

struct member_filter {
	const char *status;	/* active|frozen|deleted|merged|all; NULL: active+frozen */
	const char *tag;
	int64_t tier_id;	/* 0: any tier (tier_get() finds one by name) */
	const char *segment;	/* RFM segment key, as of today (rfm.h) */
	int64_t after_id;	/* keyset paging: rows with a larger id */
	int64_t before_id;	/* when > 0: rows with a smaller id, nearest
				 * first (paging back) */
	int limit;		/* 0: no limit */
};

/* Members in registration order, streamed through CB. */
int member_list(struct md *md, const struct member_filter *f, member_cb cb,
		void *arg);

#endif
