/* test_campaign.c - what the campaign form of the screens asks the core
 * before anything is saved: the tags to aim at, a target as typed, and
 * how many members it reaches */
#include <config.h>

#include "core/campaign.h"
#include "core/coupon.h"
#include "core/member.h"
#include "core/tier.h"
#include "testdb.h"

static struct md md;

static void
add(const char *phone, const char *name, const char *tag)
{
	const char *tags[] = {tag};
	struct member_input in = {.phone = phone, .name = name, .tags = tags,
				  .ntags = tag ? 1 : 0};
	char card[CARD_MAX];

	if (member_add(&md, &in, card) != MD_OK)
		printf("Bail out! member_add: %s\n", md.err);
}

struct seen {
	char names[256];
	int64_t vip_members, vip_id;
};

static int
seen_tag(void *arg, const struct campaign_tag *t)
{
	struct seen *s = arg;
	size_t n = strlen(s->names);

	snprintf(s->names + n, sizeof s->names - n, "%s%s:%lld", n ? ";" : "", t->name,
		 (long long)t->members);
	if (!strcmp(t->name, "VIP"))
		s->vip_id = t->id;
	return MD_OK;
}

/* How many members TARGET reaches today, or -1 with md.err. */
static int64_t
reach(const char *target, bool no_blacklist)
{
	struct campaign c = {.no_blacklist = no_blacklist};
	int64_t n;

	if (campaign_check_target(&md, target, &c) || coupon_reach(&md, &c, &n))
		return -1;
	return n;
}

static void
test_tags(void)
{
	struct seen s = {0};
	char want[32];
	char *before = testdb_fingerprint(&md), *after;

	ok(campaign_tags(&md, seen_tag, &s) == MD_OK, "the tags are listed");
	is_str(s.names, "VIP:2;学生:1;常客:0", "by name, with the active members carrying each");
	ok(campaign_check_target(&md, "tag:VIP",
				 &(struct campaign){0}) == MD_OK, "tag:VIP is a target");
	{
		struct campaign c = {0};

		campaign_check_target(&md, " tag:VIP ", &c);
		snprintf(want, sizeof want, "tag:%lld", (long long)s.vip_id);
		is_str(c.target, want, "in its normal form, the tag's number");
	}
	after = testdb_fingerprint(&md);
	is_str(after, before, "listing and checking write nothing");
	free(before);
	free(after);
}

static void
test_reach(void)
{
	struct campaign c = {0};
	char *before = testdb_fingerprint(&md), *after;

	is_int(reach("all", false), 4, "all: the active members, not the frozen one");
	is_int(reach("tag:VIP", false), 2, "tag:VIP: the two active members who carry it");
	is_int(reach("tag:常客", false), 0, "a tag only a frozen member carries reaches nobody");
	is_int(reach("tier:普通", false), 4, "the base tier: everyone active");
	is_int(reach("segment:no_purchase", false), 4, "no purchase yet: all of them");
	is_int(reach("type:sleeping", false), 0, "no one is sleeping yet");
	is_int(reach("all", true), 4, "nobody is on the promotion blacklist yet");
	is_int(campaign_check_target(&md, "tag:无此标签", &c), MD_ENOTFOUND, "an unknown tag is refused");
	like(md.err, "there is no tag \"无此标签\"", "with the words of add");
	is_int(campaign_check_target(&md, "tier:黑卡", &c), MD_ENOTFOUND, "an unknown tier");
	is_int(campaign_check_target(&md, "segment:rich", &c), MD_EINVAL, "an unknown segment");
	is_int(campaign_check_target(&md, "everyone", &c), MD_EINVAL, "an unknown kind of target");
	like(md.err, "is not all, tier:NAME, tag:NAME", "names what is allowed");
	after = testdb_fingerprint(&md);
	is_str(after, before, "counting writes nothing");
	free(before);
	free(after);
}

static void
test_check(void)
{
	struct campaign_input in = {.name = "双十一", .kind = "cash", .value = "20",
				    .min = "100", .days = "30"};
	char *before = testdb_fingerprint(&md), *after;
	struct campaign c;
	int64_t id;

	ok(campaign_check(&md, NULL, &in, &c) == MD_OK, "a new campaign checks");
	is_int(c.value, 2000, "its value in fen");
	is_int(c.min_spend, 10000, "its minimum");
	is_int(c.valid_days, 30, "its days");
	is_int(c.status, CAMPAIGN_ACTIVE, "active unless a draft");
	in.value = "200";
	is_int(campaign_check(&md, NULL, &in, &c), MD_EINVAL, "more off than spent is refused");
	like(md.err, "would give away more than is spent", "with add's words");
	in.value = "20";
	after = testdb_fingerprint(&md);
	is_str(after, before, "checking writes nothing");
	free(before);
	free(after);
	ok(campaign_add(&md, &in, &id) == MD_OK, "and add takes what the check passed");
	is_int(campaign_check(&md, NULL, &in, &c), MD_ECONFLICT, "a second of the same name");
	like(md.err, "there is already a campaign \"双十一\"", "is caught by the check");
	ok(campaign_check(&md, "双十一", &(struct campaign_input){.total = "500",
		.exclude_blacklist = -1}, &c) == MD_OK, "an active campaign may have a total");
	is_int(c.total, 500, "which the check gives back");
	is_int(campaign_check(&md, "双十一", &(struct campaign_input){.value = "30",
		.exclude_blacklist = -1}, &c), MD_ECONFLICT, "but not a new value");
	like(md.err, "can only widen", "as edit says");
	is_int(campaign_check(&md, "无此活动", &(struct campaign_input){.exclude_blacklist = -1}, &c),
	       MD_ENOTFOUND, "an unknown campaign");
}

int
main(void)
{
	testdb_open(&md, "2026-11-23 10:00:00");
	add("13800138000", "张三", "VIP");
	add("13900139000", "李四", "VIP");
	add("13700137000", "王五", "学生");
	add("13600136000", "赵六", NULL);
	add("13500135000", "钱七", "常客");
	if (member_freeze(&md, "13500135000") != MD_OK)
		printf("Bail out! member_freeze: %s\n", md.err);
	test_tags();
	test_reach();
	test_check();
	db_close(&md);
	testdb_cleanup();
	return done_testing();
}
