/* test_coupon.c - coupon codes, campaign rules and what a coupon takes off */
#include <config.h>

#include "core/campaign.h"
#include "core/coupon.h"
#include "core/db.h"
#include "core/member.h"
#include "testdb.h"

static struct md md;

#define BAIL_OUT(...) do { \
	printf("Bail out! "); \
	printf(__VA_ARGS__); \
	putchar('\n'); \
	exit(99); \
} while (0)

static const char alphabet[] = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

static int
value(char c)
{
	return (int)(strchr(alphabet, c) - alphabet);
}

/* Luhn mod N as its description gives it, written apart from the one
 * under test: from the right, double every other value starting with
 * the rightmost, add the base-N digits of each, and pick the symbol that
 * makes the sum a multiple of N. */
static char
luhn31(const char *s, int len)
{
	int sum = 0;

	for (int i = 0; i < len; i++) {
		int v = value(s[len - 1 - i]) * (i % 2 == 0 ? 2 : 1);

		sum += v / 31 + v % 31;
	}
	return alphabet[(31 - sum % 31) % 31];
}

/* What Luhn mod 31 cannot see: in a doubled place (0, 2, 4, 6, 8 of the
 * ten), a value v for v + 15; and a swap of neighbours 2 and Z. */
static bool
blind_substitution(int pos, char was, char now)
{
	int d = value(was) - value(now);

	return pos % 2 == 0 && (d == 15 || d == -15) && value(was) && value(now);
}

static bool
blind_swap(char a, char b)
{
	return (a == '2' && b == 'Z') || (a == 'Z' && b == '2');
}

/* In 300 fresh codes, every single mistyped symbol and every swap of
 * two different neighbours fails the check, but for Luhn mod 31's known
 * blind spots; and the check is the one specified. */
static void
test_check_character(void)
{
	char code[COUPON_CODE_MAX], bad[COUPON_CODE_MAX];
	long subs = 0, subs_caught = 0, blind_subs = 0, blind_subs_pass = 0;
	long swaps = 0, swaps_caught = 0, blind_swaps = 0, blind_swaps_pass = 0;
	int i, pos, fresh_ok = 0, same_check = 0;

	for (i = 0; i < 300; i++) {
		if (coupon_code_new(&md, code) != MD_OK)
			BAIL_OUT("coupon_code_new: %s", md.err);
		fresh_ok += coupon_code_ok(code);
		same_check += luhn31(code, COUPON_CODE_LEN - 1) == code[COUPON_CODE_LEN - 1];
		for (pos = 0; pos < COUPON_CODE_LEN; pos++)
			for (const char *s = alphabet; *s; s++) {
				bool blind = blind_substitution(pos, code[pos], *s);

				if (*s == code[pos])
					continue;
				strcpy(bad, code);
				bad[pos] = *s;
				subs += !blind;
				subs_caught += !blind && !coupon_code_ok(bad);
				blind_subs += blind;
				blind_subs_pass += blind && coupon_code_ok(bad);
			}
		for (pos = 0; pos + 1 < COUPON_CODE_LEN; pos++) {
			bool blind = blind_swap(code[pos], code[pos + 1]);

			if (code[pos] == code[pos + 1])
				continue;
			strcpy(bad, code);
			bad[pos] = code[pos + 1];
			bad[pos + 1] = code[pos];
			swaps += !blind;
			swaps_caught += !blind && !coupon_code_ok(bad);
			blind_swaps += blind;
			blind_swaps_pass += blind && coupon_code_ok(bad);
		}
	}
	is_int(fresh_ok, 300, "every fresh code checks");
	is_int(same_check, 300, "with the check character of Luhn mod 31");
	is_int(subs_caught, subs, "every single substitution outside the blind spot is caught (%ld)",
	       subs);
	ok(blind_subs > 0 && blind_subs_pass == blind_subs,
	   "and those in it all pass, as Luhn mod 31 has it (%ld)", blind_subs);
	is_int(swaps_caught, swaps, "every swap of neighbours but 2Z/Z2 is caught (%ld)", swaps);
	is_int(blind_swaps_pass, blind_swaps, "and those pass (%ld)", blind_swaps);
	strcpy(bad, "23456789AB");
	bad[9] = luhn31(bad, 9);
	ok(coupon_code_ok(bad), "a code made by the reference checks (%s)", bad);
}

static void
test_parse(void)
{
	char code[COUPON_CODE_MAX], out[COUPON_CODE_MAX], shown[COUPON_SHOWN_MAX];
	char typed[64];

	coupon_code_new(&md, code);
	coupon_code_show(code, shown);
	ok(strlen(shown) == 11 && shown[5] == '-', "shown as XXXXX-XXXXX (%s)", shown);
	ok(coupon_code_parse(&md, shown, out) == MD_OK && !strcmp(out, code),
	   "the shown form reads back");
	for (int i = 0; shown[i]; i++)
		typed[i] = (char)(shown[i] >= 'A' && shown[i] <= 'Z' ? shown[i] - 'A' + 'a' : shown[i]);
	typed[strlen(shown)] = '\0';
	ok(coupon_code_parse(&md, typed, out) == MD_OK && !strcmp(out, code),
	   "lower case reads back");
	snprintf(typed, sizeof typed, " %.3s %.4s %.3s ", code, code + 3, code + 7);
	ok(coupon_code_parse(&md, typed, out) == MD_OK && !strcmp(out, code),
	   "spaces anywhere read back");
	/* Fullwidth: each ASCII symbol as U+FF00 + (c - 0x20). */
	{
		char *p = typed;

		for (int i = 0; code[i]; i++) {
			unsigned u = 0xFF00u + (unsigned)(code[i] - 0x20);

			*p++ = (char)(0xE0 | (u >> 12));
			*p++ = (char)(0x80 | ((u >> 6) & 0x3F));
			*p++ = (char)(0x80 | (u & 0x3F));
		}
		*p = '\0';
	}
	ok(coupon_code_parse(&md, typed, out) == MD_OK && !strcmp(out, code),
	   "fullwidth symbols read back");
	snprintf(typed, sizeof typed, "%s2", code);
	is_int(coupon_code_parse(&md, typed, out), MD_EINVAL, "eleven symbols: mistyped");
	is_str(md.err, "mistyped code", "and says only that");
	snprintf(typed, sizeof typed, "%.9s", code);
	is_int(coupon_code_parse(&md, typed, out), MD_EINVAL, "nine symbols: mistyped");
	strcpy(typed, code);
	typed[3] = '0';
	is_int(coupon_code_parse(&md, typed, out), MD_EINVAL, "a zero is not in the alphabet");
	typed[3] = 'I';
	is_int(coupon_code_parse(&md, typed, out), MD_EINVAL, "nor an I");
	is_int(coupon_code_parse(&md, "", out), MD_EINVAL, "nothing: mistyped");
}

/* A well-formed code nobody was given says "unknown code" and nothing
 * else; 10,000 of them, against a shop with coupons out. */
static void
test_guessing(const char *given)
{
	char code[COUPON_CODE_MAX];
	struct coupon k;
	int unknown = 0, said_only = 0, hits = 0;

	for (int i = 0; i < 10000; i++) {
		coupon_code_new(&md, code);
		if (!strcmp(code, given))
			continue;
		int rc = coupon_get(&md, code, &k);

		unknown += rc == MD_ENOTFOUND;
		said_only += rc == MD_ENOTFOUND && !strcmp(md.err, "unknown code");
		hits += rc == MD_OK;
	}
	is_int(hits, 0, "no guessed code finds a coupon");
	ok(unknown >= 9999, "10,000 guesses are unknown codes (%d)", unknown);
	is_int(said_only, unknown, "and the message says only \"unknown code\"");
}

static int64_t
add_campaign(const struct campaign_input *in)
{
	int64_t id = 0;

	if (campaign_add(&md, in, &id) != MD_OK)
		BAIL_OUT("campaign_add %s: %s", in->name, md.err);
	return id;
}

static void
test_campaign_rules(void)
{
	int64_t id;

	REJECTS(campaign_add(&md, &(struct campaign_input){.name = "x", .kind = "cash",
							  .value = "20", .days = "30"}, &id),
		MD_EINVAL, "needs its minimum spend", "cash off without a minimum");
	REJECTS(campaign_add(&md, &(struct campaign_input){.name = "x", .kind = "cash",
							  .value = "50", .min = "30", .days = "30"}, &id),
		MD_EINVAL, "would give away more than is spent", "more off than the minimum");
	REJECTS(campaign_add(&md, &(struct campaign_input){.name = "x", .kind = "percent",
							  .value = "100", .days = "30"}, &id),
		MD_EINVAL, "from 1 to 99 (85 is 8.5折)", "100 percent paid");
	REJECTS(campaign_add(&md, &(struct campaign_input){.name = "x", .kind = "voucher",
							  .value = "10", .min = "50", .days = "30"}, &id),
		MD_EINVAL, "a voucher has no minimum spend", "a voucher with a minimum");
	REJECTS(campaign_add(&md, &(struct campaign_input){.name = "x", .kind = "voucher",
							  .value = "10", .cap = "5", .days = "30"}, &id),
		MD_EINVAL, "only a percent-off campaign has a cap", "a cap on a voucher");
	REJECTS(campaign_add(&md, &(struct campaign_input){.name = "x", .kind = "gift",
							  .days = "30"}, &id),
		MD_EINVAL, "needs the gift", "a gift campaign without its gift");
	REJECTS(campaign_add(&md, &(struct campaign_input){.name = "x", .kind = "voucher",
							  .value = "10"}, &id),
		MD_EINVAL, "when can the coupons be used?", "no validity");
	REJECTS(campaign_add(&md, &(struct campaign_input){.name = "x", .kind = "voucher",
							  .value = "10", .days = "30",
							  .from = "2026-01-01"}, &id),
		MD_EINVAL, "not both", "fixed dates and days");
	REJECTS(campaign_add(&md, &(struct campaign_input){.name = "x", .kind = "voucher",
							  .value = "10", .from = "2026-09-01",
							  .to = "2026-08-01"}, &id),
		MD_EINVAL, "--from 2026-09-01 is after --to 2026-08-01", "from after to");
	REJECTS(campaign_add(&md, &(struct campaign_input){.name = "x", .kind = "voucher",
							  .value = "10", .from = "2026-01-01",
							  .to = "2026-01-31"}, &id),
		MD_EINVAL, "before today", "a campaign already over");
	REJECTS(campaign_add(&md, &(struct campaign_input){.name = "2026", .kind = "voucher",
							  .value = "10", .days = "30"}, &id),
		MD_EINVAL, "is a number", "a name that reads as a number");
	REJECTS(campaign_add(&md, &(struct campaign_input){.name = "x", .kind = "voucher",
							  .value = "10", .days = "30",
							  .not_on = "2026-10-07..2026-10-01"}, &id),
		MD_EINVAL, "is after", "days not on backwards");
	REJECTS(campaign_add(&md, &(struct campaign_input){.name = "x", .kind = "voucher",
							  .value = "10", .days = "30",
							  .target = "tier:无此等级"}, &id),
		MD_ENOTFOUND, "无此等级", "an unknown tier");
}

static void
test_discounts(int64_t member_id, const char *member)
{
	struct date today = {2026, 6, 10};
	struct coupon k, k2;
	int64_t off;

	add_campaign(&(struct campaign_input){.name = "满100减20", .kind = "cash", .value = "20",
					      .min = "100", .days = "30"});
	add_campaign(&(struct campaign_input){.name = "八五折", .kind = "percent", .value = "85",
					      .cap = "10", .days = "30"});
	add_campaign(&(struct campaign_input){.name = "十元券", .kind = "voucher", .value = "10",
					      .days = "30"});
	add_campaign(&(struct campaign_input){.name = "茶点", .kind = "gift", .value = "茶点一份",
					      .days = "30", .not_on = "weekends"});

	if (coupon_give(&md, "满100减20", member, &k) != MD_OK)
		BAIL_OUT("coupon_give: %s", md.err);
	is_int(coupon_apply(&md, k.code, member_id, today, 9999, &k2, &off), MD_ECONFLICT,
	       "¥99.99 is below the minimum");
	like(md.err, "needs a spend of ¥100.00 after the tier discount: ¥0.01 more",
	     "says how much more");
	ok(coupon_apply(&md, k.code, member_id, today, 10000, &k2, &off) == MD_OK && off == 2000,
	   "¥100.00 takes ¥20.00 off (%lld)", (long long)off);
	is_int(coupon_apply(&md, k.code, 0, today, 10000, &k2, &off), MD_ECONFLICT,
	       "a walk-in cannot use a member's coupon");
	is_int(coupon_apply(&md, k.code, member_id + 1, today, 10000, &k2, &off), MD_ECONFLICT,
	       "nor another member");
	like(md.err, "belongs to another member", "says whose it is not");
	today.d = 30;
	today.m = 7;
	is_int(coupon_apply(&md, k.code, member_id, today, 10000, &k2, &off), MD_ECONFLICT,
	       "past its last day");
	like(md.err, "expired on 2026-07-09", "says when it expired");
	today = (struct date){2026, 6, 10};

	coupon_give(&md, "八五折", member, &k);
	ok(coupon_apply(&md, k.code, member_id, today, 4001, &k2, &off) == MD_OK && off == 600,
	   "8.5折 of ¥40.01 takes ¥6.00 off, the rest rounded to the fen (%lld)", (long long)off);
	ok(coupon_apply(&md, k.code, member_id, today, 100000, &k2, &off) == MD_OK && off == 1000,
	   "and never more than its cap (%lld)", (long long)off);

	coupon_give(&md, "十元券", member, &k);
	ok(coupon_apply(&md, k.code, member_id, today, 500, &k2, &off) == MD_OK && off == 500,
	   "a ¥10 voucher on ¥5.00 takes only ¥5.00 (%lld)", (long long)off);

	coupon_give(&md, "茶点", member, &k);
	ok(coupon_apply(&md, k.code, member_id, today, 100, &k2, &off) == MD_OK && off == 0,
	   "a gift takes nothing off");
	today.d = 13;	/* a Saturday */
	is_int(coupon_apply(&md, k.code, member_id, today, 100, &k2, &off), MD_ECONFLICT,
	       "not on a weekend");
	like(md.err, "cannot be used on 2026-06-13 (weekends)", "says which days");
}

int
main(void)
{
	char card[CARD_MAX];
	struct member m;
	struct coupon k;

	testdb_open(&md, "2026-06-10 09:00:00");
	test_check_character();
	test_parse();
	test_campaign_rules();
	if (member_add(&md, &(struct member_input){.phone = "13800138000", .name = "张三"}, card) ||
	    member_get(&md, card, &m))
		BAIL_OUT("member_add: %s", md.err);
	member_add(&md, &(struct member_input){.phone = "13900139000", .name = "李四"}, card);
	test_discounts(m.id, m.card);
	coupon_give(&md, "满100减20", m.card, &k);
	test_guessing(k.code);
	db_close(&md);
	testdb_cleanup();
	return done_testing();
}
