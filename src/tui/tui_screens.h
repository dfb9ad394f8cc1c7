/* tui_screens.h - how one screen opens another
 *
 * Each screen keeps its state private; these are the only ways in.
 * Every opener returns false, with the reason on the status line, when
 * the screen could not open (no such member, out of memory). */
#ifndef MD_TUI_SCREENS_H
#define MD_TUI_SCREENS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/sale.h"
#include "tui/tui_priv.h"

/* The start screen: search as you type, browse every member. */
bool tui_find_open(struct tui *t);
/* Back to the start screen with an empty search. */
void tui_find_again(struct tui *t);

/* 新会员: the registration form. */
bool tui_register_open(struct tui *t);

/* One member on one screen; REPLACE takes the place of the top view
 * (a saved registration becomes the new member's card). */
bool tui_card_open(struct tui *t, int64_t member_id, bool replace);

/* 收银: a sale to MEMBER_ID, or to a walk-in customer when 0. */
bool tui_sell_open(struct tui *t, int64_t member_id);
/* The receipt of a sale just recorded; REPLACE as above. */
bool tui_receipt_open(struct tui *t, const struct sale *s, bool replace);

/* 充值, a points adjustment, and the edit form of a member. */
bool tui_topup_open(struct tui *t, int64_t member_id);
bool tui_points_open(struct tui *t, int64_t member_id);
bool tui_member_edit_open(struct tui *t, int64_t member_id);

/* 优惠券活动: the coupon campaigns; one of them with its figures; the
 * form that makes one (ID 0) or changes campaign ID. */
bool tui_campaigns_open(struct tui *t);
bool tui_campaign_show_open(struct tui *t, int64_t id);
bool tui_campaign_form_open(struct tui *t, int64_t id);

/* 报表: the reports menu (RFM segments, value types, the weekly report,
 * birthdays, sales); 导入导出: import a file or export one.  Owner's
 * work: the core refuses it for staff, and the opener says so. */
bool tui_reports_open(struct tui *t);
bool tui_transfer_open(struct tui *t);

/* A coupon of an active campaign for the member on the card. */
bool tui_give_open(struct tui *t, int64_t member_id);

/* 后台: the back office, a menu of the screens below. */
bool tui_office_open(struct tui *t);
/* 等级规则: the tiers; the review of every member's tier. */
bool tui_tiers_open(struct tui *t);
bool tui_tier_form_open(struct tui *t, const char *name);
/* Delete tier K, which members hold: the form that says where they go. */
struct tier;
bool tui_tier_delete_open(struct tui *t, const struct tier *k);
bool tui_tier_review_open(struct tui *t);
/* 积分: the points rules and the expiry run; one member's points. */
bool tui_points_office_open(struct tui *t);
/* The form that asks whose points; a member's points (REPLACE as for
 * the card). */
bool tui_points_ask_open(struct tui *t);
bool tui_points_member_open(struct tui *t, int64_t member_id, bool replace);
bool tui_points_expiry_open(struct tui *t);
/* 设置: every setting. */
bool tui_settings_open(struct tui *t);
/* 操作员: who may sign in; the form that adds one (NAME NULL) or sets
 * NAME's PIN. */
bool tui_operators_open(struct tui *t);
bool tui_operator_form_open(struct tui *t, const char *name);

/* The keys of screen SCR and of every field. */
bool tui_help_open(struct tui *t, const struct tui_screen *scr);

#endif
