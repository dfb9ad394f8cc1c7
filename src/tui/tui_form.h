/* tui_form.h - labelled fields with inline checks
 *
 * Tab, Down and Enter go to the next field, Shift-Tab and Up to the one
 * before; Enter on the last field or F2 saves; Esc cancels.  A field is
 * checked when it is left, with the core's own check so the message is
 * the CLI's, and every field again before a save.  What was typed stays
 * in the fields until the screen is closed, so a failed save loses
 * nothing. */
#ifndef MD_TUI_FORM_H
#define MD_TUI_FORM_H

#include <stdbool.h>

#include "tui/tui_edit.h"
#include "tui/tui_priv.h"

enum tui_field_kind {
	FIELD_TEXT,
	FIELD_CHOICE,	/* Space, Left and Right step through CHOICES */
};

struct tui_field;
/* MD_OK, or a core status with the message in t->md->err. */
typedef int (*tui_field_check)(struct tui *t, struct tui_field *f, void *arg);

struct tui_field {
	const char *label;		/* N_() */
	enum tui_field_kind kind;
	struct tui_edit edit;
	const char *const *choices;	/* N_() labels, NULL-terminated */
	bool literal;			/* CHOICES are shown as they are: names */
	int choice;
	int width;			/* input columns; 0: up to 30 */
	tui_field_check check;		/* may be NULL */
	const char *hint;		/* N_(): shown after the box */
	/* The command line's option for what this field gives ("--from"):
	 * a core message naming the option names the field instead. */
	const char *option;
	bool hidden;			/* not shown, not visited, not checked */
	char err[1024];
};

struct tui_form {
	struct tui_field *fields;
	int n, focus;
	void *arg;			/* handed to the checks */
	bool dirty;			/* something was typed */
};

enum tui_form_event {
	FORM_NONE,
	FORM_CHANGED,	/* a field's value changed */
	FORM_MOVED,	/* the focus moved to another field */
	FORM_SAVE,	/* every field passed its check: save now */
	FORM_CANCEL,
};

enum tui_form_event tui_form_key(struct tui *t, struct tui_form *f, int key,
				 enum tui_act act);
/* Draw the fields from row Y, labels at column X; the next free row. */
int tui_form_draw(struct tui *t, struct tui_form *f, int y, int x);
/* Run every check; false (focus on the first failure) when one fails. */
bool tui_form_check(struct tui *t, struct tui_form *f);
/* The text of field I (the choice's index as text for FIELD_CHOICE is
 * not given: read f->fields[i].choice). */
const char *tui_form_text(const struct tui_form *f, int i);

/* A form screen keeps its struct tui_form first in its state, so that
 * these serve as its typing, dirty and free ops: it is always typing,
 * it is dirty once something was typed, and its state is one block. */
bool tui_form_typing(const struct tui_view *v);

/* md->input_name for the screens (ARG is the struct tui): the label of
 * the top form's field that gives OPTION; NULL when there is none. */
const char *tui_form_input_name(void *arg, const char *option);
bool tui_form_dirty(const struct tui_view *v);
void tui_form_free(struct tui_view *v);

#endif
