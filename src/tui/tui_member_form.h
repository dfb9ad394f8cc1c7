/* tui_member_form.h - a form about one member, opened from the card
 *
 * Top up, points adjustment and edit are the same kind of screen: a
 * line saying what it is, the fields, perhaps something worked out live
 * under them; Esc goes back to the card with nothing written, a save
 * goes back to the card (which reloads) and says what was done, a
 * failed save stays with what was typed and the core's reason.  Each
 * form gives only what differs (struct member_form_ops).
 *
 * The payment choice and the amount check live here too, so that every
 * form that takes money asks for it the same way. */
#ifndef MD_TUI_MEMBER_FORM_H
#define MD_TUI_MEMBER_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/member.h"
#include "core/wallet.h"
#include "tui/tui_form.h"

#define MEMBER_FORM_FIELDS 8

struct member_form;

struct member_form_ops {
	const char *intro;	/* N_(): the line above the fields */
	const char *cancelled;	/* N_(): said when Esc drops the form */
	/* Set up the fields (labels, checks, what they start with). */
	void (*init)(struct tui *t, struct member_form *f);
	/* Draw what follows from the fields from row Y; may be NULL. */
	void (*live)(struct tui *t, struct member_form *f, int y);
	/* Write; on success MSG gets what to say on the card.  MD_OK or a
	 * core status with the reason in t->md->err. */
	int (*save)(struct tui *t, struct member_form *f, char *msg, size_t n);
};

struct member_form {
	struct tui_form form;
	struct tui_field fields[MEMBER_FORM_FIELDS];
	struct member m;	/* as it was when the form opened */
	const struct member_form_ops *ops;
	/* The top-up form's bonus rules, read once. */
	struct wallet_rule rules[WALLET_RULES_MAX];
	int nrules;
};

/* Open SCR (one of the screens MEMBER_FORM_SCREEN() makes) for member
 * MEMBER_ID with OPS. */
bool tui_member_form_open(struct tui *t, int64_t member_id,
			  const struct tui_screen *scr,
			  const struct member_form_ops *ops);

/* The screen ops every member form shares. */
void tui_member_form_draw(struct tui *t, struct tui_view *v);
enum tui_result tui_member_form_key(struct tui *t, struct tui_view *v, int key,
				    enum tui_act act);
extern const enum tui_act tui_member_form_acts[];

#define MEMBER_FORM_SCREEN(title) { \
	.name = (title), \
	.acts = tui_member_form_acts, \
	.draw = tui_member_form_draw, \
	.key = tui_member_form_key, \
	.typing = tui_form_typing, \
	.dirty = tui_form_dirty, \
	.free = tui_form_free, \
}

/* A payment field of the core's methods (payment.h), shown translated:
 * those that may top up, and stored value too with WALLET;
 * tui_payment_key() gives the key the core takes. */
void tui_payment_field(struct tui_field *f, bool wallet);
const char *tui_payment_key(const struct tui_field *f);

/* Field checks with the core's (the CLI's) messages: an amount in yuan;
 * a member's name, birthday (empty clears it), tag list and note. */
int tui_check_amount(struct tui *t, struct tui_field *f, void *arg);
int tui_check_name(struct tui *t, struct tui_field *f, void *arg);
int tui_check_birthday(struct tui *t, struct tui_field *f, void *arg);
int tui_check_tags(struct tui *t, struct tui_field *f, void *arg);
int tui_check_note(struct tui *t, struct tui_field *f, void *arg);

#endif
