/* tui_campaign.h - what the coupon campaign screens share
 *
 * The list (tui_campaigns.c) and one campaign's page (tui_campaign_show.c)
 * offer the same actions on a campaign; each asks first and says what
 * the core did.  The form is tui_campaign_form.c. */
#ifndef MD_TUI_CAMPAIGN_H
#define MD_TUI_CAMPAIGN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/campaign.h"
#include "tui/tui_priv.h"

/* The actions on campaign C that both screens offer, in key-bar order. */
#define TUI_CAMPAIGN_ACTS \
	ACT_CAMPAIGN_START, ACT_ISSUE, ACT_CAMPAIGN_EDIT, ACT_CAMPAIGN_END

/* Start, issue, edit or end C after asking; true when ACT is one of
 * them (the screen then reloads: something may have changed). */
bool tui_campaign_do(struct tui *t, const struct campaign *c, enum tui_act act);

/* The campaigns read whole, for a screen that lists them (a shop has a
 * few dozen); SEL is the selected row, TOP the first one shown. */
struct tui_campaign_rows {
	struct campaign *rows;
	size_t n, cap;
	int sel, top;
	bool active_only;	/* only those that give coupons now */
};

/* Read them again; the selection stays on its campaign, or goes to a
 * new one (the last: numbers only grow).  False, with the reason on the
 * status line, when they cannot be read. */
bool tui_campaign_rows_load(struct tui *t, struct tui_campaign_rows *r);
/* Up, Down, PgUp (PAGE rows), ...: false when ACT is none of them. */
bool tui_campaign_rows_move(struct tui_campaign_rows *r, enum tui_act act, int page);
/* Keep the selected row among the ROWS shown. */
void tui_campaign_rows_scroll(struct tui_campaign_rows *r, int rows);
void tui_campaign_rows_free(struct tui_campaign_rows *r);

/* Redeemed of issued as "25.0%", or "-" before any is issued. */
void tui_campaign_rate(const struct campaign *c, char out[32]);

/* When its coupons may be used: "7 days from the day it is issued",
 * "2026-07-01 to 2026-07-31". */
void tui_campaign_validity(const struct campaign *c, char *out, size_t n);

#endif
