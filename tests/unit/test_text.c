/* test_text.c - UTF-8 and display width */
#include <config.h>

#include "core/text.h"
#include "tap.h"

static void
test_width(void)
{
	is_int(text_width("abc"), 3, "ASCII is one column each");
	is_int(text_width("张三"), 4, "CJK ideographs are two columns");
	is_int(text_width("ｶﾀｶﾅ"), 4, "halfwidth katakana is one column");
	is_int(text_width("ＡＢ"), 4, "fullwidth Latin is two columns");
	is_int(text_width("e\xCC\x81"), 1, "a combining accent takes no column");
	is_int(text_width("한국"), 4, "Hangul syllables are wide");
	is_int(text_width("\xF0\xA0\x80\x80"), 2, "CJK extension B (U+20000) is wide");
	is_int(text_width("\xFF"), 1, "an invalid byte counts as one U+FFFD");
	/* Marks and format characters the old hand-written table had as one
	 * column each (libutf8proc's data is Unicode's own). */
	is_int(text_cp_width(0x0902), 0, "a Devanagari sign (Mn) takes no column");
	is_int(text_cp_width(0x0E49), 0, "a Thai tone mark takes no column");
	is_int(text_cp_width(0x1AC1), 0, "a Unicode 14 combining mark takes no column");
	is_int(text_cp_width(0x200D), 0, "ZERO WIDTH JOINER takes no column");
	is_int(text_cp_width(0x00AD), 1, "SOFT HYPHEN takes one, as terminals show it");
	is_int(text_cp_width(0x1F600), 2, "an emoji is wide");
	is_int(text_cp_width(0x3000), 2, "the ideographic space is wide");
	is_int(text_cp_width(0x07), 1, "a control counts one: the renderers replace it");
	is_int(text_width(""), 0, "empty is zero");
}

static void
test_fit(void)
{
	int used;

	is_int(text_fit("张三丰", 5, &used), 6, "5 columns hold two CJK characters (6 bytes)");
	is_int(used, 4, "and they take 4 columns");
	is_int(text_fit("张三丰", 1, &used), 0, "1 column holds no CJK character");
	is_int(text_fit("ab张", 3, &used), 2, "never splits a wide character at the edge");
	is_int(text_fit("abc", 10, &used), 3, "short strings fit whole");
}

static void
test_utf8(void)
{
	ok(text_valid_utf8("张三", 6), "valid UTF-8");
	ok(!text_valid_utf8("\xC0\xAF", 2), "overlong encoding is invalid");
	ok(!text_valid_utf8("\xED\xA0\x80", 3), "a surrogate is invalid");
	ok(!text_valid_utf8("\xF4\x90\x80\x80", 4), "past U+10FFFF is invalid");
	ok(!text_valid_utf8("\xE5\xBC", 2), "a truncated sequence is invalid");
	ok(!text_valid_utf8("\xD5\xC5\xC8\xFD", 4), "GBK bytes for 张三 are not UTF-8");
}

static void
test_trim_fold(void)
{
	char out[64];

	text_trim("  \xE3\x80\x80张三 \xE3\x80\x80 ", out, sizeof out);
	is_str(out, "张三", "trim removes ASCII and ideographic spaces at both ends");
	text_trim("a b", out, sizeof out);
	is_str(out, "a b", "inner spaces stay");
	/* Found by tests/fuzz/fuzz_member (member_split_tags trims in
	 * place): the copy overlapped, which memcpy does not allow. */
	strcpy(out, "   VIP  ");
	text_trim(out, out, sizeof out);
	is_str(out, "VIP", "trim in place");
	ok(!text_fold_fullwidth("１２３", out, 3), "fold says when the output is too small");
	is_str(out, "12", "and keeps what fit");
	ok(text_fold_fullwidth("１２３", out, 4), "and when it fit");
	text_fold_fullwidth("１３８－００１３", out, sizeof out);
	is_str(out, "138-0013", "fullwidth digits and hyphen fold to ASCII");
	text_fold_fullwidth("张三", out, sizeof out);
	is_str(out, "张三", "other characters are untouched");
	ok(text_has_control("a\tb", false), "a tab is a control character");
	ok(!text_has_control("a\nb", true), "a line break is allowed in notes");
	ok(text_has_control("a\nb", false), "but not in names");
}

static void
test_put_cell(void)
{
	char buf[64] = {0};
	FILE *fp = fmemopen(buf, sizeof buf, "w");

	text_put_cell(fp, "张三", 6, false);
	fputc('|', fp);
	text_put_cell(fp, "12", 5, true);
	fputc('|', fp);
	text_put_cell(fp, "张三丰", 5, false);
	fputc('|', fp);
	text_put_cell(fp, "a\nb", 3, false);
	fputc('|', fp);
	fclose(fp);
	is_str(buf, "张三  |   12|张三 |a b|",
	       "cells pad and clip by display width, controls become spaces");
}

static void
test_ratio(void)
{
	char buf[32];

	text_format_ratio(100, 7, buf);
	is_str(buf, "14.3", "a share: 100/7 = 14.29 -> 14.3");
	text_format_ratio(560, 6, buf);
	is_str(buf, "93.3", "a mean: 560/6 = 93.33 -> 93.3");
	text_format_ratio(1, 20, buf);
	is_str(buf, "0.1", "0.05 rounds half up");
	text_format_ratio(-1, 20, buf);
	is_str(buf, "-0.1", "and -0.05 away from zero");
	text_format_ratio(0, 9, buf);
	is_str(buf, "0.0", "zero");
	text_format_ratio(INT64_C(999999999999), 1, buf);
	is_str(buf, "999999999999.0", "large sums do not overflow");
}

int
main(void)
{
	test_width();
	test_fit();
	test_utf8();
	test_trim_fold();
	test_put_cell();
	test_ratio();
	return done_testing();
}
