/* tui_import_columns.c - an import's columns, and the rows its dry run
 * rejected
 *
 * The columns: each header of the file and the field it is read as;
 * Space and Right read the selected one as the next field of the kind
 * (then as ignored), Left as the one before, F5 as its header says.
 * Every change is read by the core again at once, so what the screen
 * shows is what the import will do.  The errors: line, column, value
 * and problem, as "import --errors" writes them; F8 saves the rows
 * themselves, to be fixed and imported (rejects_write). */
#include <config.h>

#include <curses.h>
#include <stdlib.h>

#include "core/rejects.h"
#include "core/text.h"
#include "i18n.h"
#include "tui/tui_import.h"
#include "tui/tui_screens.h"

struct pane {
	struct tui_import *im;
	struct tui_list l;
};

static int
list_rows(void)
{
	return tui_body_rows() - 3;
}

static int
fields_of(const struct tui_import *im)
{
	int n = 0;

	while (import_field_key((enum import_kind)im->fields[I_KIND].choice, (size_t)n))
		n++;
	return n;
}

/* Header, ignored, the fields: one step on, or back. */
static void
step(struct tui_import *im, int col, int by)
{
	int n = MAP_FIELD + fields_of(im);

	im->map[col] = (im->map[col] + by + n) % n;
}

static void
columns_draw(struct tui *t, struct tui_view *v)
{
	struct pane *p = v->state;
	struct tui_import *im = p->im;
	struct tui_col c[3] = {{N_("Column"), 0, false}, {N_("Read as"), 18, false},
			       {N_("Chosen"), 0, false}};
	int y = tui_body_top() + 3, rows = list_rows(), i, w;

	c[0].width = text_width(_(c[0].head));
	for (size_t k = 0; k < im->cols.n; k++)
		if ((w = text_width(im->cols.cols[k].header)) > c[0].width)
			c[0].width = w < 30 ? w : 30;
	tui_cols_fit(c, 3, 0, 10);
	tui_put_role(t, tui_body_top(), 1,
		     _("Space, Right: the next field; Left: the one before; F5: as its header says."),
		     COLS - 2, false, ROLE_DIM);
	tui_table_row(t, y - 1, c, 3, NULL, ROLE_HEADER);
	p->l.n = (int)im->cols.n;
	tui_list_scroll(&p->l, rows);
	for (i = 0; i < rows && p->l.top + i < p->l.n; i++) {
		const struct import_column *k = &im->cols.cols[p->l.top + i];
		int m = (size_t)(p->l.top + i) < im->nmap ? im->map[p->l.top + i] : MAP_HEADER;
		const char *cells[3] = {k->header, k->field ? k->field : _("(ignored)"),
					m == MAP_HEADER ? _("by its header") : _("by you")};

		tui_table_row(t, y + i, c, 3, cells,
			      p->l.top + i == p->l.sel ? ROLE_SELECTED : ROLE_NORMAL);
	}
}

static enum tui_result
columns_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct pane *p = v->state;
	struct tui_import *im = p->im;
	int col = p->l.sel;

	(void)key;
	if (tui_list_move(&p->l, act, list_rows()))
		return TUI_HANDLED;
	if ((size_t)col >= im->nmap)
		return TUI_IGNORED;
	switch (act) {
	case ACT_MAP_NEXT: step(im, col, 1); break;
	case ACT_MAP_PREV: step(im, col, -1); break;
	case ACT_MAP_AUTO: im->map[col] = MAP_HEADER; break;
	default: return TUI_IGNORED;
	}
	im->form.dirty = true;
	tui_import_reload(t, im, true);
	return TUI_HANDLED;
}

static void
pane_free(struct tui_view *v)
{
	free(v->state);	/* the import's state is the form's */
}

static const enum tui_act columns_acts[] = {
	ACT_MAP_NEXT, ACT_MAP_PREV, ACT_MAP_AUTO, TUI_LIST_ACTS, ACT_NONE
};

static const struct tui_screen columns_screen = {
	.name = N_("Columns of the file"),
	.acts = columns_acts,
	.draw = columns_draw,
	.key = columns_key,
	.free = pane_free,
};

static bool
pane_open(struct tui *t, struct tui_import *im, const struct tui_screen *scr, size_t n)
{
	struct pane *p = calloc(1, sizeof *p);

	if (!p) {
		tui_error(t, "%s", _("out of memory"));
		return false;
	}
	p->im = im;
	p->l.n = (int)n;	/* keys typed ahead come before the first draw */
	return tui_push(t, scr, p);
}

bool
tui_import_columns_open(struct tui *t, struct tui_import *im)
{
	return pane_open(t, im, &columns_screen, im->cols.n);
}

/* ---- The rejected rows ------------------------------------------------ */

static int
error_rows(void)
{
	return list_rows() - 3;	/* a blank, the selected problem whole */
}

/* What the rows are: a dry run's or an import's, and what became of the
 * others (the options of the form are those of the run: changing one
 * drops the rows). */
static void
intro_of(const struct tui_import *im, const char *n, char *out, size_t size)
{
	unsigned long k = (unsigned long)im->problems.n;

	if (im->checked && im->fields[I_BAD].choice)
		snprintf(out, size,
			 P_("The dry run rejected %s row: the import would leave it out.",
			    "The dry run rejected %s rows: the import would leave them out.", k), n);
	else if (im->checked)
		snprintf(out, size,
			 P_("The dry run rejected %s row: nothing can be imported until it is right.",
			    "The dry run rejected %s rows: nothing can be imported until they are right.",
			    k), n);
	else if (im->res.committed)
		snprintf(out, size, P_("The import left out %s rejected row.",
				       "The import left out %s rejected rows.", k), n);
	else
		snprintf(out, size, P_("The import rejected %s row, so nothing was imported.",
				       "The import rejected %s rows, so nothing was imported.", k), n);
}

static void
errors_draw(struct tui *t, struct tui_view *v)
{
	struct pane *p = v->state;
	struct tui_import *im = p->im;
	struct tui_col c[4] = {{N_("Line"), 6, true}, {N_("Column"), 12, false},
			       {N_("Value"), 16, false}, {N_("Problem"), 0, false}};
	char line[32], intro[200], n[32];
	int y = tui_body_top() + 3, rows = error_rows(), i;

	tui_cols_fit(c, 4, 0, 20);
	text_format_int((int64_t)im->problems.n, n);
	intro_of(im, n, intro, sizeof intro);
	tui_put_role(t, tui_body_top(), 1, intro, COLS - 2, false, ROLE_DIM);
	tui_table_row(t, y - 1, c, 4, NULL, ROLE_HEADER);
	p->l.n = (int)im->problems.n;
	tui_list_scroll(&p->l, rows);
	for (i = 0; i < rows && p->l.top + i < p->l.n; i++) {
		const struct import_problem *q = &im->problems.p[p->l.top + i];
		const char *cells[4] = {line, q->column, q->value, q->problem};

		snprintf(line, sizeof line, "%lld", (long long)q->line);
		tui_table_row(t, y + i, c, 4, cells,
			      p->l.top + i == p->l.sel ? ROLE_SELECTED : ROLE_NORMAL);
	}
	/* The selected problem whole, where the column cut it. */
	if (p->l.n)
		tui_put_wrapped(t, LINES - 5, 1, im->problems.p[p->l.sel].problem, COLS - 2, 2,
				ROLE_DIM);
}

static enum tui_result
errors_key(struct tui *t, struct tui_view *v, int key, enum tui_act act)
{
	struct pane *p = v->state;

	(void)key;
	if (act == ACT_SAVE_REJECTS) {
		if (!tui_import_save_rejects(t, p->im))
			tui_say(t, "%s", _("The rejected rows were not saved."));
		return TUI_HANDLED;
	}
	return tui_list_move(&p->l, act, error_rows()) ? TUI_HANDLED : TUI_IGNORED;
}

static const enum tui_act errors_acts[] = {ACT_SAVE_REJECTS, TUI_LIST_ACTS, ACT_NONE};

static const struct tui_screen errors_screen = {
	.name = N_("Rejected rows"),
	.acts = errors_acts,
	.draw = errors_draw,
	.key = errors_key,
	.free = pane_free,
};

bool
tui_import_errors_open(struct tui *t, struct tui_import *im)
{
	return pane_open(t, im, &errors_screen, im->problems.n);
}

/* Ask where, proposing a name beside the file, and have the core write
 * the rows there as the file has them, with why each was rejected. */
bool
tui_import_save_rejects(struct tui *t, struct tui_import *im)
{
	struct import_opts o;
	char name[TUI_EDIT_MAX], question[256], n[32];
	int64_t rows;

	tui_import_opts(im, &o, true);
	rejects_name(o.path, name, sizeof name);
	text_format_int(im->res.rejected, n);
	snprintf(question, sizeof question,
		 P_("%s row rejected. Save it to fix, as", "%s rows rejected. Save them to fix, as",
		    (unsigned long)im->res.rejected), n);
	if (!tui_ask(t, question, name, sizeof name))
		return false;
	if (rejects_write(t->md, &o, im->res.sha256, &im->problems, name, &rows)) {
		tui_error(t, "%s", t->md->err);
		return true;
	}
	text_format_int(rows, n);
	tui_say(t, P_("%s row saved to %s: fix it there and import that file.",
		      "%s rows saved to %s: fix them there and import that file.",
		      (unsigned long)rows), n, name);
	return true;
}
