/* tui_topup.c - 充值, points adjustments and the member edit form
 *
 * Three forms about the member on the card (tui_member_form.c does the
 * rest).  Every check is the core's, so what a field says is what the
 * CLI would say. */
#include <config.h>

#include <curses.h>
#include <string.h>

#include "core/money.h"
#include "core/points.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_member_form.h"
#include "tui/tui_screens.h"

/* ---- Top up ---------------------------------------------------------- */

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
		money_format_human(f->rules[i].amount, a);
		money_format_human(f->rules[i].bonus, b);
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
	money_format_human(now, a);
	tui_put_pair(t, y + 1, 2, lw, labels[1], a, COLS - 4);
	if (money_parse(t->md, "", tui_form_text(&f->form, T_AMOUNT), &fen, 0) ||
	    wallet_bonus_for(t->md, fen, &bonus))
		return;
	money_format_human(fen, a);
	money_format_human(bonus, b);
	snprintf(line, sizeof line, _("%s + %s bonus"), a, b);
	tui_put_pair(t, y + 2, 2, lw, labels[2], line, COLS - 4);
	money_format_human(now + fen + bonus, a);
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
	money_format_human(r.principal, p);
	money_format_human(r.bonus, b);
	money_format_human(r.principal_after + r.bonus_after, total);
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

/* ---- Points adjustment ----------------------------------------------- */

enum { P_DELTA, P_REASON, P_COUNT };

static int
check_delta(struct tui *t, struct tui_field *f, void *arg)
{
	int64_t n;

	(void)arg;
	return points_check_delta(t->md, f->edit.buf, &n);
}

static int
check_reason(struct tui *t, struct tui_field *f, void *arg)
{
	char reason[MEMBER_NOTE_MAX];

	(void)arg;
	return points_check_reason(t->md, f->edit.buf, reason);
}

static void
points_init(struct tui *t, struct member_form *f)
{
	(void)t;
	f->fields[P_DELTA] = (struct tui_field){.label = N_("Points"), .width = 12,
						.check = check_delta,
						.hint = N_("+N adds, -N takes away")};
	f->fields[P_REASON] = (struct tui_field){.label = N_("Reason"), .width = 40,
						 .check = check_reason};
	f->form.n = P_COUNT;
}

static void
points_live(struct tui *t, struct member_form *f, int y)
{
	char n[32], line[64];

	text_format_int(f->m.points, n);
	snprintf(line, sizeof line, _("Balance now: %s points"), n);
	tui_put_role(t, y, 2, line, COLS - 4, false, ROLE_DIM);
}

static int
points_save(struct tui *t, struct member_form *f, char *msg, size_t n)
{
	struct points_result r;
	char d[32], b[32];
	int rc;

	rc = points_adjust(t->md, f->m.card, tui_form_text(&f->form, P_DELTA),
			   tui_form_text(&f->form, P_REASON), &r);
	if (rc)
		return rc;
	text_format_int(r.delta, d);
	text_format_int(r.balance, b);
	/* The words of "points adjust", without the newline. */
	snprintf(msg, n, _("%s (%s): %s%s points, balance %s"), r.card, r.name,
		 r.delta > 0 ? "+" : "", d, b);
	return MD_OK;
}

static const struct member_form_ops points_ops = {
	.intro = N_("Add or take away points by hand; the reason is kept in the ledger."),
	.cancelled = N_("Points unchanged."),
	.init = points_init,
	.live = points_live,
	.save = points_save,
};

static const struct tui_screen points_screen = MEMBER_FORM_SCREEN(N_("Adjust points"));

bool
tui_points_open(struct tui *t, int64_t member_id)
{
	return tui_member_form_open(t, member_id, &points_screen, &points_ops);
}

/* ---- Edit ------------------------------------------------------------ */

enum { E_PHONE, E_NAME, E_BIRTHDAY, E_GENDER, E_TAGS, E_NOTE, E_COUNT };

static const char *const genders[] = {
	N_("unknown"), N_("male"), N_("female"), NULL
};

/* Another member's phone is refused as the CLI refuses it; an empty
 * one is the core's to allow (phone_required). */
static int
check_phone(struct tui *t, struct tui_field *f, void *arg)
{
	const struct member_form *mf = arg;
	char phone[PHONE_MAX], trimmed[64];
	int rc;

	text_trim(f->edit.buf, trimmed, sizeof trimmed);
	if (!*trimmed)
		return MD_OK;
	if ((rc = member_check_phone(t->md, f->edit.buf, phone)))
		return rc;
	return member_check_phone_free(t->md, phone, mf->m.id);
}

/* "VIP;学生" as the form shows it: "VIP, 学生". */
static void
tags_for_form(const char *stored, struct tui_edit *e)
{
	char buf[MEMBER_TAGLIST_MAX * 2];
	size_t o = 0;

	for (; *stored && o + 3 < sizeof buf; stored++) {
		if (*stored == ';') {
			buf[o++] = ',';
			buf[o++] = ' ';
		} else {
			buf[o++] = *stored;
		}
	}
	buf[o] = '\0';
	tui_edit_set(e, buf);
}

static void
edit_init(struct tui *t, struct member_form *f)
{
	struct tui_field *fl = f->fields;

	(void)t;
	fl[E_PHONE] = (struct tui_field){.label = N_("Phone"), .width = 16,
					 .check = check_phone};
	fl[E_NAME] = (struct tui_field){.label = N_("Name"), .width = 34,
					.check = tui_check_name};
	fl[E_BIRTHDAY] = (struct tui_field){.label = N_("Birthday"), .width = 12,
					    .check = tui_check_birthday,
					    .hint = N_("YYYY-MM-DD or MM-DD")};
	fl[E_GENDER] = (struct tui_field){.label = N_("Gender"), .width = 12,
					  .kind = FIELD_CHOICE, .choices = genders,
					  .choice = f->m.gender};
	fl[E_TAGS] = (struct tui_field){.label = N_("Tags"), .width = 30,
					.check = tui_check_tags,
					.hint = N_("separated by commas")};
	fl[E_NOTE] = (struct tui_field){.label = N_("Note"), .width = 50,
					.check = tui_check_note};
	tui_edit_set(&fl[E_PHONE].edit, f->m.phone);
	tui_edit_set(&fl[E_NAME].edit, f->m.name);
	tui_edit_set(&fl[E_BIRTHDAY].edit, f->m.birthday);
	tags_for_form(f->m.tags, &fl[E_TAGS].edit);
	tui_edit_set(&fl[E_NOTE].edit, f->m.note);
	f->form.n = E_COUNT;
}

static int
edit_save(struct tui *t, struct member_form *f, char *msg, size_t n)
{
	char tags[MEMBER_TAGS_MAX][MEMBER_TAG_MAX], name[MEMBER_NAME_MAX];
	const char *tagp[MEMBER_TAGS_MAX];
	struct member_input in = {.tags = tagp};	/* a list: it replaces */
	size_t i;
	int rc;

	in.phone = tui_form_text(&f->form, E_PHONE);
	in.name = tui_form_text(&f->form, E_NAME);
	in.birthday = tui_form_text(&f->form, E_BIRTHDAY);
	in.gender = member_gender_key(f->fields[E_GENDER].choice);
	in.note = tui_form_text(&f->form, E_NOTE);
	if ((rc = member_split_tags(t->md, tui_form_text(&f->form, E_TAGS), tags,
				    &in.ntags)))
		return rc;
	for (i = 0; i < in.ntags; i++)
		tagp[i] = tags[i];
	if ((rc = member_edit(t->md, f->m.card, &in)))
		return rc;
	member_check_name(t->md, in.name, name);
	snprintf(msg, n, _("Saved the changes to %s."), name);
	return MD_OK;
}

static const struct member_form_ops edit_ops = {
	.intro = N_("Change the member's details; an empty field clears it."),
	.cancelled = N_("Edit cancelled: nothing was saved."),
	.init = edit_init,
	.save = edit_save,
};

static const struct tui_screen edit_screen = MEMBER_FORM_SCREEN(N_("Edit member"));

bool
tui_edit_open(struct tui *t, int64_t member_id)
{
	return tui_member_form_open(t, member_id, &edit_screen, &edit_ops);
}
