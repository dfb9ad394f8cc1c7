/* tui_export.c - 导出: members, sales, balances or coupons to a CSV file
 *
 * The options of "memberdesk export": what, the file, its encoding, a
 * byte order mark for Excel, Chinese or English headers, and the dates.
 * The file appears only when written whole (outfile.h); the core puts
 * the export on record first, and refuses it to staff. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/export.h"
#include "core/outfile.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_form.h"
#include "tui/tui_report.h"
#include "tui/tui_screens.h"

enum { E_KIND, E_FILE, E_ENCODING, E_BOM, E_HEADERS, E_FROM, E_TO, E_COUNT };

struct export_form {
	struct tui_form form;	/* first: tui_form_typing() etc. */
	struct tui_field fields[E_COUNT];
	char picked[TUI_EDIT_MAX];	/* what the browser chose, or "" */
};

static const char *const kinds[] = {"members", "sales", "points", "wallet", "coupons", NULL};
static const char *const encodings[] = {"utf-8", "gb18030", NULL};
static const char *const no_yes[] = {N_("no"), N_("yes"), NULL};
static const char *const headers[] = {N_("English keys"), N_("Chinese"), NULL};

static int
check_date(struct tui *t, struct tui_field *f, void *arg)
{
	struct date d;

	if (!*f->edit.buf)
		return MD_OK;
	(void)arg;
	return date_parse(t->md, _(f->label), f->edit.buf, &d, false);
}

static int
check_file(struct tui *t, struct tui_field *f, void *arg)
{
	(void)arg;
	if (*f->edit.buf)
		return MD_OK;
	return md_fail(t->md, MD_EINVAL, "%s", _("give the file to write"));
}

static void
export_now(struct tui *t, struct export_form *e)
{
	const char *path = tui_form_text(&e->form, E_FILE), *from, *to;
	struct export_opts o = {0};
	struct outfile of;
	int64_t rows;
	int rc;

	o.kind = (enum export_kind)e->fields[E_KIND].choice;
	o.zh = e->fields[E_HEADERS].choice == 1;
	o.dest = path;
	from = tui_form_text(&e->form, E_FROM);
	to = tui_form_text(&e->form, E_TO);
	o.from = *from ? from : NULL;
	o.to = *to ? to : NULL;
	if ((rc = outfile_open(t->md, path, encodings[e->fields[E_ENCODING].choice],
			       e->fields[E_BOM].choice == 1 && e->fields[E_ENCODING].choice == 0,
			       &of))) {
		tui_error(t, "%s", t->md->err);
		return;
	}
	if ((rc = export_run(t->md, &o, of.fp, &rows))) {
		outfile_abort(&of);
		tui_error(t, "%s", t->md->err);
		return;
	}
	if ((rc = outfile_commit(t->md, &of))) {
		tui_error(t, "%s", t->md->err);
		return;
	}
	e->form.dirty = false;
	tui_say(t, P_("%lld row written to %s.", "%lld rows written to %s.", rows),
		(long long)rows, path);
}

static void
export_draw(struct tui *t, struct tui_view *v)
{
	struct export_form *e = v->state;

	tui_put_role(t, tui_body_top(), 1,
		     _("Export as CSV in the import's own columns: F2 writes the file, F4 picks a path."),
		     COLS - 2, false, ROLE_DIM);
	tui_form_draw(t, &e->form, tui_body_top() + 2, 2);
}

static enum tui_result
export_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct export_form *e = v->state;
	enum tui_form_event ev;

	if (act == ACT_QUIT || act == ACT_HELP || act == ACT_REDRAW)
		return TUI_IGNORED;	/* the frame's: F10 asks, F1 helps */
	if (act == ACT_BROWSE) {
		snprintf(e->picked, sizeof e->picked, "%s", tui_form_text(&e->form, E_FILE));
		tui_browse_open(t, e->picked, sizeof e->picked);
		return TUI_HANDLED;
	}
	if (act == ACT_EXPORT) {
		if (tui_form_check(t, &e->form))
			export_now(t, e);
		return TUI_HANDLED;
	}
	ev = tui_form_key(t, &e->form, key, act);
	if (ev == FORM_CANCEL)
		return TUI_IGNORED;
	if (ev == FORM_SAVE)
		export_now(t, e);
	return TUI_HANDLED;
}

static void
export_resume(struct tui *t, struct tui_view *v)
{
	struct export_form *e = v->state;

	(void)t;
	if (e->picked[0]) {
		tui_edit_set(&e->fields[E_FILE].edit, e->picked);
		e->picked[0] = '\0';
		e->form.dirty = true;
	}
}

static const enum tui_act export_acts[] = {
	ACT_EXPORT, ACT_BROWSE, ACT_NEXT, ACT_PREV, ACT_NONE
};

static const struct tui_screen export_screen = {
	.name = N_("Export"),
	.acts = export_acts,
	.draw = export_draw,
	.key = export_key,
	.typing = tui_form_typing,
	.dirty = tui_form_dirty,
	.resume = export_resume,
	.free = tui_form_free,
};

bool
tui_export_open(struct tui *t)
{
	struct export_form *e = calloc(1, sizeof *e);

	if (!e) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	e->fields[E_KIND] = (struct tui_field){.label = N_("What"), .kind = FIELD_CHOICE,
					       .choices = kinds, .literal = true, .width = 14};
	e->fields[E_FILE] = (struct tui_field){.label = N_("File"), .width = 44,
					       .check = check_file};
	e->fields[E_ENCODING] = (struct tui_field){.label = N_("Encoding"), .kind = FIELD_CHOICE,
						   .option = "--encoding",
						   .choices = encodings, .literal = true,
						   .width = 14, .hint = N_("gb18030 for old Excel")};
	e->fields[E_BOM] = (struct tui_field){.label = N_("BOM"), .kind = FIELD_CHOICE,
					      .choices = no_yes, .width = 14,
					      .hint = N_("UTF-8 only: Excel then reads it right")};
	e->fields[E_HEADERS] = (struct tui_field){.label = N_("Headers"), .kind = FIELD_CHOICE,
						  .choices = headers, .width = 18};
	e->fields[E_FROM] = (struct tui_field){.label = N_("From"), .width = 12, .option = "--from",
					       .check = check_date,
					       .hint = N_("YYYY-MM-DD: joined, sold or issued on or after")};
	e->fields[E_TO] = (struct tui_field){.label = N_("To"), .width = 12, .option = "--to",
					     .check = check_date,
					     .hint = N_("YYYY-MM-DD: ... on or before")};
	e->form.fields = e->fields;
	e->form.n = E_COUNT;
	e->form.arg = e;
	return tui_push(t, &export_screen, e);
}
