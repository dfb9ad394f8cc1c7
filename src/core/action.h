/* action.h - what people do to the shop, named once
 *
 * The audit log names every change with one of these; the operators'
 * table of who may do what and the screens' keys name the same.  One
 * X-macro, as tig's REQ_INFO: _(ID, key, what it is for people).  Keys
 * are stored in the audit log: never change one that has shipped.
 */
#ifndef MD_ACTION_H
#define MD_ACTION_H

#include <stdbool.h>

#define ACTIONS(_) \
	_(MEMBER_ADD, "member.add", N_("register a member")) \
	_(MEMBER_IMPORT, "member.import", N_("register a member from an import")) \
	_(MEMBER_EDIT, "member.edit", N_("change a member's details")) \
	_(MEMBER_TAG, "member.tag", N_("tag a member")) \
	_(MEMBER_UNTAG, "member.untag", N_("take a member's tags away")) \
	_(MEMBER_FREEZE, "member.freeze", N_("freeze a membership")) \
	_(MEMBER_UNFREEZE, "member.unfreeze", N_("unfreeze a membership")) \
	_(MEMBER_DELETE, "member.delete", N_("delete a member")) \
	_(MEMBER_RESTORE, "member.restore", N_("restore a deleted member")) \
	_(MEMBER_MERGE, "member.merge", N_("merge a member's second record into them")) \
	_(MEMBER_MERGED, "member.merged", N_("merge a record into another")) \
	_(MEMBER_JOINED, "member.joined", N_("move a join date back to the first purchase")) \
	_(SALE_ADD, "sale.add", N_("record a sale")) \
	_(SALE_VOID, "sale.void", N_("void a sale")) \
	_(POINTS_ADJUST, "points.adjust", N_("adjust points")) \
	_(WALLET_RECHARGE, "wallet.recharge", N_("top up stored value")) \
	_(WALLET_REFUND, "wallet.refund", N_("refund stored value")) \
	_(TIER_ADD, "tier.add", N_("add a tier")) \
	_(TIER_EDIT, "tier.edit", N_("change a tier's rules")) \
	_(TIER_DELETE, "tier.delete", N_("delete a tier")) \
	_(TIER_ASSIGN, "tier.assign", N_("put a member in a tier by hand")) \
	_(SETTINGS_SET, "settings.set", N_("change a setting")) \
	_(IMPORT_MEMBERS, "import.members", N_("import members")) \
	_(IMPORT_SALES, "import.sales", N_("import sales")) \
	_(IMPORT_POINTS, "import.points", N_("import points")) \
	_(IMPORT_WALLET, "import.wallet", N_("import stored value")) \
	_(EXPORT_MEMBERS, "export.members", N_("export members")) \
	_(EXPORT_SALES, "export.sales", N_("export sales")) \
	_(EXPORT_POINTS, "export.points", N_("export points")) \
	_(EXPORT_WALLET, "export.wallet", N_("export stored value")) \
	_(EXPORT_COUPONS, "export.coupons", N_("export coupons")) \
	_(CAMPAIGN_ADD, "campaign.add", N_("add a coupon campaign")) \
	_(CAMPAIGN_EDIT, "campaign.edit", N_("change a coupon campaign")) \
	_(CAMPAIGN_START, "campaign.start", N_("start a coupon campaign")) \
	_(CAMPAIGN_END, "campaign.end", N_("end a coupon campaign")) \
	_(COUPON_ISSUE, "coupon.issue", N_("issue a campaign's coupons")) \
	_(COUPON_GIVE, "coupon.give", N_("give a member a coupon")) \
	_(COUPON_BUY, "coupon.buy", N_("sell a member a coupon for points")) \
	_(COUPON_REVOKE, "coupon.revoke", N_("revoke a coupon")) \
	_(COUPON_EXPIRE, "coupon.expire", N_("let coupons past their last day expire")) \
	_(COUPON_RULE, "coupon.rule", N_("set or unset an automatic coupon rule")) \
	_(COUPON_AUTO, "coupon.auto", N_("issue automatic coupons")) \
	_(MAINT_CLOCK, "maint.clock", N_("start the daily rules again after a wrong clock")) \
	_(DATABASE_BACKUP, "database.backup", N_("write a backup of the database")) \
	_(DATABASE_RESTORE, "database.restore", N_("put a backup in place of the database"))

enum action {
	ACTION_NONE = -1,	/* nothing is changed (the screens' moving about) */
#define ACTION_ENUM(id, key, label) ACTION_##id,
	ACTIONS(ACTION_ENUM)
#undef ACTION_ENUM
	ACTION_COUNT
};

/* As the audit log stores it ("points.adjust"), and for people. */
const char *action_key(enum action a);
const char *action_label(enum action a);
/* The action KEY names; false when none. */
bool action_parse(const char *key, enum action *a);

#endif
