/* test_member.c - member rules against a real database file */
#include <config.h>

#include "core/audit.h"
#include "core/member.h"
#include "core/merge.h"
#include "core/points.h"
#include "core/settings.h"
#include "testdb.h"

static struct md md;

static void
test_add(void)
{
	struct member_input in = {0};
	const char *tags[] = {"VIP", "学生", "vip"};
	struct member m;
	char card[CARD_MAX];

	in.phone = "+86 138-0013-8000";
	in.name = "  张三  ";
	in.birthday = "1990/5/1";
	in.gender = "女";
	in.tags = tags;
	in.ntags = 2;
	in.note = "喜欢乌龙茶\r\n周末来";
	ok(member_add(&md, &in, card) == MD_OK, "add a member");
	is_str(card, "100008", "first generated card is 10000 + check digit");
	ok(member_get(&md, "13800138000", &m) == MD_OK, "find them by phone");
	is_str(m.name, "张三", "name trimmed");
	is_str(m.phone, "13800138000", "phone normalised");
	is_str(m.birthday, "1990-05-01", "birthday normalised");
	is_int(m.gender, GENDER_FEMALE, "女 is female");
	is_str(m.tags, "VIP;学生", "tags sorted");
	is_str(m.note, "喜欢乌龙茶\n周末来", "CRLF in notes becomes LF");
	is_str(m.joined, "2026-11-23", "joined today");
	is_str(member_status_key(m.status), "active", "active");

	REJECTS(member_add(&md, &(struct member_input){.phone = "138 0013 8000", .name = "李四"}, card),
		MD_ECONFLICT, "phone 13800138000 already belongs to card 100008 (张三)",
		"duplicate phone in another spelling");
	REJECTS(member_add(&md, &(struct member_input){.phone = "1380013800", .name = "李四"}, card),
		MD_EINVAL, "not a valid mobile number", "malformed phone");
	REJECTS(member_add(&md, &(struct member_input){.phone = "13900139000", .name = "李四",
						      .birthday = "2023-02-30"}, card),
		MD_EINVAL, "not a real date", "impossible birthday");
	REJECTS(member_add(&md, &(struct member_input){.phone = "13900139000", .name = "李四",
						      .birthday = "2026-11-24"}, card),
		MD_EINVAL, "in the future", "birthday tomorrow");
	REJECTS(member_add(&md, &(struct member_input){.phone = "13900139000", .name = "  "}, card),
		MD_EINVAL, "name is required", "blank name");
	REJECTS(member_add(&md, &(struct member_input){.phone = "13900139000",
						      .name = "一二三四五六七八九十一二三四五六七"}, card),
		MD_EINVAL, "34 columns wide", "name of 17 CJK characters (34 columns)");
	REJECTS(member_add(&md, &(struct member_input){.phone = "13900139000", .name = "\xD5\xC5\xC8\xFD"}, card),
		MD_EINVAL, "not valid UTF-8", "GBK bytes as a name");
	REJECTS(member_add(&md, &(struct member_input){.phone = "13900139000", .name = "a\tb"}, card),
		MD_EINVAL, "control characters", "a tab in a name");
	REJECTS(member_add(&md, &(struct member_input){.phone = "13900139000", .name = "李四",
						      .gender = "x"}, card),
		MD_EINVAL, "gender \"x\"", "unknown gender");
	REJECTS(member_add(&md, &(struct member_input){.phone = "13900139000", .name = "李四",
						      .referrer = "999999"}, card),
		MD_EINVAL, "referrer \"999999\" is not a member", "unknown referrer");
	REJECTS(member_add(&md, &(struct member_input){.name = "李四"}, card),
		MD_EINVAL, "phone is required", "no phone at the counter");
	REJECTS(member_add(&md, &(struct member_input){.phone = "13900139000", .name = "李四",
						      .card = "100008"}, card),
		MD_ECONFLICT, "card 100008 already belongs to 张三", "card taken");
	REJECTS(member_add(&md, &(struct member_input){.phone = "13900139000", .name = "李四",
						      .tags = (const char *[]){"a,b"}, .ntags = 1}, card),
		MD_EINVAL, "must not contain ,", "a separator inside a tag");

	in = (struct member_input){.phone = "13900139000",
				   .name = "一二三四五六七八九十一二三四五六"};
	ok(member_add(&md, &in, card) == MD_OK, "a 32-column name fits exactly");
	is_str(card, "100016", "the next generated card");
	in = (struct member_input){.name = "无电话", .imported = true};
	ok(member_add(&md, &in, card) == MD_OK, "an imported member may lack a phone");
	ok(settings_set(&md, "phone_required", "no") == MD_OK, "relax phone_required");
	in = (struct member_input){.name = "路人"};
	ok(member_add(&md, &in, card) == MD_OK, "then staff may register without a phone");
	settings_set(&md, "phone_required", "yes");
}

static void
test_card_counter(void)
{
	struct member_input in = {.phone = "13700137000", .name = "预印卡", .card = "100040"};
	char card[CARD_MAX];

	ok(member_add(&md, &in, card) == MD_OK, "a pre-printed card number is kept");
	is_str(card, "100040", "as given");
	in = (struct member_input){.phone = "13700137001", .name = "下一位"};
	member_add(&md, &in, card);
	/* 10003 -> 100032, 10004 -> 100040 is taken, so 10005 -> 100057 */
	ok(strcmp(card, "100040") != 0, "generation skips a card already taken (%s)", card);
}

static int
collect(void *arg, const struct member *m)
{
	char *buf = arg;

	strcat(buf, m->card);
	strcat(buf, " ");
	return 0;
}

static void
test_find(void)
{
	char got[2048], card[CARD_MAX + 2];
	struct member_input in = {0};
	char c1[CARD_MAX], c2[CARD_MAX], c3[CARD_MAX];

	in = (struct member_input){.phone = "13511118000", .name = "王小明"};
	member_add(&md, &in, c1);
	in = (struct member_input){.phone = "0922228000", .name = "小明"};
	member_add(&md, &in, c2);
	in = (struct member_input){.phone = "91238000", .name = "100%_'\";--"};
	member_add(&md, &in, c3);

	got[0] = 0;
	member_find(&md, "8000", 20, false, collect, got);
	like(got, c1, "last 4 digits find the mainland phone");
	like(got, c2, "and the Taiwan one");
	like(got, c3, "and the Hong Kong one");
	like(got, "100008", "and 张三 (13800138000)");

	got[0] = 0;
	member_find(&md, "小明", 20, false, collect, got);
	snprintf(card, sizeof card, "%s ", c2);
	ok(strncmp(got, card, strlen(card)) == 0, "an exact name comes first (%s)", got);
	like(got, c1, "a name containing it follows");

	got[0] = 0;
	member_find(&md, "王小明", 20, false, collect, got);
	snprintf(card, sizeof card, "%s ", c1);
	is_str(got, card, "three characters use the trigram index");

	got[0] = 0;
	member_find(&md, "%_'", 20, false, collect, got);
	snprintf(card, sizeof card, "%s ", c3);
	is_str(got, card, "%% _ and quotes match verbatim, not as wildcards");

	got[0] = 0;
	member_find(&md, "\";--", 20, false, collect, got);
	is_str(got, card, "a double quote and semicolon are not query syntax");

	got[0] = 0;
	member_find(&md, "%", 20, false, collect, got);
	is_str(got, card, "a single %% matches only names containing it");

	got[0] = 0;
	member_find(&md, "100008", 20, false, collect, got);
	ok(strncmp(got, "100008 ", 7) == 0, "a card number finds its member first");

	got[0] = 0;
	member_find(&md, "１３８ ００１３ ８０００", 20, false, collect, got);
	is_str(got, "100008 ", "a full phone in fullwidth digits");

	got[0] = 0;
	member_find(&md, "nobody", 20, false, collect, got);
	is_str(got, "", "no match is no rows");
	ok(member_find(&md, "  ", 20, false, collect, got) == MD_EINVAL,
	   "an empty search is rejected");
}

static void
test_edit_status(void)
{
	struct member_input in = {0};
	struct member m;
	char card[CARD_MAX];

	in = (struct member_input){.phone = "13622226666", .name = "赵六"};
	member_add(&md, &in, card);
	in = (struct member_input){.birthday = "02-29", .gender = "M", .note = ""};
	ok(member_edit(&md, card, &in) == MD_OK, "edit birthday without a year");
	member_get(&md, card, &m);
	is_str(m.birthday, "02-29", "Feb 29 without a year is a real birthday");
	is_int(m.gender, GENDER_MALE, "M is male");
	REJECTS(member_edit(&md, card, &(struct member_input){.phone = "13800138000"}),
		MD_ECONFLICT, "already belongs to card 100008", "edit to a taken phone");
	REJECTS(member_edit(&md, card, &(struct member_input){.referrer = card}),
		MD_EINVAL, "their own referrer", "self referral");
	REJECTS(member_edit(&md, card, &(struct member_input){.phone = ""}),
		MD_EINVAL, "phone is required", "clearing a required phone");
	REJECTS(member_edit(&md, "000000", &(struct member_input){.name = "x"}),
		MD_ENOTFOUND, "no member has the card or phone number \"000000\"",
		"unknown member");
	ok(member_edit(&md, card, &(struct member_input){.birthday = ""}) == MD_OK,
	   "clear the birthday");
	member_get(&md, card, &m);
	is_str(m.birthday, "", "birthday cleared");

	ok(member_freeze(&md, card) == MD_OK, "freeze");
	REJECTS(member_freeze(&md, card), MD_ECONFLICT, "already frozen", "freeze twice");
	ok(member_unfreeze(&md, card) == MD_OK, "unfreeze");
	REJECTS(member_unfreeze(&md, card), MD_ECONFLICT, "is already active",
		"unfreeze an active member");
	ok(member_delete(&md, card) == MD_OK, "delete");
	REJECTS(member_unfreeze(&md, card), MD_ECONFLICT, "is deleted; restore it first",
		"unfreeze a deleted member");
	REJECTS(member_freeze(&md, card), MD_ECONFLICT, "is deleted; restore it first",
		"freeze a deleted member");
	ok(member_restore(&md, card) == MD_OK, "restore");
	ok(member_freeze(&md, card) == MD_OK, "freeze again");
	REJECTS(member_restore(&md, card), MD_ECONFLICT, "is frozen, not deleted",
		"restore a member that is not deleted");
	ok(member_unfreeze(&md, card) == MD_OK, "unfreeze again");
	ok(member_delete(&md, card) == MD_OK, "delete");
	REJECTS(member_edit(&md, card, &(struct member_input){.name = "x"}),
		MD_ECONFLICT, "is deleted; restore it first", "edit a deleted member");
	REJECTS(member_add(&md, &(struct member_input){.phone = "13622226666", .name = "新人"}, m.card),
		MD_ECONFLICT, "deleted", "a deleted member's phone stays reserved");
	ok(member_restore(&md, card) == MD_OK, "restore");
	member_get(&md, card, &m);
	is_str(member_status_key(m.status), "active", "active again");
}

static void
test_tags(void)
{
	const char *many[MEMBER_TAGS_MAX + 1];
	char names[MEMBER_TAGS_MAX + 1][8];
	struct member m;
	int i;

	for (i = 0; i <= MEMBER_TAGS_MAX; i++) {
		snprintf(names[i], sizeof names[i], "t%02d", i);
		many[i] = names[i];
	}
	ok(member_tag(&md, "100008", (const char *[]){"常客"}, 1) == MD_OK, "tag");
	member_get(&md, "100008", &m);
	is_str(m.tags, "VIP;学生;常客", "tag added");
	ok(member_tag(&md, "100008", (const char *[]){"vip"}, 1) == MD_OK,
	   "tagging with a tag it has (any case) is fine");
	member_get(&md, "100008", &m);
	is_str(m.tags, "VIP;学生;常客", "and changes nothing");
	REJECTS(member_untag(&md, "100008", (const char *[]){"nope"}, 1), MD_EINVAL,
		"does not have the tag \"nope\"", "untag a tag it lacks");
	ok(member_untag(&md, "100008", (const char *[]){"学生"}, 1) == MD_OK, "untag");
	REJECTS(member_tag(&md, "100008", many, MEMBER_TAGS_MAX), MD_EINVAL,
		"at most 20 tags", "too many tags in total");
}

/* An edit form's tag list replaces the tags; no list leaves them. */
static void
test_edit_tags(void)
{
	struct member_input in = {.phone = "13633336666", .name = "钱七",
				  .tags = (const char *[]){"VIP", "学生"}, .ntags = 2};
	struct member m;
	char card[CARD_MAX];

	member_add(&md, &in, card);
	in = (struct member_input){.tags = (const char *[]){"常客", "vip"}, .ntags = 2};
	ok(member_edit(&md, card, &in) == MD_OK, "edit the tag list");
	member_get(&md, card, &m);
	is_str(m.tags, "VIP;常客", "it replaces the tags, keeping the stored spelling");
	ok(member_edit(&md, card, &(struct member_input){.name = "钱七七"}) == MD_OK,
	   "an edit without a tag list");
	member_get(&md, card, &m);
	is_str(m.tags, "VIP;常客", "leaves the tags");
	REJECTS(member_edit(&md, card, &(struct member_input){
			.tags = (const char *[]){"a|b"}, .ntags = 1}),
		MD_EINVAL, "must not contain |", "a bad tag in the list");
	in = (struct member_input){.tags = (const char *[]){NULL}, .ntags = 0};
	ok(member_edit(&md, card, &in) == MD_OK, "an empty tag list");
	member_get(&md, card, &m);
	is_str(m.tags, "", "clears the tags");
}

static void
test_merge(void)
{
	struct member keep, drop, ref;
	struct member_input in;
	char k[CARD_MAX], d[CARD_MAX], r[CARD_MAX];

	in = (struct member_input){.name = "重复甲", .imported = true,
				   .tags = (const char *[]){"A"}, .ntags = 1};
	member_add(&md, &in, k);
	in = (struct member_input){.phone = "13512345678", .name = "重复乙",
				   .birthday = "1988-08-08",
				   .tags = (const char *[]){"B"}, .ntags = 1};
	member_add(&md, &in, d);
	in = (struct member_input){.phone = "13512345679", .name = "被推荐", .referrer = d};
	member_add(&md, &in, r);
	REJECTS(merge_members(&md, k, k), MD_EINVAL, "into itself", "merge with itself");
	ok(merge_members(&md, k, d) == MD_OK, "merge");
	member_get(&md, k, &keep);
	member_get(&md, d, &drop);
	member_get(&md, r, &ref);
	is_str(keep.phone, "13512345678", "the phone moves to the kept member");
	is_str(keep.birthday, "1988-08-08", "a missing birthday is filled in");
	is_str(keep.tags, "A;B", "tags are united");
	is_str(member_status_key(drop.status), "merged", "the dropped member is marked merged");
	is_str(drop.merged_into, k, "into the kept one");
	is_str(drop.phone, "", "and no longer holds the phone");
	is_str(ref.referrer_card, k, "referrals follow to the kept member");
	REJECTS(merge_members(&md, k, d), MD_ECONFLICT, "was merged into", "merge twice");
}

static int
count_rows(void *arg, const struct member *m)
{
	(void)m;
	(*(int *)arg)++;
	return 0;
}

static void
test_list(void)
{
	struct member_filter f = {0};
	int all = 0, page = 0;
	int64_t before;

	ok(member_list(&md, &f, count_rows, &all) == MD_OK, "list");
	f.limit = 3;
	f.after_id = 2;
	member_list(&md, &f, count_rows, &page);
	is_int(page, 3, "a page of 3 after id 2");
	f = (struct member_filter){.tag = "vip"};
	page = 0;
	member_list(&md, &f, count_rows, &page);
	is_int(page, 1, "tag filter (case-insensitive)");
	f = (struct member_filter){.tag = "nosuch"};
	REJECTS(member_list(&md, &f, count_rows, &page), MD_ENOTFOUND,
		"there is no tag \"nosuch\"", "unknown tag");
	f = (struct member_filter){.status = "merged"};
	page = 0;
	member_list(&md, &f, count_rows, &page);
	is_int(page, 1, "status filter");

	/* Nobody has bought anything: every listed member is no_purchase,
	 * and paging through the segment scores once. */
	f = (struct member_filter){.segment = "no_purchase"};
	page = 0;
	ok(member_list(&md, &f, count_rows, &page) == MD_OK, "segment filter");
	is_int(page, all, "no_purchase is everyone listed");
	f.limit = 2;
	f.after_id = 2;
	page = 0;
	before = sqlite3_total_changes64(md.db);
	member_list(&md, &f, count_rows, &page);
	is_int(page, 2, "a page of the segment after id 2");
	ok(sqlite3_total_changes64(md.db) == before,
	   "the scores are kept for the next page: nothing is scored again");
	f = (struct member_filter){.segment = "important_value"};
	page = 0;
	member_list(&md, &f, count_rows, &page);
	is_int(page, 0, "nobody is important_value without sales");
	f = (struct member_filter){.segment = "vip"};
	REJECTS(member_list(&md, &f, count_rows, &page), MD_EINVAL,
		"segment \"vip\" is not one of", "unknown segment");
}

static int
count_audit(void *arg, const struct audit_row *r)
{
	(void)r;
	(*(int *)arg)++;
	return 0;
}

static void
test_audit(void)
{
	int n = 0;
	int64_t id;

	member_resolve(&md, "100008", &id);
	audit_list(&md, id, 0, count_audit, &n);
	/* add, tag 常客, untag 学生; the no-op and the refused changes none */
	is_int(n, 3, "every change to 100008, and only those, left an audit row");
}

/* Found by the fuzzers (tests/fuzz/fuzz_card, fuzz_member): keys and
 * values longer than a parser's buffer were read only as far as it
 * went, so junk past it went unseen; and splitting tags trimmed each
 * one in place with an overlapping copy. */
static void
test_long_input(void)
{
	char s[200], card[CARD_MAX], tags[MEMBER_TAGS_MAX][MEMBER_TAG_MAX];
	int64_t id = 0, v;
	size_t n;

	snprintf(s, sizeof s, "100008%130s!", "");
	ok(member_check_card(&md, s, card) == MD_EINVAL, "a card with junk past 128 bytes is refused");
	snprintf(s, sizeof s, "100008%130sx", "");
	is_int(member_resolve(&md, s, &id), MD_ENOTFOUND, "and finds no member");
	snprintf(s, sizeof s, "+5%70sx", "");
	ok(points_check_delta(&md, s, &v) == MD_EINVAL, "a points change with junk past 64 bytes is refused");
	ok(member_split_tags(&md, "  VIP ;  学生 ", tags, &n) == MD_OK && n == 2,
	   "tags with blanks around them split");
	ok(n == 2 && !strcmp(tags[0], "VIP") && !strcmp(tags[1], "学生"), "and are trimmed");
}

int
main(void)
{
	testdb_open(&md, "2026-11-23 10:00:00");
	test_add();
	test_card_counter();
	test_find();
	test_edit_status();
	test_tags();
	test_merge();
	test_list();
	test_audit();
	test_edit_tags();
	test_long_input();
	db_close(&md);
	testdb_cleanup();
	return done_testing();
}
