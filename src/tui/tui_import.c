/* tui_import.c - 导入: another system's file, checked, then imported
 *
 * The file is typed or picked (F4), with its kind and options; when the
 * file or an option changes the core reads its header again
 * (import_columns) and the form shows the encoding and delimiter found
 * and the field each column is read as, which F6 changes.  F5 is the
 * dry run: the real import rolled back, its rejected rows kept for F7.
 * F9 imports, after asking, with a progress bar: every row or, when one
 * is rejected, none (import_run's rule; the screen adds nothing), or
 * with "Bad rows: skip" the good ones.  The options below the file are
 * import_opts' (those of another kind hidden); the result says what
 * they did.  Rejected rows are offered for saving after an import, and
 * on F8, as the core writes them (rejects_write): to fix and import. */
#include <config.h>

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvio.h"
#include "core/rejects.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_import.h"
#include "tui/tui_screens.h"

static const char *const kinds[] = {"members", "sales", "points", "wallet", NULL};
static const char *const encodings[] = {"auto", "utf-8", "gb18030", "big5", NULL};
static const char *const delims[] = {N_("from the header"), ",", ";", N_("tab"), NULL};
static const char *const dups[] = {N_("skip"), N_("update"), N_("fail"), NULL};
/* TRANSLATORS: bad rows: the file stops at one (nothing is imported), or they are skipped */
static const char *const bads[] = {N_("stop"), N_("skip"), NULL};
static const char *const tiers[] = {N_("reject"), N_("new tier"), NULL};
static const char *const unknowns[] = {N_("reject"), N_("register"), NULL};
static const char *const returns[] = {N_("skip"), N_("net"), NULL};

/* The options of the kind chosen, the others hidden. */
static void
show_options(struct tui_import *im)
{
	enum import_kind kind = (enum import_kind)im->fields[I_KIND].choice;

	im->fields[I_TIERS].hidden = kind != IMPORT_MEMBERS;
	im->fields[I_CREATE].hidden = im->fields[I_RETURNS].hidden = kind != IMPORT_SALES;
}

void
tui_import_opts(struct tui_import *im, struct import_opts *o, bool dry_run)
{
	static const char delim_of[] = {0, ',', ';', '\t'};

	memset(o, 0, sizeof *o);
	o->kind = (enum import_kind)im->fields[I_KIND].choice;
	o->path = tui_form_text(&im->form, I_FILE);
	csvio_encoding_parse(encodings[im->fields[I_ENCODING].choice], &o->encoding);
	o->delim = delim_of[im->fields[I_DELIM].choice];
	o->on_duplicate = (enum import_dup)im->fields[I_DUP].choice;
	o->maps = im->maps;
	o->nmaps = im->nmaps;
	o->dry_run = dry_run;
	o->skip_bad = im->fields[I_BAD].choice == 1;
	o->create_tiers = o->kind == IMPORT_MEMBERS && im->fields[I_TIERS].choice == 1;
	o->create_members = o->kind == IMPORT_SALES && im->fields[I_CREATE].choice == 1;
	o->returns_net = o->kind == IMPORT_SALES && im->fields[I_RETURNS].choice == 1;
}

/* The maps the owner's choices make, one per column chosen. */
static bool
build_maps(struct tui_import *im)
{
	enum import_kind kind = (enum import_kind)im->fields[I_KIND].choice;
	size_t i;

	free(im->maps);
	im->nmaps = 0;
	if (!(im->maps = calloc(im->nmap ? im->nmap : 1, sizeof *im->maps)))
		return false;
	for (i = 0; i < im->nmap && i < im->cols.n; i++) {
		if (im->map[i] == MAP_HEADER)
			continue;
		im->maps[im->nmaps].column = im->cols.cols[i].header;
		im->maps[im->nmaps++].field = im->map[i] == MAP_IGNORE ? "-" :
			import_field_key(kind, (size_t)(im->map[i] - MAP_FIELD));
	}
	return true;
}

/* What the columns were read with: kind, file, encoding, delimiter. */
static void
signature(const struct tui_import *im, char *out, size_t n)
{
	snprintf(out, n, "%d|%d|%d|%s", im->fields[I_KIND].choice,
		 im->fields[I_ENCODING].choice, im->fields[I_DELIM].choice,
		 tui_form_text(&im->form, I_FILE));
}

void
tui_import_reload(struct tui *t, struct tui_import *im, bool force)
{
	struct import_columns cols;
	struct import_opts o;
	char sig[sizeof im->loaded];
	bool same;
	int rc;

	signature(im, sig, sizeof sig);
	same = !strcmp(sig, im->loaded);
	if (same && !force)
		return;
	snprintf(im->loaded, sizeof im->loaded, "%s", sig);
	im->checked = false;
	rejects_clear(&im->problems);
	im->said[0] = im->fields[I_FILE].err[0] = '\0';
	if (!same)
		im->nmaps = 0;	/* another file: its own header decides */
	else if (!build_maps(im))
		tui_error(t, "%s", _("out of memory"));
	if (!*tui_form_text(&im->form, I_FILE)) {
		import_columns_free(&im->cols);
		return;
	}
	tui_import_opts(im, &o, true);
	rc = import_columns(t->md, &o, &cols);
	import_columns_free(&im->cols);
	im->cols = cols;
	if (rc) {
		import_columns_free(&im->cols);
		text_copy(im->fields[I_FILE].err, sizeof im->fields[I_FILE].err, t->md->err);
		tui_error(t, "%s", t->md->err);
	}
	if (!same || im->nmap != im->cols.n) {
		free(im->map);
		im->map = calloc(im->cols.n ? im->cols.n : 1, sizeof *im->map);
		im->nmap = im->map ? im->cols.n : 0;
	}
	if (!build_maps(im))
		tui_error(t, "%s", _("out of memory"));
}

static int
on_reject(void *arg, const struct import_problem *p)
{
	struct tui_import *im = arg;

	return rejects_keep(im->t->md, &im->problems, p);
}

/* Drawn from inside the import: the form reads no database to draw. */
static void
on_progress(void *arg, int64_t done, int64_t total)
{
	struct tui_import *im = arg;
	int pct = total > 0 ? (int)(done * 100 / total) : 100;

	im->done = done;
	im->total = total;
	if (pct == im->shown)
		return;
	im->shown = pct;
	tui_draw_all(im->t);
}

/* Append to IM->said a sentence on N things, when there are any. */
#define SAY_COUNT(im, n, one, many) \
	do { \
		size_t o_ = strlen((im)->said); \
		char num_[32]; \
		if ((n) && o_ + 2 < sizeof (im)->said) { \
			text_format_int((n), num_); \
			(im)->said[o_++] = ' '; \
			snprintf((im)->said + o_, sizeof (im)->said - o_, \
				 P_(one, many, (unsigned long)(n)), num_); \
		} \
	} while (0)

/* What the options did (or, on a dry run, would do). */
static void
say_options(struct tui_import *im, const struct import_opts *o)
{
	const struct import_result *r = &im->res;

	if (o->dry_run) {
		SAY_COUNT(im, r->created, "%s member would be registered from the sales.",
		    "%s members would be registered from the sales.");
		SAY_COUNT(im, r->tiers_created, "%s tier would be made for the file's levels.",
		    "%s tiers would be made for the file's levels.");
	} else {
		SAY_COUNT(im, r->created, "%s member registered from the sales.",
		    "%s members registered from the sales.");
		SAY_COUNT(im, r->tiers_created, "%s tier made for the file's levels: set its rules under Tiers.",
		    "%s tiers made for the file's levels: set their rules under Tiers.");
	}
	if (o->returns_net)
		SAY_COUNT(im, r->returns, "%s return row netted against its ticket.",
		    "%s return rows netted against their tickets.");
	else
		SAY_COUNT(im, r->returns, "%s return row skipped.", "%s return rows skipped.");
	SAY_COUNT(im, r->walk_ins, "%s sale without a member (walk-in).",
	    "%s sales without a member (walk-in).");
	if (o->skip_bad && o->dry_run)
		SAY_COUNT(im, r->rejected, "%s rejected row would be left out.",
		    "%s rejected rows would be left out.");
	else if (o->skip_bad && r->committed)
		SAY_COUNT(im, r->rejected, "%s rejected row was left out.",
		    "%s rejected rows were left out.");
}

/* "12 rows read: 10 members added, 2 rejected." and what the options
 * did, then where to read the rejected rows and how to save them. */
static void
say_result(struct tui_import *im, const struct import_opts *o)
{
	const struct import_result *r = &im->res;
	char a[32], b[32], c[32], d[32], keys[2][16];

	text_format_int(r->rows, a);
	text_format_int(r->inserted + r->updated, b);
	text_format_int(r->duplicates + r->returns + r->free_lines, c);
	text_format_int(r->rejected, d);
	if (o->dry_run)
		/* TRANSLATORS: rows read, would be written, skipped, rejected */
		snprintf(im->said, sizeof im->said,
			 _("Dry run: %s rows read; %s would be written, %s skipped, %s rejected."),
			 a, b, c, d);
	else if (r->committed)
		snprintf(im->said, sizeof im->said,
			 _("Imported as import #%lld: %s rows read; %s written, %s skipped."),
			 (long long)r->import_id, a, b, c);
	else
		snprintf(im->said, sizeof im->said,
			 _("Nothing was imported: %s rows read, %s rejected."), a, d);
	if (o->dry_run || r->committed)
		say_options(im, o);
	if (im->problems.n) {
		size_t n = strlen(im->said);

		tui_act_key(ACT_ERRORS, 0, keys[0], sizeof keys[0]);
		tui_act_key(ACT_SAVE_REJECTS, 0, keys[1], sizeof keys[1]);
		/* TRANSLATORS: F7 lists them, F8 saves them */
		snprintf(im->said + n, sizeof im->said - n, " ");
		snprintf(im->said + n + 1, sizeof im->said - n - 1,
			 _("%s lists them, %s saves them to fix."), keys[0], keys[1]);
	}
}

/* No columns to work with: why (the core's words on the file), or
 * that there is no file yet. */
static void
no_file(struct tui *t, const struct tui_import *im)
{
	if (im->fields[I_FILE].err[0])
		tui_error(t, "%s", im->fields[I_FILE].err);
	else
		tui_error(t, "%s", _("Give the file to import first (F4 picks it)."));
}

static void
run(struct tui *t, struct tui_import *im, bool dry_run)
{
	struct import_opts o;
	int rc;

	tui_import_reload(t, im, false);
	if (!im->cols.n) {
		no_file(t, im);
		return;
	}
	rejects_clear(&im->problems);
	tui_import_opts(im, &o, dry_run);
	o.reject = on_reject;
	o.arg = im;
	if (!dry_run)
		o.progress = on_progress;
	im->running = !dry_run;
	im->shown = -1;
	rc = import_run(t->md, &o, &im->res);
	im->running = false;
	im->checked = dry_run;
	im->check_rc = rc;
	say_result(im, &o);
	if (!rc && !dry_run)
		im->form.dirty = false;
	/* The offer to save takes the status line: the result after it
	 * when the owner says no. */
	if (!dry_run && im->problems.n && tui_import_save_rejects(t, im))
		return;
	if (rc)
		tui_error(t, "%s", t->md->err);
	else
		tui_say(t, "%s", im->said);
}

static void
import_now(struct tui *t, struct tui_import *im)
{
	const char *path = tui_form_text(&im->form, I_FILE);

	tui_import_reload(t, im, false);
	if (im->cols.n &&
	    !tui_confirm(t, false, im->fields[I_BAD].choice ?
			 _("Import %s as %s? The good rows go in, the rejected stay out.") :
			 _("Import %s as %s? Every row goes in, or none."), path,
			 kinds[im->fields[I_KIND].choice])) {
		tui_say(t, "%s", _("Nothing was imported."));
		return;
	}
	run(t, im, false);
}

#define RESULT_ROWS 3	/* the result, wrapped */

static int
label_w(void)
{
	const char *l[] = {_("Found"), _("Columns"), _("Result")};
	int w = 0;

	for (int i = 0; i < 3; i++)
		if (text_width(l[i]) > w)
			w = text_width(l[i]);
	return w;
}

/* The columns as "卡号 → card, 姓名 → name, 备注 → (ignored)". */
static void
draw_columns(struct tui *t, const struct tui_import *im, int y, int lw, int rows)
{
	char line[4096];
	size_t o = 0;

	line[0] = '\0';
	for (size_t i = 0; i < im->cols.n && o < sizeof line - 300; i++)
		o += (size_t)snprintf(line + o, sizeof line - o, "%s%s \xE2\x86\x92 %s",
				      i ? ", " : "", im->cols.cols[i].header,
				      im->cols.cols[i].field ? im->cols.cols[i].field :
							       _("(ignored)"));
	tui_put_role(t, y, 2, _("Columns"), lw, false, ROLE_LABEL);
	tui_put_wrapped(t, y, 4 + lw, line, COLS - 6 - lw, rows, ROLE_NORMAL);
}

static void
draw_found(struct tui *t, const struct tui_import *im, int y, int lw)
{
	const char *d = im->cols.delim == '\t' ? _("tab") : im->cols.delim == ';' ? ";" : ",";
	char line[300], size[32];

	text_format_int(im->cols.size, size);
	/* TRANSLATORS: encoding, " with a BOM" or "", delimiter, bytes */
	snprintf(line, sizeof line, _("%s%s, delimiter \"%s\", %s bytes, %zu columns"),
		 csvio_encoding_name(im->cols.encoding), im->cols.bom ? _(" with a BOM") : "",
		 d, size, im->cols.n);
	tui_put_pair(t, y, 2, lw, _("Found"), line, COLS - 4);
}

static void
draw_progress(struct tui *t, const struct tui_import *im, int y)
{
	char pct[16];
	int w = COLS - 12;

	snprintf(pct, sizeof pct, "%3d%%", im->shown < 0 ? 0 : im->shown);
	tui_put(y, 2, pct, 5, false);
	tui_put_bar(t, y, 8, im->done, im->total > 0 ? im->total : 1, w, ROLE_GOOD);
}

static void
import_draw(struct tui *t, struct tui_view *v)
{
	struct tui_import *im = v->state;
	int lw = label_w(), y, bottom = LINES - 2 - RESULT_ROWS;

	tui_put_role(t, tui_body_top(), 1,
		     _("F4 picks the file, F6 its columns, F5 checks every row, F9 imports."),
		     COLS - 2, false, ROLE_DIM);
	y = tui_form_draw(t, &im->form, tui_body_top() + 2, 2) + 1;
	if (im->running) {
		draw_progress(t, im, y);
		return;
	}
	if (!im->cols.n)
		return;
	draw_found(t, im, y++, lw);
	if (!im->said[0])
		bottom += RESULT_ROWS;
	draw_columns(t, im, y, lw, bottom - y);
	if (im->said[0]) {
		tui_put_role(t, bottom, 2, _("Result"), lw, false, ROLE_LABEL);
		tui_put_wrapped(t, bottom, 4 + lw, im->said, COLS - 6 - lw, RESULT_ROWS,
				ROLE_NORMAL);
	}
}

static enum tui_result
import_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct tui_import *im = v->state;
	enum tui_form_event ev;

	if (act == ACT_QUIT || act == ACT_HELP || act == ACT_REDRAW)
		return TUI_IGNORED;	/* the frame's: F10 asks, F1 helps */
	switch (act) {
	case ACT_BROWSE:
		snprintf(im->picked, sizeof im->picked, "%s", tui_form_text(&im->form, I_FILE));
		tui_browse_open(t, im->picked, sizeof im->picked);
		return TUI_HANDLED;
	case ACT_COLUMNS:
		tui_import_reload(t, im, false);
		if (im->cols.n)
			tui_import_columns_open(t, im);
		else
			no_file(t, im);
		return TUI_HANDLED;
	case ACT_DRY_RUN:
		run(t, im, true);
		return TUI_HANDLED;
	case ACT_ERRORS:
		if (im->problems.n)
			tui_import_errors_open(t, im);
		else
			tui_say(t, "%s", im->checked ? _("The dry run rejected no row.") :
				_("No dry run yet: F5 checks every row."));
		return TUI_HANDLED;
	case ACT_IMPORT:
		import_now(t, im);
		return TUI_HANDLED;
	case ACT_SAVE_REJECTS:
		tui_import_reload(t, im, false);
		if (im->problems.n && !tui_import_save_rejects(t, im))
			tui_say(t, "%s", _("The rejected rows were not saved."));
		else if (!im->problems.n)
			tui_say(t, "%s", _("No rejected rows to save: F5 checks every row."));
		return TUI_HANDLED;
	default:
		break;
	}
	ev = tui_form_key(t, &im->form, key, act);
	if (ev == FORM_CANCEL)
		return TUI_IGNORED;	/* Esc: back */
	if (ev == FORM_CHANGED && im->form.focus >= I_BAD) {
		rejects_clear(&im->problems);	/* another option: another result */
		im->said[0] = '\0';
		im->checked = false;
	}
	show_options(im);
	if (ev == FORM_SAVE)
		run(t, im, true);	/* Enter on the last field: the dry run */
	else if (ev == FORM_MOVED || (ev == FORM_CHANGED && im->form.focus != I_FILE))
		tui_import_reload(t, im, false);
	return TUI_HANDLED;
}

/* Back from the browser or the columns: read what they chose. */
static void
import_resume(struct tui *t, struct tui_view *v)
{
	struct tui_import *im = v->state;

	if (im->picked[0]) {	/* the browser chose a file */
		tui_edit_set(&im->fields[I_FILE].edit, im->picked);
		im->picked[0] = '\0';
		im->form.dirty = true;
	}
	tui_import_reload(t, im, true);
}

static void
import_free(struct tui_view *v)
{
	struct tui_import *im = v->state;

	rejects_free(&im->problems);
	import_columns_free(&im->cols);
	free(im->map);
	free(im->maps);
	free(im);
}

static const enum tui_act import_acts[] = {
	ACT_BROWSE, ACT_DRY_RUN, ACT_COLUMNS, ACT_IMPORT, ACT_ERRORS, ACT_SAVE_REJECTS,
	ACT_NEXT, ACT_PREV, ACT_NONE
};

static const struct tui_screen import_screen = {
	.name = N_("Import"),
	.acts = import_acts,
	.draw = import_draw,
	.key = import_key,
	.typing = tui_form_typing,
	.dirty = tui_form_dirty,
	.resume = import_resume,
	.free = import_free,
};

bool
tui_import_open(struct tui *t)
{
	struct tui_import *im = calloc(1, sizeof *im);

	if (!im) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	im->t = t;
	im->fields[I_KIND] = (struct tui_field){.label = N_("What"), .kind = FIELD_CHOICE,
						.choices = kinds, .literal = true, .width = 14};
	im->fields[I_FILE] = (struct tui_field){.label = N_("File"), .width = 44,
						.hint = N_("F4 picks it")};
	im->fields[I_ENCODING] = (struct tui_field){.label = N_("Encoding"), .kind = FIELD_CHOICE,
						    .choices = encodings, .literal = true,
						    .width = 14, .option = "--encoding"};
	im->fields[I_DELIM] = (struct tui_field){.label = N_("Delimiter"), .kind = FIELD_CHOICE,
						 .choices = delims, .width = 20};
	im->fields[I_DUP] = (struct tui_field){.label = N_("Registered"), .kind = FIELD_CHOICE,
					       .choices = dups, .width = 14,
					       .hint = N_("a member already there: skip, update or fail")};
	im->fields[I_BAD] = (struct tui_field){.label = N_("Bad rows"), .kind = FIELD_CHOICE,
					       .choices = bads, .width = 14, .option = "--skip-bad",
					       .hint = N_("skip: import the good rows, leave out the bad")};
	im->fields[I_TIERS] = (struct tui_field){.label = N_("New levels"), .kind = FIELD_CHOICE,
						 .choices = tiers, .width = 14,
						 .option = "--create-tiers",
						 .hint = N_("a level no tier has: reject it, or add a tier")};
	im->fields[I_CREATE] = (struct tui_field){.label = N_("Unknown cards"),
						  .kind = FIELD_CHOICE, .choices = unknowns,
						  .width = 14, .option = "--create-members",
						  .hint = N_("cards that are not members: reject, or register")};
	im->fields[I_RETURNS] = (struct tui_field){.label = N_("Returns"), .kind = FIELD_CHOICE,
						   .choices = returns, .width = 14,
						   .hint = N_("negative lines: skip, or net against the ticket")};
	show_options(im);
	im->form.fields = im->fields;
	im->form.n = I_COUNT;
	im->form.arg = im;
	return tui_push(t, &import_screen, im);
}
