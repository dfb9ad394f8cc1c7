/* tui_points_expiry.c - the expiry run, with a preview of who loses what
 *
 * The list is the core's preview (points expire --dry-run) as of the
 * date typed, today to begin with: each member's points that would go,
 * with their last day.  A later date shows what is coming; only up to
 * today can points really expire, and the core says so otherwise.  The
 * daily rules expire what is due by themselves, so today's list is
 * mostly empty: the run here is for a date the owner chooses to check. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/date.h"
#include "core/points.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_form.h"
#include "tui/tui_list.h"
#include "tui/tui_screens.h"

struct gone {
	char card[CARD_MAX], name[MEMBER_NAME_MAX], expires[11];
	int64_t points;
};

struct expiry {
	struct tui_form form;	/* first: tui_form_typing() and friends */
	struct tui_field as_of;
	struct tui_list l;
	struct md *md;
	struct gone *rows;
	size_t cap;
	int64_t members, points;
	bool ok;		/* the preview is of the date in the field */
};

static int
keep_gone(void *arg, const struct points_expiring *e)
{
	struct expiry *x = arg;
	struct gone *g;

	if (!md_grow(x->md, &x->rows, &x->cap, (size_t)x->l.n, sizeof *x->rows))
		return MD_ENOMEM;
	g = &x->rows[x->l.n++];
	snprintf(g->card, sizeof g->card, "%s", e->card);
	snprintf(g->name, sizeof g->name, "%s", e->name);
	snprintf(g->expires, sizeof g->expires, "%s", e->expires);
	g->points = e->points;
	return MD_OK;
}

static int
check_date(struct tui *t, struct tui_field *f, void *arg)
{
	struct date d;

	(void)arg;
	return date_parse(t->md, _("As of"), f->edit.buf, &d, false);
}

/* The preview for the date typed; false with the core's reason. */
static bool
preview(struct tui *t, struct expiry *x, struct date *d)
{
	x->l.n = 0;
	x->l.sel = x->l.top = 0;
	x->ok = false;
	if (date_parse(t->md, _("As of"), tui_form_text(&x->form, 0), d, false) ||
	    points_expire_preview(t->md, *d, keep_gone, x, &x->members, &x->points)) {
		tui_error(t, "%s", t->md->err);
		return false;
	}
	x->ok = true;
	return true;
}

static int
list_rows(void)
{
	return tui_body_rows() - 6;
}

static void
expiry_draw(struct tui *t, struct tui_view *v)
{
	struct expiry *x = v->state;
	int y = tui_body_top(), rows = list_rows(), i, a;
	char line[512], p[32], key[16];

	tui_put_role(t, y, 1, _("Points expire after their last day. Enter shows what goes by the date typed."),
		     COLS - 2, false, ROLE_DIM);
	tui_form_draw(t, &x->form, y + 1, 2);
	y += 3;
	text_format_int(x->points, p);
	tui_act_key(ACT_APPLY, 0, key, sizeof key);
	if (!x->ok)
		snprintf(line, sizeof line, "%s", "");
	else if (!x->points)
		snprintf(line, sizeof line, "%s", _("Nothing would expire."));
	else
		/* TRANSLATORS: points, members, the key (F2). */
		snprintf(line, sizeof line, P_("%s points would expire, of %lld member. %s expires them, after asking.",
					       "%s points would expire, of %lld members. %s expires them, after asking.",
					       x->members), p, (long long)x->members, key);
	tui_put_role(t, y, 1, line, COLS - 2, false, ROLE_GOOD);
	y += 1;
	tui_put_role(t, y, 1, _("Card"), 9, false, ROLE_HEADER);
	tui_put_role(t, y, 11, _("Name"), 20, false, ROLE_HEADER);
	tui_put_role(t, y, 32, _("Last day"), 12, false, ROLE_HEADER);
	tui_put_role(t, y, 45, _("Points"), 10, true, ROLE_HEADER);
	tui_list_scroll(&x->l, rows);
	for (i = 0; i < rows && x->l.top + i < x->l.n; i++) {
		const struct gone *g = &x->rows[x->l.top + i];

		text_format_int(g->points, p);
		a = tui_attr(t, x->l.top + i == x->l.sel ? ROLE_SELECTED : ROLE_NORMAL);
		attron(a);
		mvhline(y + 1 + i, 0, ' ', COLS);
		tui_put(y + 1 + i, 1, g->card, 9, false);
		tui_put(y + 1 + i, 11, g->name, 20, false);
		tui_put(y + 1 + i, 32, g->expires, 12, false);
		tui_put(y + 1 + i, 45, p, 10, true);
		attroff(a);
	}
}

static void
apply(struct tui *t, struct expiry *x)
{
	int64_t members, points;
	struct date d;
	char p[32], day[11];

	if (!preview(t, x, &d))
		return;
	date_format(d, day);
	text_format_int(x->points, p);
	if (!x->points) {
		tui_say(t, "%s", _("Nothing would expire."));
		return;
	}
	/* Ahead of today the core refuses: no question before its no. */
	if (date_to_days(d) <= date_to_days(clock_today(t->md)) &&
	    !tui_confirm(t, false, P_("Expire %s points of %lld member, as of %s?",
				      "Expire %s points of %lld members, as of %s?", x->members),
			 p, (long long)x->members, day)) {
		tui_say(t, "%s", _("Nothing changed."));
		return;
	}
	if (points_expire(t->md, d, &members, &points)) {
		tui_error(t, "%s", t->md->err);
		return;
	}
	text_format_int(points, p);
	preview(t, x, &d);
	tui_say(t, P_("%s points expired, of %lld member.", "%s points expired, of %lld members.",
		      members), p, (long long)members);
}

static enum tui_result
expiry_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct expiry *x = v->state;
	struct date d;

	if (act == ACT_QUIT || act == ACT_HELP || act == ACT_REDRAW || act == ACT_BACK)
		return TUI_IGNORED;
	if (tui_list_move(&x->l, act, list_rows()))	/* PgUp, PgDn: Up is a field's */
		return TUI_HANDLED;
	if (act == ACT_APPLY) {
		apply(t, x);
		return TUI_HANDLED;
	}
	switch (tui_form_key(t, &x->form, key, act)) {
	case FORM_SAVE:
		preview(t, x, &d);
		break;
	case FORM_CHANGED:
		x->ok = false;
		break;
	default:
		break;
	}
	return TUI_HANDLED;
}

static void
expiry_free(struct tui_view *v)
{
	struct expiry *x = v->state;

	free(x->rows);
	free(x);
}

static const enum tui_act expiry_acts[] = {ACT_APPLY, ACT_PGUP, ACT_PGDN, ACT_NONE};

static const struct tui_screen expiry_screen = {
	.name = N_("Points expiry"),
	.acts = expiry_acts,
	.draw = expiry_draw,
	.key = expiry_key,
	.typing = tui_form_typing,
	.free = expiry_free,
};

bool
tui_points_expiry_open(struct tui *t)
{
	struct expiry *x = calloc(1, sizeof *x);
	char today[11];
	struct date d;

	if (!x) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	x->md = t->md;
	x->as_of = (struct tui_field){.label = N_("As of"), .width = 12, .check = check_date,
				      .hint = N_("a date: what is past its last day before it goes")};
	x->form.fields = &x->as_of;
	x->form.n = 1;
	clock_today_text(t->md, today);
	tui_edit_set(&x->as_of.edit, today);
	if (!preview(t, x, &d)) {
		expiry_free(&(struct tui_view){&expiry_screen, x});
		return false;
	}
	return tui_push(t, &expiry_screen, x);
}
