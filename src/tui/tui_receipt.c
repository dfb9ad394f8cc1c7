/* tui_receipt.c - a sale's receipt on the screen, and on paper
 *
 * The text is receipt_write()'s, the same bytes "memberdesk sale
 * receipt" prints.  F9 prints as "sale receipt --print" does (the
 * setting receipt_mode: a PDF or ESC/POS, on receipt_printer); a print
 * after the first says it is a copy.
 */
#include <config.h>

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "core/payment.h"
#include "core/receipt.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_screens.h"

/* 58 mm paper, as "sale receipt" prints by default. */
#define RECEIPT_WIDTH 32

struct receipt {
	struct sale sale;
	char *text;		/* for the printer */
	size_t len;
	char *body;		/* the same, split into lines in place */
	char **lines;
	int n, top;
};

static int
page(void)
{
	return tui_body_rows();
}

static void
scroll_to(struct receipt *r, int top)
{
	int last = r->n - page();

	if (top > last)
		top = last;
	if (top < 0)
		top = 0;
	r->top = top;
}

/* Beside the receipt: what the sale came to, and the keys. */
static void
draw_side(struct tui *t, struct receipt *r, int x)
{
	const struct sale *s = &r->sale;
	int y = tui_body_top() + 1, w = COLS - x - 1;
	char buf[256], m[40], n[32], k1[16], k2[16];

	if (w < 10)
		return;
	snprintf(buf, sizeof buf, _("Sale %lld"), (long long)s->id);
	tui_put_role(t, y++, x, buf, w, false, ROLE_HEADER);
	money_human(t->md, s->paid, m);
	snprintf(buf, sizeof buf, _("Paid %s by %s"), m, payment_label(s->payment));
	tui_put(y++, x, buf, w, false);
	if (s->member_id) {
		text_format_int(s->points_earned, n);
		snprintf(buf, sizeof buf, _("+%s points"), n);
		tui_put(y++, x, buf, w, false);
	}
	y++;
	/* TRANSLATORS: the keys: "F9 or p prints it." */
	snprintf(buf, sizeof buf, _("%s or %s prints it."),
		 tui_act_key(ACT_PRINT, 0, k1, sizeof k1), tui_act_key(ACT_PRINT, -1, k2, sizeof k2));
	tui_put_role(t, y++, x, buf, w, false, ROLE_DIM);
	/* TRANSLATORS: the keys: "Esc or Enter goes back." */
	snprintf(buf, sizeof buf, _("%s or %s goes back."),
		 tui_act_key(ACT_BACK, 0, k1, sizeof k1), tui_act_key(ACT_OPEN, 0, k2, sizeof k2));
	tui_put_role(t, y++, x, buf, w, false, ROLE_DIM);
	if (r->n > page())
		tui_put_role(t, y, x, _("Up, Down, PgUp and PgDn scroll it."), w,
			     false, ROLE_DIM);
}

static void
receipt_draw(struct tui *t, struct tui_view *v)
{
	struct receipt *r = v->state;
	int y, x = 2;

	scroll_to(r, r->top);	/* the screen may have shrunk */
	for (y = 0; y < page() && r->top + y < r->n; y++)
		tui_put(tui_body_top() + y, x, r->lines[r->top + y],
			RECEIPT_WIDTH, false);
	draw_side(t, r, x + RECEIPT_WIDTH + 4);
}

/* Print the receipt as receipt_mode says, on the receipt printer, and
 * say what lp said.  A second print is a copy. */
static void
print(struct tui *t, struct receipt *r)
{
	FILE *said = NULL;
	char *msg = NULL, line[256];
	struct receipt_job j;
	size_t n = 0;

	if (!(said = open_memstream(&msg, &n))) {
		tui_error(t, "%s", _("out of memory"));
		goto out;
	}
	if (receipt_job(t->md, &r->sale, RECEIPT_WIDTH, &j) ||
	    receipt_print(t->md, &r->sale, &j, said)) {
		tui_error(t, "%s", t->md->err);
		goto out;
	}
	fclose(said);
	said = NULL;
	text_trim(msg ? msg : "", line, sizeof line);
	if (*line)
		tui_say(t, _("Sent to the printer: %s"), line);
	else
		tui_say(t, "%s", _("Sent to the printer."));
out:
	if (said)
		fclose(said);
	free(msg);
}

static enum tui_result
receipt_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct receipt *r = v->state;

	switch (act) {
	case ACT_PRINT:
		print(t, r);
		return TUI_HANDLED;
	case ACT_UP:
		scroll_to(r, r->top - 1);
		return TUI_HANDLED;
	case ACT_DOWN:
		scroll_to(r, r->top + 1);
		return TUI_HANDLED;
	case ACT_PGUP:
		scroll_to(r, r->top - page());
		return TUI_HANDLED;
	case ACT_PGDN:
		scroll_to(r, r->top + page());
		return TUI_HANDLED;
	case ACT_HOME:
		scroll_to(r, 0);
		return TUI_HANDLED;
	case ACT_END:
		scroll_to(r, r->n);
		return TUI_HANDLED;
	case ACT_BACK:
		break;
	default:
		/* Enter is done with the receipt, as Esc is. */
		if (key != '\r' && key != '\n' && key != TK(KEY_ENTER))
			return TUI_IGNORED;
		break;
	}
	/* The card or the find screen below reloads its balances. */
	tui_pop(t);
	return TUI_HANDLED;
}

static void
receipt_free(struct tui_view *v)
{
	struct receipt *r = v->state;

	free(r->text);
	free(r->body);
	free(r->lines);
	free(r);
}

static const enum tui_act receipt_acts[] = {
	ACT_PRINT, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN, ACT_HOME, ACT_END,
	ACT_NONE
};

static const struct tui_screen receipt_screen = {
	.name = N_("Receipt"),
	.acts = receipt_acts,
	.draw = receipt_draw,
	.key = receipt_key,
	.free = receipt_free,
};

/* receipt_write() into R->text, and R->lines pointing into a copy. */
static int
render(struct tui *t, struct receipt *r)
{
	char shop[SETTING_MAX], *p;
	bool bad;
	FILE *fp;

	if (settings_get(t->md, "shop_name", shop))
		text_copy(shop, sizeof shop, t->shop);
	if (!(fp = open_memstream(&r->text, &r->len)))
		return md_fail(t->md, MD_ENOMEM, "%s", _("out of memory"));
	bad = receipt_write(t->md, fp, &r->sale, shop, RECEIPT_WIDTH) < 0;
	if (fclose(fp) || bad || !(r->body = strdup(r->text)))
		return md_fail(t->md, MD_ENOMEM, "%s", _("out of memory"));
	/* As many lines as newlines, at most: one pointer each. */
	if (!(r->lines = calloc(r->len + 1, sizeof *r->lines)))
		return md_fail(t->md, MD_ENOMEM, "%s", _("out of memory"));
	for (p = r->body; *p; r->n++) {
		r->lines[r->n] = p;
		p += strcspn(p, "\n");
		if (*p)
			*p++ = '\0';
	}
	return MD_OK;
}

bool
tui_receipt_open(struct tui *t, const struct sale *s, bool replace)
{
	struct receipt *r = calloc(1, sizeof *r);
	struct tui_view v = {&receipt_screen, r};

	if (!r) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	r->sale = *s;
	if (render(t, r)) {
		tui_error(t, "%s", t->md->err);
		receipt_free(&v);
		return false;
	}
	return replace ? tui_replace(t, &receipt_screen, r) :
	       tui_push(t, &receipt_screen, r);
}
