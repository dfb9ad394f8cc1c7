/* rfm_buyers.h - each member's counted sales as of a day, in one pass
 * (internal to core: what RFM and the value types, and nothing else, are
 * computed from) */
#ifndef MD_RFM_BUYERS_H
#define MD_RFM_BUYERS_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/md.h"

/* One active or frozen member with a counted sale.  Days are day
 * numbers (date_to_days). */
struct rfm_buyer {
	int64_t id;
	int64_t m;		/* paid in the window, fen */
	int64_t promo_m;	/* of which on promotion sales */
	int32_t f;		/* sales in the window */
	int32_t promo_n;	/* promotion sales in the window */
	int32_t days;		/* days with a sale in the window */
	int32_t first, last;	/* the first and last of them (f > 0) */
	int32_t last_ever;	/* the last sale at all, up to the day */
	int32_t recent;		/* sales in the last churn days */
	int32_t earlier;	/* ... and in as many days before them */
};

struct rfm_span {
	struct date as_of;
	int window;		/* the days up to AS_OF that count */
	int churn;		/* days of each churn period (0: not wanted) */
	bool history;		/* also read the sales before the window */
};

/* The buyers as of SP->as_of, by id, into *OUT (malloc'ed, *N of them).
 * A sale counts when it is not voided and its member is active or
 * frozen; its day is that of sold_at.  Memory grows with the members
 * who bought, never with the sales. */
int rfm_buyers_gather(struct md *md, const struct rfm_span *sp,
		  struct rfm_buyer **out, size_t *n);

/* WORSE[i] = how many of VALUE[0..N) are strictly smaller than
 * VALUE[i], so that equal values get equal counts (ties share a rank).
 * Negate the values to count the strictly larger ones. */
int rfm_buyers_worse(struct md *md, const int64_t *value, size_t n, int64_t *worse);

#endif
