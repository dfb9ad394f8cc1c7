/* fuzz_money.c - amounts as people type them (money_parse)
 *
 * What must hold of an accepted amount: it is within MONEY_MAX and the
 * flags, each of the formats reads back as the same fen, blanks around
 * it never make it another amount (only, past the parser's length, none)
 * and trailing junk makes it no amount.
 */
#include <config.h>

#include "core/money.h"
#include "fuzz.h"

static const unsigned all_flags[] = {
	0, MONEY_ALLOW_ZERO, MONEY_ALLOW_NEGATIVE,
	MONEY_ALLOW_ZERO | MONEY_ALLOW_NEGATIVE,
};
#define ANY (MONEY_ALLOW_ZERO | MONEY_ALLOW_NEGATIVE)

static int
parse(struct md *md, const char *s, int64_t *fen, unsigned flags)
{
	int rc;

	md->err[0] = '\0';
	rc = money_parse(md, "amount", s, fen, flags);
	if (rc)
		fuzz_rejected(md, rc);
	return rc;
}

/* FORMATTED must read back as FEN. */
static void
reads_back(struct md *md, const char *formatted, int64_t fen)
{
	int64_t back = -1;

	FUZZ_ASSERT_S(parse(md, formatted, &back, ANY) == MD_OK, formatted);
	FUZZ_ASSERT_S(back == fen, formatted);
}

static void
accepted(struct md *md, const char *s, int64_t fen, unsigned flags)
{
	char out[40], *padded, *junk;
	size_t n = strlen(s);
	int64_t again;

	FUZZ_ASSERT(fen <= MONEY_MAX && fen >= -MONEY_MAX);
	FUZZ_ASSERT(fen != 0 || (flags & MONEY_ALLOW_ZERO));
	FUZZ_ASSERT(fen >= 0 || (flags & MONEY_ALLOW_NEGATIVE));
	money_format(fen, out);
	reads_back(md, out, fen);
	money_format_short(fen, out);
	reads_back(md, out, fen);
	money_human(md, fen, out);
	reads_back(md, out, fen);
	money_format_decimal(fen, out);
	reads_back(md, out, fen);
	FUZZ_ASSERT(money_mul_div(fen, 7, 7) == fen);
	FUZZ_ASSERT(money_mul_div(fen, 100, 1) == fen * 100);

	if (!(padded = malloc(n + 3)) || !(junk = malloc(n + 2)))
		abort();
	snprintf(padded, n + 3, " %s ", s);
	FUZZ_ASSERT_S(parse(md, padded, &again, flags) != MD_OK || again == fen, s);
	if (n < 100)
		FUZZ_ASSERT_S(parse(md, padded, &again, flags) == MD_OK, s);
	snprintf(junk, n + 2, "%sx", s);
	FUZZ_ASSERT_S(parse(md, junk, &again, ANY) != MD_OK, s);
	free(padded);
	free(junk);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct md md;
	char *s = fuzz_string(data, size);
	int64_t fen, first = 0;
	bool any = false;
	size_t i;

	fuzz_md(&md);
	for (i = 0; i < sizeof all_flags / sizeof *all_flags; i++) {
		if (parse(&md, s, &fen, all_flags[i]) != MD_OK)
			continue;
		/* The flags only refuse: they never change the amount. */
		FUZZ_ASSERT(!any || fen == first);
		any = true;
		first = fen;
		accepted(&md, s, fen, all_flags[i]);
	}
	free(s);
	return 0;
}
