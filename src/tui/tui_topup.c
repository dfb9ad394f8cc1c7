/* tui_topup.c - 充值: stored value for the member on the card
 *
 * The bonus rules are shown, and what the amount typed brings is worked
 * out as it is typed.  Every check is the core's (tui_member_form.c does
 * the rest of the form). */
#include <config.h>

#include <curses.h>
#include <stdio.h>

#include "core/money.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_member_form.h"
#include "tui/tui_screens.h"

enum { T_AMOUNT, T_PAYMENT, T_NOTE, T_COUNT };

static void
topup_init(struct tui *t, struct member_form *f)
{
	f->fields[T_AMOUNT] = (struct tui_field){.label = N_("Amount"), .width = 14,
						 .check = tui_check_amount,
						 .hint = N_("yuan, such as 100")};
	tui_payment_field(&f->fields[T_PAYMENT], false);
	f->fields[T_NOTE] = (struct tui_field){.label = N_("Note"), .width = 40,
					       .check = tui_check_note};
	f->form.n = T_COUNT;
	/* The rules cannot change while the form is open; a broken setting
	 * shows as no rules here and is refused by the save. */
	if (wallet_rules_get(t->md, f->rules, &f->nrules))
		f->nrules = 0;
}

/* "Recharge ¥100.00 or more: bonus ¥20.00", a line per rule, from row
 * Y at most ROWS of them; the next free row. */
static int
draw_rules(struct tui *t, const struct member_form *f, int y, int lw, int rows)
{
	char line[200], a[40], b[40];
	int i;

	if (!f->nrules) {
		tui_put_pair(t, y, 2, lw, _("Bonus"),
			     _("No bonus rules: a recharge gives no bonus."), COLS - 4);
		return y + 1;
	}
	for (i = 0; i < f->nrules && i < rows; i++, y++) {
		money_human(t->md, f->rules[i].amount, a);
		money_human(t->md, f->rules[i].bonus, b);
		snprintf(line, sizeof line, _("Recharge %s or more: bonus %s"), a, b);
		tui_put_pair(t, y, 2, lw, i ? "" : _("Bonus"), line, COLS - 4);
	}
	return y;
}

static int
label_width(const char *const *labels, int n)
{
	int i, w = 0;

	for (i = 0; i < n; i++)
		if (text_width(labels[i]) > w)
			w = text_width(labels[i]);
	return w;
}

/* The rules, the balance now, and for the amount typed (when it is
 * one) the bonus it earns and the balance after. */
static void
topup_live(struct tui *t, struct member_form *f, int y)
{
	const char *labels[] = {_("Bonus"), _("Balance"), _("This top-up"),
				_("Balance after")};
	int64_t now = f->m.wallet_principal + f->m.wallet_bonus, fen, bonus;
	int lw = label_width(labels, 4);
	char a[40], b[40], line[128];

	y = draw_rules(t, f, y, lw, LINES - 2 - 4 - y);
	money_human(t->md, now, a);
	tui_put_pair(t, y + 1, 2, lw, labels[1], a, COLS - 4);
	if (money_parse(t->md, "", tui_form_text(&f->form, T_AMOUNT), &fen, 0) ||
	    wallet_bonus_for(t->md, fen, &bonus))
		return;
	money_human(t->md, fen, a);
	money_human(t->md, bonus, b);
	snprintf(line, sizeof line, _("%s + %s bonus"), a, b);
	tui_put_pair(t, y + 2, 2, lw, labels[2], line, COLS - 4);
	money_human(t->md, now + fen + bonus, a);
	tui_put_role(t, y + 3, 2, labels[3], lw, false, ROLE_LABEL);
	tui_put_role(t, y + 3, 2 + lw + 2, a, COLS - 6 - lw, false, ROLE_GOOD);
}

static int
topup_save(struct tui *t, struct member_form *f, char *msg, size_t n)
{
	char p[40], b[40], total[40];
	struct wallet_result r;
	int rc;

	rc = wallet_recharge(t->md, f->m.card, tui_form_text(&f->form, T_AMOUNT),
			     tui_payment_key(&f->fields[T_PAYMENT]),
			     tui_form_text(&f->form, T_NOTE), &r);
	if (rc)
		return rc;
	money_human(t->md, r.principal, p);
	money_human(t->md, r.bonus, b);
	money_human(t->md, r.principal_after + r.bonus_after, total);
	snprintf(msg, n, _("Topped up %s + %s bonus: balance %s"), p, b, total);
	return MD_OK;
}

static const struct member_form_ops topup_ops = {
	.intro = N_("Top up stored value: the bonus follows the rules below."),
	.cancelled = N_("Top-up cancelled: nothing was saved."),
	.init = topup_init,
	.live = topup_live,
	.save = topup_save,
};

static const struct tui_screen topup_screen = MEMBER_FORM_SCREEN(N_("Top up"));

bool
tui_topup_open(struct tui *t, int64_t member_id)
{
	return tui_member_form_open(t, member_id, &topup_screen, &topup_ops);
}
