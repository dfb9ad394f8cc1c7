/* test_money.c - parsing and formatting amounts in fen */
#include <config.h>

#include "core/money.h"
#include "tap.h"

static struct md md;

static void
parses(const char *s, int64_t want, unsigned flags)
{
	int64_t fen = -1;
	int rc = money_parse(&md, "amount", s, &fen, flags);

	ok(rc == MD_OK && fen == want, "\"%s\" is %lld fen", s, (long long)want);
	if (rc)
		printf("#   %s\n", md.err);
	else if (fen != want)
		printf("#   got %lld\n", (long long)fen);
}

static void
rejects(const char *s, unsigned flags, const char *why)
{
	int64_t fen;
	int rc = money_parse(&md, "amount", s, &fen, flags);

	ok(rc == MD_EINVAL, "\"%s\" is rejected", s);
	like(md.err, why, "  ... saying \"%s\"", why);
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
	money_format_human(128000, buf);
	is_str(buf, "¥1,280.00", "human format groups thousands");
	money_format_human(123456789, buf);
	is_str(buf, "¥1,234,567.89", "human format, millions");
	money_format_human(-50, buf);
	is_str(buf, "-¥0.50", "human format, negative");

	is_int(money_mul_div(10000, 95, 100), 9500, "95%% of 100.00");
	is_int(money_mul_div(999, 95, 100), 949, "95%% of 9.99 rounds half up (949.05)");
	is_int(money_mul_div(1, 1, 2), 1, "a half fen rounds up");
	is_int(money_mul_div(-1, 1, 2), -1, "a negative half rounds away from zero");
	is_int(money_mul_div(INT64_C(999999999999), 999999, 1000000),
	       INT64_C(999998999999), "no overflow on the largest amount");
	return done_testing();
}
