/* tui_campaigns.c - 优惠券活动: the coupon campaigns, and what is done
 * to them
 *
 * Every campaign on a line: its offer, status, the coupons issued and
 * redeemed and the rate, as "coupon campaign list" has them.  From here
 * a campaign is made, changed, started, issued and ended (each after a
 * question), and Enter opens one with its figures.  A shop has a few
 * dozen campaigns, not thousands: the list is read whole. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/coupon.h"
#include "core/coupon_stats.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_campaign.h"
#include "tui/tui_screens.h"

void
tui_campaign_rate(const struct campaign *c, char out[32])
{
	const struct coupon_stats_row r = {.issued = c->issued, .redeemed = c->redeemed};

	coupon_stats_rate(&r, out);
	if (!*out)
		strcpy(out, "-");
}

void
tui_campaign_validity(const struct campaign *c, char *out, size_t n)
{
	if (c->valid_days)
		snprintf(out, n, P_("%d day from the day it is issued",
				    "%d days from the day it is issued", c->valid_days),
			 c->valid_days);
	else
		snprintf(out, n, _("%s to %s"), c->valid_from, c->valid_to);
}

/* ---- What is done to a campaign --------------------------------------- */

/* "3 coupons; 1 member has as many as one may": what an issue gives. */
static void
issue_words(const struct coupon_issue_result *r, char *out, size_t n)
{
	char a[32], b[32], c[32];
	size_t o;

	text_format_int(r->issued, a);
	text_format_int(r->at_limit, b);
	text_format_int(r->over_total, c);
	o = (size_t)snprintf(out, n, P_("%s coupon", "%s coupons", r->issued), a);
	if (r->at_limit && o < n)
		o += (size_t)snprintf(out + o, n - o,
				      P_("; %s member has as many as one may",
					 "; %s members have as many as one may", r->at_limit), b);
	if (r->over_total && o < n)
		snprintf(out + o, n - o, P_("; %s more would pass the campaign's total",
					    "; %s more would pass the campaign's total",
					    r->over_total), c);
}

/* Issue: first what it would do (the core's dry run), then, asked, do it. */
static void
issue(struct tui *t, const struct campaign *c)
{
	struct coupon_issue_result r;
	char key[24], words[256];

	snprintf(key, sizeof key, "%lld", (long long)c->id);
	if (coupon_issue(t->md, key, true, NULL, NULL, &r)) {
		tui_error(t, "%s", t->md->err);
		return;
	}
	issue_words(&r, words, sizeof words);
	if (!r.issued) {
		tui_error(t, _("Nothing to issue for %s: %s."), c->name, words);
		return;
	}
	/* TRANSLATORS: "Issue 1,234 coupons of 双十一 (...)?" */
	if (!tui_confirm(t, false, _("Issue %s of %s?"), words, c->name)) {
		tui_say(t, "%s", _("Nothing was issued."));
		return;
	}
	if (coupon_issue(t->md, key, false, NULL, NULL, &r)) {
		tui_error(t, "%s", t->md->err);
		return;
	}
	issue_words(&r, words, sizeof words);
	tui_say(t, _("Issued %s of %s."), words, c->name);
}

static void
set_status(struct tui *t, const struct campaign *c, bool start)
{
	char key[24];
	int rc;

	snprintf(key, sizeof key, "%lld", (long long)c->id);
	if (start ? !tui_confirm(t, false, _("Start campaign %s: its coupons may be issued and used from now on?"),
				 c->name)
		  : !tui_confirm(t, false, _("End campaign %s: none of its coupons can be used after this?"),
				 c->name)) {
		tui_say(t, "%s", _("Nothing changed."));
		return;
	}
	rc = start ? campaign_start(t->md, key) : campaign_end(t->md, key);
	if (rc)
		tui_error(t, "%s", t->md->err);
	else if (start)
		tui_say(t, _("Campaign %s is running: %s issues its coupons."), c->name,
			tui_act_key(ACT_ISSUE, 0, key, sizeof key));
	else
		tui_say(t, _("Campaign %s has ended."), c->name);
}

bool
tui_campaign_do(struct tui *t, const struct campaign *c, enum tui_act act)
{
	switch (act) {
	case ACT_CAMPAIGN_START:
	case ACT_CAMPAIGN_END:
		if (c->status != (act == ACT_CAMPAIGN_START ? CAMPAIGN_DRAFT : CAMPAIGN_ACTIVE)) {
			/* Not in the state for it: nothing to ask, the core
			 * says why. */
			char key[24];

			snprintf(key, sizeof key, "%lld", (long long)c->id);
			if ((act == ACT_CAMPAIGN_START ? campaign_start : campaign_end)(t->md, key))
				tui_error(t, "%s", t->md->err);
			return true;
		}
		set_status(t, c, act == ACT_CAMPAIGN_START);
		return true;
	case ACT_ISSUE:
		issue(t, c);
		return true;
	case ACT_CAMPAIGN_EDIT:
		tui_campaign_form_open(t, c->id);
		return true;
	default:
		return false;
	}
}

/* ---- The list ---------------------------------------------------------- */

struct gather {
	struct md *md;
	struct tui_campaign_rows *r;
};

static int
keep_row(void *arg, const struct campaign *c)
{
	struct gather *g = arg;
	struct tui_campaign_rows *r = g->r;

	if (r->active_only && c->status != CAMPAIGN_ACTIVE)
		return MD_OK;
	if (!md_grow(g->md, &r->rows, &r->cap, r->n, sizeof *r->rows))
		return MD_ENOMEM;
	r->rows[r->n++] = *c;
	return MD_OK;
}

bool
tui_campaign_rows_load(struct tui *t, struct tui_campaign_rows *r)
{
	int64_t sel = r->n && (size_t)r->sel < r->n ? r->rows[r->sel].id : 0;
	struct gather g = {t->md, r};
	size_t old = r->n, i;

	r->n = 0;
	if (campaign_list(t->md, keep_row, &g)) {
		tui_error(t, "%s", t->md->err);
		return false;
	}
	r->sel = 0;
	for (i = 0; i < r->n; i++)
		if (r->rows[i].id == sel)
			r->sel = (int)i;
	if (old && r->n > old)
		r->sel = (int)r->n - 1;
	return true;
}

bool
tui_campaign_rows_move(struct tui_campaign_rows *r, enum tui_act act, int page)
{
	switch (act) {
	case ACT_UP: r->sel--; break;
	case ACT_DOWN: r->sel++; break;
	case ACT_PGUP: r->sel -= page; break;
	case ACT_PGDN: r->sel += page; break;
	case ACT_HOME: r->sel = 0; break;
	case ACT_END: r->sel = (int)r->n - 1; break;
	default: return false;
	}
	if (r->sel >= (int)r->n)
		r->sel = (int)r->n - 1;
	if (r->sel < 0)
		r->sel = 0;
	return true;
}

void
tui_campaign_rows_scroll(struct tui_campaign_rows *r, int rows)
{
	if (r->sel < r->top)
		r->top = r->sel;
	if (r->sel >= r->top + rows)
		r->top = r->sel - rows + 1;
}

void
tui_campaign_rows_free(struct tui_campaign_rows *r)
{
	free(r->rows);
}

static int
list_rows(void)
{
	return tui_body_rows() - 3;	/* the summary, a blank, the header */
}

/* Columns for COLS: the name as wide as the longest (up to
 * CAMPAIGN_NAME_COLS, and leaving the offer OFFER_MIN), the offer the
 * rest. */
struct cols {
	int no, name, offer, status, issued, redeemed, rate;
};

enum { OFFER_MIN = 20 };

static void
layout(const struct tui_campaign_rows *l, struct cols *c)
{
	int rest, w;

	*c = (struct cols){.no = 4, .name = text_width(_("Campaign")), .status = 6, .issued = 7,
			   .redeemed = 8, .rate = 6};
	/* The status as wide as its longest word ("running", 进行中). */
	for (int s = CAMPAIGN_DRAFT; s <= CAMPAIGN_ENDED; s++)
		if ((w = text_width(campaign_status_label(s))) > c->status)
			c->status = w;
	for (size_t i = 0; i < l->n; i++)
		if ((w = text_width(l->rows[i].name)) > c->name)
			c->name = w;
	rest = COLS - 2 - 6 - (c->no + c->status + c->issued + c->redeemed + c->rate);
	if (c->name > CAMPAIGN_NAME_COLS)
		c->name = CAMPAIGN_NAME_COLS;
	if (c->name > rest - OFFER_MIN)
		c->name = rest - OFFER_MIN;
	c->offer = rest - c->name;
}

static void
draw_row(struct tui *t, int y, const struct cols *c, const char *const cell[7],
	 enum tui_role role)
{
	const int w[7] = {c->no, c->name, c->offer, c->status, c->issued, c->redeemed, c->rate};
	const bool right[7] = {true, false, false, false, true, true, true};
	int x = 1, i, a = tui_attr(t, role);

	attron(a);
	mvhline(y, 0, ' ', COLS);
	for (i = 0; i < 7; i++) {
		tui_put(y, x, cell[i], w[i], right[i]);
		x += w[i] + 1;
	}
	attroff(a);
}

static void
draw_summary(struct tui *t, const struct tui_campaign_rows *l)
{
	char msg[256], key[16];
	int active = 0, n = (int)l->n;

	for (size_t i = 0; i < l->n; i++)
		active += l->rows[i].status == CAMPAIGN_ACTIVE;
	tui_act_key(ACT_CAMPAIGN_NEW, 0, key, sizeof key);
	if (!n)
		/* TRANSLATORS: %s is the key (F2). */
		snprintf(msg, sizeof msg, _("No campaigns yet: %s makes the first one."), key);
	else
		/* TRANSLATORS: "3 campaigns, 1 running. Enter shows one." */
		snprintf(msg, sizeof msg, P_("%d campaign, %d running. Enter shows one.",
					     "%d campaigns, %d running. Enter shows one.", n),
			 n, active);
	tui_put_role(t, tui_body_top(), 1, msg, COLS - 2, false, ROLE_DIM);
}

static void
campaigns_draw(struct tui *t, struct tui_view *v)
{
	struct tui_campaign_rows *l = v->state;
	const char *head[7] = {
		_("No."), _("Campaign"), _("Offer"), _("Status"), _("Issued"),
		_("Redeemed"), _("Rate"),
	};
	int y = tui_body_top() + 3, rows = list_rows(), i;
	char no[24], offer[200], issued[32], redeemed[32], rate[32];
	struct cols c;

	layout(l, &c);
	draw_summary(t, l);
	draw_row(t, y - 1, &c, head, ROLE_HEADER);
	tui_campaign_rows_scroll(l, rows);
	for (i = 0; i < rows && (size_t)(l->top + i) < l->n; i++) {
		const struct campaign *k = &l->rows[l->top + i];
		const char *cell[7] = {no, k->name, offer, campaign_status_label(k->status),
				       issued, redeemed, rate};

		snprintf(no, sizeof no, "%lld", (long long)k->id);
		campaign_offer(t->md, k, offer, sizeof offer);
		text_format_int(k->issued, issued);
		text_format_int(k->redeemed, redeemed);
		tui_campaign_rate(k, rate);
		draw_row(t, y + i, &c, cell, l->top + i == l->sel ? ROLE_SELECTED : ROLE_NORMAL);
	}
}

static enum tui_result
campaigns_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct tui_campaign_rows *l = v->state;
	const struct campaign *c = l->n ? &l->rows[l->sel] : NULL;

	(void)key;
	if (tui_campaign_rows_move(l, act, list_rows()))
		return TUI_HANDLED;
	switch (act) {
	case ACT_CAMPAIGN_NEW:
		tui_campaign_form_open(t, 0);
		return TUI_HANDLED;
	case ACT_CAMPAIGN_SHOW:
		if (c)
			tui_campaign_show_open(t, c->id);
		return TUI_HANDLED;
	default:
		break;
	}
	if (c && tui_campaign_do(t, c, act)) {
		if (t->stack[t->depth - 1].state == v->state)	/* not under a form now */
			tui_campaign_rows_load(t, l);
		return TUI_HANDLED;
	}
	return TUI_IGNORED;
}

static void
campaigns_resume(struct tui *t, struct tui_view *v)
{
	tui_campaign_rows_load(t, v->state);
}

static void
campaigns_free(struct tui_view *v)
{
	tui_campaign_rows_free(v->state);
	free(v->state);
}

static const enum tui_act campaigns_acts[] = {
	ACT_CAMPAIGN_NEW, TUI_CAMPAIGN_ACTS, ACT_CAMPAIGN_SHOW, ACT_UP, ACT_DOWN,
	ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END, ACT_NONE
};

static const struct tui_screen campaigns_screen = {
	.name = N_("Coupon campaigns"),
	.acts = campaigns_acts,
	.draw = campaigns_draw,
	.key = campaigns_key,
	.resume = campaigns_resume,
	.free = campaigns_free,
};

bool
tui_campaigns_open(struct tui *t)
{
	struct tui_campaign_rows *l = calloc(1, sizeof *l);

	if (!l) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	if (!tui_campaign_rows_load(t, l)) {
		free(l);
		return false;
	}
	return tui_push(t, &campaigns_screen, l);
}
