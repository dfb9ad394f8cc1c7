/* action.h - what people do to the shop, named once
 *
 * The audit log names every change with one of these; the operators'
 * table of who may do what and the screens' keys name the same.  One
 * X-macro, as tig's REQ_INFO: _(ID, key, who may, what it is for people).
 * Keys are stored in the audit log: never change one that has shipped.
 *
 * Who may: STAFF, any operator; OWNER, an owner only; RULES, nobody by
 * hand - the daily rules and the consequences of other actions do it,
 * on behalf of whoever is there.  A shop without operators may do all.
 * The actions that change nothing (report.view) are checked all the same.
 */
#ifndef MD_ACTION_H
#define MD_ACTION_H

#include <stdbool.h>

#define ACTIONS(_) \
	_(MEMBER_ADD, "member.add", STAFF, N_("register a member")) \
	_(MEMBER_IMPORT, "member.import", OWNER, N_("register a member from an import")) \
	_(MEMBER_EDIT, "member.edit", STAFF, N_("change a member's details")) \
	_(MEMBER_TAG, "member.tag", STAFF, N_("tag a member")) \
	_(MEMBER_UNTAG, "member.untag", STAFF, N_("take a member's tags away")) \
	_(MEMBER_FREEZE, "member.freeze", STAFF, N_("freeze a membership")) \
	_(MEMBER_UNFREEZE, "member.unfreeze", STAFF, N_("unfreeze a membership")) \
	_(MEMBER_DELETE, "member.delete", OWNER, N_("delete a member")) \
	_(MEMBER_RESTORE, "member.restore", OWNER, N_("restore a deleted member")) \
	_(MEMBER_MERGE, "member.merge", OWNER, N_("merge a member's second record into them")) \
	_(MEMBER_MERGED, "member.merged", OWNER, N_("merge a record into another")) \
	_(MEMBER_JOINED, "member.joined", RULES, N_("move a join date back to the first purchase")) \
	_(SALE_ADD, "sale.add", STAFF, N_("record a sale")) \
	_(SALE_VOID, "sale.void", OWNER, N_("void a sale")) \
	_(POINTS_ADJUST, "points.adjust", OWNER, N_("adjust points")) \
	_(WALLET_RECHARGE, "wallet.recharge", STAFF, N_("top up stored value")) \
	_(WALLET_REFUND, "wallet.refund", OWNER, N_("refund stored value")) \
	_(TIER_ADD, "tier.add", OWNER, N_("add a tier")) \
	_(TIER_EDIT, "tier.edit", OWNER, N_("change a tier's rules")) \
	_(TIER_DELETE, "tier.delete", OWNER, N_("delete a tier")) \
	_(TIER_ASSIGN, "tier.assign", OWNER, N_("put a member in a tier by hand")) \
	_(SETTINGS_SET, "settings.set", OWNER, N_("change a setting")) \
	_(IMPORT_MEMBERS, "import.members", OWNER, N_("import members")) \
	_(IMPORT_SALES, "import.sales", OWNER, N_("import sales")) \
	_(IMPORT_POINTS, "import.points", OWNER, N_("import points")) \
	_(IMPORT_WALLET, "import.wallet", OWNER, N_("import stored value")) \
	_(EXPORT_MEMBERS, "export.members", OWNER, N_("export members")) \
	_(EXPORT_SALES, "export.sales", OWNER, N_("export sales")) \
	_(EXPORT_POINTS, "export.points", OWNER, N_("export points")) \
	_(EXPORT_WALLET, "export.wallet", OWNER, N_("export stored value")) \
	_(EXPORT_COUPONS, "export.coupons", OWNER, N_("export coupons")) \
	_(CAMPAIGN_ADD, "campaign.add", OWNER, N_("add a coupon campaign")) \
	_(CAMPAIGN_EDIT, "campaign.edit", OWNER, N_("change a coupon campaign")) \
	_(CAMPAIGN_START, "campaign.start", OWNER, N_("start a coupon campaign")) \
	_(CAMPAIGN_END, "campaign.end", OWNER, N_("end a coupon campaign")) \
	_(COUPON_ISSUE, "coupon.issue", OWNER, N_("issue a campaign's coupons")) \
	_(COUPON_GIVE, "coupon.give", STAFF, N_("give a member a coupon")) \
	_(COUPON_BUY, "coupon.buy", STAFF, N_("sell a member a coupon for points")) \
	_(COUPON_REVOKE, "coupon.revoke", OWNER, N_("revoke a coupon")) \
	_(COUPON_EXPIRE, "coupon.expire", RULES, N_("let coupons past their last day expire")) \
	_(COUPON_RULE, "coupon.rule", OWNER, N_("set or unset an automatic coupon rule")) \
	_(COUPON_AUTO, "coupon.auto", RULES, N_("issue automatic coupons")) \
	_(MAINT_CLOCK, "maint.clock", OWNER, N_("start the daily rules again after a wrong clock")) \
	_(DATABASE_BACKUP, "database.backup", OWNER, N_("write a backup of the database")) \
	_(DATABASE_RESTORE, "database.restore", OWNER, N_("put a backup in place of the database")) \
	_(DATABASE_CHECK, "database.check", OWNER, N_("check every balance against its ledger")) \
	_(AUDIT_VIEW, "audit.view", OWNER, N_("read the audit log")) \
	_(REPORT_VIEW, "report.view", OWNER, N_("read the reports")) \
	_(TIER_REVIEW, "tier.review", OWNER, N_("review every member's tier")) \
	_(POINTS_EXPIRE, "points.expire", OWNER, N_("let points past their expiry go")) \
	_(OPERATOR_ADD, "operator.add", OWNER, N_("add an operator")) \
	_(OPERATOR_ROLE, "operator.role", OWNER, N_("change an operator's role")) \
	_(OPERATOR_PASSWD, "operator.passwd", OWNER, N_("set another operator's PIN")) \
	_(OPERATOR_DISABLE, "operator.disable", OWNER, N_("disable an operator")) \
	_(OPERATOR_ENABLE, "operator.enable", OWNER, N_("enable an operator again")) \
	_(OPERATOR_RECOVER, "operator.recover", RULES, N_("reset a forgotten PIN as the database file's owner")) \
	_(OPERATOR_LOCKED, "operator.locked", RULES, N_("lock an operator after wrong PINs")) \
	_(SHIFT_REPORT, "shift.report", STAFF, N_("close a shift with its report"))

enum action_who {
	WHO_STAFF,
	WHO_OWNER,
	WHO_RULES,
};

enum action {
	ACTION_NONE = -1,	/* nothing is changed (the screens' moving about) */
#define ACTION_ENUM(id, key, who, label) ACTION_##id,
	ACTIONS(ACTION_ENUM)
#undef ACTION_ENUM
	ACTION_COUNT
};

/* As the audit log stores it ("points.adjust"), and for people. */
const char *action_key(enum action a);
const char *action_label(enum action a);
/* Who may do it. */
enum action_who action_who(enum action a);
/* The action KEY names; false when none. */
bool action_parse(const char *key, enum action *a);

#endif
