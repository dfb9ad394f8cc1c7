/* rfm_scored.h - every buyer scored, for the rfm*.c files (internal to
 * core: faces use rfm.h) */
#ifndef MD_RFM_SCORED_H
#define MD_RFM_SCORED_H

#include <stddef.h>
#include <stdint.h>

#include "core/rfm_buyers.h"
#include "core/rfm.h"

/* The buyers as of DAY (a day number) by id, and for each its scores
 * (1-5) and segment. */
struct rfm_scored {
	int64_t day;
	struct rfm_buyer *b;
	size_t n;
	unsigned char *rs, *fs, *ms, *segment;
};

int rfm_score(struct md *md, struct date as_of, int window, struct rfm_scored *s);
void rfm_scored_free(struct rfm_scored *s);

/* The active and frozen members who had joined by the day and are not
 * among the buyers: no_purchase. */
int rfm_idle_count(struct md *md, const struct rfm_scored *s, int64_t *count);

/* Buyers FROM to TO of S, each as ?1 to ?8 of SQL (id, segment, R, F,
 * M and the three scores), with WEEK (unless NULL) as ?9. */
int rfm_insert_scores(struct md *md, const char *sql, const struct rfm_scored *s,
		      const char *week, size_t from, size_t to);

#endif
