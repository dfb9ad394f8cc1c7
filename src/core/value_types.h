/* value_types.h - the member classification shop marketing uses beside
 * RFM: sleeping, churning, high total, high ticket, loyal, and the two
 * bargain types.  A member may carry several; the first in this order
 * is the primary one.  The rules, with their settings, are in the
 * manual (REPORTS). */
#ifndef MD_VALUE_TYPES_H
#define MD_VALUE_TYPES_H

#include <stddef.h>
#include <stdint.h>

#include "core/card.h"
#include "core/date.h"
#include "core/db_dialect.h"
#include "core/md.h"
#include "core/member.h"
#include "core/phone.h"

/* The days "the last year" spans for M, F and the shares. */
#define VALUE_TYPES_YEAR 365

enum value_type {
	VALUE_SLEEPING,
	VALUE_CHURNING,
	VALUE_HIGH_TOTAL,
	VALUE_HIGH_TICKET,
	VALUE_LOYAL,
	VALUE_BARGAIN_FREQUENT,
	VALUE_BARGAIN_RARE,
	VALUE_TYPES
};

const char *value_types_key(int type);		/* "high_total" */
const char *value_types_label(int type);	/* translated */

/* The types in the bit set TYPES (bit N: type N) as "sleeping;loyal". */
void value_types_format(unsigned types, char *out, size_t n);

/* The primary type of TYPES, or -1 for none. */
int value_types_primary(unsigned types);

struct value_types_summary {
	int64_t carrying[VALUE_TYPES];	/* members of each type */
	int64_t primary[VALUE_TYPES];	/* members whose primary type it is */
	int64_t buyers;			/* members with a purchase in the year */
	int64_t promo_buyers;		/* ... with a promotion purchase */
	int64_t average_ticket;		/* the shop's, fen */
	int64_t ticket_threshold;	/* high_ticket from this average ticket */
};

struct value_types_member {
	char card[CARD_MAX];
	char name[MEMBER_NAME_MAX];
	char phone[PHONE_MAX];
	unsigned types;
};

/* The types as of AS_OF (a day). */
int value_types_summary(struct md *md, struct date as_of,
			struct value_types_summary *out);

/* Classify every member as of AS_OF into the temporary table that
 * VALUE_TYPES_HAS_SQL reads (one per connection, replaced each time). */
int value_types_compute(struct md *md, struct date as_of);

/* SQL: true when the member ID (an SQL expression) carried type T (an
 * SQL expression: a parameter) at the last value_types_compute(). */
#define VALUE_TYPES_HAS_SQL(id, t) \
	id " IN (SELECT id FROM " SQL_TEMP("value_types") " WHERE (types >> " t ") & 1)"

/* The members with at least one type, by card. */
int value_types_members(struct md *md, struct date as_of,
			int (*cb)(void *arg, const struct value_types_member *m),
			void *arg);

#endif
