/* receipt.c - receipts, and coupon slips
 *
 * Labels on the left, amounts on the right, both measured in display
 * columns so that a Chinese receipt lines up on the printer as an
 * English one does.  A line too long for the paper puts its value on a
 * line of its own.
 */
#include <config.h>

#include <string.h>

#include "core/money.h"
#include "core/payment.h"
#include "core/receipt.h"
#include "core/text.h"
#include "core/tier.h"
#include "i18n.h"

void
receipt_rule(FILE *fp, int width, char c)
{
	while (width-- > 0)
		putc(c, fp);
	putc('\n', fp);
}

void
receipt_centre(FILE *fp, const char *s, int width)
{
	int w = text_width(s);

	if (w >= width) {
		text_put_cell(fp, s, width, false);
	} else {
		fprintf(fp, "%*s", (width - w) / 2, "");
		fputs(s, fp);
	}
	putc('\n', fp);
}

void
receipt_line(FILE *fp, const char *label, const char *value, int width)
{
	int lw = text_width(label), vw = text_width(value);

	if (lw + 1 + vw > width) {
		text_put_cell(fp, label, lw < width ? lw : width, false);
		putc('\n', fp);
		lw = 0;
	} else {
		fputs(label, fp);
	}
	text_put_cell(fp, value, width - lw, true);
	putc('\n', fp);
}

static void
money_line(struct md *md, FILE *fp, const char *label, int64_t fen, bool minus,
	   int width)
{
	char v[48], m[40];

	money_human(md, fen, m);
	snprintf(v, sizeof v, "%s%s", minus ? "-" : "", m);
	receipt_line(fp, label, v, width);
}

int
receipt_write(struct md *md, FILE *fp, const struct sale *s, const char *shop, int width)
{
	return receipt_text(md, fp, s, shop, width, false);
}

int
receipt_text(struct md *md, FILE *fp, const struct sale *s, const char *shop, int width,
	     bool copy)
{
	char buf[512], n[32], m[40];

	receipt_centre(fp, *shop ? shop : "memberdesk", width);
	receipt_rule(fp, width, '=');
	if (copy) {
		/* TRANSLATORS: on a receipt printed again. */
		receipt_centre(fp, _("*** COPY ***"), width);
		receipt_rule(fp, width, '-');
	}
	snprintf(buf, sizeof buf, _("Sale %lld"), (long long)s->id);
	receipt_line(fp, buf, s->sold_at, width);
	if (*s->ticket)
		receipt_line(fp, _("Ticket"), s->ticket, width);
	if (s->member_id) {
		snprintf(buf, sizeof buf, "%s %s", s->card, s->name);
		receipt_line(fp, _("Member"), buf, width);
		if (*s->tier)
			receipt_line(fp, _("Tier"), s->tier, width);
	} else {
		receipt_line(fp, _("Member"), _("walk-in"), width);
	}
	if (*s->category)
		receipt_line(fp, _("Category"), s->category, width);
	receipt_rule(fp, width, '-');
	money_line(md, fp, _("Amount"), s->amount, false, width);
	if (s->tier_discount) {
		char pct[16];

		tier_discount_text(s->discount_pct, pct);
		snprintf(buf, sizeof buf, _("Tier discount %s"), pct);
		money_line(md, fp, buf, s->tier_discount, true, width);
	}
	if (s->coupon_discount)
		money_line(md, fp, _("Coupon"), s->coupon_discount, true, width);
	for (const char *g = s->gift, *nl; *g; g = *nl ? nl + 1 : nl) {
		char one[sizeof s->gift];

		nl = g + strcspn(g, "\n");
		snprintf(one, sizeof one, "%.*s", (int)(nl - g), g);
		receipt_line(fp, _("Gift"), one, width);
	}
	if (s->points_used) {
		text_format_int(s->points_used, n);
		snprintf(buf, sizeof buf, _("Points used %s"), n);
		money_line(md, fp, buf, s->points_value, true, width);
	}
	receipt_rule(fp, width, '-');
	money_line(md, fp, _("Total"), s->paid, false, width);
	receipt_line(fp, _("Paid by"), payment_label(s->payment), width);
	if (s->member_id) {
		receipt_rule(fp, width, '-');
		text_format_int(s->points_earned, n);
		snprintf(buf, sizeof buf, "+%s", n);
		receipt_line(fp, _("Points earned"), buf, width);
		text_format_int(s->points_after, n);
		receipt_line(fp, _("Points balance"), n, width);
		money_human(md, s->wallet_after, m);
		receipt_line(fp, _("Stored value"), m, width);
		if (*s->upgraded_to) {
			snprintf(buf, sizeof buf, _("Welcome to %s!"), s->upgraded_to);
			receipt_centre(fp, buf, width);
		}
	}
	if (*s->voided_at) {
		receipt_rule(fp, width, '-');
		snprintf(buf, sizeof buf, _("VOID %s"), s->voided_at);
		receipt_centre(fp, buf, width);
	}
	receipt_rule(fp, width, '=');
	receipt_centre(fp, _("Thank you"), width);
	return ferror(fp) ? -1 : 0;
}

int
receipt_coupon_slip(struct md *md, FILE *fp, const struct coupon *k, const char *shop,
		    int width)
{
	char buf[512], shown[COUPON_SHOWN_MAX];

	receipt_centre(fp, *shop ? shop : "memberdesk", width);
	receipt_rule(fp, width, '=');
	receipt_centre(fp, _("COUPON"), width);
	receipt_centre(fp, k->campaign.name, width);
	campaign_offer(md, &k->campaign, buf, sizeof buf);
	receipt_centre(fp, buf, width);
	receipt_rule(fp, width, '-');
	if (*k->card) {
		snprintf(buf, sizeof buf, "%s %s", k->card, k->name);
		receipt_line(fp, _("Member"), buf, width);
	}
	coupon_code_show(k->code, shown);
	receipt_line(fp, _("Code"), shown, width);
	receipt_line(fp, _("Valid from"), k->valid_from, width);
	receipt_line(fp, _("Valid until"), k->expires, width);
	if (*k->campaign.not_on)
		receipt_line(fp, _("Not on"), k->campaign.not_on, width);
	receipt_rule(fp, width, '-');
	/* The code once more, alone, for the eye and for a scanner. */
	receipt_centre(fp, shown, width);
	receipt_rule(fp, width, '=');
	receipt_centre(fp, _("Show this slip at the counter"), width);
	return ferror(fp) ? -1 : 0;
}
