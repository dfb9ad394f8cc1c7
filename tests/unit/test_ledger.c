/* test_ledger.c - points lots, wallet rules, tier qualification, the
 * bill's arithmetic: core rules on a real database */
#include <config.h>

#include "core/points.h"
#include "core/sale.h"
#include "core/settings.h"
#include "core/tier.h"
#include "core/wallet.h"
#include "testdb.h"

static struct md md;

static void
clock_at(const char *ts)
{
	struct tm tm = {0};

	sscanf(ts, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	       &tm.tm_hour, &tm.tm_min, &tm.tm_sec);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	md.now = mktime(&tm);
}

static const char *
expiry(const char *policy, int y, int m, int d)
{
	static char out[11];
	struct date dt = {y, m, d};

	settings_set(&md, "points_expiry", policy);
	points_expiry_for(&md, dt, out);
	return out;
}

static void
test_expiry_policy(void)
{
	is_str(expiry("none", 2026, 1, 15), "", "none: never");
	is_str(expiry("months:12", 2026, 1, 15), "2027-01-14", "months:12 from Jan 15: through Jan 14 next year");
	is_str(expiry("months:1", 2026, 1, 31), "2026-02-27", "months:1 from Jan 31: a month is Feb 28, so through Feb 27");
	is_str(expiry("months:12", 2024, 2, 29), "2025-02-27", "from Feb 29: Feb 28 next year, so through Feb 27");
	is_str(expiry("year-end:0", 2026, 6, 1), "2026-12-31", "year-end:0: the end of the same year");
	is_str(expiry("year-end:2", 2026, 6, 1), "2028-12-31", "year-end:2: two years later");
	ok(settings_set(&md, "points_expiry", "months:0") == MD_EINVAL, "months:0 is refused");
	ok(settings_set(&md, "points_expiry", "weeks:3") == MD_EINVAL, "an unknown policy is refused");
	like(md.err, "none, months:N", "saying what is allowed");
	settings_set(&md, "points_expiry", "none");
}

static int64_t
lot_remaining(int64_t lot)
{
	int64_t v = -1;
	char sql[96];
	sqlite3_stmt *st;

	snprintf(sql, sizeof sql, "SELECT remaining FROM points_lots WHERE id = %lld",
		 (long long)lot);
	sqlite3_prepare_v2(md.db, sql, -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void
test_lots(void)
{
	struct member_input in = {.phone = "13800138000", .name = "张三"};
	char card[CARD_MAX];
	int64_t id, a, b, c, debit;
	struct member m;

	member_add(&md, &in, card);
	member_resolve(&md, card, &id);
	db_begin(&md);
	points_credit(&md, id, "adjust", 100, 0, "2026-01-01 00:00:00", "2026-06-30", "", &a);
	points_credit(&md, id, "adjust", 200, 0, "2026-01-02 00:00:00", "", "", &b);
	points_credit(&md, id, "adjust", 300, 0, "2026-01-03 00:00:00", "2026-03-31", "", &c);
	ok(points_debit(&md, id, "redeem", 350, 0, "2026-01-04 00:00:00", "", 0, &debit) == MD_OK,
	   "debit 350");
	is_int(lot_remaining(c), 0, "the lot expiring first (Mar 31) is emptied first");
	is_int(lot_remaining(a), 50, "then the next (Jun 30)");
	is_int(lot_remaining(b), 200, "and the never-expiring lot last");
	ok(points_restore(&md, debit, 0, "2026-01-05 00:00:00", "") == MD_OK, "restore the debit");
	is_int(lot_remaining(c), 300, "points go back to the lot they came from");
	is_int(lot_remaining(a), 100, "every one of them");
	ok(points_debit(&md, id, "void", 150, 0, "2026-01-06 00:00:00", "", b, NULL) == MD_OK,
	   "a debit that names its first lot");
	is_int(lot_remaining(b), 50, "takes from that lot first");
	ok(points_debit(&md, id, "redeem", 1000, 0, "2026-01-07 00:00:00", "", 0, NULL) == MD_EINVAL,
	   "a debit beyond the balance is refused");
	like(md.err, "the balance is 450 points", "with the balance");
	db_end(&md, MD_OK);
	member_get(&md, card, &m);
	is_int(m.points, 450, "the cached balance followed every entry");
}

/* Found by tests/fuzz/fuzz_settings (its round-trip check, on a seed
 * at the length limit): rules written out longer than the
 * setting holds were stored cut short ("...,10014.10:9999.10,"), and
 * then every recharge failed on them; rules typed longer than the
 * parser reads were read only as far as it went. */
static void
test_long_rules(void)
{
	struct wallet_rule r[WALLET_RULES_MAX];
	char rules[1200], stored[SETTING_MAX];
	size_t o = 0;
	int n;

	for (int i = 0; i < 16; i++)
		o += (size_t)snprintf(rules + o, sizeof rules - o, "%s%d.1:9999.1",
				      i ? "," : "", 10000 + i);
	is_int(strlen(rules), 239, "16 rules in 239 characters");
	is_int(settings_set(&md, "wallet_rules", rules), MD_EINVAL,
	       "are refused: written out (10000.10:9999.10,...) they take 271");
	like(md.err, "take more than 255 characters", "saying so");
	ok(settings_get(&md, "wallet_rules", stored) == MD_OK && !*stored,
	   "and the rules stay as they were");
	memset(rules, ' ', 1100);
	memcpy(rules, "50:5", 4);
	strcpy(rules + 1100, ",100:20");
	is_int(wallet_rules_parse(&md, rules, r, &n), MD_EINVAL,
	       "rules longer than the parser reads are refused, not read in part");
	like(md.err, "take more than 1023 characters", "saying so");
}

/* Found by tests/fuzz/fuzz_settings (on a seed past the length limit):
 * a text setting was trimmed into a 256-byte buffer, cut there, and a
 * shop name of "a" and 100 zero-width spaces (301 bytes, 1 column) was
 * stored cut in the middle of a character: not UTF-8. */
static void
test_long_text(void)
{
	char name[400], stored[SETTING_MAX];
	size_t o = 1;

	name[0] = 'a';
	for (int i = 0; i < 100; i++, o += 3)
		memcpy(name + o, "\xE2\x80\x8B", 3);
	name[o] = '\0';
	is_int(settings_set(&md, "shop_name", name), MD_EINVAL,
	       "a shop name of 301 bytes is refused");
	like(md.err, "shop_name is too long: at most 255 bytes", "saying so");
	ok(settings_get(&md, "shop_name", stored) == MD_OK && !*stored,
	   "and the name stays as it was");
}

static void
test_wallet_rules(void)
{
	struct wallet_rule r[WALLET_RULES_MAX];
	char out[128];
	int64_t bonus;
	int n;

	ok(wallet_rules_parse(&md, " 500:120 , 100:20 ", r, &n) == MD_OK && n == 2,
	   "rules parse, with spaces");
	ok(r[0].amount == 10000 && r[1].amount == 50000, "sorted by amount");
	wallet_rules_format(r, n, out, sizeof out);
	is_str(out, "100:20,500:120", "and written back in one form");
	ok(wallet_rules_parse(&md, "100.50:0.50", r, &n) == MD_OK && r[0].bonus == 50,
	   "amounts with decimals");
	ok(wallet_rules_parse(&md, "none", r, &n) == MD_OK && n == 0, "none is no rules");
	ok(wallet_rules_parse(&md, "100:0", r, &n) == MD_EINVAL, "a zero bonus is refused");
	settings_set(&md, "wallet_rules", "100:20,500:120,1000:300");
	wallet_bonus_for(&md, 9999, &bonus);
	is_int(bonus, 0, "¥99.99 reaches no rule");
	wallet_bonus_for(&md, 10000, &bonus);
	is_int(bonus, 2000, "¥100 reaches the first");
	wallet_bonus_for(&md, 99999, &bonus);
	is_int(bonus, 12000, "¥999.99 the second, once");
	wallet_bonus_for(&md, 500000, &bonus);
	is_int(bonus, 30000, "¥5000 the largest, once (not five times)");
	settings_set(&md, "wallet_rules", "");
	test_long_rules();
	test_long_text();
}

static void
test_tiers(void)
{
	struct tier t;
	struct tier_input in = {.min_visits = "10"};

	tier_qualify(&md, 0, 0, &t);
	is_str(t.name, "普通", "no spend: the base tier");
	tier_qualify(&md, 99999, 0, &t);
	is_str(t.name, "普通", "¥999.99 is short of 银卡");
	tier_qualify(&md, 100000, 0, &t);
	is_str(t.name, "银卡", "¥1,000 is 银卡");
	tier_qualify(&md, 2000000, 0, &t);
	is_str(t.name, "钻石", "¥20,000 is 钻石");
	tier_edit(&md, "金卡", &in);
	tier_qualify(&md, 0, 10, &t);
	is_str(t.name, "金卡", "10 visits qualify for 金卡 with no spend: any rule will do");
	tier_qualify(&md, 2000000, 10, &t);
	is_str(t.name, "钻石", "the highest tier qualified wins");
}

static void
quote(const char *member, const char *amount, const char *points, struct sale *s)
{
	struct sale_input in = {.member = member, .amount = amount, .use_points = points};

	if (sale_quote(&md, &in, s) != MD_OK)
		printf("# quote: %s\n", md.err);
}

static void
test_bill(void)
{
	struct sale s;
	char card[CARD_MAX];
	struct member_input in = {.phone = "13900139000", .name = "李四"};

	member_add(&md, &in, card);
	tier_assign(&md, card, "金卡", "test");
	quote(card, "9.99", NULL, &s);
	is_int(s.tier_discount, 50, "95%% of ¥9.99 is ¥9.4905: ¥9.49 to pay, ¥0.50 off");
	is_int(s.paid, 949, "paid ¥9.49");
	is_int(s.points_earned, 14, "9.49 x 1.5 = 14.2 points, rounded down");
	points_adjust(&md, card, "+10000", "test", NULL);
	quote(card, "33.33", "1583", &s);
	is_int(s.points_value, 1583, "1583 points are ¥15.83");
	is_int(s.paid, 3166 - 1583, "of ¥31.66 after the discount");
	ok(sale_quote(&md, &(struct sale_input){.member = card, .amount = "33.33",
						 .use_points = "1584"}, &s) == MD_EINVAL,
	   "1584 points is past half of ¥31.66");
	like(md.err, "at most 1,583 points", "and the message gives the most that can be used");
	quote(NULL, "20", NULL, &s);
	ok(s.member_id == 0 && s.points_earned == 0 && s.paid == 2000,
	   "a walk-in pays the amount and earns nothing");
}

int
main(void)
{
	testdb_open(&md, "2026-01-01 09:00:00");
	clock_at("2026-01-01 09:00:00");
	test_expiry_policy();
	test_lots();
	test_wallet_rules();
	test_tiers();
	test_bill();
	db_close(&md);
	testdb_cleanup();
	return done_testing();
}
