/* fuzz_tier.c - the values an owner gives a tier (tier add, tier edit)
 * on a real database
 *
 * The input is lines: the tier to edit ("+" adds one), then its name,
 * minimum spend, minimum visits, retention spend, discount, points
 * multiplier and rank; a missing line is a value not given.  Each input
 * runs inside a transaction rolled back at its end, so every input
 * meets the same four tiers.
 *
 * What must hold: a refusal says why and leaves the database exactly as
 * it was; an accepted tier keeps to the rules tier.h states, and giving
 * it its own values again changes nothing.
 */
#include <config.h>

#include "core/db.h"
#include "core/money.h"
#include "core/text.h"
#include "core/tier.h"
#include "fuzz.h"
#include "../unit/testdb.h"

#define LINES 8

static struct md md;

static void
close_db(void)
{
	db_close(&md);
	testdb_cleanup();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	testdb_open(&md, "2026-03-15 12:00:00");
	atexit(close_db);
	return 0;
}

static void
tier_ok(const struct tier *t)
{
	FUZZ_ASSERT_S(*t->name && text_width(t->name) <= TIER_NAME_COLS, t->name);
	FUZZ_ASSERT_S(text_valid_utf8(t->name, strlen(t->name)) &&
		      !text_has_control(t->name, false), t->name);
	FUZZ_ASSERT(t->min_spend >= 0 && t->min_spend <= MONEY_MAX);
	FUZZ_ASSERT(t->keep_spend >= 0 && t->keep_spend <= MONEY_MAX);
	FUZZ_ASSERT(t->min_visits >= 0 && t->min_visits <= 100000);
	FUZZ_ASSERT(t->discount >= 1 && t->discount <= 100);
	FUZZ_ASSERT(t->points_rate >= 0 && t->points_rate <= 1000);
	if (t->rank == 0)
		FUZZ_ASSERT(t->min_spend == 0 && t->min_visits == 0);
	else
		FUZZ_ASSERT(t->min_spend > 0 || t->min_visits > 0);
}

/* The tier's values, written as an owner would, change nothing. */
static void
same_again(const struct tier *t)
{
	char spend[32], keep[32], visits[32], discount[16], rate[32];
	struct tier_input in = {
		.name = t->name, .min_spend = spend, .min_visits = visits,
		.keep_spend = keep, .discount = discount, .points_rate = rate,
	};
	struct tier again;

	money_format(t->min_spend, spend);
	money_format_short(t->keep_spend, keep);
	snprintf(visits, sizeof visits, "%lld", (long long)t->min_visits);
	snprintf(discount, sizeof discount, "%d", t->discount);
	money_format_decimal(t->points_rate, rate);
	FUZZ_ASSERT_S(tier_edit(&md, t->name, &in) == MD_OK, md.err);
	FUZZ_ASSERT_S(tier_get(&md, t->name, &again) == MD_OK, md.err);
	FUZZ_ASSERT(again.id == t->id && again.rank == t->rank);
	FUZZ_ASSERT(!strcmp(again.name, t->name));
	FUZZ_ASSERT(again.min_spend == t->min_spend && again.keep_spend == t->keep_spend);
	FUZZ_ASSERT(again.min_visits == t->min_visits);
	FUZZ_ASSERT(again.discount == t->discount && again.points_rate == t->points_rate);
}

static int
ranks_rise(void *arg, const struct tier *t)
{
	int *last = arg;

	FUZZ_ASSERT(t->rank > *last);
	*last = t->rank;
	tier_ok(t);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), *line[LINES] = {0}, *p = s, *before, *after;
	struct tier_input in;
	struct tier t;
	int n = 0, rc, last = -1;

	while (n < LINES) {
		line[n++] = p;
		if (!(p = strchr(p, '\n')))
			break;
		*p++ = '\0';
	}
	in = (struct tier_input){
		.name = line[1], .min_spend = line[2], .min_visits = line[3],
		.keep_spend = line[4], .discount = line[5], .points_rate = line[6],
		.rank = line[7],
	};
	FUZZ_ASSERT(db_begin(&md) == MD_OK);
	before = testdb_fingerprint(&md);
	md.err[0] = '\0';
	if (!strcmp(line[0], "+"))
		rc = tier_add(&md, &in);
	else
		rc = tier_edit(&md, line[0], &in);
	if (rc) {
		fuzz_rejected(&md, rc);
		after = testdb_fingerprint(&md);
		FUZZ_ASSERT_S(!strcmp(before, after), md.err);
		free(after);
	} else {
		FUZZ_ASSERT_S(tier_get(&md, in.name ? in.name : line[0], &t) == MD_OK,
			      md.err);
		tier_ok(&t);
		same_again(&t);
		FUZZ_ASSERT(tier_list(&md, ranks_rise, &last) == MD_OK);
	}
	db_end(&md, MD_EINVAL);		/* roll back: the next input starts afresh */
	free(before);
	free(s);
	return 0;
}
