/* tui_points.c - a points adjustment for the member on the card
 *
 * A +N/-N change and its reason, checked by the core as the CLI's
 * "points adjust" is. */
#include <config.h>

#include <curses.h>
#include <stdio.h>

#include "core/points.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_member_form.h"
#include "tui/tui_screens.h"

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
