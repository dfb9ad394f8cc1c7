/* demo_shop.c - the demo shop: made by memberdesk's own code, through
 * its own import, so that it shows what a real shop would */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/campaign.h"
#include "core/clock.h"
#include "core/coupon.h"
#include "core/db.h"
#include "core/demo.h"
#include "core/demo_shop.h"
#include "core/money.h"
#include "core/import.h"
#include "core/member.h"
#include "core/rfm.h"
#include "core/settings.h"
#include "core/tier.h"
#include "i18n.h"

#define DEMO_MEMBERS 400
#define DEMO_SALES 6000
#define DEMO_SEED 20260701

/* Made today?  Then it is current and stays as it is. */
static bool
current(const struct md *md, const char *path)
{
	struct stat st;
	struct tm a, b;

	if (stat(path, &st) != 0)
		return false;
	localtime_r(&st.st_mtime, &a);
	localtime_r(&md->now, &b);
	return a.tm_year == b.tm_year && a.tm_yday == b.tm_yday;
}

static int
write_files(struct md *md, const char *members, const char *sales)
{
	/* In the shop's units: a Taipei demo's amounts are whole NT$. */
	struct demo_shape s = {DEMO_MEMBERS, DEMO_SALES, DEMO_SEED, clock_today(md), 2,
			       money_unit(md)};
	FILE *m = fopen(members, "w"), *k = fopen(sales, "w");
	int rc;

	if (!m || !k)
		rc = md_fail(md, MD_EIO, _("cannot write the demo shop's files: %s"),
			     strerror(errno));
	else
		rc = demo_write(md, &s, m, k);
	if (m && fclose(m) != 0 && !rc)
		rc = md_fail(md, MD_EIO, _("cannot write the demo shop's files: %s"),
			     strerror(errno));
	if (k && fclose(k) != 0 && !rc)
		rc = md_fail(md, MD_EIO, _("cannot write the demo shop's files: %s"),
			     strerror(errno));
	return rc;
}

static int
import(struct md *md, enum import_kind kind, const char *path)
{
	struct import_opts o = {.kind = kind, .path = path, .create_members = true,
				.skip_bad = true};
	struct import_result r;

	return import_run(md, &o, &r);
}

/* What an owner sets up in the first weeks: a recharge bonus, the
 * regulars tagged, the tiers reviewed, a campaign to win members back,
 * and the weekly segments of the last weeks. */
static int
dress(struct md *md)
{
	static const char *const vip[] = {"VIP"};
	const char *name = _("Come back");
	struct coupon_issue_result ir;
	struct date today = clock_today(md), week;
	char card[16];
	int64_t id, moved;
	bool taken;
	int rc, i;

	if ((rc = settings_set(md, "wallet_rules", "100:20,500:120")) ||
	    (rc = settings_set(md, "shop_name", _("Demo tea house"))) ||
	    (rc = tier_evaluate(md, today, false, NULL, NULL, &moved)))
		return rc;
	for (i = 0; i < 40; i++) {
		snprintf(card, sizeof card, "%d", 10000000 + 10 * i);	/* demo.h's cards */
		rc = member_tag(md, card, vip, 1);
		if (rc && rc != MD_ENOTFOUND)
			return rc;
	}
	for (i = 5; i >= 1; i--) {
		week = date_week_end(date_from_days(date_to_days(today) - 7 * i));
		if ((rc = rfm_snapshot(md, week, &taken)))
			return rc;
	}
	if ((rc = campaign_add(md, &(struct campaign_input){.name = name, .kind = "cash",
			.value = "20", .min = "100", .days = "30",
			.target = "segment:important_winback", .exclude_blacklist = -1}, &id)))
		return rc;
	return coupon_issue(md, name, false, NULL, NULL, &ir);
}

static int
build(struct md *md, const char *path)
{
	char dir[] = "/tmp/memberdesk-demo.XXXXXX", members[64], sales[64];
	int rc;

	if (!mkdtemp(dir))
		return md_fail(md, MD_EIO, _("cannot write the demo shop's files: %s"),
			       strerror(errno));
	snprintf(members, sizeof members, "%s/members.csv", dir);
	snprintf(sales, sizeof sales, "%s/sales.csv", dir);
	if (!(rc = db_open(md, path, true)) && !(rc = write_files(md, members, sales)) &&
	    !(rc = import(md, IMPORT_MEMBERS, members)) && !(rc = import(md, IMPORT_SALES, sales)))
		rc = dress(md);
	unlink(members);
	unlink(sales);
	rmdir(dir);
	return rc;
}

int
demo_shop_open(struct md *md, const char *path)
{
	char sides[4096];
	int rc;

	if (current(md, path))
		return db_open(md, path, true);
	/* Another day's demo goes: the new one's dates are today's. */
	unlink(path);
	snprintf(sides, sizeof sides, "%s-wal", path);
	unlink(sides);
	snprintf(sides, sizeof sides, "%s-shm", path);
	unlink(sides);
	if ((rc = build(md, path))) {
		db_close(md);
		unlink(path);
	}
	return rc;
}
