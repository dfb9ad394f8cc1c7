/* test_money.c - parsing and formatting amounts in fen */
#include <config.h>

#include "core/money.h"
#include "core/settings.h"
#include "testdb.h"

static struct md md;

static void
parses_in(struct md *m, const char *s, int64_t want, unsigned flags)
{
	int64_t fen = -1;
	int rc = money_parse(m, "amount", s, &fen, flags);

	ok(rc == MD_OK && fen == want, "\"%s\" is %lld fen", s, (long long)want);
	if (rc)
		printf("#   %s\n", m->err);
	else if (fen != want)
		printf("#   got %lld\n", (long long)fen);
}

static void
rejects_in(struct md *m, const char *s, unsigned flags, const char *why)
{
	int64_t fen;
	int rc = money_parse(m, "amount", s, &fen, flags);

	ok(rc == MD_EINVAL, "\"%s\" is rejected", s);
	like(m->err, why, "  ... saying \"%s\"", why);
}

static void
parses(const char *s, int64_t want, unsigned flags)
{
	parses_in(&md, s, want, flags);
}

static void
rejects(const char *s, unsigned flags, const char *why)
{
	rejects_in(&md, s, flags, why);
}

static void
human_is(struct md *m, int64_t fen, const char *want)
{
	char buf[40];

	money_human(m, fen, buf);
	is_str(buf, want, "%lld fen for people: %s", (long long)fen, want);
}

/* A shop in Taipei (NT$, whole dollars), one in Hong Kong, one that
 * went back to yuan: the settings decide, read again when changed. */
static void
currencies(void)
{
	struct md shop;
	char v[SETTING_MAX];

	testdb_open(&shop, "2026-12-02 10:00:00");
	human_is(&shop, 128000, "¥1,280.00");
	rejects_in(&shop, "NT$5", 0, "another currency: this shop counts in ¥");
	rejects_in(&shop, "$5", 0, "another currency");
	ok(settings_set(&shop, "currency", "twd") == MD_OK, "currency twd is taken");
	settings_get(&shop, "currency", v);
	is_str(v, "TWD", "  ... and kept as TWD");
	ok(settings_set(&shop, "money_decimals", "0") == MD_OK, "money_decimals 0");
	human_is(&shop, 128000, "NT$1,280");
	human_is(&shop, -50000, "-NT$500");
	human_is(&shop, 1250, "NT$12.50");	/* cents from before are shown */
	is_int(money_unit(&shop), 100, "a unit of 100 fen");
	is_int(money_round(&shop, 12250), 12300, "NT$122.50 rounds half up to NT$123");
	is_int(money_round(&shop, 12249), 12200, "NT$122.49 rounds down");
	parses_in(&shop, "NT$1,280", 128000, 0);
	parses_in(&shop, "nt$ 1,280", 128000, 0);
	parses_in(&shop, "$1280", 128000, 0);
	parses_in(&shop, "1280元", 128000, 0);
	parses_in(&shop, "1280.00", 128000, 0);
	parses_in(&shop, "12.50", 1250, MONEY_ANY_CENTS);
	rejects_in(&shop, "12.50", 0, "has cents: this shop counts in whole NT$");
	rejects_in(&shop, "¥12", 0, "another currency: this shop counts in NT$");
	rejects_in(&shop, "HK$12", 0, "another currency");
	ok(settings_set(&shop, "currency", "HKD") == MD_OK &&
	   settings_set(&shop, "money_decimals", "2") == MD_OK, "then HKD with cents");
	human_is(&shop, 1250, "HK$12.50");
	parses_in(&shop, "HK$12.50", 1250, 0);
	parses_in(&shop, "$12.50", 1250, 0);
	rejects_in(&shop, "MOP$12", 0, "another currency: this shop counts in HK$");
	ok(settings_set(&shop, "currency", "MOP") == MD_OK, "then MOP");
	human_is(&shop, 1250, "MOP$12.50");
	parses_in(&shop, "MOP$12.50", 1250, 0);
	parses_in(&shop, "mop 12.50", 1250, 0);
	ok(settings_set(&shop, "currency", "EUR") == MD_EINVAL, "EUR is refused");
	like(shop.err, "currency must be one of CNY", "  ... naming the four");
	settings_get(&shop, "currency", v);
	is_str(v, "MOP", "  ... and the currency stays");
	{
		int64_t hundredths;

		ok(money_parse_number(&shop, "multiplier", "1.25", &hundredths, 0) == MD_OK &&
		   hundredths == 125, "a multiplier is no money: 1.25");
		ok(money_parse_number(&shop, "multiplier", "MOP$1", &hundredths, 0) == MD_EINVAL,
		   "  ... and takes no currency sign");
	}
	ok(settings_set(&shop, "currency", "CNY") == MD_OK, "back to CNY");
	human_is(&shop, 1250, "¥12.50");
	db_close(&shop);
}

int
main(void)
{
	char buf[40];

	parses("128", 12800, 0);
	parses("128.5", 12850, 0);
	parses("128.50", 12850, 0);
	parses("0.01", 1, 0);
	parses(".5", 50, 0);
	parses("¥1,280.00", 128000, 0);
	parses("￥1,234,567.89", 123456789, 0);
	parses(" 12.30元 ", 1230, 0);
	parses("１２８.５", 12850, 0);
	parses("0", 0, MONEY_ALLOW_ZERO);
	parses("-5", -500, MONEY_ALLOW_NEGATIVE);
	parses("-¥5.20", -520, MONEY_ALLOW_NEGATIVE);
	parses("9999999999.99", INT64_C(999999999999), 0);

	rejects("1.234", 0, "more than two decimals");
	rejects("-5", 0, "must not be negative");
	rejects("0", 0, "more than zero");
	rejects("", 0, "empty");
	rejects("abc", 0, "not an amount");
	rejects("12,80", 0, "thousands separator");
	rejects("1,2345", 0, "thousands separator");
	rejects("1.2.3", 0, "not an amount");
	rejects("12 3", 0, "not an amount");
	rejects("10000000000", 0, "too large");
	rejects("1e5", 0, "not an amount");
	rejects(".", 0, "not an amount");
	/* Found by tests/fuzz/fuzz_money: the parser read only what fit
	 * its buffer, so "9", blanks and a second "9" past it was 9. */
	{
		char s[300];

		memset(s, '\n', sizeof s);
		s[0] = '9';
		strcpy(s + 200, "9");
		rejects(s, 0, "not an amount");
	}

	money_format(12850, buf);
	is_str(buf, "128.50", "format: two decimals");
	money_format(-520, buf);
	is_str(buf, "-5.20", "format: negative");
	money_format(0, buf);
	is_str(buf, "0.00", "format: zero");
	human_is(&md, 128000, "¥1,280.00");
	human_is(&md, 123456789, "¥1,234,567.89");
	human_is(&md, -50, "-¥0.50");
	currencies();

	is_int(money_mul_div(10000, 95, 100), 9500, "95%% of 100.00");
	is_int(money_mul_div(999, 95, 100), 949, "95%% of 9.99 rounds half up (949.05)");
	is_int(money_mul_div(1, 1, 2), 1, "a half fen rounds up");
	is_int(money_mul_div(-1, 1, 2), -1, "a negative half rounds away from zero");
	is_int(money_mul_div(INT64_C(999999999999), 999999, 1000000),
	       INT64_C(999998999999), "no overflow on the largest amount");
	return done_testing();
}
